// Public surface of the payroll engine: pure functions, integer pence, no I/O.

export { PayrollInputError } from './errors.ts';
export { formatPence, MAX_INPUT_PENCE } from './money.ts';
export { RATES, TAX_YEARS, isTaxYear, ratesFor } from './rates.ts';
export type { IncomeTaxBand, IncomeTaxRegime, Jurisdiction, NhsPensionRates, NhsPensionTier, NiRates, StudentLoanRates, TaxYear, TaxYearRates } from './rates.ts';
export { PAY_FREQUENCIES, frequencyInfo, taxPeriodForPayDate, taxYearForPayDate } from './tax-period.ts';
export type { FrequencyInfo, PayFrequency } from './tax-period.ts';
export { parseTaxCode } from './tax-code.ts';
export type { ParsedTaxCode, TaxCodeKind } from './tax-code.ts';
export { calculatePaye, graduatedTaxPence, payAdjustmentPerUnitPence } from './paye.ts';
export type { PayeInput, PayeResult, TaxBasis } from './paye.ts';
export { NI_CATEGORIES, calculateNi, niCategory, niRoundPence, niThresholdsPence } from './national-insurance.ts';
export type { NiCategory, NiInput, NiResult } from './national-insurance.ts';
export { STUDENT_LOAN_PLANS, calculateStudentLoans, periodThresholdPence, studentLoanDeductionPence } from './student-loans.ts';
export type { StudentLoanInput, StudentLoanPlan, StudentLoanResult } from './student-loans.ts';
export { calculateNhsPension, nhsPensionTier } from './nhs-pension.ts';
export type { NhsPensionInput, NhsPensionResult, NhsPensionTierResult } from './nhs-pension.ts';
export { calculatePeriod } from './calculate-period.ts';
export type { CalculateOptions, CalculationLine, PeriodInput, PeriodResult } from './calculate-period.ts';
