// Shared by the widget render benches: the page script is built with the widgets package's Vite config
// (production Lit, template and JS minifier: what `dist/` ships), loaded into headless Chromium, and a
// named `window` function is run in a fresh page per repeat. The long-task observer and the figures
// (median and worst over the repeats: the machine is shared, one run says little) are common too.
import { chromium, type Browser } from 'playwright-core';
import { buildWithWidgetsConfig } from './widget-build.ts';

/** What one run in the page reports: times from the element's creation, in ms. */
export interface RenderRun {
  first?: number;
  all: number;
  longTasks: Array<{ at: number; ms: number }>;
}

/**
 * Page code every render bench starts with: records long tasks (the browser's > 50 ms tasks) from the
 * moment `window.startRun()` is called, and `window.endRun(result)` adds them to the result.
 */
export const LONG_TASK_PRELUDE = `
window.longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push({ at: e.startTime - (window.t0 ?? 0), ms: e.duration }); }).observe({ type: 'longtask', buffered: true });
window.startRun = () => { window.longTasks = []; return (window.t0 = performance.now()); };
// One more frame and a task later, so the observer has reported the last task of the run.
window.endRun = (result) => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve({ ...result, longTasks: window.longTasks.filter((x) => x.at >= 0) }), 100)));
`;

/** Builds `pageScript` (module source, resolved from packages/widgets) into one self-contained module. */
export async function buildPage(pageScript: string): Promise<string> {
  const chunks = await buildWithWidgetsConfig({ contents: LONG_TASK_PRELUDE + pageScript });
  const entry = chunks.find((c) => c.isEntry)!;
  // The Welsh strings are a separate chunk; the benches render English pages, which never fetch it.
  if (entry.imports.length) throw new Error(`the bench page imports other chunks statically: ${entry.imports.join(', ')}`);
  return entry.code;
}

export async function withChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** Runs `window[fn]()` in a fresh page that has loaded `code`. */
export async function runInPage(browser: Browser, code: string, fn: string): Promise<RenderRun> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.setContent('<!doctype html><html lang="en-GB"><body></body></html>');
    await page.addScriptTag({ content: code, type: 'module' });
    await page.waitForFunction(`typeof window.${fn} === "function"`);
    return (await page.evaluate(`window.${fn}()`)) as RenderRun;
  } finally {
    await page.close();
  }
}

/** Runs each named page function `repeats` times, interleaved so that load on the machine hits all alike. */
export async function repeatRuns(browser: Browser, code: string, fns: string[], repeats: number): Promise<Map<string, RenderRun[]>> {
  const runs = new Map(fns.map((fn) => [fn, [] as RenderRun[]]));
  for (let i = 0; i < repeats; i++) for (const fn of fns) runs.get(fn)!.push(await runInPage(browser, code, fn));
  if (process.env['ESR_BENCH_DEBUG']) for (const [fn, r] of runs) console.log(fn, JSON.stringify(r));
  return runs;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(8);
const figure = (label: string, values: number[], format: (n: number) => string = ms) =>
  console.log(`  ${label.padEnd(32)} median ${format(median(values))}   worst ${format(Math.max(...values))}`);

/** Prints first rows / all rows / longest task / long-task count, median and worst over the runs. */
export function report(title: string, runs: RenderRun[], goal = false): void {
  console.log(`${title} (${runs.length} runs)`);
  if (runs.every((r) => r.first !== undefined)) figure('first rows visible after', runs.map((r) => r.first!));
  figure('all rows in the DOM after', runs.map((r) => r.all));
  // The browser reports only tasks over 50 ms: a run without any shows as "none".
  figure(`longest task${goal ? ' (goal ≤ 50 ms)' : ''}`, runs.map((r) => Math.max(0, ...r.longTasks.map((t) => t.ms))), (n) => (n ? ms(n) : 'none'.padStart(8)));
  figure(`long tasks > 50 ms${goal ? ' (goal 0)' : ''}`, runs.map((r) => r.longTasks.length), (n) => String(n).padStart(8));
}
