// P60s: the year's figures are the sums of the tax year's payslips and match the last payslip's
// year-to-date balances; only ended tax years have one; the tax year parameter is validated.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { employees, payslips } from '../src/db/schema.ts';
import { renderP60Pdf } from '../src/domain/p60/p60-pdf.ts';
import { taxYearHasEnded, todayUtc } from '../src/domain/p60/p60.ts';
import { ratesFor } from '../src/domain/payroll/index.ts';
import { formatPounds } from '../src/domain/payslips/pdf-kit.ts';
import { employerPayeReference } from '../src/domain/payslips/employer-reference.ts';
import { createHarness, engine, readProblem } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';

type Row = typeof payslips.$inferSelect;
const sumCode = (rows: Row[], code: string) => rows.reduce((s, r) => s + r.deductions.filter((d) => d.code === code).reduce((t, d) => t + d.amountPence, 0), 0);

/** The current tax year by the real clock: the one that must not have a P60 yet. */
function currentTaxYear(today: string): string {
  const y = Number(today.slice(0, 4));
  const start = today >= `${y}-04-06` ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

describe(`P60 end of year certificates on ${engine}`, () => {
  let h: Harness;
  /** Payslips of 2025-26 by employee, oldest first. */
  const year = new Map<string, Row[]>();

  before(async () => {
    h = await createHarness();
    const rows = await h.database.db.select().from(payslips).where(eq(payslips.taxYear, '2025-26')).orderBy(asc(payslips.employeeId), asc(payslips.payDate));
    for (const r of rows) year.set(r.employeeId, [...(year.get(r.employeeId) ?? []), r]);
  });
  after(() => h.close());

  const tokenOf = (id: string) => h.tokenFor({ sub: id });

  test('the seeded trust was paid monthly since April 2025: most staff have 12 payslips in 2025-26', () => {
    const full = [...year.values()].filter((r) => r.length === 12);
    assert.ok(full.length >= 50, `${full.length} full years`);
    assert.ok([...year.values()].some((r) => sumCode(r, 'SL') > 0), 'someone repays a student loan');
    assert.ok([...year.values()].some((r) => sumCode(r, 'SAL_SAC') > 0), 'someone sacrifices salary');
  });

  test('for every employee, the 2025-26 P60 is the sum of the year’s payslips and the last payslip’s year to date', async () => {
    let checked = 0;
    for (const [employeeId, rows] of year) {
      const res = await h.get('/v1/me/p60s/2025-26', await tokenOf(employeeId));
      assert.equal(res.status, 200, employeeId);
      const p60 = await res.json();
      const last = rows.at(-1)!;
      const sum = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0);
      const ni = sumCode(rows, 'NI');
      // Pay for tax = gross less salary sacrifice and the member's pension (net pay arrangement).
      assert.equal(p60.payInThisEmploymentPence, sum((r) => r.grossPence) - sumCode(rows, 'SAL_SAC') - sumCode(rows, 'PENSION'), employeeId);
      assert.equal(p60.payInThisEmploymentPence, last.yearToDate.taxablePayPence, `${employeeId} pay = YTD taxable pay`);
      assert.equal(p60.taxInThisEmploymentPence, sumCode(rows, 'PAYE'));
      assert.equal(p60.taxInThisEmploymentPence, last.yearToDate.taxPence, `${employeeId} tax = YTD tax`);
      assert.equal(p60.employeeNiPence, ni);
      assert.equal(p60.employeeNiPence, last.yearToDate.employeeNiPence);
      assert.equal(p60.grossPayPence, sum((r) => r.grossPence));
      assert.equal(p60.grossPayPence, last.yearToDate.grossPence);
      assert.equal(p60.pensionContributionsPence, last.yearToDate.pensionPence);
      assert.equal(p60.studentLoanPence, sumCode(rows, 'SL'));
      assert.equal(p60.postgraduateLoanPence, sumCode(rows, 'PGL'));
      assert.equal(p60.payslipCount, rows.length);
      assert.equal(p60.lastPayDate, last.payDate);
      assert.equal(p60.finalTaxCode, last.taxCode);
      assert.equal(p60.finalTaxBasis, last.taxBasis);
      assert.equal(p60.taxYearEnd, '2026-04-05');
      assert.equal(p60.employee.name, last.header.employeeName);
      assert.equal(p60.employer.name, last.header.organisationName);
      assert.equal(p60.employer.payeReference, '120/R100');
      assert.match(p60.employee.niNumberMasked, /^[A-Z]{2} \*\* \*\* \*\* [A-Z]$/);
      // NI by band: one row per letter, contributions adding up to the year's NI.
      assert.deepEqual(p60.nationalInsurance.map((b: { category: string }) => b.category), [...new Set(rows.map((r) => r.niCategory))].sort());
      assert.equal(p60.nationalInsurance.reduce((s: number, b: { employeeContributionsPence: number }) => s + b.employeeContributionsPence, 0), ni);
      checked++;
    }
    assert.ok(checked >= 50);
  });

  test('NI earnings bands follow the 2025-26 thresholds: 8% of the PT–UEL band is the NI (to a penny a period)', async () => {
    const monthly = ratesFor('2025-26').ni.monthly;
    let checked = 0;
    for (const [employeeId, rows] of [...year].filter(([, r]) => r.length === 12)) {
      const p60 = await (await h.get('/v1/me/p60s/2025-26', await tokenOf(employeeId))).json();
      const [band] = p60.nationalInsurance;
      const niable = rows.map((r) => r.grossPence - sumCode([r], 'SAL_SAC'));
      if (niable.some((p) => p > monthly.uel * 100)) continue; // above the UEL the 2% band applies too
      assert.equal(band.earningsAtLelPence, niable.filter((p) => p >= monthly.lel * 100).length * monthly.lel * 100);
      assert.ok(Math.abs(Math.round(band.earningsPtToUelPence * 0.08) - band.employeeContributionsPence) <= 12, employeeId);
      assert.ok(band.earningsLelToPtPence <= 12 * (monthly.pt - monthly.lel) * 100);
      checked++;
    }
    assert.ok(checked >= 20, `${checked} checked`);
  });

  test('the list names the ended tax years in which I was paid, newest first', async () => {
    const [someone] = [...year.keys()];
    const list = await (await h.get('/v1/me/p60s', await tokenOf(someone!))).json();
    const expected = ['2026-27', '2025-26'].filter((y) => taxYearHasEnded(y, todayUtc()));
    assert.deepEqual(list.data.map((y: { taxYear: string }) => y.taxYear), expected);
    assert.equal(list.hasMore, false);
    assert.equal(list.data.find((y: { taxYear: string }) => y.taxYear === '2025-26').payslipCount, year.get(someone!)!.length);
    assert.equal(list.data[0].taxYearEnd, '2026-04-05');
  });

  test('a tax year not yet ended, or with no payslips, has no P60: 404', async () => {
    const [someone] = [...year.keys()];
    const token = await tokenOf(someone!);
    const current = currentTaxYear(todayUtc());
    for (const taxYear of [current, '2024-25', '2099-00', ...(taxYearHasEnded('2026-27', todayUtc()) ? [] : ['2026-27'])]) {
      for (const suffix of ['', '/pdf']) {
        const res = await h.get(`/v1/me/p60s/${taxYear}${suffix}`, token);
        assert.equal(res.status, 404, `${taxYear}${suffix}`);
        assert.equal((await readProblem(res))['code'], 'not_found');
      }
    }
  });

  test('someone first paid after the tax year ended has no P60 and an empty list', async (t) => {
    const joiner = (await h.database.db.select({ id: employees.id }).from(employees).orderBy(asc(employees.id))).map((e) => e.id).find((id) => !year.has(id));
    if (!joiner) return t.skip('every seeded person was paid in 2025-26');
    const token = await tokenOf(joiner);
    assert.deepEqual((await (await h.get('/v1/me/p60s', token)).json()).data, []);
    assert.equal((await h.get('/v1/me/p60s/2025-26', token)).status, 404);
  });

  test('a malformed tax year is a 400 naming param.taxYear', async () => {
    const token = await tokenOf([...year.keys()][0]!);
    for (const bad of ['2025', '25-26', '2025-27', '2025-25', '2025-2026', 'abcd-ef', '2025_26']) {
      for (const suffix of ['', '/pdf']) {
        const res = await h.get(`/v1/me/p60s/${bad}${suffix}`, token);
        assert.equal(res.status, 400, bad);
        const problem = await readProblem(res);
        assert.equal(problem['code'], 'validation_failed');
        assert.deepEqual(problem.errors?.map((e) => e.path), ['param.taxYear']);
      }
    }
  });

  test('the P60 PDF: a download of one parseable page carrying the P60’s figures', async () => {
    const [employeeId] = [...year].find(([, r]) => r.length === 12 && sumCode(r, 'SL') > 0) ?? [...year][0]!;
    const token = await tokenOf(employeeId);
    const res = await h.get('/v1/me/p60s/2025-26/pdf', token);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="p60-2025-26.pdf"');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    assert.equal(doc.getPageCount(), 1);
    assert.match(doc.getTitle() ?? '', /^P60 End of Year Certificate, tax year to 5 April 2026, /);
    const p60 = await (await h.get('/v1/me/p60s/2025-26', token)).json();
    assert.equal(doc.getAuthor(), p60.employer.name);
    const rendered = await renderP60Pdf(p60);
    assert.deepEqual(bytes, rendered.bytes, 'the served PDF is a render of the JSON P60');
    const text = rendered.runs.map((r) => r.text);
    for (const s of [
      'P60 End of Year Certificate', 'Tax year to 5 April 2026', p60.employee.niNumberMasked, p60.employee.payrollNumber, p60.finalTaxCode,
      formatPounds(p60.payInThisEmploymentPence), formatPounds(p60.taxInThisEmploymentPence), formatPounds(p60.studentLoanPence),
      formatPounds(p60.nationalInsurance[0].employeeContributionsPence), formatPounds(p60.nationalInsurance[0].earningsPtToUelPence),
      p60.employer.name, p60.employer.payeReference, 'Page 1 of 1',
    ]) assert.ok(text.includes(s), `missing ${s}`);
  });

  test('employer PAYE references are stable per organisation code', () => {
    assert.equal(employerPayeReference('R100'), '120/R100');
    assert.equal(employerPayeReference('R101'), '121/R101');
    assert.match(employerPayeReference('RXQ'), /^\d{3}\/RXQ$/);
  });

  test('P60 routes need a signed-in caller', async () => {
    assert.equal((await h.get('/v1/me/p60s')).status, 401);
    assert.equal((await h.get('/v1/me/p60s/2025-26')).status, 401);
  });

  test('a P60 is the caller’s own: figures come from their payslips only', async () => {
    const [a, b] = [...year.keys()];
    const pa = await (await h.get('/v1/me/p60s/2025-26', await tokenOf(a!))).json();
    const pb = await (await h.get('/v1/me/p60s/2025-26', await tokenOf(b!))).json();
    assert.equal(pa.employee.id, a);
    assert.equal(pb.employee.id, b);
    const stored = await h.database.db.select({ id: payslips.id }).from(payslips).where(and(eq(payslips.employeeId, a!), eq(payslips.taxYear, '2025-26')));
    assert.equal(pa.payslipCount, stored.length);
  });
});
