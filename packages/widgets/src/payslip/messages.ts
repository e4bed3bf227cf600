import type { Messages, StringKey } from '../i18n/types.ts';

/** Strings of <esr-payslip>. `%{name}` marks a placeholder. */
export interface PayslipStrings {
  payslipHeading: string; // %{month} %{period}
  taxMonth: string; // %{number}
  taxWeek: string; // %{number}
  payslipLoading: string;
  payslipEmptyTitle: string;
  payslipEmptyBody: string;
  errorGenericTitle: string;
  errorForbiddenTitle: string;
  errorForbiddenBody: string;
  errorNotFoundTitle: string;
  errorNotFoundBody: string;
  name: string;
  assignmentNumber: string;
  job: string;
  jobAndBand: string; // %{jobTitle} %{band}
  department: string;
  payDate: string;
  taxCode: string;
  taxBasisNonCumulative: string;
  niCategory: string;
  paidTo: string;
  paidToAccount: string; // %{method} %{last4}
  netPay: string;
  netPayHint: string;
  payments: string;
  deductions: string;
  description: string;
  amount: string;
  totalPayments: string;
  totalDeductions: string;
  yearToDate: string; // %{start} %{end}
  grossPay: string;
  taxablePay: string;
  incomeTax: string;
  nationalInsurance: string;
  nhsPension: string;
  employerContributions: string;
  employerContributionsHint: string;
  choosePayslip: string;
  choosePayslipHint: string;
  payslipOption: string; // %{date} %{period}
  thisPeriod: string;
  explainLine: string;
  explainWorking: string;
  explainFailed: string;
  explainUnavailable: string;
  explainMismatch: string; // %{amount} %{shown}
  explainInEnglish: string;
  downloadPayslip: string;
  downloadPreparing: string;
  downloadFailed: string;
  downloadDone: string; // %{filename}
  p60Heading: string;
  p60Hint: string;
  p60Empty: string;
  p60Download: string; // %{start} %{end}
  /**
   * Names for payment and deduction codes, used instead of the server's English description when set.
   * en-GB leaves this empty: the payroll system's own wording is authoritative in English.
   */
  lineCodes: Readonly<Record<string, string>>;
}

/** Keys `t()` accepts in this widget: its own and the common ones. */
export type PayslipKey = StringKey<PayslipStrings>;

const enGB: PayslipStrings = {
  payslipHeading: 'Payslip for %{month} · %{period}',
  taxMonth: 'tax month %{number}',
  taxWeek: 'tax week %{number}',
  payslipLoading: 'Loading your payslip…',
  payslipEmptyTitle: 'You have no payslips yet',
  payslipEmptyBody: 'Your first payslip will appear here on your first pay day.',
  errorGenericTitle: 'We could not load your payslip',
  errorForbiddenTitle: 'You do not have permission to see this payslip',
  errorForbiddenBody: 'You can only see your own payslips. Contact your payroll team if you think this is wrong.',
  errorNotFoundTitle: 'We could not find that payslip',
  errorNotFoundBody: 'It may have been withdrawn, or the link may be wrong. Try again, or choose another payslip.',
  name: 'Name',
  assignmentNumber: 'Assignment number',
  job: 'Job',
  jobAndBand: '%{jobTitle}, %{band}',
  department: 'Department',
  payDate: 'Pay date',
  taxCode: 'Tax code',
  taxBasisNonCumulative: 'month 1 / week 1 basis',
  niCategory: 'National Insurance category',
  paidTo: 'Paid to',
  paidToAccount: '%{method}, account ending %{last4}',
  netPay: 'Net pay',
  netPayHint: 'What you take home after deductions',
  payments: 'Payments',
  deductions: 'Deductions',
  description: 'Description',
  amount: 'Amount',
  totalPayments: 'Total payments (gross pay)',
  totalDeductions: 'Total deductions',
  yearToDate: 'Year to date, %{start} to %{end} tax year',
  grossPay: 'Gross pay',
  taxablePay: 'Taxable pay',
  incomeTax: 'Income tax',
  nationalInsurance: 'National Insurance',
  nhsPension: 'NHS Pension',
  employerContributions: 'Paid by your employer',
  employerContributionsHint: 'Your employer pays these on top of your pay. They are not taken from it.',
  choosePayslip: 'Choose a payslip',
  choosePayslipHint: 'Your last 12 payslips',
  payslipOption: '%{date} (%{period})',
  thisPeriod: 'This period',
  explainLine: 'How was this worked out?',
  explainWorking: 'Working it out…',
  explainFailed: 'We could not work this out just now. Try again later, or contact your payroll team.',
  explainUnavailable: 'We cannot explain this line automatically. Your payroll team can.',
  explainMismatch: 'From the figures on this payslip the calculator gets %{amount}, not the %{shown} shown. Your payroll team can explain the difference.',
  explainInEnglish: 'This explanation is in English.',
  downloadPayslip: 'Download this payslip (PDF)',
  downloadPreparing: 'Preparing the PDF…',
  downloadFailed: 'We could not download the PDF. Try again.',
  downloadDone: 'Downloaded %{filename}',
  p60Heading: 'P60 end of year certificates',
  p60Hint: 'A P60 shows your pay and the tax taken from it over a whole tax year. You may need it to claim tax back or to apply for a loan or mortgage.',
  p60Empty: 'You have no P60s yet. You get one after each tax year in which you were paid.',
  p60Download: 'Download P60 for the %{start} to %{end} tax year (PDF)',
  lineCodes: {},
};

// Welsh is fetched the first time this widget renders in Welsh, so English pages never download it.
export const payslipMessages: Messages<PayslipStrings> = { 'en-GB': enGB, cy: () => import('./messages.cy.ts').then((m) => m.cy) };
