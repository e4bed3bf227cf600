// "How was this worked out?": the payslip carries its results, not the calculator's inputs, so the inputs
// are worked back from it (gross, salary sacrifice, the pension deducted, tax and taxable pay to date before
// this period, loan plans) and sent to the payroll calculator, which explains each figure in words.
import type { Payslip, PayrollCalculationRequest } from '@esr/sdk';

/** Payslip deduction codes the calculator explains, and its line code for each. */
export const EXPLAINED_CODES: Readonly<Record<string, string>> = {
  SAL_SAC: 'SALARY_SACRIFICE',
  PENSION: 'NHS_PENSION_MEMBER',
  PAYE: 'PAYE',
  NI: 'NI_EMPLOYEE',
  SL: 'STUDENT_LOAN',
  PGL: 'POSTGRADUATE_LOAN',
};

const TAX_YEARS = ['2025-26', '2026-27'] as const;
const NI_CATEGORIES = ['A', 'B', 'C', 'H', 'J', 'M', 'V', 'Z', 'F', 'I', 'L', 'S', 'D', 'E', 'K', 'N'] as const;
const PLANS = ['1', '2', '4', '5'] as const;
/** Payments that are not pensionable (NHS Pension Scheme: overtime is not). */
const NOT_PENSIONABLE = new Set(['OVERTIME']);

/**
 * The calculator request that reproduces this payslip, or undefined when the payslip is outside what the
 * calculator covers (another tax year, an unknown NI category, a loan plan it cannot read).
 */
export function calculationRequestFor(p: Payslip): PayrollCalculationRequest | undefined {
  const taxYear = TAX_YEARS.find((y) => y === p.taxYear);
  const niCategory = NI_CATEGORIES.find((c) => c === p.niCategory);
  if (!taxYear || !niCategory) return undefined;
  const amount = (code: string) => p.deductions.filter((d) => d.code === code).reduce((s, d) => s + d.amountPence, 0);
  const sacrifice = amount('SAL_SAC');
  const pension = amount('PENSION');
  const tax = amount('PAYE');
  const gross = p.totals.grossPence;
  const request: PayrollCalculationRequest = {
    taxYear,
    frequency: p.period.frequency,
    period: p.period.number,
    taxCode: p.taxCode,
    basis: p.taxBasis,
    grossPayPence: gross,
    salarySacrificePence: sacrifice,
    niCategory,
    // Year to date includes this period: take this period's figures off to get "before this period".
    taxablePayToDatePence: Math.max(0, p.yearToDate.taxablePayPence - (gross - sacrifice - pension)),
    taxToDatePence: Math.max(0, p.yearToDate.taxPence - tax),
  };
  const loan = p.deductions.find((d) => d.code === 'SL');
  if (loan) {
    // The plan is only in the line's wording ("Student loan (plan 2)").
    const plans = /plan\s+([\d,\s]+)/i.exec(loan.description)?.[1]?.split(/[,\s]+/).filter((x) => x !== '');
    const known = plans?.filter((x): x is (typeof PLANS)[number] => (PLANS as readonly string[]).includes(x));
    if (!known?.length) return undefined;
    request.studentLoanPlans = known;
  }
  if (p.deductions.some((d) => d.code === 'PGL')) request.postgraduateLoan = true;
  if (pension > 0) {
    request.pensionablePayPence = p.payments.filter((x) => !NOT_PENSIONABLE.has(x.code)).reduce((s, x) => s + x.amountPence, 0);
  }
  return request;
}
