// Payroll engine tests: every row of HMRC's conformance data (hmrc-payroll-vectors.json, 567 rows)
// plus targeted checks of the rules the HMRC data does not exercise.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import {
  NI_CATEGORIES,
  PayrollInputError,
  RATES,
  calculateNhsPension,
  calculateNi,
  calculatePaye,
  calculatePeriod,
  calculateStudentLoans,
  formatPence,
  nhsPensionTier,
  parseTaxCode,
  payAdjustmentPerUnitPence,
  periodThresholdPence,
  studentLoanDeductionPence,
  taxPeriodForPayDate,
  taxYearForPayDate,
} from '../src/domain/payroll/index.ts';
import type { PayFrequency, PeriodInput, PeriodResult, StudentLoanPlan, TaxYear } from '../src/domain/payroll/index.ts';

// HMRC's official conformance data (copied from shared/reference so a clean clone is self-contained).
const VECTORS_PATH = process.env['HMRC_VECTORS_PATH'] ?? new URL('./data/hmrc-payroll-vectors.json', import.meta.url);

type Row = Record<string, unknown> & { id: string; kind: string };
const rows = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as Row[];

/** Exact decimal-string → pence ("1156.25" → 115625, "-29406.05" → -2940605, "2082" → 208200). */
function pence(value: unknown): number {
  const m = typeof value === 'string' ? /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value) : null;
  if (!m) throw new Error(`not a money string: ${JSON.stringify(value)}`);
  const abs = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -abs : abs;
}

/** "0.09" → 900 basis points, exactly. */
function bps(value: unknown): number {
  const m = typeof value === 'string' ? /^0\.(\d{1,4})$/.exec(value) : null;
  if (!m) throw new Error(`not a rate: ${JSON.stringify(value)}`);
  return Number(m[1]!.padEnd(4, '0'));
}

function str(row: Row, key: string): string {
  const v = row[key];
  if (typeof v !== 'string') throw new Error(`${row.id}: field ${key} missing`);
  return v;
}

function withinTolerance(row: Row, label: string, actual: number, expected: number): void {
  const tolerance = pence(str(row, 'tolerance_gbp'));
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${row.id} ${label}: expected ${expected}p ±${tolerance}p, got ${actual}p (${str(row, 'source_detail')})`,
  );
}

function frequency(row: Row): PayFrequency {
  const f = str(row, 'pay_frequency');
  assert.ok(f === 'weekly' || f === 'monthly', `${row.id}: unexpected frequency ${f}`);
  return f;
}

describe('HMRC conformance vectors', () => {
  it('contains exactly the documented 567 rows, all of known kinds', () => {
    assert.equal(rows.length, 567);
    const kinds = new Set(rows.map((r) => r.kind));
    assert.deepEqual([...kinds].sort(), ['class1_nic', 'paye_income_tax', 'student_loan']);
  });

  describe('PAYE income tax (336 rows)', () => {
    const paye = rows.filter((r) => r.kind === 'paye_income_tax');
    it('has 336 rows', () => assert.equal(paye.length, 336));
    for (const row of paye) {
      it(row.id, () => {
        const basis = str(row, 'basis');
        assert.ok(basis === 'cumulative' || basis === 'week1_month1', `${row.id}: unknown basis ${basis}`);
        const cumulative = basis === 'cumulative';
        const gross = pence(str(row, 'gross_pay_this_period'));
        const before = cumulative ? pence(str(row, 'pay_to_date_previous_period')) : 0;
        const taxBefore = cumulative ? pence(str(row, 'tax_due_to_date_previous_period')) : 0;
        // Guard against transcription drift: HMRC's to-date column must equal previous + this period.
        assert.equal(before + gross, pence(str(row, 'pay_to_date_including_this_period')), `${row.id}: pay-to-date columns disagree`);
        const result = calculatePaye({
          taxYear: str(row, 'tax_year') as TaxYear,
          frequency: frequency(row),
          period: Number(row['period']),
          taxCode: str(row, 'tax_code'),
          basis: cumulative ? 'cumulative' : 'non-cumulative',
          taxablePayPence: gross, // no pension in HMRC rows: gross is the taxable pay
          taxablePayToDatePence: before,
          taxToDatePence: taxBefore,
        });
        // HMRC writes NT without a country prefix on every sheet; all other codes must match their sheet.
        if (result.taxCode.kind !== 'no-tax') {
          assert.equal(result.taxCode.jurisdiction, str(row, 'jurisdiction'), `${row.id}: code prefix vs sheet jurisdiction`);
        }
        withinTolerance(row, 'tax this period', result.taxPence, pence(str(row, 'expected_tax_this_period')));
        withinTolerance(row, 'tax due to date', result.taxToDatePence, pence(str(row, 'expected_tax_due_to_date')));
      });
    }
  });

  describe('Class 1 NI 2025-26 (224 rows)', () => {
    const ni = rows.filter((r) => r.kind === 'class1_nic');
    it('has 224 rows', () => assert.equal(ni.length, 224));
    for (const row of ni) {
      it(row.id, () => {
        assert.equal(str(row, 'method'), 'exact_percentage');
        const result = calculateNi({
          taxYear: str(row, 'tax_year') as TaxYear,
          frequency: frequency(row),
          niCategory: str(row, 'ni_category'),
          niablePayPence: pence(str(row, 'gross_pay_this_period')),
        });
        withinTolerance(row, 'employee NI', result.employeePence, pence(str(row, 'expected_employee_ni')));
        withinTolerance(row, 'employer NI', result.employerPence, pence(str(row, 'expected_employer_ni')));
        withinTolerance(row, 'earnings at LEL', result.earningsAtLelPence, pence(str(row, 'expected_earnings_at_lel')));
        withinTolerance(row, 'earnings LEL to PT', result.earningsLelToPtPence, pence(str(row, 'expected_earnings_lel_to_pt')));
        withinTolerance(row, 'earnings PT to UEL', result.earningsPtToUelPence, pence(str(row, 'expected_earnings_pt_to_uel')));
      });
    }
  });

  describe('Student loan method (7 rows, historic thresholds used as overrides)', () => {
    const sl = rows.filter((r) => r.kind === 'student_loan');
    it('has 7 rows', () => assert.equal(sl.length, 7));
    for (const row of sl) {
      it(row.id, () => {
        const plan = str(row, 'student_loan_plan');
        assert.match(plan, /^plan_[1245]$/, `${row.id}: unknown plan ${plan}`);
        const rate = bps(str(row, 'rate'));
        // The rows' thresholds are old, but the plan rate is still the engine's current one.
        assert.equal(rate, RATES['2025-26'].studentLoans.planRateBps, `${row.id}: plan rate`);
        const deduction = studentLoanDeductionPence(
          pence(str(row, 'gross_pay_this_period')),
          pence(str(row, 'period_threshold_used_by_source')),
          rate,
        );
        withinTolerance(row, 'deduction', deduction, pence(str(row, 'expected_student_loan_deduction')));
      });
    }
  });
});

function assertInputError(fn: () => unknown, field: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof PayrollInputError, `expected PayrollInputError, got ${String(err)}`);
    assert.equal(err.field, field);
    return true;
  });
}

describe('tax code parsing', () => {
  const cases: Array<[string, Partial<ReturnType<typeof parseTaxCode>>]> = [
    ['1257L', { code: '1257L', jurisdiction: 'rest_of_uk', kind: 'allowance', number: 1257, suffix: 'L', nonCumulativeMarker: null }],
    ['1383M', { kind: 'allowance', number: 1383, suffix: 'M' }],
    ['1131N', { kind: 'allowance', number: 1131, suffix: 'N' }],
    ['1257T', { kind: 'allowance', number: 1257, suffix: 'T' }],
    ['0T', { kind: 'allowance', number: 0, suffix: 'T' }],
    ['S0T', { kind: 'allowance', number: 0, jurisdiction: 'scotland' }],
    ['K475', { kind: 'k', number: 475 }],
    ['SK585', { kind: 'k', number: 585, jurisdiction: 'scotland' }],
    ['CK27', { kind: 'k', number: 27, jurisdiction: 'wales' }],
    ['BR', { kind: 'basic-rate' }],
    ['SBR', { kind: 'basic-rate', jurisdiction: 'scotland' }],
    ['CBR', { kind: 'basic-rate', jurisdiction: 'wales' }],
    ['D0', { kind: 'flat-rate', dIndex: 0 }],
    ['D1', { kind: 'flat-rate', dIndex: 1 }],
    ['CD1', { kind: 'flat-rate', dIndex: 1, jurisdiction: 'wales' }],
    ['SD0', { kind: 'flat-rate', dIndex: 0, jurisdiction: 'scotland' }],
    ['SD3', { kind: 'flat-rate', dIndex: 3, jurisdiction: 'scotland' }],
    ['NT', { kind: 'no-tax' }],
    ['S1257L', { jurisdiction: 'scotland', number: 1257 }],
    ['C1257L', { jurisdiction: 'wales', number: 1257 }],
    ['1257L W1', { code: '1257L W1', baseCode: '1257L', nonCumulativeMarker: 'W1' }],
    ['1257L M1', { nonCumulativeMarker: 'M1' }],
    ['1257L X', { nonCumulativeMarker: 'X' }],
    ['1257LX', { code: '1257L X', nonCumulativeMarker: 'X' }],
    [' s1257l/m1 ', { code: 'S1257L M1', jurisdiction: 'scotland', nonCumulativeMarker: 'M1' }],
    ['K475 W1', { kind: 'k', number: 475, nonCumulativeMarker: 'W1' }],
    ['BR M1', { kind: 'basic-rate', nonCumulativeMarker: 'M1' }],
  ];
  for (const [text, expected] of cases) {
    it(`parses ${JSON.stringify(text)}`, () => {
      const parsed = parseTaxCode(text);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(parsed[key as keyof typeof parsed], value, `${text}: ${key}`);
      }
    });
  }
  for (const bad of ['', '1257', '1257Q', 'L', 'K', 'K0', 'D2', 'CD2', 'SD4', 'BR1', 'XBR', '1257L W2', '1257L M1 X', '12345678L', 'NT5']) {
    it(`rejects ${JSON.stringify(bad)} with field taxCode`, () => assertInputError(() => parseTaxCode(bad), 'taxCode'));
  }
  it('rejects non-strings', () => assertInputError(() => parseTaxCode(1257), 'taxCode'));
  it('calculatePeriod reports a bad code against taxCode', () =>
    assertInputError(() => calculatePeriod({ ...nurse(1), taxCode: '1257Q' }), 'taxCode'));
});

describe('PAYE details', () => {
  it('pay adjustment follows the Tables A method (1257L monthly = £1,048.26, not £1,047.50)', () => {
    assert.equal(payAdjustmentPerUnitPence(1257, 12), 104_826);
    // Codes above 500 use the fixed 500-unit block constants (£416.67 monthly / £96.16 weekly).
    assert.equal(payAdjustmentPerUnitPence(1001, 12) - payAdjustmentPerUnitPence(1, 12), 2 * 41_667);
    assert.equal(payAdjustmentPerUnitPence(501, 52) - payAdjustmentPerUnitPence(1, 52), 9_616);
  });

  it('W1/M1 marker, explicit basis and the conflict between them', () => {
    const base = { taxYear: '2026-27', frequency: 'monthly', period: 6, taxablePayPence: 300_000, taxablePayToDatePence: 0, taxToDatePence: 0 } as const;
    const marker = calculatePaye({ ...base, taxCode: '1257L M1' });
    const explicit = calculatePaye({ ...base, taxCode: '1257L', basis: 'non-cumulative' });
    assert.equal(marker.basis, 'non-cumulative');
    assert.equal(marker.taxPence, explicit.taxPence);
    assert.equal(marker.taxPence, calculatePaye({ ...base, period: 1, taxCode: '1257L' }).taxPence);
    assertInputError(() => calculatePaye({ ...base, taxCode: '1257L M1', basis: 'cumulative' }), 'basis');
  });

  it('a fortnightly period is the cumulative week it ends in', () => {
    const input = { taxYear: '2025-26', taxCode: '1257L', taxablePayPence: 180_000, taxablePayToDatePence: 450_000, taxToDatePence: 40_000 } as const;
    const fortnightly = calculatePaye({ ...input, frequency: 'fortnightly', period: 3 });
    const weekly = calculatePaye({ ...input, frequency: 'weekly', period: 6 });
    assert.equal(fortnightly.taxPence, weekly.taxPence);
    assert.equal(fortnightly.units, 6);
  });

  it('week 53 is taxed on a week 1 basis', () => {
    const r = calculatePaye({ taxYear: '2025-26', frequency: 'weekly', period: 53, taxCode: '1257L', taxablePayPence: 60_000, taxablePayToDatePence: 3_000_000, taxToDatePence: 400_000 });
    assert.equal(r.basis, 'non-cumulative');
    assert.equal(r.taxPence, calculatePaye({ taxYear: '2025-26', frequency: 'weekly', period: 1, taxCode: '1257L W1', taxablePayPence: 60_000 }).taxPence);
  });

  it('non-cumulative codes never refund; cumulative NT refunds everything', () => {
    const w1 = calculatePaye({ taxYear: '2025-26', frequency: 'monthly', period: 5, taxCode: '1257L M1', taxablePayPence: 10_000, taxablePayToDatePence: 1_000_000, taxToDatePence: 150_000 });
    assert.equal(w1.taxPence, 0);
    assert.equal(w1.taxToDatePence, 150_000);
    const nt = calculatePaye({ taxYear: '2025-26', frequency: 'monthly', period: 5, taxCode: 'NT', taxablePayPence: 10_000, taxablePayToDatePence: 1_000_000, taxToDatePence: 150_000 });
    assert.equal(nt.taxPence, -150_000);
    assert.equal(nt.taxToDatePence, 0);
  });
});

describe('50% regulatory limit', () => {
  const base = { taxYear: '2025-26', frequency: 'monthly', taxCode: 'K1000' } as const;

  it('caps a K-code deduction at half the period pay and carries the shortfall forward', () => {
    const p1 = calculatePaye({ ...base, period: 1, taxablePayPence: 40_001 });
    assert.ok(p1.unrestrictedTaxPence > p1.regulatoryLimitPence, 'test needs an unrestricted figure above the limit');
    assert.equal(p1.regulatoryLimitApplied, true);
    assert.equal(p1.regulatoryLimitPence, 20_000); // half of £400.01, rounded down to the penny
    assert.equal(p1.taxPence, 20_000);
    assert.equal(p1.taxToDatePence, 20_000);
    assert.match(p1.explanation, /limited to 50%/);
    // Next period, with ample pay, the cumulative calculation recovers what the limit held back.
    const p2 = calculatePaye({ ...base, period: 2, taxablePayPence: 500_000, taxablePayToDatePence: 40_001, taxToDatePence: p1.taxToDatePence });
    assert.equal(p2.regulatoryLimitApplied, false);
    assert.equal(p2.taxToDatePence, p2.taxDuePence);
    assert.equal(p2.taxPence, p2.taxDuePence - p1.taxPence);
  });

  it('applies to all codes (since April 2015) but never restricts a refund', () => {
    const catchUp = calculatePaye({ taxYear: '2025-26', frequency: 'monthly', period: 6, taxCode: '1257L', taxablePayPence: 10_000, taxablePayToDatePence: 5_000_000, taxToDatePence: 0 });
    assert.equal(catchUp.taxPence, 5_000);
    assert.equal(catchUp.regulatoryLimitApplied, true);
    const refund = calculatePaye({ taxYear: '2025-26', frequency: 'monthly', period: 6, taxCode: 'BR', taxablePayPence: 10_000, taxablePayToDatePence: 100_000, taxToDatePence: 90_000 });
    assert.ok(refund.taxPence < 0);
    assert.equal(refund.regulatoryLimitApplied, false);
  });

  it('zero pay means no deduction at all', () => {
    const r = calculatePaye({ ...base, period: 1, taxablePayPence: 0 });
    assert.equal(r.taxPence, 0);
  });
});

describe('NHS pension tiers', () => {
  const boundaries: Array<[number, number, number]> = [
    // [annual pay in pence, expected tier, expected rate bps] at each edge of the §4 table
    [0, 1, 520],
    [1_325_999, 1, 520],
    [1_326_000, 2, 650],
    [2_779_799, 2, 650],
    [2_779_800, 3, 830],
    [3_386_899, 3, 830],
    [3_386_900, 4, 980],
    [5_084_599, 4, 980],
    [5_084_600, 5, 1070],
    [6_519_099, 5, 1070],
    [6_519_100, 6, 1250],
    [50_000_000, 6, 1250],
  ];
  for (const [pay, tier, rate] of boundaries) {
    it(`£${(pay / 100).toFixed(2)} → tier ${tier} (${rate / 100}%)`, () => {
      const t = nhsPensionTier('2025-26', pay);
      assert.equal(t.tier, tier);
      assert.equal(t.rateBps, rate);
      assert.equal(t.provisional, false);
    });
  }
  it('2026-27 carries the 2025-26 table forward, flagged provisional', () => {
    const t = nhsPensionTier('2026-27', 3_000_000);
    assert.equal(t.provisional, true);
    assert.match(calculateNhsPension({ taxYear: '2026-27', pensionablePayPence: 250_000, annualPensionablePayPence: 3_000_000 }).memberExplanation, /not yet published/);
  });
  it('tier follows actual annual pay, not this period', () => {
    const partTimer = calculateNhsPension({ taxYear: '2025-26', pensionablePayPence: 150_000, annualPensionablePayPence: 1_800_000 });
    assert.equal(partTimer.tier.tier, 2);
    assert.equal(partTimer.memberPence, 9_750); // 6.5% of £1,500
  });
});

describe('student loans', () => {
  it('per-period thresholds truncate to the penny (published 2025-26 figures)', () => {
    assert.equal(periodThresholdPence(26_065, 'monthly'), 217_208);
    assert.equal(periodThresholdPence(26_065, 'weekly'), 50_125);
    assert.equal(periodThresholdPence(32_745, 'weekly'), 62_971);
    assert.equal(periodThresholdPence(21_000, 'weekly'), 40_384);
    assert.equal(periodThresholdPence(28_470, 'fortnightly'), 2 * 54_750);
  });
  it('plan 5 only repays from 2026-27; PGL is added at 6%', () => {
    const y1 = calculateStudentLoans({ taxYear: '2025-26', frequency: 'monthly', earningsPence: 400_000, plans: ['5'] });
    assert.equal(y1.studentLoanPence, 0);
    const y2 = calculateStudentLoans({ taxYear: '2026-27', frequency: 'monthly', earningsPence: 400_000, plans: ['5'], postgraduateLoan: true });
    assert.equal(y2.studentLoanPence, studentLoanDeductionPence(400_000, periodThresholdPence(25_000, 'monthly'), 900));
    assert.equal(y2.postgraduateLoanPence, studentLoanDeductionPence(400_000, 175_000, 600));
    assert.equal(y2.postgraduateLoanPence % 100, 0);
  });
  it('several plans: one deduction above the lowest threshold', () => {
    const r = calculateStudentLoans({ taxYear: '2025-26', frequency: 'monthly', earningsPence: 300_000, plans: ['2', '1'] });
    assert.equal(r.planUsed, '1');
    assert.equal(r.studentLoanPence, studentLoanDeductionPence(300_000, 217_208, 900));
  });
  it('rejects unknown plans', () =>
    assertInputError(() => calculateStudentLoans({ taxYear: '2025-26', frequency: 'monthly', earningsPence: 1, plans: ['3' as '1'] }), 'studentLoanPlans'));
});

describe('calendar helpers', () => {
  it('tax year runs 6 April to 5 April', () => {
    assert.equal(taxYearForPayDate('2025-04-05'), '2024-25');
    assert.equal(taxYearForPayDate('2025-04-06'), '2025-26');
    assert.equal(taxYearForPayDate('2026-04-05'), '2025-26');
    assert.equal(taxYearForPayDate('2026-04-06'), '2026-27');
    assert.equal(taxYearForPayDate('2027-01-28'), '2026-27');
  });
  it('tax periods', () => {
    assert.equal(taxPeriodForPayDate('2025-04-06', 'monthly'), 1);
    assert.equal(taxPeriodForPayDate('2025-05-05', 'monthly'), 1);
    assert.equal(taxPeriodForPayDate('2025-05-06', 'monthly'), 2);
    assert.equal(taxPeriodForPayDate('2025-10-28', 'monthly'), 7);
    assert.equal(taxPeriodForPayDate('2026-03-27', 'monthly'), 12);
    assert.equal(taxPeriodForPayDate('2026-04-05', 'monthly'), 12);
    assert.equal(taxPeriodForPayDate('2025-04-12', 'weekly'), 1);
    assert.equal(taxPeriodForPayDate('2025-04-13', 'weekly'), 2);
    assert.equal(taxPeriodForPayDate('2026-04-04', 'weekly'), 52);
    assert.equal(taxPeriodForPayDate('2026-04-05', 'weekly'), 53);
    assert.equal(taxPeriodForPayDate('2025-04-19', 'fortnightly'), 1);
    assert.equal(taxPeriodForPayDate('2025-04-20', 'fortnightly'), 2);
    assert.equal(taxPeriodForPayDate('2025-05-04', 'four-weekly'), 2);
  });
  it('rejects malformed dates', () => {
    assertInputError(() => taxYearForPayDate('2025-02-30'), 'payDate');
    assertInputError(() => taxPeriodForPayDate('28/10/2025', 'monthly'), 'payDate');
  });
});

/** Band 5 entry point (£31,049 a year, 2025-26) paid monthly, 1257L, category A, plan 2, NHS pension. */
function nurse(period: number, extra: Partial<PeriodInput> = {}): PeriodInput {
  const monthly = Math.floor(3_104_900 / 12);
  return {
    taxYear: '2025-26',
    frequency: 'monthly',
    period,
    taxCode: '1257L',
    grossPayPence: monthly,
    taxablePayToDatePence: 0,
    taxToDatePence: 0,
    niCategory: 'A',
    studentLoanPlans: ['2'],
    pensionablePayPence: monthly,
    annualPensionablePayPence: 3_104_900,
    ...extra,
  };
}

function line(result: ReturnType<typeof calculatePeriod>, code: string): number {
  const found = result.lines.find((l) => l.code === code);
  assert.ok(found, `line ${code} missing`);
  assert.ok(found.explanation.length > 0, `line ${code} has no explanation`);
  return found.amountPence;
}

describe('calculatePeriod end to end (Band 5 nurse, monthly)', () => {
  it('runs a year cumulatively; every line equals the lower-level functions', () => {
    let payToDate = 0;
    let taxToDate = 0;
    for (let period = 1; period <= 12; period++) {
      const input = nurse(period, { taxablePayToDatePence: payToDate, taxToDatePence: taxToDate });
      const r = calculatePeriod(input);

      const pension = calculateNhsPension({ taxYear: '2025-26', pensionablePayPence: input.pensionablePayPence!, annualPensionablePayPence: 3_104_900 });
      assert.equal(pension.tier.rateBps, 830, 'Band 5 entry sits in the 8.3% tier');
      const taxable = input.grossPayPence - pension.memberPence;
      const paye = calculatePaye({ taxYear: '2025-26', frequency: 'monthly', period, taxCode: '1257L', taxablePayPence: taxable, taxablePayToDatePence: payToDate, taxToDatePence: taxToDate });
      const ni = calculateNi({ taxYear: '2025-26', frequency: 'monthly', niCategory: 'A', niablePayPence: input.grossPayPence });
      const sl = calculateStudentLoans({ taxYear: '2025-26', frequency: 'monthly', earningsPence: input.grossPayPence, plans: ['2'] });

      assert.equal(line(r, 'GROSS_PAY'), input.grossPayPence);
      assert.equal(line(r, 'NHS_PENSION_MEMBER'), pension.memberPence);
      assert.equal(line(r, 'TAXABLE_PAY'), taxable);
      assert.equal(line(r, 'PAYE'), paye.taxPence);
      assert.equal(line(r, 'NI_EMPLOYEE'), ni.employeePence);
      assert.equal(line(r, 'STUDENT_LOAN'), sl.studentLoanPence);
      assert.equal(line(r, 'NI_EMPLOYER'), ni.employerPence);
      assert.equal(line(r, 'NHS_PENSION_EMPLOYER'), pension.employerPence);
      assert.equal(r.taxPence, paye.taxPence);
      assert.equal(r.employeeNiPence, ni.employeePence);
      assert.equal(r.studentLoanPence, sl.studentLoanPence);
      assert.equal(r.pensionMemberPence, pension.memberPence);
      assert.equal(r.pensionEmployerPence, pension.employerPence);
      const net = input.grossPayPence - pension.memberPence - paye.taxPence - ni.employeePence - sl.studentLoanPence;
      assert.equal(r.netPayPence, net);
      assert.equal(line(r, 'NET_PAY'), net);
      assert.equal(r.taxablePayToDatePence, payToDate + taxable);
      assert.equal(r.taxToDatePence, taxToDate + paye.taxPence);
      assert.match(r.lines.find((l) => l.code === 'PAYE')!.explanation, new RegExp(`^Tax code 1257L month ${period} cumulative: free pay to date £`));
      assert.equal(r.lines.filter((l) => l.kind === 'deduction').reduce((s, l) => s + l.amountPence, 0), input.grossPayPence - net);

      payToDate = r.taxablePayToDatePence;
      taxToDate = r.taxToDatePence;
    }
    // Equal monthly pay on a cumulative code: the year's tax is the annual liability on the rounded figures.
    assert.ok(taxToDate > 0);
  });

  it('salary sacrifice reduces pay for tax, NI and student loan', () => {
    const sacrifice = 20_000;
    const r = calculatePeriod(nurse(1, { salarySacrificePence: sacrifice }));
    const plain = calculatePeriod(nurse(1));
    const reduced = nurse(1).grossPayPence - sacrifice;
    assert.equal(r.niablePayPence, reduced);
    assert.equal(r.taxablePayPence, reduced - r.pensionMemberPence);
    assert.equal(r.employeeNiPence, calculateNi({ taxYear: '2025-26', frequency: 'monthly', niCategory: 'A', niablePayPence: reduced }).employeePence);
    assert.equal(r.studentLoanPence, calculateStudentLoans({ taxYear: '2025-26', frequency: 'monthly', earningsPence: reduced, plans: ['2'] }).studentLoanPence);
    assert.ok(r.taxPence < plain.taxPence && r.employeeNiPence < plain.employeeNiPence && r.employerNiPence < plain.employerNiPence);
    assert.equal(line(r, 'SALARY_SACRIFICE'), sacrifice);
    assertInputError(() => calculatePeriod(nurse(1, { salarySacrificePence: nurse(1).grossPayPence + 1 })), 'salarySacrificePence');
  });

  it('pension reduces taxable pay but not NI-able pay', () => {
    const withPension = calculatePeriod(nurse(1));
    const without = calculatePeriod(nurse(1, { pensionablePayPence: 0 }));
    assert.equal(withPension.employeeNiPence, without.employeeNiPence);
    assert.equal(withPension.taxablePayPence, without.taxablePayPence - withPension.pensionMemberPence);
    assert.ok(withPension.taxPence < without.taxPence);
    assert.equal(without.lines.some((l) => l.code.startsWith('NHS_PENSION')), false);
  });

  it('Scottish, Welsh and emergency codes flow through', () => {
    const s = calculatePeriod(nurse(1, { taxCode: 'S1257L' }));
    const c = calculatePeriod(nurse(1, { taxCode: 'C1257L' }));
    const e = calculatePeriod(nurse(4, { taxCode: '1257L M1' }));
    assert.notEqual(s.taxPence, c.taxPence);
    assert.equal(c.taxPence, calculatePeriod(nurse(1)).taxPence);
    assert.equal(e.taxPence, calculatePeriod(nurse(1)).taxPence);
  });

  it('bad input names the field', () => {
    assertInputError(() => calculatePeriod(nurse(1, { grossPayPence: -1 })), 'grossPayPence');
    assertInputError(() => calculatePeriod(nurse(1, { grossPayPence: 1.5 })), 'grossPayPence');
    assertInputError(() => calculatePeriod(nurse(1, { taxYear: '2024-25' as TaxYear })), 'taxYear');
    assertInputError(() => calculatePeriod(nurse(13)), 'period');
    assertInputError(() => calculatePeriod(nurse(0)), 'period');
    assertInputError(() => calculatePeriod(nurse(54, { frequency: 'weekly' })), 'period');
    assertInputError(() => calculatePeriod(nurse(28, { frequency: 'fortnightly' })), 'period');
    assertInputError(() => calculatePeriod(nurse(1, { frequency: 'daily' as PayFrequency })), 'frequency');
    assertInputError(() => calculatePeriod(nurse(1, { niCategory: 'Q' })), 'niCategory');
    assertInputError(() => calculatePeriod(nurse(1, { taxablePayToDatePence: -5 })), 'taxablePayToDatePence');
    assertInputError(() => calculatePeriod(nurse(1, { taxToDatePence: -5 })), 'taxToDatePence');
    assertInputError(() => calculatePeriod(nurse(1, { salarySacrificePence: -5 })), 'salarySacrificePence');
    assertInputError(() => calculatePeriod(nurse(1, { studentLoanPlans: ['3' as '1'] })), 'studentLoanPlans');
    assertInputError(() => calculatePeriod(nurse(1, { pensionablePayPence: -100 })), 'pensionablePayPence');
    assertInputError(() => calculatePeriod(nurse(1, { basis: 'weekly' as 'cumulative' })), 'basis');
  });
});

describe('formatPence', () => {
  const cases: Array<[number, string]> = [
    [0, '£0.00'],
    [5, '£0.05'],
    [99, '£0.99'],
    [100, '£1.00'],
    [104_826, '£1,048.26'],
    [100_000, '£1,000.00'],
    [100_005_000, '£1,000,050.00'],
    [-2_940_605, '−£29,406.05'],
    [100_000_000_000, '£1,000,000,000.00'],
  ];
  for (const [p, text] of cases) it(`${p} → ${text}`, () => assert.equal(formatPence(p), text));
});

describe('student loan threshold override (for worked examples from other years)', () => {
  it('replaces the plan threshold and says so', () => {
    const r = calculateStudentLoans({ taxYear: '2025-26', frequency: 'monthly', earningsPence: 275_000, plans: ['1'], studentLoanThresholdOverridePence: 208_200 });
    assert.equal(r.studentLoanPence, 6_000);
    assert.equal(r.studentLoanThresholdPence, 208_200);
    assert.equal(r.thresholdOverridden, true);
    assert.match(r.studentLoanExplanation, /given monthly threshold £2,082\.00/);
  });
  it('applies even to a plan not repaying in the year', () => {
    const r = calculatePeriod(nurse(1, { studentLoanPlans: ['5'], studentLoanThresholdOverridePence: 200_000 }));
    assert.equal(r.studentLoanPence, studentLoanDeductionPence(r.niablePayPence, 200_000, 900));
  });
  it('needs exactly one plan and valid pence', () => {
    assertInputError(() => calculatePeriod(nurse(1, { studentLoanPlans: [], studentLoanThresholdOverridePence: 1 })), 'studentLoanThresholdOverridePence');
    assertInputError(() => calculatePeriod(nurse(1, { studentLoanPlans: ['1', '2'], studentLoanThresholdOverridePence: 1 })), 'studentLoanThresholdOverridePence');
    assertInputError(() => calculatePeriod(nurse(1, { studentLoanThresholdOverridePence: -1 })), 'studentLoanThresholdOverridePence');
    assertInputError(() => calculatePeriod(nurse(1, { studentLoanThresholdOverridePence: 1.5 })), 'studentLoanThresholdOverridePence');
  });
});

describe('parsed tax codes are cached and shared safely', () => {
  it('returns one frozen object per code text', () => {
    const a = parseTaxCode('1257L');
    assert.equal(parseTaxCode('1257L'), a);
    assert.ok(Object.isFrozen(a));
    assert.throws(() => {
      (a as { number: number }).number = 1;
    }, TypeError);
    assert.equal(parseTaxCode('1257L').number, 1257);
  });
  it('invalid codes still throw every time', () => {
    assertInputError(() => parseTaxCode('ZZ1'), 'taxCode');
    assertInputError(() => parseTaxCode('ZZ1'), 'taxCode');
  });
});

/** What `explain: false` promises: the full result with the text removed. */
function withoutText(r: PeriodResult): unknown {
  return {
    ...r,
    lines: [],
    details: {
      paye: { ...r.details.paye, explanation: '' },
      ni: { ...r.details.ni, explanation: '', employerExplanation: '' },
      studentLoans: { ...r.details.studentLoans, studentLoanExplanation: '', postgraduateExplanation: '' },
      pension: r.details.pension ? { ...r.details.pension, memberExplanation: '', employerExplanation: '' } : null,
    },
  };
}

describe('calculatePeriod({ explain: false }) for bulk payroll runs', () => {
  /** Every code type, NI letter, frequency, loan and pension combination, deterministically. */
  function population(): PeriodInput[] {
    const codes = ['1257L', 'S1257L', 'C1257L', '1257L M1', 'S1257L W1', 'K475', 'SK585 M1', 'CK27', 'BR', 'SBR', 'D0', 'D1', 'SD2', 'SD3', 'NT', '0T', 'S0T', '1383M', '1131N', '45L X'];
    const letters = Object.keys(NI_CATEGORIES);
    const frequencies: Array<[PayFrequency, number]> = [['monthly', 12], ['weekly', 53], ['fortnightly', 27], ['four-weekly', 14]];
    const plans: StudentLoanPlan[][] = [[], ['1'], ['2'], ['4'], ['5'], ['1', '2'], ['2', '5']];
    const out: PeriodInput[] = [];
    let seed = 7;
    const rnd = (): number => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < 4_000; i++) {
      const [frequency, maxPeriod] = frequencies[i % frequencies.length]!;
      const gross = Math.floor(rnd() * (i % 10 === 0 ? 5_000_000 : 600_000));
      const pensionable = rnd() < 0.7 ? Math.floor(gross * 0.9) : 0;
      const period = 1 + Math.floor(rnd() * maxPeriod);
      const loan = plans[i % plans.length]!;
      out.push({
        taxYear: i % 2 === 0 ? '2025-26' : '2026-27',
        frequency,
        period,
        taxCode: codes[i % codes.length]!,
        ...(i % 3 === 0 ? { basis: 'non-cumulative' as const } : {}),
        grossPayPence: gross,
        salarySacrificePence: rnd() < 0.2 ? Math.floor(gross * 0.05) : 0,
        taxablePayToDatePence: Math.floor(gross * (period - 1) * rnd() * 1.5),
        taxToDatePence: Math.floor(gross * (period - 1) * rnd() * 0.4),
        niCategory: letters[i % letters.length]!,
        studentLoanPlans: loan,
        ...(loan.length === 1 && i % 11 === 0 ? { studentLoanThresholdOverridePence: 150_000 } : {}),
        postgraduateLoan: rnd() < 0.1,
        pensionablePayPence: pensionable,
        ...(rnd() < 0.5 ? { annualPensionablePayPence: Math.floor(rnd() * 9_000_000) } : {}),
      });
    }
    return out;
  }

  it('gives identical figures and details, with no lines and no explanation text', () => {
    let compared = 0;
    for (const input of population()) {
      let explained: PeriodResult;
      try {
        explained = calculatePeriod(input);
      } catch (error) {
        // Same input errors either way.
        assert.throws(() => calculatePeriod(input, { explain: false }), (e: unknown) => e instanceof PayrollInputError && e.field === (error as PayrollInputError).field);
        continue;
      }
      const bulk = calculatePeriod(input, { explain: false });
      assert.deepEqual(bulk, withoutText(explained));
      assert.equal(bulk.lines.length, 0);
      assert.ok(explained.lines.length >= 5);
      compared += 1;
    }
    assert.ok(compared > 3_500, `compared ${compared}`);
  });

  it('explain defaults to true', () => {
    assert.deepEqual(calculatePeriod(nurse(3)), calculatePeriod(nurse(3), { explain: true }));
    assert.deepEqual(calculatePeriod(nurse(3)), calculatePeriod(nurse(3), {}));
  });

  it('matches every HMRC PAYE and NI row in both modes', () => {
    let n = 0;
    for (const row of rows) {
      if (row.kind === 'student_loan') continue;
      const input: PeriodInput =
        row.kind === 'paye_income_tax'
          ? {
              taxYear: str(row, 'tax_year') as TaxYear,
              frequency: frequency(row),
              period: Number(row['period']),
              taxCode: str(row, 'tax_code'),
              basis: str(row, 'basis') === 'cumulative' ? 'cumulative' : 'non-cumulative',
              grossPayPence: pence(str(row, 'gross_pay_this_period')),
              taxablePayToDatePence: str(row, 'basis') === 'cumulative' ? pence(str(row, 'pay_to_date_previous_period')) : 0,
              taxToDatePence: str(row, 'basis') === 'cumulative' ? pence(str(row, 'tax_due_to_date_previous_period')) : 0,
              niCategory: 'A',
            }
          : {
              taxYear: str(row, 'tax_year') as TaxYear,
              frequency: frequency(row),
              period: 1,
              taxCode: 'NT',
              grossPayPence: pence(str(row, 'gross_pay_this_period')),
              niCategory: str(row, 'ni_category'),
            };
      const explained = calculatePeriod(input);
      const bulk = calculatePeriod(input, { explain: false });
      assert.deepEqual(bulk, withoutText(explained), row.id);
      if (row.kind === 'paye_income_tax') {
        withinTolerance(row, 'tax (bulk)', bulk.taxPence, pence(str(row, 'expected_tax_this_period')));
      } else {
        withinTolerance(row, 'employee NI (bulk)', bulk.employeeNiPence, pence(str(row, 'expected_employee_ni')));
        withinTolerance(row, 'employer NI (bulk)', bulk.employerNiPence, pence(str(row, 'expected_employer_ni')));
      }
      n += 1;
    }
    assert.equal(n, 560);
  });
});
