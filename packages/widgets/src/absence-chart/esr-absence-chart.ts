import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { AbsenceCalendar, BradfordFactor, EsrClient, SicknessEpisode } from '@esr/sdk';
import { EsrElement } from '../internal/esr-element.ts';
import { errorState, heading, loadingState } from '../internal/states.ts';
import { DataLoader } from '../internal/data-loader.ts';
import { LocalizeController } from '../i18n/localize-controller.ts';
import { absenceChartMessages, type AbsenceChartStrings, type AbsenceChartKey } from './messages.ts';
import { EsrAbsenceChartLoadedEvent } from './events.ts';
import { styles } from './esr-absence-chart.styles.ts';
import { BarChartController, type Bar } from './bar-chart.ts';
import {
  addDays,
  episodesBetween,
  summariseRates,
  sickDaysByMonth,
  todayInLondon,
  twelveMonthsTo,
  workingDaysOf,
  type OrgMonth,
  type OrgReason,
  type PersonMonth,
} from './absence-data.ts';

export type AbsenceChartView = 'person' | 'organisation';
type Status = 'loading' | 'empty' | 'error' | 'data';

interface PersonData {
  view: 'person';
  months: PersonMonth[];
  bradford: BradfordFactor;
  episodes: { episode: SicknessEpisode; workingDays: number }[];
  reasonNames: Map<string, string>;
}
interface OrgData {
  view: 'organisation';
  months: OrgMonth[];
  reasons: OrgReason[];
}

/** Welsh month abbreviations: Chromium builds without Welsh ICU data would otherwise print "Oct". */
const WELSH_SHORT_MONTHS = ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'];

/**
 * @tag esr-absence-chart
 * @summary Sickness absence as an accessible SVG bar chart: one person's working days lost each month with
 * their Bradford factor and spells of sickness, or an organisation unit's monthly absence rate with its
 * reasons (HR administrators). Every figure is also in a data table.
 *
 * @event esr-absence-chart-loaded - The figures loaded and rendered. `event.detail.view` says which; `detail.months` holds the monthly figures.
 * @event esr-error - Loading failed. `event.detail.error` is the SDK error; the widget already shows a message and a Try again button.
 *
 * @slot empty - Replaces the built-in "no absence" message.
 *
 * @csspart base - The outer wrapper.
 * @csspart state - The region that holds the loading, empty, error or data content.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty-state message.
 * @csspart error - The error message box.
 * @csspart retry-button - The Try again button.
 * @csspart heading - The chart heading.
 * @csspart bradford - The Bradford factor panel (person view).
 * @csspart chart - The chart figure (SVG and readout).
 * @csspart chart-svg - The `<svg>`.
 * @csspart chart-readout - The line under the chart naming the focused or hovered month.
 * @csspart details - The "Show the figures as a table" disclosure.
 * @csspart table - Every table (also `months`, `reasons`, `episodes`).
 *
 * @cssproperty --esr-absence-chart-bar - Bar colour. Falls back to the brand colour.
 * @cssproperty --esr-absence-chart-bar-active - Colour of the focused or hovered bar (#003087).
 * @cssproperty --esr-color-brand - Brand colour. Falls back to `--nhsuk-brand-colour`, then #005eb8.
 * @cssproperty --esr-color-focus - Focus highlight. Falls back to `--nhsuk-focus-colour`, then #ffeb3b.
 *
 * @example
 * ```html
 * <esr-provider base-url="https://esr.example.nhs.uk"><esr-absence-chart></esr-absence-chart></esr-provider>
 * <esr-absence-chart view="organisation" org-unit-id="ou_0000002"></esr-absence-chart>
 * ```
 */
export class EsrAbsenceChart extends EsrElement<AbsenceChartStrings> {
  protected readonly localize = new LocalizeController(this, absenceChartMessages);

  static override styles = styles;

  /** Lit reactive properties (declared here rather than with decorators: no decorator helpers ship). */
  static override properties: PropertyDeclarations = {
    view: { reflect: true },
    employeeId: { attribute: 'employee-id' },
    orgUnitId: { attribute: 'org-unit-id' },
    asOf: { attribute: 'as-of' },
  };

  /** `person` (default): one person's sickness; `organisation`: a unit's monthly absence rate (HR). */
  view: AbsenceChartView = 'person';

  /** Whose sickness to show in the person view (`emp_…`); default the signed-in person. */
  employeeId = 'me';

  /** The unit whose rate to show in the organisation view (`ou_…`); default the whole trust. */
  orgUnitId = '';

  /** The last day shown (`YYYY-MM-DD`): the chart covers the 12 months up to it. Default today (UK). */
  asOf = '';


  readonly #chart = new BarChartController(this);
  readonly #data = new DataLoader<PersonData | OrgData>(this, {
    client: () => this.activeClient,
    hasProvider: () => this.hasProvider,
    key: () => [this.view, this.employeeId, this.orgUnitId, this.#asOf],
    load: (client, signal) => (this.view === 'organisation' ? this.#loadOrganisation(client, signal) : this.#loadPerson(client, signal)),
  });
  /** The figures the loaded event was last fired for. */
  #announced: unknown;

  /** Fetches the figures again (what Try again does). */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  get #status(): Status {
    const { status, value } = this.#data;
    if (status !== 'data' || !value) return status;
    const empty = value.view === 'person' ? value.bradford.spells === 0 && value.months.every((m) => m.sickDays === 0) : value.months.every((m) => m.ratePercent === null);
    return empty ? 'empty' : 'data';
  }

  get #asOf(): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.asOf) ? this.asOf : todayInLondon();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const status = this.#status;
    this.setHostState(status === 'data' ? undefined : status);
  }

  protected override updated(): void {
    this.#chart.observe(this.renderRoot.querySelector('.chart'));
    const value = this.#data.value;
    if (this.#data.status === 'data' && value && value !== this.#announced) {
      this.#announced = value;
      this.#chart.active = -1;
      this.dispatchEvent(
        new EsrAbsenceChartLoadedEvent(
          value.view === 'person' ? { view: 'person', months: value.months, bradford: value.bradford } : { view: 'organisation', months: value.months, reasons: value.reasons },
        ),
      );
    }
  }

  async #loadPerson(client: EsrClient, signal: AbortSignal): Promise<PersonData> {
    const asOf = this.#asOf;
    const { fromDate, months } = twelveMonthsTo(asOf);
    const who = this.employeeId || 'me';
    const [bradford, calendar, episodes] = await Promise.all([
      client.absence.bradfordFactor(who, { asOf, signal }),
      client.absence.calendar(who, { from: fromDate, to: asOf }, { signal }),
      this.#episodes(client, who, fromDate, signal),
    ]);
    const reasonNames = new Map<string, string>();
    for (const e of episodes) if (e.reason) reasonNames.set(e.reason.level1, e.reason.level1Name);
    return {
      view: 'person',
      months: sickDaysByMonth(calendar, months),
      bradford,
      episodes: episodesBetween(episodes, fromDate, asOf).map((episode) => ({ episode, workingDays: workingDaysOf(episode, calendar as AbsenceCalendar) })),
      reasonNames,
    };
  }

  /** Episodes newest first, paging only as far back as the chart's first day. */
  async #episodes(client: EsrClient, who: string, fromDate: string, signal: AbortSignal): Promise<SicknessEpisode[]> {
    const out: SicknessEpisode[] = [];
    for await (const e of await client.absence.sickness.list(who, { limit: 100, signal })) {
      out.push(e);
      if (e.startDate < addDays(fromDate, -366)) break;
    }
    return out;
  }

  async #loadOrganisation(client: EsrClient, signal: AbortSignal): Promise<OrgData> {
    const { fromMonth, months } = twelveMonthsTo(this.#asOf);
    const answer = await client.absence.rates({ from: fromMonth, months: 12, by: 'reason', ...(this.orgUnitId ? { orgUnitId: this.orgUnitId } : {}) }, { signal });
    return { view: 'organisation', ...summariseRates(answer.rates, months) };
  }

  #onRetry(): void {
    this.renderRoot.querySelector<HTMLElement>('.state')?.focus();
    void this.reload();
  }

  // ——— formatting ———

  #shortMonth(month: string): string {
    const l = this.localize;
    return l.locale === 'cy' ? WELSH_SHORT_MONTHS[Number(month.slice(5, 7)) - 1]! : l.date(`${month}-01`, { month: 'short' });
  }

  #days(count: number): string {
    const l = this.localize;
    return l.t(new Intl.PluralRules('en-GB').select(count) === 'one' ? 'workingDaysOne' : 'workingDaysOther', { count: this.#number(count) });
  }

  #number(n: number, digits = 2): string {
    return new Intl.NumberFormat(this.localize.lang === 'cy' ? ['cy', 'en-GB'] : 'en-GB', { maximumFractionDigits: digits }).format(n);
  }

  #percent(n: number): string {
    return new Intl.NumberFormat(this.localize.lang === 'cy' ? ['cy', 'en-GB'] : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(n / 100);
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const busy = this.#status === 'loading';
    return html`
      <div class="root" part="base" lang=${this.localize.lang}>
        <div class="state" part="state" tabindex="-1" aria-busy=${busy ? 'true' : 'false'}>${this.#renderState()}</div>
        <div class="visually-hidden" role="status">${busy ? this.localize.t('absenceLoading') : ''}</div>
      </div>
    `;
  }

  #renderState(): TemplateResult {
    switch (this.#status) {
      case 'loading':
        return loadingState(this.localize.t('absenceLoading'), true);
      case 'empty':
        return this.#renderEmpty();
      case 'error':
        return this.#renderError();
      case 'data':
        if (this.#data.value?.view === 'person') return this.#renderPerson(this.#data.value);
        if (this.#data.value?.view === 'organisation') return this.#renderOrganisation(this.#data.value);
        return this.#renderEmpty();
    }
  }

  #heading(text: string): TemplateResult {
    return heading(this.headingLevel, text, 'heading-m', 'absence-heading');
  }

  #renderEmpty(): TemplateResult {
    const l = this.localize;
    const person = this.view !== 'organisation';
    return html`
      <div class="empty" part="empty">
        <slot name="empty">
          ${this.#heading(l.t(person ? 'absencePersonEmptyTitle' : 'absenceOrgEmptyTitle'))}
          <p class="hint">${l.t(person ? 'absencePersonEmptyBody' : 'absenceOrgEmptyBody')}</p>
        </slot>
      </div>
    `;
  }

  #renderError(): TemplateResult {
    const l = this.localize;
    return errorState({
      l,
      error: this.#data.error,
      title: l.t('absenceErrorTitle'),
      headingLevel: this.headingLevel,
      onRetry: () => this.#onRetry(),
      own: {
        forbidden: [l.t('absenceForbiddenTitle'), l.t('absenceForbiddenBody')],
        'not-found': [l.t('absenceNotFoundTitle'), l.t('absenceNotFoundBody')],
      },
    });
  }

  #range(months: readonly { month: string }[]): { from: string; to: string } {
    const l = this.localize;
    return { from: l.monthYear(`${months[0]!.month}-01`), to: l.monthYear(`${months[months.length - 1]!.month}-01`) };
  }

  #renderChart(bars: Bar[], label: string, tick: (v: number) => string, minMax: number): TemplateResult {
    return html`
      <figure class="chart" part="chart">
        <p class="hint chart__hint" id="chart-hint">${this.localize.t('chartKeyboardHint')}</p>
        ${this.#chart.render(bars, { label, tick, minMax })}
      </figure>
    `;
  }

  #renderPerson(d: PersonData): TemplateResult {
    const l = this.localize;
    const range = this.#range(d.months);
    const reasonName = (code: string | undefined) => (code ? (d.reasonNames.get(code) ?? code) : '');
    const monthName = (m: string) => l.monthYear(`${m}-01`);
    const bars: Bar[] = d.months.map((m) => ({
      key: m.month,
      value: m.sickDays,
      label: this.#shortMonth(m.month),
      valueText: this.#number(m.sickDays),
      description: m.reasons[0]
        ? l.t('absencePersonBarReason', { month: monthName(m.month), days: this.#days(m.sickDays), reason: reasonName(m.reasons[0]) })
        : l.t('absencePersonBar', { month: monthName(m.month), days: this.#days(m.sickDays) }),
    }));
    const b = d.bradford;
    return html`
      <section class="absence" aria-labelledby="absence-heading">
        ${this.#heading(l.t('absencePersonHeading'))}
        <div class="bradford" part="bradford">
          <dl class="bradford__figures">
            <div class="bradford__figure bradford__figure--score">
              <dt>${l.t('bradfordFactor')}</dt>
              <dd class="numeric">${this.#number(b.score, 0)}</dd>
            </div>
            <div class="bradford__figure">
              <dt>${l.t('spellsOfSickness')}</dt>
              <dd class="numeric">${this.#number(b.spells, 0)}</dd>
            </div>
            <div class="bradford__figure">
              <dt>${l.t('workingDaysLost')}</dt>
              <dd class="numeric">${this.#number(b.days, 0)}</dd>
            </div>
          </dl>
          <p class="hint">${l.t('bradfordWorking', { spells: b.spells, days: b.days, score: b.score })}</p>
          <p class="hint">${l.t('bradfordPeriod', { from: l.date(b.from), to: l.date(b.to) })}</p>
        </div>
        ${this.#renderChart(bars, l.t('absencePersonChartLabel', range), (v) => this.#number(v, 1), 5)}
        <details class="details" part="details">
          <summary>${l.t('showAsTable')}</summary>
          <table part="table months">
            <caption>${l.t('absencePersonChartLabel', range)}</caption>
            <thead>
              <tr>
                <th scope="col">${l.t('month')}</th>
                <th scope="col" class="numeric">${l.t('workingDaysLost')}</th>
                <th scope="col">${l.t('mainReason')}</th>
              </tr>
            </thead>
            <tbody>
              ${d.months.map(
                (m) => html`<tr>
                  <th scope="row">${monthName(m.month)}</th>
                  <td class="numeric">${this.#number(m.sickDays)}</td>
                  <td>${m.reasons[0] ? reasonName(m.reasons[0]) : l.t('noneRecorded')}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </details>
        ${d.episodes.length
          ? html`<table part="table episodes">
              <caption>${l.t('sicknessSpellsCaption', range)}</caption>
              <thead>
                <tr>
                  <th scope="col">${l.t('firstDay')}</th>
                  <th scope="col">${l.t('lastDay')}</th>
                  <th scope="col">${l.t('reason')}</th>
                  <th scope="col" class="numeric">${l.t('workingDaysLost')}</th>
                </tr>
              </thead>
              <tbody>
                ${d.episodes.map(
                  ({ episode: e, workingDays }) => html`<tr>
                    <td>${l.date(e.startDate)}</td>
                    <td>${e.endDate ? l.date(e.endDate) : html`<strong class="tag">${l.t('stillOff')}</strong>`}</td>
                    <td>${e.reason ? (e.reason.level2Name ? `${e.reason.level1Name}: ${e.reason.level2Name}` : e.reason.level1Name) : l.t('notRecorded')}</td>
                    <td class="numeric">${this.#number(workingDays, 0)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : nothing}
      </section>
    `;
  }

  #renderOrganisation(d: OrgData): TemplateResult {
    const l = this.localize;
    const range = this.#range(d.months);
    const names = new Map(d.reasons.map((r) => [r.reason, r.reasonName]));
    const monthName = (m: string) => l.monthYear(`${m}-01`);
    const bars: Bar[] = d.months.map((m) => ({
      key: m.month,
      value: m.ratePercent ?? 0,
      label: this.#shortMonth(m.month),
      valueText: m.ratePercent === null ? '–' : this.#percent(m.ratePercent),
      description:
        m.ratePercent === null
          ? l.t('absenceOrgNoStaff', { month: monthName(m.month) })
          : m.topReason
            ? l.t('absenceOrgBarReason', { month: monthName(m.month), rate: this.#percent(m.ratePercent), reason: names.get(m.topReason) ?? m.topReason })
            : l.t('absenceOrgBar', { month: monthName(m.month), rate: this.#percent(m.ratePercent) }),
    }));
    const maxShare = Math.max(1, ...d.reasons.map((r) => r.sharePercent));
    return html`
      <section class="absence" aria-labelledby="absence-heading">
        ${this.#heading(l.t('absenceOrgHeading'))}
        ${this.#renderChart(bars, l.t('absenceOrgChartLabel', range), (v) => this.#percent(v), 2)}
        <details class="details" part="details">
          <summary>${l.t('showAsTable')}</summary>
          <table part="table months">
            <caption>${l.t('absenceOrgChartLabel', range)}</caption>
            <thead>
              <tr>
                <th scope="col">${l.t('month')}</th>
                <th scope="col" class="numeric">${l.t('absenceRate')}</th>
                <th scope="col" class="numeric">${l.t('fteDaysLost')}</th>
                <th scope="col" class="numeric">${l.t('fteDaysAvailable')}</th>
                <th scope="col">${l.t('mainReason')}</th>
              </tr>
            </thead>
            <tbody>
              ${d.months.map(
                (m) => html`<tr>
                  <th scope="row">${monthName(m.month)}</th>
                  <td class="numeric">${m.ratePercent === null ? '–' : this.#percent(m.ratePercent)}</td>
                  <td class="numeric">${this.#number(m.fteDaysLost)}</td>
                  <td class="numeric">${this.#number(m.fteDaysAvailable)}</td>
                  <td>${m.topReason ? (names.get(m.topReason) ?? m.topReason) : l.t('noneRecorded')}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </details>
        ${d.reasons.length
          ? html`<table part="table reasons" class="reasons">
              <caption>${l.t('absenceReasonsCaption', range)}</caption>
              <thead>
                <tr>
                  <th scope="col">${l.t('reason')}</th>
                  <th scope="col" class="numeric">${l.t('fteDaysLost')}</th>
                  <th scope="col" class="numeric">${l.t('shareOfDaysLost')}</th>
                </tr>
              </thead>
              <tbody>
                ${d.reasons.map(
                  (r) => html`<tr>
                    <th scope="row">${r.reasonName}</th>
                    <td class="numeric">${this.#number(r.fteDaysLost)}</td>
                    <td class="numeric reasons__share">
                      <svg class="reasons__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect width=${((r.sharePercent / maxShare) * 100).toFixed(1)} height="8"></rect></svg>
                      ${this.#percent(r.sharePercent)}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esr-absence-chart': EsrAbsenceChart;
  }
}
