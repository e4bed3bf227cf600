import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { Address, ApprovalItem, PersonalDetails } from '@esr/sdk';
import { EsrElement } from '../internal/esr-element.ts';
import { DataLoader } from '../internal/data-loader.ts';
import { errorState, heading, loadingState, problemDetail } from '../internal/states.ts';
import { errorSummary, fieldError } from '../internal/form-errors.ts';
import { EsrErrorEvent } from '../events/esr-error.ts';
import { LocalizeController } from '../i18n/localize-controller.ts';
import { personalDetailsMessages, type PersonalDetailsStrings, type PersonalDetailsKey } from './messages.ts';
import { EsrPersonalDetailsSavedEvent, EsrPersonalDetailsSaveEvent } from './events.ts';
import { NAME_CHANGE_REASONS, draftOf, inputOfIssue, readSection, type Draft, type DraftError, type Section } from './details-form.ts';
import { styles } from './esr-personal-details.styles.ts';

interface Loaded {
  details: PersonalDetails;
  /** Name changes waiting for approval (someone else decides them). */
  pendingNames: Array<{ id: string; name: string; createdAt: string }>;
}

const REASON_KEYS: Record<string, PersonalDetailsKey> = {
  marriage: 'detailsReasonMarriage',
  civil_partnership: 'detailsReasonCivilPartnership',
  divorce: 'detailsReasonDivorce',
  deed_poll: 'detailsReasonDeedPoll',
  correction: 'detailsReasonCorrection',
  other: 'detailsReasonOther',
};

const SECTION_TITLES: Record<Section, PersonalDetailsKey> = {
  name: 'detailsChangeName',
  preferredName: 'detailsPreferredName',
  home: 'detailsHomeAddress',
  postal: 'detailsPostalAddress',
  phones: 'detailsPhones',
  contacts: 'detailsContacts',
};

/**
 * @tag esr-personal-details
 * @summary A member of staff's personal details: name, preferred name, home and postal addresses, phone
 * numbers and emergency contacts. Each section is changed on its own and saved at once, against the
 * version on screen (ETag): a change made elsewhere meanwhile is never overwritten. A legal name
 * change needs approval, so it is sent to HR and shown as pending until decided.
 *
 * @event esr-personal-details-save - Cancelable, before a change is sent. `detail.patch` or `detail.nameChange`.
 * @event esr-personal-details-saved - A change was saved (`detail.details`) or a name change sent for approval (`detail.nameChange`).
 * @event esr-error - Loading or saving failed. `detail.error` is the SDK error.
 *
 * @csspart base - The outer wrapper.
 * @csspart state - The region holding loading, error or data content.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error box.
 * @csspart retry-button - Try again.
 * @csspart heading - Every heading.
 * @csspart summary - The summary list of details.
 * @csspart change-link - Each section's Change button.
 * @csspart pending - The "waiting for approval" notice of a name change.
 * @csspart form - The form of the section being changed.
 * @csspart error-summary - The NHS error summary above the form.
 * @csspart save-button - Save (or Send for approval).
 * @csspart empty - "Not given" for a section with nothing recorded.
 *
 * @cssproperty --esr-color-brand - Links and buttons. Falls back to `--nhsuk-brand-colour`, then #005eb8.
 * @cssproperty --esr-color-error - Error summary and field errors. Falls back to `--nhsuk-error-colour`, then #d5281b.
 * @cssproperty --esr-color-focus - Focus highlight. Falls back to `--nhsuk-focus-colour`, then #ffeb3b.
 * @cssproperty --esr-font-family - Font stack; inherits the page's by default.
 */
export class EsrPersonalDetails extends EsrElement<PersonalDetailsStrings> {
  protected readonly localize = new LocalizeController(this, personalDetailsMessages);

  static override styles = styles;

  /** Lit reactive properties (declared here rather than with decorators: no decorator helpers ship). */
  static override properties: PropertyDeclarations = {
    readonly: { type: Boolean },
    editing: { state: true },
    draft: { state: true },
    errors: { state: true },
    refusal: { state: true },
    saving: { state: true },
    notice: { state: true },
  };

  /** Shows the details without Change buttons. */
  readonly = false;

  private editing: Section | undefined;
  private draft: Draft = {};
  private errors: DraftError[] = [];
  private refusal = '';
  private saving = false;
  private notice = '';

  readonly #data = new DataLoader<Loaded>(this, {
    client: () => this.activeClient,
    hasProvider: () => this.hasProvider,
    load: async (client, signal) => {
      const [details, mine] = await Promise.all([
        client.people.personalDetails('me', { signal }),
        // Pending name changes are a help: without them the details still show.
        client.approvals.list({ box: 'mine', type: 'personal_details.name_change', limit: 20, signal }).catch(() => undefined),
      ]);
      const open = (mine?.data ?? []).filter((a: ApprovalItem) => a.status === 'pending' || a.status === 'info_requested');
      return {
        details,
        pendingNames: open.map((a) => {
          const p = a.payload as { title?: string | null; firstName?: string; lastName?: string };
          return { id: a.id, name: [p.title, p.firstName, p.lastName].filter(Boolean).join(' '), createdAt: a.createdAt };
        }),
      };
    },
  });

  /** The details on screen. */
  get value(): PersonalDetails | undefined {
    return this.#data.value?.details;
  }

  /** Loads the details again. */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  #shownFor: unknown;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (this.activeClient !== this.#shownFor) {
      // Another person signed in (a new client): close any half-made change of the last one.
      this.#shownFor = this.activeClient;
      this.editing = undefined;
      this.errors = [];
      this.refusal = '';
      this.notice = '';
    }
    const status = this.#data.status;
    this.setHostState(status === 'data' ? (this.#isEmpty ? 'empty' : undefined) : status);
  }

  /** Nothing recorded but the name: no address, phone or emergency contact. */
  get #isEmpty(): boolean {
    const d = this.value;
    return !!d && !d.addresses.home && !d.addresses.postal && !d.phones.mobile && !d.phones.home && !d.phones.work && d.emergencyContacts.length === 0;
  }

  // ——— editing ———

  async #edit(section: Section): Promise<void> {
    const details = this.value;
    if (!details) return;
    this.editing = section;
    this.draft = draftOf(section, details);
    this.errors = [];
    this.refusal = '';
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form input, form textarea')?.focus();
  }

  async #stopEditing(section: Section): Promise<void> {
    this.editing = undefined;
    this.errors = [];
    this.refusal = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-section="${section}"]`)?.focus();
  }

  async #showErrors(errors: DraftError[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const section = this.editing;
    const client = this.activeClient;
    const data = this.#data.value;
    if (!section || !client || !data || this.saving) return;
    this.refusal = '';
    const { errors, patch, nameChange } = readSection(section, this.draft);
    if (errors.length) return this.#showErrors(errors);
    this.errors = [];
    if (!this.dispatchEvent(new EsrPersonalDetailsSaveEvent(patch ? { patch } : { nameChange: nameChange! }))) return;
    this.saving = true;
    const l = this.localize;
    try {
      if (nameChange) {
        const summary = await client.people.requestNameChange('me', nameChange);
        const name = [nameChange.title, nameChange.firstName, nameChange.lastName].filter(Boolean).join(' ');
        data.pendingNames = [{ id: summary.id, name, createdAt: summary.createdAt }, ...data.pendingNames];
        this.notice = l.t('detailsNameSent', { name });
        this.dispatchEvent(new EsrPersonalDetailsSavedEvent({ nameChange: summary }));
      } else if (patch) {
        // Sent with If-Match: the ETag of the version on screen (the SDK remembered it when it was read).
        const details = await client.people.updatePersonalDetails('me', patch, { ifMatch: client.etagOf(data.details) });
        data.details = details;
        this.notice = l.t('detailsSaved', { section: l.t(SECTION_TITLES[section]) });
        this.dispatchEvent(new EsrPersonalDetailsSavedEvent({ details }));
      }
      await this.#stopEditing(section);
    } catch (error) {
      this.dispatchEvent(new EsrErrorEvent({ error }));
      const status = (error as { status?: number } | null)?.status;
      if (status === 412 || status === 428) {
        // Someone (or another tab) changed the record: show theirs and ask for the change again.
        await this.#data.reload({ quiet: true });
        if (this.value) this.draft = { ...draftOf(section, this.value), ...this.draft };
        this.refusal = l.t('detailsErrorChanged');
        return this.#showErrors([]);
      }
      const issues = (error as { issues?: Array<{ path: string; message: string }> } | null)?.issues ?? [];
      const fieldErrors = issues.flatMap((i) => {
        const id = inputOfIssue(section, i.path);
        return id ? [{ id, message: i.message }] : [];
      });
      this.refusal = fieldErrors.length
        ? ''
        : status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 403
          ? (problemDetail(error) ?? l.t('detailsErrorNotSaved'))
          : l.t('detailsErrorNotSaved');
      return this.#showErrors(fieldErrors);
    } finally {
      this.saving = false;
    }
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const l = this.localize;
    const status = this.#data.status;
    return html`
      <div class="root" part="base" lang=${l.lang}>
        <div class="state" part="state" tabindex="-1" aria-busy=${status === 'loading' ? 'true' : 'false'}>
          ${status === 'loading'
            ? loadingState(l.t('detailsLoading'))
            : status === 'error'
              ? errorState({
                  l,
                  error: this.#data.error,
                  title: l.t('detailsErrorLoad'),
                  headingLevel: this.headingLevel,
                  onRetry: () => {
                    this.renderRoot.querySelector<HTMLElement>('.state')?.focus();
                    void this.reload();
                  },
                })
              : this.#renderData(this.#data.value!)}
        </div>
        <div class="visually-hidden" role="status">${status === 'loading' ? l.t('detailsLoading') : this.notice}</div>
      </div>
    `;
  }

  #renderData({ details, pendingNames }: Loaded): TemplateResult {
    const l = this.localize;
    const d = details;
    const name = [d.name.title, d.name.firstName, d.name.lastName].filter(Boolean).join(' ');
    const row = (section: Section | undefined, key: string, value: TemplateResult | string, extra: TemplateResult | typeof nothing = nothing) => html`
      <div class="summary-list__row">
        <dt class="summary-list__key">${key}</dt>
        <dd class="summary-list__value">${section && this.editing === section ? this.#renderForm(section) : html`${value}${extra}`}</dd>
        <dd class="summary-list__actions">
          ${section && !this.readonly
            ? html`<button
                type="button"
                class="link-button"
                part="change-link"
                data-section=${section}
                aria-expanded=${this.editing === section ? 'true' : 'false'}
                @click=${() => (this.editing === section ? this.#stopEditing(section) : this.#edit(section))}
              >
                ${l.t(section === 'name' ? 'detailsChangeNameLink' : 'detailsChange')}<span class="visually-hidden"> ${key}</span>
              </button>`
            : nothing}
        </dd>
      </div>
    `;
    const notGiven = html`<span class="hint" part="empty">${l.t('detailsNotGiven')}</span>`;
    const address = (a: Address | null, fallback: string) =>
      a ? html`${[a.line1, a.line2, a.town, a.county, a.postcode].filter(Boolean).map((line) => html`${line}<br />`)}` : html`<span class="hint" part="empty">${fallback}</span>`;
    const phone = (p: string | null) => p ?? notGiven;
    return html`
      ${heading(this.headingLevel, l.t('detailsTitle'), 'heading-l')}
      ${this.#isEmpty ? html`<p class="empty" part="empty">${l.t('detailsEmpty')}</p>` : nothing}
      <dl class="summary-list" part="summary">
        ${row(
          'name',
          l.t('detailsName'),
          name,
          pendingNames.length
            ? html`${pendingNames.map(
                (p) => html`<p class="pending" part="pending">
                  <strong class="tag tag--yellow">${l.t('detailsPendingTag')}</strong>
                  ${l.t('detailsPendingName', { name: p.name, date: l.date(p.createdAt.slice(0, 10)) })}
                </p>`,
              )}`
            : nothing,
        )}
        ${row('preferredName', l.t('detailsPreferredName'), d.name.preferredName ?? notGiven)}
        ${row('home', l.t('detailsHomeAddress'), address(d.addresses.home, l.t('detailsNotGiven')))}
        ${row('postal', l.t('detailsPostalAddress'), address(d.addresses.postal, l.t('detailsSameAsHome')))}
        ${row(
          'phones',
          l.t('detailsPhones'),
          html`${l.t('detailsMobile')}: ${phone(d.phones.mobile)}<br />${l.t('detailsHomePhone')}: ${phone(d.phones.home)}<br />${l.t('detailsWorkPhone')}:
            ${phone(d.phones.work)}`,
        )}
        ${row(
          'contacts',
          l.t('detailsContacts'),
          d.emergencyContacts.length
            ? html`<ol class="contacts">
                ${d.emergencyContacts.map((c) => html`<li>${c.name} (${c.relationship}), ${c.phone}</li>`)}
              </ol>`
            : notGiven,
        )}
      </dl>
    `;
  }

  #renderErrorSummary(): TemplateResult | typeof nothing {
    return errorSummary(this.localize, this.headingLevel, this.refusal, this.errors.map((e) => ({ id: e.id, text: this.#errorText(e) })));
  }

  #errorText(e: DraftError): string {
    return e.message ?? (e.key ? this.localize.t(e.key) : '');
  }

  #input(id: string, label: string, options: { hint?: string; width?: string; autocomplete?: string; type?: string } = {}): TemplateResult {
    const error = this.errors.find((e) => e.id === id);
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class=${`form-group ${error ? 'form-group--error' : ''}`}>
      <label class="label" for=${id}>${label}</label>
      ${options.hint ? html`<span class="hint" id=${`${id}-hint`}>${options.hint}</span>` : nothing}
      ${error
        ? fieldError(this.localize, `${id}-error`, this.#errorText(error))
        : nothing}
      <input
        id=${id}
        type=${options.type ?? 'text'}
        class=${`${options.width ?? ''} ${error ? 'input--error' : ''}`}
        autocomplete=${options.autocomplete ?? 'off'}
        aria-describedby=${describedBy || nothing}
        .value=${this.draft[id] ?? ''}
        ?disabled=${this.saving}
        @input=${(e: Event) => (this.draft = { ...this.draft, [id]: (e.target as HTMLInputElement).value })}
      />
    </div>`;
  }

  #renderForm(section: Section): TemplateResult {
    const l = this.localize;
    const addressFields = (p: string) => html`
      ${this.#input(`${p}-line1`, l.t('detailsLine1'), { autocomplete: 'address-line1' })}
      ${this.#input(`${p}-line2`, l.t('detailsLine2'), { autocomplete: 'address-line2' })}
      ${this.#input(`${p}-town`, l.t('detailsTown'), { width: 'width-20', autocomplete: 'address-level2' })}
      ${this.#input(`${p}-county`, l.t('detailsCounty'), { width: 'width-20' })}
      ${this.#input(`${p}-postcode`, l.t('detailsPostcode'), { width: 'width-10', autocomplete: 'postal-code' })}
    `;
    let fields: TemplateResult;
    switch (section) {
      case 'name': {
        const error = this.errors.find((e) => e.id.startsWith('name-reason'));
        fields = html`
          <p class="hint" id="name-change-hint">${l.t('detailsNameChangeHint')}</p>
          ${this.#input('name-title', l.t('detailsTitleField'), { width: 'width-4', autocomplete: 'honorific-prefix' })}
          ${this.#input('name-first', l.t('detailsFirstName'), { width: 'width-20', autocomplete: 'given-name' })}
          ${this.#input('name-last', l.t('detailsLastName'), { width: 'width-20', autocomplete: 'family-name' })}
          <div class=${`form-group ${error ? 'form-group--error' : ''}`}>
            <fieldset aria-describedby=${error ? 'name-reason-error' : nothing}>
              <legend>${l.t('detailsReasonLegend')}</legend>
              ${error
                ? fieldError(l, 'name-reason-error', this.#errorText(error))
                : nothing}
              <div class="choices">
                ${NAME_CHANGE_REASONS.map(
                  (r) => html`<div class="choice">
                    <input
                      type="radio"
                      name="name-reason"
                      id=${`name-reason-${r}`}
                      value=${r}
                      .checked=${this.draft['name-reason'] === r}
                      @change=${() => (this.draft = { ...this.draft, 'name-reason': r })}
                    />
                    <label for=${`name-reason-${r}`}>${l.t(REASON_KEYS[r]!)}</label>
                  </div>`,
                )}
              </div>
            </fieldset>
          </div>
        `;
        break;
      }
      case 'preferredName':
        fields = this.#input('preferred', l.t('detailsPreferredName'), { hint: l.t('detailsPreferredHint'), width: 'width-20', autocomplete: 'nickname' });
        break;
      case 'home':
        fields = addressFields('home');
        break;
      case 'postal':
        fields = html`<p class="hint">${l.t('detailsPostalHint')}</p>
          ${addressFields('postal')}`;
        break;
      case 'phones':
        fields = html`
          ${this.#input('phone-mobile', l.t('detailsMobile'), { width: 'width-20', autocomplete: 'tel', type: 'tel', hint: l.t('detailsPhoneHint') })}
          ${this.#input('phone-home', l.t('detailsHomePhone'), { width: 'width-20', type: 'tel' })}
          ${this.#input('phone-work', l.t('detailsWorkPhone'), { width: 'width-20', type: 'tel' })}
        `;
        break;
      case 'contacts':
        fields = html`<p class="hint">${l.t('detailsContactsHint')}</p>
          ${[1, 2, 3].map(
            (i) => html`<fieldset class="contact">
              <legend>${l.t('detailsContactN', { n: l.number(i) })}</legend>
              ${this.#input(`contact-${i}-name`, l.t('detailsContactName'), { width: 'width-20' })}
              ${this.#input(`contact-${i}-relationship`, l.t('detailsContactRelationship'), { width: 'width-20' })}
              ${this.#input(`contact-${i}-phone`, l.t('detailsContactPhone'), { width: 'width-20', type: 'tel' })}
            </fieldset>`,
          )}`;
        break;
    }
    return html`<form part="form" novalidate aria-labelledby="form-heading" @submit=${this.#save}>
      ${heading(this.headingLevel + 1, l.t(SECTION_TITLES[section]), 'heading-m', 'form-heading')} ${this.#renderErrorSummary()} ${fields}
      <div class="button-group">
        <button type="submit" class="button button--primary" part="save-button" ?disabled=${this.saving}>
          ${l.t(section === 'name' ? 'detailsSendForApproval' : this.saving ? 'detailsSaving' : 'detailsSave')}
        </button>
        <button type="button" class="link-button" @click=${() => this.#stopEditing(section)}>${l.t('detailsCancel')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esr-personal-details': EsrPersonalDetails;
  }
}
