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
  errorSignedOutBody: string;
  errorForbiddenTitle: string;
  errorForbiddenBody: string;
  errorNotFoundTitle: string;
  errorNotFoundBody: string;
  errorNoClientTitle: string;
  name: string;
  assignmentNumber: string;
  job: string;
  jobAndBand: string; // %{jobTitle} %{band}
  department: string;
  payDate: string;
  taxCode: string;
  taxBasisCumulative: string;
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
  errorSignedOutBody: 'Sign in again to see your payslip.',
  errorForbiddenTitle: 'You do not have permission to see this payslip',
  errorForbiddenBody: 'You can only see your own payslips. Contact your payroll team if you think this is wrong.',
  errorNotFoundTitle: 'We could not find that payslip',
  errorNotFoundBody: 'It may have been withdrawn, or the link may be wrong. Try again, or choose another payslip.',
  errorNoClientTitle: 'This payslip is not connected to ESR',
  name: 'Name',
  assignmentNumber: 'Assignment number',
  job: 'Job',
  jobAndBand: '%{jobTitle}, %{band}',
  department: 'Department',
  payDate: 'Pay date',
  taxCode: 'Tax code',
  taxBasisCumulative: 'cumulative',
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
  lineCodes: {},
};

// Cymraeg; terms follow the Welsh Government's TermCymru glossary where it has one.
const cy: PayslipStrings = {
  payslipHeading: 'Slip cyflog %{month} · %{period}',
  taxMonth: 'mis treth %{number}',
  taxWeek: 'wythnos dreth %{number}',
  payslipLoading: 'Wrthi’n llwytho eich slip cyflog…',
  payslipEmptyTitle: 'Nid oes gennych unrhyw slipiau cyflog eto',
  payslipEmptyBody: 'Bydd eich slip cyflog cyntaf yn ymddangos yma ar eich diwrnod cyflog cyntaf.',
  errorGenericTitle: 'Nid oeddem yn gallu llwytho eich slip cyflog',
  errorSignedOutBody: 'Mewngofnodwch eto i weld eich slip cyflog.',
  errorForbiddenTitle: 'Nid oes gennych ganiatâd i weld y slip cyflog hwn',
  errorForbiddenBody:
    'Dim ond eich slipiau cyflog eich hun y gallwch eu gweld. Cysylltwch â’ch tîm cyflogres os ydych yn credu bod hyn yn anghywir.',
  errorNotFoundTitle: 'Nid oeddem yn gallu dod o hyd i’r slip cyflog hwnnw',
  errorNotFoundBody:
    'Efallai ei fod wedi’i dynnu’n ôl, neu fod y ddolen yn anghywir. Rhowch gynnig arall arni, neu dewiswch slip cyflog arall.',
  errorNoClientTitle: 'Nid yw’r slip cyflog hwn wedi’i gysylltu ag ESR',
  name: 'Enw',
  assignmentNumber: 'Rhif aseiniad',
  job: 'Swydd',
  jobAndBand: '%{jobTitle}, %{band}',
  department: 'Adran',
  payDate: 'Dyddiad talu',
  taxCode: 'Cod treth',
  taxBasisCumulative: 'cronnol',
  taxBasisNonCumulative: 'sail mis 1 / wythnos 1',
  niCategory: 'Categori Yswiriant Gwladol',
  paidTo: 'Talwyd i',
  paidToAccount: '%{method}, cyfrif yn gorffen â %{last4}',
  netPay: 'Cyflog net',
  netPayHint: 'Yr hyn rydych yn ei gael ar ôl didyniadau',
  payments: 'Taliadau',
  deductions: 'Didyniadau',
  description: 'Disgrifiad',
  amount: 'Swm',
  totalPayments: 'Cyfanswm y taliadau (cyflog gros)',
  totalDeductions: 'Cyfanswm y didyniadau',
  yearToDate: 'Y flwyddyn hyd yma, blwyddyn dreth %{start} i %{end}',
  grossPay: 'Cyflog gros',
  taxablePay: 'Cyflog trethadwy',
  incomeTax: 'Treth incwm',
  nationalInsurance: 'Yswiriant Gwladol',
  nhsPension: 'Pensiwn y GIG',
  employerContributions: 'Wedi’u talu gan eich cyflogwr',
  employerContributionsHint: 'Mae eich cyflogwr yn talu’r rhain yn ychwanegol at eich cyflog. Nid ydynt yn cael eu tynnu ohono.',
  choosePayslip: 'Dewiswch slip cyflog',
  choosePayslipHint: 'Eich 12 slip cyflog diwethaf',
  payslipOption: '%{date} (%{period})',
  // Codes used by the reference server's payroll engine and the SDK fixtures.
  lineCodes: {
    BASIC: 'Cyflog sylfaenol',
    OVERTIME: 'Goramser',
    UNSOC_SAT: 'Oriau anghymdeithasol',
    UNSOC_SUN: 'Oriau anghymdeithasol Sul/Gŵyl y Banc',
    PAYE: 'Treth incwm',
    NI: 'Yswiriant Gwladol',
    NI_EMPLOYEE: 'Yswiriant Gwladol',
    PENSION: 'Pensiwn y GIG',
    NHS_PENSION_MEMBER: 'Pensiwn y GIG',
    SL: 'Benthyciad myfyriwr',
    STUDENT_LOAN: 'Benthyciad myfyriwr',
    PGL: 'Benthyciad ôl-raddedig',
    POSTGRADUATE_LOAN: 'Benthyciad ôl-raddedig',
    SALARY_SACRIFICE: 'Aberthu cyflog',
  },
};

export const payslipMessages: Messages<PayslipStrings> = { 'en-GB': enGB, cy };
