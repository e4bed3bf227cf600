import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createEsrClient, type EsrClient } from '@esr/sdk';
import { createLearningHandlers, teamComplianceFixtures, type LearningScenario } from '@esr/sdk/testing';
import '../define-all.ts';
import type { EsrTrainingCompliance } from './esr-training-compliance.ts';
import { EsrTrainingComplianceLoadedEvent } from './events.ts';
import { EsrErrorEvent } from '../events/esr-error.ts';
import { startWorker, stopWorker, worker, BASE_URL } from '../testing/msw.ts';

const client = (): EsrClient => createEsrClient({ baseUrl: BASE_URL, token: 'test-token', retry: 0 });
const shadow = (el: EsrTrainingCompliance) => el.shadowRoot!;
const text = (el: Element) => (el.shadowRoot?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ');
const rows = (el: EsrTrainingCompliance) =>
  [...shadow(el).querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
const use = (scenario: LearningScenario) => {
  worker.resetHandlers();
  worker.use(...(createLearningHandlers({ scenario }) as unknown as Parameters<typeof worker.use>));
};
const matches = (el: Element, state: string) => {
  try {
    return el.matches(`:state(${state})`);
  } catch {
    return false;
  }
};

async function renderUntil<E extends typeof EsrTrainingComplianceLoadedEvent | typeof EsrErrorEvent>(
  template: Parameters<typeof fixture>[0],
  eventClass: E,
): Promise<{ el: EsrTrainingCompliance; event: InstanceType<E> }> {
  const next = oneEvent(document, eventClass.eventName) as Promise<InstanceType<E>>;
  const el = await fixture<EsrTrainingCompliance>(template);
  return { el, event: await next };
}

describe('<esr-training-compliance>', () => {
  before(startWorker);
  after(stopWorker);
  afterEach(() => worker.resetHandlers());

  it('person: red first, then amber, green and not required, each in words and symbol with renewal dates', async () => {
    use('data');
    const { el, event } = await renderUntil(html`<esr-training-compliance .client=${client()}></esr-training-compliance>`, EsrTrainingComplianceLoadedEvent);
    expect(event.detail.view).to.equal('person');
    expect(text(el)).to.contain('90% compliant: 9 of 10 required subjects in date');
    expect(text(el)).to.contain('1 need action, 1 expire soon');
    expect(shadow(el).querySelector('caption')?.textContent?.trim()).to.equal('Training as of 25 November 2026');
    const r = rows(el);
    expect(r[0]).to.deep.equal(['Preventing Radicalisation', '✗ Expired', '1', '10 October 2023', '9 October 2026 47 days ago', '3 years']);
    expect(r[1]).to.deep.equal(['Information Governance and Data Security', '! Expires soon', '1', '8 December 2025', '7 December 2026 in 12 days', '1 year']);
    expect(r.at(-1)).to.deep.equal(['Safeguarding Children', '– Not required', '1', '25 July 2026', '24 July 2029', '3 years']);
    // Status is never colour alone: each tag has its own word and symbol, and not required is styled apart.
    const tags = [...shadow(el).querySelectorAll('.tag')];
    expect(new Set(tags.map((t) => t.textContent!.trim())).size).to.equal(4);
    const nr = shadow(el).querySelector('.tag--not_required')!;
    expect(getComputedStyle(nr).borderStyle).to.equal('dashed');
    expect(['loading', 'empty', 'error'].some((s) => matches(el, s))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('team: one row per person, one column per subject, the scrollable matrix reachable by keyboard', async () => {
    use('data');
    const { el } = await renderUntil(html`<esr-training-compliance view="team" .client=${client()}></esr-training-compliance>`, EsrTrainingComplianceLoadedEvent);
    expect(shadow(el).querySelector('[role="heading"]')?.textContent?.trim()).to.equal('Your team’s statutory and mandatory training');
    expect(rows(el)).to.have.length(7);
    expect(shadow(el).querySelectorAll('thead th')).to.have.length(12);
    expect(rows(el)[0]![0]).to.equal('Sarah Smith Administrator');
    const scroller = shadow(el).querySelector<HTMLElement>('.scroll')!;
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(scroller);
    await expect(el).to.be.accessible();
  });

  it('team: someone without a subject shows it as not required', async () => {
    worker.resetHandlers();
    const team = [
      { employeeId: 'emp_1', name: 'A Person', jobTitle: 'Porter', staffGroup: 'Estates and Ancillary', orgUnitId: 'ou_1', summary: { required: 1, compliant: 1, expiring: 0, nonCompliant: 0, compliancePercent: 100 },
        subjects: [{ family: 'fire_safety', name: 'Fire Safety', subjectCode: 'fire_safety', requiredLevel: 1, heldLevel: 1, status: 'green' as const, completedOn: '2026-01-01', expiresOn: '2027-12-31', daysToExpiry: 400, renewalMonths: 24 }] },
      { employeeId: 'emp_2', name: 'B Person', jobTitle: 'Nurse', staffGroup: 'Nursing', orgUnitId: 'ou_1', summary: { required: 0, compliant: 0, expiring: 0, nonCompliant: 0, compliancePercent: null }, subjects: [] },
    ];
    worker.use(...(createLearningHandlers({ team }) as unknown as Parameters<typeof worker.use>));
    const { el } = await renderUntil(html`<esr-training-compliance view="team" .client=${client()}></esr-training-compliance>`, EsrTrainingComplianceLoadedEvent);
    expect(rows(el)[1]).to.deep.equal(['B Person Nurse', '– Not required']);
  });

  it('team: a large team is built a chunk of rows per frame, every person in the end', async () => {
    worker.resetHandlers();
    const team = Array.from({ length: 150 }, (_, i) => ({ ...teamComplianceFixtures[i % teamComplianceFixtures.length]!, employeeId: `emp_${i}`, name: `Person ${i}` }));
    worker.use(...(createLearningHandlers({ team }) as unknown as Parameters<typeof worker.use>));
    const { el } = await renderUntil(html`<esr-training-compliance view="team" .client=${client()}></esr-training-compliance>`, EsrTrainingComplianceLoadedEvent);
    expect(rows(el).length).to.be.lessThan(150);
    await waitUntil(() => rows(el).length === 150, 'the team never completed', { timeout: 8000 });
    expect(rows(el)[149]![0]).to.equal(`Person 149 ${teamComplianceFixtures[149 % teamComplianceFixtures.length]!.jobTitle}`);
  });

  it('Welsh', async () => {
    use('data');
    const { el } = await renderUntil(html`<esr-training-compliance lang="cy" .client=${client()}></esr-training-compliance>`, EsrTrainingComplianceLoadedEvent);
    expect(text(el)).to.contain('Hyfforddiant statudol a gorfodol');
    expect(rows(el)[0]![1]).to.equal('✗ Wedi dod i ben');
    expect(rows(el)[0]![4]).to.equal('9 Hydref 2026 47 diwrnod yn ôl');
    await expect(el).to.be.accessible();
  });

  it('loading state', async () => {
    use('slow');
    const loading = await fixture<EsrTrainingCompliance>(html`<esr-training-compliance .client=${client()}></esr-training-compliance>`);
    expect(shadow(loading).querySelector('[role="status"]')?.textContent).to.equal('Loading training records…');
    expect(matches(loading, 'loading')).to.equal(true);
    await expect(loading).to.be.accessible();
  });

  it('empty and forbidden states', async () => {
    use('empty');
    const { el: empty } = await renderUntil(html`<esr-training-compliance .client=${client()}></esr-training-compliance>`, EsrTrainingComplianceLoadedEvent);
    expect(text(empty)).to.contain('No statutory or mandatory training is required');
    expect(matches(empty, 'empty')).to.equal(true);
    await expect(empty).to.be.accessible();

    use('forbidden');
    const { el: forbidden } = await renderUntil(html`<esr-training-compliance view="team" .client=${client()}></esr-training-compliance>`, EsrErrorEvent);
    expect(text(forbidden)).to.contain('You do not have permission to see these training records');
    await expect(forbidden).to.be.accessible();
  });

  it('error: Try again with the keyboard recovers', async () => {
    use('error');
    const { el } = await renderUntil(html`<esr-training-compliance .client=${client()}></esr-training-compliance>`, EsrErrorEvent);
    expect(text(el)).to.contain('Sorry, there is a problem with ESR');
    expect(matches(el, 'error')).to.equal(true);
    await expect(el).to.be.accessible();
    use('data');
    const loaded = oneEvent(el, EsrTrainingComplianceLoadedEvent.eventName);
    shadow(el).querySelector<HTMLElement>('[part~="retry-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await loaded;
    expect(text(el)).to.contain('90% compliant');
  });
});
