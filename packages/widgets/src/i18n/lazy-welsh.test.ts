import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { EsrElement } from '../internal/esr-element.ts';
import { LocalizeController } from './localize-controller.ts';
import type { Messages } from './types.ts';

interface TestStrings {
  hello: string;
}

/** A widget whose Welsh table arrives when the test says so, recording every rendered text. */
function widget(tag: string, cy: () => Promise<TestStrings>) {
  const messages: Messages<TestStrings> = { 'en-GB': { hello: 'Hello' }, cy };
  class TestWidget extends EsrElement<TestStrings> {
    protected readonly localize = new LocalizeController(this, messages);
    readonly rendered: string[] = [];
    override render() {
      const text = `${this.localize.t('hello')} / ${this.localize.t('retry')}`;
      this.rendered.push(text);
      return litHtml`<p>${text}</p>`;
    }
  }
  customElements.define(tag, TestWidget);
  return TestWidget;
}

describe('Welsh strings loaded on demand', () => {
  it('renders Welsh, never English first, once the Welsh tables arrive', async () => {
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    widget('x-lazy-welsh', () => arrived.then(() => ({ hello: 'Helo' })));
    const el = await fixture<HTMLElement & { rendered: string[] }>(html`<x-lazy-welsh></x-lazy-welsh>`);
    expect(el.rendered).to.deep.equal(['Hello / Try again']);

    el.setAttribute('lang', 'cy');
    await new Promise((r) => setTimeout(r, 20));
    expect(el.rendered, 'no render while Welsh is on its way').to.have.length(1);
    release();
    await (el as unknown as EsrElement).updateComplete;
    // Both the widget's own table and the common one (Try again → Ceisio eto) are Welsh.
    expect(el.rendered).to.deep.equal(['Hello / Try again', 'Helo / Ceisio eto']);

    el.setAttribute('lang', 'en-GB');
    await new Promise((r) => setTimeout(r)); // the lang observer is a MutationObserver
    await (el as unknown as EsrElement).updateComplete;
    expect(el.rendered.at(-1)).to.equal('Hello / Try again');
  });

  it('stays in English when the Welsh table cannot be fetched', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      widget('x-lazy-welsh-offline', () => Promise.reject(new Error('offline')));
      const el = await fixture<HTMLElement & { rendered: string[] }>(html`<x-lazy-welsh-offline lang="cy"></x-lazy-welsh-offline>`);
      await (el as unknown as EsrElement).updateComplete;
      expect(el.rendered.at(-1)).to.match(/^Hello \//);
    } finally {
      console.warn = warn;
    }
  });
});
