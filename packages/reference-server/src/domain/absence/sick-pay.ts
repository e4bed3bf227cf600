// Occupational sick pay (NHS Terms and Conditions Handbook, section 14.2): by reckonable service at the
// start of the absence, months of full pay and of half pay —
//   first year 1 + 2, second 2 + 2, third 4 + 4, fourth and fifth 5 + 5, after five years 6 + 6 —
// reduced by the sick pay (full and half) received in the 12 months before the first day of the absence.
// Held in calendar days (a month = 365/12 days, rounded to the nearest day: 1 month = 30 days, 6 = 183),
// consumed day by day in date order, full pay first. Feeds payroll as full/half/nil days per period.
import { addYears, completeYears, dayOf, isoOf } from '../calendars/dates.ts';

export interface SickPayScale { serviceYears: number; fullPayMonths: number; halfPayMonths: number; fullPayDays: number; halfPayDays: number }

export function sickPayScale(serviceYears: number): SickPayScale {
  const [full, half] = serviceYears < 1 ? [1, 2] : serviceYears < 2 ? [2, 2] : serviceYears < 3 ? [4, 4] : serviceYears < 5 ? [5, 5] : [6, 6];
  return { serviceYears, fullPayMonths: full, halfPayMonths: half, fullPayDays: Math.round((full * 365) / 12), halfPayDays: Math.round((half * 365) / 12) };
}

export interface EpisodeSpan { id: string; startDate: string; endDate: string | null }

export type PayRate = 'full' | 'half' | 'nil';

export interface SickPayAllocation {
  /** Per episode: its start, the scale at its start, what was used before it, and its days by rate. */
  episodes: Array<{
    id: string;
    startDate: string;
    endDate: string | null;
    scale: SickPayScale;
    usedBefore: { fullPayDays: number; halfPayDays: number };
    fullPayDays: number;
    halfPayDays: number;
    nilPayDays: number;
    /** The last day paid in full / at half pay (null: none). */
    fullPayUntil: string | null;
    halfPayUntil: string | null;
  }>;
  /** day number → rate, for every day of sickness allocated. */
  rateOn(date: string): PayRate | null;
}

/**
 * Allocates sick pay to a person's episodes (any order; sorted here) up to `asOf` (open episodes run to it).
 * Each day is remembered with its rate, so "received in the preceding 12 months" counts the days actually
 * paid, whichever episode they belonged to.
 */
export function allocateSickPay(serviceStart: string, episodes: EpisodeSpan[], asOf: string): SickPayAllocation {
  const sorted = [...episodes].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  const until = dayOf(asOf);
  const paid = new Map<number, PayRate>();
  const out: SickPayAllocation['episodes'] = [];
  const service = dayOf(serviceStart);
  for (const e of sorted) {
    const start = dayOf(e.startDate);
    if (start > until) continue;
    const end = Math.min(e.endDate === null ? until : dayOf(e.endDate), until);
    const scale = sickPayScale(completeYears(service, start));
    const yearBefore = addYears(start, -1);
    let usedFull = 0;
    let usedHalf = 0;
    for (const [day, rate] of paid) {
      if (day >= yearBefore && day < start) {
        if (rate === 'full') usedFull++;
        else if (rate === 'half') usedHalf++;
      }
    }
    let fullLeft = Math.max(0, scale.fullPayDays - usedFull);
    let halfLeft = Math.max(0, scale.halfPayDays - usedHalf);
    // Full pay already used up beyond the scale spills into half pay used (the rolling year counts both).
    const counts = { full: 0, half: 0, nil: 0 };
    let fullUntil: number | null = null;
    let halfUntil: number | null = null;
    for (let d = start; d <= end; d++) {
      let rate: PayRate;
      if (fullLeft > 0) {
        rate = 'full';
        fullLeft--;
        fullUntil = d;
      } else if (halfLeft > 0) {
        rate = 'half';
        halfLeft--;
        halfUntil = d;
      } else rate = 'nil';
      paid.set(d, rate);
      counts[rate]++;
    }
    out.push({
      id: e.id, startDate: e.startDate, endDate: e.endDate, scale, usedBefore: { fullPayDays: usedFull, halfPayDays: usedHalf },
      fullPayDays: counts.full, halfPayDays: counts.half, nilPayDays: counts.nil,
      fullPayUntil: fullUntil === null ? null : isoOf(fullUntil), halfPayUntil: halfUntil === null ? null : isoOf(halfUntil),
    });
  }
  return { episodes: out, rateOn: (date) => paid.get(dayOf(date)) ?? null };
}

/** What payroll needs for a pay period: sickness days at full, half and nil pay between two dates. */
export function sickPayForPeriod(allocation: SickPayAllocation, from: string, to: string): { fullPayDays: number; halfPayDays: number; nilPayDays: number } {
  const out = { fullPayDays: 0, halfPayDays: 0, nilPayDays: 0 };
  for (let d = dayOf(from); d <= dayOf(to); d++) {
    const rate = allocation.rateOn(isoOf(d));
    if (rate === 'full') out.fullPayDays++;
    else if (rate === 'half') out.halfPayDays++;
    else if (rate === 'nil') out.nilPayDays++;
  }
  return out;
}

/**
 * Where the person stands on `asOf`: the scale an absence starting that day would get, the sick pay
 * received in the 12 months before it, and what is left.
 */
export function sickPayPosition(serviceStart: string, episodes: EpisodeSpan[], asOf: string) {
  const day = dayOf(asOf);
  const allocation = allocateSickPay(serviceStart, episodes, isoOf(day - 1));
  const scale = sickPayScale(completeYears(dayOf(serviceStart), day));
  const used = { fullPayDays: 0, halfPayDays: 0 };
  for (let d = addYears(day, -1); d < day; d++) {
    const rate = allocation.rateOn(isoOf(d));
    if (rate === 'full') used.fullPayDays++;
    else if (rate === 'half') used.halfPayDays++;
  }
  return {
    scale,
    usedInLast12Months: used,
    remaining: { fullPayDays: Math.max(0, scale.fullPayDays - used.fullPayDays), halfPayDays: Math.max(0, scale.halfPayDays - used.halfPayDays) },
  };
}
