// Class 1 National Insurance (employee and employer), non-director, one pay period
// (rules file §2). Each period stands alone; employee and employer are computed separately.

import { PayrollInputError } from './errors.ts';
import { assertPence, formatBps, formatPence } from './money.ts';
import { ratesFor } from './rates.ts';
import type { NiPeriodThresholds, NiRates, TaxYear, TaxYearRates } from './rates.ts';
import { frequencyInfo } from './tax-period.ts';
import type { FrequencyInfo, PayFrequency } from './tax-period.ts';

/** Where the employer's 0% band stops for relief categories. */
type EmployerRelief = 'none' | 'uel' | 'fust';

export interface NiCategory {
  letter: string;
  description: string;
  /** Employee rate between PT and UEL (basis points). */
  employeeMainBps: number;
  /** Employee rate above UEL; 0 for C-type letters. */
  employeeUpperApplies: boolean;
  /** 0% employer band from ST up to UST/AUST/VUST (= UEL) or the freeport/investment-zone UST. */
  employerRelief: EmployerRelief;
}

function category(letter: string, description: string, employeeMainBps: number, employeeUpperApplies: boolean, employerRelief: EmployerRelief): NiCategory {
  return { letter, description, employeeMainBps, employeeUpperApplies, employerRelief };
}

/** §2.2 table. Freeport letters F/I/L/S mirror A/B/J/C; investment-zone D/E/K/N mirror J/B/C/A. */
export const NI_CATEGORIES: Readonly<Record<string, NiCategory>> = {
  A: category('A', 'standard', 800, true, 'none'),
  B: category('B', 'married woman or widow, reduced rate', 185, true, 'none'),
  C: category('C', 'over State Pension age', 0, false, 'none'),
  H: category('H', 'apprentice under 25', 800, true, 'uel'),
  J: category('J', 'deferment', 200, true, 'none'),
  M: category('M', 'under 21', 800, true, 'uel'),
  V: category('V', 'veteran, first 12 months of civilian work', 800, true, 'uel'),
  Z: category('Z', 'under 21 with deferment', 200, true, 'uel'),
  F: category('F', 'freeport, standard', 800, true, 'fust'),
  I: category('I', 'freeport, married woman or widow', 185, true, 'fust'),
  L: category('L', 'freeport, deferment', 200, true, 'fust'),
  S: category('S', 'freeport, over State Pension age', 0, false, 'fust'),
  D: category('D', 'investment zone, deferment', 200, true, 'fust'),
  E: category('E', 'investment zone, married woman or widow', 185, true, 'fust'),
  K: category('K', 'investment zone, over State Pension age', 0, false, 'fust'),
  N: category('N', 'investment zone, standard', 800, true, 'fust'),
};

export function niCategory(letter: unknown): NiCategory {
  const key = typeof letter === 'string' ? letter.trim().toUpperCase() : '';
  const cat = NI_CATEGORIES[key];
  if (!cat) {
    throw new PayrollInputError('niCategory', `Unknown NI category letter ${JSON.stringify(letter)}; expected one of ${Object.keys(NI_CATEGORIES).join(', ')}`);
  }
  return cat;
}

export interface NiInput {
  taxYear: TaxYear;
  frequency: PayFrequency;
  niCategory: string;
  /** NI-able (gross) pay this period, after salary sacrifice, before pension contributions. */
  niablePayPence: number;
}

export interface NiResult {
  category: NiCategory;
  /** Per-period thresholds used, pence. */
  thresholds: Readonly<{ lel: number; st: number; pt: number; uel: number; fust: number }>;
  employeePence: number;
  employerPence: number;
  /** RTI earnings buckets. */
  earningsAtLelPence: number;
  earningsLelToPtPence: number;
  earningsPtToUelPence: number;
  explanation: string;
  employerExplanation: string;
}

/** Thresholds for a period: HMRC publishes weekly and monthly; 2- and 4-weekly are weekly multiples. */
export function niThresholdsPence(taxYear: TaxYear, frequency: PayFrequency): NiResult['thresholds'] {
  const info = frequencyInfo(frequency);
  const ni = ratesFor(taxYear).ni;
  const base: NiPeriodThresholds = info.weeksPerPeriod === null ? ni.monthly : ni.weekly;
  const k = (info.weeksPerPeriod ?? 1) * 100;
  return { lel: base.lel * k, st: base.st * k, pt: base.pt * k, uel: base.uel * k, fust: base.fust * k };
}

/**
 * HMRC NI rounding: keep the exact amount to three decimals of a pound and round up only if the
 * third decimal is 6–9 (so £0.0056 → £0.00). `micro` is the exact amount in millionths of a pound.
 */
export function niRoundPence(micro: number): number {
  const mills = Math.floor(micro / 1_000);
  const pence = Math.floor(mills / 10);
  return mills % 10 >= 6 ? pence + 1 : pence;
}

const clamp0 = (x: number): number => (x > 0 ? x : 0);

export function calculateNi(input: NiInput): NiResult {
  const rates = ratesFor(input.taxYear);
  const cat = niCategory(input.niCategory);
  const pay = assertPence('niablePayPence', input.niablePayPence);
  const info = frequencyInfo(input.frequency);
  return niCore(rates, info, cat, pay, true);
}

/** Per-period thresholds, computed once per rate table and frequency (frozen: shared by every result). */
const thresholdCache = new WeakMap<NiRates, Map<PayFrequency, NiResult['thresholds']>>();

function cachedThresholds(ni: NiRates, info: FrequencyInfo): NiResult['thresholds'] {
  let byFrequency = thresholdCache.get(ni);
  if (!byFrequency) {
    byFrequency = new Map();
    thresholdCache.set(ni, byFrequency);
  }
  let t = byFrequency.get(info.frequency);
  if (!t) {
    const base: NiPeriodThresholds = info.weeksPerPeriod === null ? ni.monthly : ni.weekly;
    const k = (info.weeksPerPeriod ?? 1) * 100;
    t = Object.freeze({ lel: base.lel * k, st: base.st * k, pt: base.pt * k, uel: base.uel * k, fust: base.fust * k });
    byFrequency.set(info.frequency, t);
  }
  return t;
}

/**
 * Class 1 NI on already validated inputs (calculatePeriod validates once and calls this).
 * `explain` false leaves both explanation strings empty; every figure is the same.
 */
export function niCore(rates: TaxYearRates, info: FrequencyInfo, cat: NiCategory, pay: number, explain: boolean): NiResult {
  const t = cachedThresholds(rates.ni, info);
  const upperBps = cat.employeeUpperApplies ? rates.ni.employeeUpperBps : 0;

  const mainBand = clamp0(Math.min(pay, t.uel) - t.pt);
  const upperBand = clamp0(pay - t.uel);
  // pence × bps = 1e-6 £, exact integers.
  const employeePence = niRoundPence(mainBand * cat.employeeMainBps + upperBand * upperBps);

  const reliefTop = cat.employerRelief === 'uel' ? t.uel : cat.employerRelief === 'fust' ? t.fust : t.st;
  const employerFrom = Math.max(t.st, reliefTop);
  const employerBand = clamp0(pay - employerFrom);
  const employerPence = niRoundPence(employerBand * rates.ni.employerBps);

  const earningsAtLelPence = pay >= t.lel ? t.lel : 0;
  const earningsLelToPtPence = pay > t.lel ? Math.min(pay, t.pt) - t.lel : 0;
  const earningsPtToUelPence = mainBand;

  let explanation = '';
  let employerExplanation = '';
  if (explain) {
    explanation =
      `NI category ${cat.letter} (${cat.description}), ${info.frequency}: ` +
      `${formatBps(cat.employeeMainBps)} of ${formatPence(mainBand)} between PT ${formatPence(t.pt)} and UEL ${formatPence(t.uel)}` +
      (upperBand > 0 ? ` + ${formatBps(upperBps)} of ${formatPence(upperBand)} above UEL` : '') +
      ` = ${formatPence(employeePence)}`;
    employerExplanation =
      `Employer NI category ${cat.letter}: ${formatBps(rates.ni.employerBps)} of ${formatPence(employerBand)} above ` +
      (employerFrom === t.st ? `ST ${formatPence(t.st)}` : `${cat.employerRelief === 'uel' ? 'UST' : 'freeport/investment-zone UST'} ${formatPence(employerFrom)} (0% from ST ${formatPence(t.st)})`) +
      ` = ${formatPence(employerPence)}`;
  }

  return {
    category: cat,
    thresholds: t,
    employeePence,
    employerPence,
    earningsAtLelPence,
    earningsLelToPtPence,
    earningsPtToUelPence,
    explanation,
    employerExplanation,
  };
}
