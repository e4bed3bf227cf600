import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../src/app.ts';
import { createDemoIssuer } from '../src/auth/tokens.ts';
import type { Database } from '../src/db/database.ts';
import { readProblem } from './helpers/harness.ts';

test('an unexpected failure is a 500 problem without internals, logged with its request id', async () => {
  const broken = { db: new Proxy({}, { get: () => () => { throw new Error('connection reset: password=hunter2'); } }) } as unknown as Database;
  const demo = await createDemoIssuer();
  const logged: Array<[unknown, string]> = [];
  const app = createApp({ database: broken, verifier: demo, demo, logError: (e, id) => logged.push([e, id]) });
  const token = await demo.sign({ sub: 'emp_1', org: 'org_00', roles: [] });
  const res = await app.request('/v1/me/payslips/latest', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 500);
  const text = await res.clone().text();
  assert.ok(!text.includes('hunter2') && !text.includes('connection reset'));
  const problem = await readProblem(res);
  assert.equal(problem['code'], 'internal_error');
  assert.equal(logged.length, 1);
  assert.equal(logged[0]![1], res.headers.get('x-request-id'));
});

test('a body over the size limit is 413 problem', async () => {
  const demo = await createDemoIssuer();
  const app = createApp({ database: {} as Database, verifier: demo, demo });
  const res = await app.request('/v1/demo/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId: 'x'.repeat(300_000) }) });
  assert.equal(res.status, 413);
  assert.equal((await readProblem(res))['code'], 'payload_too_large');
});
