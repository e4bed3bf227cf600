import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createEsrClient, type EsrClient } from '@esr/sdk';
import '../define-all.ts';
import type { EsrLeaveRequest } from './esr-leave-request.ts';
import { EsrLeaveRequestCancelledEvent, EsrLeaveRequestSubmittedEvent, EsrLeaveRequestSubmitEvent } from './events.ts';
import { parseDate, parseHours, validate } from './leave-form.ts';
import { emptyForm } from './leave-form.ts';
import { startWorker, stopWorker, useHandlers, worker, BASE_URL } from '../testing/msw.ts';
import { createLeaveHandlers, type LeaveHandlerOptions } from '../testing/leave-handlers.ts';
import { expectAccessible } from '../testing/axe.ts';

const client = (): EsrClient => createEsrClient({ baseUrl: BASE_URL, token: 'test-token', retry: 0 });
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T & Element>(selector) as T;
const text = (el: Element) => (root(el).textContent ?? '').replace(/\s+/g, ' ');
const matches = (el: Element, s: string) => {
  try {
    return el.matches(`:state(${s})`);
  } catch {
    return false;
  }
};
const settled = (el: Element) =>
  waitUntil(() => $(el, '[part~="state"]')?.getAttribute('aria-busy') === 'false', 'widget never settled', { timeout: 5000 });

async function render(options: LeaveHandlerOptions = {}, attrs = html``): Promise<EsrLeaveRequest> {
  useHandlers(...createLeaveHandlers(options));
  const el = await fixture<EsrLeaveRequest>(html`<esr-leave-request .client=${client()}>${attrs}</esr-leave-request>`);
  if (options.scenario !== 'slow') await settled(el);
  return el;
}

/** Types into the focused input like a person: one key at a time, then Tab to the next field. */
async function typeInto(el: Element, id: string, value: string) {
  $<HTMLInputElement>(el, `#${id}`).focus();
  await sendKeys({ type: value });
}

describe('leave form rules', () => {
  it('reads NHS day/month/year dates and says which part is wrong', () => {
    expect(parseDate({ day: '5', month: '3', year: '2027' })).to.deep.equal({ iso: '2027-03-05' });
    expect(parseDate({ day: '', month: '', year: '' })).to.deep.equal({ problem: 'missing' });
    expect(parseDate({ day: '5', month: '', year: '2027' })).to.deep.equal({ problem: 'month' });
    expect(parseDate({ day: '5', month: '3', year: '27' })).to.deep.equal({ problem: 'year' });
    expect(parseDate({ day: '29', month: '2', year: '2027' })).to.deep.equal({ problem: 'invalid' });
    expect(parseDate({ day: '29', month: '2', year: '2028' })).to.deep.equal({ iso: '2028-02-29' });
  });

  it('reads hours as decimals or clock time', () => {
    expect(parseHours('3.5')).to.equal(210);
    expect(parseHours('3,25')).to.equal(195);
    expect(parseHours('7:30')).to.equal(450);
    expect(parseHours('lots')).to.equal(undefined);
  });

  it('builds the SDK request only when every field is valid', () => {
    const values = { ...emptyForm(), start: { day: '1', month: '3', year: '2027' }, end: { day: '5', month: '3', year: '2027' } };
    expect(validate(values).request).to.deep.equal({ type: 'annual', startDate: '2027-03-01', endDate: '2027-03-05', unit: 'days' });
    const backwards = { ...values, end: { day: '1', month: '2', year: '2027' } };
    expect(validate(backwards).errors.map((e) => e.key)).to.deep.equal(['leaveErrorEndBeforeStart']);
    const hours = { ...values, unit: 'hours' as const, hours: '0.1' };
    expect(validate(hours).errors.map((e) => e.key)).to.deep.equal(['leaveErrorHoursRange']);
  });
});

describe('<esr-leave-request>', () => {
  before(startWorker);
  after(stopWorker);
  afterEach(() => worker.resetHandlers());

  describe('loading', () => {
    it('is busy, announces loading and matches :state(loading)', async () => {
      const el = await render({ scenario: 'slow' });
      expect($(el, '[part~="state"]').getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[role="status"]').textContent).to.equal('Loading your leave…');
      expect(matches(el, 'loading')).to.equal(true);
      await expectAccessible(el);
    });
  });

  describe('error', () => {
    it('names a server error with its request id, and Try again recovers', async () => {
      const el = await render({ scenario: 'error' });
      expect(text(el)).to.contain('Sorry, there is a problem with ESR');
      expect(text(el)).to.contain('req_mock0000000001');
      expect(matches(el, 'error')).to.equal(true);
      await expectAccessible(el);
      useHandlers(...createLeaveHandlers());
      $(el, '[part~="retry-button"]').click();
      await waitUntil(() => text(el).includes('Your leave balance'), 'did not recover');
      expect(matches(el, 'error')).to.equal(false);
    });

    it('says "You are signed out" for a 401', async () => {
      const el = await render({ scenario: 'unauthorised' });
      expect(text(el)).to.contain('You are signed out');
      await expectAccessible(el);
    });
  });

  describe('empty', () => {
    it('shows the balance and form, and says no leave has been requested', async () => {
      const el = await render({ scenario: 'empty' });
      expect(text(el)).to.contain('You have not requested any leave yet.');
      expect(text(el)).to.contain('Request leave');
      expect(matches(el, 'empty')).to.equal(true);
      await expectAccessible(el);
    });
  });

  describe('data', () => {
    it('shows the balance in hours and the person’s requests with status tags', async () => {
      const el = await render();
      expect(text(el)).to.contain('Annual leave left');
      expect(text(el)).to.contain('150 hours');
      expect(text(el)).to.contain('Leave year 1 April 2026 to 31 March 2027');
      const rows = [...root(el).querySelectorAll('tbody tr')];
      expect(rows.length).to.equal(3);
      expect(rows[0]!.textContent).to.contain('15 February 2027 to 19 February 2027');
      expect(rows[0]!.textContent).to.contain('37.5 hours');
      expect(rows[0]!.querySelector('.tag')?.textContent).to.equal('Waiting for approval');
      // Past approved leave cannot be cancelled; pending and future approved leave can.
      expect(rows.map((r) => !!r.querySelector('[part~="cancel-button"]'))).to.deep.equal([true, true, false]);
      await expectAccessible(el);
    });
  });

  describe('requesting leave with the keyboard', () => {
    it('counts working hours live, submits through the SDK and shows the request', async () => {
      const el = await render();
      await typeInto(el, 'start-day', '1');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '3' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '2027' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '5' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '3' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '2027' });
      await waitUntil(() => $(el, '[part~="count"]').textContent?.includes('37.5 hours over 5 working days'), 'no live count');
      expect($(el, '[part~="count"]').textContent).to.contain('You will have 112.5 hours left.');
      expect($(el, '[part~="count"]').getAttribute('aria-live')).to.equal('polite');
      await expectAccessible(el);

      const before = oneEvent(el, EsrLeaveRequestSubmitEvent.eventName);
      const after = oneEvent(document, EsrLeaveRequestSubmittedEvent.eventName);
      await sendKeys({ press: 'Enter' }); // Enter in a text field submits the form
      const submit = await before;
      expect(submit.cancelable).to.equal(true);
      expect(submit.detail.request).to.deep.equal({ type: 'annual', startDate: '2027-03-01', endDate: '2027-03-05', unit: 'days' });
      const submitted = await after;
      expect(submitted.detail.leaveRequest.status).to.equal('pending');
      expect(submitted.detail.leaveRequest.minutes).to.equal(2250);
      await waitUntil(() => root(el).activeElement === $(el, '[part~="confirmation"]'), 'confirmation not focused');
      expect(text(el)).to.contain('Leave requested');
      expect(text(el)).to.contain('1 March 2027 to 5 March 2027 (37.5 hours)');
      await waitUntil(() => root(el).querySelectorAll('tbody tr').length === 4, 'list not refreshed');
      expect(text(el)).to.contain('112.5 hours');
      expect($<HTMLInputElement>(el, '#start-day').value).to.equal('');
      await expectAccessible(el);

      // Someone else signs in (a new client): the confirmation for the last person goes.
      el.client = client();
      await settled(el);
      expect(text(el)).not.to.contain('Leave requested');
    });

    it('counts half days and hours, and says when leave does not come out of the balance', async () => {
      const el = await render();
      $<HTMLInputElement>(el, '#unit-half_day').click();
      await el.updateComplete;
      expect($(el, '#end-day')).to.equal(null);
      await typeInto(el, 'start-day', '2');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '3' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '2027' });
      await waitUntil(() => $(el, '[part~="count"]').textContent?.includes('3.75 hours over 1 working days'), 'no half-day count');
      $<HTMLInputElement>(el, '#type-study').click();
      await waitUntil(() => $(el, '[part~="count"]').textContent?.includes('does not come out of your annual leave'), 'no study note');
      $<HTMLInputElement>(el, '#unit-hours').click();
      await el.updateComplete;
      await typeInto(el, 'hours', '2:15');
      await waitUntil(() => $(el, '[part~="count"]').textContent?.includes('2.25 hours'), 'no hours count');
      await expectAccessible(el);
    });

    it('a listener can stop the submission', async () => {
      const el = await render();
      let posted = false;
      worker.events.on('request:start', ({ request }) => {
        if (request.method === 'POST') posted = true;
      });
      el.addEventListener('esr-leave-request-submit', (e) => e.preventDefault(), { once: true });
      await typeInto(el, 'start-day', '1');
      $<HTMLInputElement>(el, '#start-month').focus();
      await sendKeys({ type: '3' });
      $<HTMLInputElement>(el, '#start-year').focus();
      await sendKeys({ type: '2027' });
      await sendKeys({ press: 'Enter' });
      await new Promise((r) => setTimeout(r, 100));
      worker.events.removeAllListeners();
      expect(posted).to.equal(false);
      expect(text(el)).not.to.contain('Leave requested');
    });
  });

  describe('validation (NHS error summary)', () => {
    it('lists every problem, focuses the summary, and each link focuses its field', async () => {
      const el = await render();
      $<HTMLInputElement>(el, '#end-day').focus();
      await sendKeys({ type: '31' });
      $<HTMLInputElement>(el, '#end-month').focus();
      await sendKeys({ type: '2' });
      $<HTMLInputElement>(el, '#end-year').focus();
      await sendKeys({ type: '2027' });
      $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
      await waitUntil(() => root(el).activeElement === $(el, '.error-summary'), 'summary not focused');
      const links = [...root(el).querySelectorAll('.error-summary a')].map((a) => a.textContent);
      expect(links).to.deep.equal(['Enter the first day of leave', 'Last day of leave must be a real date']);
      expect($(el, '#start-error').textContent).to.contain('Enter the first day of leave');
      expect($(el, '#start-day').closest('fieldset')?.getAttribute('aria-describedby')).to.contain('start-error');
      await expectAccessible(el);
      // Keyboard: Tab from the summary to the first link, Enter moves focus to the field.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      expect(root(el).activeElement?.id).to.equal('start-day');
    });

    it('shows the server’s refusal in the summary, against the field it names', async () => {
      const el = await render({
        refuseCreate: { status: 422, code: 'validation_failed', detail: 'Invalid request', errors: [{ path: 'body.startDate', message: 'Leave must start on or after 1 April 2026', code: 'too_early' }] },
      });
      await typeInto(el, 'start-day', '1');
      $<HTMLInputElement>(el, '#start-month').focus();
      await sendKeys({ type: '3' });
      $<HTMLInputElement>(el, '#start-year').focus();
      await sendKeys({ type: '2027' });
      const errored = oneEvent(el, 'esr-error');
      await sendKeys({ press: 'Enter' });
      await errored;
      await waitUntil(() => root(el).activeElement === $(el, '.error-summary'), 'summary not focused');
      expect($(el, '.error-summary a').textContent).to.equal('Leave must start on or after 1 April 2026');
      expect($(el, '#start-error').textContent).to.contain('Leave must start on or after 1 April 2026');
      await expectAccessible(el);
    });

    it('says when there is not enough leave left', async () => {
      const el = await render({ availableMinutes: 450 });
      await typeInto(el, 'start-day', '1');
      $<HTMLInputElement>(el, '#start-month').focus();
      await sendKeys({ type: '3' });
      $<HTMLInputElement>(el, '#start-year').focus();
      await sendKeys({ type: '2027' });
      $<HTMLInputElement>(el, '#end-day').focus();
      await sendKeys({ type: '2' });
      $<HTMLInputElement>(el, '#end-month').focus();
      await sendKeys({ type: '3' });
      $<HTMLInputElement>(el, '#end-year').focus();
      await sendKeys({ type: '2027' });
      await waitUntil(() => $(el, '[part~="count"]').textContent?.includes('7.5 hours more than you have left'), 'no over-balance warning');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '.error-summary'), 'no summary');
      expect($(el, '.error-summary').textContent).to.contain('only 7.5 hours are left');
    });
  });

  describe('cancelling', () => {
    it('cancels a pending request with If-Match and restores the balance', async () => {
      const el = await render();
      const cancelled = oneEvent(el, EsrLeaveRequestCancelledEvent.eventName);
      const button = $<HTMLButtonElement>(el, 'tbody tr [part~="cancel-button"]');
      expect(button.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Cancel leave on 15 February 2027 to 19 February 2027');
      button.focus();
      await sendKeys({ press: 'Enter' });
      const event = await cancelled;
      expect(event.detail.leaveRequest.status).to.equal('cancelled');
      await waitUntil(() => root(el).querySelector('tbody tr .tag')?.textContent === 'Cancelled', 'status not updated');
      expect($(el, '[role="status"]').textContent).to.contain('Your leave on 15 February 2027 to 19 February 2027 is cancelled.');
      expect(text(el)).to.contain('187.5 hours');
      await expectAccessible(el);
    });

    it('a listener can keep the request', async () => {
      const el = await render();
      el.addEventListener('esr-leave-request-cancel', (e) => e.preventDefault(), { once: true });
      $<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
      await new Promise((r) => setTimeout(r, 100));
      expect(root(el).querySelector('tbody tr .tag')?.textContent).to.equal('Waiting for approval');
    });
  });

  describe('form association', () => {
    it('contributes its fields to a page form, reports validity, resets and disables with it', async () => {
      useHandlers(...createLeaveHandlers());
      const form = await fixture<HTMLFormElement>(html`<form>
        <fieldset><esr-leave-request name="leave" .client=${client()}></esr-leave-request></fieldset>
      </form>`);
      const el = form.querySelector('esr-leave-request')!;
      await settled(el);
      expect(el.form).to.equal(form);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validationMessage).to.equal('Enter the first day of leave');
      expect([...new FormData(form).keys()]).to.deep.equal([]);

      await typeInto(el, 'start-day', '1');
      $<HTMLInputElement>(el, '#start-month').focus();
      await sendKeys({ type: '3' });
      $<HTMLInputElement>(el, '#start-year').focus();
      await sendKeys({ type: '2027' });
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      expect(Object.fromEntries(new FormData(form))).to.deep.equal({
        'leave.type': 'annual',
        'leave.startDate': '2027-03-01',
        'leave.unit': 'days',
        'leave.endDate': '2027-03-01',
      });

      form.querySelector('fieldset')!.disabled = true;
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#start-day').disabled).to.equal(true);
      expect($<HTMLButtonElement>(el, '[part~="submit-button"]').disabled).to.equal(true);
      form.querySelector('fieldset')!.disabled = false;

      form.reset();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#start-day').value).to.equal('');
      expect(form.checkValidity()).to.equal(false);
    });
  });

  describe('Welsh', () => {
    it('uses Welsh strings, dates and hours when lang="cy"', async () => {
      useHandlers(...createLeaveHandlers());
      const el = await fixture<EsrLeaveRequest>(html`<esr-leave-request lang="cy" .client=${client()}></esr-leave-request>`);
      await settled(el);
      expect(text(el)).to.contain('Gwneud cais am wyliau');
      expect(text(el)).to.contain('150 awr');
      expect(text(el)).to.contain('Chwefror 2027');
      expect($(el, '.root').getAttribute('lang')).to.equal('cy');
      await expectAccessible(el);
    });
  });
});
