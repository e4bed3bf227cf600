// Property-based fuzzing of every operation in the OpenAPI document (so routes added later are covered
// without editing this file): hostile values in every parameter and body field, unknown and prototype
// keys, malformed JSON, wrong content types, oversized bodies and bad cursors, sent with a token that
// may call the route. Expected: never a 5xx; every 4xx is problem+json (naming fields on validation);
// a rejected request changes no row. Deterministic (seed below); ESR_FUZZ_RUNS sets runs per operation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createApp } from '../src/app.ts';
import { queryRows } from '../src/seed/bulk.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { findCast } from './helpers/cast.ts';
import { changedTables, snapshot } from './helpers/db-snapshot.ts';
import type { Snapshot } from './helpers/db-snapshot.ts';
import { asOf, createHarness, engine, readProblem } from './helpers/harness.ts';
import type { Harness, TestResponse } from './helpers/harness.ts';
import { SchemaArbitraries, operationsOf, requestArbitrary } from './helpers/openapi-fuzz.ts';
import type { FuzzRequest, OpenApiDocument, RouteOperation } from './helpers/openapi-fuzz.ts';

const runsPerOperation = Number(process.env['ESR_FUZZ_RUNS'] ?? 25);
const seed = Number(process.env['ESR_FUZZ_SEED'] ?? 20261125);

export const fuzzStats = { operations: 0, requests: 0, byStatus: new Map<number, number>() };

describe(`hostile input: every route fuzzed from the OpenAPI document on ${engine}`, () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let doc: OpenApiDocument;
  let schemas: SchemaArbitraries;
  let knownParams: Record<string, string[]>;
  let token: string;
  let last: Snapshot | undefined;

  before(async () => {
    h = await createHarness({ seed: false });
    await seedDatabase(h.database, { staff: 80, organisations: 2, asOf, payslipMonths: 2 });
    app = createApp({ database: h.database, verifier: h.demo, demo: h.demo, rateLimit: false });
    doc = (await (await app.request('/openapi.json')).json()) as OpenApiDocument;
    schemas = new SchemaArbitraries(doc);
    const cast = await findCast(h.database, { withPayslips: true });
    // The caller: a line manager holding every admin role, so every route lets them in and the fuzz
    // reaches validation and the handlers rather than stopping at 403.
    const caller = cast.ids.manager;
    token = await h.demo.sign({ sub: caller, org: 'org_00', roles: ['hr_admin', 'payroll_admin', 'learning_admin'] });
    const ids = async (text: string, params: unknown[] = []) => (await queryRows<{ id: string }>(h.database, text, params)).map((r) => r.id);
    const line = [caller, cast.ids.self];
    knownParams = {
      employeeId: ['me', ...line],
      payslipId: await ids(`SELECT id FROM payslips WHERE employee_id = ANY($1) ORDER BY id LIMIT 3`, [line]),
      leaveRequestId: await ids(`SELECT id FROM leave_requests WHERE employee_id = ANY($1) ORDER BY id LIMIT 3`, [line]),
      episodeId: await ids(`SELECT id FROM sickness_episodes WHERE employee_id = ANY($1) ORDER BY id LIMIT 3`, [line]),
      id: await ids(`SELECT id FROM approval_requests WHERE organisation_id = 'org_00' ORDER BY id LIMIT 3`),
      runId: await ids(`SELECT id FROM payroll_runs WHERE organisation_id = 'org_00' ORDER BY id LIMIT 3`),
      taxYear: ['2025-26', '2026-27'],
    };
  });
  after(async () => {
    const statuses = [...fuzzStats.byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`fuzz on ${engine}: ${fuzzStats.operations} operations, ${fuzzStats.requests} requests (${runsPerOperation} runs each, seed ${seed}); statuses ${statuses}`);
    await h.close();
  });

  /** Background work a 2xx may start (a payroll run) finishes before the next row snapshot. */
  const settle = async () => {
    for (let i = 0; i < 600; i++) {
      const [row] = await queryRows<{ n: number | string }>(h.database, `SELECT count(*) AS n FROM payroll_runs WHERE status = 'running'`);
      if (Number(row!.n) === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('a payroll run is still running after 30 s');
  };

  const send = async (request: FuzzRequest): Promise<TestResponse> => {
    let req: Request;
    try {
      req = new Request(`http://127.0.0.1${request.url}`, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) });
    } catch (error) {
      // fetch itself refuses it (e.g. a URL it cannot parse): it never reaches a server.
      if (process.env['ESR_FUZZ_DEBUG']) console.log('unsendable', request.url, String(error));
      return new Response(null, { status: 499, statusText: String(error) }) as TestResponse;
    }
    return (await app.request(req)) as TestResponse;
  };

  const check = async (route: RouteOperation, request: FuzzRequest) => {
    const before = last ?? (await snapshot(h.database));
    const res = await send(request);
    fuzzStats.requests++;
    fuzzStats.byStatus.set(res.status, (fuzzStats.byStatus.get(res.status) ?? 0) + 1);
    const where = `${route.op.operationId}: ${request.method} ${request.url.slice(0, 300)} (${request.note}) body ${String(request.body).slice(0, 300)}`;
    if (res.status === 499) {
      last = before;
      return;
    }
    if (res.status >= 500) assert.fail(`${res.status} from ${where}: ${await res.text()}`);
    // CRLF in a value never becomes a header of ours.
    assert.equal(res.headers.get('x-injected'), null, `header injection from ${where}`);
    assert.ok(!(res.headers.get('set-cookie') ?? '').includes('pwned'), `header injection from ${where}`);
    if (res.status >= 400) {
      const problem = await readProblem(res);
      // Every 400 and 415 names what was wrong (a field, the body as a whole, or the content-type header).
      if (res.status === 400 || res.status === 415) assert.ok(problem.errors && problem.errors.length > 0, `${res.status} ${String(problem['code'])} without errors[] from ${where}`);
      if (problem['code'] === 'validation_failed') {
        assert.ok(problem.errors && problem.errors.length > 0, `validation problem without errors[] from ${where}`);
        for (const e of problem.errors) assert.match(e.path, /^[a-z]+(\.|$)/, `field path "${e.path}" from ${where}`);
      }
      const now = await snapshot(h.database);
      assert.deepEqual(changedTables(before, now), [], `a rejected request (${res.status} ${String(problem['code'])}) changed rows: ${where}`);
      last = now;
    } else {
      await res.arrayBuffer();
      await settle();
      last = undefined;
    }
  };

  // Requests the fuzzer once answered with a 500, kept as fixed cases.
  test('regressions: dates outside what the database and the bank-holiday calendar take; NUL characters', async () => {
    const route = { method: 'GET', path: '(regression)', op: { operationId: 'regression' } };
    for (const url of [
      '/v1/people/me/leave-balances?on=0000-01-01', // year 0 reached PostgreSQL as a date: 500
      '/v1/people/me/leave-balances?on=9999-12-31', // bank holidays for 9999: RangeError, 500
      '/v1/people/me/leave-requests?from=0000-01-01',
      '/v1/people/me/absence-calendar?from=1950-01-01&to=1950-02-01', // valid date, before the calendar: 500
    ]) {
      await check(route, { method: 'GET', url, headers: { authorization: `Bearer ${token}` }, note: 'regression' });
    }
    // NUL in a path, a cursor or a JSON string reached PostgreSQL as an encoding error: 500 (PostgreSQL only).
    for (const url of ['/v1/approvals/a%00b', '/v1/me/team?limit=4&cursor=WyJhXHUwMDAwYiJd&scope=direct', '/v1/audit-events?action=%00']) {
      await check(route, { method: 'GET', url, headers: { authorization: `Bearer ${token}` }, note: 'regression' });
    }
    // A well-formed cursor with a key the database cannot compare (an id where an instant goes): 500.
    const forged = Buffer.from(JSON.stringify(['toString', -1])).toString('base64url');
    for (const path of ['/v1/payroll/runs', '/v1/approvals', '/v1/audit-events', '/v1/people/me/leave-requests']) {
      await check(route, { method: 'GET', url: `${path}?limit=100&cursor=${forged}`, headers: { authorization: `Bearer ${token}` }, note: 'regression' });
    }
    await check(route, { method: 'POST', url: '/v1/people/%00/name-change-requests', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'nul-1' }, body: 'undefined', note: 'regression' });
    await check(route, { method: 'POST', url: '/v1/people/me/leave-requests', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'annual', startDate: '2027-01-12', reason: 'x\u0000y' }), note: 'regression' });
    await check(route, { method: 'POST', url: '/v1/people/me/leave-requests', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'annual', startDate: '2200-12-01', endDate: '2200-12-31' }), note: 'regression' });
  });

  // Authentication is checked before anything about the request itself: without a valid token the
  // answer is 401 whatever the path, query or body hold (NUL characters, oversized or malformed bodies).
  test('no token, or a bad one: 401 before any check of the request itself', async () => {
    const big = JSON.stringify({ type: 'annual', startDate: '2027-01-12', reason: 'x'.repeat(300 * 1024) });
    const requests: Array<{ method: string; url: string; body?: string; headers?: Record<string, string> }> = [
      { method: 'GET', url: '/v1/approvals/a%00b' },
      { method: 'GET', url: '/v1/audit-events?action=%00' },
      { method: 'POST', url: '/v1/people/%00/name-change-requests', body: 'undefined' },
      { method: 'POST', url: '/v1/people/me/leave-requests', body: JSON.stringify({ type: 'annual', startDate: '2027-01-12', reason: 'x\u0000y' }) },
      { method: 'POST', url: '/v1/people/me/leave-requests', body: big },
      { method: 'POST', url: '/v1/people/me/leave-requests', body: '{"type":' },
      { method: 'POST', url: '/v1/approvals/apr_x/decision', body: JSON.stringify({ action: 'approve', extra: '\u0000' }), headers: { 'idempotency-key': 'bad key with spaces' } },
    ];
    const before = await snapshot(h.database);
    for (const r of requests) {
      for (const authorization of [undefined, 'Bearer not.a.token']) {
        const res = await app.request(r.url, {
          method: r.method,
          headers: { ...(authorization ? { authorization } : {}), ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers },
          ...(r.body !== undefined ? { body: r.body } : {}),
        });
        assert.equal(res.status, 401, `${r.method} ${r.url} (${authorization ?? 'no token'}) answered ${res.status}`);
        assert.equal((await readProblem(res))['code'], 'unauthenticated');
      }
    }
    assert.deepEqual(changedTables(before, await snapshot(h.database)), []);
  });

  test('the document lists the routes to fuzz', () => {
    assert.ok(operationsOf(doc).length >= 60, `only ${operationsOf(doc).length} operations in the document`);
  });

  // One sub-test per operation, created once the document is read (node:test runs them in order).
  test('every operation', async (t) => {
    for (const route of operationsOf(doc)) {
      await t.test(`${route.method} ${route.path} (${route.op.operationId})`, async () => {
        fuzzStats.operations++;
        const arbitrary = requestArbitrary(route, schemas, { knownParams, baseHeaders: { authorization: `Bearer ${token}` } });
        await fc.assert(
          fc.asyncProperty(arbitrary, async (request) => check(route, request)),
          { seed, numRuns: runsPerOperation, endOnFailure: process.env['ESR_FUZZ_SHRINK'] !== '1' },
        );
      });
    }
  });
});
