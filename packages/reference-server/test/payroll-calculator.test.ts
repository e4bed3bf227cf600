// POST /v1/payroll/calculate: every one of HMRC's 567 conformance rows through HTTP, plus the
// contract around it (auth, strict bodies, engine input errors as 400 problems naming the field).
// The calculator touches no stored data, so the app runs without a database.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';

import { createApp } from '../src/app.ts';
import { createDemoIssuer } from '../src/auth/tokens.ts';
import type { Database } from '../src/db/database.ts';
import { calculatePeriod } from '../src/domain/payroll/index.ts';
import type { PeriodInput } from '../src/domain/payroll/index.ts';
import { toPayrollCalculation } from '../src/routes/payroll-calculator.ts';
import { readProblem } from './helpers/harness.ts';
import type { TestResponse } from './helpers/harness.ts';

const VECTORS_PATH = process.env['HMRC_VECTORS_PATH'] ?? new URL('./data/hmrc-payroll-vectors.json', import.meta.url);
type Row = Record<string, unknown> & { id: string; kind: string };
const rows = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as Row[];

/** Exact decimal-string → pence ("1156.25" → 115625, "2082" → 208200). */
function pence(value: unknown): number {
  const m = typeof value === 'string' ? /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value) : null;
  if (!m) throw new Error(`not a money string: ${JSON.stringify(value)}`);
  const abs = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -abs : abs;
}

function str(row: Row, key: string): string {
  const v = row[key];
  if (typeof v !== 'string') throw new Error(`${row.id}: field ${key} missing`);
  return v;
}

type Body = Record<string, unknown>;

/**
 * One HMRC row as a calculator request, as faithfully as the row allows:
 * - PAYE rows carry their own year, code, basis and previous to-date figures (NI letter A: not checked);
 * - NI rows are one period on their own; code NT so no income tax is mixed in;
 * - student-loan rows are worked examples from earlier years, so their own period threshold is
 *   passed as studentLoanThresholdOverridePence (the 9% rate is unchanged; the year given is only a carrier).
 */
function requestFor(row: Row): Body {
  const frequency = str(row, 'pay_frequency');
  const gross = pence(str(row, 'gross_pay_this_period'));
  switch (row.kind) {
    case 'paye_income_tax': {
      const cumulative = str(row, 'basis') === 'cumulative';
      return {
        taxYear: str(row, 'tax_year'),
        frequency,
        period: row['period'],
        taxCode: str(row, 'tax_code'),
        basis: cumulative ? 'cumulative' : 'non-cumulative',
        grossPayPence: gross,
        ...(cumulative
          ? { taxablePayToDatePence: pence(str(row, 'pay_to_date_previous_period')), taxToDatePence: pence(str(row, 'tax_due_to_date_previous_period')) }
          : {}),
        niCategory: 'A',
      };
    }
    case 'class1_nic':
      return { taxYear: str(row, 'tax_year'), frequency, period: row['period'], taxCode: 'NT', grossPayPence: gross, niCategory: str(row, 'ni_category') };
    case 'student_loan': {
      const plan = /^plan_([1245])$/.exec(str(row, 'student_loan_plan'));
      assert.ok(plan, `${row.id}: unknown plan`);
      assert.equal(str(row, 'rate'), '0.09', `${row.id}: the engine's plan rate is 9%`);
      return {
        taxYear: '2025-26',
        frequency,
        period: 1,
        taxCode: 'NT',
        grossPayPence: gross,
        niCategory: 'A',
        studentLoanPlans: [plan[1]],
        studentLoanThresholdOverridePence: pence(str(row, 'period_threshold_used_by_source')),
      };
    }
    default:
      throw new Error(`${row.id}: unknown kind ${row.kind}`);
  }
}

/** [label, response field, expected value] for every figure the row states. */
function expectations(row: Row): Array<[string, string, number]> {
  switch (row.kind) {
    case 'paye_income_tax':
      return [
        ['tax this period', 'taxPence', pence(str(row, 'expected_tax_this_period'))],
        ['tax due to date', 'taxToDatePence', pence(str(row, 'expected_tax_due_to_date'))],
        ['taxable pay to date', 'taxablePayToDatePence', pence(str(row, 'pay_to_date_including_this_period'))],
      ];
    case 'class1_nic':
      return [
        ['employee NI', 'employeeNiPence', pence(str(row, 'expected_employee_ni'))],
        ['employer NI', 'employerNiPence', pence(str(row, 'expected_employer_ni'))],
        ['earnings at LEL', 'earningsAtLelPence', pence(str(row, 'expected_earnings_at_lel'))],
        ['earnings LEL to PT', 'earningsLelToPtPence', pence(str(row, 'expected_earnings_lel_to_pt'))],
        ['earnings PT to UEL', 'earningsPtToUelPence', pence(str(row, 'expected_earnings_pt_to_uel'))],
      ];
    default:
      return [['student loan', 'studentLoanPence', pence(str(row, 'expected_student_loan_deduction'))]];
  }
}

let app: ReturnType<typeof createApp>;
let token: string;

async function post(body: unknown, bearer: string | null = token, raw = false): Promise<TestResponse> {
  return app.request('/v1/payroll/calculate', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: raw ? (body as string) : JSON.stringify(body),
  });
}

before(async () => {
  const demo = await createDemoIssuer();
  // No rate limit: one caller sends 567+ requests here; the budget is covered by its own tests.
  app = createApp({ database: {} as Database, verifier: demo, demo, rateLimit: false });
  token = await demo.sign({ sub: 'emp_000001', org: 'org_00', roles: [] });
});

describe('HMRC conformance vectors through POST /v1/payroll/calculate', () => {
  const matched = new Map<string, number>();
  let failed = 0;

  for (const row of rows) {
    it(row.id, async () => {
      const body = requestFor(row);
      const res = await post(body);
      const json = await res.json();
      assert.equal(res.status, 200, `${row.id}: ${JSON.stringify(json)}`);
      const tolerance = pence(str(row, 'tolerance_gbp'));
      try {
        for (const [label, field, expected] of expectations(row)) {
          const actual = json[field];
          assert.equal(typeof actual, 'number', `${row.id}: ${field} missing`);
          assert.ok(Math.abs(actual - expected) <= tolerance, `${row.id} ${label}: expected ${expected}p ±${tolerance}p, got ${actual}p (${str(row, 'source_detail')})`);
        }
        if (row.kind === 'paye_income_tax' && json.taxCode !== 'NT') {
          // HMRC writes NT unprefixed on every sheet; every other code's prefix must pick the sheet's rates.
          assert.equal(json.jurisdiction, str(row, 'jurisdiction'), `${row.id}: rates applied`);
        }
        if (row.kind === 'student_loan') assert.equal(json.studentLoanThresholdPence, body['studentLoanThresholdOverridePence']);
        // Every response explains every figure.
        assert.ok(json.lines.length >= 5 && json.lines.every((l: { explanation: string }) => l.explanation.length > 0), `${row.id}: lines`);
      } catch (error) {
        failed += 1;
        throw error;
      }
      matched.set(row.kind, (matched.get(row.kind) ?? 0) + 1);
    });
  }

  it('all 567 rows match through HTTP', (t) => {
    const total = [...matched.values()].reduce((a, b) => a + b, 0);
    t.diagnostic(
      `HMRC vectors through the endpoint: ${total}/${rows.length} ` +
        `(PAYE ${matched.get('paye_income_tax') ?? 0}/336, NI ${matched.get('class1_nic') ?? 0}/224, student loan ${matched.get('student_loan') ?? 0}/7, failed ${failed})`,
    );
    assert.equal(rows.length, 567);
    assert.equal(total, 567);
    assert.deepEqual(Object.fromEntries(matched), { paye_income_tax: 336, class1_nic: 224, student_loan: 7 });
  });
});

/** Band 5 nurse, monthly, everything switched on. */
const nurse: Body = {
  taxYear: '2025-26',
  frequency: 'monthly',
  period: 7,
  taxCode: '1257L',
  grossPayPence: 258_741,
  salarySacrificePence: 5_000,
  taxablePayToDatePence: 1_489_476,
  taxToDatePence: 141_040,
  niCategory: 'A',
  studentLoanPlans: ['2'],
  postgraduateLoan: true,
  pensionablePayPence: 258_741,
  annualPensionablePayPence: 3_104_900,
};

async function expectFieldError(body: unknown, path: string, raw = false): Promise<{ code: string; message: string }> {
  const res = await post(body, token, raw);
  assert.equal(res.status, 400);
  const problem = await readProblem(res);
  assert.equal(problem['code'], 'validation_failed');
  const issue = problem.errors?.find((e) => e.path === path);
  assert.ok(issue, `expected an error at ${path}, got ${JSON.stringify(problem.errors)}`);
  return issue;
}

describe('POST /v1/payroll/calculate contract', () => {
  it('answers with every figure, identical to the engine, and explains each line', async () => {
    const res = await post(nurse);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const json = await res.json();
    const expected = toPayrollCalculation(nurse as unknown as PeriodInput, calculatePeriod(nurse as unknown as PeriodInput));
    assert.deepEqual(json, JSON.parse(JSON.stringify(expected)));
    for (const field of ['taxPence', 'employeeNiPence', 'employerNiPence', 'studentLoanPence', 'postgraduateLoanPence', 'pensionMemberPence', 'pensionEmployerPence', 'netPayPence', 'taxablePayPence', 'niablePayPence', 'taxablePayToDatePence', 'taxToDatePence']) {
      assert.ok(Number.isSafeInteger(json[field]), `${field} is integer pence`);
    }
    assert.equal(json.pensionTier.rateBps, 830);
    assert.equal(json.niablePayPence, 258_741 - 5_000);
    assert.equal(json.netPayPence, 258_741 - 5_000 - json.pensionMemberPence - json.taxPence - json.employeeNiPence - json.studentLoanPence - json.postgraduateLoanPence);
    const codes = json.lines.map((l: { code: string }) => l.code);
    assert.deepEqual(codes, ['GROSS_PAY', 'SALARY_SACRIFICE', 'NHS_PENSION_MEMBER', 'TAXABLE_PAY', 'PAYE', 'NI_EMPLOYEE', 'STUDENT_LOAN', 'POSTGRADUATE_LOAN', 'NET_PAY', 'NI_EMPLOYER', 'NHS_PENSION_EMPLOYER']);
    for (const line of json.lines) {
      assert.deepEqual(Object.keys(line).sort(), ['amountPence', 'code', 'explanation', 'kind', 'label']);
      assert.ok(line.explanation.length > 10);
    }
  });

  it('picks Scottish and Welsh rates from the code prefix', async () => {
    const s = await (await post({ ...nurse, taxCode: 'S1257L' })).json();
    const c = await (await post({ ...nurse, taxCode: 'c1257l m1' })).json();
    assert.equal(s.jurisdiction, 'scotland');
    assert.equal(c.jurisdiction, 'wales');
    assert.equal(c.taxCode, 'C1257L M1');
    assert.equal(c.basis, 'non-cumulative');
  });

  it('missing token → 401 problem', async () => {
    const res = await post(nurse, null);
    assert.equal(res.status, 401);
    const problem = await readProblem(res);
    assert.equal(problem['code'], 'unauthenticated');
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
  });

  it('invalid token → 401 problem', async () => {
    const res = await post(nurse, 'not.a.token');
    assert.equal(res.status, 401);
    assert.equal((await readProblem(res))['code'], 'unauthenticated');
  });

  it('unknown field → 400 naming it', async () => {
    const issue = await expectFieldError({ ...nurse, bonusPence: 100 }, 'json.bonusPence');
    assert.equal(issue.code, 'unknown_field');
  });

  it('invalid tax code → 400 at json.taxCode', async () => {
    const issue = await expectFieldError({ ...nurse, taxCode: 'ZZ99' }, 'json.taxCode');
    assert.match(issue.message, /Unrecognised tax code/);
    // D2 exists only in Scotland.
    await expectFieldError({ ...nurse, taxCode: 'D2' }, 'json.taxCode');
    await expectFieldError({ ...nurse, taxCode: 'K0' }, 'json.taxCode');
    await expectFieldError({ ...nurse, taxCode: '' }, 'json.taxCode');
  });

  it('period 13 of a monthly payroll → 400 at json.period', async () => {
    const issue = await expectFieldError({ ...nurse, period: 13 }, 'json.period');
    assert.match(issue.message, /1 to 12/);
    await expectFieldError({ ...nurse, period: 0 }, 'json.period');
    await expectFieldError({ ...nurse, frequency: 'four-weekly', period: 15 }, 'json.period');
    // Week 53 is a real period (taxed week 1 basis).
    const w53 = await post({ ...nurse, frequency: 'weekly', period: 53, grossPayPence: 60_000, pensionablePayPence: 60_000 });
    assert.equal(w53.status, 200);
    assert.equal((await w53.json()).basis, 'non-cumulative');
  });

  it('floats, strings and negatives for pence → 400 naming the field', async () => {
    await expectFieldError({ ...nurse, grossPayPence: 2587.41 }, 'json.grossPayPence');
    await expectFieldError({ ...nurse, taxToDatePence: 0.5 }, 'json.taxToDatePence');
    await expectFieldError({ ...nurse, grossPayPence: '258741' }, 'json.grossPayPence');
    await expectFieldError({ ...nurse, salarySacrificePence: -1 }, 'json.salarySacrificePence');
    await expectFieldError({ ...nurse, grossPayPence: 1e16 }, 'json.grossPayPence');
  });

  it('missing and malformed required fields → 400 naming them', async () => {
    const { taxCode: _omit, ...withoutCode } = nurse;
    await expectFieldError(withoutCode, 'json.taxCode');
    await expectFieldError({ ...nurse, niCategory: 'Q' }, 'json.niCategory');
    await expectFieldError({ ...nurse, taxYear: '2024-25' }, 'json.taxYear');
    await expectFieldError({ ...nurse, frequency: 'daily' }, 'json.frequency');
    await expectFieldError({ ...nurse, studentLoanPlans: ['3'] }, 'json.studentLoanPlans.0');
    await expectFieldError({ ...nurse, basis: 'weekly' }, 'json.basis');
  });

  it('engine rules become 400 problems naming the field, never 500', async () => {
    await expectFieldError({ ...nurse, salarySacrificePence: 300_000 }, 'json.salarySacrificePence');
    await expectFieldError({ ...nurse, taxCode: '1257L M1', basis: 'cumulative' }, 'json.basis');
    await expectFieldError({ ...nurse, studentLoanThresholdOverridePence: 200_000, studentLoanPlans: ['1', '2'] }, 'json.studentLoanThresholdOverridePence');
    await expectFieldError({ ...nurse, studentLoanThresholdOverridePence: 200_000, studentLoanPlans: [] }, 'json.studentLoanThresholdOverridePence');
    // A contribution larger than the pay it comes from.
    await expectFieldError({ ...nurse, grossPayPence: 1_000, salarySacrificePence: 0, pensionablePayPence: 900_000 }, 'json.pensionablePayPence');
  });

  it('a body that is not JSON → 400 problem', async () => {
    const res = await post('{"taxYear":', token, true);
    assert.equal(res.status, 400);
    await readProblem(res);
  });

  it('is documented in the OpenAPI document', () => {
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '0' } }) as unknown as {
      paths: Record<string, Record<string, { operationId: string; tags: string[]; security: unknown; responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const op = doc.paths['/v1/payroll/calculate']?.['post'];
    assert.ok(op);
    assert.equal(op.operationId, 'calculatePayrollPeriod');
    assert.deepEqual(op.tags, ['Payroll']);
    assert.deepEqual(op.security, [{ bearerAuth: [] }]);
    for (const status of ['400', '401', '429']) assert.ok(op.responses[status]?.content?.['application/problem+json'], status);
  });
});
