// UK bank holidays by nation, computed from the statutory rules and royal proclamations (Banking and
// Financial Dealings Act 1971, St Andrew's Day Bank Holiday (Scotland) Act 2007), with the one-off
// changes gov.uk published for 2020, 2022 and 2023. Tested against gov.uk/bank-holidays for 2025–2027.
//
// Substitute days: a fixed-date holiday that falls on a weekend (or on a day another holiday already
// takes) moves to the next weekday that is free. Holidays that fall on weekdays keep their day, so
// when Christmas is a Sunday, Boxing Day stays Monday 26th and Christmas moves to Tuesday 27th — as
// gov.uk lists them.
import { ApiProblem } from '../../http/problem.ts';
import { dayFromParts, isWeekend, isoOf, partsOf, weekdayOf } from './dates.ts';
import type { IsoDate } from './dates.ts';

/** gov.uk's divisions. Wales shares England's list. */
export type BankHolidayDivision = 'england-and-wales' | 'scotland' | 'northern-ireland';
/** Organisations record their nation; `divisionOf` maps it to the list that applies. */
export type Nation = 'england' | 'wales' | 'scotland' | 'northern-ireland';

export interface BankHoliday {
  date: IsoDate;
  name: string;
  /** True when this is a substitute day for a holiday that fell on a weekend. */
  substitute: boolean;
}

export const divisions: readonly BankHolidayDivision[] = ['england-and-wales', 'scotland', 'northern-ireland'];

export function divisionOf(nation: Nation | string): BankHolidayDivision {
  if (nation === 'scotland') return 'scotland';
  if (nation === 'northern-ireland') return 'northern-ireland';
  return 'england-and-wales';
}

/** Easter Sunday (Gregorian; anonymous algorithm, Meeus/Jones/Butcher) as a day number. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromParts(year, month, date);
}

/** The nth Monday of a month (n = -1: the last). */
function monday(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = dayFromParts(year, month, 1);
    return first + ((7 - weekdayOf(first)) % 7) + (n - 1) * 7;
  }
  const last = dayFromParts(year, month + 1, 0);
  return last - weekdayOf(last);
}

interface Rule { name: string; day: number; fixed: boolean }

/** Royal proclamations that moved or added holidays (gov.uk, all three divisions unless listed). */
const oneOffs: Record<number, { move?: Array<{ name: string; to: IsoDate }>; add?: Array<{ name: string; date: IsoDate }> }> = {
  2020: { move: [{ name: 'Early May bank holiday (VE day)', to: '2020-05-08' }] },
  2022: {
    move: [{ name: 'Spring bank holiday', to: '2022-06-02' }],
    add: [{ name: 'Platinum Jubilee bank holiday', date: '2022-06-03' }, { name: 'Bank Holiday for the State Funeral of Queen Elizabeth II', date: '2022-09-19' }],
  },
  2023: { add: [{ name: 'Bank holiday for the coronation of King Charles III', date: '2023-05-08' }] },
};

function rulesFor(year: number, division: BankHolidayDivision): Rule[] {
  const easter = easterSunday(year);
  const fixed = (name: string, month: number, date: number): Rule => ({ name, day: dayFromParts(year, month, date), fixed: true });
  const moving = (name: string, day: number): Rule => ({ name, day, fixed: false });
  const rules: Rule[] = [fixed('New Year’s Day', 1, 1)];
  if (division === 'scotland') rules.push(fixed('2nd January', 1, 2));
  if (division === 'northern-ireland') rules.push(fixed('St Patrick’s Day', 3, 17));
  rules.push(moving('Good Friday', easter - 2));
  if (division !== 'scotland') rules.push(moving('Easter Monday', easter + 1));
  rules.push(moving('Early May bank holiday', monday(year, 5, 1)));
  rules.push(moving('Spring bank holiday', monday(year, 5, -1)));
  if (division === 'northern-ireland') rules.push(fixed('Battle of the Boyne (Orangemen’s Day)', 7, 12));
  rules.push(moving('Summer bank holiday', division === 'scotland' ? monday(year, 8, 1) : monday(year, 8, -1)));
  if (division === 'scotland') rules.push(fixed('St Andrew’s Day', 11, 30));
  rules.push(fixed('Christmas Day', 12, 25), fixed('Boxing Day', 12, 26));
  const changes = oneOffs[year];
  for (const move of changes?.move ?? []) {
    const rule = rules.find((r) => move.name.startsWith(r.name));
    if (rule) {
      rule.name = move.name;
      rule.day = dayFromParts(...(move.to.split('-').map(Number) as [number, number, number]));
    }
  }
  for (const add of changes?.add ?? []) rules.push(moving(add.name, dayFromParts(...(add.date.split('-').map(Number) as [number, number, number]))));
  return rules;
}

const cache = new Map<string, BankHoliday[]>();

/** The bank holidays of one calendar year in one division, in date order. */
export function bankHolidays(year: number, division: BankHolidayDivision): BankHoliday[] {
  // A date a caller asked about can land here (a leave year, a calendar range): a 422, never a 500.
  if (!Number.isInteger(year) || year < 1980 || year > 2200) {
    throw new ApiProblem(422, 'outside_calendar', 'Outside the supported calendar', `Bank holidays are computed for 1980–2200, not ${year}: ask about dates in that range.`);
  }
  const key = `${division}:${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rules = rulesFor(year, division);
  const taken = new Set<number>();
  const out: Array<{ day: number; name: string; substitute: boolean }> = [];
  // Holidays on weekdays keep their day first; weekend fixed-date ones then take the next free weekday.
  for (const rule of rules) {
    if (!isWeekend(rule.day) || !rule.fixed) {
      taken.add(rule.day);
      out.push({ day: rule.day, name: rule.name, substitute: false });
    }
  }
  for (const rule of rules) {
    if (isWeekend(rule.day) && rule.fixed) {
      let day = rule.day;
      while (isWeekend(day) || taken.has(day)) day++;
      taken.add(day);
      out.push({ day, name: `${rule.name} (substitute day)`, substitute: true });
    }
  }
  const list = out.sort((a, b) => a.day - b.day).map((h) => ({ date: isoOf(h.day), name: h.name, substitute: h.substitute }));
  cache.set(key, list);
  return list;
}

/** Bank holidays between two dates (inclusive day numbers), as a map day → holiday. */
export function bankHolidaysBetween(from: number, to: number, division: BankHolidayDivision): Map<number, BankHoliday> {
  const map = new Map<number, BankHoliday>();
  if (to < from) return map;
  for (let year = partsOf(from).year; year <= partsOf(to).year; year++) {
    for (const h of bankHolidays(year, division)) {
      const day = Math.round(Date.parse(`${h.date}T00:00:00Z`) / 86_400_000);
      if (day >= from && day <= to) map.set(day, h);
    }
  }
  return map;
}
