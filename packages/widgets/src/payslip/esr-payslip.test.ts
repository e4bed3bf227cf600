import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createEsrClient, type EsrClient } from '@esr/sdk';
import { payslipCalculationFixture, payslipFixture } from '@esr/sdk/testing';
import '../define-all.ts';
import type { EsrPayslip } from './esr-payslip.ts';
import { http, HttpResponse } from 'msw';
import { EsrPayslipDownloadedEvent, EsrPayslipLoadedEvent } from './events.ts';
import { calculationRequestFor } from './explain.ts';
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
      expect(captions).to.deep.equal(['This period', 'Payments', 'Deductions', 'Year to date, 2026 to 2027 tax year', 'Paid by your employer']);
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
      expect(text(el)).to.contain('This page is not connected to ESR');
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

  describe('explain a deduction', () => {
    const explainButton = (el: EsrPayslip, code: string) =>
      shadow(el).querySelector<HTMLButtonElement>(`[aria-controls="explain-${code}"]`)!;
    const explanation = (el: EsrPayslip, code: string) => shadow(el).querySelector<HTMLElement>(`#explain-${code}`)!;

    it('works the calculator inputs back from the payslip exactly', () => {
      const request = calculationRequestFor(payslipFixture)!;
      expect(request).to.deep.equal({
        taxYear: '2026-27', frequency: 'monthly', period: 7, taxCode: '1257L', basis: 'cumulative',
        grossPayPence: 286251, salarySacrificePence: 0, niCategory: 'A',
        // year to date less this period: taxable 18,361.19 − 2,581.98; tax 2,204.60 − 306.80
        taxablePayToDatePence: 1577921, taxToDatePence: 189780,
        studentLoanPlans: ['2'], pensionablePayPence: 286251,
      });
      expect(calculationRequestFor({ ...payslipFixture, taxYear: '2019-20' })).to.equal(undefined);
    });

    it('opens and closes with the keyboard, showing how income tax was worked out', async () => {
      useVariant('data');
      const { el } = await renderUntil(html`<esr-payslip hide-picker .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      const button = explainButton(el, 'PAYE');
      expect(button.textContent?.replace(/\s+/g, ' ').trim()).to.equal('How was this worked out? (Income tax)');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(explanation(el, 'PAYE').hidden).to.equal(true);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => explanation(el, 'PAYE').textContent?.includes('Tax code 1257L month 7 cumulative'), 'no explanation');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(explanation(el, 'PAYE').textContent).to.contain('tax due to date £2,204.60 less £1,897.80 already deducted = £306.80');
      expect(explanation(el, 'PAYE').querySelector('.explanation__mismatch')).to.equal(null);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => explanation(el, 'PAYE').hidden);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('explains pension, NI and student loan from one calculation that matches every figure', async () => {
      useVariant('data');
      let calls = 0;
      worker.use(http.post('*/v1/payroll/calculate', () => void calls++));
      const { el } = await renderUntil(html`<esr-payslip hide-picker .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      for (const code of ['PENSION', 'NI', 'SL']) explainButton(el, code).click();
      await waitUntil(() => ['PENSION', 'NI', 'SL'].every((c) => explanation(el, c).textContent?.includes('=')), 'explanations never arrived');
      expect(calls).to.equal(1);
      expect(explanation(el, 'PENSION').textContent).to.contain('9.8% of £2,862.51 = £280.53');
      expect(explanation(el, 'NI').textContent).to.contain('8% of £1,814.51');
      expect(explanation(el, 'SL').textContent).to.contain('9% of £413.76 above the monthly threshold £2,448.75');
      expect(shadow(el).querySelectorAll('.explanation__mismatch')).to.have.length(0);
    });

    it('says when the calculator could not answer, and asks again next time', async () => {
      useVariant('data');
      const { el } = await renderUntil(html`<esr-payslip hide-picker .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      worker.use(http.post('*/v1/payroll/calculate', () => HttpResponse.json({ title: 'down', status: 503 }, { status: 503 }), { once: true }));
      explainButton(el, 'NI').click();
      await waitUntil(() => explanation(el, 'NI').textContent?.includes('We could not work this out just now'));
      await expect(el).to.be.accessible();
      explainButton(el, 'NI').click();
      await waitUntil(() => explanation(el, 'NI').textContent?.includes('NI category A'));
    });

    it('in Welsh, says the explanation is in English and marks its language', async () => {
      useVariant('data');
      const { el } = await renderUntil(html`<esr-payslip lang="cy" hide-picker .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      const button = explainButton(el, 'PAYE');
      expect(button.textContent).to.contain('Sut cafodd hwn ei gyfrifo?');
      button.click();
      await waitUntil(() => explanation(el, 'PAYE').querySelector('[lang="en-GB"]'));
      expect(explanation(el, 'PAYE').textContent).to.contain('Mae’r esboniad hwn yn Saesneg.');
      await expect(el).to.be.accessible();
    });

    it('flags a calculator figure that differs from the payslip', async () => {
      useVariant('data');
      const lines = payslipCalculationFixture.lines.map((l) => (l.code === 'PAYE' ? { ...l, amountPence: 30580 } : l));
      worker.use(http.post('*/v1/payroll/calculate', () => HttpResponse.json({ ...payslipCalculationFixture, lines })));
      const { el } = await renderUntil(html`<esr-payslip hide-picker .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      explainButton(el, 'PAYE').click();
      await waitUntil(() => explanation(el, 'PAYE').querySelector('.explanation__mismatch'));
      expect(explanation(el, 'PAYE').textContent).to.contain('the calculator gets £305.80, not the £306.80 shown');
    });
  });

  describe('PDF and P60', () => {
    it('downloads this payslip as a PDF in the reader\'s language, announcing it', async () => {
      useVariant('data');
      const asked: string[] = [];
      worker.use(http.get('*/v1/me/payslips/:id/pdf', ({ request }) => void asked.push(request.url)));
      const { el } = await renderUntil(html`<esr-payslip lang="cy" hide-picker .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      const button = shadow(el).querySelector<HTMLButtonElement>('[part~="download-button"]')!;
      expect(button.textContent?.trim()).to.equal('Lawrlwytho’r slip cyflog hwn (PDF)');
      const downloaded = oneEvent(el, EsrPayslipDownloadedEvent.eventName);
      button.focus();
      await sendKeys({ press: 'Enter' });
      const { detail } = await downloaded;
      expect(detail.kind).to.equal('payslip');
      expect(detail.filename).to.equal('payslip-2026-10-30.pdf');
      expect(detail.blob.type).to.equal('application/pdf');
      expect(asked[0]).to.match(/\/v1\/me\/payslips\/pay_0000001232607\/pdf\?lang=cy$/);
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('Wedi lawrlwytho payslip-2026-10-30.pdf');
      expect(shadow(el).activeElement).to.equal(button);
    });

    it('lists P60s and downloads one', async () => {
      useVariant('data');
      const { el } = await renderUntil(html`<esr-payslip .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      await waitUntil(() => shadow(el).querySelector('[part~="p60-button"]'), 'no P60 list');
      expect(shadow(el).querySelector('#p60-heading')?.textContent?.trim()).to.equal('P60 end of year certificates');
      expect(shadow(el).querySelector('#p60-heading')?.getAttribute('aria-level')).to.equal('3');
      const button = shadow(el).querySelector<HTMLButtonElement>('[part~="p60-button"]')!;
      expect(button.textContent?.trim()).to.equal('Download P60 for the 2025 to 2026 tax year (PDF)');
      await expect(el).to.be.accessible();
      const downloaded = oneEvent(el, EsrPayslipDownloadedEvent.eventName);
      button.click();
      const { detail } = await downloaded;
      expect(detail).to.include({ kind: 'p60', filename: 'p60-2025-26.pdf' });
    });

    it('says when there are no P60s yet', async () => {
      useVariant('data');
      worker.use(http.get('*/v1/me/p60s', () => HttpResponse.json({ data: [], hasMore: false, nextCursor: null })));
      const { el } = await renderUntil(html`<esr-payslip .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      await waitUntil(() => text(el).includes('You have no P60s yet'), 'no empty P60 message');
      await expect(el).to.be.accessible();
    });

    it('says when a download failed, keeping the payslip on screen', async () => {
      useVariant('data');
      worker.use(http.get('*/v1/me/payslips/:id/pdf', () => HttpResponse.json({ title: 'Broken', status: 500 }, { status: 500 })));
      const { el } = await renderUntil(html`<esr-payslip hide-picker .client=${client()}></esr-payslip>`, EsrPayslipLoadedEvent);
      const failed = oneEvent(el, EsrErrorEvent.eventName);
      shadow(el).querySelector<HTMLButtonElement>('[part~="download-button"]')!.click();
      await failed;
      await el.updateComplete;
      expect(shadow(el).querySelector('.downloads [role="alert"]')?.textContent).to.equal('We could not download the PDF. Try again.');
      expect(shadow(el).querySelector('.net-pay__amount')?.textContent).to.equal('£2,093.02');
      await expect(el).to.be.accessible();
    });
  });
});
