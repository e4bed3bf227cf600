import type { CallOptions, Transport } from '../client.ts';
import type { ApprovalDelegation, ApprovalDelegationInput } from '../types.ts';

/**
 * My stand-in approver: while the date range covers today, requests waiting on me (new and pending)
 * go to them too. Setting and clearing are audited.
 */
export class DelegationResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** My stand-in, or `null` if I have none. */
  get(options: CallOptions = {}): Promise<ApprovalDelegation | null> {
    return this.#transport.request<ApprovalDelegation | null>('GET', 'me/delegation', options);
  }

  /**
   * Sets (or replaces) my stand-in: `{ delegateEmployeeId, startsOn, endsOn }` (dates `YYYY-MM-DD`,
   * inclusive). A PUT, so it is safe to retry.
   */
  set(delegation: ApprovalDelegationInput, options: CallOptions = {}): Promise<ApprovalDelegation> {
    return this.#transport.request<ApprovalDelegation>('PUT', 'me/delegation', { ...options, json: delegation });
  }

  /** Removes my stand-in (nothing happens if there was none). */
  async clear(options: CallOptions = {}): Promise<void> {
    await this.#transport.request<undefined>('DELETE', 'me/delegation', options);
  }
}
