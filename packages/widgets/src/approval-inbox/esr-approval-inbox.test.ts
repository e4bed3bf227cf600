import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse, http } from 'msw';
import { createEsrClient, type EsrClient } from '@esr/sdk';
import '../define-all.ts';
import type { EsrApprovalInbox } from './esr-approval-inbox.ts';
import { EsrApprovalDecidedEvent, EsrApprovalDecideEvent } from './events.ts';
import { startWorker, stopWorker, useHandlers, worker, BASE_URL } from '../testing/msw.ts';
import { createApprovalsMock, type ApprovalsHandlerOptions } from '../testing/approvals-handlers.ts';
import { expectAccessible } from '../testing/axe.ts';

const client = (): EsrClient => createEsrClient({ baseUrl: BASE_URL, token: 'test-token', retry: 0 });
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector(selector) as T;
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element) => (root(el).textContent ?? '').replace(/\s+/g, ' ');
const status = (el: Element) => $(el, '[role="status"]').textContent ?? '';
const active = (el: Element) => root(el).activeElement as HTMLElement | null;
const matches = (el: Element, s: string) => {
  try {
    return el.matches(`:state(${s})`);
  } catch {
    return false;
  }
};
const settled = (el: Element) =>
  waitUntil(() => $(el, '[part~="state"]')?.getAttribute('aria-busy') === 'false', 'widget never settled', { timeout: 5000 });

async function render(options: ApprovalsHandlerOptions = {}, pollInterval = 0) {
  const mock = createApprovalsMock(options);
  useHandlers(...mock.handlers);
  const el = await fixture<EsrApprovalInbox>(html`<esr-approval-inbox poll-interval=${pollInterval} .client=${client()}></esr-approval-inbox>`);
  if (options.scenario !== 'slow') await settled(el);
  return { el, mock };
}

async function focusFirstRow(el: EsrApprovalInbox) {
  $<HTMLElement>(el, '[role="option"][tabindex="0"]').focus();
  await el.updateComplete;
}

describe('<esr-approval-inbox>', () => {
  before(startWorker);
  after(stopWorker);
  afterEach(() => worker.resetHandlers());

  describe('states', () => {
    it('loading: busy, announced, :state(loading), accessible', async () => {
      const { el } = await render({ scenario: 'slow' });
      expect($(el, '[part~="state"]').getAttribute('aria-busy')).to.equal('true');
      expect(status(el)).to.equal('Loading your approvals…');
      expect(matches(el, 'loading')).to.equal(true);
      await expectAccessible(el);
    });

    it('error: names the problem and Try again recovers', async () => {
      const { el } = await render({ scenario: 'error' });
      expect(text(el)).to.contain('Sorry, there is a problem with ESR');
      expect(matches(el, 'error')).to.equal(true);
      await expectAccessible(el);
      useHandlers(...createApprovalsMock().handlers);
      $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
      await waitUntil(() => $$(el, '[role="option"]').length === 7, 'did not recover');
    });

    it('empty: says nothing is waiting', async () => {
      const { el } = await render({ scenario: 'empty' });
      expect(text(el)).to.contain('Nothing is waiting for you');
      expect(matches(el, 'empty')).to.equal(true);
      await expectAccessible(el);
    });

    it('data: a multi-select listbox with one tab stop, titles in the approver’s words', async () => {
      const { el } = await render();
      const options = $$(el, '[role="option"]');
      expect(options.length).to.equal(7);
      expect($(el, '[role="listbox"]').getAttribute('aria-multiselectable')).to.equal('true');
      expect(options.filter((o) => o.tabIndex === 0).length).to.equal(1);
      expect(options[0]!.textContent).to.contain('Amelia Hughes: Annual leave, 7.5 hours');
      expect(options[0]!.textContent).to.contain('4 January 2027');
      expect(text(el)).to.contain('Waiting for you (7)');
      expect(text(el)).to.contain('Amelia Hughes: name change');
      await expectAccessible(el);
    });
  });

  describe('keyboard', () => {
    it('moves with arrows, Home and End, and opens the details with Enter', async () => {
      const { el } = await render();
      await focusFirstRow(el);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(active(el)?.dataset['index']).to.equal('2');
      await sendKeys({ press: 'End' });
      expect(active(el)?.dataset['index']).to.equal('6');
      await sendKeys({ press: 'Home' });
      expect(active(el)?.dataset['index']).to.equal('0');
      expect($$(el, '[role="option"]').filter((o) => o.tabIndex === 0).map((o) => o.dataset['index'])).to.deep.equal(['0']);

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(el).includes('Who else is off') && !text(el).includes('Checking your team'), 'no details');
      const detail = $(el, '[part~="detail"]');
      expect(active(el)).to.equal(detail);
      expect(detail.textContent).to.contain('112.5 hours (7.5 hours waiting for approval)');
      expect(detail.textContent).to.contain('Nia Roberts');
      expect(detail.textContent).to.contain('off sick');
      await expectAccessible(el);

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '[part~="detail"]')).to.equal(null);
      expect(active(el)?.dataset['index']).to.equal('0');
    });

    it('approves the focused request with "a" and moves on to the next', async () => {
      const { el } = await render();
      await focusFirstRow(el);
      const before = oneEvent(el, EsrApprovalDecideEvent.eventName);
      const decided = oneEvent(el, EsrApprovalDecidedEvent.eventName);
      await sendKeys({ press: 'a' });
      expect((await before).detail).to.deep.equal({ ids: ['apr_0000001000'], action: 'approve' });
      const event = await decided;
      expect(event.detail.result?.outcome).to.equal('approved');
      await waitUntil(() => $$(el, '[role="option"]').length === 6, 'item not removed');
      expect(status(el)).to.equal('Approved: Amelia Hughes: Annual leave, 7.5 hours');
      await waitUntil(() => active(el)?.getAttribute('role') === 'option', 'focus lost');
      expect(active(el)?.textContent).to.contain('Owen Davies');
    });

    it('acts on the row that has focus, however focus got there (pointer, assistive technology)', async () => {
      const { el } = await render();
      const third = $$(el, '[role="option"]')[2]!;
      third.focus();
      await el.updateComplete;
      const before = oneEvent(el, EsrApprovalDecideEvent.eventName);
      await sendKeys({ press: 'a' });
      expect((await before).detail.ids).to.deep.equal([third.id.replace(/^item-/, '')]);
    });

    it('rejects with a reason: "r" opens the reason field, an empty reason is refused', async () => {
      const { el } = await render();
      await focusFirstRow(el);
      await sendKeys({ press: 'r' });
      await waitUntil(() => active(el)?.id === 'decision-text', 'reason not focused');
      $<HTMLButtonElement>(el, 'form button[type=submit]').click();
      await el.updateComplete;
      expect($(el, '#decision-error').textContent).to.contain('Enter why you are rejecting this request');
      expect(active(el)?.id).to.equal('decision-text');
      await expectAccessible(el);
      await sendKeys({ type: 'Ward is short-staffed that week' });
      const decided = oneEvent(el, EsrApprovalDecidedEvent.eventName);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      const event = await decided;
      expect(event.detail.action).to.equal('reject');
      expect(event.detail.result?.status).to.equal('rejected');
      await waitUntil(() => status(el).startsWith('Rejected:'), 'no announcement');
    });

    it('asks for information and reassigns from the details', async () => {
      const { el } = await render();
      await focusFirstRow(el);
      await sendKeys({ press: 'i' });
      await waitUntil(() => active(el)?.id === 'decision-text', 'question not focused');
      await sendKeys({ type: 'Can you swap with Owen?' });
      const asked = oneEvent(el, EsrApprovalDecideEvent.eventName);
      $<HTMLButtonElement>(el, 'form button[type=submit]').click();
      expect((await asked).detail).to.deep.equal({ ids: ['apr_0000001000'], action: 'request_info', text: 'Can you swap with Owen?' });
      await waitUntil(() => status(el).startsWith('Question sent'), 'no announcement');

      $<HTMLElement>(el, '[role="option"]').click();
      await waitUntil(() => text(el).includes('Reassign'), 'no actions');
      [...root(el).querySelectorAll<HTMLButtonElement>('[part~="actions"] button')].find((b) => b.textContent?.trim() === 'Reassign')!.click();
      await waitUntil(() => active(el)?.id === 'decision-text', 'reassign not focused');
      await sendKeys({ type: 'emp_0000000009' });
      const reassigned = oneEvent(el, EsrApprovalDecidedEvent.eventName);
      $<HTMLButtonElement>(el, 'form button[type=submit]').click();
      expect((await reassigned).detail.action).to.equal('reassign');
    });

    it('selects with Space and bulk-approves with Shift+A', async () => {
      const { el } = await render();
      await focusFirstRow(el);
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Space' });
      expect($$(el, '[aria-selected="true"]').length).to.equal(2);
      expect(text(el)).to.contain('Approve selected (2)');
      await expectAccessible(el);
      const decided = oneEvent(el, EsrApprovalDecidedEvent.eventName);
      await sendKeys({ press: 'Shift+A' });
      const event = await decided;
      expect(event.detail.bulk?.succeeded).to.equal(2);
      await waitUntil(() => $$(el, '[role="option"]').length === 5, 'not removed');
      expect(status(el)).to.equal('2 requests approved.');
    });

    it('Ctrl+A selects all; a listener can stop a decision', async () => {
      const { el } = await render();
      await focusFirstRow(el);
      await sendKeys({ press: 'Control+a' });
      expect($$(el, '[aria-selected="true"]').length).to.equal(7);
      el.addEventListener('esr-approval-decide', (e) => e.preventDefault(), { once: true });
      await sendKeys({ press: 'Shift+A' });
      await new Promise((r) => setTimeout(r, 100));
      expect($$(el, '[role="option"]').length).to.equal(7);
    });

    it('says so when someone else decided first (409)', async () => {
      const { el, mock } = await render();
      mock.pushDecision('apr_0000001000', 'approved');
      await focusFirstRow(el);
      const failed = oneEvent(el, 'esr-error');
      await sendKeys({ press: 'a' });
      await failed;
      await waitUntil(() => status(el) === 'Someone else has already decided this request.', 'no message');
    });
  });

  describe('live updates', () => {
    it('drops requests decided elsewhere and adds new ones without a reload', async () => {
      const { el, mock } = await render({}, 50);
      // The inbox follows the feed from its newest event; changes after that must show.
      await waitUntil(() => mock.followers() === 1, 'the inbox never started following the feed');
      mock.pushDecision('apr_0000001001', 'approved');
      mock.pushDecision('apr_new0000001', 'pending');
      await waitUntil(() => status(el).startsWith('Inbox updated'), 'no update', { timeout: 4000 });
      const ids = $$(el, '[role="option"]').map((o) => o.id);
      expect(ids).not.to.include('item-apr_0000001001');
      expect(ids).to.include('item-apr_new0000001');
      expect(status(el)).to.equal('Inbox updated: 1 new, 1 gone.');
    });

    it('a pending list read before a decision committed does not bring the decided request back', async () => {
      // The feed is read every second: the decision's own event reloads the list only after that.
      const { el, mock } = await render({}, 1000);
      await waitUntil(() => mock.followers() === 1, 'the inbox never started following the feed');
      const before = mock.pending();
      let arrived!: () => void;
      let release!: () => void;
      const held = new Promise<void>((r) => (arrived = r));
      const gate = new Promise<void>((r) => (release = r));
      let first = true;
      // The next pending list is read now but answers only after the decision below has committed.
      worker.use(
        http.get('*/v1/approvals', async ({ request }) => {
          if (!first || new URL(request.url).searchParams.get('box') === 'decided') return undefined;
          first = false;
          arrived();
          await gate;
          return HttpResponse.json({ data: before, hasMore: false, nextCursor: null });
        }),
      );
      mock.pushDecision('apr_new0000001', 'pending');
      await held;
      await focusFirstRow(el);
      const decided = oneEvent(el, 'esr-approval-decided');
      await sendKeys({ press: 'a' });
      await decided;
      await el.updateComplete;
      expect($$(el, '[role="option"]').map((o) => o.id)).not.to.include('item-apr_0000001000');
      release();
      let cameBack = false;
      await waitUntil(
        () => {
          const ids = $$(el, '[role="option"]').map((o) => o.id);
          cameBack ||= ids.includes('item-apr_0000001000');
          return ids.includes('item-apr_new0000001');
        },
        'the list read after the decision never came',
        { timeout: 4000, interval: 10 },
      );
      expect(cameBack, 'the decided request came back').to.equal(false);
    });
  });

  describe('1,000 requests', () => {
    it('renders incrementally, and End reaches the last one', async () => {
      const { el } = await render({ pending: 1000, nameChange: false });
      expect(text(el)).to.contain('Waiting for you (1,000)');
      expect($$(el, '[role="option"]').length).to.be.lessThan(1000);
      await waitUntil(() => $$(el, '[role="option"]').length === 1000, 'never rendered all', { timeout: 8000 });
      await focusFirstRow(el);
      await sendKeys({ press: 'End' });
      expect(active(el)?.dataset['index']).to.equal('999');
    });
  });

  describe('decided box and Welsh', () => {
    it('shows decided requests with their outcome', async () => {
      const { el } = await render();
      [...root(el).querySelectorAll<HTMLButtonElement>('.tab')][1]!.click();
      await waitUntil(() => $$(el, '[role="option"]').length === 2, 'decided not loaded');
      expect($(el, '[role="listbox"]').getAttribute('aria-multiselectable')).to.equal('false');
      expect($$(el, '.tag').map((t) => t.textContent)).to.deep.equal(['Approved', 'Rejected']);
      await expectAccessible(el);
    });

    it('speaks Welsh', async () => {
      const mock = createApprovalsMock();
      useHandlers(...mock.handlers);
      const el = await fixture<EsrApprovalInbox>(html`<esr-approval-inbox lang="cy" poll-interval="0" .client=${client()}></esr-approval-inbox>`);
      await settled(el);
      expect(text(el)).to.contain('Yn aros amdanoch chi (7)');
      expect(text(el)).to.contain('Gwyliau blynyddol, 7.5 awr');
      await expectAccessible(el);
    });
  });
});
