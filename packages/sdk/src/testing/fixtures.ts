import type { P60Summary, Payslip, PayslipSummary, PayrollCalculation } from '../types.ts';

// Figures computed by the reference server's payroll engine for a Band 5 staff nurse, tax month 7 of
// 2026-27 (intermediate pay point, 1257L cumulative, category A, plan 2, NHS Pension tier 4): the seed's
// payslipHistory output for that assignment, so widgets and stories show real arithmetic.
export const payslipFixture: Payslip = {
  id: 'pay_0000001232607',
  employee: {
    id: 'emp_000000123',
    name: 'Amelia Hughes',
    assignmentNumber: '20000123-1',
    jobTitle: 'Staff Nurse',
    band: 'Band 5',
    orgUnit: 'Acute Medicine Ward A',
  },
  organisation: { id: 'org_00', name: 'Severn Vale NHS Foundation Trust' },
  payDate: '2026-10-30',
  taxYear: '2026-27',
  period: { frequency: 'monthly', number: 7 },
  taxCode: '1257L',
  taxBasis: 'cumulative',
  niCategory: 'A',
  payments: [
    { code: 'BASIC', description: 'Basic pay (Band 5)', amountPence: 279058 },
    { code: 'UNSOC_SAT', description: 'Unsocial hours 8 h @ 30%', amountPence: 4110 },
    { code: 'UNSOC_SUN', description: 'Unsocial hours Sun/BH 3 h @ 60%', amountPence: 3083 },
  ],
  deductions: [
    { code: 'PENSION', description: 'NHS Pension (9.8%)', amountPence: 28053 },
    { code: 'PAYE', description: 'Income tax', amountPence: 30680 },
    { code: 'NI', description: 'National Insurance (A)', amountPence: 14516 },
    { code: 'SL', description: 'Student loan (plan 2)', amountPence: 3700 },
  ],
  totals: { grossPence: 286251, deductionsPence: 76949, netPence: 209302 },
  yearToDate: {
    grossPence: 2035609,
    taxablePayPence: 1836119,
    taxPence: 220460,
    employeeNiPence: 104160,
    pensionPence: 199490,
  },
  employerContributions: { niPence: 36683, pensionPence: 41163 },
  paidTo: { method: 'BACS', accountNumberMasked: '****5678' },
};

/** Seven months of summaries, newest first, ending with the fixture above. */
export const payslipSummaryFixtures: PayslipSummary[] = (
  [
    ['2026-10-30', 7, 286251, 76949], ['2026-09-30', 6, 287792, 77583], ['2026-08-28', 5, 288820, 78066],
    ['2026-07-31', 4, 291388, 79183], ['2026-06-30', 3, 293957, 80420], ['2026-05-29', 2, 294471, 80592],
    ['2026-04-30', 1, 292930, 79917],
  ] as const
).map(([payDate, month, grossPence, deductionsPence]) => ({
  id: `pay_00000012326${String(month).padStart(2, '0')}`,
  payDate,
  taxYear: '2026-27',
  period: { frequency: 'monthly', number: month },
  totals: { grossPence, deductionsPence, netPence: grossPence - deductionsPence },
}));

/** The fixture employee's P60s: one ended tax year. */
export const p60SummaryFixtures: P60Summary[] = [
  { taxYear: '2025-26', taxYearEnd: '2026-04-05', employerName: 'Severn Vale NHS Foundation Trust', payslipCount: 12 },
];

/**
 * What the reference server's payroll calculator answers for `payslipFixture`'s period, with the inputs a
 * payslip implies (gross, pension, tax and taxable pay to date before this period, plan 2): recorded from
 * the real engine, so explanations in tests and stories are real arithmetic. Every figure equals the payslip's.
 */
export const payslipCalculationFixture: PayrollCalculation = {
  taxYear: '2026-27', frequency: 'monthly', period: 7, taxCode: '1257L', jurisdiction: 'rest_of_uk',
  basis: 'cumulative', basisReason: 'cumulative basis requested', niCategory: 'A',
  grossPayPence: 286251, salarySacrificePence: 0, niablePayPence: 286251, pensionMemberPence: 28053,
  taxablePayPence: 258198, taxPence: 30680, employeeNiPence: 14516, studentLoanPence: 3700, postgraduateLoanPence: 0,
  netPayPence: 209302, employerNiPence: 36683, pensionEmployerPence: 41163,
  taxablePayToDatePence: 1836119, taxToDatePence: 220460, regulatoryLimitApplied: false,
  earningsAtLelPence: 55900, earningsLelToPtPence: 48900, earningsPtToUelPence: 181451,
  studentLoanThresholdPence: 244875, postgraduateLoanThresholdPence: null,
  pensionTier: { tier: 4, rateBps: 980, provisional: true },
  lines: [
    { code: 'GROSS_PAY', label: 'Gross pay', kind: 'pay', amountPence: 286251, explanation: 'Gross pay for monthly period 7 of 2026-27' },
    { code: 'NHS_PENSION_MEMBER', label: 'NHS Pension (9.8%)', kind: 'deduction', amountPence: 28053, explanation: "NHS Pension tier 4 (£33,869.00–£50,845.99) for annual pensionable pay £34,350.12 (2026-27 tiers not yet published: previous year's table applied): 9.8% of £2,862.51 = £280.53, deducted before tax (net pay arrangement), not before NI" },
    { code: 'TAXABLE_PAY', label: 'Taxable pay', kind: 'total', amountPence: 258198, explanation: 'Gross £2,862.51 − NHS Pension £280.53 = £2,581.98; taxable pay to date £18,361.19' },
    { code: 'PAYE', label: 'Income tax (PAYE)', kind: 'deduction', amountPence: 30680, explanation: 'Tax code 1257L month 7 cumulative: free pay to date £7,337.82; taxable pay to date £11,023.37 (£11,023.00 after rounding down to pounds); bands 20% pro-rated 7/12; tax due to date £2,204.60 less £1,897.80 already deducted = £306.80; tax to date £2,204.60' },
    { code: 'NI_EMPLOYEE', label: 'National Insurance (A)', kind: 'deduction', amountPence: 14516, explanation: 'NI category A (standard), monthly: 8% of £1,814.51 between PT £1,048.00 and UEL £4,189.00 = £145.16, on NI-able pay £2,862.51' },
    { code: 'STUDENT_LOAN', label: 'Student loan (plan 2)', kind: 'deduction', amountPence: 3700, explanation: 'Student loan plan 2: 9% of £413.76 above the monthly threshold £2,448.75, rounded down to whole pounds = £37.00' },
    { code: 'NET_PAY', label: 'Net pay', kind: 'total', amountPence: 209302, explanation: 'Gross £2,862.51 less all deductions £769.49 = £2,093.02' },
    { code: 'NI_EMPLOYER', label: 'Employer National Insurance (A)', kind: 'employer', amountPence: 36683, explanation: 'Employer NI category A: 15% of £2,445.51 above ST £417.00 = £366.83' },
    { code: 'NHS_PENSION_EMPLOYER', label: 'Employer NHS Pension', kind: 'employer', amountPence: 41163, explanation: 'NHS Pension employer: 14.38% of £2,862.51 = £411.63 (14.3% + 0.08% admin levy; the rest of the 23.78% total is paid centrally by NHS England)' },
  ],
};
