import type { CallOptions, Transport } from '../client.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type { AuditEvent } from '../types.ts';

export interface AuditListOptions extends CallOptions {
  /** Only events about this person (`emp_…`). */
  subjectEmployeeId?: string;
  /** Only events by this person (`emp_…`). */
  actorEmployeeId?: string;
  /** Only this action: `read`, `update`, `request`, … */
  action?: string;
  /** Events at or after this instant (a `Date`, or an ISO 8601 string with an offset). */
  from?: Date | string;
  /** Events before this instant. */
  to?: Date | string;
  /** Page size, 1–100 (default 20). */
  limit?: number;
  cursor?: string;
}

const instant = (value: Date | string | undefined) => (value instanceof Date ? value.toISOString() : value);

/** The organisation's append-only audit trail: who read or changed what, when, from where. HR admins only. */
export class AuditResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Newest first. Throws `PermissionError` unless the caller is an HR admin. */
  async list(options: AuditListOptions = {}): Promise<Page<AuditEvent>> {
    const { subjectEmployeeId, actorEmployeeId, action, from, to, limit, cursor, ...call } = options;
    const searchParams = { subjectEmployeeId, actorEmployeeId, action, from: instant(from), to: instant(to), limit };
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<AuditEvent>>('GET', 'audit-events', { ...call, searchParams: { ...searchParams, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }
}
