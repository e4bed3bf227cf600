import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { rowsOf } from '../src/db/migrate.ts';
import { assignments, auditEvents, employees, payClaims, payrollRuns, payslips } from '../src/db/schema.ts';
import type { PayslipLineRecord } from '../src/db/schema.ts';
import { annualSalaryPence, hourlyRatePence } from '../src/domain/pay-scales/agenda-for-change.ts';
import type { AfcBand, PayPoint } from '../src/domain/pay-scales/agenda-for-change.ts';
import { calculateNhsPension } from '../src/domain/payroll/index.ts';
import { startRunWorker, waitForRun } from '../src/domain/payroll-runs/index.ts';
import { payslipHistory } from '../src/seed/payslip-history.ts';
import type { GeneratedAssignment } from '../src/seed/trust-generator.ts';
import { createHarness, engine, readProblem } from './helpers/harness.ts';
import type { Harness, TestResponse } from './helpers/harness.ts';

const sum = (lines: PayslipLineRecord[]) => lines.reduce((s, l) => s + l.amountPence, 0);
const line = (lines: PayslipLineRecord[], code: string) => lines.find((l) => l.code === code);

describe(`payroll runs on ${engine}`, () => {
  let h: Harness;
  let admin: string; // payroll_admin of org_00
  let adminToken: string;
  const progressByRun = new Map<string, Array<{ status: string; processed: number; total: number; percent: number }>>();
  let watchRun: string | null = null;
  let starterId: string;
  let leaverId: string;
  let goneId: string; // left before period 8
  let claimantId: string;
  let partTimerId: string;

  let request: (method: string, path: string, token?: string, body?: unknown, headers?: Record<string, string>) => Promise<TestResponse>;
  const get = (path: string, token?: string) => request('GET', path, token);
  const post = (path: string, body: unknown, token?: string, headers?: Record<string, string>) => request('POST', path, token, body, headers);
  const db = () => h.database.db;
  const query = async <T,>(text: string) => rowsOf<T>(await db().execute(sql.raw(text)));
  const start = (body: unknown, token = adminToken, key?: string) =>
    post('/v1/payroll/runs', body, token, key ? { 'idempotency-key': key } : {});
  const period = (n: number, payDate: string) => ({ taxYear: '2026-27', periodNumber: n, payDate });
  const startAndWait = async (n: number, payDate: string) => {
    const res = await start(period(n, payDate));
    assert.equal(res.status, 202, JSON.stringify(await res.clone().json()));
    const run = await res.json();
    await waitForRun(run.id);
    return (await (await get(`/v1/payroll/runs/${run.id}`, adminToken)).json()) as { id: string; status: string; error: string | null; progress: { total: number; processed: number; payslipsWritten: number } };
  };
  const periodSlips = (n: number) => db().select().from(payslips).where(and(eq(payslips.taxYear, '2026-27'), eq(payslips.periodNumber, n)));

  before(async () => {
    h = await createHarness({ staff: 200 });
    // Our own app around the harness's database, without a rate limit (one admin sends many requests)
    // and with small batches and a progress probe for the run.
    const app = createApp({
      database: h.database, verifier: h.demo, demo: h.demo, rateLimit: false,
      payrollRuns: {
        batchSize: 23,
        onBatch: async (e) => {
          if (e.phase !== 'committed' || e.batch > 3) return;
          const view = await (await get(`/v1/payroll/runs/${e.runId}`, adminToken)).json();
          if (!progressByRun.has(e.runId)) progressByRun.set(e.runId, []);
          progressByRun.get(e.runId)!.push({ status: view.status, processed: view.progress.processed, total: view.progress.total, percent: view.progress.percent });
        },
      },
    });
    request = (method, path, token, body, headers = {}) =>
      app.request(path, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }) as Promise<TestResponse>;
    const [payroll] = await query<{ id: string }>(`SELECT id FROM employees WHERE organisation_id = 'org_00' AND 'payroll_admin' = ANY(roles) ORDER BY id LIMIT 1`);
    admin = payroll!.id;
    adminToken = await h.tokenFor({ sub: admin, roles: ['payroll_admin'] });

    // HR data for period 8 (6 Nov–5 Dec 2026, 30 days): a starter on 20 Nov, a leaver on 15 Nov, one who left in October.
    const all = await db().select().from(assignments).orderBy(asc(assignments.id));
    const template = all.find((a) => a.band === '5' && a.contractedMinutesPerWeek === 2250)!;
    const [person] = await db().select().from(employees).where(eq(employees.id, template.employeeId));
    await db().insert(employees).values({ ...person!, id: 'emp_00starter', employeeNumber: 'R100-starter', email: 'starter@example.nhs', roles: [], createdAt: undefined });
    await db().insert(assignments).values({ ...template, id: 'asg_00starter', employeeId: 'emp_00starter', assignmentNumber: '29999999-1', supervisorEmployeeId: null, startDate: '2026-11-20', endDate: null, taxCode: '1257L' });
    starterId = 'asg_00starter';
    const leaver = all.find((a) => a.band === '6' && a.contractedMinutesPerWeek === 2250 && !a.taxCode.includes('M1') && a.id !== template.id)!;
    leaverId = leaver.id;
    await db().update(assignments).set({ endDate: '2026-11-15' }).where(eq(assignments.id, leaverId));
    const gone = all.find((a) => a.id !== leaverId && a.id !== template.id && a.band === '3')!;
    goneId = gone.id;
    await db().update(assignments).set({ endDate: '2026-10-31' }).where(eq(assignments.id, goneId));
    partTimerId = all.find((a) => a.contractedMinutesPerWeek < 2250 && a.id !== leaverId && a.id !== goneId)!.id;

    // Claims for a full-time band 5 nurse: Saturday nights, a bank holiday, overtime and arrears.
    const claimant = all.find((a) => a.band === '5' && a.contractedMinutesPerWeek === 2250 && a.staffGroup.startsWith('Nursing') && a.id !== template.id && a.id !== leaverId)!;
    claimantId = claimant.id;
    const claim = (id: string, kind: 'unsocial_sat_night' | 'unsocial_sun_bh' | 'overtime' | 'arrears', minutes: number | null, amountPence: number | null = null, description: string | null = null) =>
      ({ id, organisationId: 'org_00', employeeId: claimant.employeeId, assignmentId: claimant.id, taxYear: '2026-27', periodNumber: 8, kind, minutes, amountPence, description });
    await db().insert(payClaims).values([
      claim('clm_1', 'unsocial_sat_night', 450),
      claim('clm_2', 'unsocial_sat_night', 300),
      claim('clm_3', 'unsocial_sun_bh', 750),
      claim('clm_4', 'overtime', 270),
      claim('clm_5', 'arrears', null, 12_345, 'October increment'),
      // Another period's claim must not leak into period 8.
      { ...claim('clm_6', 'overtime', 600), periodNumber: 9 },
    ]);
  });
  after(() => h.close());

  test('two concurrent starts for one period: one 202, one 409; an Idempotency-Key replay returns the first response', async () => {
    const [a, b] = await Promise.all([start(period(8, '2026-11-27'), adminToken, 'run-p8-a'), start(period(8, '2026-11-27'), adminToken, 'run-p8-b')]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [202, 409]);
    const winner = a.status === 202 ? a : b;
    const loser = a.status === 202 ? b : a;
    assert.equal((await readProblem(loser))['code'], 'payroll_run_exists');
    const run = await winner.json();
    watchRun = run.id;
    assert.match(run.id, /^prn_/);
    assert.equal(winner.headers.get('location'), `/v1/payroll/runs/${run.id}`);
    assert.equal(run.status, 'running');
    assert.equal(run.organisationId, 'org_00');
    assert.equal(run.startedBy, admin);
    const replay = await start(period(8, '2026-11-27'), adminToken, a.status === 202 ? 'run-p8-a' : 'run-p8-b');
    assert.equal(replay.status, 202);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal((await replay.json()).id, run.id);
    await waitForRun(run.id);
    const [stored] = await db().select().from(payrollRuns).where(eq(payrollRuns.id, run.id));
    assert.equal(stored!.status, 'completed');
    assert.equal((await start(period(8, '2026-11-27'))).status, 409);
  });

  test('progress is visible while the run works, and complete at the end', async () => {
    const progressSeen = progressByRun.get(watchRun!) ?? [];
    assert.ok(progressSeen.length >= 2, 'saw the run mid-way');
    for (const p of progressSeen) {
      assert.equal(p.status, 'running');
      assert.ok(p.processed > 0 && p.processed < p.total);
      assert.equal(p.percent, Math.round((p.processed / p.total) * 1000) / 10);
    }
    assert.deepEqual(progressSeen.map((p) => p.processed), [23, 46, 69]);
    const view = await (await get(`/v1/payroll/runs/${watchRun}`, adminToken)).json();
    const [eligible] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM assignments WHERE organisation_id = 'org_00' AND start_date <= '2026-12-05' AND (end_date IS NULL OR end_date >= '2026-11-06')`,
    );
    assert.equal(view.status, 'completed');
    assert.equal(view.progress.total, Number(eligible!.n));
    assert.equal(view.progress.processed, view.progress.total);
    assert.equal(view.progress.payslipsWritten, view.progress.total);
    assert.equal(view.progress.percent, 100);
    assert.equal(view.progress.etaSeconds, null);
    assert.ok(view.progress.payslipsPerSecond > 0);
    assert.ok(view.finishedAt >= view.startedAt);
  });

  test('every payslip reconciles: lines sum to totals, net = gross − deductions, YTD = sum of periods 1..8', async () => {
    const slips = await periodSlips(8);
    const [eligible] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM assignments WHERE organisation_id = 'org_00' AND start_date <= '2026-12-05' AND (end_date IS NULL OR end_date >= '2026-11-06')`,
    );
    assert.equal(slips.length, Number(eligible!.n));
    assert.equal(new Set(slips.map((s) => s.assignmentId)).size, slips.length, 'one payslip per assignment');
    assert.ok(!slips.some((s) => s.assignmentId === goneId), 'nobody who left before the period is paid');
    const year = await db().select().from(payslips).where(eq(payslips.taxYear, '2026-27'));
    const byAssignment = new Map<string, typeof year>();
    for (const s of year) byAssignment.set(s.assignmentId, [...(byAssignment.get(s.assignmentId) ?? []), s]);
    for (const s of slips) {
      assert.equal(s.payrollRunId, watchRun);
      assert.equal(s.payDate, '2026-11-27');
      assert.equal(sum(s.payments), s.grossPence, s.id);
      assert.equal(sum(s.deductions), s.deductionsPence, s.id);
      assert.equal(s.netPence, s.grossPence - s.deductionsPence);
      assert.ok(s.header.employeeName.length > 0 && s.header.organisationName.length > 0);
      const periods = byAssignment.get(s.assignmentId)!.filter((p) => p.periodNumber <= 8).sort((x, y) => x.periodNumber - y.periodNumber);
      assert.equal(periods.at(-1)!.id, s.id);
      const total = (f: (p: (typeof periods)[number]) => number) => periods.reduce((t, p) => t + f(p), 0);
      assert.equal(s.yearToDate.grossPence, total((p) => p.grossPence), `YTD gross of ${s.assignmentId}`);
      assert.equal(s.yearToDate.employeeNiPence, total((p) => line(p.deductions, 'NI')?.amountPence ?? 0));
      assert.equal(s.yearToDate.pensionPence, total((p) => line(p.deductions, 'PENSION')?.amountPence ?? 0));
      if (s.taxBasis === 'cumulative') assert.equal(s.yearToDate.taxPence, total((p) => line(p.deductions, 'PAYE')?.amountPence ?? 0));
      const previous = periods.at(-2);
      if (previous) assert.equal(s.yearToDate.grossPence, previous.yearToDate.grossPence + s.grossPence);
    }
  });

  test('without claims a run pays exactly what the seed computes for the same month (same engine, same shape)', async () => {
    const slips = await periodSlips(8);
    const rows = await db().select().from(assignments);
    let compared = 0;
    for (const a of rows) {
      if (a.staffGroup.startsWith('Nursing') || a.staffGroup.startsWith('Support to Clinical') || a.endDate || a.id === starterId) continue;
      const expected = payslipHistory(a as unknown as GeneratedAssignment, '2026-11-30', 1, 1)[0]!;
      const actual = slips.find((s) => s.assignmentId === a.id)!;
      assert.equal(expected.periodNumber, 8);
      assert.deepEqual(
        { payments: actual.payments, deductions: actual.deductions, gross: actual.grossPence, net: actual.netPence, ytd: actual.yearToDate, employer: actual.employer, taxCode: actual.taxCode, basis: actual.taxBasis },
        { payments: expected.payments, deductions: expected.deductions, gross: expected.grossPence, net: expected.netPence, ytd: expected.yearToDate, employer: expected.employer, taxCode: expected.taxCode, basis: expected.taxBasis },
        a.id,
      );
      compared++;
    }
    assert.ok(compared > 40, `compared ${compared}`);
  });

  test('basic pay: a part-timer is paid by FTE; a starter and a leaver pro rata by calendar days', async () => {
    const slips = await periodSlips(8);
    const rows = await db().select().from(assignments);
    const basic = (id: string) => line(slips.find((s) => s.assignmentId === id)!.payments, 'BASIC')!;
    const annualOf = (id: string) => {
      const a = rows.find((r) => r.id === id)!;
      return { a, annual: annualSalaryPence(a.band as AfcBand, a.payPoint as PayPoint) };
    };
    const pt = annualOf(partTimerId);
    assert.equal(basic(partTimerId).amountPence, Math.round((pt.annual * (pt.a.contractedMinutesPerWeek / 2250)) / 12));
    assert.match(basic(partTimerId).description, / h\/wk\)$/);
    const st = annualOf(starterId); // 20 Nov–5 Dec: 16 of 30 days
    assert.equal(basic(starterId).amountPence, Math.round((st.annual * 16) / (12 * 30)));
    assert.match(basic(starterId).description, /16\/30 days/);
    const starterSlip = slips.find((s) => s.assignmentId === starterId)!;
    assert.equal(starterSlip.yearToDate.grossPence, starterSlip.grossPence, 'a starter’s YTD is this period');
    assert.equal(starterSlip.header.paidTo, null, 'no bank details yet');
    const lv = annualOf(leaverId); // 6–15 Nov: 10 of 30 days
    assert.equal(basic(leaverId).amountPence, Math.round((lv.annual * 10) / (12 * 30)));
  });

  test('claims feed unsocial-hours, overtime and arrears lines; overtime is not pensionable', async () => {
    const slip = (await periodSlips(8)).find((s) => s.assignmentId === claimantId)!;
    const a = (await db().select().from(assignments).where(eq(assignments.id, claimantId)))[0]!;
    const annual = annualSalaryPence('5', a.payPoint as PayPoint);
    const hourly = hourlyRatePence(annual);
    const sat = line(slip.payments, 'UNSOC_SAT')!;
    const sun = line(slip.payments, 'UNSOC_SUN')!;
    const ot = line(slip.payments, 'OVERTIME')!;
    const arrears = line(slip.payments, 'ARREARS')!;
    assert.equal(sat.amountPence, Math.round((750 * hourly * 30) / 6000));
    assert.equal(sat.description, 'Unsocial hours 12.5 h @ 30%');
    assert.equal(sun.amountPence, Math.round((750 * hourly * 60) / 6000));
    assert.equal(sun.description, 'Unsocial hours Sun/BH 12.5 h @ 60%');
    assert.equal(ot.amountPence, Math.round((270 * hourly * 1.5) / 60));
    assert.equal(ot.description, 'Overtime 4.5 h @ time and a half');
    assert.equal(arrears.amountPence, 12_345);
    assert.equal(arrears.description, 'Arrears: October increment');
    const basic = line(slip.payments, 'BASIC')!.amountPence;
    assert.equal(slip.grossPence, basic + sat.amountPence + sun.amountPence + ot.amountPence + arrears.amountPence);
    const pension = calculateNhsPension({
      taxYear: '2026-27',
      pensionablePayPence: slip.grossPence - ot.amountPence,
      annualPensionablePayPence: (basic + sat.amountPence + sun.amountPence) * 12,
    });
    assert.equal(line(slip.deductions, 'PENSION')!.amountPence, pension.memberPence);
  });

  test('a batch processed again writes nothing twice', async () => {
    const before = (await periodSlips(8)).length;
    // Rewind the run as if its last commits were lost after the payslips were written.
    await db().update(payrollRuns).set({ status: 'running', processed: 0, payslipsWritten: 0, resumeAfter: null, finishedAt: null }).where(eq(payrollRuns.id, watchRun!));
    await db().execute(sql`UPDATE payroll_run_batches SET status = 'pending', processed = NULL, written = NULL, finished_at = NULL WHERE run_id = ${watchRun!}`);
    assert.equal(await startRunWorker(h.database, watchRun!, { batchSize: 50 }), 'completed');
    const slips = await periodSlips(8);
    assert.equal(slips.length, before);
    assert.equal(new Set(slips.map((s) => s.assignmentId)).size, slips.length);
    const [run] = await db().select().from(payrollRuns).where(eq(payrollRuns.id, watchRun!));
    assert.equal(run!.processed, before);
    assert.equal(run!.payslipsWritten, 0, 'every payslip was already there');
  });

  test('an employee the engine cannot pay fails the run with an error naming them; rollback frees the period', async () => {
    const [victim] = await db().select().from(assignments).where(eq(assignments.id, claimantId));
    await db().update(assignments).set({ taxCode: 'ZZ99' }).where(eq(assignments.id, claimantId));
    const failed = await startAndWait(9, '2026-12-24');
    assert.equal(failed.status, 'failed');
    assert.match(failed.error!, new RegExp(`Employee ${victim!.employeeId} \\(assignment ${victim!.assignmentNumber.replace('-', '\\-')}\\)`));
    assert.match(failed.error!, /ZZ99/);
    assert.ok(failed.progress.processed < failed.progress.total);
    const written = (await periodSlips(9)).length;
    assert.equal(written, failed.progress.processed, 'earlier batches stayed, whole');
    assert.equal((await post(`/v1/payroll/runs/${failed.id}/finalise`, {}, adminToken)).status, 409);
    const rolled = await post(`/v1/payroll/runs/${failed.id}/rollback`, {}, adminToken);
    assert.equal(rolled.status, 200);
    const body = await rolled.json();
    assert.equal(body.status, 'rolled_back');
    assert.equal(body.payslipsDeleted, written);
    assert.equal(body.error, failed.error, 'the reason is kept');
    assert.equal((await periodSlips(9)).length, 0);
    await db().update(assignments).set({ taxCode: victim!.taxCode }).where(eq(assignments.id, claimantId));
  });

  test('rollback removes only that run’s payslips; finalise works once; nothing after finalise', async () => {
    const seeded = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM payslips WHERE payroll_run_id IS NULL`))[0]!.n;
    const p8 = (await periodSlips(8)).length;
    const first = await startAndWait(9, '2026-12-24');
    assert.equal(first.status, 'completed');
    const nine = await periodSlips(9);
    assert.equal(nine.length, first.progress.total);
    assert.equal(line(nine.find((s) => s.assignmentId === claimantId)!.payments, 'OVERTIME')!.description, 'Overtime 10 h @ time and a half');
    assert.ok(!nine.some((s) => s.assignmentId === leaverId || s.assignmentId === goneId));
    const rb = await (await post(`/v1/payroll/runs/${first.id}/rollback`, {}, adminToken)).json();
    assert.equal(rb.payslipsDeleted, nine.length);
    assert.equal((await periodSlips(9)).length, 0);
    assert.equal((await periodSlips(8)).length, p8);
    assert.equal((await query<{ n: number }>(`SELECT count(*)::int AS n FROM payslips WHERE payroll_run_id IS NULL`))[0]!.n, seeded);
    assert.equal((await post(`/v1/payroll/runs/${first.id}/rollback`, {}, adminToken)).status, 409, 'only once');

    const second = await startAndWait(9, '2026-12-24');
    assert.equal(second.status, 'completed');
    assert.notEqual(second.id, first.id);
    const fin = await post(`/v1/payroll/runs/${second.id}/finalise`, {}, adminToken);
    assert.equal(fin.status, 200);
    const finalised = await fin.json();
    assert.equal(finalised.status, 'finalised');
    assert.ok(finalised.finalisedAt);
    const again = await post(`/v1/payroll/runs/${second.id}/finalise`, {}, adminToken);
    assert.equal(again.status, 409);
    assert.equal((await readProblem(again))['code'], 'payroll_run_state_conflict');
    assert.equal((await post(`/v1/payroll/runs/${second.id}/rollback`, {}, adminToken)).status, 409);
    assert.equal((await periodSlips(9)).length, second.progress.total);
  });

  test('concurrent finalise and rollback: exactly one wins', async () => {
    const run = await startAndWait(10, '2027-01-29');
    assert.equal(run.status, 'completed');
    const [f, r] = await Promise.all([post(`/v1/payroll/runs/${run.id}/finalise`, {}, adminToken), post(`/v1/payroll/runs/${run.id}/rollback`, {}, adminToken)]);
    assert.deepEqual([f.status, r.status].sort(), [200, 409]);
    const [stored] = await db().select().from(payrollRuns).where(eq(payrollRuns.id, run.id));
    const slips = (await periodSlips(10)).length;
    if (f.status === 200) {
      assert.equal(stored!.status, 'finalised');
      assert.equal(slips, run.progress.total);
    } else {
      assert.equal(stored!.status, 'rolled_back');
      assert.equal(slips, 0);
    }
  });

  test('rolling back a run while it works: the worker stops and nothing of the run remains', async () => {
    const res = await start(period(11, '2027-02-26'));
    assert.equal(res.status, 202);
    const run = await res.json();
    const rolled = await post(`/v1/payroll/runs/${run.id}/rollback`, {}, adminToken);
    assert.equal(rolled.status, 200);
    await waitForRun(run.id);
    const [stored] = await db().select().from(payrollRuns).where(eq(payrollRuns.id, run.id));
    assert.equal(stored!.status, 'rolled_back');
    assert.equal((await periodSlips(11)).length, 0);
    assert.equal((await db().select().from(payslips).where(eq(payslips.payrollRunId, run.id))).length, 0);
  });

  test('list: newest first, cursor pages, status filter', async () => {
    const all = await (await get('/v1/payroll/runs?limit=100', adminToken)).json();
    assert.ok(all.data.length >= 5);
    const starts = all.data.map((r: { startedAt: string }) => r.startedAt);
    assert.deepEqual(starts, [...starts].sort().reverse());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ id: string }>; nextCursor: string | null } = await (await get(`/v1/payroll/runs?limit=2${cursor ? `&cursor=${cursor}` : ''}`, adminToken)).json();
      seen.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, all.data.map((r: { id: string }) => r.id));
    const rolled = await (await get('/v1/payroll/runs?status=rolled_back', adminToken)).json();
    assert.ok(rolled.data.length >= 2 && rolled.data.every((r: { status: string }) => r.status === 'rolled_back'));
  });

  test('validation: pay date outside the period, unknown fields, bad ids', async () => {
    const res = await start({ taxYear: '2026-27', periodNumber: 11, payDate: '2026-12-24' });
    assert.equal(res.status, 400);
    assert.equal((await readProblem(res)).errors?.[0]?.path, 'body.payDate');
    const unknown = await start({ ...period(11, '2027-02-26'), organisationId: 'org_01' });
    assert.equal(unknown.status, 400);
    assert.equal((await readProblem(unknown)).errors?.[0]?.code, 'unknown_field');
    assert.equal((await start({ ...period(11, '2027-02-26'), taxYear: '2030-31' })).status, 400);
    assert.equal((await get('/v1/payroll/runs/nope', adminToken)).status, 400);
    assert.equal((await get('/v1/payroll/runs/prn_doesnotexist', adminToken)).status, 404);
  });

  test('authorisation: payroll admins only, and only their own organisation’s runs', async () => {
    assert.equal((await get('/v1/payroll/runs')).status, 401);
    const [someone] = await query<{ id: string }>(`SELECT id FROM employees WHERE organisation_id = 'org_00' AND roles = '{}' ORDER BY id LIMIT 1`);
    const [manager] = await query<{ id: string }>(`SELECT DISTINCT supervisor_employee_id AS id FROM assignments WHERE supervisor_employee_id IS NOT NULL ORDER BY 1 LIMIT 1`);
    const [hr] = await query<{ id: string }>(`SELECT id FROM employees WHERE 'hr_admin' = ANY(roles) ORDER BY id LIMIT 1`);
    const tokens = [
      await h.tokenFor({ sub: someone!.id }),
      await h.tokenFor({ sub: manager!.id }),
      await h.tokenFor({ sub: hr!.id, roles: ['hr_admin'] }),
    ];
    for (const token of tokens) {
      assert.equal((await start(period(11, '2027-02-26'), token)).status, 403);
      assert.equal((await get('/v1/payroll/runs', token)).status, 403);
      assert.equal((await get(`/v1/payroll/runs/${watchRun}`, token)).status, 403);
      assert.equal((await post(`/v1/payroll/runs/${watchRun}/rollback`, {}, token)).status, 403);
      assert.equal((await post(`/v1/payroll/runs/${watchRun}/finalise`, {}, token)).status, 403);
    }
    const other = await h.tokenFor({ sub: 'emp_01payroll', org: 'org_01', roles: ['payroll_admin'] });
    assert.equal((await get(`/v1/payroll/runs/${watchRun}`, other)).status, 404);
    assert.equal((await post(`/v1/payroll/runs/${watchRun}/rollback`, {}, other)).status, 404);
    assert.equal((await post(`/v1/payroll/runs/${watchRun}/finalise`, {}, other)).status, 404);
    assert.deepEqual((await (await get('/v1/payroll/runs', other)).json()).data, []);
    const [stored] = await db().select().from(payrollRuns).where(eq(payrollRuns.id, watchRun!));
    assert.equal(stored!.status, 'completed', 'untouched');
  });

  test('start, rollback and finalise are audited', async () => {
    const events = await db().select().from(auditEvents).where(eq(auditEvents.resource, 'payroll_run'));
    const actions = events.map((e) => e.action);
    assert.ok(actions.filter((a) => a === 'create').length >= 5);
    assert.ok(actions.includes('rollback'));
    assert.ok(actions.includes('finalise'));
    for (const e of events) {
      assert.equal(e.actorEmployeeId, admin);
      assert.equal(e.organisationId, 'org_00');
    }
    const fin = events.find((e) => e.action === 'finalise')!;
    assert.deepEqual(fin.changes?.['status'], { from: 'completed', to: 'finalised' });
  });
});
