import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createEsrClient } from '@esr/sdk';
import { payslipFixture } from '@esr/sdk/testing';
import '../define-all.ts';
import type { EsrProvider } from './esr-provider.ts';
import type { EsrPayslip } from '../payslip/esr-payslip.ts';
import { EsrPayslipLoadedEvent } from '../payslip/events.ts';
import { toCustomProperty } from './appearance.ts';
import { BASE_URL, startWorker, stopWorker, useVariant, worker } from '../testing/msw.ts';

const client = (token = 'test-token') => createEsrClient({ baseUrl: BASE_URL, token, retry: 0 });

describe('<esr-provider>', () => {
  before(startWorker);
  after(stopWorker);
  afterEach(() => worker.resetHandlers());

  it('passes its client down to widgets, however deep', async () => {
    useVariant('data');
    // Listen before rendering so a fast mocked response cannot beat the listener.
    const firstLoad = oneEvent(document, EsrPayslipLoadedEvent.eventName);
    const provider = await fixture<EsrProvider>(
      html`<esr-provider .client=${client()}><section><div><esr-payslip></esr-payslip></div></section></esr-provider>`,
    );
    const el = provider.querySelector('esr-payslip')!;
    await firstLoad;
    expect(el.shadowRoot!.querySelector('.net-pay__amount')?.textContent).to.equal('£2,093.02');
    await expect(provider).to.be.accessible();
  });

  it('builds a client from base-url and token, sending the bearer token', async () => {
    useVariant('data');
    let authorization: string | null = null;
    worker.use(
      http.get('*/v1/me/payslips/latest', ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json(payslipFixture);
      }),
    );
    // Listen before rendering so a fast mocked response cannot beat the listener.
    const firstLoad = oneEvent(document, EsrPayslipLoadedEvent.eventName);
    const provider = await fixture<EsrProvider>(
      html`<esr-provider base-url=${BASE_URL} token="abc.def.ghi"><esr-payslip hide-picker></esr-payslip></esr-provider>`,
    );
    await firstLoad;
    expect(authorization).to.equal('Bearer abc.def.ghi');
    expect(provider.activeClient).to.not.equal(undefined);
  });

  it("lets a widget's own client win over the provider's", async () => {
    useVariant('data');
    const seen: string[] = [];
    worker.use(
      http.get('*/v1/me/payslips/latest', ({ request }) => {
        seen.push(request.headers.get('authorization') ?? '');
        return HttpResponse.json(payslipFixture);
      }),
    );
    // Listen before rendering so a fast mocked response cannot beat the listener.
    const firstLoad = oneEvent(document, EsrPayslipLoadedEvent.eventName);
    const provider = await fixture<EsrProvider>(
      html`<esr-provider .client=${client('provider')}><esr-payslip hide-picker .client=${client('own')}></esr-payslip></esr-provider>`,
    );
    await firstLoad;
    expect(seen).to.deep.equal(['Bearer own']);
  });

  it('switches every widget to a new client', async () => {
    useVariant('data');
    // Listen before rendering so a fast mocked response cannot beat the listener.
    const firstLoad = oneEvent(document, EsrPayslipLoadedEvent.eventName);
    const provider = await fixture<EsrProvider>(
      html`<esr-provider .client=${client()}><esr-payslip hide-picker></esr-payslip></esr-provider>`,
    );
    const el = provider.querySelector('esr-payslip')!;
    await firstLoad;
    const again = oneEvent(el, EsrPayslipLoadedEvent.eventName);
    provider.client = client('second');
    await again;
  });

  it('maps appearance variables onto --esr-* custom properties, and updates them at runtime', async () => {
    useVariant('data');
    // Listen before rendering so a fast mocked response cannot beat the listener.
    const firstLoad = oneEvent(document, EsrPayslipLoadedEvent.eventName);
    const provider = await fixture<EsrProvider>(
      html`<esr-provider .client=${client()} .appearance=${{ variables: { colorBrand: '#330072', space4: '20px' } }}>
        <esr-payslip hide-picker></esr-payslip>
      </esr-provider>`,
    );
    expect(toCustomProperty('colorTextSecondary')).to.equal('--esr-color-text-secondary');
    expect(provider.style.getPropertyValue('--esr-color-brand')).to.equal('#330072');
    expect(provider.style.getPropertyValue('--esr-space-4')).to.equal('20px');
    const el = provider.querySelector<EsrPayslip>('esr-payslip')!;
    await firstLoad;
    const netPay = el.shadowRoot!.querySelector('.net-pay')!;
    expect(getComputedStyle(netPay).borderLeftColor).to.equal('rgb(51, 0, 114)');

    provider.appearance = { variables: { colorBrand: '#005eb8' } };
    await provider.updateComplete;
    expect(provider.style.getPropertyValue('--esr-space-4')).to.equal('');
    expect(getComputedStyle(netPay).borderLeftColor).to.equal('rgb(0, 94, 184)');
  });

  it('hands its locale to the widgets', async () => {
    useVariant('data');
    // Listen before rendering so a fast mocked response cannot beat the listener.
    const firstLoad = oneEvent(document, EsrPayslipLoadedEvent.eventName);
    const provider = await fixture<EsrProvider>(
      html`<esr-provider locale="cy" .client=${client()}><esr-payslip hide-picker></esr-payslip></esr-provider>`,
    );
    const el = provider.querySelector('esr-payslip')!;
    await firstLoad;
    expect(el.shadowRoot!.textContent).to.contain('Cyflog net');
    await expect(provider).to.be.accessible();
  });

  it('adds no box of its own', async () => {
    const provider = await fixture<EsrProvider>(html`<esr-provider></esr-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
  });
});
