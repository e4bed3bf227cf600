import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import type { ApprovalAction, ApprovalDetail, ApprovalItem, EsrClient, TeamCalendar } from '@esr/sdk';
import { EsrElement } from '../internal/esr-element.ts';
import { DataLoader } from '../internal/data-loader.ts';
import { ChunkedRows } from '../internal/chunked-rows.ts';
import { errorState, heading, loadingState, problemDetail } from '../internal/states.ts';
import { fieldError } from '../internal/form-errors.ts';
import { EsrErrorEvent } from '../events/esr-error.ts';
import { approvalInboxMessages, type ApprovalInboxStrings, type ApprovalInboxKey } from './messages.ts';
import { LocalizeController } from '../i18n/localize-controller.ts';
import { EsrApprovalDecidedEvent, EsrApprovalDecideEvent } from './events.ts';
import { styles } from './esr-approval-inbox.styles.ts';

type Box = 'pending' | 'decided';
type Mode = 'reject' | 'request_info' | 'reassign' | undefined;

interface Inbox {
  items: ApprovalItem[];
  /** More decided items to fetch (`Show more`); the pending box is always loaded in full. */
  nextCursor: string | null;
}

interface LeavePayload {
  type?: string;
  startDate?: string;
  endDate?: string;
  minutes?: number;
}

/** The pending box is read in full (100 per page) up to this many, newest first. */
const MAX_PENDING = 2000;

const STATUS: Record<string, readonly [ApprovalInboxKey, string]> = {
  pending: ['inboxStatusPending', 'yellow'],
  info_requested: ['inboxStatusInfoRequested', 'blue'],
  approved: ['inboxStatusApproved', 'green'],
  rejected: ['inboxStatusRejected', 'red'],
  withdrawn: ['inboxStatusWithdrawn', 'grey'],
};
const LEAVE_TYPE: Record<string, ApprovalInboxKey> = {
  annual: 'leaveTypeAnnual',
  study: 'leaveTypeStudy',
  special: 'leaveTypeSpecial',
  compassionate: 'leaveTypeCompassionate',
  toil: 'leaveTypeToil',
};

/**
 * @tag esr-approval-inbox
 * @summary A line manager's (or HR's) approvals inbox: requests waiting for them and ones they decided,
 * each with what they need to decide (dates, hours, balance, who else is off, history); approve,
 * reject with a reason, ask for more information, reassign, or approve many at once. Keyboard-driven
 * (a roving-focus list with shortcuts), kept up to date from the ESR events feed, and fast with
 * thousands of requests (rows are added a frame at a time and laid out only when on screen).
 *
 * Keyboard, in the list: ↑/↓ (or j/k) move, Home/End first/last, Page Up/Down ten at a time, Enter
 * opens the details, Space selects for bulk approval, Ctrl+A selects all, `a` approves, `r` rejects,
 * `i` asks for information, Shift+A approves the selected requests, Escape closes the details.
 *
 * @event esr-approval-decide - Cancelable, before a decision is sent. `detail`: `ids`, `action`, `text`, `reassignTo`.
 * @event esr-approval-decided - The server recorded a decision. `detail.result` (one) or `detail.bulk` (bulk approve).
 * @event esr-error - Loading or a decision failed. `detail.error` is the SDK error.
 *
 * @slot empty - Replaces "Nothing is waiting for you".
 *
 * @csspart base - The outer wrapper.
 * @csspart tabs - The Waiting / Decided switch.
 * @csspart toolbar - Select all and Approve selected.
 * @csspart list - The list of requests (`role="listbox"`).
 * @csspart item - Each request in the list.
 * @csspart detail - The details panel of the open request.
 * @csspart actions - The decision buttons.
 * @csspart state - The region holding loading, error, empty or data content.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty message.
 * @csspart error - The error box.
 * @csspart retry-button - Try again.
 * @csspart heading - Every heading.
 * @csspart shortcuts - The keyboard shortcuts help.
 *
 * @cssproperty --esr-color-brand - Focus bar of the current row, links. Falls back to `--nhsuk-brand-colour`, then #005eb8.
 * @cssproperty --esr-color-focus - Focus highlight. Falls back to `--nhsuk-focus-colour`, then #ffeb3b.
 * @cssproperty --esr-approval-row-selected - Background of rows selected for bulk approval (#e8f1f8).
 * @cssproperty --esr-font-family - Font stack; inherits the page's by default.
 */
export class EsrApprovalInbox extends EsrElement<ApprovalInboxStrings> {
  protected readonly localize = new LocalizeController(this, approvalInboxMessages);

  static override styles = styles;

  /** Lit reactive properties (declared here rather than with decorators: no decorator helpers ship). */
  static override properties: PropertyDeclarations = {
    box: {},
    type: {},
    pollInterval: { attribute: 'poll-interval', type: Number },
    focusIndex: { state: true },
    selected: { state: true },
    openId: { state: true },
    detail: { state: true },
    detailError: { state: true },
    teamOff: { state: true },
    mode: { state: true },
    modeText: { state: true },
    modeError: { state: true },
    busy: { state: true },
    announcement: { state: true },
    loadingMore: { state: true },
  };

  /** Which box shows first. */
  box: Box = 'pending';
  /** Only this request type, e.g. `leave.request` or `personal_details.name_change`. */
  type = '';
  /** How often to ask the events feed for changes, in ms (default 15,000; 0 turns live updates off). */
  pollInterval = 15_000;

  private focusIndex = 0;
  private selected = new Set<string>();
  private openId = '';
  private detail: ApprovalDetail | undefined;
  private detailError: unknown;
  private teamOff: Array<{ name: string; startDate: string; endDate: string | null; kind: string }> | undefined;
  private mode: Mode;
  private modeText = '';
  private modeError = '';
  private busy = false;
  private announcement = '';
  private loadingMore = false;

  #shownFor: unknown;
  #poll: AbortController | undefined;
  #pollClient: EsrClient | undefined;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #data = new DataLoader<Inbox>(this, {
    client: () => this.activeClient,
    hasProvider: () => this.hasProvider,
    key: () => [this.box, this.type],
    load: (client, signal) => this.#fetch(client, signal),
  });
  readonly #rows = new ChunkedRows(this, () => this.items.length);

  /** Reloads the open box. */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  /** The requests in the open box, as loaded. */
  get items(): readonly ApprovalItem[] {
    return this.#data.value?.items ?? [];
  }

  async #fetch(client: EsrClient, signal: AbortSignal): Promise<Inbox> {
    const type = this.type || undefined;
    if (this.box === 'decided') {
      const page = await client.approvals.list({ box: 'decided', type, limit: 50, signal });
      return { items: [...page.data], nextCursor: page.hasMore ? page.nextCursor : null };
    }
    // Everything waiting is read, so bulk selection, counts and End cover the whole box.
    const items: ApprovalItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.approvals.list({ box: 'pending', type, limit: 100, cursor, signal });
      items.push(...page.data);
      cursor = page.hasMore && page.nextCursor ? page.nextCursor : undefined;
    } while (cursor && items.length < MAX_PENDING);
    return { items, nextCursor: null };
  }

  // ——— lifecycle ———

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#refreshTimer);
    this.#poll?.abort();
    this.#poll = undefined;
    this.#pollClient = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('box') || changed.has('type') || this.activeClient !== this.#shownFor) {
      this.#shownFor = this.activeClient;
      this.announcement = '';
      this.selected = new Set();
      this.focusIndex = 0;
      this.#rows.reset();
      this.#close();
    }
    const status = this.#data.status;
    this.setHostState(status === 'data' ? (this.items.length ? undefined : 'empty') : status);
    if (status === 'data') this.focusIndex = Math.min(this.focusIndex, Math.max(0, this.items.length - 1));
    this.#watchFeed();
  }

  // ——— live updates from the events feed ———

  #watchFeed(): void {
    const client = this.activeClient;
    if (client === this.#pollClient && (this.#poll || this.pollInterval <= 0)) return;
    this.#poll?.abort();
    this.#poll = undefined;
    this.#pollClient = client;
    if (!client || this.pollInterval <= 0 || !this.isConnected) return;
    const poll = (this.#poll = new AbortController());
    void (async () => {
      try {
        // Only changes after the inbox opened matter: start at the feed's newest event, not its backlog.
        for await (const event of client.events.poll({ from: 'latest', interval: this.pollInterval, signal: poll.signal })) {
          if (event.resourceType !== 'approval_request') continue;
          this.#scheduleRefresh();
        }
      } catch {
        // Live updates are a help: the inbox still works (and Try again / the next decision reloads).
      }
    })();
  }

  #scheduleRefresh(): void {
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(async () => {
      const before = new Set(this.items.map((i) => i.id));
      await this.#data.reload({ quiet: true });
      const after = this.items;
      const added = after.filter((i) => !before.has(i.id)).length;
      const removed = [...before].filter((id) => !after.some((i) => i.id === id)).length;
      if (this.openId && !after.some((i) => i.id === this.openId) && this.box === 'pending') {
        this.#close();
        this.announcement = this.localize.t('inboxOpenDecidedElsewhere');
      } else if (added || removed) {
        this.announcement = this.localize.t('inboxUpdated', { added: this.localize.number(added), removed: this.localize.number(removed) });
      }
      this.selected = new Set([...this.selected].filter((id) => after.some((i) => i.id === id)));
    }, 250);
  }

  // ——— keyboard ———

  #focusRow(index: number): void {
    const items = this.items;
    if (!items.length) return;
    const i = Math.max(0, Math.min(items.length - 1, index));
    this.#rows.show(i + 1);
    this.focusIndex = i;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus());
  }

  #onListKey(event: KeyboardEvent): void {
    const items = this.items;
    const item = items[this.focusIndex];
    const key = event.key;
    const handled = (fn: () => void) => {
      event.preventDefault();
      fn();
    };
    if (key === 'ArrowDown' || (key === 'j' && !event.ctrlKey)) return handled(() => this.#focusRow(this.focusIndex + 1));
    if (key === 'ArrowUp' || (key === 'k' && !event.ctrlKey)) return handled(() => this.#focusRow(this.focusIndex - 1));
    if (key === 'Home') return handled(() => this.#focusRow(0));
    if (key === 'End') return handled(() => this.#focusRow(items.length - 1));
    if (key === 'PageDown') return handled(() => this.#focusRow(this.focusIndex + 10));
    if (key === 'PageUp') return handled(() => this.#focusRow(this.focusIndex - 10));
    if (!item) return;
    if (key === 'Enter') return handled(() => void this.#open(item));
    if (this.box !== 'pending') return;
    if (key === ' ') return handled(() => this.#toggle(item.id));
    if ((key === 'a' || key === 'A') && (event.ctrlKey || event.metaKey)) return handled(() => this.#selectAll(true));
    if (key === 'A' && event.shiftKey) return handled(() => void this.#bulkApprove());
    if (key === 'a' && !event.ctrlKey && !event.metaKey && !event.altKey) return handled(() => void this.#decide(item, 'approve'));
    if (key === 'r' && !event.ctrlKey && !event.metaKey) return handled(() => void this.#open(item, 'reject'));
    if (key === 'i' && !event.ctrlKey && !event.metaKey) return handled(() => void this.#open(item, 'request_info'));
  }

  #toggle(id: string): void {
    const next = new Set(this.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.selected = next;
  }

  #selectAll(on: boolean): void {
    this.selected = on ? new Set(this.items.map((i) => i.id)) : new Set();
  }

  // ——— details ———

  async #open(item: ApprovalItem, mode?: Mode): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    this.openId = item.id;
    this.mode = mode;
    this.modeText = '';
    this.modeError = '';
    this.detailError = undefined;
    if (this.detail?.id !== item.id) {
      this.detail = undefined;
      this.teamOff = undefined;
    }
    try {
      const detail = await client.approvals.get(item.id);
      if (this.openId !== item.id) return;
      this.detail = detail;
      void this.#loadTeam(client, detail);
    } catch (error) {
      if (this.openId !== item.id) return;
      this.detailError = error;
      this.dispatchEvent(new EsrErrorEvent({ error }));
    }
    await this.updateComplete;
    const target = mode ? '#decision-text' : '.detail';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  /** Who else in the team is off on the requested dates (the manager's team calendar). */
  async #loadTeam(client: EsrClient, detail: ApprovalDetail): Promise<void> {
    const leave = detail.type === 'leave.request' ? (detail.payload as LeavePayload) : undefined;
    if (!leave?.startDate) return;
    const to = leave.endDate ?? leave.startDate;
    try {
      const days = (Date.parse(to) - Date.parse(leave.startDate)) / 86_400_000;
      if (days > 92) throw new RangeError('longer than the calendar allows');
      const calendar: TeamCalendar = await client.me.teamCalendar({ from: leave.startDate, to });
      if (this.openId !== detail.id) return;
      this.teamOff = calendar.people
        .filter((p) => p.employeeId !== detail.subject.id)
        .flatMap((p) => p.absences.map((a) => ({ name: p.name, startDate: a.startDate, endDate: a.endDate, kind: a.kind })));
    } catch {
      // Fall back on what the request carries (colleagues with leave booked on those dates).
      const fromContext = (detail.context['teamMembersOff'] as Array<{ name: string; startDate: string; endDate: string }> | undefined) ?? [];
      if (this.openId === detail.id) this.teamOff = fromContext.map((t) => ({ ...t, kind: 'annual' }));
    }
  }

  #close(): void {
    this.openId = '';
    this.detail = undefined;
    this.detailError = undefined;
    this.mode = undefined;
    this.teamOff = undefined;
  }

  // ——— decisions ———

  async #decide(item: ApprovalItem, action: ApprovalAction, text = '', reassignTo = ''): Promise<void> {
    const client = this.activeClient;
    if (!client || this.busy) return;
    const detail = { ids: [item.id], action, ...(text ? { text } : {}), ...(reassignTo ? { reassignTo } : {}) };
    if (!this.dispatchEvent(new EsrApprovalDecideEvent(detail))) return;
    this.busy = true;
    const l = this.localize;
    try {
      // The version on screen is what the approver saw: a change since (an answer to a question) is
      // refused with 412 rather than decided unseen.
      const options = { ifMatch: this.detail?.id === item.id ? (client.etagOf(this.detail) ?? `"v${item.version}"`) : `"v${item.version}"` };
      const result =
        action === 'approve'
          ? await client.approvals.approve(item.id, {}, options)
          : action === 'reject'
            ? await client.approvals.reject(item.id, { reason: text }, options)
            : action === 'request_info'
              ? await client.approvals.requestInfo(item.id, { comment: text }, options)
              : await client.approvals.reassign(item.id, { to: reassignTo }, options);
      this.dispatchEvent(new EsrApprovalDecidedEvent({ action, result }));
      const done: Record<string, ApprovalInboxKey> = { approve: 'inboxDoneApproved', reject: 'inboxDoneRejected', request_info: 'inboxDoneInfo', reassign: 'inboxDoneReassigned' };
      this.announcement = l.t(done[action]!, { summary: this.#title(item) });
      this.#afterDecision([item.id]);
    } catch (error) {
      this.dispatchEvent(new EsrErrorEvent({ error }));
      const issue = (error as { issues?: Array<{ message: string }> } | null)?.issues?.[0]?.message;
      const code = (error as { code?: string } | null)?.code;
      const message =
        code === 'already_decided'
          ? l.t('inboxErrorAlreadyDecided')
          : (error as { status?: number } | null)?.status === 412
            ? l.t('inboxErrorChanged')
            : (issue ?? problemDetail(error) ?? l.t('inboxErrorDecision'));
      if (this.mode && issue) this.modeError = issue;
      this.announcement = message;
      if (code === 'already_decided' || (error as { status?: number } | null)?.status === 412) this.#scheduleRefresh();
    } finally {
      this.busy = false;
    }
  }

  /** Drops decided items from the pending list and keeps focus where the approver was. */
  #afterDecision(ids: string[]): void {
    const data = this.#data.value;
    if (data && this.box === 'pending') {
      const gone = new Set(ids);
      data.items = data.items.filter((i) => !gone.has(i.id));
      this.selected = new Set([...this.selected].filter((id) => !gone.has(id)));
      // A pending list still on its way may have been read before the decision committed.
      this.#data.afterWrite();
    }
    if (ids.includes(this.openId)) this.#close();
    this.requestUpdate();
    if (this.items.length) this.#focusRow(Math.min(this.focusIndex, this.items.length - 1));
    else void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.state')?.focus());
  }

  async #bulkApprove(): Promise<void> {
    const client = this.activeClient;
    const ids = this.items.filter((i) => this.selected.has(i.id)).map((i) => i.id);
    if (!client || !ids.length || this.busy) return;
    if (!this.dispatchEvent(new EsrApprovalDecideEvent({ ids, action: 'approve' }))) return;
    this.busy = true;
    const l = this.localize;
    try {
      // The API takes up to 100 per call; each call is retry-safe (Idempotency-Key).
      const results = [];
      for (let i = 0; i < ids.length; i += 100) results.push(await client.approvals.bulkApprove(ids.slice(i, i + 100)));
      const bulk = { results: results.flatMap((r) => r.results), succeeded: results.reduce((s, r) => s + r.succeeded, 0), failed: results.reduce((s, r) => s + r.failed, 0) };
      this.dispatchEvent(new EsrApprovalDecidedEvent({ action: 'approve', bulk }));
      this.announcement = bulk.failed
        ? l.t('inboxBulkPartly', { succeeded: l.number(bulk.succeeded), failed: l.number(bulk.failed) })
        : l.t('inboxBulkDone', { succeeded: l.number(bulk.succeeded) });
      this.#afterDecision(bulk.results.filter((r) => r.httpStatus === 200 || r.code === 'already_decided').map((r) => r.id));
    } catch (error) {
      this.dispatchEvent(new EsrErrorEvent({ error }));
      this.announcement = l.t('inboxErrorDecision');
    } finally {
      this.busy = false;
    }
  }

  #submitMode(event: Event): void {
    event.preventDefault();
    const item = this.items.find((i) => i.id === this.openId) ?? this.detail;
    if (!item || !this.mode) return;
    const text = this.modeText.trim();
    if (!text) {
      this.modeError = this.localize.t(this.mode === 'reject' ? 'inboxErrorReason' : this.mode === 'request_info' ? 'inboxErrorQuestion' : 'inboxErrorReassign');
      this.renderRoot.querySelector<HTMLElement>('#decision-text')?.focus();
      return;
    }
    this.modeError = '';
    if (this.mode === 'reassign') void this.#decide(item, 'reassign', '', text);
    else void this.#decide(item, this.mode, text);
  }

  async #showMore(): Promise<void> {
    const client = this.activeClient;
    const data = this.#data.value;
    if (!client || !data?.nextCursor) return;
    this.loadingMore = true;
    try {
      const page = await client.approvals.list({ box: 'decided', type: this.type || undefined, limit: 50, cursor: data.nextCursor });
      data.items = [...data.items, ...page.data];
      data.nextCursor = page.hasMore ? page.nextCursor : null;
      this.#rows.show(data.items.length);
    } catch (error) {
      this.dispatchEvent(new EsrErrorEvent({ error }));
      this.announcement = this.localize.t('inboxErrorMore');
    } finally {
      this.loadingMore = false;
    }
  }

  // ——— rendering ———

  /** The request in the approver's language when the type is known (the server's summary is English). */
  #title(item: ApprovalItem): string {
    const l = this.localize;
    if (item.type === 'leave.request') {
      const p = item.payload as LeavePayload;
      const type = l.t(LEAVE_TYPE[p.type ?? ''] ?? 'leaveTypeAnnual');
      return l.t('inboxLeaveTitle', { name: item.subject.name, type, hours: l.hours(p.minutes ?? 0) });
    }
    if (item.type === 'personal_details.name_change') return l.t('inboxNameChangeTitle', { name: item.subject.name });
    return item.summary;
  }

  #dates(p: LeavePayload): string {
    const l = this.localize;
    if (!p.startDate) return '';
    const end = p.endDate ?? p.startDate;
    return end === p.startDate ? l.date(p.startDate) : l.t('dateRange', { start: l.date(p.startDate), end: l.date(end) });
  }

  protected override render(): TemplateResult {
    const l = this.localize;
    const status = this.#data.status;
    return html`
      <div class="root" part="base" lang=${l.lang}>
        ${heading(this.headingLevel, l.t('inboxTitle'), 'heading-l', 'inbox-heading')} ${this.#renderTabs()}
        <div class="state" part="state" tabindex="-1" aria-busy=${status === 'loading' ? 'true' : 'false'}>
          ${status === 'loading'
            ? loadingState(l.t('inboxLoading'))
            : status === 'error'
              ? errorState({
                  l,
                  error: this.#data.error,
                  title: l.t('inboxErrorLoad'),
                  headingLevel: this.headingLevel + 1,
                  onRetry: () => {
                    this.renderRoot.querySelector<HTMLElement>('.state')?.focus();
                    void this.reload();
                  },
                })
              : this.items.length === 0
                ? html`<div class="empty" part="empty">
                    <slot name="empty">
                      ${heading(this.headingLevel + 1, l.t(this.box === 'pending' ? 'inboxEmptyPending' : 'inboxEmptyDecided'))}
                      <p class="hint">${l.t(this.box === 'pending' ? 'inboxEmptyPendingBody' : 'inboxEmptyDecidedBody')}</p>
                    </slot>
                  </div>`
                : this.#renderData()}
        </div>
        <div class="visually-hidden" role="status">${status === 'loading' ? l.t('inboxLoading') : this.announcement}</div>
      </div>
    `;
  }

  #renderTabs(): TemplateResult {
    const l = this.localize;
    const count = this.box === 'pending' && this.#data.status === 'data' ? this.items.length : undefined;
    const tab = (box: Box, label: string) => html`<button
      type="button"
      class=${`tab ${this.box === box ? 'tab--current' : ''}`}
      aria-pressed=${this.box === box ? 'true' : 'false'}
      @click=${() => (this.box = box)}
    >
      ${label}
    </button>`;
    return html`<div class="tabs" part="tabs" role="group" aria-label=${l.t('inboxShow')}>
      ${tab('pending', count === undefined ? l.t('inboxTabPending') : l.t('inboxTabPendingCount', { count: l.number(count) }))}
      ${tab('decided', l.t('inboxTabDecided'))}
    </div>`;
  }

  #renderData(): TemplateResult {
    const l = this.localize;
    const items = this.items;
    const pending = this.box === 'pending';
    const shown = items.slice(0, Math.max(this.#rows.count, this.focusIndex + 1));
    const allSelected = pending && this.selected.size === items.length;
    return html`
      ${pending
        ? html`<div class="toolbar" part="toolbar">
            <div class="choice">
              <input
                type="checkbox"
                id="select-all"
                .checked=${allSelected}
                .indeterminate=${this.selected.size > 0 && !allSelected}
                @change=${(e: Event) => this.#selectAll((e.target as HTMLInputElement).checked)}
              />
              <label for="select-all">${l.t('inboxSelectAll')}</label>
            </div>
            <button type="button" class="button button--primary" ?disabled=${!this.selected.size || this.busy} @click=${() => this.#bulkApprove()}>
              ${l.t('inboxApproveSelected', { count: l.number(this.selected.size) })}
            </button>
          </div>`
        : nothing}
      <div class="layout">
        <div class="list-wrap">
          <ul
            class="list"
            part="list"
            role="listbox"
            aria-labelledby="inbox-heading"
            aria-describedby="shortcuts-summary"
            aria-multiselectable=${pending ? 'true' : 'false'}
            @keydown=${this.#onListKey}
          >
            ${repeat(
              shown,
              (i) => i.id,
              // A row is rebuilt only when something it shows changes, so adding a chunk costs only the new rows.
              (item, index) =>
                guard([item, index, pending, this.selected.has(item.id), index === this.focusIndex, item.id === this.openId, this.localize.lang, this.i18n], () =>
                  this.#renderItem(item, index, pending),
                ),
            )}
          </ul>
          ${shown.length < items.length ? html`<p class="hint">${l.t('inboxRendering', { shown: l.number(shown.length), total: l.number(items.length) })}</p>` : nothing}
          ${!pending && this.#data.value?.nextCursor
            ? html`<button type="button" class="button" ?disabled=${this.loadingMore} @click=${this.#showMore}>${l.t('inboxShowMore')}</button>`
            : nothing}
          ${this.#renderShortcuts()}
        </div>
        ${this.openId ? this.#renderDetail() : nothing}
      </div>
    `;
  }

  #renderItem(item: ApprovalItem, index: number, pending: boolean): TemplateResult {
    const l = this.localize;
    const [statusKey, colour] = STATUS[item.status] ?? ['inboxStatusPending', 'grey'];
    const leave = item.type === 'leave.request' ? (item.payload as LeavePayload) : undefined;
    const selected = this.selected.has(item.id);
    return html`<li
      class=${`item ${selected ? 'item--selected' : ''} ${item.id === this.openId ? 'item--open' : ''}`}
      part="item"
      role="option"
      id=${`item-${item.id}`}
      data-index=${index}
      tabindex=${index === this.focusIndex ? '0' : '-1'}
      aria-selected=${pending ? (selected ? 'true' : 'false') : nothing}
      @focus=${() => {
        // Focus can reach a row without the arrow keys (pointer, assistive technology): the shortcuts
        // must act on the row that has it, not on the last one the arrows reached.
        if (this.focusIndex !== index) this.focusIndex = index;
      }}
      @click=${() => {
        this.focusIndex = index;
        void this.#open(item);
      }}
    >
      ${pending
        ? html`<span
            class=${`check ${selected ? 'check--on' : ''}`}
            aria-hidden="true"
            @click=${(e: Event) => {
              e.stopPropagation();
              this.focusIndex = index;
              this.#toggle(item.id);
            }}
          ></span>`
        : nothing}
      <span class="item__main">
        <span class="item__title">${this.#title(item)}</span>
        <span class="item__meta">${leave ? this.#dates(leave) : l.t('inboxRequested', { date: l.date(item.createdAt.slice(0, 10)) })}</span>
      </span>
      <span class=${`tag tag--${colour}`}>${l.t(statusKey)}</span>
    </li>`;
  }

  #renderShortcuts(): TemplateResult {
    const l = this.localize;
    const rows: Array<[string, ApprovalInboxKey]> = [
      ['↑ ↓ / j k', 'inboxKeyMove'],
      ['Home / End', 'inboxKeyEnds'],
      ['Enter', 'inboxKeyOpen'],
      ['Space', 'inboxKeySelect'],
      ['Ctrl + A', 'inboxKeySelectAll'],
      ['a', 'inboxKeyApprove'],
      ['r', 'inboxKeyReject'],
      ['i', 'inboxKeyInfo'],
      ['Shift + A', 'inboxKeyBulk'],
      ['Esc', 'inboxKeyClose'],
    ];
    return html`<details class="shortcuts" part="shortcuts">
      <summary id="shortcuts-summary">${l.t('inboxShortcuts')}</summary>
      <dl class="shortcuts__list">
        ${rows.map(([keys, key]) => html`<div><dt><kbd>${keys}</kbd></dt><dd>${l.t(key)}</dd></div>`)}
      </dl>
    </details>`;
  }

  #renderDetail(): TemplateResult {
    const l = this.localize;
    const d = this.detail;
    const item = this.items.find((i) => i.id === this.openId);
    const title = d ? this.#title(d) : item ? this.#title(item) : '';
    return html`<section
      class="detail"
      part="detail"
      tabindex="-1"
      aria-labelledby="detail-heading"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.#close();
          this.#focusRow(this.focusIndex);
        }
      }}
    >
      ${heading(this.headingLevel + 1, title, 'heading-m', 'detail-heading')}
      ${this.detailError
        ? errorState({ l, error: this.detailError, title: l.t('inboxErrorDetail'), headingLevel: this.headingLevel + 2, onRetry: () => item && void this.#open(item) })
        : !d
          ? html`<p class="hint">${l.t('inboxLoadingDetail')}</p>`
          : html`${this.#renderContext(d, l)} ${this.#renderActions(d)}`}
      <button
        type="button"
        class="link-button"
        @click=${() => {
          this.#close();
          this.#focusRow(this.focusIndex);
        }}
      >
        ${l.t('inboxClose')}
      </button>
    </section>`;
  }

  #renderContext(d: ApprovalDetail, l: LocalizeController<ApprovalInboxStrings>): TemplateResult {
    const row = (key: string, value: unknown) => html`<div class="summary-list__row">
      <dt class="summary-list__key">${key}</dt>
      <dd class="summary-list__value">${value}</dd>
    </div>`;
    const [statusKey] = STATUS[d.status] ?? ['inboxStatusPending'];
    const leave = d.type === 'leave.request' ? (d.payload as LeavePayload) : undefined;
    const balance = d.context['balance'] as { availableMinutes: number; pendingMinutes: number } | null | undefined;
    const names = d.type === 'personal_details.name_change' ? (d.context as { currentName?: { firstName: string; lastName: string } | null; requestedName?: { firstName: string; lastName: string }; reason?: string }) : undefined;
    return html`
      <dl class="summary-list">
        ${row(l.t('inboxFor'), d.subject.name)} ${d.requestedBy.id !== d.subject.id ? row(l.t('inboxRequestedBy'), d.requestedBy.name) : nothing}
        ${leave ? row(l.t('leaveColType'), l.t(LEAVE_TYPE[leave.type ?? ''] ?? 'leaveTypeAnnual')) : nothing}
        ${leave ? row(l.t('leaveColDates'), this.#dates(leave)) : nothing} ${leave ? row(l.t('leaveColTime'), l.hours(leave.minutes ?? 0)) : nothing}
        ${leave && balance
          ? row(l.t('inboxBalance'), l.t('inboxBalanceValue', { available: l.hours(balance.availableMinutes), pending: l.hours(balance.pendingMinutes) }))
          : nothing}
        ${names?.requestedName
          ? row(l.t('inboxNameFromTo'), l.t('inboxNameChange', {
              from: names.currentName ? `${names.currentName.firstName} ${names.currentName.lastName}` : '—',
              to: `${names.requestedName.firstName} ${names.requestedName.lastName}`,
            }))
          : nothing}
        ${row(l.t('leaveColStatus'), l.t(statusKey))} ${row(l.t('inboxSubmitted'), l.date(d.createdAt.slice(0, 10)))}
      </dl>
      ${leave ? this.#renderTeamOff(l) : nothing}
      ${d.history.length
        ? html`${heading(this.headingLevel + 2, l.t('inboxHistory'), 'heading-s')}
            <ol class="history">
              ${d.history.map(
                (h) => html`<li>
                  ${l.date(h.at.slice(0, 10))}: ${h.actor?.name ?? l.t('inboxSystem')} · ${h.action.replace('_', ' ')}${h.comment ? html` · “${h.comment}”` : nothing}
                </li>`,
              )}
            </ol>`
        : nothing}
    `;
  }

  #renderTeamOff(l: LocalizeController<ApprovalInboxStrings>): TemplateResult {
    const off = this.teamOff;
    return html`${heading(this.headingLevel + 2, l.t('inboxWhoElseOff'), 'heading-s', 'team-off-heading')}
      ${off === undefined
        ? html`<p class="hint">${l.t('inboxCheckingTeam')}</p>`
        : off.length === 0
          ? html`<p>${l.t('inboxNobodyOff')}</p>`
          : html`<ul class="team-off" aria-labelledby="team-off-heading">
              ${off.map(
                (p) => html`<li>
                  ${p.name}: ${p.endDate && p.endDate !== p.startDate ? l.t('dateRange', { start: l.date(p.startDate), end: l.date(p.endDate) }) : l.date(p.startDate)}
                  (${p.kind === 'sickness' ? l.t('inboxOffSick') : LEAVE_TYPE[p.kind] ? l.t(LEAVE_TYPE[p.kind]!) : l.t('inboxOffAbsent')})
                </li>`,
              )}
            </ul>`}`;
  }

  #renderActions(d: ApprovalDetail): TemplateResult | typeof nothing {
    const l = this.localize;
    const can = (a: string) => d.yourActions.includes(a as ApprovalDetail['yourActions'][number]);
    if (!can('approve') && !can('reject') && !can('request_info') && !can('reassign')) return nothing;
    const item = this.items.find((i) => i.id === d.id) ?? d;
    const mode = (m: Mode) => async () => {
      this.mode = m;
      this.modeText = '';
      this.modeError = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#decision-text')?.focus();
    };
    const labels: Record<string, readonly [ApprovalInboxKey, ApprovalInboxKey, ApprovalInboxKey]> = {
      reject: ['inboxReasonLabel', 'inboxReasonHint', 'inboxConfirmReject'],
      request_info: ['inboxQuestionLabel', 'inboxQuestionHint', 'inboxConfirmInfo'],
      reassign: ['inboxReassignLabel', 'inboxReassignHint', 'inboxConfirmReassign'],
    };
    const m = this.mode ? labels[this.mode] : undefined;
    return html`<div class="actions" part="actions">
      <div class="button-group">
        ${can('approve')
          ? html`<button type="button" class="button button--primary" ?disabled=${this.busy} @click=${() => this.#decide(item, 'approve')}>${l.t('inboxApprove')}</button>`
          : nothing}
        ${can('reject') ? html`<button type="button" class="button button--warning" aria-pressed=${this.mode === 'reject'} @click=${mode('reject')}>${l.t('inboxReject')}</button>` : nothing}
        ${can('request_info') ? html`<button type="button" class="button" aria-pressed=${this.mode === 'request_info'} @click=${mode('request_info')}>${l.t('inboxRequestInfo')}</button>` : nothing}
        ${can('reassign') ? html`<button type="button" class="button" aria-pressed=${this.mode === 'reassign'} @click=${mode('reassign')}>${l.t('inboxReassign')}</button>` : nothing}
      </div>
      ${m
        ? html`<form novalidate @submit=${this.#submitMode}>
            <div class=${`form-group ${this.modeError ? 'form-group--error' : ''}`}>
              <label class="label" for="decision-text">${l.t(m[0])}</label>
              <span class="hint" id="decision-hint">${l.t(m[1])}</span>
              ${this.modeError
                ? fieldError(l, 'decision-error', this.modeError)
                : nothing}
              ${this.mode === 'reassign'
                ? html`<input
                    id="decision-text"
                    type="text"
                    class=${`width-20 ${this.modeError ? 'input--error' : ''}`}
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=${this.modeError ? 'decision-hint decision-error' : 'decision-hint'}
                    .value=${this.modeText}
                    @input=${(e: Event) => (this.modeText = (e.target as HTMLInputElement).value)}
                  />`
                : html`<textarea
                    id="decision-text"
                    rows="3"
                    class=${this.modeError ? 'input--error' : ''}
                    aria-describedby=${this.modeError ? 'decision-hint decision-error' : 'decision-hint'}
                    .value=${this.modeText}
                    @input=${(e: Event) => (this.modeText = (e.target as HTMLTextAreaElement).value)}
                  ></textarea>`}
            </div>
            <button type="submit" class=${`button ${this.mode === 'reject' ? 'button--warning' : 'button--primary'}`} ?disabled=${this.busy}>${l.t(m[2])}</button>
          </form>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esr-approval-inbox': EsrApprovalInbox;
  }
}
