// Student and postgraduate loan deductions (rules file §3): non-cumulative, on the earnings used
// for employer (secondary) Class 1 NI, each deduction rounded down to whole pounds.

import { PayrollInputError } from './errors.ts';
import { assertPence, formatBps, formatPence } from './money.ts';
import { ratesFor } from './rates.ts';
import type { StudentLoanRates, TaxYear, TaxYearRates } from './rates.ts';
import { frequencyInfo } from './tax-period.ts';
import type { FrequencyInfo, PayFrequency } from './tax-period.ts';

export const STUDENT_LOAN_PLANS = ['1', '2', '4', '5'] as const;
export type StudentLoanPlan = (typeof STUDENT_LOAN_PLANS)[number];

/**
 * One deduction: rate × (earnings − period threshold), rounded down to whole pounds, never negative.
 * Exposed on its own so the method can be checked with any threshold (e.g. HMRC manual examples).
 */
export function studentLoanDeductionPence(earningsPence: number, periodThresholdPence: number, rateBps: number): number {
  const excess = earningsPence - periodThresholdPence;
  if (excess <= 0) return 0;
  // pence × bps = 1e-6 £; one pound = 1e6 of those.
  return Math.floor((excess * rateBps) / 1_000_000) * 100;
}

/**
 * Period threshold: annual / 52 (weekly) or / 12 (monthly) truncated to the penny, as HMRC's
 * published per-period figures are (e.g. £26,065 → £2,172.08 a month); 2- and 4-weekly periods
 * use multiples of the weekly figure.
 */
export function periodThresholdPence(annualPounds: number, frequency: PayFrequency): number {
  return periodThreshold(annualPounds, frequencyInfo(frequency));
}

function periodThreshold(annualPounds: number, info: FrequencyInfo): number {
  if (info.weeksPerPeriod === null) return Math.floor((annualPounds * 100) / 12);
  return Math.floor((annualPounds * 100) / 52) * info.weeksPerPeriod;
}

export interface StudentLoanInput {
  taxYear: TaxYear;
  frequency: PayFrequency;
  /** Earnings for secondary Class 1 NI this period (gross after salary sacrifice). */
  earningsPence: number;
  plans?: readonly StudentLoanPlan[];
  postgraduateLoan?: boolean;
  /**
   * Per-period undergraduate threshold to use instead of the tax year's plan threshold, e.g. to
   * reproduce a worked example from an earlier year. Needs exactly one plan.
   */
  studentLoanThresholdOverridePence?: number;
}

export interface StudentLoanResult {
  /** Undergraduate plan deduction, whole pounds in pence. */
  studentLoanPence: number;
  postgraduateLoanPence: number;
  /** Plan whose threshold was used (lowest threshold when several are held), or null. */
  planUsed: StudentLoanPlan | null;
  studentLoanThresholdPence: number | null;
  /** The threshold came from studentLoanThresholdOverridePence, not the tax year's rates. */
  thresholdOverridden: boolean;
  postgraduateThresholdPence: number | null;
  studentLoanExplanation: string;
  postgraduateExplanation: string;
}

/** Checks plan numbers; throws PayrollInputError('studentLoanPlans'). */
export function assertStudentLoanPlans(plans: unknown): readonly StudentLoanPlan[] {
  if (plans === undefined) return NO_PLANS;
  if (!Array.isArray(plans)) {
    throw new PayrollInputError('studentLoanPlans', 'studentLoanPlans must be an array of plan numbers');
  }
  for (const plan of plans) {
    if (!(STUDENT_LOAN_PLANS as readonly unknown[]).includes(plan)) {
      throw new PayrollInputError('studentLoanPlans', `Unknown student loan plan ${JSON.stringify(plan)}; expected ${STUDENT_LOAN_PLANS.join(', ')}`);
    }
  }
  return plans as readonly StudentLoanPlan[];
}

const NO_PLANS: readonly StudentLoanPlan[] = Object.freeze([]);

/** Validates the override against the plans it would apply to; returns it (or null when absent). */
export function assertThresholdOverride(override: unknown, plans: readonly StudentLoanPlan[]): number | null {
  if (override === undefined) return null;
  const value = assertPence('studentLoanThresholdOverridePence', override);
  if (plans.length !== 1) {
    throw new PayrollInputError('studentLoanThresholdOverridePence', 'studentLoanThresholdOverridePence applies to exactly one student loan plan');
  }
  return value;
}

export function calculateStudentLoans(input: StudentLoanInput): StudentLoanResult {
  const rates = ratesFor(input.taxYear);
  const info = frequencyInfo(input.frequency);
  const earnings = assertPence('earningsPence', input.earningsPence);
  const plans = assertStudentLoanPlans(input.plans);
  const override = assertThresholdOverride(input.studentLoanThresholdOverridePence, plans);
  return studentLoanCore(rates, info, earnings, plans, input.postgraduateLoan ?? false, override, true);
}

/** Per-period thresholds by rate table and frequency, computed once (plan order: 1, 2, 4, 5, PGL). */
const thresholdCache = new WeakMap<StudentLoanRates, Map<PayFrequency, Array<number | null>>>();

function cachedThreshold(rates: StudentLoanRates, info: FrequencyInfo, index: number): number | null {
  let byFrequency = thresholdCache.get(rates);
  if (!byFrequency) {
    byFrequency = new Map();
    thresholdCache.set(rates, byFrequency);
  }
  let list = byFrequency.get(info.frequency);
  if (!list) {
    list = [rates.plan1, rates.plan2, rates.plan4, rates.plan5, rates.postgraduate].map((annual) =>
      annual === null ? null : periodThreshold(annual, info),
    );
    byFrequency.set(info.frequency, list);
  }
  return list[index]!;
}

const PLAN_INDEX: Readonly<Record<StudentLoanPlan, number>> = { '1': 0, '2': 1, '4': 2, '5': 3 };

/**
 * Student and postgraduate loans on already validated inputs (calculatePeriod validates once and
 * calls this). `explain` false leaves the explanation strings empty; every figure is the same.
 */
export function studentLoanCore(
  taxYearRates: TaxYearRates,
  info: FrequencyInfo,
  earnings: number,
  plans: readonly StudentLoanPlan[],
  postgraduateLoan: boolean,
  thresholdOverride: number | null,
  explain: boolean,
): StudentLoanResult {
  const rates = taxYearRates.studentLoans;
  // One undergraduate deduction only: with several plans, 9% above the lowest threshold that is
  // repaying this year (the SLC apportions it between plans). Rules file §3 marks this as unconfirmed.
  let planUsed: StudentLoanPlan | null = null;
  let threshold: number | null = null;
  if (thresholdOverride !== null) {
    // An explicit threshold for the one plan held, whatever the year's rates say.
    planUsed = plans[0]!;
    threshold = thresholdOverride;
  } else {
    for (const plan of plans) {
      const t = cachedThreshold(rates, info, PLAN_INDEX[plan]);
      if (t !== null && (threshold === null || t < threshold)) {
        threshold = t;
        planUsed = plan;
      }
    }
  }
  const studentLoanPence = threshold === null ? 0 : studentLoanDeductionPence(earnings, threshold, rates.planRateBps);

  let postgraduateThreshold: number | null = null;
  let postgraduateLoanPence = 0;
  if (postgraduateLoan) {
    postgraduateThreshold = cachedThreshold(rates, info, 4);
    if (postgraduateThreshold !== null) postgraduateLoanPence = studentLoanDeductionPence(earnings, postgraduateThreshold, rates.postgraduateRateBps);
  }

  let studentLoanExplanation = '';
  let postgraduateExplanation = '';
  if (explain) {
    if (plans.length === 0) studentLoanExplanation = 'No student loan plan';
    else if (threshold === null) studentLoanExplanation = `Plan ${plans.join('/')} not repaying in ${taxYearRates.taxYear}`;
    else {
      const which =
        thresholdOverride !== null
          ? `Student loan plan ${planUsed}: ${formatBps(rates.planRateBps)} of ${formatPence(Math.max(0, earnings - threshold))} above the given ${info.frequency} threshold ${formatPence(threshold)} (override of the ${taxYearRates.taxYear} threshold)`
          : `Student loan plan ${planUsed}${plans.length > 1 ? ` (lowest threshold of plans ${plans.join('/')})` : ''}: ` +
            `${formatBps(rates.planRateBps)} of ${formatPence(Math.max(0, earnings - threshold))} above the ${info.frequency} threshold ${formatPence(threshold)}`;
      studentLoanExplanation = `${which}, rounded down to whole pounds = ${formatPence(studentLoanPence)}`;
    }
    if (!postgraduateLoan) postgraduateExplanation = 'No postgraduate loan';
    else if (postgraduateThreshold === null) postgraduateExplanation = `Postgraduate loan not repaying in ${taxYearRates.taxYear}`;
    else {
      postgraduateExplanation =
        `Postgraduate loan: ${formatBps(rates.postgraduateRateBps)} of ${formatPence(Math.max(0, earnings - postgraduateThreshold))} ` +
        `above the ${info.frequency} threshold ${formatPence(postgraduateThreshold)}, rounded down to whole pounds = ${formatPence(postgraduateLoanPence)}`;
    }
  }

  return {
    studentLoanPence,
    postgraduateLoanPence,
    planUsed,
    studentLoanThresholdPence: threshold,
    thresholdOverridden: thresholdOverride !== null,
    postgraduateThresholdPence: postgraduateThreshold,
    studentLoanExplanation,
    postgraduateExplanation,
  };
}
