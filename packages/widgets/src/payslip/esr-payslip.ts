import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { EsrClient, P60Summary, Payslip, PayslipSummary, PayrollCalculation, PayslipLine } from '@esr/sdk';
import { EsrElement } from '../internal/esr-element.ts';
import { DataLoader } from '../internal/data-loader.ts';
import { errorState, heading, loadingState } from '../internal/states.ts';
import { LocalizeController } from '../i18n/localize-controller.ts';
import { payslipMessages, type PayslipStrings, type PayslipKey } from './messages.ts';
import { EsrErrorEvent } from '../events/esr-error.ts';
import { EsrPayslipDownloadedEvent, EsrPayslipLoadedEvent } from './events.ts';
import { calculationRequestFor, EXPLAINED_CODES } from './explain.ts';
import { styles } from './esr-payslip.styles.ts';
import { lineLabel, periodLabel, paidToLast4, taxYearBounds } from './payslip-format.ts';

/** One deduction line's explanation, fetched when first opened. */
type Explanation =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'unavailable' }
  | { status: 'done'; text: string; calculatedPence: number };

/**
 * @tag esr-payslip
 * @summary A member of staff's payslip: pay, deductions, net pay, year to date and employer contributions,
 * in the NHS.UK look. Loads the latest payslip, or the one named by `payslip-id`, through the ESR SDK.
 *
 * @event esr-payslip-loaded - A payslip loaded and rendered. `event.detail.payslip` is the SDK `Payslip`.
 * @event esr-payslip-downloaded - A payslip or P60 PDF downloaded and was handed to the browser to save. `event.detail` has `kind`, `filename` and `blob`.
 * @event esr-error - Loading failed. `event.detail.error` is the SDK error (`EsrError` subclass); the widget already shows a message and a Try again button.
 *
 * @slot empty - Replaces the built-in "You have no payslips yet" message.
 *
 * @csspart base - The outer wrapper.
 * @csspart picker - The "Choose a payslip" form group.
 * @csspart select - The payslip `<select>`.
 * @csspart state - The region that holds the loading, empty, error or data content.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty-state message.
 * @csspart error - The error message box.
 * @csspart retry-button - The Try again button.
 * @csspart payslip - The loaded payslip (`<article>`).
 * @csspart heading - The payslip heading.
 * @csspart summary - The summary list of employee and tax details.
 * @csspart net-pay - The net pay panel.
 * @csspart table - Every table (also `payments`, `deductions`, `year-to-date`, `employer`, `this-period`).
 * @csspart explain-button - Each deduction's "How was this worked out?" button.
 * @csspart explanation - The opened explanation of a deduction.
 * @csspart download-button - "Download this payslip (PDF)".
 * @csspart p60s - The P60 section.
 * @csspart p60-button - Each "Download P60" button.
 *
 * @cssproperty --esr-color-brand - Brand colour (buttons, net pay border). Falls back to `--nhsuk-brand-colour`, then #005eb8.
 * @cssproperty --esr-color-text - Text colour. Falls back to `--nhsuk-text-colour`, then #212b32.
 * @cssproperty --esr-color-text-secondary - Hints and captions. Falls back to `--nhsuk-secondary-text-colour`, then #4c6272.
 * @cssproperty --esr-color-border - Table and summary rules. Falls back to `--nhsuk-border-colour`, then #d8dde0.
 * @cssproperty --esr-color-error - Error box border. Falls back to `--nhsuk-error-colour`, then #d5281b.
 * @cssproperty --esr-color-focus - Focus highlight. Falls back to `--nhsuk-focus-colour`, then #ffeb3b.
 * @cssproperty --esr-color-focus-text - Text on the focus highlight. Falls back to `--nhsuk-focus-text-colour`, then #212b32.
 * @cssproperty --esr-font-family - Font stack; inherits the page's by default.
 * @cssproperty --esr-radius - Corner radius of buttons and panels (4px).
 * @cssproperty --esr-focus-width - Focus outline width (4px).
 * @cssproperty --esr-payslip-net-pay-background - Net pay panel background (#f0f4f5).
 * @cssproperty --esr-payslip-net-pay-border - Net pay panel left border colour (brand).
 *
 * @example
 * ```html
 * <esr-provider base-url="https://esr.example.nhs.uk"><esr-payslip></esr-payslip></esr-provider>
 * ```
 */
export class EsrPayslip extends EsrElement<PayslipStrings> {
  protected readonly localize = new LocalizeController(this, payslipMessages);

  static override styles = styles;

  /** Lit reactive properties (declared here rather than with decorators: no decorator helpers ship). */
  static override properties: PropertyDeclarations = {
    payslipId: { attribute: 'payslip-id' },
    hidePicker: { attribute: 'hide-picker', type: Boolean },
    hideP60: { attribute: 'hide-p60', type: Boolean },
    history: { state: true },
    selectedId: { state: true },
    p60s: { state: true },
    explanations: { state: true },
    downloading: { state: true },
    downloadFailed: { state: true },
    announcement: { state: true },
  };

  /** The payslip to show (`pay_…`). Without it the latest payslip is shown. */
  payslipId = '';


  /** Hides the "Choose a payslip" picker. */
  hidePicker = false;

  /** Hides the P60 section. */
  hideP60 = false;

  private history: readonly PayslipSummary[] = [];
  /** Chosen in the picker; wins over `payslip-id` until that attribute changes. */
  private selectedId = '';
  private p60s: readonly P60Summary[] | undefined;
  private explanations: ReadonlyMap<string, Explanation> = new Map();
  /** What is downloading now (`payslip` or a tax year), and what last failed. */
  private downloading = '';
  private downloadFailed = '';
  private announcement = '';

  #historyClient: EsrClient | undefined;
  #p60Client: EsrClient | undefined;
  /** The calculator's answer for the payslip on show, shared by every line's explanation. */
  #calculation: { payslipId: string; answer: Promise<PayrollCalculation> } | undefined;
  /** The payslip the explanations and download state belong to; `loaded` fires once it has rendered. */
  #shown: Payslip | null | undefined;
  #announceLoaded = false;

  readonly #data = new DataLoader<Payslip | null>(this, {
    client: () => this.activeClient,
    hasProvider: () => this.hasProvider,
    // The picker's choice wins over `payslip-id` until that attribute changes.
    key: () => [this.selectedId || this.payslipId],
    load: async (client, signal) => {
      const id = this.selectedId || this.payslipId;
      if (!this.hidePicker && client !== this.#historyClient) void this.#loadHistory(client);
      if (!this.hideP60 && client !== this.#p60Client) void this.#loadP60s(client);
      return id ? client.payslips.get(id, { signal }) : client.payslips.latest({ signal });
    },
  });

  /** The payslip on show, if any. */
  private get payslip(): Payslip | undefined {
    return this.#data.value ?? undefined;
  }

  /** `empty` when there is no payslip yet. */
  get #status(): 'loading' | 'empty' | 'error' | 'data' {
    const status = this.#data.status;
    return status === 'data' && !this.#data.value ? 'empty' : status;
  }

  /** The payslip currently shown, if any. */
  get value(): Payslip | undefined {
    return this.payslip;
  }

  /** Loads the payslip again (what Try again does). */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('payslipId')) this.selectedId = '';
    const shown = this.#data.value;
    if (shown !== this.#shown) {
      this.#shown = shown;
      this.explanations = new Map();
      this.downloadFailed = '';
      this.#announceLoaded = !!shown;
    }
    const status = this.#status;
    this.setHostState(status === 'data' ? undefined : status);
  }

  protected override updated(): void {
    if (this.#announceLoaded && this.#data.status === 'data' && this.#data.value) {
      this.#announceLoaded = false;
      this.dispatchEvent(new EsrPayslipLoadedEvent({ payslip: this.#data.value }));
    }
  }

  /** The picker is an extra: if the list fails, the payslip itself still shows (or shows its own error). */
  async #loadHistory(client: EsrClient): Promise<void> {
    this.#historyClient = client;
    try {
      const page = await client.payslips.list({ limit: 12 });
      if (client === this.activeClient) this.history = page.data;
    } catch {
      if (client === this.activeClient) this.history = [];
    }
  }

  async #loadP60s(client: EsrClient): Promise<void> {
    this.#p60Client = client;
    this.p60s = undefined;
    try {
      const page = await client.p60s.list({ limit: 10 });
      if (client === this.activeClient) this.p60s = page.data;
    } catch {
      // The P60 list is an extra: without it the section simply does not show.
      if (client === this.activeClient) this.p60s = undefined;
    }
  }

  /** Opens or closes a deduction's explanation, asking the calculator the first time. */
  async #toggleExplanation(line: PayslipLine): Promise<void> {
    const p = this.payslip;
    const client = this.activeClient;
    if (!p || !client) return;
    const next = new Map(this.explanations);
    if (next.has(line.code) && next.get(line.code)!.status !== 'failed') {
      next.delete(line.code);
      this.explanations = next;
      return;
    }
    const request = calculationRequestFor(p);
    if (!request) {
      this.explanations = next.set(line.code, { status: 'unavailable' });
      return;
    }
    this.explanations = next.set(line.code, { status: 'loading' });
    if (this.#calculation?.payslipId !== p.id) this.#calculation = { payslipId: p.id, answer: client.payroll.calculate(request) };
    const pending = this.#calculation;
    let result: Explanation;
    try {
      const answer = await pending.answer;
      const found = answer.lines.find((l) => l.code === EXPLAINED_CODES[line.code]);
      result = found ? { status: 'done', text: found.explanation, calculatedPence: found.amountPence } : { status: 'unavailable' };
    } catch {
      if (this.#calculation === pending) this.#calculation = undefined; // let the next open ask again
      result = { status: 'failed' };
    }
    // Still the same payslip and still open: show it.
    if (this.payslip?.id === p.id && this.explanations.has(line.code)) {
      this.explanations = new Map(this.explanations).set(line.code, result);
    }
  }

  async #download(kind: 'payslip' | 'p60', id: string): Promise<void> {
    const client = this.activeClient;
    const key = kind === 'payslip' ? 'payslip' : id;
    if (!client || this.downloading) return;
    this.downloading = key;
    this.downloadFailed = '';
    this.announcement = this.localize.t('downloadPreparing');
    try {
      const { blob, filename } =
        kind === 'payslip' ? await client.payslips.pdf(id, { lang: this.localize.locale === 'cy' ? 'cy' : 'en' }) : await client.p60s.pdf(id);
      saveBlob(blob, filename, this.renderRoot);
      this.announcement = this.localize.t('downloadDone', { filename });
      this.dispatchEvent(new EsrPayslipDownloadedEvent({ kind, filename, blob }));
    } catch (error) {
      this.downloadFailed = key;
      this.announcement = '';
      this.dispatchEvent(new EsrErrorEvent({ error }));
    } finally {
      this.downloading = '';
    }
  }

  #onRetry(): void {
    // The button leaves the DOM while loading: keep focus inside the widget rather than dropping it on <body>.
    this.renderRoot.querySelector<HTMLElement>('.state')?.focus();
    void this.reload();
  }

  #onSelect(event: Event): void {
    this.selectedId = (event.target as HTMLSelectElement).value;
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const busy = this.#status === 'loading';
    return html`
      <div class="root" part="base" lang=${this.localize.lang}>
        ${this.#renderPicker()}
        <div class="state" part="state" tabindex="-1" aria-busy=${busy ? 'true' : 'false'}>
          ${this.#renderState()}
        </div>
        <div class="visually-hidden" role="status">${busy ? this.localize.t('payslipLoading') : this.announcement}</div>
      </div>
    `;
  }

  #renderState(): TemplateResult {
    switch (this.#status) {
      case 'loading':
        return loadingState(this.localize.t('payslipLoading'), true);
      case 'empty':
        return this.#renderEmpty();
      case 'error':
        return this.#renderError();
      case 'data':
        return this.payslip ? this.#renderPayslip(this.payslip) : this.#renderEmpty();
    }
  }

  #renderEmpty(): TemplateResult {
    return html`
      <div class="empty" part="empty">
        <slot name="empty">
          ${heading(this.headingLevel, this.localize.t('payslipEmptyTitle'))}
          <p class="hint">${this.localize.t('payslipEmptyBody')}</p>
        </slot>
      </div>
    `;
  }

  #renderError(): TemplateResult {
    const l = this.localize;
    return errorState({
      l,
      error: this.#data.error,
      title: l.t('errorGenericTitle'),
      headingLevel: this.headingLevel,
      onRetry: () => this.#onRetry(),
      own: {
        forbidden: [l.t('errorForbiddenTitle'), l.t('errorForbiddenBody')],
        'not-found': [l.t('errorNotFoundTitle'), l.t('errorNotFoundBody')],
      },
    });
  }

  #renderPicker(): TemplateResult | typeof nothing {
    if (this.hidePicker || this.history.length < 2) return nothing;
    const current = this.selectedId || this.payslip?.id || this.payslipId || this.history[0]?.id;
    const l = this.localize;
    return html`
      <div class="picker no-print" part="picker">
        <label class="label" for="picker">${l.t('choosePayslip')}</label>
        <div class="hint picker__hint" id="picker-hint">${l.t('choosePayslipHint')}</div>
        <select id="picker" part="select" aria-describedby="picker-hint" @change=${this.#onSelect}>
          ${this.history.map(
            (s) => html`<option value=${s.id} ?selected=${s.id === current}>
              ${l.t('payslipOption', { date: l.date(s.payDate), period: periodLabel(l, s.period) })}
            </option>`,
          )}
        </select>
      </div>
    `;
  }

  #renderPayslip(p: Payslip): TemplateResult {
    const l = this.localize;
    const money = (pence: number) => l.money(pence);
    const basis = p.taxBasis === 'cumulative' ? '' : ` (${l.t('taxBasisNonCumulative')})`;
    const last4 = paidToLast4(p.paidTo?.accountNumberMasked);
    const { start, end } = taxYearBounds(p.taxYear);
    const title = l.t('payslipHeading', { month: l.monthYear(p.payDate), period: periodLabel(l, p.period) });

    const row = (key: string, value: string) => html`
      <div class="summary-list__row">
        <dt class="summary-list__key">${key}</dt>
        <dd class="summary-list__value">${value}</dd>
      </div>
    `;
    const lines = (items: Payslip['payments']) =>
      items.map(
        (line) => html`<tr>
          <th scope="row">${lineLabel(l, line)}</th>
          <td class="numeric">${money(line.amountPence)}</td>
        </tr>`,
      );
    const head = html`<thead>
      <tr>
        <th scope="col">${l.t('description')}</th>
        <th scope="col" class="numeric">${l.t('amount')}</th>
      </tr>
    </thead>`;

    return html`
      <article class="payslip" part="payslip" aria-labelledby="payslip-heading">
        <span class="caption">${p.organisation.name}</span>
        ${heading(this.headingLevel, title, 'heading-l', 'payslip-heading')}

        <div class="net-pay" part="net-pay">
          <span class="net-pay__label">${l.t('netPay')}</span>
          <span class="net-pay__amount numeric">${money(p.totals.netPence)}</span>
          <span class="hint">${l.t('netPayHint')}</span>
        </div>

        <table part="table this-period" class="this-period">
          <caption>${l.t('thisPeriod')}</caption>
          <tbody>
            ${this.#amountRow(l.t('totalPayments'), p.totals.grossPence)}
            ${this.#amountRow(l.t('totalDeductions'), p.totals.deductionsPence)}
            ${this.#amountRow(l.t('netPay'), p.totals.netPence)}
          </tbody>
        </table>

        <div class="downloads no-print">
          ${this.#downloadButton('payslip', p.id, l.t('downloadPayslip'), 'download-button')}
        </div>

        <dl class="summary-list" part="summary">
          ${row(l.t('name'), p.employee.name)}
          ${row(l.t('assignmentNumber'), p.employee.assignmentNumber)}
          ${row(l.t('job'), l.t('jobAndBand', { jobTitle: p.employee.jobTitle, band: p.employee.band }))}
          ${row(l.t('department'), p.employee.orgUnit)}
          ${row(l.t('payDate'), l.date(p.payDate))}
          ${row(l.t('taxCode'), `${p.taxCode}${basis}`)}
          ${row(l.t('niCategory'), p.niCategory)}
          ${p.paidTo
            ? row(l.t('paidTo'), last4 ? l.t('paidToAccount', { method: p.paidTo.method, last4 }) : p.paidTo.method)
            : nothing}
        </dl>

        <div class="tables">
          <table part="table payments">
            <caption>${l.t('payments')}</caption>
            ${head}
            <tbody>${lines(p.payments)}</tbody>
            <tfoot>
              <tr>
                <th scope="row">${l.t('totalPayments')}</th>
                <td class="numeric">${money(p.totals.grossPence)}</td>
              </tr>
            </tfoot>
          </table>
          <table part="table deductions">
            <caption>${l.t('deductions')}</caption>
            ${head}
            <tbody>${p.deductions.map((line) => this.#deductionRows(line))}</tbody>
            <tfoot>
              <tr>
                <th scope="row">${l.t('totalDeductions')}</th>
                <td class="numeric">${money(p.totals.deductionsPence)}</td>
              </tr>
            </tfoot>
          </table>
        </div>

        <div class="tables">
          <table part="table year-to-date">
            <caption>${l.t('yearToDate', { start, end })}</caption>
            ${head}
            <tbody>
              ${this.#amountRow(l.t('grossPay'), p.yearToDate.grossPence)}
              ${this.#amountRow(l.t('taxablePay'), p.yearToDate.taxablePayPence)}
              ${this.#amountRow(l.t('incomeTax'), p.yearToDate.taxPence)}
              ${this.#amountRow(l.t('nationalInsurance'), p.yearToDate.employeeNiPence)}
              ${this.#amountRow(l.t('nhsPension'), p.yearToDate.pensionPence)}
            </tbody>
          </table>
          <div>
            <table part="table employer" aria-describedby="employer-hint">
              <caption>${l.t('employerContributions')}</caption>
              ${head}
              <tbody>
                ${this.#amountRow(l.t('nationalInsurance'), p.employerContributions.niPence)}
                ${this.#amountRow(l.t('nhsPension'), p.employerContributions.pensionPence)}
              </tbody>
            </table>
            <p class="hint" id="employer-hint">${l.t('employerContributionsHint')}</p>
          </div>
        </div>
        ${this.#renderP60s()}
      </article>
    `;
  }

  #deductionRows(line: PayslipLine): TemplateResult {
    const l = this.localize;
    const label = lineLabel(l, line);
    if (!(line.code in EXPLAINED_CODES)) {
      return html`<tr>
        <th scope="row">${label}</th>
        <td class="numeric">${l.money(line.amountPence)}</td>
      </tr>`;
    }
    const explanation = this.explanations.get(line.code);
    const id = `explain-${line.code}`;
    return html`<tr>
        <th scope="row">
          ${label}
          <button
            type="button"
            class="link-button no-print"
            part="explain-button"
            aria-expanded=${explanation ? 'true' : 'false'}
            aria-controls=${id}
            @click=${() => void this.#toggleExplanation(line)}
          >
            ${l.t('explainLine')}<span class="visually-hidden"> (${label})</span>
          </button>
        </th>
        <td class="numeric">${l.money(line.amountPence)}</td>
      </tr>
      <tr class="explanation-row" id=${id} ?hidden=${!explanation}>
        <td colspan="2">
          <div class="explanation" part="explanation" aria-live="polite">${explanation ? this.#explanation(explanation, line) : nothing}</div>
        </td>
      </tr>`;
  }

  #explanation(e: Explanation, line: PayslipLine): TemplateResult {
    const l = this.localize;
    switch (e.status) {
      case 'loading':
        return html`<p class="hint">${l.t('explainWorking')}</p>`;
      case 'failed':
        return html`<p>${l.t('explainFailed')}</p>`;
      case 'unavailable':
        return html`<p>${l.t('explainUnavailable')}</p>`;
      case 'done':
        // The calculator explains in English; say so, and mark the language for screen readers.
        return html`
          ${l.locale === 'en-GB' ? nothing : html`<p class="hint">${l.t('explainInEnglish')}</p>`}
          <p lang="en-GB">${e.text}</p>
          ${e.calculatedPence === line.amountPence
            ? nothing
            : html`<p class="explanation__mismatch">${l.t('explainMismatch', { amount: l.money(e.calculatedPence), shown: l.money(line.amountPence) })}</p>`}
        `;
    }
  }

  #downloadButton(kind: 'payslip' | 'p60', id: string, label: string, part: string): TemplateResult {
    const key = kind === 'payslip' ? 'payslip' : id;
    const busy = this.downloading === key;
    return html`
      <button
        type="button"
        class="button"
        part=${part}
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => void this.#download(kind, id)}
      >
        ${busy ? this.localize.t('downloadPreparing') : label}
      </button>
      ${this.downloadFailed === key ? html`<p class="error-message" role="alert">${this.localize.t('downloadFailed')}</p>` : nothing}
    `;
  }

  #renderP60s(): TemplateResult | typeof nothing {
    if (this.hideP60 || !this.p60s) return nothing;
    const l = this.localize;
    return html`
      <section class="p60s no-print" part="p60s" aria-labelledby="p60-heading">
        <div role="heading" aria-level=${Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2) + 1)} class="heading-s" id="p60-heading">
          ${l.t('p60Heading')}
        </div>
        <p class="hint">${l.t('p60Hint')}</p>
        ${this.p60s.length
          ? html`<ul class="p60s__list">
              ${this.p60s.map((y) => html`<li>${this.#downloadButton('p60', y.taxYear, l.t('p60Download', taxYearBounds(y.taxYear)), 'p60-button')}</li>`)}
            </ul>`
          : html`<p>${l.t('p60Empty')}</p>`}
      </section>
    `;
  }

  #amountRow(label: string, pence: number): TemplateResult {
    return html`<tr>
      <th scope="row">${label}</th>
      <td class="numeric">${this.localize.money(pence)}</td>
    </tr>`;
  }
}

/** Hands a downloaded file to the browser's own save (a temporary `<a download>`; works under a strict CSP). */
function saveBlob(blob: Blob, filename: string, root: ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  // Revoke later, not at once: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

declare global {
  interface HTMLElementTagNameMap {
    'esr-payslip': EsrPayslip;
  }
}
