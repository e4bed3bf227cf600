// P60 end-of-year certificates, built from the stored payslips of a tax year that has ended:
// every figure is a sum over that year's payslips (no separate year-end store, no migration).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { payslips } from '../../db/schema.ts';
import type { PayslipLineRecord } from '../../db/schema.ts';
import { calculateNi, isTaxYear } from '../payroll/index.ts';
import type { PayFrequency, TaxBasis } from '../payroll/index.ts';
import { loadDocumentFacts } from '../payslips/employer-reference.ts';

/** `2025-26`: four digits, a hyphen, the next year's last two digits. */
export const taxYearPattern = /^\d{4}-\d{2}$/;

export function isConsecutiveTaxYear(taxYear: string): boolean {
  if (!taxYearPattern.test(taxYear)) return false;
  const start = Number(taxYear.slice(0, 4));
  return Number(taxYear.slice(5)) === (start + 1) % 100;
}

/** The last day of a tax year: 5 April of its second calendar year. */
export function taxYearEnd(taxYear: string): string {
  return `${Number(taxYear.slice(0, 4)) + 1}-04-05`;
}

/** A P60 exists only once the tax year is over (today is after 5 April). */
export function taxYearHasEnded(taxYear: string, today: string): boolean {
  return today > taxYearEnd(taxYear);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

// Payslip line codes: the seeded history and the calculator name the same things differently.
const codes = {
  tax: ['PAYE'],
  ni: ['NI', 'NI_EMPLOYEE'],
  studentLoan: ['SL', 'STUDENT_LOAN'],
  postgraduateLoan: ['PGL', 'POSTGRADUATE_LOAN'],
  pension: ['PENSION', 'NHS_PENSION_MEMBER'],
  salarySacrifice: ['SAL_SAC', 'SALARY_SACRIFICE'],
  smp: ['SMP'],
  spp: ['SPP'],
  sap: ['SAP'],
  shpp: ['SHPP', 'SHPL'],
  spbp: ['SPBP'],
} as const;

const sumOf = (lines: PayslipLineRecord[], which: readonly string[]) =>
  lines.reduce((s, l) => (which.includes(l.code.toUpperCase()) ? s + l.amountPence : s), 0);

export interface P60NiBand {
  /** NI category letter. */
  category: string;
  earningsAtLelPence: number;
  earningsLelToPtPence: number;
  earningsPtToUelPence: number;
  /** Employee's contributions due on all earnings above the PT (as deducted on the payslips). */
  employeeContributionsPence: number;
}

export interface P60View {
  taxYear: string;
  taxYearEnd: string;
  employer: { organisationId: string; name: string; payeReference: string | null };
  employee: { id: string; name: string; niNumberMasked: string | null; payrollNumber: string };
  finalTaxCode: string;
  finalTaxBasis: TaxBasis;
  /** Pay and tax in this employment: the year's taxable pay and income tax. */
  payInThisEmploymentPence: number;
  taxInThisEmploymentPence: number;
  grossPayPence: number;
  employeeNiPence: number;
  /** NI earnings buckets per category letter, derived from each period's NI-able pay. */
  nationalInsurance: P60NiBand[];
  studentLoanPence: number;
  postgraduateLoanPence: number;
  pensionContributionsPence: number;
  statutoryPayments: { maternityPence: number; paternityPence: number; adoptionPence: number; sharedParentalPence: number; parentalBereavementPence: number };
  payslipCount: number;
  lastPayDate: string;
}

export interface P60Summary {
  taxYear: string;
  taxYearEnd: string;
  employerName: string;
  payslipCount: number;
}

/** Tax years, newest first, that have ended by `today` and in which the employee was paid. */
export async function listP60TaxYears(db: Db, employeeId: string, today: string): Promise<P60Summary[]> {
  const rows = await db
    .select({
      taxYear: payslips.taxYear,
      payslipCount: sql<number>`count(*)::int`,
      employerName: sql<string>`(array_agg(${payslips.header}->>'organisationName' ORDER BY ${payslips.payDate} DESC))[1]`,
    })
    .from(payslips)
    .where(eq(payslips.employeeId, employeeId))
    .groupBy(payslips.taxYear);
  return rows
    .filter((r) => isConsecutiveTaxYear(r.taxYear) && taxYearHasEnded(r.taxYear, today))
    .sort((a, b) => b.taxYear.localeCompare(a.taxYear))
    .map((r) => ({ taxYear: r.taxYear, taxYearEnd: taxYearEnd(r.taxYear), employerName: r.employerName, payslipCount: Number(r.payslipCount) }));
}

/** The P60 for one ended tax year, or null when it hasn't ended or there are no payslips in it. */
export async function buildP60(db: Db, employeeId: string, taxYear: string, today: string): Promise<P60View | null> {
  if (!taxYearHasEnded(taxYear, today)) return null;
  const slips = await db
    .select()
    .from(payslips)
    .where(and(eq(payslips.employeeId, employeeId), eq(payslips.taxYear, taxYear)))
    .orderBy(asc(payslips.payDate), asc(payslips.id));
  const last = slips.at(-1);
  if (!last) return null;
  const facts = await loadDocumentFacts(db, employeeId, last.organisationId);

  let pay = 0, tax = 0, gross = 0, ni = 0, sl = 0, pgl = 0, pension = 0;
  const statutory = { maternityPence: 0, paternityPence: 0, adoptionPence: 0, sharedParentalPence: 0, parentalBereavementPence: 0 };
  const bands = new Map<string, P60NiBand>();
  for (const p of slips) {
    const sacrifice = sumOf(p.deductions, codes.salarySacrifice);
    const memberPension = sumOf(p.deductions, codes.pension);
    const employeeNi = sumOf(p.deductions, codes.ni);
    gross += p.grossPence;
    pay += p.grossPence - sacrifice - memberPension;
    tax += sumOf(p.deductions, codes.tax);
    ni += employeeNi;
    sl += sumOf(p.deductions, codes.studentLoan);
    pgl += sumOf(p.deductions, codes.postgraduateLoan);
    pension += memberPension;
    statutory.maternityPence += sumOf(p.payments, codes.smp);
    statutory.paternityPence += sumOf(p.payments, codes.spp);
    statutory.adoptionPence += sumOf(p.payments, codes.sap);
    statutory.sharedParentalPence += sumOf(p.payments, codes.shpp);
    statutory.parentalBereavementPence += sumOf(p.payments, codes.spbp);

    const band = bands.get(p.niCategory) ?? { category: p.niCategory, earningsAtLelPence: 0, earningsLelToPtPence: 0, earningsPtToUelPence: 0, employeeContributionsPence: 0 };
    band.employeeContributionsPence += employeeNi;
    const buckets = niBuckets(taxYear, p.frequency, p.niCategory, p.grossPence - sacrifice);
    if (buckets) {
      band.earningsAtLelPence += buckets.earningsAtLelPence;
      band.earningsLelToPtPence += buckets.earningsLelToPtPence;
      band.earningsPtToUelPence += buckets.earningsPtToUelPence;
    }
    bands.set(p.niCategory, band);
  }

  return {
    taxYear,
    taxYearEnd: taxYearEnd(taxYear),
    employer: { organisationId: last.organisationId, name: last.header.organisationName, payeReference: facts.employerPayeReference },
    employee: { id: employeeId, name: last.header.employeeName, niNumberMasked: facts.niNumberMasked, payrollNumber: last.header.assignmentNumber },
    finalTaxCode: last.taxCode,
    finalTaxBasis: last.taxBasis,
    payInThisEmploymentPence: pay,
    taxInThisEmploymentPence: tax,
    grossPayPence: gross,
    employeeNiPence: ni,
    nationalInsurance: [...bands.values()].sort((a, b) => a.category.localeCompare(b.category)),
    studentLoanPence: sl,
    postgraduateLoanPence: pgl,
    pensionContributionsPence: pension,
    statutoryPayments: statutory,
    payslipCount: slips.length,
    lastPayDate: last.payDate,
  };
}

/** RTI earnings buckets for one period's NI-able pay, where the year's thresholds are known. */
function niBuckets(taxYear: string, frequency: PayFrequency, category: string, niablePayPence: number) {
  if (!isTaxYear(taxYear) || niablePayPence < 0) return null;
  try {
    return calculateNi({ taxYear, frequency, niCategory: category, niablePayPence });
  } catch {
    return null; // an unknown letter on an old payslip: the contributions still count
  }
}
