import type { CallOptions, Transport } from '../client.ts';
import { downloadPdf } from '../download.ts';
import type { Download } from '../download.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type { P60, P60Summary } from '../types.ts';

/** The signed-in employee's P60s: one per ended tax year in which they were paid. */
export class P60sResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Tax years with a P60, newest first. The page is async-iterable over every year. */
  async list(options: CallOptions & { limit?: number; cursor?: string } = {}): Promise<Page<P60Summary>> {
    const { limit, cursor, ...call } = options;
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<P60Summary>>('GET', 'me/p60s', { ...call, searchParams: { limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /**
   * The P60 for a tax year such as `'2025-26'`. `NotFoundError` when the year has not ended or the
   * employee was not paid in it; `ValidationError` (`param.taxYear`) for a malformed year.
   */
  get(taxYear: string, options: CallOptions = {}): Promise<P60> {
    return this.#transport.request<P60>('GET', `me/p60s/${encodeURIComponent(taxYear)}`, options);
  }

  /** The P60 as a PDF: `{ blob, filename }` (`p60-2025-26.pdf`). */
  pdf(taxYear: string, options: CallOptions = {}): Promise<Download> {
    return downloadPdf(this.#transport, `me/p60s/${encodeURIComponent(taxYear)}/pdf`, `p60-${taxYear}.pdf`, options);
  }
}
