import type { Transport } from '../client.ts';
import type { DemoPerson, DemoToken } from '../types.ts';

export type DemoRole = DemoPerson['roles'][number];

/** Demo sign-in: only servers in demo mode offer it. */
export class DemoResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  async people(options: { role?: DemoRole; limit?: number } = {}): Promise<DemoPerson[]> {
    const result = await this.#transport.request<{ data: DemoPerson[] }>('GET', 'demo/people', { searchParams: options });
    return result.data;
  }

  signIn(employeeId: string): Promise<DemoToken> {
    return this.#transport.request<DemoToken>('POST', 'demo/sign-in', { json: { employeeId } });
  }
}
