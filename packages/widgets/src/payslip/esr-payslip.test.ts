import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createEsrClient, type EsrClient } from '@esr/sdk';
import { payslipFixture } from '@esr/sdk/testing';
import '../define-all.ts';
import type { EsrPayslip } from './esr-payslip.ts';
import { EsrPayslipLoadedEvent } from './events.ts';
import { EsrErrorEvent } from '../events/esr-error.ts';
import { startWorker, stopWorker, useVariant, worker, BASE_URL } from '../testing/msw.ts';

const client = (): EsrClient => createEsrClient({ baseUrl: BASE_URL, token: 'test-token', retry: 0 });
const shadow = (el: EsrPayslip) => el.shadowRoot!;
const text = (el: EsrPayslip) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
const settled = (el: EsrPayslip) =>
  waitUntil(() => shadow(el).querySelector('[part~="state"]')?.getAttribute('aria-busy') === 'false', 'widget never settled', {
    timeout: 5000,
  });
const matches = (el: Element, state: string) => {
  try {
    return el.matches(`:state(${state})`);
  } catch {
    return false;
  }
};

/** Renders, and waits for the first `event` (listening on document first, so a fast response cannot be missed). */
async function renderUntil<E extends typeof EsrPayslipLoadedEvent | typeof EsrErrorEvent>(
  template: Parameters<typeof fixture>[0],
  eventClass: E,
): Promise<{ el: EsrPayslip; event: InstanceType<E> }> {
  const next = oneEvent(document, eventClass.eventName) as Promise<InstanceType<E>>;
  const el = await fixture<EsrPayslip>(template);
  return { el, event: await next };
}

describe('<esr-payslip>', () => {
  before(startWorker);
  after(stopWorker);
  afterEach(() => worker.resetHandlers());

  describe('data', () => {
    it('renders the payslip with NHS formatting and fires esr-payslip-loaded', async () => {
      useVariant('data');
      const { el, event } = await renderUntil(html`<esr-payslip .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      expect(event).to.be.instanceOf(EsrPayslipLoadedEvent);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.payslip.id).to.equal(payslipFixture.id);

      const t = text(el);
      expect(shadow(el).querySelector('[role="heading"][aria-level="2"]')?.textContent?.trim()).to.equal(
        'Payslip for October 2026 · tax month 7',
      );
      expect(t).to.contain('Severn Vale NHS Foundation Trust');
      expect(shadow(el).querySelector('.net-pay__amount')?.textContent).to.equal('£2,093.02');
      expect(t).to.contain('£2,790.58'); // basic pay
      expect(t).to.contain('£2,862.51'); // gross total
      expect(t).to.contain('£306.80'); // income tax
      expect(t).to.contain('£769.49'); // total deductions
      expect(t).to.contain('£20,356.09'); // gross pay year to date
      expect(t).to.contain('£411.63'); // employer pension
      expect(t).to.contain('Amelia Hughes');
      expect(t).to.contain('20000123-1');
      expect(t).to.contain('Staff Nurse, Band 5');
      expect(t).to.contain('1257L');
      expect(t).to.contain('BACS, account ending 5678');
      expect(t).not.to.contain('****');
      expect(t).to.contain('Year to date, 2026 to 2027 tax year');

      const captions = [...shadow(el).querySelectorAll('caption')].map((c) => c.textContent?.trim());
      expect(captions).to.deep.equal(['Payments', 'Deductions', 'Year to date, 2026 to 2027 tax year', 'Paid by your employer']);
      const amount = shadow(el).querySelector<HTMLElement>('td.numeric')!;
      expect(getComputedStyle(amount).textAlign).to.equal('right');
      expect(getComputedStyle(amount).fontVariantNumeric).to.contain('tabular-nums');
      expect(['loading', 'empty', 'error'].some((s) => matches(el, s))).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('loads the payslip named by payslip-id', async () => {
      useVariant('data');
      const { el } = await renderUntil(html`<esr-payslip payslip-id=${payslipFixture.id} .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      expect(el.value?.id).to.equal(payslipFixture.id);
    });

    it('honours heading-level', async () => {
      useVariant('data');
      const { el } = await renderUntil(html`<esr-payslip heading-level="3" .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      expect(shadow(el).querySelector('#payslip-heading')?.getAttribute('aria-level')).to.equal('3');
    });

    it('lists previous payslips in a labelled picker', async () => {
      useVariant('data');
      const { el } = await renderUntil(html`<esr-payslip .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      await waitUntil(() => shadow(el).querySelector('select'), 'picker never rendered');
      const select = shadow(el).querySelector('select')!;
      expect(select.labels?.[0]?.textContent).to.equal('Choose a payslip');
      expect(select.options.length).to.be.greaterThan(1);
      await expect(el).to.be.accessible();
    });
  });

  describe('events', () => {
    it('bubble out of the shadow root to document listeners, with typed detail', async () => {
      useVariant('data');
      const loadedIds: string[] = [];
      const onLoaded = (event: HTMLElementEventMap['esr-payslip-loaded']) => loadedIds.push(event.detail.payslip.id);
      document.addEventListener('esr-payslip-loaded', onLoaded);
      try {
        const { el } = await renderUntil(html`<esr-payslip hide-picker .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
        expect(loadedIds).to.deep.equal([payslipFixture.id]);

        useVariant('unauthorised');
        const errored = oneEvent(document, EsrErrorEvent.eventName);
        void el.reload();
        const event = (await errored) as EsrErrorEvent;
        expect(event.bubbles && event.composed).to.equal(true);
        expect((event.detail.error as Error).name).to.equal('AuthenticationError');
      } finally {
        document.removeEventListener('esr-payslip-loaded', onLoaded);
      }
    });
  });

  describe('picker', () => {
    it('loads the payslip chosen in the picker and keeps focus on it', async () => {
      useVariant('data');
      const { el } = await renderUntil(html`<esr-payslip .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      await waitUntil(() => shadow(el).querySelector('select'), 'picker never rendered');
      const select = shadow(el).querySelector('select')!;
      select.focus();
      const second = select.options[1]!.value;
      select.value = second;
      const loaded = oneEvent(el, EsrPayslipLoadedEvent.eventName);
      select.dispatchEvent(new Event('change'));
      const event = await loaded;
      expect(event.detail.payslip.id).to.equal(second);
      expect(text(el)).to.contain('Payslip for September 2026 · tax month 6');
      expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('select'));
    });
  });

  describe('loading', () => {
    it('is busy, announces loading and matches :state(loading)', async () => {
      useVariant('slow');
      const el = await fixture<EsrPayslip>(html`<esr-payslip .client=${client()}></esr-payslip>`);
      const region = shadow(el).querySelector('[part~="state"]')!;
      expect(region.getAttribute('aria-busy')).to.equal('true');
      expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('Loading your payslip…');
      expect(text(el)).to.contain('Loading your payslip…');
      expect(matches(el, 'loading')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('empty', () => {
    it('says there are no payslips yet', async () => {
      useVariant('empty');
      const el = await fixture<EsrPayslip>(html`<esr-payslip .client=${client()}></esr-payslip>`);
      await settled(el);
      expect(text(el)).to.contain('You have no payslips yet');
      expect(matches(el, 'empty')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('error', () => {
    it('names a server error with its request id, and Try again recovers', async () => {
      useVariant('error');
      const { el, event: failed } = await renderUntil(html`<esr-payslip .client=${client()}></esr-payslip>`, EsrErrorEvent);
      expect(failed).to.be.instanceOf(EsrErrorEvent);
      expect((failed.detail.error as { status?: number }).status).to.equal(500);
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('Sorry, there is a problem with ESR');
      expect(text(el)).to.match(/Reference: \S+/);
      expect(matches(el, 'error')).to.equal(true);
      await expect(el).to.be.accessible();

      useVariant('data');
      const loaded = oneEvent(el, EsrPayslipLoadedEvent.eventName);
      shadow(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await loaded;
      expect(shadow(el).querySelector('.net-pay__amount')?.textContent).to.equal('£2,093.02');
      expect(matches(el, 'error')).to.equal(false);
    });

    it('says "You are signed out" for a 401', async () => {
      useVariant('unauthorised');
      const { el } = await renderUntil(html`<esr-payslip .client=${client()}></esr-payslip>`, EsrErrorEvent);
      await el.updateComplete;
      expect(text(el)).to.contain('You are signed out');
      expect(text(el)).to.contain('Sign in again');
      await expect(el).to.be.accessible();
    });

    it('says "We could not find that payslip" for an unknown payslip-id', async () => {
      useVariant('data');
      const { el } = await renderUntil(html`<esr-payslip payslip-id="pay_missing" .client=${client()}></esr-payslip>`, EsrErrorEvent);
      await el.updateComplete;
      expect(text(el)).to.contain('We could not find that payslip');
      await expect(el).to.be.accessible();
    });

    it('names a connection failure', async () => {
      useVariant('offline');
      const { el } = await renderUntil(html`<esr-payslip .client=${client()}></esr-payslip>`, EsrErrorEvent);
      await el.updateComplete;
      expect(text(el)).to.contain('We could not connect to ESR');
      await expect(el).to.be.accessible();
    });

    it('lets the keyboard reach Try again and activate it with Enter', async () => {
      useVariant('error');
      const { el } = await renderUntil(html`<esr-payslip .client=${client()}></esr-payslip>`, EsrErrorEvent);
      await el.updateComplete;
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      const retry = shadow(el).querySelector('[part~="retry-button"]');
      expect(shadow(el).activeElement).to.equal(retry);
      expect(getComputedStyle(retry!).backgroundColor).to.equal('rgb(255, 235, 59)'); // NHS yellow focus

      useVariant('data');
      const loaded = oneEvent(el, EsrPayslipLoadedEvent.eventName);
      await sendKeys({ press: 'Enter' });
      await loaded;
      // Focus stayed in the widget rather than falling back to <body>.
      expect(el.contains(document.activeElement) || document.activeElement === el).to.equal(true);
    });

    it('explains a missing client and reports it', async () => {
      const el = document.createElement('esr-payslip');
      const failed = oneEvent(el, EsrErrorEvent.eventName);
      document.body.append(el);
      await failed;
      await el.updateComplete;
      expect(text(el)).to.contain('This payslip is not connected to ESR');
      expect(shadow(el).querySelector('[part~="retry-button"]')).to.equal(null);
      await expect(el).to.be.accessible();
      el.remove();
    });
  });

  describe('Welsh', () => {
    it('uses Welsh strings and dates when lang="cy"', async () => {
      useVariant('data');
      const { el } = await renderUntil(html`<esr-payslip lang="cy" .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      const t = text(el);
      expect(t).to.contain('Slip cyflog Hydref 2026 · mis treth 7');
      expect(t).to.contain('Cyflog net');
      expect(t).to.contain('Taliadau');
      expect(t).to.contain('Didyniadau');
      expect(t).to.contain('Treth incwm');
      expect(t).to.contain('Yswiriant Gwladol');
      expect(t).to.contain('Pensiwn y GIG (9.8%)');
      expect(t).to.contain('Oriau anghymdeithasol (8 h @ 30%)');
      // Row by row, not from textContent: the build drops the insignificant whitespace between <dt> and <dd>.
      const payDate = [...shadow(el).querySelectorAll('.summary-list__row')].find((r) => r.querySelector('dt')?.textContent === 'Dyddiad talu');
      expect(payDate?.querySelector('dd')?.textContent).to.equal('30 Hydref 2026');
      expect(t).to.contain('£2,093.02');
      expect(shadow(el).querySelector('[part~="base"]')?.getAttribute('lang')).to.equal('cy');
      await expect(el).to.be.accessible();
    });

    it('follows the closest ancestor lang and re-renders when it changes', async () => {
      useVariant('error');
      const failed = oneEvent(document, EsrErrorEvent.eventName);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="cy"><esr-payslip .client=${client()}></esr-payslip></div>`);
      const el = wrapper.querySelector('esr-payslip')!;
      await failed;
      await el.updateComplete;
      expect(text(el)).to.contain('Ceisio eto');
      wrapper.lang = 'en-GB';
      await waitUntil(() => text(el).includes('Try again'), 'did not switch to English');
    });
  });
});
