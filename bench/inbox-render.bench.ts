// <esr-approval-inbox> with N pending requests (default 1,000) in headless Chromium, built as it ships
// (the widgets' Vite config: production Lit, template and JS minifier): time until the first rows show,
// until every row is in the DOM, and the long tasks on the main thread meanwhile (goal: none over 50 ms,
// the RAIL budget for staying responsive to input). Baseline in the same run: a minimal Lit element
// rendering the same number of rows in one go. Median and worst over several runs, wall clock and
// main-thread CPU. Figures only.
// node bench/inbox-render.bench.ts [items=1000] [repeats=5]
import { buildPage, repeatRuns, report, withChromium } from './render-page.ts';

const items = Number(process.argv[2] ?? 1000);
const repeats = Number(process.argv[3] ?? 5);

// The page gets the real widget and SDK; only fetch is faked (answers from memory, no network), so the
// figures are the widget's own rendering cost.
const pageScript = `
import './src/define-all.ts';
import { createEsrClient } from '@esr/sdk';
import { leaveApproval } from './src/testing/approval-fixtures.ts';
import { LitElement, html } from 'lit';

const all = Array.from({ length: ${items} }, (_, i) => leaveApproval(i));
const fakeFetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const start = Number(url.searchParams.get('cursor') ?? 0);
  const data = url.pathname.endsWith('/approvals') ? all.slice(start, start + limit) : [];
  const hasMore = start + limit < all.length;
  return new Response(JSON.stringify({ data, hasMore, nextCursor: hasMore ? String(start + limit) : null }), { headers: { 'content-type': 'application/json' } });
};

class PlainList extends LitElement {
  static properties = { rows: { attribute: false } };
  render() {
    return html\`<ul>\${(this.rows ?? []).map((r) => html\`<li tabindex="-1"><span>\${r.summary}</span><span>\${r.payload.startDate}</span><span>Waiting</span></li>\`)}</ul>\`;
  }
}
customElements.define('plain-list', PlainList);

window.runInbox = () => new Promise((resolve) => {
  const t0 = window.startRun();
  let first = 0;
  const el = document.createElement('esr-approval-inbox');
  el.setAttribute('poll-interval', '0');
  el.client = createEsrClient({ baseUrl: 'https://esr.example', token: 't', fetch: fakeFetch, retry: 0 });
  document.body.append(el);
  const tick = () => {
    const n = el.shadowRoot?.querySelectorAll('[role=option]').length ?? 0;
    if (n && !first) first = performance.now() - t0;
    if (n >= ${items}) resolve(window.endRun({ first, all: performance.now() - t0 }));
    else requestAnimationFrame(tick);
  };
  tick();
});

window.runPlain = () => {
  const t0 = window.startRun();
  const el = document.createElement('plain-list');
  el.rows = all;
  document.body.append(el);
  // Rendered, styled, laid out and painted: the frame after the update has been produced.
  return el.updateComplete.then(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r)))).then(() => window.endRun({ all: performance.now() - t0 }));
};
`;

const code = await buildPage(pageScript);
const runs = await withChromium((browser) => repeatRuns(browser, code, ['runInbox', 'runPlain'], repeats));
console.log(`<esr-approval-inbox>, ${items} pending requests, headless Chromium, production build`);
report('ours', runs.get('runInbox')!, true);
report(`baseline: a minimal Lit list rendering ${items} rows at once`, runs.get('runPlain')!);
