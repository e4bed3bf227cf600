import type { CallOptions, Transport } from '../client.ts';
import { newIdempotencyKey } from '../etags.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type { Enrolment, EnrolmentStatus, NewEnrolment } from '../types.ts';
import { personPath } from './leave.ts';
import type { CreateOptions, EmployeeRef } from './people.ts';

export interface EnrolmentListOptions extends CallOptions {
  status?: EnrolmentStatus | EnrolmentStatus[];
  /** Page size, 1–100 (default 20). */
  limit?: number;
  cursor?: string;
}

const enrolmentPath = (enrolmentId: string) => {
  if (typeof enrolmentId !== 'string' || enrolmentId === '') throw new TypeError('An enrolment id (enr_…) is required');
  return `enrolments/${encodeURIComponent(enrolmentId)}`;
};

/**
 * Enrolments: enrol on a session (or an e-learning course), waiting lists, cancel, attendance and
 * completion. Refusals carry a `code`: `booking_closed`, `cancellation_closed`, `already_enrolled`, …
 */
export class EnrolmentsResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * Enrols yourself (or `employeeId`: someone in your reporting line; anyone, for learning admins).
   * Resolves to `enrolled`, `waitlisted` (with `waitlistPosition`) or `pending_approval` (the course
   * needs your manager's approval). Sent with an `Idempotency-Key`, so a retry never books twice.
   */
  enrol(enrolment: NewEnrolment, options: CreateOptions = {}): Promise<Enrolment> {
    const { idempotencyKey = newIdempotencyKey(), ...call } = options;
    return this.#transport.request<Enrolment>('POST', 'enrolments', { ...call, json: enrolment, idempotencyKey });
  }

  /** A person's enrolments, newest first. The page is async-iterable. */
  async list(employeeId: EmployeeRef = 'me', options: EnrolmentListOptions = {}): Promise<Page<Enrolment>> {
    const { status, limit, cursor, ...call } = options;
    const url = personPath(employeeId, 'enrolments');
    const statuses = Array.isArray(status) ? status.join(',') : status;
    const fetchPage = (at: string | undefined) => this.#transport.request<PageData<Enrolment>>('GET', url, { ...call, searchParams: { status: statuses, limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /** One enrolment, with its waiting-list position. */
  get(enrolmentId: string, options: CallOptions = {}): Promise<Enrolment> {
    return this.#transport.request<Enrolment>('GET', enrolmentPath(enrolmentId), options);
  }

  /** Cancels (before the cancellation deadline, unless a learning admin); a freed place goes to the first on the waiting list. */
  cancel(enrolmentId: string, options: CallOptions & { reason?: string } = {}): Promise<Enrolment> {
    const { reason, ...call } = options;
    return this.#transport.request<Enrolment>('POST', `${enrolmentPath(enrolmentId)}/cancel`, { ...call, json: reason === undefined ? {} : { reason } });
  }

  /** Marks the register: attended or no-show (learning admins). */
  markAttendance(enrolmentId: string, attended: boolean, options: CallOptions = {}): Promise<Enrolment> {
    return this.#transport.request<Enrolment>('POST', `${enrolmentPath(enrolmentId)}/attendance`, { ...options, json: { attended } });
  }

  /** Records completion and the training records it earns: learning admins, or the learner for e-learning. */
  complete(enrolmentId: string, options: CallOptions & { completedOn?: string } = {}): Promise<Enrolment> {
    const { completedOn, ...call } = options;
    return this.#transport.request<Enrolment>('POST', `${enrolmentPath(enrolmentId)}/complete`, { ...call, json: completedOn === undefined ? {} : { completedOn } });
  }
}
