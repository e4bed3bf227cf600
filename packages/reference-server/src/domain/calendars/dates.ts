// Calendar dates as whole day numbers (days since 1970-01-01, UTC): no time zones, no DST, exact
// arithmetic. Every leave and absence calculation works in these and converts at the edges.

export type IsoDate = string;

const msPerDay = 86_400_000;

/** 'YYYY-MM-DD' → day number. */
export function dayOf(iso: IsoDate): number {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) throw new RangeError(`Not a date: ${iso}`);
  return Math.round(t / msPerDay);
}

/** Day number → 'YYYY-MM-DD'. */
export function isoOf(day: number): IsoDate {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

export function dayFromParts(year: number, month: number, date: number): number {
  return Math.round(Date.UTC(year, month - 1, date) / msPerDay);
}

export function partsOf(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * msPerDay);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday (ISO order). */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (ISO weekday index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export const isWeekend = (day: number) => weekdayOf(day) >= 5;

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return isoOf(dayOf(iso) + days);
}

/** The same day of month `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  const { year, month, date } = partsOf(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayFromParts(y, m, Math.min(date, daysInMonth(y, m)));
}

export function addYears(day: number, years: number): number {
  return addMonths(day, years * 12);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Complete years from `from` to `on` (birthday-style: 29 Feb anniversaries fall on 28 Feb). */
export function completeYears(from: number, on: number): number {
  const a = partsOf(from);
  const b = partsOf(on);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.date < Math.min(a.date, daysInMonth(b.year, b.month)))) years--;
  return Math.max(0, years);
}

/** Today in UTC as a day number. */
export function todayDay(now: Date = new Date()): number {
  return Math.floor(now.getTime() / msPerDay);
}

/** Inclusive overlap length of [a1, a2] and [b1, b2] in days (0 when disjoint). */
export function overlapDays(a1: number, a2: number, b1: number, b2: number): number {
  return Math.max(0, Math.min(a2, b2) - Math.max(a1, b1) + 1);
}
