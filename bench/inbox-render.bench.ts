// <esr-approval-inbox> with N pending requests (default 1,000) in headless Chromium: time until the first
// rows show, until every row is in the DOM, and the longest task on the main thread meanwhile (goal: no
// long task over 50 ms, the RAIL budget for staying responsive to input). Baseline in the same run: a
// minimal Lit element rendering the same number of rows in one go. Figures only.
// node bench/inbox-render.bench.ts [items]
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const items = Number(process.argv[2] ?? 1000);
const widgetsDir = new URL('../packages/widgets/', import.meta.url).pathname;

// The page gets the real widget and SDK; only fetch is faked (answers from memory, no network), so the
// figures are the widget's own rendering cost.
const pageScript = `
import '@esr/widgets/define-all.ts';
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

window.longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push({ at: e.startTime - (window.t0 ?? 0), ms: e.duration }); }).observe({ type: 'longtask', buffered: true });

window.runInbox = () => new Promise((resolve) => {
  window.longTasks = [];
  const t0 = (window.t0 = performance.now());
  let first = 0;
  const el = document.createElement('esr-approval-inbox');
  el.setAttribute('poll-interval', '0');
  el.client = createEsrClient({ baseUrl: 'https://esr.example', token: 't', fetch: fakeFetch, retry: 0 });
  document.body.append(el);
  const tick = () => {
    const n = el.shadowRoot?.querySelectorAll('[role=option]').length ?? 0;
    if (n && !first) first = performance.now() - t0;
    if (n >= ${items}) requestAnimationFrame(() => setTimeout(() => resolve({ first, all: performance.now() - t0, longTasks: [...window.longTasks] }), 100));
    else requestAnimationFrame(tick);
  };
  tick();
});

window.runPlain = () => new Promise((resolve) => {
  window.longTasks = [];
  const t0 = (window.t0 = performance.now());
  const el = document.createElement('plain-list');
  el.rows = all;
  document.body.append(el);
  requestAnimationFrame(() => setTimeout(() => resolve({ all: performance.now() - t0, longTasks: [...window.longTasks] }), 100));
});
`;

const bundle = await build({
  stdin: { contents: pageScript, resolveDir: widgetsDir, loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  target: 'es2022',
  tsconfig: `${widgetsDir}tsconfig.json`,
  conditions: ['browser', 'production'],
  logLevel: 'silent',
});

const browser = await chromium.launch({
  executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  const run = async (fn: 'runInbox' | 'runPlain') => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent('<!doctype html><html lang="en-GB"><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text, type: 'module' });
    await page.waitForFunction('typeof window.runInbox === "function"');
    const result = (await page.evaluate(`window.${fn}()`)) as { first?: number; all: number; longTasks: Array<{ at: number; ms: number }> };
    await page.close();
    return result;
  };
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const ours = await run('runInbox');
  const plain = await run('runPlain');
  const longest = (t: number[]) => (t.length ? Math.max(...t) : 0);
  // Only tasks that started after the run began: the observer may still report the page's own start-up.
  ours.longTasks = ours.longTasks.filter((x) => x.at >= 0);
  plain.longTasks = plain.longTasks.filter((x) => x.at >= 0);
  if (process.env['ESR_BENCH_DEBUG']) console.log(ours.longTasks, plain.longTasks);
  console.log(`<esr-approval-inbox>, ${items} pending requests, headless Chromium`);
  console.log(`  first rows visible after        ${ms(ours.first ?? 0)}`);
  console.log(`  all ${items} rows in the DOM after ${ms(ours.all)}`);
  console.log(`  long tasks (> 50 ms)            ${ours.longTasks.length}, longest ${ms(longest(ours.longTasks.map((x) => x.ms)))}  (goal: none)`);
  console.log(`baseline: a minimal Lit list rendering ${items} rows at once`);
  console.log(`  all rows after                  ${ms(plain.all)}`);
  console.log(`  long tasks (> 50 ms)            ${plain.longTasks.length}, longest ${ms(longest(plain.longTasks.map((x) => x.ms)))}`);
} finally {
  await browser.close();
}
