import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createEsrClient, type EsrClient } from '@esr/sdk';
import '../define-all.ts';
import type { EsrPersonalDetails } from './esr-personal-details.ts';
import { EsrPersonalDetailsSavedEvent, EsrPersonalDetailsSaveEvent } from './events.ts';
import { readSection } from './details-form.ts';
import { startWorker, stopWorker, useHandlers, worker, BASE_URL } from '../testing/msw.ts';
import { createPersonalDetailsHandlers, type PersonalDetailsHandlerOptions } from '../testing/personal-details-handlers.ts';
import { expectAccessible } from '../testing/axe.ts';

const client = (): EsrClient => createEsrClient({ baseUrl: BASE_URL, token: 'test-token', retry: 0 });
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector(selector) as T;
const text = (el: Element) => (root(el).textContent ?? '').replace(/\s+/g, ' ');
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

async function render(options: PersonalDetailsHandlerOptions = {}, c = client()) {
  useHandlers(...createPersonalDetailsHandlers(options));
  const el = await fixture<EsrPersonalDetails>(html`<esr-personal-details .client=${c}></esr-personal-details>`);
  if (options.scenario !== 'slow') await settled(el);
  return el;
}

const change = (el: Element, section: string) => $<HTMLButtonElement>(el, `[data-section="${section}"]`);

async function clearAndType(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

describe('personal details rules', () => {
  it('checks addresses, phones and contacts before sending', () => {
    expect(readSection('home', { 'home-line1': '', 'home-town': 'Leeds', 'home-postcode': 'nope' }).errors.map((e) => e.key)).to.deep.equal([
      'detailsErrorLine1',
      'detailsErrorPostcode',
    ]);
    expect(readSection('postal', {}).patch).to.deep.equal({ addresses: { postal: null } });
    expect(readSection('home', { 'home-line1': '1 Park Row', 'home-town': 'Leeds', 'home-postcode': 'ls1  4ap' }).patch?.addresses?.home?.postcode).to.equal('LS1 4AP');
    expect(readSection('contacts', { 'contact-2-name': 'Sam', 'contact-2-relationship': 'Friend', 'contact-2-phone': '07700 900999' }).patch).to.deep.equal({
      emergencyContacts: [{ priority: 1, name: 'Sam', relationship: 'Friend', phone: '07700 900999' }],
    });
  });
});

describe('<esr-personal-details>', () => {
  before(startWorker);
  after(stopWorker);
  afterEach(() => worker.resetHandlers());

  it('loading: busy, announced, accessible', async () => {
    const el = await render({ scenario: 'slow' });
    expect($(el, '[role="status"]').textContent).to.equal('Loading your personal details…');
    expect(matches(el, 'loading')).to.equal(true);
    await expectAccessible(el);
  });

  it('error: a 401 says signed out, and Try again recovers', async () => {
    const el = await render({ scenario: 'unauthorised' });
    expect(text(el)).to.contain('You are signed out');
    expect(matches(el, 'error')).to.equal(true);
    await expectAccessible(el);
    useHandlers(...createPersonalDetailsHandlers());
    $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await waitUntil(() => text(el).includes('Your personal details'), 'did not recover');
  });

  it('empty: says nothing is recorded yet', async () => {
    const el = await render({ scenario: 'empty' });
    expect(text(el)).to.contain('You have not added an address');
    expect(matches(el, 'empty')).to.equal(true);
    await expectAccessible(el);
  });

  it('data: the NHS summary list with a pending name change', async () => {
    const el = await render({ pendingNameChange: true });
    const t = text(el);
    expect(t).to.contain('Ms Amelia Hughes');
    expect(t).to.contain('14 Kingsholm Road');
    expect(t).to.contain('GL1 3AU');
    expect(t).to.contain('Same as home address');
    expect(t).to.contain('07700 900123');
    expect(t).to.contain('Daniel Hughes (Husband), 07700 900456');
    expect($(el, '[part~="pending"]').textContent?.replace(/\s+/g, ' ')).to.contain('Waiting for approval Change to Amelia Rhys, requested 2 November 2026');
    expect(change(el, 'home').textContent?.replace(/\s+/g, ' ').trim()).to.equal('Change Home address');
    await expectAccessible(el);
  });

  it('changes the phone numbers with the keyboard, sending If-Match', async () => {
    const el = await render();
    let ifMatch: string | null = null;
    worker.events.on('request:start', ({ request }) => {
      if (request.method === 'PATCH') ifMatch = request.headers.get('if-match');
    });
    change(el, 'phones').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'phone-mobile', 'first field not focused');
    expect(change(el, 'phones').getAttribute('aria-expanded')).to.equal('true');
    await expectAccessible(el);
    await clearAndType(el, 'phone-home', '01452 528555');
    const saving = oneEvent(el, EsrPersonalDetailsSaveEvent.eventName);
    const saved = oneEvent(el, EsrPersonalDetailsSavedEvent.eventName);
    await sendKeys({ press: 'Enter' });
    expect((await saving).detail.patch).to.deep.equal({ phones: { mobile: '07700 900123', home: '01452 528555', work: '01632 960210' } });
    const event = await saved;
    worker.events.removeAllListeners();
    expect(ifMatch).to.equal('"v1"');
    expect(event.detail.details?.phones.home).to.equal('01452 528555');
    await waitUntil(() => active(el) === change(el, 'phones'), 'focus not returned to Change');
    expect(text(el)).to.contain('01452 528555');
    expect($(el, '[role="status"]').textContent).to.equal('Phone numbers saved.');
  });

  it('validates with the NHS error summary and links to each field', async () => {
    const el = await render();
    change(el, 'home').click();
    await waitUntil(() => active(el)?.id === 'home-line1', 'form not open');
    await clearAndType(el, 'home-line1', '');
    await clearAndType(el, 'home-postcode', 'GL1');
    $<HTMLButtonElement>(el, '[part~="save-button"]').click();
    await waitUntil(() => active(el) === $(el, '.error-summary'), 'summary not focused');
    const links = [...root(el).querySelectorAll('.error-summary a')].map((a) => a.textContent);
    expect(links).to.deep.equal(['Enter address line 1', 'Enter a real postcode, like LS1 4AP']);
    expect($(el, '#home-postcode').getAttribute('aria-describedby')).to.equal('home-postcode-error');
    await expectAccessible(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(active(el)?.id).to.equal('home-postcode');
  });

  it('never overwrites a change made elsewhere (412): shows the latest and asks again', async () => {
    useHandlers(...createPersonalDetailsHandlers());
    const mine = client();
    const el = await fixture<EsrPersonalDetails>(html`<esr-personal-details .client=${mine}></esr-personal-details>`);
    await settled(el);
    // Another tab (another client) changes the record first.
    const other = client();
    await other.people.personalDetails('me');
    await other.people.updatePersonalDetails('me', { preferredName: 'Millie' });

    change(el, 'phones').click();
    await waitUntil(() => active(el)?.id === 'phone-mobile', 'form not open');
    await clearAndType(el, 'phone-mobile', '07700 900999');
    const failed = oneEvent(el, 'esr-error');
    $<HTMLButtonElement>(el, '[part~="save-button"]').click();
    expect(((await failed).detail.error as { status: number }).status).to.equal(412);
    await waitUntil(() => $(el, '.error-summary')?.textContent?.includes('changed somewhere else'), 'no message');
    expect(text(el)).to.contain('Millie');
    expect($<HTMLInputElement>(el, '#phone-mobile').value).to.equal('07700 900999');
    const saved = oneEvent(el, EsrPersonalDetailsSavedEvent.eventName);
    $<HTMLButtonElement>(el, '[part~="save-button"]').click();
    expect((await saved).detail.details?.phones.mobile).to.equal('07700 900999');
  });

  it('sends a name change for approval and shows it as pending', async () => {
    const el = await render();
    change(el, 'name').click();
    await waitUntil(() => active(el)?.id === 'name-title', 'form not open');
    $<HTMLButtonElement>(el, '[part~="save-button"]').click();
    await waitUntil(() => $(el, '.error-summary'), 'no summary');
    expect([...root(el).querySelectorAll('.error-summary a')].map((a) => a.textContent)).to.deep.equal(['Select why your name is changing']);
    await clearAndType(el, 'name-last', 'Rhys');
    $<HTMLInputElement>(el, '#name-reason-marriage').click();
    const saved = oneEvent(el, EsrPersonalDetailsSavedEvent.eventName);
    $<HTMLButtonElement>(el, '[part~="save-button"]').click();
    const event = await saved;
    expect(event.detail.nameChange?.status).to.equal('pending');
    await waitUntil(() => $(el, '[part~="pending"]'), 'no pending notice');
    expect(text(el)).to.contain('Ms Amelia Hughes'); // unchanged until HR approve
    expect($(el, '[part~="pending"]').textContent).to.contain('Change to Ms Amelia Rhys');
    expect($(el, '[role="status"]').textContent).to.equal('Your name change to Ms Amelia Rhys has been sent to HR to approve.');
    await expectAccessible(el);
  });

  it('speaks Welsh', async () => {
    useHandlers(...createPersonalDetailsHandlers({ pendingNameChange: true }));
    const el = await fixture<EsrPersonalDetails>(html`<esr-personal-details lang="cy" .client=${client()}></esr-personal-details>`);
    await settled(el);
    expect(text(el)).to.contain('Eich manylion personol');
    expect(text(el)).to.contain('Yn aros am gymeradwyaeth');
    expect(text(el)).to.contain('Tachwedd 2026');
    await expectAccessible(el);
  });
});
