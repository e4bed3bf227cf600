import type { CallOptions, Transport } from '../client.ts';
import { newIdempotencyKey, writeIfMatch } from '../etags.ts';
import type { EtagStore } from '../etags.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type {
  LeaveAdjustment,
  LeaveBalance,
  LeaveBalances,
  LeaveEntitlement,
  LeaveRequest,
  LeaveRequestStatus,
  NewLeaveRequest,
  WorkingPatterns,
  WorkingPatternWrite,
} from '../types.ts';
import type { CreateOptions, EmployeeRef, UpdateOptions } from './people.ts';

/** `people/{id}[/record]`, with the id checked and encoded. */
export function personPath(employeeId: EmployeeRef, record?: string): string {
  if (typeof employeeId !== 'string' || employeeId === '') throw new TypeError('An employee id (emp_…) or "me" is required');
  const person = `people/${encodeURIComponent(employeeId)}`;
  return record ? `${person}/${record}` : person;
}

export interface LeaveYearOptions extends CallOptions {
  /** A date (`YYYY-MM-DD`) in the leave year wanted; default today. */
  on?: string;
}

export interface LeaveRequestListOptions extends CallOptions {
  /** Only these statuses (one, or several). */
  status?: LeaveRequestStatus | LeaveRequestStatus[];
  /** Only requests overlapping `from`–`to` (`YYYY-MM-DD`). */
  from?: string;
  to?: string;
  /** Page size, 1–100 (default 20). */
  limit?: number;
  cursor?: string;
}

/**
 * Leave requests. Each read and write remembers the request's ETag; `submit` and `cancel` send it as
 * `If-Match` (or the `ifMatch` you pass), so you never act on a version you have not seen
 * (`PreconditionError`, 412). A request in the wrong state for the action is a `ConflictError` (409).
 */
export class LeaveRequestsResource {
  readonly #transport: Transport;
  readonly #etags: EtagStore;
  constructor(transport: Transport, etags: EtagStore) {
    this.#transport = transport;
    this.#etags = etags;
  }

  /** Requests, latest start first. The page is async-iterable over every request. */
  async list(employeeId: EmployeeRef = 'me', options: LeaveRequestListOptions = {}): Promise<Page<LeaveRequest>> {
    const { status, from, to, limit, cursor, ...call } = options;
    const url = personPath(employeeId, 'leave-requests');
    const statuses = Array.isArray(status) ? status.join(',') : status;
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<LeaveRequest>>('GET', url, { ...call, searchParams: { status: statuses, from, to, limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /** One request. Remembers its ETag for `submit` and `cancel`. */
  async get(employeeId: EmployeeRef, leaveRequestId: string, options: CallOptions = {}): Promise<LeaveRequest> {
    const url = requestPath(employeeId, leaveRequestId);
    const { data, response } = await this.#transport.send<LeaveRequest>('GET', url, options);
    this.#etags.remember(url, response, data);
    return data;
  }

  /**
   * Requests leave (`submit: false` saves a draft). The server counts the working hours from the
   * pattern and checks notice, overlap and balance (refusals are `ValidationError`s with a `code` such
   * as `insufficient_balance`). Sent with an `Idempotency-Key`, so a retry never creates a second one.
   */
  async create(employeeId: EmployeeRef, request: NewLeaveRequest, options: CreateOptions = {}): Promise<LeaveRequest> {
    const { idempotencyKey = newIdempotencyKey(), ...call } = options;
    const { data, response } = await this.#transport.send<LeaveRequest>('POST', personPath(employeeId, 'leave-requests'), { ...call, json: request, idempotencyKey });
    this.#etags.remember(requestPath(employeeId, data.id), response, data);
    return data;
  }

  /** Submits a draft for approval (`If-Match`). */
  submit(employeeId: EmployeeRef, leaveRequestId: string, options: UpdateOptions = {}): Promise<LeaveRequest> {
    return this.#transition(employeeId, leaveRequestId, 'submit', options);
  }

  /** Cancels a draft, a pending request or approved leave not yet started; the balance is restored (`If-Match`). */
  cancel(employeeId: EmployeeRef, leaveRequestId: string, options: UpdateOptions = {}): Promise<LeaveRequest> {
    return this.#transition(employeeId, leaveRequestId, 'cancel', options);
  }

  #transition(employeeId: EmployeeRef, leaveRequestId: string, action: 'submit' | 'cancel', options: UpdateOptions): Promise<LeaveRequest> {
    const url = requestPath(employeeId, leaveRequestId);
    return writeIfMatch<LeaveRequest>(this.#transport, this.#etags, 'POST', url, options, `${url}/${action}`);
  }
}

/** Annual leave and time off in lieu: entitlement, balances, working patterns and requests. */
export class LeaveResource {
  readonly #transport: Transport;
  /** Leave requests: list, get, create, submit, cancel. */
  readonly requests: LeaveRequestsResource;
  constructor(transport: Transport, etags: EtagStore) {
    this.#transport = transport;
    this.requests = new LeaveRequestsResource(transport, etags);
  }

  /** Annual leave entitlement for a leave year, in minutes (self, line managers, HR). */
  entitlement(employeeId: EmployeeRef = 'me', options: LeaveYearOptions = {}): Promise<LeaveEntitlement> {
    const { on, ...call } = options;
    return this.#transport.request<LeaveEntitlement>('GET', personPath(employeeId, 'leave-entitlement'), { ...call, searchParams: { on } });
  }

  /** Annual leave and TOIL balances for a leave year (self, line managers, HR). */
  balances(employeeId: EmployeeRef = 'me', options: LeaveYearOptions = {}): Promise<LeaveBalances> {
    const { on, ...call } = options;
    return this.#transport.request<LeaveBalances>('GET', personPath(employeeId, 'leave-balances'), { ...call, searchParams: { on } });
  }

  /**
   * Corrects a balance (HR) or credits TOIL earned (line managers, HR); resolves to the balance after
   * it. Sent with an `Idempotency-Key`, so a retry never adjusts twice.
   */
  adjustBalance(employeeId: EmployeeRef, adjustment: LeaveAdjustment, options: CreateOptions = {}): Promise<LeaveBalance> {
    const { idempotencyKey = newIdempotencyKey(), ...call } = options;
    return this.#transport.request<LeaveBalance>('POST', personPath(employeeId, 'leave-adjustments'), { ...call, json: adjustment, idempotencyKey });
  }

  /** The working patterns of the person's assignment, oldest first (self, line managers, HR). */
  workingPattern(employeeId: EmployeeRef = 'me', options: CallOptions = {}): Promise<WorkingPatterns> {
    return this.#transport.request<WorkingPatterns>('GET', personPath(employeeId, 'working-pattern'), options);
  }

  /** Records a working pattern from `effectiveFrom` (HR). A PUT, so it is safe to retry. */
  setWorkingPattern(employeeId: EmployeeRef, pattern: WorkingPatternWrite, options: CallOptions = {}): Promise<WorkingPatterns> {
    return this.#transport.request<WorkingPatterns>('PUT', personPath(employeeId, 'working-pattern'), { ...options, json: pattern });
  }
}

function requestPath(employeeId: EmployeeRef, leaveRequestId: string): string {
  if (typeof leaveRequestId !== 'string' || leaveRequestId === '') throw new TypeError('A leave request id (lvr_…) is required');
  return personPath(employeeId, `leave-requests/${encodeURIComponent(leaveRequestId)}`);
}
