import type { CallOptions, Transport } from '../client.ts';
import { downloadPdf } from '../download.ts';
import type { Download, PdfOptions } from '../download.ts';
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
  async list(options: CallOptions & { limit?: number; cursor?: string } = {}): Promise<Page<PayslipSummary>> {
    const { limit, cursor, ...call } = options;
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<PayslipSummary>>('GET', 'me/payslips', { ...call, searchParams: { limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /** The most recent payslip, or `null` when the employee has none yet. */
  async latest(options: CallOptions = {}): Promise<Payslip | null> {
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
  get(payslipId: string, options: CallOptions = {}): Promise<Payslip> {
    return this.#transport.request<Payslip>('GET', `me/payslips/${encodeURIComponent(payslipId)}`, options);
  }

  /**
   * One payslip as an A4 PDF (ESR layout): `{ blob, filename }`, the filename being the server's
   * (`payslip-2026-10-30.pdf`). `lang: 'cy'` gives Welsh labels. `NotFoundError` if it is not the caller's.
   */
  pdf(payslipId: string, options: PdfOptions = {}): Promise<Download> {
    return downloadPdf(this.#transport, `me/payslips/${encodeURIComponent(payslipId)}/pdf`, `payslip-${payslipId}.pdf`, options);
  }
}
