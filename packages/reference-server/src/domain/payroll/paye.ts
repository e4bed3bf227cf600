// PAYE income tax for one pay period, following HMRC's "Specification for PAYE Tax Table
// Routines" as summarised in rules file §1.3 (step numbers below refer to that list).

import { PayrollInputError } from './errors.ts';
import { assertPence, ceilDiv, floorDiv, formatPence } from './money.ts';
import { ratesFor } from './rates.ts';
import type { IncomeTaxRegime, TaxYear, TaxYearRates } from './rates.ts';
import { parseTaxCode } from './tax-code.ts';
import type { ParsedTaxCode } from './tax-code.ts';
import { assertPeriod, frequencyInfo, isExtraWeekPeriod, periodUnits } from './tax-period.ts';
import type { FrequencyInfo, PayFrequency } from './tax-period.ts';

export type TaxBasis = 'cumulative' | 'non-cumulative';

export interface PayeInput {
  taxYear: TaxYear;
  frequency: PayFrequency;
  period: number;
  /** Tax code string (may carry ' W1' / ' M1' / ' X') or an already parsed code. */
  taxCode: string | ParsedTaxCode;
  /** Combined with the code's marker: either one asking for non-cumulative wins. */
  basis?: TaxBasis;
  /** Taxable pay this period (after salary sacrifice and net-pay pension contributions). */
  taxablePayPence: number;
  /** Taxable pay in previous periods of this employment (cumulative basis). */
  taxablePayToDatePence?: number;
  /** Tax deducted in previous periods of this employment. */
  taxToDatePence?: number;
}

export interface PayeResult {
  taxCode: ParsedTaxCode;
  basis: TaxBasis;
  /** Why the basis is what it is (code marker, explicit basis, week 53, or default). */
  basisReason: string;
  /** Pro-rating of annual figures: n of N (n = tax month or week reached; 1 unit-period for non-cumulative). */
  units: number;
  unitsPerYear: 52 | 12;
  taxablePayPence: number;
  /** Year-to-date taxable pay including this period (both bases, for payslip YTD). */
  taxablePayToDatePence: number;
  /** Free pay (allowance codes, positive) or additional pay (K codes, negative) used in the calculation. */
  freePayPence: number;
  /** Pay the bands were applied to: cumulative or period pay less free pay (plus additional pay). */
  taxableAfterAllowancePence: number;
  /** The same rounded down to whole pounds (spec §4.4.4). */
  taxableRoundedPounds: number;
  /** Tax due on that pay (to date when cumulative; for this period when not). */
  taxDuePence: number;
  /** Tax before the overriding 50% limit; negative = refund. */
  unrestrictedTaxPence: number;
  /** Maximum deduction allowed this period by the regulatory limit. */
  regulatoryLimitPence: number;
  regulatoryLimitApplied: boolean;
  /** Tax to deduct this period; negative = refund. */
  taxPence: number;
  /** Tax deducted to date including this period. */
  taxToDatePence: number;
  explanation: string;
}

/** Spec constants for one 500-unit block of code number, per week and per month (§1.3 step 1). */
const BLOCK_ADJUSTMENT_PENCE = { 52: 9_616, 12: 41_667 } as const;

/**
 * Pay adjustment (free pay, or additional pay for K codes) for one week or month, in pence.
 * HMRC's Tables A method: the code number is split into 500-unit blocks with fixed values plus a
 * remainder r worth ⌈(10r + 9) / N⌉ to the penny — which is why 1257L gives £1,048.26 a month.
 */
export function payAdjustmentPerUnitPence(codeNumber: number, unitsPerYear: 52 | 12): number {
  if (codeNumber <= 0) return 0;
  const q = Math.floor((codeNumber - 1) / 500);
  const r = ((codeNumber - 1) % 500) + 1;
  return ceilDiv((r * 10 + 9) * 100, unitsPerYear) + q * BLOCK_ADJUSTMENT_PENCE[unitsPerYear];
}

/** Band limits and tax at each limit for a whole year, precomputed once per regime. */
interface PreparedRegime {
  /** Cumulative upper limits of each finite band, whole pounds. */
  limitsPounds: number[];
  /** Tax due on pay up to the lower limit of each band, whole pence (index-aligned with bands). */
  taxAtLowerLimitPence: number[];
  ratesPercent: number[];
  /** For explanations: '20%', '20%/40%', '20%/40%/45%' — the rates up to each band. */
  ratesUpTo: string[];
}

const prepared = new WeakMap<IncomeTaxRegime, PreparedRegime>();

function prepare(regime: IncomeTaxRegime): PreparedRegime {
  let p = prepared.get(regime);
  if (!p) {
    const limitsPounds: number[] = [];
    const taxAtLowerLimitPence: number[] = [];
    const ratesPercent: number[] = [];
    let limit = 0;
    let tax = 0;
    for (const band of regime.bands) {
      taxAtLowerLimitPence.push(tax);
      ratesPercent.push(band.ratePercent);
      if (band.widthPounds !== null) {
        limit += band.widthPounds;
        // £ × whole percent = pence, exactly.
        tax += band.widthPounds * band.ratePercent;
        limitsPounds.push(limit);
      }
    }
    const ratesUpTo = ratesPercent.map((_, i) => ratesPercent.slice(0, i + 1).map((r) => `${r}%`).join('/'));
    p = { limitsPounds, taxAtLowerLimitPence, ratesPercent, ratesUpTo };
    prepared.set(regime, p);
  }
  return p;
}

/**
 * Graduated tax on taxable pay U (pence) for n of N units (§1.3 steps 4–5). Band limits and the
 * tax at each lower limit are pro-rated and truncated to 4 d.p. of a pound (= hundredths of a
 * penny, "cp" below); the band is chosen by comparing U with each limit rounded up to a pound;
 * the result is rounded down to the penny.
 */
export function graduatedTaxPence(regime: IncomeTaxRegime, taxablePence: number, n: number, N: number): { taxPence: number; bandIndex: number } {
  const bandIndex = graduatedBand(regime, taxablePence, n, N);
  return { taxPence: graduatedTaxAt(regime, taxablePence, n, N, bandIndex), bandIndex };
}

/** Band (0-based) that taxable pay U falls in, comparing U with each pro-rated limit rounded up to a pound. */
function graduatedBand(regime: IncomeTaxRegime, taxablePence: number, n: number, N: number): number {
  if (taxablePence <= 0) return 0;
  const limitsPounds = prepare(regime).limitsPounds;
  let band = 0;
  while (band < limitsPounds.length) {
    const limitCp = Math.floor((limitsPounds[band]! * 10_000 * n) / N);
    if (taxablePence <= ceilDiv(limitCp, 10_000) * 100) break;
    band += 1;
  }
  return band;
}

function graduatedTaxAt(regime: IncomeTaxRegime, taxablePence: number, n: number, N: number, band: number): number {
  if (taxablePence <= 0) return 0;
  const p = prepare(regime);
  const tPounds = Math.floor(taxablePence / 100);
  const lowerCp = band === 0 ? 0 : Math.floor((p.limitsPounds[band - 1]! * 10_000 * n) / N);
  const baseCp = Math.floor((p.taxAtLowerLimitPence[band]! * 100 * n) / N);
  // Units of 1e-6 £: cp × 100 + cp × percent; then down to pence (1e-2 £).
  const micro = baseCp * 100 + (tPounds * 10_000 - lowerCp) * p.ratesPercent[band]!;
  return floorDiv(micro, 10_000);
}

/** Checks a requested basis; throws PayrollInputError('basis'). */
export function assertBasis(basis: unknown): TaxBasis | undefined {
  if (basis !== undefined && basis !== 'cumulative' && basis !== 'non-cumulative') {
    throw new PayrollInputError('basis', `basis must be 'cumulative' or 'non-cumulative'`);
  }
  return basis;
}

function resolveBasis(code: ParsedTaxCode, requested: TaxBasis | undefined, info: FrequencyInfo, period: number): { basis: TaxBasis; reason: string } {
  const basis = assertBasis(requested);
  if (code.nonCumulativeMarker) {
    if (basis === 'cumulative') {
      throw new PayrollInputError('basis', `Tax code ${code.code} is non-cumulative (${code.nonCumulativeMarker}) but basis 'cumulative' was requested`);
    }
    return { basis: 'non-cumulative', reason: `${code.nonCumulativeMarker} marker on the code` };
  }
  if (basis === 'non-cumulative') return { basis, reason: 'week 1/month 1 basis requested' };
  if (isExtraWeekPeriod(info, period)) {
    // HMRC: week 53/54/56 payments are taxed on a week-1 basis (free pay for one period only).
    return { basis: 'non-cumulative', reason: `week ${period * info.weeksPerPeriod!} is always taxed on a week 1 basis` };
  }
  return { basis: 'cumulative', reason: basis === 'cumulative' ? 'cumulative basis requested' : 'cumulative (default)' };
}

export function calculatePaye(input: PayeInput): PayeResult {
  const rates = ratesFor(input.taxYear);
  const info = frequencyInfo(input.frequency);
  const period = assertPeriod(input.period, info);
  const code = typeof input.taxCode === 'string' ? parseTaxCode(input.taxCode) : input.taxCode;
  const payThisPeriod = assertPence('taxablePayPence', input.taxablePayPence);
  const payBefore = assertPence('taxablePayToDatePence', input.taxablePayToDatePence ?? 0);
  const taxBefore = assertPence('taxToDatePence', input.taxToDatePence ?? 0);
  return payeCore(rates, info, period, code, input.basis, payThisPeriod, payBefore, taxBefore, true);
}

/**
 * The PAYE calculation on already validated inputs (calculatePeriod validates once and calls this).
 * `explain` false skips building the explanation string (left empty); every figure is the same.
 */
export function payeCore(
  rates: TaxYearRates,
  info: FrequencyInfo,
  period: number,
  code: ParsedTaxCode,
  requestedBasis: TaxBasis | undefined,
  payThisPeriod: number,
  payBefore: number,
  taxBefore: number,
  explain: boolean,
): PayeResult {
  const { basis, reason } = resolveBasis(code, requestedBasis, info, period);
  const regime = rates.incomeTax[code.jurisdiction];
  const N = info.unitsPerYear;
  const cumulative = basis === 'cumulative';
  // Non-cumulative = "as if period 1": one period's worth of units (a fortnight is 2 weeks).
  const n = cumulative ? periodUnits(info, period) : (info.weeksPerPeriod ?? 1);
  const pay = cumulative ? payBefore + payThisPeriod : payThisPeriod;
  const previousTaxDue = cumulative ? taxBefore : 0;

  let freePay = 0;
  let taxDue: number;
  let rateNote = '';
  if (code.kind === 'no-tax') {
    taxDue = 0;
    if (explain) rateNote = 'NT: no tax due';
  } else if (code.kind === 'basic-rate' || code.kind === 'flat-rate') {
    // §1.3 step 8: whole pay, rounded down to pounds, at one flat rate.
    const pct = code.kind === 'basic-rate' ? regime.basicRatePercent : regime.dRatesPercent[code.dIndex!]!;
    taxDue = pay > 0 ? Math.floor(pay / 100) * pct : 0;
    if (explain) rateNote = `${code.baseCode}: all pay at ${pct}%`;
  } else {
    const perUnit = payAdjustmentPerUnitPence(code.number, N);
    freePay = code.kind === 'k' ? -perUnit * n : perUnit * n;
    const taxableAfter = pay - freePay;
    const bandIndex = graduatedBand(regime, taxableAfter, n, N);
    taxDue = graduatedTaxAt(regime, taxableAfter, n, N, bandIndex);
    if (explain) {
      rateNote = taxableAfter > 0 ? `bands ${prepare(regime).ratesUpTo[bandIndex]!} pro-rated ${n}/${N}` : 'no taxable pay';
    }
  }
  const taxable = code.kind === 'no-tax' ? pay : pay - freePay;

  const unrestricted = taxDue - previousTaxDue;
  // §1.3 step 7: deductions (never refunds) are capped at 50% of this period's pay.
  const limit = Math.floor((payThisPeriod * rates.regulatoryLimitPercent) / 100);
  const limited = unrestricted > limit;
  const tax = limited ? limit : unrestricted;

  let explanation = '';
  if (explain) {
    const unitName = info.weeksPerPeriod === null ? 'month' : 'week';
    const unitNo = periodUnits(info, period);
    const periodNote = info.frequency === 'monthly' || info.frequency === 'weekly' ? '' : ` (${info.frequency} period ${period})`;
    const where = cumulative ? 'cumulative' : `non-cumulative (${reason})`;
    const toDate = cumulative ? ' to date' : '';
    let text = `Tax code ${code.code} ${unitName} ${unitNo}${periodNote} ${where}:`;
    if (code.kind === 'allowance') text += ` free pay${toDate} ${formatPence(freePay)};`;
    if (code.kind === 'k') text += ` additional pay${toDate} ${formatPence(-freePay)} added;`;
    text += ` taxable pay${toDate} ${formatPence(taxable)} (${formatPence(Math.max(0, Math.floor(taxable / 100)) * 100)} after rounding down to pounds);`;
    text += ` ${rateNote}; tax due${toDate} ${formatPence(taxDue)}`;
    if (cumulative) text += ` less ${formatPence(previousTaxDue)} already deducted`;
    text += ` = ${formatPence(unrestricted)}`;
    if (limited) text += ` limited to 50% of this period's pay: ${formatPence(limit)}`;
    if (tax < 0) text += ' (refund)';
    explanation = text;
  }

  return {
    taxCode: code,
    basis,
    basisReason: reason,
    units: n,
    unitsPerYear: N,
    taxablePayPence: payThisPeriod,
    taxablePayToDatePence: payBefore + payThisPeriod,
    freePayPence: freePay,
    taxableAfterAllowancePence: taxable,
    taxableRoundedPounds: Math.max(0, Math.floor(taxable / 100)),
    taxDuePence: taxDue,
    unrestrictedTaxPence: unrestricted,
    regulatoryLimitPence: limit,
    regulatoryLimitApplied: limited,
    taxPence: tax,
    taxToDatePence: taxBefore + tax,
    explanation,
  };
}
