/** Locales with a full string table. Anything else falls back to en-GB. */
export const SUPPORTED_LOCALES = ['en-GB', 'cy'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * Every user-facing string. `%{name}` marks a placeholder filled by `LocalizeController.t()`.
 * Both tables must implement the whole interface, so a missing Welsh string is a type error.
 */
export interface EsrStrings {
  payslipHeading: string; // %{month} %{period}
  taxMonth: string; // %{number}
  taxWeek: string; // %{number}
  payslipLoading: string;
  payslipEmptyTitle: string;
  payslipEmptyBody: string;

  errorGenericTitle: string;
  errorGenericBody: string;
  errorSignedOutTitle: string;
  errorSignedOutBody: string;
  errorForbiddenTitle: string;
  errorForbiddenBody: string;
  errorNotFoundTitle: string;
  errorNotFoundBody: string;
  errorConnectionTitle: string;
  errorConnectionBody: string;
  errorTimeoutTitle: string;
  errorTimeoutBody: string;
  errorRateLimitedTitle: string;
  errorRateLimitedBody: string;
  errorServerTitle: string;
  errorServerBody: string;
  errorNoClientTitle: string;
  errorNoClientBody: string;
  errorReference: string; // %{requestId}
  retry: string;

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

/** Per-instance overrides (the `i18n` property), e.g. a trust's own wording. */
export type EsrStringOverrides = Partial<Omit<EsrStrings, 'lineCodes'>>;
export type StringKey = Exclude<keyof EsrStrings, 'lineCodes'>;
