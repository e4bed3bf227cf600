import type { CallOptions, Transport } from '../client.ts';
import type { DemoPerson, DemoToken } from '../types.ts';

export type DemoRole = DemoPerson['roles'][number];

/** Demo sign-in: only servers in demo mode offer it. */
export class DemoResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  async people(options: CallOptions & { role?: DemoRole; limit?: number } = {}): Promise<DemoPerson[]> {
    const { role, limit, ...call } = options;
    const result = await this.#transport.request<{ data: DemoPerson[] }>('GET', 'demo/people', { ...call, searchParams: { role, limit } });
    return result.data;
  }

  /** Not idempotent (each call issues a new token) and so never retried: no Idempotency-Key is sent. */
  signIn(employeeId: string, options: CallOptions = {}): Promise<DemoToken> {
    return this.#transport.request<DemoToken>('POST', 'demo/sign-in', { ...options, json: { employeeId } });
  }
}
