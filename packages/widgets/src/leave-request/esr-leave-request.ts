import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LeaveBalance, LeaveBalances, LeaveRequest } from '@esr/sdk';
import { EsrElement } from '../internal/esr-element.ts';
import { DataLoader } from '../internal/data-loader.ts';
import { errorState, heading, loadingState, problemDetail } from '../internal/states.ts';
import { errorSummary, fieldError } from '../internal/form-errors.ts';
import { EsrErrorEvent } from '../events/esr-error.ts';
import { LocalizeController } from '../i18n/localize-controller.ts';
import { leaveRequestMessages, type LeaveRequestStrings, type LeaveRequestKey } from './messages.ts';
import {
  EsrLeaveRequestCancelEvent,
  EsrLeaveRequestCancelledEvent,
  EsrLeaveRequestSubmitEvent,
  EsrLeaveRequestSubmittedEvent,
} from './events.ts';
import {
  LEAVE_TYPES,
  countMinutes,
  emptyForm,
  fieldOfIssue,
  parseDate,
  parseHours,
  validate,
  type DateParts,
  type FieldError,
  type LeaveField,
  type LeaveFormValues,
  type LeaveUnit,
} from './leave-form.ts';
import { styles } from './esr-leave-request.styles.ts';

interface Loaded {
  balances: LeaveBalances;
  requests: LeaveRequest[];
}

/** What the live count says: nothing yet, counting, a figure, or that the count could not be made. */
type Count = { state: 'idle' } | { state: 'counting' } | { state: 'done'; minutes: number; days: number } | { state: 'failed' };

const TYPE_KEYS: Record<string, LeaveRequestKey> = {
  annual: 'leaveTypeAnnual',
  study: 'leaveTypeStudy',
  special: 'leaveTypeSpecial',
  compassionate: 'leaveTypeCompassionate',
  toil: 'leaveTypeToil',
};
const STATUS_KEYS: Record<string, readonly [LeaveRequestKey, string]> = {
  draft: ['leaveStatusDraft', 'grey'],
  pending: ['leaveStatusPending', 'yellow'],
  approved: ['leaveStatusApproved', 'green'],
  rejected: ['leaveStatusRejected', 'red'],
  cancelled: ['leaveStatusCancelled', 'grey'],
};
const BALANCE_KIND: Record<string, 'annual' | 'toil' | undefined> = { annual: 'annual', toil: 'toil' };

/** Today in the UK as `YYYY-MM-DD` (leave dates are UK calendar dates). */
const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/**
 * @tag esr-leave-request
 * @summary Request annual leave, study leave, TOIL and other leave, and see or cancel your own requests.
 * Shows the remaining balance, counts the working hours of the dates as you type them (from your
 * working pattern, bank holidays excluded) and validates with the NHS.UK error summary pattern.
 *
 * It is a form-associated custom element: inside a page's `<form>` it contributes `type`, `startDate`,
 * `endDate`, `unit`, `half`, `minutes` and `reason` (prefixed with `name.` when `name` is set), reports
 * validity, and follows the form's reset and `disabled`.
 *
 * @event esr-leave-request-submit - Cancelable, before the request is sent. `detail.request` is the SDK `NewLeaveRequest`.
 * @event esr-leave-request-submitted - The server accepted the request. `detail.leaveRequest` is the stored `LeaveRequest`.
 * @event esr-leave-request-cancel - Cancelable, before one of the person's requests is cancelled. `detail.leaveRequest`.
 * @event esr-leave-request-cancelled - A request was cancelled. `detail.leaveRequest` is it, now `cancelled`.
 * @event esr-error - Loading, submitting or cancelling failed. `detail.error` is the SDK error.
 *
 * @slot empty - Replaces "You have not requested any leave yet".
 *
 * @csspart base - The outer wrapper.
 * @csspart state - The region holding the loading, error or data content.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error box.
 * @csspart retry-button - Try again.
 * @csspart heading - Every heading.
 * @csspart balance - The balance panel.
 * @csspart form - The request form.
 * @csspart error-summary - The NHS error summary above the form.
 * @csspart count - The live count of working hours and the balance after the request.
 * @csspart submit-button - The submit button.
 * @csspart confirmation - The panel shown after a request is sent.
 * @csspart requests - The table of the person's requests.
 * @csspart empty - The "no requests yet" message.
 * @csspart cancel-button - Each request's Cancel button.
 *
 * @cssproperty --esr-color-brand - Brand colour (panel borders, secondary buttons). Falls back to `--nhsuk-brand-colour`, then #005eb8.
 * @cssproperty --esr-color-button - Primary button. Falls back to `--nhsuk-button-colour`, then #007f3b.
 * @cssproperty --esr-color-error - Error summary and field errors. Falls back to `--nhsuk-error-colour`, then #d5281b.
 * @cssproperty --esr-color-focus - Focus highlight. Falls back to `--nhsuk-focus-colour`, then #ffeb3b.
 * @cssproperty --esr-font-family - Font stack; inherits the page's by default.
 */
export class EsrLeaveRequest extends EsrElement<LeaveRequestStrings> {
  protected readonly localize = new LocalizeController(this, leaveRequestMessages);

  static formAssociated = true;
  static override styles = styles;

  /** Lit reactive properties (declared here rather than with decorators: no decorator helpers ship). */
  static override properties: PropertyDeclarations = {
    hideList: { attribute: 'hide-list', type: Boolean },
    name: {},
    disabled: { type: Boolean, reflect: true },
    values: { state: true },
    errors: { state: true },
    refusal: { state: true },
    count: { state: true },
    submitting: { state: true },
    confirmation: { state: true },
    cancelling: { state: true },
    announcement: { state: true },
  };

  /** Hides "Your leave requests" (the form alone). */
  hideList = false;
  /** Form field name prefix when the widget sits inside a page's `<form>`. */
  name = '';
  /** Disables the form (also set by a disabled `<fieldset>` around it). */
  disabled = false;

  private values: LeaveFormValues = emptyForm();
  private errors: FieldError[] = [];
  /** A refusal the server gave that names no field (e.g. not enough leave left). */
  private refusal = '';
  private count: Count = { state: 'idle' };
  private submitting = false;
  private confirmation: LeaveRequest | undefined;
  private cancelling = '';
  private announcement = '';
  #formDisabled = false;
  #shownFor: unknown;
  #countTimer: ReturnType<typeof setTimeout> | undefined;
  #countRequest = 0;

  readonly #data = new DataLoader<Loaded>(this, {
    client: () => this.activeClient,
    hasProvider: () => this.hasProvider,
    load: async (client, signal) => {
      const [balances, page] = await Promise.all([
        client.leave.balances('me', { signal }),
        this.hideList ? Promise.resolve({ data: [] as LeaveRequest[] }) : client.leave.requests.list('me', { signal, limit: 50 }),
      ]);
      return { balances, requests: [...page.data] };
    },
  });

  /** The request the form describes now, when it is valid (what Submit would send). */
  get request() {
    return validate(this.values).request;
  }

  /** Loads balances and requests again. */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  // ——— form association ———

  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }
  get validity(): ValidityState | undefined {
    return this.internals?.validity;
  }
  get validationMessage(): string {
    return this.internals?.validationMessage ?? '';
  }
  checkValidity(): boolean {
    return this.internals?.checkValidity() ?? true;
  }
  reportValidity(): boolean {
    const valid = this.internals?.reportValidity() ?? true;
    if (!valid) this.#showErrors(validate(this.values).errors);
    return valid;
  }
  formResetCallback(): void {
    this.values = emptyForm();
    this.errors = [];
    this.refusal = '';
    this.confirmation = undefined;
  }
  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }
  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string') return;
    try {
      this.values = { ...emptyForm(), ...(JSON.parse(state) as Partial<LeaveFormValues>) };
    } catch {
      /* a state we did not write: keep the empty form */
    }
  }

  #syncForm(): void {
    const internals = this.internals;
    if (!internals || typeof internals.setFormValue !== 'function') return;
    const { errors, request } = validate(this.values);
    const data = new FormData();
    const field = (n: string) => (this.name ? `${this.name}.${n}` : n);
    if (request) for (const [k, v] of Object.entries(request)) data.append(field(k), String(v));
    internals.setFormValue(request ? data : null, JSON.stringify(this.values));
    const first = errors[0];
    if (first) {
      const anchor = this.renderRoot.querySelector<HTMLElement>(`#${first.focus}`) ?? undefined;
      internals.setValidity({ customError: true }, this.#message(first), anchor);
    } else {
      internals.setValidity({});
    }
  }

  get #isDisabled(): boolean {
    return this.disabled || this.#formDisabled || this.submitting;
  }

  // ——— lifecycle ———

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#countTimer);
    this.#countRequest++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.activeClient !== this.#shownFor) {
      // Another person signed in (a new client): nothing typed or confirmed for the last one stays.
      this.#shownFor = this.activeClient;
      this.formResetCallback();
    }
    if (changed.has('values' as keyof EsrLeaveRequest)) this.#scheduleCount();
    const status = this.#data.status;
    this.setHostState(status === 'data' ? (this.#requests.length ? undefined : 'empty') : status);
  }

  protected override updated(): void {
    this.#syncForm();
  }

  get #requests(): LeaveRequest[] {
    return this.#data.value?.requests ?? [];
  }

  // ——— live count ———

  #scheduleCount(): void {
    clearTimeout(this.#countTimer);
    const range = this.#range();
    if (!range) {
      this.#countRequest++;
      this.count = { state: 'idle' };
      return;
    }
    // Typing a year digit by digit should not send four requests: wait for a pause.
    this.#countTimer = setTimeout(() => void this.#count(range), 300);
  }

  /** The date range the form names, if both ends are real dates in order and at most a year apart. */
  #range(): { from: string; to: string } | undefined {
    const start = parseDate(this.values.start);
    if (!('iso' in start)) return undefined;
    let to = start.iso;
    if (this.values.unit === 'days') {
      const end = parseDate(this.values.end);
      if ('iso' in end) to = end.iso;
    }
    if (to < start.iso) return undefined;
    const days = (Date.parse(to) - Date.parse(start.iso)) / 86_400_000;
    return days <= 365 ? { from: start.iso, to } : undefined;
  }

  async #count(range: { from: string; to: string }): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    const request = ++this.#countRequest;
    this.count = { state: 'counting' };
    try {
      const calendar = await client.absence.calendar('me', range);
      if (request !== this.#countRequest) return;
      const minutes = parseHours(this.values.hours);
      this.count = { state: 'done', ...countMinutes(calendar, { unit: this.values.unit, ...(minutes === undefined ? {} : { minutes }) }) };
    } catch {
      // The count is a help, not a gate: the server counts again when the request is sent.
      if (request === this.#countRequest) this.count = { state: 'failed' };
    }
  }

  // ——— submit and cancel ———

  #message(error: FieldError): string {
    const part = error.focus.endsWith('-month') ? 'month' : error.focus.endsWith('-year') ? 'year' : 'day';
    const field = error.field === 'end' ? this.localize.t('leaveEndDate') : this.localize.t('leaveStartDate');
    return this.localize.t(error.key, { field, part: this.localize.t(part === 'day' ? 'dateDay' : part === 'month' ? 'dateMonth' : 'dateYear') });
  }

  async #showErrors(errors: FieldError[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    // NHS.UK pattern: the summary takes focus, so screen readers hear every problem at once.
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#isDisabled) return;
    this.refusal = '';
    this.confirmation = undefined;
    const { errors, request } = validate(this.values);
    if (errors.length || !request) return this.#showErrors(errors);
    this.errors = [];
    const client = this.activeClient;
    if (!client) return;
    if (!this.dispatchEvent(new EsrLeaveRequestSubmitEvent({ request }))) return;
    this.submitting = true;
    try {
      const leaveRequest = await client.leave.requests.create('me', request);
      this.confirmation = leaveRequest;
      this.values = emptyForm();
      this.dispatchEvent(new EsrLeaveRequestSubmittedEvent({ leaveRequest }));
      await this.#data.reload({ quiet: true });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus();
    } catch (error) {
      this.#refused(error);
    } finally {
      this.submitting = false;
    }
  }

  /** A refusal goes into the error summary: against its field when the server names one. */
  #refused(error: unknown): void {
    this.dispatchEvent(new EsrErrorEvent({ error }));
    const issues = (error as { issues?: Array<{ path: string; message: string }> } | null)?.issues ?? [];
    const fieldErrors: FieldError[] = [];
    for (const issue of issues) {
      const field = fieldOfIssue(issue.path);
      if (field) fieldErrors.push({ field, focus: this.#focusOf(field), key: 'leaveErrorNotSent', message: issue.message });
    }
    const status = (error as { status?: number } | null)?.status;
    this.refusal = fieldErrors.length
      ? ''
      : status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 403
        ? (problemDetail(error) ?? this.localize.t('leaveErrorNotSent'))
        : this.localize.t('leaveErrorNotSent');
    void this.#showErrors(fieldErrors);
  }

  #focusOf(field: LeaveField): string {
    return { type: `type-${this.values.type || 'annual'}`, start: 'start-day', end: 'end-day', half: 'half-am', hours: 'hours', reason: 'reason' }[field];
  }

  async #cancel(request: LeaveRequest): Promise<void> {
    const client = this.activeClient;
    if (!client || this.cancelling) return;
    if (!this.dispatchEvent(new EsrLeaveRequestCancelEvent({ leaveRequest: request }))) return;
    this.cancelling = request.id;
    this.confirmation = undefined;
    try {
      // The version on screen is the one the person chose to cancel: if it changed meanwhile, the
      // server refuses (412) rather than cancelling something they have not seen.
      const cancelled = await client.leave.requests.cancel('me', request.id, { ifMatch: `"v${request.version}"` });
      this.announcement = this.localize.t('leaveCancelledAnnouncement', { dates: this.#dates(cancelled) });
      this.dispatchEvent(new EsrLeaveRequestCancelledEvent({ leaveRequest: cancelled }));
      await this.#data.reload({ quiet: true });
    } catch (error) {
      this.dispatchEvent(new EsrErrorEvent({ error }));
      this.announcement = this.localize.t('leaveCancelFailed', { dates: this.#dates(request) });
    } finally {
      this.cancelling = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#requests-caption')?.focus();
    }
  }

  #canCancel(r: LeaveRequest): boolean {
    return r.status === 'draft' || r.status === 'pending' || (r.status === 'approved' && r.startDate > todayIso());
  }

  // ——— input handlers ———

  #set<K extends keyof LeaveFormValues>(key: K, value: LeaveFormValues[K]): void {
    this.values = { ...this.values, [key]: value };
  }
  #setDate(which: 'start' | 'end', part: keyof DateParts, value: string): void {
    this.values = { ...this.values, [which]: { ...this.values[which], [part]: value } };
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const status = this.#data.status;
    return html`
      <div class="root" part="base" lang=${this.localize.lang}>
        <div class="state" part="state" tabindex="-1" aria-busy=${status === 'loading' ? 'true' : 'false'}>
          ${status === 'loading'
            ? loadingState(this.localize.t('leaveLoading'))
            : status === 'error'
              ? errorState({
                  l: this.localize,
                  error: this.#data.error,
                  title: this.localize.t('leaveErrorLoad'),
                  headingLevel: this.headingLevel,
                  onRetry: () => {
                    this.renderRoot.querySelector<HTMLElement>('.state')?.focus();
                    void this.reload();
                  },
                })
              : this.#renderData(this.#data.value!)}
        </div>
        <div class="visually-hidden" role="status">${status === 'loading' ? this.localize.t('leaveLoading') : this.announcement}</div>
      </div>
    `;
  }

  #renderData({ balances, requests }: Loaded): TemplateResult {
    return html`
      ${this.#renderBalance(balances)} ${this.confirmation ? this.#renderConfirmation(this.confirmation) : nothing}
      ${this.#renderForm(balances)} ${this.hideList ? nothing : this.#renderRequests(requests)}
    `;
  }

  #balanceOf(balances: LeaveBalances, kind: 'annual' | 'toil' | undefined): LeaveBalance | undefined {
    return kind ? balances.balances.find((b) => b.kind === kind) : undefined;
  }

  #renderBalance(balances: LeaveBalances): TemplateResult {
    const l = this.localize;
    const annual = this.#balanceOf(balances, 'annual');
    const toil = this.#balanceOf(balances, 'toil');
    const year = l.t('leaveYearRange', { start: l.date(balances.leaveYear.start), end: l.date(balances.leaveYear.end) });
    return html`
      <section class="balance" part="balance" aria-labelledby="balance-heading">
        ${heading(this.headingLevel, l.t('leaveBalanceTitle'), 'heading-m', 'balance-heading')}
        <p class="hint">${year}</p>
        ${annual
          ? html`<dl class="summary-list">
              <div class="summary-list__row">
                <dt class="summary-list__key">${l.t('leaveAnnualLeft')}</dt>
                <dd class="summary-list__value"><strong class="balance__figure">${l.hours(annual.availableMinutes)}</strong></dd>
              </div>
              <div class="summary-list__row">
                <dt class="summary-list__key">${l.t('leaveEntitlement')}</dt>
                <dd class="summary-list__value">${l.hours(annual.entitlementMinutes + annual.carriedOverMinutes + annual.adjustmentMinutes)}</dd>
              </div>
              <div class="summary-list__row">
                <dt class="summary-list__key">${l.t('leaveBooked')}</dt>
                <dd class="summary-list__value">${l.hours(annual.approvedMinutes)}</dd>
              </div>
              <div class="summary-list__row">
                <dt class="summary-list__key">${l.t('leaveAwaiting')}</dt>
                <dd class="summary-list__value">${l.hours(annual.pendingMinutes)}</dd>
              </div>
              ${toil
                ? html`<div class="summary-list__row">
                    <dt class="summary-list__key">${l.t('leaveToilLeft')}</dt>
                    <dd class="summary-list__value">${l.hours(toil.availableMinutes)}</dd>
                  </div>`
                : nothing}
            </dl>`
          : html`<p>${l.t('leaveNoBalance')}</p>`}
      </section>
    `;
  }

  #renderConfirmation(r: LeaveRequest): TemplateResult {
    const l = this.localize;
    return html`
      <div class="confirmation" part="confirmation" tabindex="-1" role="region" aria-labelledby="confirmation-heading">
        ${heading(this.headingLevel + 1, l.t(r.status === 'draft' ? 'leaveSavedTitle' : 'leaveSentTitle'), 'heading-m', 'confirmation-heading')}
        <p>${l.t('leaveSentBody', { type: l.t(TYPE_KEYS[r.type]!).toLowerCase(), dates: this.#dates(r), hours: l.hours(r.minutes) })}</p>
      </div>
    `;
  }

  #dates(r: Pick<LeaveRequest, 'startDate' | 'endDate' | 'unit' | 'half'>): string {
    const l = this.localize;
    const range = r.startDate === r.endDate ? l.date(r.startDate) : l.t('dateRange', { start: l.date(r.startDate), end: l.date(r.endDate) });
    if (r.unit === 'half_day') return `${range} (${l.t(r.half === 'pm' ? 'leaveHalfPm' : 'leaveHalfAm').toLowerCase()})`;
    return range;
  }

  #errorFor(field: LeaveField): FieldError | undefined {
    return this.errors.find((e) => e.field === field);
  }

  #errorText(e: FieldError): string {
    return e.message ?? this.#message(e);
  }

  #fieldError(field: LeaveField): TemplateResult | typeof nothing {
    const e = this.#errorFor(field);
    return e ? fieldError(this.localize, `${field}-error`, this.#errorText(e)) : nothing;
  }

  #describedBy(field: LeaveField, hint?: string): string | typeof nothing {
    const ids = [hint, this.#errorFor(field) ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return ids || nothing;
  }

  #renderErrorSummary(): TemplateResult | typeof nothing {
    return errorSummary(this.localize, this.headingLevel, this.refusal, this.errors.map((e) => ({ id: e.focus, text: this.#errorText(e) })));
  }

  #renderDate(which: 'start' | 'end', legend: string): TemplateResult {
    const l = this.localize;
    const v = this.values[which];
    const error = this.#errorFor(which);
    const bad = (part: string) => error && (error.focus === `${which}-${part}` || error.key === 'leaveErrorDateReal' || error.key === 'leaveErrorEndBeforeStart' || error.key.endsWith('Missing'));
    const input = (part: keyof DateParts, label: string, width: string, max: number) => html`
      <div class="date-input__item">
        <label class="date-input__label" for=${`${which}-${part}`}>${label}</label>
        <input
          id=${`${which}-${part}`}
          class=${`${width} ${bad(part) ? 'input--error' : ''}`}
          type="text"
          inputmode="numeric"
          maxlength=${max}
          autocomplete="off"
          .value=${v[part]}
          ?disabled=${this.#isDisabled}
          @input=${(e: Event) => this.#setDate(which, part, (e.target as HTMLInputElement).value)}
        />
      </div>
    `;
    return html`
      <div class=${`form-group ${error ? 'form-group--error' : ''}`}>
        <fieldset role="group" aria-describedby=${this.#describedBy(which, `${which}-hint`)}>
          <legend>${legend}</legend>
          <span class="hint" id=${`${which}-hint`}>${l.t('dateHint')}</span>
          ${this.#fieldError(which)}
          <div class="date-input">
            ${input('day', l.t('dateDay'), 'width-2', 2)} ${input('month', l.t('dateMonth'), 'width-2', 2)}
            ${input('year', l.t('dateYear'), 'width-4', 4)}
          </div>
        </fieldset>
      </div>
    `;
  }

  #radio(group: string, value: string, label: string, checked: boolean, onChange: () => void): TemplateResult {
    return html`<div class="choice">
      <input
        type="radio"
        id=${`${group}-${value}`}
        name=${group}
        value=${value}
        .checked=${checked}
        ?disabled=${this.#isDisabled}
        @change=${onChange}
      />
      <label for=${`${group}-${value}`}>${label}</label>
    </div>`;
  }

  #renderForm(balances: LeaveBalances): TemplateResult {
    const l = this.localize;
    const v = this.values;
    const units: Array<[LeaveUnit, LeaveRequestKey]> = [
      ['days', 'leaveUnitDays'],
      ['half_day', 'leaveUnitHalf'],
      ['hours', 'leaveUnitHours'],
    ];
    return html`
      <section aria-labelledby="form-heading">
        ${heading(this.headingLevel, l.t('leaveFormTitle'), 'heading-m', 'form-heading')} ${this.#renderErrorSummary()}
        <form part="form" novalidate @submit=${this.#onSubmit}>
          <div class=${`form-group ${this.#errorFor('type') ? 'form-group--error' : ''}`}>
            <fieldset aria-describedby=${this.#describedBy('type')}>
              <legend>${l.t('leaveTypeLegend')}</legend>
              ${this.#fieldError('type')}
              <div class="choices">
                ${LEAVE_TYPES.map((t) => this.#radio('type', t, l.t(TYPE_KEYS[t]!), v.type === t, () => this.#set('type', t)))}
              </div>
            </fieldset>
          </div>

          <div class="form-group">
            <fieldset>
              <legend>${l.t('leaveUnitLegend')}</legend>
              <div class="choices choices--inline">
                ${units.map(([u, key]) => this.#radio('unit', u, l.t(key), v.unit === u, () => this.#set('unit', u)))}
              </div>
            </fieldset>
          </div>

          ${this.#renderDate('start', v.unit === 'days' ? l.t('leaveStartDate') : l.t('leaveDate'))}
          ${v.unit === 'days' ? this.#renderDate('end', l.t('leaveEndDate')) : nothing}
          ${v.unit === 'half_day'
            ? html`<div class=${`form-group ${this.#errorFor('half') ? 'form-group--error' : ''}`}>
                <fieldset aria-describedby=${this.#describedBy('half')}>
                  <legend>${l.t('leaveHalfLegend')}</legend>
                  ${this.#fieldError('half')}
                  <div class="choices choices--inline">
                    ${this.#radio('half', 'am', l.t('leaveHalfAm'), v.half === 'am', () => this.#set('half', 'am'))}
                    ${this.#radio('half', 'pm', l.t('leaveHalfPm'), v.half === 'pm', () => this.#set('half', 'pm'))}
                  </div>
                </fieldset>
              </div>`
            : nothing}
          ${v.unit === 'hours'
            ? html`<div class=${`form-group ${this.#errorFor('hours') ? 'form-group--error' : ''}`}>
                <label class="label" for="hours">${l.t('leaveHoursLabel')}</label>
                <span class="hint" id="hours-hint">${l.t('leaveHoursHint')}</span>
                ${this.#fieldError('hours')}
                <input
                  id="hours"
                  class=${`width-4 ${this.#errorFor('hours') ? 'input--error' : ''}`}
                  type="text"
                  inputmode="decimal"
                  autocomplete="off"
                  aria-describedby=${this.#describedBy('hours', 'hours-hint')}
                  .value=${v.hours}
                  ?disabled=${this.#isDisabled}
                  @input=${(e: Event) => this.#set('hours', (e.target as HTMLInputElement).value)}
                />
              </div>`
            : nothing}

          <div class=${`form-group ${this.#errorFor('reason') ? 'form-group--error' : ''}`}>
            <label class="label" for="reason">${l.t('leaveReasonLabel')}</label>
            <span class="hint" id="reason-hint">${l.t('leaveReasonHint')}</span>
            ${this.#fieldError('reason')}
            <textarea
              id="reason"
              rows="3"
              class=${this.#errorFor('reason') ? 'input--error' : ''}
              aria-describedby=${this.#describedBy('reason', 'reason-hint')}
              .value=${v.reason}
              ?disabled=${this.#isDisabled}
              @input=${(e: Event) => this.#set('reason', (e.target as HTMLTextAreaElement).value)}
            ></textarea>
          </div>

          ${this.#renderCount(balances)}

          <div class="button-group">
            <button type="submit" class="button button--primary" part="submit-button" ?disabled=${this.#isDisabled}>
              ${l.t(this.submitting ? 'leaveSubmitting' : 'leaveSubmit')}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  #renderCount(balances: LeaveBalances): TemplateResult {
    const l = this.localize;
    const c = this.count;
    const balance = this.#balanceOf(balances, BALANCE_KIND[this.values.type]);
    let text = '';
    if (c.state === 'counting') text = l.t('leaveCounting');
    else if (c.state === 'failed') text = l.t('leaveCountFailed');
    else if (c.state === 'done') {
      text = c.minutes === 0 ? l.t('leaveCountNone') : l.t('leaveCount', { hours: l.hours(c.minutes), days: l.number(c.days) });
      if (c.minutes > 0 && balance) {
        const left = balance.availableMinutes - c.minutes;
        text += ' ' + (left >= 0 ? l.t('leaveCountLeft', { hours: l.hours(left) }) : l.t('leaveCountOver', { hours: l.hours(-left) }));
      } else if (c.minutes > 0 && this.values.type) {
        text += ' ' + l.t('leaveCountNoBalance');
      }
    }
    // A polite live region, so the figure is read out when typing pauses, not on every keystroke.
    return html`<div class="count" part="count" aria-live="polite" ?hidden=${!text}>${text}</div>`;
  }

  #renderRequests(requests: LeaveRequest[]): TemplateResult {
    const l = this.localize;
    return html`
      <section aria-labelledby="requests-caption">
        ${heading(this.headingLevel, l.t('leaveRequestsTitle'), 'heading-m', 'requests-heading')}
        ${requests.length === 0
          ? html`<div class="empty" part="empty">
              <slot name="empty"><p class="hint" id="requests-caption" tabindex="-1">${l.t('leaveRequestsEmpty')}</p></slot>
            </div>`
          : html`<table part="requests">
              <caption id="requests-caption" tabindex="-1" class="visually-hidden">${l.t('leaveRequestsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">${l.t('leaveColDates')}</th>
                  <th scope="col">${l.t('leaveColType')}</th>
                  <th scope="col" class="numeric">${l.t('leaveColTime')}</th>
                  <th scope="col">${l.t('leaveColStatus')}</th>
                  <th scope="col"><span class="visually-hidden">${l.t('leaveColActions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${repeat(
                  requests,
                  (r) => r.id,
                  (r) => {
                    const [statusKey, colour] = STATUS_KEYS[r.status] ?? ['leaveStatusPending', 'grey'];
                    return html`<tr>
                      <th scope="row">${this.#dates(r)}</th>
                      <td>${l.t(TYPE_KEYS[r.type] ?? 'leaveTypeAnnual')}</td>
                      <td class="numeric">${l.hours(r.minutes)}</td>
                      <td><strong class=${`tag tag--${colour}`}>${l.t(statusKey)}</strong></td>
                      <td>
                        ${this.#canCancel(r)
                          ? html`<button
                              type="button"
                              class="button button--small"
                              part="cancel-button"
                              ?disabled=${this.cancelling !== '' || this.disabled}
                              @click=${() => this.#cancel(r)}
                            >
                              ${l.t(this.cancelling === r.id ? 'leaveCancelling' : 'leaveCancel')}<span class="visually-hidden">
                                ${l.t('leaveCancelWhich', { dates: this.#dates(r) })}</span
                              >
                            </button>`
                          : nothing}
                      </td>
                    </tr>`;
                  },
                )}
              </tbody>
            </table>`}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esr-leave-request': EsrLeaveRequest;
  }
}
