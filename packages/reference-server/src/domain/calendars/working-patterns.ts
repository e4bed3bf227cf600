// Working patterns: minutes worked on each day of a repeating cycle of whole weeks, per assignment.
// A standard week is a 1-week cycle (Mon–Sun); a shift rota is a cycle of 2–8 weeks anchored on a Monday.
import { dayOf, weekdayOf } from './dates.ts';
import type { IsoDate } from './dates.ts';

export interface WorkingPattern {
  /** First day the pattern applies. */
  effectiveFrom: IsoDate;
  /** A Monday: day 0 of the cycle. */
  cycleStart: IsoDate;
  /** Minutes per day, Monday first, 7 × weeks entries. */
  minutesByDay: number[];
}

export const maxCycleWeeks = 8;
/** More than a day has minutes is impossible; a 13-hour shift is the longest we accept. */
export const maxMinutesPerDay = 13 * 60;

/** Problems with a pattern as field messages (empty when valid). */
export function patternProblems(p: { cycleStart: IsoDate; minutesByDay: number[] }, contractedMinutesPerWeek?: number): Array<{ path: string; message: string; code: string }> {
  const problems: Array<{ path: string; message: string; code: string }> = [];
  const n = p.minutesByDay.length;
  if (n === 0 || n % 7 !== 0 || n / 7 > maxCycleWeeks) problems.push({ path: 'minutesByDay', message: `Give 7 × weeks entries (1–${maxCycleWeeks} weeks), Monday first`, code: 'invalid_cycle' });
  p.minutesByDay.forEach((m, i) => {
    if (!Number.isInteger(m) || m < 0 || m > maxMinutesPerDay) problems.push({ path: `minutesByDay.${i}`, message: `Minutes must be a whole number from 0 to ${maxMinutesPerDay}`, code: 'invalid_minutes' });
  });
  if (weekdayOf(dayOf(p.cycleStart)) !== 0) problems.push({ path: 'cycleStart', message: 'The cycle must start on a Monday', code: 'not_a_monday' });
  if (problems.length === 0 && contractedMinutesPerWeek !== undefined) {
    const weekly = p.minutesByDay.reduce((s, m) => s + m, 0) / (n / 7);
    if (weekly !== contractedMinutesPerWeek) {
      problems.push({ path: 'minutesByDay', message: `The pattern averages ${weekly} minutes a week; the contract is ${contractedMinutesPerWeek}`, code: 'hours_mismatch' });
    }
  }
  return problems;
}

/** Monday to Friday, the contracted minutes spread evenly (remainder minutes on the first days). */
export function standardPattern(contractedMinutesPerWeek: number, effectiveFrom: IsoDate = '1970-01-05'): WorkingPattern {
  const base = Math.floor(contractedMinutesPerWeek / 5);
  const rest = contractedMinutesPerWeek - base * 5;
  return { effectiveFrom, cycleStart: '1970-01-05', minutesByDay: [0, 1, 2, 3, 4].map((i) => base + (i < rest ? 1 : 0)).concat([0, 0]) };
}

/**
 * Minutes scheduled on a day under a set of patterns (the latest `effectiveFrom` on or before the
 * day applies). Patterns must be sorted by effectiveFrom ascending; days before the first use it too.
 */
export class Schedule {
  readonly #patterns: Array<{ from: number; anchor: number; minutes: number[] }>;
  constructor(patterns: WorkingPattern[]) {
    if (patterns.length === 0) throw new Error('Schedule needs at least one pattern');
    this.#patterns = [...patterns]
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
      .map((p) => ({ from: dayOf(p.effectiveFrom), anchor: dayOf(p.cycleStart), minutes: p.minutesByDay }));
  }
  minutesOn(day: number): number {
    let p = this.#patterns[0]!;
    for (const q of this.#patterns) if (q.from <= day) p = q;
    const n = p.minutes.length;
    return p.minutes[(((day - p.anchor) % n) + n) % n]!;
  }
}
