// Pay frequencies and the tax calendar (tax year runs 6 April to 5 April).

import { PayrollInputError } from './errors.ts';

export const PAY_FREQUENCIES = ['weekly', 'fortnightly', 'four-weekly', 'monthly'] as const;
export type PayFrequency = (typeof PAY_FREQUENCIES)[number];

export interface FrequencyInfo {
  frequency: PayFrequency;
  /** Regular periods in a tax year. */
  periodsPerYear: number;
  /** Highest period number accepted: weekly payrolls can have a week 53 (54/56 for 2-/4-weekly). */
  maxPeriod: number;
  /** Weeks per period for week-based payrolls; null for monthly. */
  weeksPerPeriod: number | null;
  /** HMRC pro-rates annual figures in 52nds (week-based) or 12ths (monthly). */
  unitsPerYear: 52 | 12;
}

const FREQUENCIES: Readonly<Record<PayFrequency, FrequencyInfo>> = {
  weekly: { frequency: 'weekly', periodsPerYear: 52, maxPeriod: 53, weeksPerPeriod: 1, unitsPerYear: 52 },
  fortnightly: { frequency: 'fortnightly', periodsPerYear: 26, maxPeriod: 27, weeksPerPeriod: 2, unitsPerYear: 52 },
  'four-weekly': { frequency: 'four-weekly', periodsPerYear: 13, maxPeriod: 14, weeksPerPeriod: 4, unitsPerYear: 52 },
  monthly: { frequency: 'monthly', periodsPerYear: 12, maxPeriod: 12, weeksPerPeriod: null, unitsPerYear: 12 },
};

export function frequencyInfo(frequency: unknown): FrequencyInfo {
  if (typeof frequency !== 'string' || !(PAY_FREQUENCIES as readonly string[]).includes(frequency)) {
    throw new PayrollInputError('frequency', `Unknown pay frequency ${JSON.stringify(frequency)}; expected one of ${PAY_FREQUENCIES.join(', ')}`);
  }
  return FREQUENCIES[frequency as PayFrequency];
}

/** Validates a period number for a frequency and returns it. */
export function assertPeriod(period: unknown, info: FrequencyInfo): number {
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 1 || period > info.maxPeriod) {
    throw new PayrollInputError('period', `period must be an integer from 1 to ${info.maxPeriod} for ${info.frequency} pay`);
  }
  return period;
}

/**
 * The last tax week covered by a week-based period (e.g. fortnightly period 3 = weeks 5–6 → 6),
 * or the tax month for monthly pay. HMRC's tables work in these units.
 */
export function periodUnits(info: FrequencyInfo, period: number): number {
  return info.weeksPerPeriod === null ? period : period * info.weeksPerPeriod;
}

/** Week 53 (and 54/56 for 2-/4-weekly) is always taxed on a week-1 basis. */
export function isExtraWeekPeriod(info: FrequencyInfo, period: number): boolean {
  return info.weeksPerPeriod !== null && period * info.weeksPerPeriod > 52;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(isoDate: unknown): { year: number; month: number; day: number; utc: number } {
  const m = typeof isoDate === 'string' ? ISO_DATE.exec(isoDate) : null;
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const utc = Date.UTC(year, month - 1, day);
    const d = new Date(utc);
    // Reject roll-overs such as 2025-02-30.
    if (d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) {
      return { year, month, day, utc };
    }
  }
  throw new PayrollInputError('payDate', `Expected an ISO date (YYYY-MM-DD), got ${JSON.stringify(isoDate)}`);
}

function taxYearStartYear(date: { year: number; month: number; day: number }): number {
  return date.month > 4 || (date.month === 4 && date.day >= 6) ? date.year : date.year - 1;
}

/** '2025-04-06' → '2025-26'; '2026-04-05' → '2025-26'. */
export function taxYearForPayDate(isoDate: string): string {
  const start = taxYearStartYear(parseIsoDate(isoDate));
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * Tax period of a pay date: tax month (6th–5th) for monthly pay; otherwise the pay period
 * counted in whole weeks from 6 April (week 1 = 6–12 April), so a pay date on 5 April (or
 * 4–5 April in a leap year) falls in week 53 / fortnight 27 / four-week period 14.
 */
export function taxPeriodForPayDate(isoDate: string, frequency: PayFrequency): number {
  const info = frequencyInfo(frequency);
  const date = parseIsoDate(isoDate);
  const startYear = taxYearStartYear(date);
  if (info.weeksPerPeriod === null) {
    const monthsSinceApril = (date.year - startYear) * 12 + (date.month - 4);
    return date.day >= 6 ? monthsSinceApril + 1 : monthsSinceApril;
  }
  const days = Math.round((date.utc - Date.UTC(startYear, 3, 6)) / 86_400_000);
  return Math.floor(days / (7 * info.weeksPerPeriod)) + 1;
}
