import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createApp } from '../src/app.ts';
import { createDemoIssuer } from '../src/auth/tokens.ts';
import type { Database } from '../src/db/database.ts';
import { buildOpenApiDocument } from '../src/openapi-document.ts';

test('the committed openapi.json matches the routes (run `pnpm --filter @esr/reference-server openapi`)', async () => {
  const committed = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
  assert.deepEqual(committed, await buildOpenApiDocument());
});

test('every mounted /v1 route is in the OpenAPI document', async () => {
  const demo = await createDemoIssuer();
  const app = createApp({ database: {} as Database, verifier: demo, demo });
  const doc = (await buildOpenApiDocument()) as { paths: Record<string, Record<string, unknown>> };
  const documented = new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)),
  );
  const mounted = app.routes
    .filter((r) => r.path.startsWith('/v1/') && r.method !== 'ALL' && !r.path.endsWith('*'))
    .map((r) => `${r.method} ${r.path}`);
  assert.ok(mounted.length >= 5);
  for (const route of mounted) assert.ok(documented.has(route), `${route} is mounted but not documented`);
});

test('every operation declares its error responses as problem+json', async () => {
  const doc = (await buildOpenApiDocument()) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) assert.ok(response.content?.['application/problem+json'], `${method} ${path} ${status}`);
      }
    }
  }
});
