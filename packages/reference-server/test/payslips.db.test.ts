import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT, generateKeyPair } from 'jose';
import { asc, desc, eq } from 'drizzle-orm';
import { assignments, bankDetails, employees, payslips } from '../src/db/schema.ts';
import { createHarness, engine, readProblem } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';

describe(`payslips API on ${engine}`, () => {
  let h: Harness;
  let alice: string; // an employee with payslips
  let bob: string; // another employee of the same trust
  let aliceToken: string;

  before(async () => {
    h = await createHarness();
    const people = await h.database.db.select({ id: employees.id }).from(employees).orderBy(asc(employees.id)).limit(60);
    alice = people[50]!.id;
    bob = people[51]!.id;
    aliceToken = await h.tokenFor({ sub: alice });
  });
  after(() => h.close());

  test('latest is the payslip with the newest pay date, with figures that add up', async () => {
    const res = await h.get('/v1/me/payslips/latest', aliceToken);
    assert.equal(res.status, 200);
    const slip = await res.json();
    const [newest] = await h.database.db.select().from(payslips).where(eq(payslips.employeeId, alice)).orderBy(desc(payslips.payDate)).limit(1);
    assert.equal(slip.id, newest!.id);
    assert.equal(slip.payDate, '2026-10-30');
    assert.deepEqual(slip.period, { frequency: 'monthly', number: 7 });
    assert.equal(slip.employee.id, alice);
    const sum = (lines: Array<{ amountPence: number }>) => lines.reduce((s, l) => s + l.amountPence, 0);
    assert.equal(sum(slip.payments), slip.totals.grossPence);
    assert.equal(sum(slip.deductions), slip.totals.deductionsPence);
    assert.equal(slip.totals.netPence, slip.totals.grossPence - slip.totals.deductionsPence);
    for (const line of [...slip.payments, ...slip.deductions]) assert.ok(Number.isInteger(line.amountPence));
  });

  test('latest (JSON written by the database) is exactly the view of the same payslip by id (built in code)', async () => {
    const people = await h.database.db.select({ id: employees.id }).from(employees).orderBy(asc(employees.id)).limit(40);
    let compared = 0;
    for (const { id } of people) {
      const token = await h.tokenFor({ sub: id });
      const latest = await h.get('/v1/me/payslips/latest', token);
      if (latest.status === 404) continue;
      assert.equal(latest.status, 200);
      assert.match(latest.headers.get('content-type') ?? '', /^application\/json/);
      const slip = await latest.json();
      const byId = await (await h.get(`/v1/me/payslips/${slip.id}`, token)).json();
      assert.deepEqual(slip, byId);
      assert.deepEqual(Object.keys(slip), Object.keys(byId), 'same keys in the same order');
      compared++;
    }
    assert.ok(compared >= 30, `compared ${compared}`);
  });

  test('bank details are masked: the full account number never leaves the server', async () => {
    const res = await h.get('/v1/me/payslips/latest', aliceToken);
    const text = await res.text();
    const [bank] = await h.database.db.select().from(bankDetails).where(eq(bankDetails.employeeId, alice));
    assert.ok(!text.includes(bank!.accountNumber), 'full account number leaked');
    assert.equal(JSON.parse(text).paidTo.accountNumberMasked, `****${bank!.accountNumber.slice(-4)}`);
  });

  test('list is newest first and cursor pages cover every payslip exactly once', async () => {
    const all = await (await h.get('/v1/me/payslips?limit=100', aliceToken)).json();
    assert.equal(all.hasMore, false);
    assert.equal(all.nextCursor, null);
    const dates = all.data.map((p: { payDate: string }) => p.payDate);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ id: string }>; hasMore: boolean; nextCursor: string | null } = await (
        await h.get(`/v1/me/payslips?limit=4${cursor ? `&cursor=${cursor}` : ''}`, aliceToken)
      ).json();
      assert.ok(page.data.length <= 4);
      seen.push(...page.data.map((p) => p.id));
      cursor = page.nextCursor;
      assert.equal(page.hasMore, cursor !== null);
    } while (cursor);
    assert.deepEqual(seen, all.data.map((p: { id: string }) => p.id));
    const stored = await h.database.db.select({ id: payslips.id }).from(payslips).where(eq(payslips.employeeId, alice));
    assert.equal(seen.length, stored.length);
  });

  test('get returns one of my payslips; another person’s payslip is 404, not 403', async () => {
    const mine = (await (await h.get('/v1/me/payslips?limit=2', aliceToken)).json()).data[1];
    const res = await h.get(`/v1/me/payslips/${mine.id}`, aliceToken);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).id, mine.id);
    const [bobs] = await h.database.db.select({ id: payslips.id }).from(payslips).where(eq(payslips.employeeId, bob)).limit(1);
    const other = await h.get(`/v1/me/payslips/${bobs!.id}`, aliceToken);
    assert.equal(other.status, 404);
    const problem = await readProblem(other);
    assert.equal(problem['code'], 'not_found');
  });

  test('an employee with no payslips yet: latest is 404 and the list is empty', async () => {
    const [template] = await h.database.db.select().from(assignments).limit(1);
    const [person] = await h.database.db.select().from(employees).where(eq(employees.id, template!.employeeId));
    await h.database.db.insert(employees).values({ ...person!, id: 'emp_newstarter1', employeeNumber: 'NEW-1', createdAt: undefined as never });
    await h.database.db.insert(assignments).values({ ...template!, id: 'asg_newstarter1', employeeId: 'emp_newstarter1', assignmentNumber: '99999999-1' });
    const token = await h.tokenFor({ sub: 'emp_newstarter1' });
    const latest = await h.get('/v1/me/payslips/latest', token);
    assert.equal(latest.status, 404);
    await readProblem(latest);
    const list = await (await h.get('/v1/me/payslips', token)).json();
    assert.deepEqual(list, { data: [], hasMore: false, nextCursor: null });
  });

  describe('authentication', () => {
    test('no token → 401 problem with WWW-Authenticate', async () => {
      const res = await h.get('/v1/me/payslips/latest');
      assert.equal(res.status, 401);
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal((await readProblem(res))['code'], 'unauthenticated');
    });

    test('malformed Authorization header → 401', async () => {
      const res = await h.get('/v1/me/payslips/latest', undefined, { authorization: 'Basic dXNlcjpwYXNz' });
      assert.equal(res.status, 401);
      await readProblem(res);
    });

    test('a token signed by someone else → 401', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({ org: 'org_00', roles: ['hr_admin'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'demo-1' })
        .setSubject(alice).setIssuer('esr-kit-demo').setAudience('esr-kit').setIssuedAt().setExpirationTime('1h')
        .sign(privateKey);
      assert.equal((await h.get('/v1/me/payslips/latest', forged)).status, 401);
    });

    test('an expired token → 401', async () => {
      const expired = await h.demo.sign({ sub: alice, org: 'org_00', roles: [] }, -120);
      const res = await h.get('/v1/me/payslips/latest', expired);
      assert.equal(res.status, 401);
      assert.match(String((await readProblem(res))['detail']), /expired/);
    });

    test('an unsigned (alg none) token → 401', async () => {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const none = `${enc({ alg: 'none' })}.${enc({ sub: alice, org: 'org_00', roles: [], iss: 'esr-kit-demo', aud: 'esr-kit', exp: 9999999999 })}.`;
      assert.equal((await h.get('/v1/me/payslips/latest', none)).status, 401);
    });
  });

  describe('bad input is a 4xx problem naming the field', () => {
    for (const [query, field] of [
      ['limit=abc', 'query.limit'],
      ['limit=0', 'query.limit'],
      ['limit=101', 'query.limit'],
      ['limit=2.5', 'query.limit'],
      ['colour=blue', 'query.colour'],
      ['cursor=not-a-cursor', 'query.cursor'],
      [`cursor=${Buffer.from('["x"]').toString('base64url')}`, 'query.cursor'],
    ] as const) {
      test(`?${query} → 400 at ${field}`, async () => {
        const res = await h.get(`/v1/me/payslips?${query}`, aliceToken);
        assert.equal(res.status, 400);
        const problem = await readProblem(res);
        assert.equal(problem['code'], 'validation_failed');
        assert.ok(problem.errors?.some((e) => e.path === field), JSON.stringify(problem.errors));
      });
    }

    test('a malformed payslip id → 400 at param.payslipId', async () => {
      const res = await h.get('/v1/me/payslips/DROP%20TABLE', aliceToken);
      assert.equal(res.status, 400);
      assert.equal((await readProblem(res)).errors?.[0]?.path, 'param.payslipId');
    });

    test('an unknown route → 404 problem', async () => {
      const res = await h.get('/v1/me/payslipz', aliceToken);
      assert.equal(res.status, 404);
      assert.equal((await readProblem(res))['code'], 'route_not_found');
    });
  });

  test('every response carries a request id and security headers', async () => {
    const res = await h.get('/v1/me/payslips/latest', aliceToken, { 'x-request-id': 'trace-12345678' });
    assert.equal(res.headers.get('x-request-id'), 'trace-12345678');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('strict-transport-security'));
    const minted = await h.get('/v1/me/payslips/latest');
    assert.match(minted.headers.get('x-request-id') ?? '', /^req_[0-9a-f]{32}$/);
    assert.equal((await readProblem(minted))['requestId'], minted.headers.get('x-request-id'));
  });
});
