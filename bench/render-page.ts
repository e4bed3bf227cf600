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
  /** The browser's long tasks (over 50 ms of wall-clock time). */
  longTasks: Array<{ at: number; ms: number }>;
  /** The CPU time of the page's main-thread tasks (from a Chromium trace), longest first. */
  taskCpu: number[];
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

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Runs `window[fn]()` in a fresh page that has loaded `code`. The run is traced as well: on a machine
 * shared with other work a task's wall-clock time includes time the CPU spent elsewhere, so the CPU time
 * of each main-thread task (the trace's thread duration) is reported beside the browser's long tasks.
 */
export async function runInPage(browser: Browser, code: string, fn: string): Promise<RenderRun> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.setContent('<!doctype html><html lang="en-GB"><body></body></html>');
    await page.addScriptTag({ content: code, type: 'module' });
    await page.waitForFunction(`typeof window.${fn} === "function"`);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    const run = (await page.evaluate(`window.${fn}()`)) as Omit<RenderRun, 'taskCpu'>;
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => e.tid));
    const taskCpu = events
      .filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(e.tid))
      .map((e) => (e.tdur ?? e.dur ?? 0) / 1000)
      .sort((a, b) => b - a);
    return { ...run, taskCpu };
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

// The upper middle for an even count: an observed run, never the mean of two.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
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
  figure('longest task, main-thread CPU', runs.map((r) => r.taskCpu[0] ?? 0));
  figure('tasks > 50 ms of CPU', runs.map((r) => r.taskCpu.filter((t) => t > 50).length), (n) => String(n).padStart(8));
}
