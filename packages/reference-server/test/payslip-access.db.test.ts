// Who may read a person's payslips: the person, and payroll admins of their organisation (audited).
// Managers never (403 in line, where they may see the profile; 404 otherwise), nor HR admins who are
// not payroll admins (403), nor other trusts' payroll admins (404).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { auditEvents, payslips } from '../src/db/schema.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import type { AdminRole } from '../src/auth/tokens.ts';
import { asOf, createHarness, engine, readProblem } from './helpers/harness.ts';
import { findCast } from './helpers/cast.ts';
import type { Harness, TestResponse } from './helpers/harness.ts';

type Caller =
  | 'self' | 'peer' | 'managerInLine' | 'managerOutOfLine' | 'hrSameTrust' | 'payrollSameTrust' | 'payrollOtherTrust'
  | 'payrollManagerInLine' | 'hrAndPayrollSameTrust';

describe(`payslip access matrix for /v1/people/{id}/payslips on ${engine}`, () => {
  let h: Harness;
  const ids = {} as Record<Caller, string>;
  const tokens = {} as Record<Caller, string>;
  let payslipId: string; // one of self's payslips
  let peerPayslipId: string;

  before(async () => {
    h = await createHarness({ seed: false });
    await seedDatabase(h.database, { staff: 150, organisations: 2, asOf });
    // A leaf with payslips whose manager has no admin role, and a peer with payslips under the same manager.
    const cast = await findCast(h.database, { withPayslips: true });
    Object.assign(ids, {
      self: cast.ids.self, peer: cast.ids.peer, managerInLine: cast.ids.manager, managerOutOfLine: cast.ids.outOfLine,
      hrSameTrust: cast.ids.hr, payrollSameTrust: cast.ids.payroll, payrollOtherTrust: cast.ids.payrollOther,
      payrollManagerInLine: cast.ids.manager, hrAndPayrollSameTrust: cast.spare[0]!,
    });
    const roles: Record<Caller, AdminRole[]> = {
      self: [], peer: [], managerInLine: [], managerOutOfLine: [], hrSameTrust: ['hr_admin'], payrollSameTrust: ['payroll_admin'],
      payrollOtherTrust: ['payroll_admin'], payrollManagerInLine: ['payroll_admin'], hrAndPayrollSameTrust: ['hr_admin', 'payroll_admin'],
    };
    for (const caller of Object.keys(ids) as Caller[]) {
      tokens[caller] = await h.demo.sign({ sub: ids[caller], org: caller === 'payrollOtherTrust' ? 'org_01' : 'org_00', roles: roles[caller] });
    }
    const [mine] = await h.database.db.select({ id: payslips.id }).from(payslips).where(eq(payslips.employeeId, ids.self)).orderBy(asc(payslips.payDate)).limit(1);
    payslipId = mine!.id;
    const [theirs] = await h.database.db.select({ id: payslips.id }).from(payslips).where(eq(payslips.employeeId, ids.peer)).limit(1);
    peerPayslipId = theirs!.id;
  });
  after(() => h.close());

  const call = (caller: Caller, path: string): Promise<TestResponse> => h.get(path, tokens[caller]);
  const readsOf = async (actor: string) => {
    const [row] = await h.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorEmployeeId, actor), eq(auditEvents.action, 'read'), inArray(auditEvents.resource, ['payslips', 'payslip', 'payslip_pdf'])));
    return Number(row!.n);
  };

  const everyone: Caller[] = ['self', 'peer', 'managerInLine', 'managerOutOfLine', 'hrSameTrust', 'payrollSameTrust', 'payrollOtherTrust', 'payrollManagerInLine', 'hrAndPayrollSameTrust'];
  const expected: Record<Caller, number> = {
    self: 200, peer: 404, managerInLine: 403, managerOutOfLine: 404, hrSameTrust: 403, payrollSameTrust: 200, payrollOtherTrust: 404,
    payrollManagerInLine: 200, hrAndPayrollSameTrust: 200,
  };
  const routes = [
    { name: 'list', path: () => `/v1/people/${ids.self}/payslips`, resource: 'payslips' },
    { name: 'get', path: () => `/v1/people/${ids.self}/payslips/${payslipId}`, resource: 'payslip' },
    { name: 'pdf', path: () => `/v1/people/${ids.self}/payslips/${payslipId}/pdf`, resource: 'payslip_pdf' },
  ];

  for (const route of routes) {
    for (const caller of everyone) {
      test(`${route.name}: ${caller} → ${expected[caller]}`, async () => {
        const before = await readsOf(ids[caller]);
        const res = await call(caller, route.path());
        assert.equal(res.status, expected[caller], `${caller} on ${route.name}`);
        if (expected[caller] !== 200) {
          const problem = await readProblem(res);
          assert.equal(problem['code'], expected[caller] === 404 ? 'not_found' : 'forbidden');
          assert.ok(!String(problem['detail']).includes(payslipId), 'a refusal says nothing about the payslip');
        } else if (route.name === 'pdf') {
          assert.equal(res.headers.get('content-type'), 'application/pdf');
          assert.equal(res.headers.get('cache-control'), 'private, no-store');
          assert.equal((await PDFDocument.load(new Uint8Array(await res.arrayBuffer()))).getPageCount(), 1);
        } else {
          const body = await res.json();
          if (route.name === 'list') assert.ok(body.data.length > 0 && body.data.some((p: { id: string }) => p.id === payslipId));
          else assert.equal(body.id, payslipId);
        }
        // A payroll admin's read of someone else's payslip is audited; self reads and refusals are not.
        const audited = expected[caller] === 200 && caller !== 'self' ? 1 : 0;
        assert.equal(await readsOf(ids[caller]), before + audited, `${caller} audit events`);
      });
    }
  }

  test('the audit event names the payroll admin, the person, the resource and the request', async () => {
    const res = await call('payrollSameTrust', `/v1/people/${ids.self}/payslips/${payslipId}`);
    assert.equal(res.status, 200);
    const [event] = await h.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorEmployeeId, ids.payrollSameTrust), eq(auditEvents.resource, 'payslip')))
      .orderBy(sql`${auditEvents.id} DESC`)
      .limit(1);
    assert.equal(event!.subjectEmployeeId, ids.self);
    assert.equal(event!.organisationId, 'org_00');
    assert.equal(event!.action, 'read');
    assert.equal(event!.requestId, res.headers.get('x-request-id'));
    assert.equal(event!.changes, null, 'no payslip figures in the audit trail');
  });

  test('a payslip is found only under its owner: another person’s id under self’s path is 404', async () => {
    for (const caller of ['self', 'payrollSameTrust'] as const) {
      for (const suffix of ['', '/pdf']) {
        const res = await call(caller, `/v1/people/${ids.self}/payslips/${peerPayslipId}${suffix}`);
        assert.equal(res.status, 404, `${caller}${suffix}`);
        await readProblem(res);
      }
    }
  });

  test('"me" works for the person themself; the list pages with a cursor', async () => {
    const all = await (await call('self', `/v1/people/me/payslips?limit=100`)).json();
    const mine = await (await call('self', '/v1/me/payslips?limit=100')).json();
    assert.deepEqual(all, mine);
    const page = await (await call('payrollSameTrust', `/v1/people/${ids.self}/payslips?limit=2`)).json();
    assert.equal(page.data.length, 2);
    assert.equal(page.hasMore, all.data.length > 2);
    const next = await (await call('payrollSameTrust', `/v1/people/${ids.self}/payslips?limit=2&cursor=${page.nextCursor}`)).json();
    assert.deepEqual(next.data.map((p: { id: string }) => p.id), all.data.slice(2, 4).map((p: { id: string }) => p.id));
  });

  test('bad ids and cursors are 400s naming the field; no token is 401', async () => {
    const badPerson = await call('payrollSameTrust', '/v1/people/bob/payslips');
    assert.equal(badPerson.status, 400);
    assert.equal((await readProblem(badPerson)).errors?.[0]?.path, 'param.employeeId');
    const badSlip = await call('payrollSameTrust', `/v1/people/${ids.self}/payslips/nope`);
    assert.equal(badSlip.status, 400);
    assert.equal((await readProblem(badSlip)).errors?.[0]?.path, 'param.payslipId');
    const badCursor = await call('payrollSameTrust', `/v1/people/${ids.self}/payslips?cursor=zzz`);
    assert.equal(badCursor.status, 400);
    assert.equal((await readProblem(badCursor)).errors?.[0]?.path, 'query.cursor');
    assert.equal((await h.get(`/v1/people/${ids.self}/payslips`)).status, 401);
  });

  test('the payslips policy leaves the other records as they were: a payroll admin sees no profile or personal details', async () => {
    for (const path of [`/v1/people/${ids.self}`, `/v1/people/${ids.self}/personal-details`, `/v1/people/${ids.self}/bank-details`]) {
      assert.equal((await call('payrollSameTrust', path)).status, 404, path);
    }
    // A payroll admin who is also the line manager keeps the manager's view of the profile.
    assert.equal((await call('payrollManagerInLine', `/v1/people/${ids.self}`)).status, 200);
    assert.equal((await call('payrollManagerInLine', `/v1/people/${ids.self}/personal-details`)).status, 403);
    // HR and payroll together: both views.
    assert.equal((await call('hrAndPayrollSameTrust', `/v1/people/${ids.self}/personal-details`)).status, 200);
  });
});
