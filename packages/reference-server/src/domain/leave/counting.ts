// How much working time a leave request takes: the scheduled minutes of each day in the range (from the
// assignment's working pattern), bank holidays excluded when they fall on working days (they are granted
// already, see entitlement.ts), half a day's minutes for a half day, the given minutes for hours.
import { bankHolidaysBetween, divisionOf } from '../calendars/bank-holidays.ts';
import { dayOf, isoOf } from '../calendars/dates.ts';
import { Schedule } from '../calendars/working-patterns.ts';
import type { LeaveUnit } from '../../db/schema-leave.ts';
import type { LeaveFacts } from './facts.ts';
import { leaveProblems } from './problems.ts';

export interface LeaveRange {
  startDate: string;
  endDate: string;
  unit: LeaveUnit;
  half?: 'am' | 'pm' | null | undefined;
  /** For unit 'hours'. */
  minutes?: number | null | undefined;
}

export interface CountedDay {
  date: string;
  scheduledMinutes: number;
  minutes: number;
  bankHoliday: string | null;
}

export interface Counted {
  minutes: number;
  /** Days with working time taken. */
  workingDays: number;
  days: CountedDay[];
}

export function countLeave(facts: Pick<LeaveFacts, 'patterns' | 'nation'>, range: LeaveRange): Counted {
  const from = dayOf(range.startDate);
  const to = dayOf(range.endDate);
  const schedule = new Schedule(facts.patterns);
  const holidays = bankHolidaysBetween(from, to, divisionOf(facts.nation));
  const days: CountedDay[] = [];
  for (let d = from; d <= to; d++) {
    const scheduled = schedule.minutesOn(d);
    const holiday = holidays.get(d);
    let minutes = holiday ? 0 : scheduled;
    if (range.unit === 'half_day') minutes = Math.ceil(minutes / 2);
    if (range.unit === 'hours' && minutes > 0) {
      const asked = range.minutes ?? 0;
      if (asked > scheduled) throw leaveProblems.hoursExceedDay(scheduled);
      minutes = asked;
    }
    days.push({ date: isoOf(d), scheduledMinutes: scheduled, minutes, bankHoliday: holiday?.name ?? null });
  }
  const minutes = days.reduce((s, d) => s + d.minutes, 0);
  return { minutes, workingDays: days.filter((d) => d.minutes > 0).length, days };
}
