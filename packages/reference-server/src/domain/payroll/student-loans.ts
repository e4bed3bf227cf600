// Student and postgraduate loan deductions (rules file §3): non-cumulative, on the earnings used
// for employer (secondary) Class 1 NI, each deduction rounded down to whole pounds.

import { PayrollInputError } from './errors.ts';
import { assertPence, formatBps, formatPence } from './money.ts';
import { ratesFor } from './rates.ts';
import type { StudentLoanRates, TaxYear } from './rates.ts';
import { frequencyInfo } from './tax-period.ts';
import type { PayFrequency } from './tax-period.ts';

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
  const info = frequencyInfo(frequency);
  if (info.weeksPerPeriod === null) return Math.floor((annualPounds * 100) / 12);
  return Math.floor((annualPounds * 100) / 52) * info.weeksPerPeriod;
}

function annualThreshold(rates: StudentLoanRates, plan: StudentLoanPlan): number | null {
  return plan === '1' ? rates.plan1 : plan === '2' ? rates.plan2 : plan === '4' ? rates.plan4 : rates.plan5;
}

export interface StudentLoanInput {
  taxYear: TaxYear;
  frequency: PayFrequency;
  /** Earnings for secondary Class 1 NI this period (gross after salary sacrifice). */
  earningsPence: number;
  plans?: readonly StudentLoanPlan[];
  postgraduateLoan?: boolean;
}

export interface StudentLoanResult {
  /** Undergraduate plan deduction, whole pounds in pence. */
  studentLoanPence: number;
  postgraduateLoanPence: number;
  /** Plan whose threshold was used (lowest threshold when several are held), or null. */
  planUsed: StudentLoanPlan | null;
  studentLoanThresholdPence: number | null;
  postgraduateThresholdPence: number | null;
  studentLoanExplanation: string;
  postgraduateExplanation: string;
}

export function calculateStudentLoans(input: StudentLoanInput): StudentLoanResult {
  const rates = ratesFor(input.taxYear).studentLoans;
  frequencyInfo(input.frequency);
  const earnings = assertPence('earningsPence', input.earningsPence);
  const plans = input.plans ?? [];
  for (const plan of plans) {
    if (!(STUDENT_LOAN_PLANS as readonly string[]).includes(plan)) {
      throw new PayrollInputError('studentLoanPlans', `Unknown student loan plan ${JSON.stringify(plan)}; expected ${STUDENT_LOAN_PLANS.join(', ')}`);
    }
  }

  // One undergraduate deduction only: with several plans, 9% above the lowest threshold that is
  // repaying this year (the SLC apportions it between plans). Rules file §3 marks this as unconfirmed.
  let planUsed: StudentLoanPlan | null = null;
  let threshold: number | null = null;
  const notRepaying: StudentLoanPlan[] = [];
  for (const plan of plans) {
    const annual = annualThreshold(rates, plan);
    if (annual === null) {
      notRepaying.push(plan);
      continue;
    }
    const t = periodThresholdPence(annual, input.frequency);
    if (threshold === null || t < threshold) {
      threshold = t;
      planUsed = plan;
    }
  }
  const studentLoanPence = threshold === null ? 0 : studentLoanDeductionPence(earnings, threshold, rates.planRateBps);
  let studentLoanExplanation: string;
  if (plans.length === 0) studentLoanExplanation = 'No student loan plan';
  else if (threshold === null) studentLoanExplanation = `Plan ${notRepaying.join('/')} not repaying in ${input.taxYear}`;
  else {
    studentLoanExplanation =
      `Student loan plan ${planUsed}${plans.length > 1 ? ` (lowest threshold of plans ${plans.join('/')})` : ''}: ` +
      `${formatBps(rates.planRateBps)} of ${formatPence(Math.max(0, earnings - threshold))} above the ${input.frequency} threshold ${formatPence(threshold)}, ` +
      `rounded down to whole pounds = ${formatPence(studentLoanPence)}`;
  }

  let postgraduateThreshold: number | null = null;
  let postgraduateLoanPence = 0;
  let postgraduateExplanation = 'No postgraduate loan';
  if (input.postgraduateLoan) {
    if (rates.postgraduate === null) {
      postgraduateExplanation = `Postgraduate loan not repaying in ${input.taxYear}`;
    } else {
      postgraduateThreshold = periodThresholdPence(rates.postgraduate, input.frequency);
      postgraduateLoanPence = studentLoanDeductionPence(earnings, postgraduateThreshold, rates.postgraduateRateBps);
      postgraduateExplanation =
        `Postgraduate loan: ${formatBps(rates.postgraduateRateBps)} of ${formatPence(Math.max(0, earnings - postgraduateThreshold))} ` +
        `above the ${input.frequency} threshold ${formatPence(postgraduateThreshold)}, rounded down to whole pounds = ${formatPence(postgraduateLoanPence)}`;
    }
  }

  return {
    studentLoanPence,
    postgraduateLoanPence,
    planUsed,
    studentLoanThresholdPence: threshold,
    postgraduateThresholdPence: postgraduateThreshold,
    studentLoanExplanation,
    postgraduateExplanation,
  };
}
