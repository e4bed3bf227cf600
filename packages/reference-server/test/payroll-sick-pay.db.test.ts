// Occupational sick pay (AfC 14.2) feeds payroll runs: sickness days at half pay and at nil pay in the
// tax month reduce basic pay (negative SICK_HALF / SICK_NIL payment lines); full-pay sickness changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { rowsOf } from '../src/db/migrate.ts';
import { assignments, employees, payslips } from '../src/db/schema.ts';
import type { PayslipLineRecord } from '../src/db/schema.ts';
import { sicknessEpisodes } from '../src/db/schema-leave.ts';
import { annualSalaryPence } from '../src/domain/pay-scales/agenda-for-change.ts';
import type { AfcBand, PayPoint } from '../src/domain/pay-scales/agenda-for-change.ts';
import { waitForRun } from '../src/domain/payroll-runs/index.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { createHarness, engine } from './helpers/harness.ts';
import type { Harness, TestResponse } from './helpers/harness.ts';

const sum = (lines: PayslipLineRecord[]) => lines.reduce((s, l) => s + l.amountPence, 0);

describe(`payroll runs pay occupational sick pay on ${engine}`, () => {
  let h: Harness;
  let adminToken: string;
  let request: (method: string, path: string, token?: string, body?: unknown) => Promise<TestResponse>;
  const db = () => h.database.db;
  const query = async <T,>(text: string) => rowsOf<T>(await db().execute(sql.raw(text)));
  // Full-time, one assignment, in post all of tax month 8 (6 Nov–5 Dec 2026, 30 days).
  let longServer: { employee_id: string; assignment_id: string; band: string; pay_point: string };
  let starter: typeof longServer;

  const episode = async (who: typeof longServer, id: string, startDate: string, endDate: string | null) => {
    const [a] = await db().select().from(assignments).where(eq(assignments.id, who.assignment_id));
    await db().insert(sicknessEpisodes).values({
      id, organisationId: a!.organisationId, employeeId: who.employee_id, assignmentId: a!.id, orgUnitId: a!.orgUnitId,
      contractedMinutes: a!.contractedMinutesPerWeek, startDate, endDate, reasonLevel1: 'S13', recordedBy: who.employee_id,
    });
  };

  before(async () => {
    h = await createHarness({ seed: false });
    await seedDatabase(h.database, { staff: 120, asOf: '2026-11-25' });
    const app = createApp({ database: h.database, verifier: h.demo, demo: h.demo, rateLimit: false, payrollRuns: { batchSize: 17 } });
    request = (method, path, token, body) =>
      app.request(path, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }) as Promise<TestResponse>;
    const [payroll] = await query<{ id: string }>(`SELECT id FROM employees WHERE organisation_id = 'org_00' AND 'payroll_admin' = ANY(roles) ORDER BY id LIMIT 1`);
    adminToken = await h.tokenFor({ sub: payroll!.id, roles: ['payroll_admin'] });

    const candidates = await query<typeof longServer & { service_start: string }>(`
      SELECT a.employee_id, a.id AS assignment_id, a.band, a.pay_point, e.nhs_service_start_date::text AS service_start
      FROM assignments a JOIN employees e ON e.id = a.employee_id
      WHERE a.organisation_id = 'org_00' AND a.contracted_minutes_per_week = 2250 AND a.start_date <= '2026-01-01' AND a.end_date IS NULL
        AND a.band IN ('2','3','4','5','6','7') AND (SELECT count(*) FROM assignments b WHERE b.employee_id = a.employee_id) = 1
      ORDER BY a.id`);
    longServer = candidates.find((c) => c.service_start <= '2020-01-01')!;
    starter = candidates.find((c) => c.employee_id !== longServer.employee_id)!;
    assert.ok(longServer && starter, 'two full-time staff to test with');

    // (a) Long service (6 + 6 months): 10–15 Nov 2026, 6 days, all at full pay.
    await episode(longServer, 'sck_test_long', '2026-11-10', '2026-11-15');

    // (b) A recent starter (NHS service from 5 Jan 2026: first year, 1 month = 30 days full + 2 months = 61 days
    // half). Off sick 1 Feb–26 Apr 2026 (85 days: 30 at full pay, 55 at half), so on 16 Nov 2026 there are 0
    // full and 61 − 55 = 6 half-pay days left: 16–25 Nov (10 days) = 16–21 Nov at half pay, 22–25 Nov at nil.
    await db().update(employees).set({ nhsServiceStartDate: '2026-01-05' }).where(eq(employees.id, starter.employee_id));
    await db().update(assignments).set({ startDate: '2026-01-05' }).where(eq(assignments.id, starter.assignment_id));
    await episode(starter, 'sck_test_early', '2026-02-01', '2026-04-26');
    await episode(starter, 'sck_test_now', '2026-11-16', '2026-11-25');
  });
  after(async () => h?.close());

  const slipOf = async (assignmentId: string) => {
    const [slip] = await db().select().from(payslips).where(and(eq(payslips.assignmentId, assignmentId), eq(payslips.taxYear, '2026-27'), eq(payslips.periodNumber, 8)));
    assert.ok(slip, `payslip for ${assignmentId}`);
    return slip;
  };
  const reconciles = (slip: Awaited<ReturnType<typeof slipOf>>) => {
    assert.equal(sum(slip.payments), slip.grossPence);
    assert.equal(sum(slip.deductions), slip.deductionsPence);
    assert.equal(slip.netPence, slip.grossPence - slip.deductionsPence);
  };

  test('period 8 runs as the payroll admin', async () => {
    const res = await request('POST', '/v1/payroll/runs', adminToken, { taxYear: '2026-27', periodNumber: 8, payDate: '2026-11-27' });
    assert.equal(res.status, 202, JSON.stringify(await res.clone().json()));
    const run = (await res.json()) as { id: string };
    await waitForRun(run.id);
    const view = (await (await request('GET', `/v1/payroll/runs/${run.id}`, adminToken)).json()) as { status: string; error: string | null };
    assert.equal(view.status, 'completed', view.error ?? '');
  });

  test('sickness at full pay changes nothing', async () => {
    const slip = await slipOf(longServer.assignment_id);
    const annual = annualSalaryPence(longServer.band as AfcBand, longServer.pay_point as PayPoint);
    assert.deepEqual(slip.payments.map((l) => l.code), ['BASIC']);
    assert.equal(slip.payments[0]!.amountPence, Math.round(annual / 12));
    reconciles(slip);
  });

  test('half-pay and nil-pay days come off basic pay at the calendar-day rate', async () => {
    const slip = await slipOf(starter.assignment_id);
    const annual = annualSalaryPence(starter.band as AfcBand, starter.pay_point as PayPoint);
    // Day rate = annual ÷ 12 ÷ 30 days; 6 days at half pay lose 3 days' pay, 4 at nil lose 4.
    const half = Math.round((annual * 6) / (2 * 12 * 30));
    const nil = Math.round((annual * 4) / (12 * 30));
    assert.deepEqual(slip.payments, [
      { code: 'BASIC', description: `Basic pay (Band ${starter.band})`, amountPence: Math.round(annual / 12) },
      { code: 'SICK_HALF', description: 'Sick leave at half pay, 6 days', amountPence: -half },
      { code: 'SICK_NIL', description: 'Sick leave at nil pay, 4 days', amountPence: -nil },
    ]);
    assert.equal(slip.grossPence, Math.round(annual / 12) - half - nil);
    reconciles(slip);
    const [prev] = await db().select().from(payslips).where(and(eq(payslips.assignmentId, starter.assignment_id), eq(payslips.taxYear, '2026-27'), eq(payslips.periodNumber, 7)));
    assert.equal(slip.yearToDate.grossPence, prev!.yearToDate.grossPence + slip.grossPence);
    // Pensionable pay follows: the member contribution is on the reduced pay (same tier as the month before).
    const pension = (s: typeof slip) => s.deductions.find((d) => d.code === 'PENSION')!;
    assert.equal(pension(slip).description, pension(prev!).description);
    assert.ok(pension(slip).amountPence < pension(prev!).amountPence);
  });

  test('the rest of the trust has no sick-pay lines', async () => {
    const rows = await db().select().from(payslips).where(and(eq(payslips.organisationId, 'org_00'), eq(payslips.taxYear, '2026-27'), eq(payslips.periodNumber, 8)));
    assert.ok(rows.length > 50);
    const withSick = rows.filter((r) => r.payments.some((l) => l.code.startsWith('SICK_'))).map((r) => r.assignmentId);
    assert.deepEqual(withSick, [starter.assignment_id]);
    for (const r of rows) reconciles(r);
  });
});
