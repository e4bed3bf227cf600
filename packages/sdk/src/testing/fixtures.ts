import type { Payslip, PayslipSummary } from '../types.ts';

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
