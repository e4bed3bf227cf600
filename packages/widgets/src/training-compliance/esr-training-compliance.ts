import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import type { ComplianceCell, ComplianceMatrix, EsrClient, PersonCompliance } from '@esr/sdk';
import { EsrElement } from '../internal/esr-element.ts';
import { errorState, heading, loadingState } from '../internal/states.ts';
import { DataLoader } from '../internal/data-loader.ts';
import { ChunkedRows } from '../internal/chunked-rows.ts';
import { LocalizeController } from '../i18n/localize-controller.ts';
import { trainingComplianceMessages, type TrainingComplianceStrings, type TrainingComplianceKey } from './messages.ts';
import { EsrTrainingComplianceLoadedEvent } from './events.ts';
import { styles } from './esr-training-compliance.styles.ts';

export type TrainingComplianceView = 'person' | 'team';
type Status = 'loading' | 'empty' | 'error' | 'data';
type Data = { view: 'person'; matrix: ComplianceMatrix } | { view: 'team'; people: PersonCompliance[] };

/** Red first (needs action), then amber, green, and not required last. */
const ORDER: Record<ComplianceCell['status'], number> = { red: 0, amber: 1, green: 2, not_required: 3 };
/** A symbol beside each status word, so status never rests on colour alone (the word carries the meaning). */
const SYMBOL: Record<ComplianceCell['status'], string> = { red: '✗', amber: '!', green: '✓', not_required: '–' };

/**
 * @tag esr-training-compliance
 * @summary Statutory and mandatory training (NHS Core Skills Training Framework) as a red/amber/green
 * matrix: each subject's status in words and symbol as well as colour, the level held, when it was
 * completed and when renewal is due. One person (`view="person"`, default) or a line manager's team.
 *
 * @event esr-training-compliance-loaded - The matrix loaded and rendered. `event.detail` has `view` and the SDK data.
 * @event esr-error - Loading failed. `event.detail.error` is the SDK error; the widget already shows a message and a Try again button.
 *
 * @slot empty - Replaces the built-in "nothing required" message.
 *
 * @csspart base - The outer wrapper.
 * @csspart state - The region that holds the loading, empty, error or data content.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty-state message.
 * @csspart error - The error message box.
 * @csspart retry-button - The Try again button.
 * @csspart heading - The heading.
 * @csspart summary - The compliance percentage panel (person view).
 * @csspart table - The matrix table.
 * @csspart tag - Every status tag (also `tag-red`, `tag-amber`, `tag-green`, `tag-not-required`).
 *
 * @cssproperty --esr-color-brand - Brand colour. Falls back to `--nhsuk-brand-colour`, then #005eb8.
 *
 * @example
 * ```html
 * <esr-provider base-url="https://esr.example.nhs.uk"><esr-training-compliance></esr-training-compliance></esr-provider>
 * <esr-training-compliance view="team"></esr-training-compliance>
 * ```
 */
export class EsrTrainingCompliance extends EsrElement<TrainingComplianceStrings> {
  protected readonly localize = new LocalizeController(this, trainingComplianceMessages);

  static override styles = styles;

  /** Lit reactive properties (declared here rather than with decorators: no decorator helpers ship). */
  static override properties: PropertyDeclarations = {
    view: { reflect: true },
    employeeId: { attribute: 'employee-id' },
    asOf: { attribute: 'as-of' },
  };

  /** `person` (default): one person's matrix; `team`: everyone in the signed-in manager's reporting line. */
  view: TrainingComplianceView = 'person';

  /** Whose matrix (person view): default the signed-in person. */
  employeeId = 'me';

  /** The date to judge on (`YYYY-MM-DD`); default today. */
  asOf = '';


  readonly #data = new DataLoader<Data>(this, {
    client: () => this.activeClient,
    hasProvider: () => this.hasProvider,
    key: () => [this.view, this.employeeId, this.asOf],
    load: (client, signal) => this.#fetch(client, signal),
  });
  /** The data the loaded event was last fired for. */
  #announced: unknown;
  /** A large team's rows are built a chunk per frame, none of them a long task. */
  readonly #rows = new ChunkedRows(this, () => (this.#data.value?.view === 'team' ? this.#data.value.people.length : 0));
  /** The data the rows and columns below were worked out for. */
  #shown: unknown;
  /** Team view columns: every subject family anyone in the team has, in first-seen order, with its name. */
  #families: Array<[family: string, name: string]> = [];

  /** Fetches again (what Try again does). */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  get #status(): Status {
    const { status, value } = this.#data;
    if (status !== 'data' || !value) return status;
    return (value.view === 'person' ? value.matrix.subjects.length : value.people.length) ? 'data' : 'empty';
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const value = this.#data.value;
    if (value !== this.#shown) {
      this.#shown = value;
      this.#rows.reset();
      const families = new Map<string, string>();
      if (value?.view === 'team') for (const p of value.people) for (const c of p.subjects) if (!families.has(c.family)) families.set(c.family, c.name);
      this.#families = [...families];
    }
    const status = this.#status;
    this.setHostState(status === 'data' ? undefined : status);
  }

  protected override updated(): void {
    const value = this.#data.value;
    if (this.#data.status === 'data' && value && value !== this.#announced) {
      this.#announced = value;
      this.dispatchEvent(new EsrTrainingComplianceLoadedEvent(value.view === 'person' ? { view: 'person', matrix: value.matrix } : { view: 'team', people: value.people }));
    }
  }

  async #fetch(client: EsrClient, signal: AbortSignal): Promise<Data> {
    const asOf = /^\d{4}-\d{2}-\d{2}$/.test(this.asOf) ? this.asOf : undefined;
    if (this.view === 'team') {
      const people: PersonCompliance[] = [];
      for await (const p of await client.compliance.team({ limit: 100, signal, ...(asOf ? { asOf } : {}) })) people.push(p);
      return { view: 'team', people };
    }
    return { view: 'person', matrix: await client.compliance.matrix(this.employeeId || 'me', { signal, ...(asOf ? { asOf } : {}) }) };
  }

  #onRetry(): void {
    this.renderRoot.querySelector<HTMLElement>('.state')?.focus();
    void this.reload();
  }

  // ——— words ———

  #statusText(c: ComplianceCell): string {
    const l = this.localize;
    switch (c.status) {
      case 'green':
        return l.t('statusGreen');
      case 'amber':
        return l.t('statusAmber');
      case 'not_required':
        return l.t('statusNotRequired');
      case 'red':
        if (!c.completedOn) return l.t('statusNotDone');
        if (c.requiredLevel !== null && (c.heldLevel ?? 0) < c.requiredLevel) return l.t('statusLevelNeeded', { level: c.requiredLevel });
        return l.t('statusExpired');
    }
  }

  #renewal(months: number | null): string {
    const l = this.localize;
    if (months === null) return '–';
    if (months % 12 === 0) return months === 12 ? l.t('yearsOne') : l.t('yearsOther', { count: months / 12 });
    return l.t('monthsCount', { count: months });
  }

  #relative(days: number | null): string {
    const l = this.localize;
    if (days === null) return '';
    if (days === 0) return l.t('dueToday');
    if (days > 0) return days === 1 ? l.t('daysLeftOne') : l.t('daysLeftOther', { count: days });
    return days === -1 ? l.t('daysAgoOne') : l.t('daysAgoOther', { count: -days });
  }

  #tag(c: ComplianceCell): TemplateResult {
    const part = `tag tag-${c.status.replace('_', '-')}`;
    return html`<strong class="tag tag--${c.status}" part=${part}><span class="tag__symbol" aria-hidden="true">${SYMBOL[c.status]}</span> ${this.#statusText(c)}</strong>`;
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const busy = this.#status === 'loading';
    return html`
      <div class="root" part="base" lang=${this.localize.lang}>
        <div class="state" part="state" tabindex="-1" aria-busy=${busy ? 'true' : 'false'}>${this.#renderState()}</div>
        <div class="visually-hidden" role="status">${busy ? this.localize.t('complianceLoading') : ''}</div>
      </div>
    `;
  }

  #heading(text: string): TemplateResult {
    return heading(this.headingLevel, text, 'heading-m', 'compliance-heading');
  }

  #renderState(): TemplateResult {
    const l = this.localize;
    switch (this.#status) {
      case 'loading':
        return loadingState(l.t('complianceLoading'), true);
      case 'empty':
        return html`<div class="empty" part="empty">
          <slot name="empty">
            ${this.#heading(l.t(this.view === 'team' ? 'complianceTeamEmptyTitle' : 'complianceEmptyTitle'))}
            <p class="hint">${l.t('complianceEmptyBody')}</p>
          </slot>
        </div>`;
      case 'error':
        return errorState({
          l,
          error: this.#data.error,
          title: l.t('complianceErrorTitle'),
          headingLevel: this.headingLevel,
          onRetry: () => this.#onRetry(),
          own: {
            forbidden: [l.t('complianceForbiddenTitle'), l.t('complianceForbiddenBody')],
            'not-found': [l.t('complianceNotFoundTitle'), l.t('complianceForbiddenBody')],
          },
        });
      case 'data':
        if (this.#data.value?.view === 'person') return this.#renderPerson(this.#data.value.matrix);
        if (this.#data.value?.view === 'team') return this.#renderTeam(this.#data.value.people);
        return html``;
    }
  }

  #renderPerson(m: ComplianceMatrix): TemplateResult {
    const l = this.localize;
    const s = m.summary;
    const cells = [...m.subjects].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.name.localeCompare(b.name));
    const red = m.subjects.filter((c) => c.status === 'red').length;
    const percent = s.compliancePercent === null ? '–' : new Intl.NumberFormat(l.lang === 'cy' ? ['cy', 'en-GB'] : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(s.compliancePercent / 100);
    return html`
      <section aria-labelledby="compliance-heading">
        ${this.#heading(l.t('compliancePersonHeading'))}
        <div class="summary" part="summary">
          <p class="summary__main">${l.t('complianceSummary', { percent, compliant: s.compliant, required: s.required })}</p>
          <p class="hint">${l.t('complianceCounts', { red, amber: s.expiring })}</p>
        </div>
        <table part="table">
          <caption>${l.t('complianceCaption', { date: l.date(m.asOf) })}</caption>
          <thead>
            <tr>
              <th scope="col">${l.t('subject')}</th>
              <th scope="col">${l.t('status')}</th>
              <th scope="col">${l.t('level')}</th>
              <th scope="col">${l.t('completedOn')}</th>
              <th scope="col">${l.t('renewalDue')}</th>
              <th scope="col">${l.t('renewEvery')}</th>
            </tr>
          </thead>
          <tbody>
            ${cells.map(
              (c) => html`<tr class="row--${c.status}">
                <th scope="row">${c.name}</th>
                <td>${this.#tag(c)}</td>
                <td>${c.heldLevel ?? '–'}${c.requiredLevel !== null && c.heldLevel !== c.requiredLevel ? html` <span class="hint">(${l.t('statusLevelNeeded', { level: c.requiredLevel })})</span>` : nothing}</td>
                <td>${c.completedOn ? l.date(c.completedOn) : l.t('never')}</td>
                <td>
                  ${c.expiresOn ? l.date(c.expiresOn) : '–'}
                  ${c.expiresOn && c.status !== 'not_required' ? html`<span class="hint relative">${this.#relative(c.daysToExpiry)}</span>` : nothing}
                </td>
                <td>${this.#renewal(c.renewalMonths)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
    `;
  }

  #renderTeam(people: PersonCompliance[]): TemplateResult {
    const l = this.localize;
    const families = this.#families;
    const notRequired = (family: string, name: string): ComplianceCell => ({
      family, name, subjectCode: null, requiredLevel: null, heldLevel: null, status: 'not_required', completedOn: null, expiresOn: null, daysToExpiry: null, renewalMonths: null,
    });
    const today = /^\d{4}-\d{2}-\d{2}$/.test(this.asOf) ? this.asOf : new Date().toISOString().slice(0, 10);
    return html`
      <section aria-labelledby="compliance-heading">
        ${this.#heading(l.t('complianceTeamHeading'))}
        <div class="scroll" tabindex="0" role="region" aria-labelledby="matrix-caption">
          <table part="table" class="matrix" role="table" aria-labelledby="matrix-caption">
            <caption id="matrix-caption">${l.t('complianceCaption', { date: l.date(today) })}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">${l.t('person')}</th>
                ${families.map(([, name]) => html`<th scope="col" role="columnheader">${name}</th>`)}
              </tr>
            </thead>
            <tbody role="rowgroup">
              ${repeat(
                people.slice(0, this.#rows.count),
                (p) => p.employeeId,
                // A row is rebuilt only when it or the language changes, so each frame builds only the new rows.
                (p) =>
                  guard([p, families, l.locale, this.i18n], () => {
                    const byFamily = new Map(p.subjects.map((c) => [c.family, c]));
                    return html`<tr role="row">
                      <th scope="row" role="rowheader">${p.name} <span class="hint matrix__job">${p.jobTitle}</span></th>
                      ${families.map(([family, name]) => {
                        const c = byFamily.get(family) ?? notRequired(family, name);
                        return html`<td role="cell">
                          ${this.#tag(c)}
                          ${c.expiresOn && c.status !== 'not_required' ? html`<span class="hint matrix__date">${l.date(c.expiresOn)}</span>` : nothing}
                        </td>`;
                      })}
                    </tr>`;
                  }),
              )}
            </tbody>
          </table>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esr-training-compliance': EsrTrainingCompliance;
  }
}
