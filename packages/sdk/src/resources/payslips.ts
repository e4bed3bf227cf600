import type { Transport } from '../client.ts';
import { NotFoundError } from '../errors.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type { Payslip, PayslipSummary } from '../types.ts';

/** The signed-in employee's payslips. */
export class PayslipsResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Newest first. The page is async-iterable over every payslip. */
  async list(options: { limit?: number; cursor?: string; signal?: AbortSignal } = {}): Promise<Page<PayslipSummary>> {
    const fetchPage = (cursor: string | undefined) =>
      this.#transport.request<PageData<PayslipSummary>>('GET', 'me/payslips', {
        searchParams: { limit: options.limit, cursor },
        ...(options.signal ? { signal: options.signal } : {}),
      });
    return new Page(await fetchPage(options.cursor), fetchPage);
  }

  /** The most recent payslip, or `null` when the employee has none yet. */
  async latest(options: { signal?: AbortSignal } = {}): Promise<Payslip | null> {
    try {
      return await this.#transport.request<Payslip>('GET', 'me/payslips/latest', options);
    } catch (error) {
      // Only the API's own "no payslip" answer: a 404 for a missing route (wrong baseUrl, old server,
      // a proxy's page) is a fault to report, not an employee with no payslips.
      if (error instanceof NotFoundError && error.code === 'not_found') return null;
      throw error;
    }
  }

  /** One payslip by id; throws `NotFoundError` if it is not the caller's. */
  get(payslipId: string, options: { signal?: AbortSignal } = {}): Promise<Payslip> {
    return this.#transport.request<Payslip>('GET', `me/payslips/${encodeURIComponent(payslipId)}`, options);
  }
}
