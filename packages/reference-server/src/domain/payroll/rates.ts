// Tax-year rate tables as data. Figures come from /work/shared/reference/uk-payroll-rules.md
// (section numbers below); nothing here is computed at run time except per-period pro-rating.

import { PayrollInputError } from './errors.ts';

export const TAX_YEARS = ['2025-26', '2026-27'] as const;
export type TaxYear = (typeof TAX_YEARS)[number];

export type Jurisdiction = 'rest_of_uk' | 'scotland' | 'wales';

/** One income-tax band in PAYE-spec terms: width of taxable pay *after* the allowance. */
export interface IncomeTaxBand {
  /** Annual bandwidth in whole pounds; null = unlimited top band. */
  widthPounds: number | null;
  /** Whole percent: keeps PAYE band maths in exact integers. */
  ratePercent: number;
}

export interface IncomeTaxRegime {
  bands: readonly IncomeTaxBand[];
  /** BR / SBR / CBR flat rate. */
  basicRatePercent: number;
  /** D0, D1, D2, D3 flat rates, by index; rUK and Wales only have D0 and D1. */
  dRatesPercent: readonly number[];
}

export interface NiPeriodThresholds {
  /** All in whole pounds, as HMRC publishes them per week and per month. */
  lel: number;
  st: number;
  pt: number;
  uel: number;
  /** Freeport / investment-zone upper secondary threshold. */
  fust: number;
}

export interface NiRates {
  weekly: NiPeriodThresholds;
  monthly: NiPeriodThresholds;
  employeeUpperBps: number;
  employerBps: number;
}

export interface StudentLoanRates {
  /** Annual thresholds in whole pounds; null = plan not repaying in this year. */
  plan1: number | null;
  plan2: number | null;
  plan4: number | null;
  plan5: number | null;
  postgraduate: number | null;
  planRateBps: number;
  postgraduateRateBps: number;
}

export interface NhsPensionTier {
  /** Lowest actual annual pensionable pay (pence) in this tier. */
  fromPence: number;
  rateBps: number;
}

export interface NhsPensionRates {
  tiers: readonly NhsPensionTier[];
  /** Share charged through the employer's payroll: 14.3% + 0.08% administration levy. */
  employerPayrollBps: number;
  /** 23.7% employer rate + 0.08% levy; NHS England pays the 9.4% difference centrally. */
  employerTotalBps: number;
  /** True when the year's tiers/rates were not published and the previous year's are carried forward. */
  provisional: boolean;
}

export interface TaxYearRates {
  taxYear: TaxYear;
  incomeTax: Record<Jurisdiction, IncomeTaxRegime>;
  /** Overriding limit: tax deducted may not exceed this percentage of the period's pay (§1.3 step 7). */
  regulatoryLimitPercent: number;
  ni: NiRates;
  studentLoans: StudentLoanRates;
  nhsPension: NhsPensionRates;
}

// §1.4: rUK spec constants B2 £37,700, B3 £87,440 at 20/40/45; Wales equals rUK in both years.
const RUK_INCOME_TAX: IncomeTaxRegime = {
  bands: [
    { widthPounds: 37_700, ratePercent: 20 },
    { widthPounds: 87_440, ratePercent: 40 },
    { widthPounds: null, ratePercent: 45 },
  ],
  basicRatePercent: 20,
  dRatesPercent: [40, 45],
};

// §1.1: SBR 20%, SD0 21%, SD1 42%, SD2 45%, SD3 48%.
const SCOTTISH_FLAT_RATES = { basicRatePercent: 20, dRatesPercent: [21, 42, 45, 48] } as const;

/** §1.4: bandwidths from cumulative limits 2,827 / 14,921 / 31,092 / 62,430 / 125,140. */
const SCOTLAND_2025_26: IncomeTaxRegime = {
  bands: [
    { widthPounds: 2_827, ratePercent: 19 },
    { widthPounds: 12_094, ratePercent: 20 },
    { widthPounds: 16_171, ratePercent: 21 },
    { widthPounds: 31_338, ratePercent: 42 },
    { widthPounds: 62_710, ratePercent: 45 },
    { widthPounds: null, ratePercent: 48 },
  ],
  ...SCOTTISH_FLAT_RATES,
};

/** §1.4: cumulative limits 3,967 / 16,956 / 31,092 / 62,430 / 125,140. */
const SCOTLAND_2026_27: IncomeTaxRegime = {
  bands: [
    { widthPounds: 3_967, ratePercent: 19 },
    { widthPounds: 12_989, ratePercent: 20 },
    { widthPounds: 14_136, ratePercent: 21 },
    { widthPounds: 31_338, ratePercent: 42 },
    { widthPounds: 62_710, ratePercent: 45 },
    { widthPounds: null, ratePercent: 48 },
  ],
  ...SCOTTISH_FLAT_RATES,
};

// §4: member tiers from 1 April 2025 by actual annual pensionable pay.
const NHS_PENSION_TIERS_2025: readonly NhsPensionTier[] = [
  { fromPence: 0, rateBps: 520 },
  { fromPence: 1_326_000, rateBps: 650 },
  { fromPence: 2_779_800, rateBps: 830 },
  { fromPence: 3_386_900, rateBps: 980 },
  { fromPence: 5_084_600, rateBps: 1070 },
  { fromPence: 6_519_100, rateBps: 1250 },
];

export const RATES: Readonly<Record<TaxYear, TaxYearRates>> = {
  '2025-26': {
    taxYear: '2025-26',
    incomeTax: { rest_of_uk: RUK_INCOME_TAX, scotland: SCOTLAND_2025_26, wales: RUK_INCOME_TAX },
    regulatoryLimitPercent: 50,
    ni: {
      // §2.1, confirmed by HMRC's 2025-26 NIC test data.
      weekly: { lel: 125, st: 96, pt: 242, uel: 967, fust: 481 },
      monthly: { lel: 542, st: 417, pt: 1_048, uel: 4_189, fust: 2_083 },
      employeeUpperBps: 200,
      employerBps: 1500,
    },
    studentLoans: {
      // §3: Plan 5 repayments only start in 2026-27.
      plan1: 26_065,
      plan2: 28_470,
      plan4: 32_745,
      plan5: null,
      postgraduate: 21_000,
      planRateBps: 900,
      postgraduateRateBps: 600,
    },
    nhsPension: { tiers: NHS_PENSION_TIERS_2025, employerPayrollBps: 1438, employerTotalBps: 2378, provisional: false },
  },
  '2026-27': {
    taxYear: '2026-27',
    incomeTax: { rest_of_uk: RUK_INCOME_TAX, scotland: SCOTLAND_2026_27, wales: RUK_INCOME_TAX },
    regulatoryLimitPercent: 50,
    ni: {
      // §2.1. The freeport/investment-zone UST is only quoted annually (£25,000, unchanged), so the
      // 2025-26 per-period figures derived from the same £25,000 are kept.
      weekly: { lel: 129, st: 96, pt: 242, uel: 967, fust: 481 },
      monthly: { lel: 559, st: 417, pt: 1_048, uel: 4_189, fust: 2_083 },
      employeeUpperBps: 200,
      employerBps: 1500,
    },
    studentLoans: {
      plan1: 26_900,
      plan2: 29_385,
      plan4: 33_795,
      plan5: 25_000,
      postgraduate: 21_000,
      planRateBps: 900,
      postgraduateRateBps: 600,
    },
    // §4: 2026-27 tiers are not published in the sources; the 2025-26 table is carried forward
    // and flagged so every calculation line says so.
    nhsPension: { tiers: NHS_PENSION_TIERS_2025, employerPayrollBps: 1438, employerTotalBps: 2378, provisional: true },
  },
};

export function isTaxYear(value: unknown): value is TaxYear {
  return typeof value === 'string' && (TAX_YEARS as readonly string[]).includes(value);
}

export function ratesFor(taxYear: unknown): TaxYearRates {
  if (!isTaxYear(taxYear)) {
    throw new PayrollInputError('taxYear', `Unsupported tax year ${JSON.stringify(taxYear)}; supported: ${TAX_YEARS.join(', ')}`);
  }
  return RATES[taxYear];
}
