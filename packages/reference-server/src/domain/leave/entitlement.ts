// Agenda for Change annual leave (NHS Terms and Conditions Handbook, section 13), held in minutes.
//
// - 27 days on appointment, 29 after 5 years' and 33 after 10 years' reckonable NHS service, plus public
//   holidays; a standard day is 7.5 hours (450 minutes).
// - Part-time staff get both pro rata to contracted hours (FTE = contracted minutes ÷ 2,250).
// - Starters and leavers within the leave year get the share of the year they are employed.
// - A service milestone reached during the year raises the rate from that day: the year is split at the
//   milestone and each part is pro rata (so a milestone on 1 October gives about half of the 2 extra days).
// - Public holidays: on the 'actual' basis the person gets the public holidays that fall in the leave
//   year while employed (Easter twice in a year: 10 in England and Wales); on 'eight' always 8 days pro rata.
//   Bank holidays that fall on the person's working days are granted automatically (taken off the balance
//   up front, not booked); the rest of the public-holiday hours are theirs to book. So a full-timer on
//   Monday–Friday books 27 days whatever the calendar does, and a shift worker who works bank holidays
//   books them later as leave.
// Every part is rounded up to the next half hour (in the person's favour).
import { bankHolidaysBetween, divisionOf } from '../calendars/bank-holidays.ts';
import type { BankHoliday, Nation } from '../calendars/bank-holidays.ts';
import { addYears, completeYears, dayFromParts, dayOf, isoOf, partsOf } from '../calendars/dates.ts';
import type { IsoDate } from '../calendars/dates.ts';
import { Schedule, standardPattern } from '../calendars/working-patterns.ts';
import type { WorkingPattern } from '../calendars/working-patterns.ts';

export const standardDayMinutes = 450;
export const fullTimeWeekMinutes = 2250;
export const afcPublicHolidays = 8;

/** Annual leave days (excluding public holidays) by complete years of reckonable service. */
export function afcAnnualLeaveDays(serviceYears: number): 27 | 29 | 33 {
  return serviceYears >= 10 ? 33 : serviceYears >= 5 ? 29 : 27;
}

export interface LeaveYear {
  start: IsoDate;
  end: IsoDate;
}

/** The leave year containing `on`, for a year starting on month/day. */
export function leaveYearContaining(on: IsoDate, startMonth = 4, startDay = 1): LeaveYear {
  const d = dayOf(on);
  const { year } = partsOf(d);
  let start = dayFromParts(year, startMonth, startDay);
  if (start > d) start = dayFromParts(year - 1, startMonth, startDay);
  return { start: isoOf(start), end: isoOf(addYears(start, 1) - 1) };
}

export interface EntitlementInput {
  leaveYear: LeaveYear;
  nation: Nation | string;
  /** Reckonable NHS service start date. */
  serviceStart: IsoDate;
  /** The assignment's dates (end null: no end). */
  employment: { start: IsoDate; end: IsoDate | null };
  contractedMinutesPerWeek: number;
  /** Working patterns of the assignment; empty: Monday–Friday, evenly. */
  patterns: WorkingPattern[];
  publicHolidayBasis?: 'actual' | 'eight';
}

export interface Entitlement {
  leaveYear: LeaveYear;
  fte: number;
  /** Employed days within the leave year / days in the leave year. */
  employedDays: number;
  daysInYear: number;
  /** Rates in force during the year: { from, days } (a milestone mid-year gives two). */
  rates: Array<{ from: IsoDate; annualLeaveDays: number; serviceYears: number }>;
  annualLeaveMinutes: number;
  publicHolidayMinutes: number;
  /** Bank holidays in the leave year while employed (for the 'actual' basis, the count that is paid). */
  bankHolidays: Array<BankHoliday & { workingMinutes: number }>;
  /** Minutes of bank holidays that fall on working days: granted, so not bookable. */
  grantedBankHolidayMinutes: number;
  /** What the person books from: annual + public holidays − granted bank holidays. */
  bookableMinutes: number;
}

const roundUpToHalfHour = (minutes: number) => Math.ceil(minutes / 30 - 1e-9) * 30 + 0; // + 0: no -0

export function computeEntitlement(input: EntitlementInput): Entitlement {
  const yearStart = dayOf(input.leaveYear.start);
  const yearEnd = dayOf(input.leaveYear.end);
  const daysInYear = yearEnd - yearStart + 1;
  const from = Math.max(yearStart, dayOf(input.employment.start));
  const to = Math.min(yearEnd, input.employment.end ? dayOf(input.employment.end) : yearEnd);
  const fte = input.contractedMinutesPerWeek / fullTimeWeekMinutes;
  const serviceStart = dayOf(input.serviceStart);
  const employedDays = Math.max(0, to - from + 1);

  // Annual leave: day-weighted over the employed part of the year, at the rate in force each day.
  const rates: Entitlement['rates'] = [];
  let dayWeighted = 0;
  for (let d = from; d <= to; ) {
    const years = completeYears(serviceStart, d);
    const days = afcAnnualLeaveDays(d < serviceStart ? 0 : years);
    // The rate holds until the next 5- or 10-year milestone.
    const nextMilestone = years < 5 ? addYears(serviceStart, 5) : years < 10 ? addYears(serviceStart, 10) : Infinity;
    const segmentEnd = Math.min(to, nextMilestone - 1);
    rates.push({ from: isoOf(d), annualLeaveDays: days, serviceYears: years });
    dayWeighted += days * (segmentEnd - d + 1);
    d = segmentEnd + 1;
  }
  const annualLeaveMinutes = roundUpToHalfHour((dayWeighted / daysInYear) * standardDayMinutes * fte);

  const schedule = new Schedule(input.patterns.length > 0 ? input.patterns : [standardPattern(input.contractedMinutesPerWeek)]);
  const holidays = employedDays > 0 ? [...bankHolidaysBetween(from, to, divisionOf(input.nation))] : [];
  const bankHolidays = holidays.map(([day, h]) => ({ ...h, workingMinutes: schedule.minutesOn(day) }));
  const publicHolidayDays = (input.publicHolidayBasis ?? 'actual') === 'actual'
    ? bankHolidays.length
    : (afcPublicHolidays * employedDays) / daysInYear;
  const publicHolidayMinutes = roundUpToHalfHour(publicHolidayDays * standardDayMinutes * fte);
  const grantedBankHolidayMinutes = bankHolidays.reduce((s, h) => s + h.workingMinutes, 0);
  return {
    leaveYear: input.leaveYear,
    fte: Math.round(fte * 10_000) / 10_000,
    employedDays,
    daysInYear,
    rates,
    annualLeaveMinutes,
    publicHolidayMinutes,
    bankHolidays,
    grantedBankHolidayMinutes,
    bookableMinutes: annualLeaveMinutes + publicHolidayMinutes - grantedBankHolidayMinutes,
  };
}

/** Carry-over cap for a person: the organisation's full-time cap, pro rata. */
export function carryOverCap(fullTimeCapMinutes: number, contractedMinutesPerWeek: number): number {
  return Math.round((fullTimeCapMinutes * contractedMinutesPerWeek) / fullTimeWeekMinutes);
}
