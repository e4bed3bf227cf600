import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ChunkedRows } from './chunked-rows.ts';

class ChunkedList extends LitElement {
  static override properties = { items: { attribute: false } };
  items: number[] = [];
  readonly rows = new ChunkedRows(this, () => this.items.length);
  override render() {
    return litHtml`<ul>${repeat(this.items.slice(0, this.rows.count), (i) => i, (i) => litHtml`<li>${i}</li>`)}</ul>`;
  }
}
customElements.define('test-chunked-list', ChunkedList);

const shown = (el: ChunkedList) => el.shadowRoot!.querySelectorAll('li').length;
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

describe('ChunkedRows', () => {
  it('renders a screenful first, then the rest a chunk per frame until every row is in', async () => {
    const el = await fixture<ChunkedList>(html`<test-chunked-list .items=${Array.from({ length: 2000 }, (_, i) => i)}></test-chunked-list>`);
    const first = shown(el);
    expect(first).to.be.greaterThan(0).and.lessThan(2000);
    await frame();
    expect(shown(el)).to.be.greaterThan(first);
    await waitUntil(() => shown(el) === 2000, 'the list never completed', { timeout: 8000 });
  });

  it('show(n) renders the first n rows in the next update (a row about to be focused)', async () => {
    const el = await fixture<ChunkedList>(html`<test-chunked-list .items=${Array.from({ length: 2000 }, (_, i) => i)}></test-chunked-list>`);
    el.rows.show(1500);
    await el.updateComplete;
    expect(shown(el)).to.be.at.least(1500);
  });

  it('reset() starts a replaced list from its first rows; a disconnected host stops growing', async () => {
    const el = await fixture<ChunkedList>(html`<test-chunked-list .items=${Array.from({ length: 300 }, (_, i) => i)}></test-chunked-list>`);
    await waitUntil(() => shown(el) === 300, 'the list never completed', { timeout: 8000 });
    el.items = Array.from({ length: 3000 }, (_, i) => -i);
    el.rows.reset();
    await el.updateComplete;
    expect(shown(el)).to.be.lessThan(300);
    el.remove();
    const atRemoval = shown(el);
    await frame();
    await frame();
    expect(shown(el)).to.equal(atRemoval);
  });
});
