// Its own test file, so its own page: here `<esr-provider>` is defined only after the widget has
// upgraded, as happens when per-widget define entries load out of order.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createEsrClient } from '@esr/sdk';
import '../payslip/define.ts';
import { EsrPayslipLoadedEvent } from '../payslip/events.ts';
import { BASE_URL, startWorker, stopWorker, useVariant } from '../testing/msw.ts';

describe('<esr-provider> defined after the widgets', () => {
  before(startWorker);
  after(stopWorker);

  it('still hands the client down once it is defined', async () => {
    useVariant('data');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><esr-provider><esr-payslip hide-picker></esr-payslip></esr-provider></div>`,
    );
    const provider = wrapper.querySelector('esr-provider')!;
    const el = wrapper.querySelector('esr-payslip')!;
    expect(customElements.get('esr-provider')).to.equal(undefined);
    // Until the provider exists the widget waits (loading), rather than claiming it has no client.
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Loading your payslip');

    (provider as HTMLElement & { client?: unknown }).client = createEsrClient({ baseUrl: BASE_URL, token: 't', retry: 0 });
    const loaded = oneEvent(el, EsrPayslipLoadedEvent.eventName);
    await import('./define.ts');
    await loaded;
    expect(el.shadowRoot!.querySelector('.net-pay__amount')?.textContent).to.equal('£2,093.02');
  });
});
