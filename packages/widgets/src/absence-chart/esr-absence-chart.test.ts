import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createEsrClient, type EsrClient } from '@esr/sdk';
import { absenceAsOf, createAbsenceHandlers, type AbsenceScenario } from '@esr/sdk/testing';
import '../define-all.ts';
import type { EsrAbsenceChart } from './esr-absence-chart.ts';
import { EsrAbsenceChartLoadedEvent } from './events.ts';
import { EsrErrorEvent } from '../events/esr-error.ts';
import { startWorker, stopWorker, worker, BASE_URL } from '../testing/msw.ts';
import { addMonths, niceMax, summariseRates, twelveMonthsTo } from './absence-data.ts';

const client = (): EsrClient => createEsrClient({ baseUrl: BASE_URL, token: 'test-token', retry: 0 });
const shadow = (el: EsrAbsenceChart) => el.shadowRoot!;
const text = (el: EsrAbsenceChart) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
const points = (el: EsrAbsenceChart) => [...shadow(el).querySelectorAll<SVGElement>('.chart__point')];
const use = (scenario: AbsenceScenario) => {
  worker.resetHandlers();
  worker.use(...(createAbsenceHandlers({ scenario }) as unknown as Parameters<typeof worker.use>));
};
const matches = (el: Element, state: string) => {
  try {
    return el.matches(`:state(${state})`);
  } catch {
    return false;
  }
};

async function renderUntil<E extends typeof EsrAbsenceChartLoadedEvent | typeof EsrErrorEvent>(
  template: Parameters<typeof fixture>[0],
  eventClass: E,
): Promise<{ el: EsrAbsenceChart; event: InstanceType<E> }> {
  const next = oneEvent(document, eventClass.eventName) as Promise<InstanceType<E>>;
  const el = await fixture<EsrAbsenceChart>(template);
  return { el, event: await next };
}

describe('absence-data', () => {
  it('works out the 12 months to a date and round axis maxima', () => {
    expect(twelveMonthsTo('2026-11-25')).to.deep.include({ fromMonth: '2025-12', fromDate: '2025-12-01' });
    expect(twelveMonthsTo('2026-11-25').months.at(-1)).to.equal('2026-11');
    expect(addMonths('2026-01', -1)).to.equal('2025-12');
    expect([niceMax(0), niceMax(3), niceMax(7), niceMax(12), niceMax(0.3)]).to.deep.equal([1, 5, 10, 20, 0.5]);
  });

  it('sums groups into one rate per month, counting availability once per group and month', () => {
    const row = (groupId: string, reason: string, lost: number) => ({
      groupId, groupName: groupId, month: '2026-01', reason, reasonName: reason.toUpperCase(), fteDaysAvailable: 100, fteDaysLost: lost, ratePercent: lost,
    });
    const { months, reasons } = summariseRates([row('a', 's10', 3), row('a', 's13', 1), row('b', 's13', 4)], ['2026-01', '2026-02']);
    expect(months[0]).to.deep.equal({ month: '2026-01', fteDaysAvailable: 200, fteDaysLost: 8, ratePercent: 4, topReason: 's13' });
    expect(months[1]!.ratePercent).to.equal(null);
    expect(reasons.map((r) => [r.reason, r.sharePercent])).to.deep.equal([['s13', 62.5], ['s10', 37.5]]);
  });
});

describe('<esr-absence-chart>', () => {
  before(startWorker);
  after(stopWorker);
  afterEach(() => worker.resetHandlers());

  describe('person view', () => {
    it('shows the Bradford factor, a month per bar and the spells of sickness', async () => {
      use('data');
      const { el, event } = await renderUntil(html`<esr-absence-chart as-of=${absenceAsOf} .client=${client()}></esr-absence-chart>`, EsrAbsenceChartLoadedEvent);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.view).to.equal('person');
      const t = text(el);
      expect(shadow(el).querySelector('[role="heading"]')?.textContent?.trim()).to.equal('Sickness absence');
      // 3 spells in the 52 weeks; 1 + 5 + 1 working days (Sun 28 Dec – Thu 1 Jan: 4; 15–21 Sep: 5; Fri 13 Nov: 1)
      expect(event.detail.view === 'person' && event.detail.bradford).to.deep.include({ spells: 3, days: 10, score: 90 });
      expect(t).to.contain('3 spells × 3 spells × 10 working days = 90');
      expect(t).to.contain('Over the 52 weeks from 27 November 2025 to 25 November 2026.');
      expect(points(el)).to.have.length(12);
      expect(points(el)[9]!.getAttribute('aria-label')).to.equal('September 2026: 5 working days lost (Back problems)');
      expect(points(el)[0]!.getAttribute('aria-label')).to.equal('December 2025: 3 working days lost (Gastrointestinal problems)');
      expect(points(el)[2]!.getAttribute('aria-label')).to.equal('February 2026: 0 working days lost');
      const captions = [...shadow(el).querySelectorAll('caption')].map((c) => c.textContent?.trim());
      expect(captions).to.deep.equal([
        'Working days lost to sickness each month, December 2025 to November 2026',
        'Spells of sickness, December 2025 to November 2026',
      ]);
      expect(t).to.contain('Gastrointestinal problems: Diarrhoea and vomiting');
      expect(t).to.contain('28 December 2025');
      expect(['loading', 'empty', 'error'].some((s) => matches(el, s))).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('moves between months with the arrow keys, Home and End, one tab stop for the whole chart', async () => {
      use('data');
      const { el } = await renderUntil(html`<esr-absence-chart as-of=${absenceAsOf} .client=${client()}></esr-absence-chart>`, EsrAbsenceChartLoadedEvent);
      expect(points(el).filter((p) => p.getAttribute('tabindex') === '0')).to.have.length(1);
      shadow(el).querySelector<HTMLElement>('summary')!.focus();
      // Shift+Tab from the table toggle lands on the chart's one tab stop: the first month.
      await sendKeys({ press: 'Shift+Tab' });
      expect(shadow(el).activeElement).to.equal(points(el)[0]);
      const readout = () => shadow(el).querySelector('.chart__readout')?.textContent?.trim();
      await waitUntil(() => readout()?.startsWith('December 2025'));
      await sendKeys({ press: 'End' });
      await waitUntil(() => shadow(el).activeElement === points(el)[11]);
      expect(readout()).to.equal('November 2026: 1 working day lost (Other known causes - not elsewhere classified)');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => shadow(el).activeElement === points(el)[9]);
      expect(readout()).to.equal('September 2026: 5 working days lost (Back problems)');
      expect(points(el)[9]!.getAttribute('tabindex')).to.equal('0');
      expect(points(el)[0]!.getAttribute('tabindex')).to.equal('-1');
      await sendKeys({ press: 'Home' });
      await waitUntil(() => shadow(el).activeElement === points(el)[0]);
      await expect(el).to.be.accessible();
    });

    it('opens the data table with the keyboard', async () => {
      use('data');
      const { el } = await renderUntil(html`<esr-absence-chart as-of=${absenceAsOf} .client=${client()}></esr-absence-chart>`, EsrAbsenceChartLoadedEvent);
      const details = shadow(el).querySelector('details')!;
      shadow(el).querySelector<HTMLElement>('summary')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => details.open);
      // innerText, as rendered (cells apart): the build drops the whitespace between cells in the markup.
      const rows = [...details.querySelectorAll<HTMLElement>('tbody tr')].map((r) => r.innerText.replace(/\s+/g, ' ').trim());
      expect(rows).to.have.length(12);
      expect(rows[9]).to.equal('September 2026 5 Back problems');
      expect(rows[2]).to.equal('February 2026 0 None');
      await expect(el).to.be.accessible();
    });

    it('redraws to fit a narrow container', async () => {
      use('data');
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"></div>`);
      const next = oneEvent(document, EsrAbsenceChartLoadedEvent.eventName);
      const el = document.createElement('esr-absence-chart');
      el.asOf = absenceAsOf;
      el.client = client();
      wrapper.append(el);
      await next;
      const viewBox = () => shadow(el).querySelector('svg')!.getAttribute('viewBox');
      await waitUntil(() => viewBox()?.startsWith('0 0 320 '), `viewBox was ${viewBox()}`);
      wrapper.style.width = '700px';
      await waitUntil(() => viewBox()?.startsWith('0 0 700 '), `viewBox was ${viewBox()}`);
      el.remove();
    });

    it('speaks Welsh', async () => {
      use('data');
      const { el } = await renderUntil(html`<esr-absence-chart lang="cy" as-of=${absenceAsOf} .client=${client()}></esr-absence-chart>`, EsrAbsenceChartLoadedEvent);
      const t = text(el);
      expect(t).to.contain('Absenoldeb salwch');
      expect(t).to.contain('Ffactor Bradford');
      expect(points(el)[9]!.getAttribute('aria-label')).to.equal('Medi 2026: collwyd 5 diwrnod gwaith (Back problems)');
      expect([...shadow(el).querySelectorAll('.chart__label')].map((x) => x.textContent)).to.include('Medi');
      expect(shadow(el).querySelector('.root')?.getAttribute('lang')).to.equal('cy');
      await expect(el).to.be.accessible();
    });
  });

  describe('organisation view', () => {
    it('shows the monthly absence rate and its reasons', async () => {
      use('data');
      const { el, event } = await renderUntil(
        html`<esr-absence-chart view="organisation" as-of=${absenceAsOf} .client=${client()}></esr-absence-chart>`,
        EsrAbsenceChartLoadedEvent,
      );
      expect(event.detail.view).to.equal('organisation');
      expect(shadow(el).querySelector('[role="heading"]')?.textContent?.trim()).to.equal('Sickness absence rate');
      expect(points(el)).to.have.length(12);
      const first = event.detail.months[0] as { ratePercent: number; fteDaysLost: number; fteDaysAvailable: number };
      // 3 units' FTE days available summed once each, lost summed over every reason.
      expect(first.fteDaysAvailable).to.equal(3337.8);
      expect(first.ratePercent).to.equal(Math.round((first.fteDaysLost / first.fteDaysAvailable) * 10000) / 100);
      expect(points(el)[0]!.getAttribute('aria-label')).to.match(/^December 2025: \d+(\.\d)?% of FTE days lost, most often /);
      const reasonsCaption = shadow(el).querySelector('[part~="reasons"] caption')?.textContent?.trim();
      expect(reasonsCaption).to.equal('Reasons for sickness absence, December 2025 to November 2026');
      expect(shadow(el).querySelectorAll('[part~="reasons"] tbody tr')).to.have.length(5);
      await expect(el).to.be.accessible();
    });

    it('explains a 403 to someone who is not an HR administrator', async () => {
      use('forbidden');
      const { el } = await renderUntil(html`<esr-absence-chart view="organisation" .client=${client()}></esr-absence-chart>`, EsrErrorEvent);
      expect(text(el)).to.contain('You do not have permission to see these absence figures');
      expect(text(el)).to.contain('Reference: req_mock0000000001');
      await expect(el).to.be.accessible();
    });

    it('says so when there is nothing to show', async () => {
      use('empty');
      const { el } = await renderUntil(html`<esr-absence-chart view="organisation" .client=${client()}></esr-absence-chart>`, EsrAbsenceChartLoadedEvent);
      expect(text(el)).to.contain('No absence figures for these 12 months');
      expect(matches(el, 'empty')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('loading: busy, announced, :state(loading)', async () => {
      use('slow');
      const el = await fixture<EsrAbsenceChart>(html`<esr-absence-chart .client=${client()}></esr-absence-chart>`);
      expect(shadow(el).querySelector('[part~="state"]')?.getAttribute('aria-busy')).to.equal('true');
      expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('Loading absence figures…');
      expect(matches(el, 'loading')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('empty: no sickness in the last 12 months', async () => {
      use('empty');
      const { el } = await renderUntil(html`<esr-absence-chart as-of=${absenceAsOf} .client=${client()}></esr-absence-chart>`, EsrAbsenceChartLoadedEvent);
      expect(text(el)).to.contain('No sickness absence in the last 12 months');
      expect(matches(el, 'empty')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('error: names the problem, quotes the reference, and Try again recovers with focus kept in the widget', async () => {
      use('error');
      const { el } = await renderUntil(html`<esr-absence-chart as-of=${absenceAsOf} .client=${client()}></esr-absence-chart>`, EsrErrorEvent);
      expect(text(el)).to.contain('Sorry, there is a problem with ESR');
      expect(matches(el, 'error')).to.equal(true);
      await expect(el).to.be.accessible();
      use('data');
      const loaded = oneEvent(el, EsrAbsenceChartLoadedEvent.eventName);
      shadow(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await loaded;
      expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('.state'));
      expect(text(el)).to.contain('Bradford factor');
    });

    it('signed out and offline use the shared words', async () => {
      use('unauthorised');
      const { el } = await renderUntil(html`<esr-absence-chart .client=${client()}></esr-absence-chart>`, EsrErrorEvent);
      expect(text(el)).to.contain('You are signed out');
      expect(text(el)).to.contain('Sign in again to continue.');
      use('offline');
      const errored = oneEvent(el, EsrErrorEvent.eventName);
      void el.reload();
      await errored;
      expect(text(el)).to.contain('We could not connect to ESR');
    });

    it('without a client says the chart is not connected', async () => {
      const { el } = await renderUntil(html`<esr-absence-chart></esr-absence-chart>`, EsrErrorEvent);
      expect(text(el)).to.contain('This page is not connected to ESR');
      expect(shadow(el).querySelector('[part~="retry-button"]')).to.equal(null);
    });

    it('finds its client through <esr-provider>', async () => {
      use('data');
      const provider = await fixture(html`<esr-provider .client=${client()}></esr-provider>`);
      const loaded = oneEvent(document, EsrAbsenceChartLoadedEvent.eventName);
      const el = document.createElement('esr-absence-chart');
      el.asOf = absenceAsOf;
      provider.append(el);
      await loaded;
      expect(text(el)).to.contain('Bradford factor');
    });
  });
});
