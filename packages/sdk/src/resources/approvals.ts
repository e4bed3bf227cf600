import type { CallOptions, Transport } from '../client.ts';
import { PreconditionError } from '../errors.ts';
import { newIdempotencyKey, writeIfMatch } from '../etags.ts';
import type { EtagStore } from '../etags.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type {
  ApprovalBulkResult,
  ApprovalDecision,
  ApprovalDecisionResult,
  ApprovalDetail,
  ApprovalItem,
} from '../types.ts';
import type { CreateOptions } from './people.ts';

/** `pending`: waiting on me (or on someone I stand in for); `decided`: decided by me; `mine`: requested by me. */
export type ApprovalBox = 'pending' | 'decided' | 'mine';

export interface ApprovalListOptions extends CallOptions {
  /** Which inbox (default `pending`). */
  box?: ApprovalBox;
  /** Only this type of request, e.g. `personal_details.name_change` or `leave.request`. */
  type?: string;
  /** Page size, 1–100 (default 20). */
  limit?: number;
  cursor?: string;
}

/** Options of a write to one approval request: a version (`If-Match`) and a retry-safe key. */
export interface ApprovalWriteOptions extends CallOptions {
  /**
   * The ETag of the version you showed (e.g. `client.etagOf(detail)`). Default: the last ETag this
   * client saw for the request, from `get`, an earlier decision, `respond`, `withdraw` or `bulkApprove`.
   * With neither, the call rejects with a `PreconditionError` (`etag_unknown`) before sending anything.
   */
  ifMatch?: string;
  /** Default: a fresh UUID per call, reused by that call's retries (the server replays the first answer). */
  idempotencyKey?: string;
}

/**
 * The approvals inbox: requests waiting on you, decided by you, or made by you, and decisions on them.
 *
 * Every write (decision, `respond`, `withdraw`) is sent with `If-Match` so you never decide on a version
 * you have not seen (someone answered the information request meanwhile: `PreconditionError`, 412),
 * and with an `Idempotency-Key`, so it is retried safely and decided exactly once. A request someone
 * else decided first is a `ConflictError` with code `already_decided`.
 */
export class ApprovalsResource {
  readonly #transport: Transport;
  readonly #etags: EtagStore;
  constructor(transport: Transport, etags: EtagStore) {
    this.#transport = transport;
    this.#etags = etags;
  }

  /** An inbox, newest first. The page is async-iterable over every request. */
  async list(options: ApprovalListOptions = {}): Promise<Page<ApprovalItem>> {
    const { box, type, limit, cursor, ...call } = options;
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<ApprovalItem>>('GET', 'approvals', { ...call, searchParams: { box, type, limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /**
   * One request with its `history`, its `context` (dates, balances, who else is off, …) and
   * `yourActions`. Remembers the ETag, which the next decision on it sends as `If-Match`.
   */
  async get(approvalId: string, options: CallOptions = {}): Promise<ApprovalDetail> {
    const url = approvalPath(approvalId);
    const { data, response } = await this.#transport.send<ApprovalDetail>('GET', url, options);
    this.#etags.remember(url, response, data);
    return data;
  }

  /**
   * Any decision, as the API takes it (`approve`, `reject` with a `reason`, `request_info` with a
   * `comment`, `reassign` with `reassignTo`). The shortcuts below read better.
   */
  decide(approvalId: string, decision: ApprovalDecision, options: ApprovalWriteOptions = {}): Promise<ApprovalDecisionResult> {
    return this.#write<ApprovalDecisionResult>(approvalId, 'decision', decision, options);
  }

  /** Approves at your step: `outcome` is `approved` at the last step, `advanced` when it goes on to the next. */
  approve(approvalId: string, body: { comment?: string } = {}, options: ApprovalWriteOptions = {}): Promise<ApprovalDecisionResult> {
    return this.decide(approvalId, { action: 'approve', ...body }, options);
  }

  /** Rejects; a `reason` is required (the requester sees it). */
  reject(approvalId: string, body: { reason: string; comment?: string }, options: ApprovalWriteOptions = {}): Promise<ApprovalDecisionResult> {
    return this.decide(approvalId, { action: 'reject', ...body }, options);
  }

  /** Asks the requester for more information (`comment` is your question); they answer with `respond`. */
  requestInfo(approvalId: string, body: { comment: string }, options: ApprovalWriteOptions = {}): Promise<ApprovalDecisionResult> {
    return this.decide(approvalId, { action: 'request_info', ...body }, options);
  }

  /** Hands your step to someone else (`to`: a manager above the subject, or an HR admin). */
  reassign(approvalId: string, body: { to: string; comment?: string }, options: ApprovalWriteOptions = {}): Promise<ApprovalDecisionResult> {
    const { to, comment } = body;
    return this.decide(approvalId, { action: 'reassign', reassignTo: to, ...(comment === undefined ? {} : { comment }) }, options);
  }

  /** Answers an information request and resubmits it to the same approver (requester only). */
  respond(approvalId: string, body: { comment: string }, options: ApprovalWriteOptions = {}): Promise<ApprovalItem> {
    return this.#write<ApprovalItem>(approvalId, 'respond', body, options);
  }

  /** Withdraws a request that is not decided yet (requester only). */
  withdraw(approvalId: string, body: { comment?: string } = {}, options: ApprovalWriteOptions = {}): Promise<ApprovalItem> {
    return this.#write<ApprovalItem>(approvalId, 'withdraw', body, options);
  }

  /**
   * Approves up to 100 requests, each exactly once: resolves with one result per id, in order (a
   * refusal of one does not undo the others, so this resolves even when some fail: check `failed`
   * and each result's `httpStatus` and `code`). No `If-Match`: each is approved at its current version.
   * Each successful item's new ETag is remembered, for a follow-up decision. Retry-safe (`Idempotency-Key`).
   */
  async bulkApprove(approvalIds: readonly string[], body: { comment?: string } = {}, options: CreateOptions = {}): Promise<ApprovalBulkResult> {
    const { idempotencyKey = newIdempotencyKey(), ...call } = options;
    const result = await this.#transport.request<ApprovalBulkResult>('POST', 'approvals/bulk-decision', {
      ...call,
      json: { action: 'approve', ids: [...approvalIds], ...body },
      idempotencyKey,
    });
    for (const item of result.results) if (item.httpStatus === 200 && item.etag) this.#etags.rememberTag(approvalPath(item.id), item.etag);
    return result;
  }

  async #write<T>(approvalId: string, action: string, body: unknown, options: ApprovalWriteOptions): Promise<T> {
    const url = approvalPath(approvalId);
    const { ifMatch = this.#etags.forPath(url), idempotencyKey = newIdempotencyKey(), ...call } = options;
    if (ifMatch === undefined) {
      // The server requires If-Match. Reading the request here and deciding on whatever it says would
      // defeat the point (you would approve a version nobody showed you), so the caller reads it first.
      throw new PreconditionError({
        status: 0,
        code: 'etag_unknown',
        title: 'No ETag known for this approval request',
        detail: `Call approvals.get('${approvalId}') first (and show it), or pass { ifMatch }: a decision is only sent against a version you have seen.`,
      });
    }
    return writeIfMatch<T>(this.#transport, this.#etags, 'POST', url, { ...call, json: body, ifMatch, idempotencyKey }, `${url}/${action}`);
  }
}

function approvalPath(approvalId: string): string {
  if (typeof approvalId !== 'string' || approvalId === '') throw new TypeError('An approval request id (apr_…) is required');
  return `approvals/${encodeURIComponent(approvalId)}`;
}
