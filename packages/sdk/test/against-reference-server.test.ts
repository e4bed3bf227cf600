// The SDK against the real reference server, in process: real routes, validation, auth and a seeded
// PGlite database. No network: the SDK's `fetch` hands each request straight to the Hono app.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, createDemoIssuer, openDatabase, seedDatabase } from '../../reference-server/src/index.ts';
import type { Database } from '../../reference-server/src/index.ts';
import { AuthenticationError, NotFoundError, ValidationError, createEsrClient } from '../src/index.ts';
import type { EsrClient, PayslipSummary } from '../src/index.ts';
import { rejection } from './helpers.ts';

const baseUrl = 'http://esr.test';

let database: Database;
let fetchToApp: typeof fetch;
let client: EsrClient;
let employeeId: string;

function clientFor(token: string | undefined): EsrClient {
  return createEsrClient({ baseUrl, token, fetch: fetchToApp, retry: 0 });
}

before(async () => {
  database = await openDatabase({});
  await seedDatabase(database, { staff: 80, asOf: '2026-11-25' });
  const demo = await createDemoIssuer();
  const app = createApp({ database, verifier: demo, demo });
  fetchToApp = async (input, init) => app.fetch(new Request(input, init));

  const anonymous = clientFor(undefined);
  const people = await anonymous.demo.people({ role: 'employee' });
  assert.ok(people.length > 0, 'the seed has employees to sign in as');
  const person = people[0]!;
  const signedIn = await anonymous.demo.signIn(person.employeeId);
  assert.equal(signedIn.employeeId, person.employeeId);
  assert.match(signedIn.token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  employeeId = person.employeeId;
  client = clientFor(signedIn.token);
});

after(async () => {
  await database?.close();
});

describe('against the reference server (PGlite)', () => {
  test('latest() is the newest payslip of list(), and belongs to the signed-in employee', async () => {
    const latest = await client.payslips.latest();
    assert.ok(latest, 'a seeded employee has payslips');
    const first = await client.payslips.list({ limit: 1 });
    assert.equal(latest.id, first.data[0]?.id);
    assert.equal(latest.employee.id, employeeId);
    assert.equal(latest.totals.netPence, latest.totals.grossPence - latest.totals.deductionsPence);
    assert.ok(latest.payDate <= '2026-11-25');
  });

  test('list() summaries add up, and come newest first', async () => {
    const page = await client.payslips.list({ limit: 100 });
    assert.ok(page.data.length > 1);
    assert.equal(page.hasMore, false);
    for (const summary of page.data) {
      assert.ok(Number.isInteger(summary.totals.netPence));
      assert.equal(summary.totals.netPence, summary.totals.grossPence - summary.totals.deductionsPence, summary.id);
    }
    const dates = page.data.map((s) => s.payDate);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('iterating all pages with limit 5 yields the same ids as one big page', async () => {
    const big = await client.payslips.list({ limit: 100 });
    const small = await client.payslips.list({ limit: 5 });
    assert.equal(small.data.length, 5);
    assert.equal(small.hasMore, true);
    const ids: string[] = [];
    for await (const summary of small) ids.push(summary.id);
    assert.deepEqual(ids, big.data.map((s) => s.id));
    assert.equal(new Set(ids).size, ids.length, 'no duplicates across page boundaries');
  });

  test('toArray({ limit }) and each() work across real cursors', async () => {
    const big = await client.payslips.list({ limit: 100 });
    const page = await client.payslips.list({ limit: 3 });
    const seven = await page.toArray({ limit: 7 });
    assert.deepEqual(seven.map((s) => s.id), big.data.slice(0, 7).map((s) => s.id));
    const visited: PayslipSummary[] = [];
    await page.each((s) => {
      visited.push(s);
      return visited.length < 4;
    });
    assert.equal(visited.length, 4);
  });

  test('get(id) round-trips every field of a listed payslip', async () => {
    const [summary] = (await client.payslips.list({ limit: 3 })).data.slice(2);
    assert.ok(summary);
    const payslip = await client.payslips.get(summary.id);
    assert.equal(payslip.id, summary.id);
    assert.equal(payslip.payDate, summary.payDate);
    assert.equal(payslip.taxYear, summary.taxYear);
    assert.deepEqual(payslip.period, summary.period);
    assert.deepEqual(payslip.totals, summary.totals);
    const sum = (lines: { amountPence: number }[]) => lines.reduce((total, line) => total + line.amountPence, 0);
    assert.equal(sum(payslip.payments), payslip.totals.grossPence);
    assert.equal(sum(payslip.deductions), payslip.totals.deductionsPence);
  });

  test('an invalid token gives AuthenticationError', async () => {
    const error = await rejection(clientFor('not.a-real.token').payslips.latest());
    assert.ok(error instanceof AuthenticationError, `got ${String(error)}`);
    assert.equal(error.status, 401);
    assert.equal(error.code, 'unauthenticated');
    assert.ok(error.requestId, 'the server gives a request id');
    assert.equal(error.request?.headers['authorization'], '[redacted]');
  });

  test('no token gives AuthenticationError', async () => {
    const error = await rejection(clientFor(undefined).payslips.list());
    assert.ok(error instanceof AuthenticationError);
  });

  test('a bad cursor gives ValidationError whose param is query.cursor', async () => {
    const error = await rejection(client.payslips.list({ cursor: 'not-a-cursor' }));
    assert.ok(error instanceof ValidationError, `got ${String(error)}`);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.param, 'query.cursor');
    assert.equal(error.issues[0]?.code, 'invalid_cursor');
  });

  test('limit=1000 gives ValidationError naming query.limit', async () => {
    const error = await rejection(client.payslips.list({ limit: 1000 }));
    assert.ok(error instanceof ValidationError, `got ${String(error)}`);
    assert.equal(error.param, 'query.limit');
    assert.ok(error.issues.some((issue) => issue.path === 'query.limit'));
    assert.match(error.detail ?? '', /query\.limit/);
  });

  test('an unknown id gives NotFoundError', async () => {
    const error = await rejection(client.payslips.get('pay_doesnotexist'));
    assert.ok(error instanceof NotFoundError, `got ${String(error)}`);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not_found');
    assert.match(error.detail ?? '', /pay_doesnotexist/);
    assert.ok(error.requestId);
  });

  test('another employee\'s payslip is NotFoundError too', async () => {
    const people = await clientFor(undefined).demo.people({ role: 'employee', limit: 2 });
    const other = people.find((p) => p.employeeId !== employeeId);
    assert.ok(other);
    const { token } = await clientFor(undefined).demo.signIn(other.employeeId);
    const theirs = await clientFor(token).payslips.latest();
    assert.ok(theirs);
    const error = await rejection(client.payslips.get(theirs.id));
    assert.ok(error instanceof NotFoundError);
  });

  test('a malformed id gives ValidationError naming the path parameter', async () => {
    const error = await rejection(client.payslips.get('not-a-payslip-id'));
    assert.ok(error instanceof ValidationError, `got ${String(error)}`);
    assert.equal(error.param, 'param.payslipId');
  });

  test('demo sign-in for an unknown employee gives NotFoundError', async () => {
    const error = await rejection(clientFor(undefined).demo.signIn('emp_nobody'));
    assert.ok(error instanceof NotFoundError);
  });
});
