import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import type { ClassSession, CourseDelivery, CourseFacetCount, CourseSearchItem, Enrolment, EsrClient, Page } from '@esr/sdk';
import { EsrElement } from '../internal/esr-element.ts';
import { errorState, loadingState } from '../internal/states.ts';
import { DataLoader } from '../internal/data-loader.ts';
import { ChunkedRows } from '../internal/chunked-rows.ts';
import { LocalizeController } from '../i18n/localize-controller.ts';
import { courseCatalogueMessages, type CourseCatalogueStrings, type CourseCatalogueKey } from './messages.ts';
import { EsrErrorEvent } from '../events/esr-error.ts';
import { EsrCourseEnrolEvent, EsrCourseEnrolledEvent, EsrCourseEnrolmentCancelEvent, EsrCourseEnrolmentCancelledEvent } from './events.ts';
import { styles } from './esr-course-catalogue.styles.ts';

type Status = 'loading' | 'empty' | 'error' | 'data';
type Sessions = { status: 'loading' } | { status: 'failed' } | { status: 'done'; sessions: ClassSession[] };

const DELIVERY: Record<CourseDelivery, CourseCatalogueKey> = { classroom: 'deliveryClassroom', virtual: 'deliveryVirtual', e_learning: 'deliveryELearning' };
/** Enrolments that hold (or ask for) a place. */
const ACTIVE = ['pending_approval', 'waitlisted', 'enrolled'] as const;

// Intl formatters are costly to build: one each, shared, rather than one per course per render.
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/**
 * @tag esr-course-catalogue
 * @summary The course catalogue: search with relevance, filters with facet counts, sessions with places
 * left, and booking — book a place, join a waiting list, or ask for approval — and cancelling.
 *
 * @event esr-course-enrol - Before booking. Cancelable. `detail.course`, `detail.session` (undefined for e-learning).
 * @event esr-course-enrolled - A place was booked, a waiting list joined or approval asked for. `detail.enrolment`.
 * @event esr-course-enrolment-cancel - Before cancelling. Cancelable. `detail.enrolment`.
 * @event esr-course-enrolment-cancelled - A place was cancelled. `detail.enrolment`.
 * @event esr-error - Loading or an action failed. `event.detail.error` is the SDK error.
 *
 * @slot empty - Replaces the built-in "No courses match" message.
 *
 * @csspart base - The outer wrapper.
 * @csspart search - The search form.
 * @csspart filters - The filters.
 * @csspart results - The result list.
 * @csspart course - Each course.
 * @csspart approval-notice - The "your line manager must approve" notice.
 * @csspart sessions - A course's session list.
 * @csspart session - Each session.
 * @csspart action - Each book / join / cancel button.
 * @csspart show-more - "Show more courses".
 * @csspart state - The region that holds the loading, empty, error or data content.
 * @csspart error - The error message box.
 * @csspart retry-button - The Try again button.
 *
 * @cssproperty --esr-color-brand - Brand colour. Falls back to `--nhsuk-brand-colour`, then #005eb8.
 *
 * @example
 * ```html
 * <esr-provider base-url="https://esr.example.nhs.uk"><esr-course-catalogue></esr-course-catalogue></esr-provider>
 * ```
 */
export class EsrCourseCatalogue extends EsrElement<CourseCatalogueStrings> {
  protected readonly localize = new LocalizeController(this, courseCatalogueMessages);

  static override styles = styles;

  /** Lit reactive properties (declared here rather than with decorators: no decorator helpers ship). */
  static override properties: PropertyDeclarations = {
    query: {},
    pageSize: { attribute: 'page-size', type: Number },
    category: { state: true },
    delivery: { state: true },
    hasPlaces: { state: true },
    courses: { state: true },
    facets: { state: true },
    hasMore: { state: true },
    loadingMore: { state: true },
    open: { state: true },
    mine: { state: true },
    busy: { state: true },
    actionError: { state: true },
    announcement: { state: true },
  };

  /** The search text; also set by the search box. */
  query = '';

  /** Courses fetched per page (1–100, default 50). */
  pageSize = 50;


  private category = '';
  private delivery: readonly CourseDelivery[] = [];
  private hasPlaces = false;
  private courses: CourseSearchItem[] = [];
  private facets: CourseFacetCount[] = [];
  private hasMore = false;
  private loadingMore = false;
  private open: ReadonlyMap<string, Sessions> = new Map();
  private mine: ReadonlyMap<string, Enrolment> = new Map();
  private busy = '';
  private actionError: { key: string; message: string } | undefined;
  private announcement = '';

  readonly #data = new DataLoader<{ page: Page<CourseSearchItem>; facets: CourseFacetCount[]; mine: Map<string, Enrolment> }>(this, {
    client: () => this.activeClient,
    hasProvider: () => this.hasProvider,
    key: () => [this.query, this.category, this.delivery.join(','), this.hasPlaces, this.pageSize],
    load: (client, signal) => this.#load(client, signal),
  });
  /** A long result list is built over several frames, none of them a long task. */
  readonly #rows = new ChunkedRows(this, () => this.courses.length);
  /** The search answer the list was last built from; "Show more" moves on from it. */
  #shown: unknown;
  #page: Page<CourseSearchItem> | undefined;
  /** Bumped when anything shown inside one course changes, so only that course re-renders (see guard below). */
  #revision = new Map<string, number>();
  #touch(courseId: string): void {
    this.#revision.set(courseId, (this.#revision.get(courseId) ?? 0) + 1);
  }

  /** Searches again with the current text and filters. */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  get #status(): Status {
    const { status, value } = this.#data;
    if (status !== 'data' || !value) return status;
    return value.page.data.length ? 'data' : 'empty';
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const value = this.#data.value;
    if (this.#data.status === 'data' && value && value !== this.#shown) {
      // A new search answer: start the list again from its first page.
      this.#shown = value;
      this.#page = value.page;
      this.courses = [...value.page.data];
      this.hasMore = value.page.hasMore;
      this.facets = value.facets;
      this.mine = value.mine;
      this.#rows.reset();
      this.open = new Map();
    }
    const status = this.#status;
    this.setHostState(status === 'data' ? undefined : status);
  }

  get #filters() {
    return {
      ...(this.query.trim() ? { q: this.query.trim() } : {}),
      ...(this.category ? { category: this.category } : {}),
      ...(this.delivery.length ? { delivery: [...this.delivery] } : {}),
      ...(this.hasPlaces ? { hasPlaces: true } : {}),
    };
  }

  async #load(client: EsrClient, signal: AbortSignal) {
    const limit = Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 50));
    const [page, facets, mine] = await Promise.all([
      client.courses.search({ ...this.#filters, limit, signal }),
      client.courses.facets({ ...this.#filters, signal }),
      this.#loadMine(client, signal),
    ]);
    return { page, facets, mine };
  }

  /** My live enrolments, by session (or course, for e-learning). */
  async #loadMine(client: EsrClient, signal: AbortSignal): Promise<Map<string, Enrolment>> {
    const mine = new Map<string, Enrolment>();
    for await (const e of await client.enrolments.list('me', { status: [...ACTIVE], limit: 100, signal })) mine.set(e.sessionId ?? e.courseId, e);
    return mine;
  }

  async #showMore(): Promise<void> {
    const page = this.#page;
    if (!page?.hasMore || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const next = await page.next();
      if (page !== this.#page || !next) return;
      this.#page = next;
      const first = this.courses.length;
      this.courses = [...this.courses, ...next.data];
      this.#rows.show(first + 1);
      this.hasMore = next.hasMore;
      await this.updateComplete;
      // Move focus to the first new course, so keyboard users carry on from where they were.
      this.renderRoot.querySelector<HTMLElement>(`[data-index="${first}"] .course__title`)?.focus();
    } catch (error) {
      this.dispatchEvent(new EsrErrorEvent({ error }));
      this.actionError = { key: 'more', message: this.localize.t('actionFailed') };
    } finally {
      this.loadingMore = false;
    }
  }

  async #toggleSessions(course: CourseSearchItem): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    this.#touch(course.id);
    const next = new Map(this.open);
    if (next.has(course.id) && next.get(course.id)!.status !== 'failed') {
      next.delete(course.id);
      this.open = next;
      return;
    }
    this.open = next.set(course.id, { status: 'loading' });
    await this.#refreshSessions(client, course.id);
  }

  async #refreshSessions(client: EsrClient, courseId: string): Promise<void> {
    let result: Sessions;
    try {
      const detail = await client.courses.get(courseId);
      result = { status: 'done', sessions: detail.sessions.filter((s) => s.status === 'scheduled') };
    } catch {
      result = { status: 'failed' };
    }
    this.#touch(courseId);
    if (this.open.has(courseId)) this.open = new Map(this.open).set(courseId, result);
  }

  async #enrol(course: CourseSearchItem, session: ClassSession | undefined): Promise<void> {
    const client = this.activeClient;
    const key = session?.id ?? course.id;
    if (!client || this.busy) return;
    if (!this.dispatchEvent(new EsrCourseEnrolEvent({ course, session }))) return;
    this.#touch(course.id);
    this.busy = key;
    this.actionError = undefined;
    try {
      const enrolment = await client.enrolments.enrol(session ? { sessionId: session.id, employeeId: 'me' } : { courseId: course.id, employeeId: 'me' });
      this.mine = new Map(this.mine).set(key, enrolment);
      const l = this.localize;
      this.announcement =
        enrolment.status === 'waitlisted'
          ? l.t('waitlistedMessage', { position: enrolment.waitlistPosition ?? '', course: course.title })
          : enrolment.status === 'pending_approval'
            ? l.t('pendingMessage', { course: course.title })
            : l.t('enrolledMessage', { course: course.title });
      this.dispatchEvent(new EsrCourseEnrolledEvent({ enrolment }));
      if (session) await this.#refreshSessions(client, course.id);
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.actionError = {
        key,
        message: this.localize.t(code === 'booking_closed' ? 'bookingRefusedClosed' : code === 'already_enrolled' ? 'bookingRefusedAlready' : 'actionFailed'),
      };
      this.dispatchEvent(new EsrErrorEvent({ error }));
    } finally {
      this.#touch(course.id);
      this.busy = '';
    }
    await this.#focusAction(key);
  }

  async #cancel(course: CourseSearchItem, enrolment: Enrolment): Promise<void> {
    const client = this.activeClient;
    const key = enrolment.sessionId ?? enrolment.courseId;
    if (!client || this.busy) return;
    if (!this.dispatchEvent(new EsrCourseEnrolmentCancelEvent({ enrolment }))) return;
    this.#touch(course.id);
    this.busy = key;
    this.actionError = undefined;
    try {
      const cancelled = await client.enrolments.cancel(enrolment.id);
      const mine = new Map(this.mine);
      mine.delete(key);
      this.mine = mine;
      this.announcement = this.localize.t('cancelledMessage', { course: course.title });
      this.dispatchEvent(new EsrCourseEnrolmentCancelledEvent({ enrolment: cancelled }));
      if (enrolment.sessionId) await this.#refreshSessions(client, course.id);
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.actionError = { key, message: this.localize.t(code === 'cancellation_closed' ? 'cancellationClosed' : 'actionFailed') };
      this.dispatchEvent(new EsrErrorEvent({ error }));
    } finally {
      this.#touch(course.id);
      this.busy = '';
    }
    await this.#focusAction(key);
  }

  /** After an action the button is replaced by its opposite: put focus on it, not on <body>. */
  async #focusAction(key: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-action-for="${CSS.escape(key)}"]`)?.focus();
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    if (input.value === this.query) void this.#data.reload();
    else this.query = input.value;
  }

  #onRetry(): void {
    this.renderRoot.querySelector<HTMLElement>('.state')?.focus();
    void this.reload();
  }

  // ——— formatting ———

  #londonDate(iso: string): string {
    return LONDON_DATE.format(new Date(iso));
  }

  #time(iso: string): string {
    return LONDON_TIME.format(new Date(iso));
  }

  #duration(minutes: number): string {
    const l = this.localize;
    if (minutes < 60) return l.t('minutesCount', { count: minutes });
    const hours = Math.floor(minutes / 60);
    return minutes % 60 ? l.t('hoursMinutes', { hours, minutes: minutes % 60 }) : l.t('hoursCount', { hours });
  }

  #places(n: number): string {
    return n === 1 ? this.localize.t('placesLeftOne') : this.localize.t('placesLeftOther', { count: n });
  }

  #count(facet: CourseFacetCount['facet'], value: string): number {
    return this.facets.find((f) => f.facet === facet && f.value === value)?.count ?? 0;
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const l = this.localize;
    const loading = this.#status === 'loading';
    return html`
      <div class="root" part="base" lang=${l.lang}>
        <div role="heading" aria-level=${this.#level(0)} class="heading-m">${l.t('catalogueHeading')}</div>
        <form class="search" part="search" role="search" @submit=${this.#onSubmit}>
          <label class="label" for="q">${l.t('catalogueSearchLabel')}</label>
          <div class="hint" id="q-hint">${l.t('catalogueSearchHint')}</div>
          <div class="search__row">
            <input class="input" id="q" name="q" type="search" .value=${this.query} aria-describedby="q-hint" autocomplete="off" />
            <button class="button button--primary" type="submit">${l.t('catalogueSearchButton')}</button>
          </div>
        </form>
        <div class="layout">
          ${this.#renderFilters()}
          <div class="state" part="state" tabindex="-1" aria-busy=${loading ? 'true' : 'false'}>${this.#renderState()}</div>
        </div>
        <div class="visually-hidden" role="status">${loading ? l.t('catalogueLoading') : this.#statusText()}</div>
      </div>
    `;
  }

  #level(offset: number): number {
    return Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2) + offset);
  }

  #resultsText(): string {
    const l = this.localize;
    if (this.hasMore) return l.t('catalogueResultsMore', { shown: this.courses.length });
    return this.courses.length === 1 ? l.t('catalogueResultsOne') : l.t('catalogueResultsOther', { count: this.courses.length });
  }

  #statusText(): string {
    if (this.announcement) return this.announcement;
    return this.#status === 'data' ? this.#resultsText() : '';
  }

  #renderFilters(): TemplateResult {
    const l = this.localize;
    const categories = this.facets.filter((f) => f.facet === 'category');
    const deliveries = (['classroom', 'virtual', 'e_learning'] as const).filter((d) => this.#count('delivery', d) > 0 || this.delivery.includes(d));
    const facetLabel = (label: string, count: number) => l.t('catalogueFacetCount', { label, count });
    return html`
      <div class="filters" part="filters" role="group" aria-labelledby="filters-title">
        <div class="filters__title heading-s" id="filters-title">${l.t('catalogueFilters')}</div>
        <div class="form-group">
          <label class="label" for="category">${l.t('catalogueCategory')}</label>
          <select id="category" @change=${(e: Event) => (this.category = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.category === ''}>${l.t('catalogueAllCategories')}</option>
            ${categories.map((f) => html`<option value=${f.value} ?selected=${f.value === this.category}>${facetLabel(f.value, f.count)}</option>`)}
            ${this.category && !categories.some((f) => f.value === this.category)
              ? html`<option value=${this.category} selected>${facetLabel(this.category, 0)}</option>`
              : nothing}
          </select>
        </div>
        <fieldset class="fieldset">
          <legend class="label">${l.t('catalogueDelivery')}</legend>
          ${deliveries.map(
            (d) => html`<div class="checkbox">
              <input
                type="checkbox"
                id=${`delivery-${d}`}
                .checked=${this.delivery.includes(d)}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  this.delivery = on ? [...this.delivery, d] : this.delivery.filter((x) => x !== d);
                }}
              />
              <label for=${`delivery-${d}`}>${facetLabel(l.t(DELIVERY[d]), this.#count('delivery', d))}</label>
            </div>`,
          )}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="label">${l.t('catalogueAvailability')}</legend>
          <div class="checkbox">
            <input type="checkbox" id="has-places" .checked=${this.hasPlaces} @change=${(e: Event) => (this.hasPlaces = (e.target as HTMLInputElement).checked)} />
            <label for="has-places">${facetLabel(l.t('catalogueHasPlaces'), this.#count('hasPlaces', 'true'))}</label>
          </div>
        </fieldset>
      </div>
    `;
  }

  #renderState(): TemplateResult {
    const l = this.localize;
    switch (this.#status) {
      case 'loading':
        return loadingState(l.t('catalogueLoading'), true);
      case 'empty':
        return html`<div class="empty" part="empty">
          <slot name="empty">
            <div role="heading" aria-level=${this.#level(1)} class="heading-s">${l.t('catalogueEmptyTitle')}</div>
            <p class="hint">${l.t('catalogueEmptyBody')}</p>
          </slot>
        </div>`;
      case 'error':
        return errorState({
          l,
          error: this.#data.error,
          title: l.t('catalogueErrorTitle'),
          headingLevel: this.headingLevel + 1,
          onRetry: () => this.#onRetry(),
          own: {
            forbidden: [l.t('errorNoPermissionTitle'), l.t('catalogueForbiddenBody')],
            'not-found': [l.t('catalogueNotFoundTitle'), l.t('catalogueForbiddenBody')],
          },
        });
      case 'data':
        return html`
          <p class="results__count" aria-hidden="true">${this.#resultsText()}</p>
          <ul class="results" part="results">
            ${repeat(
              this.courses.slice(0, this.#rows.count),
              (c) => c.id,
              // A course re-renders only when it, its revision or the locale changed: with 1,000 courses a
              // state change elsewhere (an announcement, a booking) must not rebuild every one.
              (c, i) => guard([c, i, this.localize.locale, this.#revision.get(c.id) ?? 0], () => this.#renderCourse(c, i)),
            )}
          </ul>
          ${this.hasMore
            ? html`<button type="button" class="button" part="show-more" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => void this.#showMore()}>
                ${l.t('catalogueShowMore')}
              </button>`
            : nothing}
          ${this.actionError?.key === 'more' ? html`<p class="error-message" role="alert">${this.actionError.message}</p>` : nothing}
        `;
    }
  }

  #renderCourse(c: CourseSearchItem, index: number): TemplateResult {
    const l = this.localize;
    const sessions = this.open.get(c.id);
    const panel = `sessions-${c.id}`;
    const titleId = `title-${c.id}`;
    const next = c.nextSession;
    return html`<li class="course" part="course" data-index=${index}>
      <div role="heading" aria-level=${this.#level(1)} class="heading-s course__title" id=${titleId} tabindex="-1">${c.title}</div>
      <p class="course__meta">
        <strong class="tag">${l.t(DELIVERY[c.delivery])}</strong>
        <span>${c.category}</span>
        <span>${this.#duration(c.durationMinutes)}</span>
      </p>
      <p class="course__description">${c.description}</p>
      ${c.requiresApproval ? html`<div class="inset" part="approval-notice"><p>${l.t('approvalRequired')}</p></div>` : nothing}
      ${c.delivery === 'e_learning'
        ? html`<p>${l.t('eLearningAnyTime')}</p>
            ${this.#renderAction(c, undefined, titleId)}`
        : html`
            <p>
              ${next
                ? l.t('nextSession', { date: l.date(this.#londonDate(next.startsAt)), venue: next.venue, places: this.#places(next.placesLeft) })
                : l.t('noUpcomingSessions')}
            </p>
            ${c.upcomingSessions
              ? html`<button
                  type="button"
                  class="link-button"
                  aria-expanded=${sessions ? 'true' : 'false'}
                  aria-controls=${panel}
                  aria-describedby=${titleId}
                  @click=${() => void this.#toggleSessions(c)}
                >
                  ${sessions ? l.t('hideSessions') : l.t('viewSessions', { count: c.upcomingSessions })}
                </button>`
              : nothing}
            <div id=${panel} class="sessions" part="sessions" ?hidden=${!sessions}>${sessions ? this.#renderSessions(c, sessions) : nothing}</div>
          `}
    </li>`;
  }

  #renderSessions(c: CourseSearchItem, s: Sessions): TemplateResult {
    const l = this.localize;
    if (s.status === 'loading') return html`<p class="hint">${l.t('sessionsLoading')}</p>`;
    if (s.status === 'failed') return html`<p class="error-message" role="alert">${l.t('sessionsFailed')}</p>`;
    if (!s.sessions.length) return html`<p>${l.t('sessionsNone')}</p>`;
    return html`<ul class="sessions__list">
      ${s.sessions.map((session) => {
        const when = l.t('sessionWhen', { date: l.date(this.#londonDate(session.startsAt)), start: this.#time(session.startsAt), end: this.#time(session.endsAt) });
        const whenId = `when-${session.id}`;
        return html`<li class="session" part="session">
          <p class="session__when" id=${whenId}><strong>${when}</strong></p>
          <p>${session.venue}</p>
          <p class="hint">${l.t('sessionTrainer', { trainer: session.trainer })}</p>
          <p>
            <strong class="places ${session.placesLeft ? '' : 'places--full'}">${session.placesLeft ? this.#places(session.placesLeft) : l.t('sessionFull', { count: session.waitlistLength })}</strong>
            <span class="hint">${session.bookable ? l.t('bookingCloses', { date: l.date(this.#londonDate(session.bookingDeadline)) }) : ''}</span>
          </p>
          ${this.#renderAction(c, session, whenId)}
        </li>`;
      })}
    </ul>`;
  }

  #renderAction(c: CourseSearchItem, session: ClassSession | undefined, describedBy: string): TemplateResult {
    const l = this.localize;
    const key = session?.id ?? c.id;
    const mine = this.mine.get(key);
    const busy = this.busy === key;
    const error = this.actionError?.key === key ? html`<p class="error-message" role="alert">${this.actionError.message}</p>` : nothing;
    const button = (label: string, onClick: () => void, secondary = false) => html`<button
      type="button"
      class="button ${secondary ? '' : 'button--primary'}"
      part="action"
      data-action-for=${key}
      aria-describedby=${describedBy}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${onClick}
    >
      ${label}
    </button>`;
    if (mine) {
      const [state, action] =
        mine.status === 'waitlisted'
          ? [l.t('youAreWaitlisted', { position: mine.waitlistPosition ?? '' }), l.t('leaveWaitingList')]
          : mine.status === 'pending_approval'
            ? [l.t('youArePending'), l.t('withdrawRequest')]
            : [l.t('youAreBooked'), l.t('cancelBooking')];
      return html`<p class="booked"><strong class="tag tag--booked"><span aria-hidden="true">✓</span> ${state}</strong></p>
        ${button(action, () => void this.#cancel(c, mine), true)} ${error}`;
    }
    // The server allows one live enrolment per course: another session's place rules this one out.
    if (session && [...this.mine.values()].some((e) => e.courseId === c.id)) return html`<p class="hint">${l.t('bookedOtherSession')}</p>`;
    if (session && !session.bookable) return html`<p class="hint">${l.t('bookingClosed')}</p>`;
    const label = !session
      ? l.t(c.requiresApproval ? 'requestPlace' : 'startELearning')
      : c.requiresApproval
        ? l.t('requestPlace')
        : session.placesLeft > 0
          ? l.t('bookPlace')
          : l.t('joinWaitingList');
    return html`${button(label, () => void this.#enrol(c, session))} ${error}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esr-course-catalogue': EsrCourseCatalogue;
  }
}
