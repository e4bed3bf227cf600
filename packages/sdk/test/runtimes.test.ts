// The SDK in each runtime it promises, against the real reference server over HTTP: a browser page and a
// module Web Worker in headless Chromium (the SDK bundled as an app would, ESM, esbuild), and a Node
// worker thread. Each runs the same probe (test/runtimes/probe.ts) and must get the same answers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createApp, createDemoIssuer, openDatabase, seedDatabase } from '../../reference-server/src/index.ts';
import type { Database } from '../../reference-server/src/index.ts';
import { serveFetch } from './http-server.ts';
import type { HttpServer } from './http-server.ts';
import type { ProbeResult } from './runtimes/probe.ts';

const here = fileURLToPath(new URL('./runtimes/', import.meta.url));
const chromiumPath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

let database: Database;
let server: HttpServer;

/** Bundles an entry for the browser as an app's bundler would: ESM, tree-shaken, ky included. */
async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [`${here}${entry}`], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false });
  return result.outputFiles[0]!.text;
}

before(async () => {
  database = await openDatabase({});
  await seedDatabase(database, { staff: 20, organisations: 1, asOf: '2026-11-25' });
  const demo = await createDemoIssuer();
  const app = createApp({ database, verifier: demo, demo, rateLimit: false });
  const assets: Record<string, [string, string]> = {
    '/': ['text/html', '<!doctype html><title>SDK runtimes</title><script type="module" src="/web-page.js"></script>'],
    '/web-page.js': ['text/javascript', await bundle('web-page.ts')],
    '/web-worker.js': ['text/javascript', await bundle('web-worker.ts')],
  };
  server = await serveFetch(async (request) => {
    const asset = assets[new URL(request.url).pathname];
    return asset ? new Response(asset[1], { headers: { 'content-type': asset[0] } }) : app.fetch(request);
  });
});

after(async () => {
  await server?.close();
  await database?.close();
});

function assertProbe(outcome: unknown, where: string): ProbeResult {
  const { result, error } = outcome as { result?: ProbeResult; error?: string };
  assert.equal(error, undefined, `${where}: ${error}`);
  assert.ok(result, where);
  assert.match(result.signedInAs, /^emp_/, where);
  assert.ok(result.walked > 2, `${where}: walked ${result.walked} payslips across pages`);
  assert.equal(result.firstPage, 2, where);
  assert.equal(new Set(result.allIds).size, result.walked, `${where}: no payslip twice`);
  assert.deepEqual(result.firstThree, result.allIds.slice(0, 3), where);
  assert.deepEqual({ ...result.error, requestId: typeof result.error.requestId }, {
    isNotFound: true, name: 'NotFoundError', status: 404, code: 'not_found', requestId: 'string', authorization: '[redacted]',
  }, where);
  return result;
}

test('headless Chromium: on the page and in a module Web Worker', async () => {
  assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (scripts/test.sh installs it; or set CHROME_PATH)`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'runProbes' in globalThis);
    const outcome = await page.evaluate(() => (globalThis as unknown as { runProbes: () => Promise<{ page: unknown; worker: unknown }> }).runProbes());
    assert.deepEqual(problems, []);
    const onPage = assertProbe(outcome.page, 'page');
    const inWorker = assertProbe(outcome.worker, 'Web Worker');
    assert.equal((outcome.worker as { scope: string }).scope, 'DedicatedWorkerGlobalScope');
    assert.deepEqual(inWorker.allIds, onPage.allIds, 'the same answers on the page and in the worker');
  } finally {
    await browser.close();
  }
});

test('Node: in a worker thread (and this test file runs it on the main thread too)', async () => {
  const worker = new Worker(new URL('./runtimes/node-worker.ts', import.meta.url), { workerData: server.url });
  const outcome = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const inWorker = assertProbe(outcome, 'Node worker thread');
  const { probe } = await import('./runtimes/probe.ts');
  assert.deepEqual(assertProbe({ result: await probe(server.url) }, 'Node main thread').allIds, inWorker.allIds);
});
