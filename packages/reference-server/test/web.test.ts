import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createApp } from '../src/app.ts';
import { createDemoIssuer } from '../src/auth/tokens.ts';
import type { Database } from '../src/db/database.ts';

const widgetsDir = mkdtempSync(join(tmpdir(), 'esr-widgets-'));
writeFileSync(join(widgetsDir, 'esr-widgets.js'), 'export const built = true;');
after(() => rmSync(widgetsDir, { recursive: true, force: true }));
const demo = await createDemoIssuer();
const app = createApp({ database: {} as Database, verifier: demo, demo, web: { widgetsDir } });

test('the demo page is served under a strict CSP and loads the widgets', async () => {
  const res = await app.request('/');
  assert.equal(res.status, 200);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  const html = await res.text();
  assert.match(html, /<esr-payslip>/);
  assert.match(html, /src="\/assets\/demo\.js"/);
  assert.doesNotMatch(html, /<script>(?!<\/script>)/, 'no inline script');
  const js = await app.request('/assets/demo.js');
  assert.equal(js.status, 200);
  assert.match(await js.text(), /\/widgets\/esr-widgets\.js/);
});

test('the widget bundle and the API reference are served', async () => {
  const bundle = await app.request('/widgets/esr-widgets.js');
  assert.equal(bundle.status, 200);
  assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
  const docs = await app.request('/docs');
  assert.equal(docs.status, 200);
  assert.match(await docs.text(), /swagger-ui-bundle\.js/);
  const ui = await app.request('/docs/ui/swagger-ui-bundle.js');
  assert.equal(ui.status, 200);
  const spec = await app.request('/openapi.json');
  assert.equal(((await spec.json()) as { openapi: string }).openapi, '3.1.0');
});

test('path traversal out of the static folders is refused', async () => {
  for (const path of ['/widgets/../package.json', '/widgets/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
    const res = await app.request(path);
    assert.notEqual(res.status, 200, path);
  }
});
