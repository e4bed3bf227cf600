// Bank holidays computed from the rules, checked against the lists gov.uk publishes
// (https://www.gov.uk/bank-holidays, bank-holidays.json) for 2025–2027, plus the one-offs of 2020–2023,
// Easter dates, working patterns and shift rotas.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bankHolidays, divisionOf, easterSunday } from '../src/domain/calendars/bank-holidays.ts';
import { addMonths, completeYears, dayOf, isoOf, weekdayOf } from '../src/domain/calendars/dates.ts';
import { Schedule, patternProblems, standardPattern } from '../src/domain/calendars/working-patterns.ts';

const published: Record<string, Record<number, string[]>> = {
  'england-and-wales': {
    2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
    2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  },
  scotland: {
    2025: ['2025-01-01', '2025-01-02', '2025-04-18', '2025-05-05', '2025-05-26', '2025-08-04', '2025-12-01', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28'],
    2027: ['2027-01-01', '2027-01-04', '2027-03-26', '2027-05-03', '2027-05-31', '2027-08-02', '2027-11-30', '2027-12-27', '2027-12-28'],
  },
  'northern-ireland': {
    2025: ['2025-01-01', '2025-03-17', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-07-14', '2025-08-25', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-03-17', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-07-13', '2026-08-31', '2026-12-25', '2026-12-28'],
    2027: ['2027-01-01', '2027-03-17', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-07-12', '2027-08-30', '2027-12-27', '2027-12-28'],
  },
};

describe('bank holidays', () => {
  for (const [division, years] of Object.entries(published)) {
    for (const [year, dates] of Object.entries(years)) {
      test(`${division} ${year} matches gov.uk`, () => {
        assert.deepEqual(bankHolidays(Number(year), division as 'scotland').map((h) => h.date), dates);
      });
    }
  }

  test('substitute days are named and fall on weekdays', () => {
    const ew2026 = bankHolidays(2026, 'england-and-wales');
    assert.deepEqual(ew2026.at(-1), { date: '2026-12-28', name: 'Boxing Day (substitute day)', substitute: true });
    // Christmas on a Sunday (2022): Boxing Day keeps Monday 26th, Christmas moves to Tuesday 27th.
    const ew2022 = bankHolidays(2022, 'england-and-wales').filter((h) => h.date >= '2022-12-01');
    assert.deepEqual(ew2022, [
      { date: '2022-12-26', name: 'Boxing Day', substitute: false },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)', substitute: true },
    ]);
    // Scotland 2022: 1 and 2 January on a weekend → Monday 3rd and Tuesday 4th.
    assert.deepEqual(bankHolidays(2022, 'scotland').slice(0, 2).map((h) => h.date), ['2022-01-03', '2022-01-04']);
    for (const d of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
      for (let y = 2018; y <= 2035; y++) for (const h of bankHolidays(y, d)) assert.ok(weekdayOf(dayOf(h.date)) < 5, `${d} ${h.date}`);
    }
  });

  test('one-off proclamations of 2020, 2022 and 2023', () => {
    assert.ok(bankHolidays(2020, 'england-and-wales').some((h) => h.date === '2020-05-08'));
    assert.ok(!bankHolidays(2020, 'england-and-wales').some((h) => h.date === '2020-05-04'));
    const ew2022 = bankHolidays(2022, 'england-and-wales').map((h) => h.date);
    for (const d of ['2022-06-02', '2022-06-03', '2022-09-19']) assert.ok(ew2022.includes(d), d);
    assert.ok(!ew2022.includes('2022-05-30'));
    assert.equal(ew2022.length, 10);
    assert.ok(bankHolidays(2023, 'scotland').some((h) => h.date === '2023-05-08'));
  });

  test('Easter Sunday', () => {
    const known: Record<number, string> = { 2019: '2019-04-21', 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2028: '2028-04-16', 2038: '2038-04-25', 2285: '2285-03-22' };
    for (const [y, d] of Object.entries(known)) assert.equal(isoOf(easterSunday(Number(y))), d);
  });

  test('nations map to gov.uk divisions (Wales shares England’s list)', () => {
    assert.equal(divisionOf('wales'), 'england-and-wales');
    assert.equal(divisionOf('england'), 'england-and-wales');
    assert.equal(divisionOf('scotland'), 'scotland');
    assert.equal(divisionOf('northern-ireland'), 'northern-ireland');
  });
});

describe('dates', () => {
  test('weekday, months and service years', () => {
    assert.equal(weekdayOf(dayOf('2026-11-30')), 0);
    assert.equal(isoOf(addMonths(dayOf('2026-01-31'), 1)), '2026-02-28');
    assert.equal(completeYears(dayOf('2021-06-15'), dayOf('2026-06-14')), 4);
    assert.equal(completeYears(dayOf('2021-06-15'), dayOf('2026-06-15')), 5);
    assert.equal(completeYears(dayOf('2020-02-29'), dayOf('2025-02-28')), 5);
  });
});

describe('working patterns', () => {
  test('standard week spreads the contract over Monday–Friday', () => {
    assert.deepEqual(standardPattern(2250).minutesByDay, [450, 450, 450, 450, 450, 0, 0]);
    assert.deepEqual(standardPattern(1352).minutesByDay, [271, 271, 270, 270, 270, 0, 0]);
  });
  test('a two-week rota repeats from its Monday anchor', () => {
    const rota = new Schedule([{ effectiveFrom: '2026-01-05', cycleStart: '2026-01-05', minutesByDay: [690, 690, 0, 0, 690, 0, 0, 0, 0, 690, 690, 0, 690, 690] }]);
    assert.equal(rota.minutesOn(dayOf('2026-01-05')), 690); // week 1 Monday
    assert.equal(rota.minutesOn(dayOf('2026-01-12')), 0); // week 2 Monday
    assert.equal(rota.minutesOn(dayOf('2026-01-17')), 690); // week 2 Saturday
    assert.equal(rota.minutesOn(dayOf('2026-01-19')), 690); // week 1 again
    assert.equal(rota.minutesOn(dayOf('2025-12-29')), 0); // the week before the anchor is week 2
  });
  test('a later pattern replaces the earlier from its effective date', () => {
    const s = new Schedule([standardPattern(2250, '2026-01-01'), { effectiveFrom: '2026-06-01', cycleStart: '2026-06-01', minutesByDay: [450, 450, 450, 0, 0, 0, 0] }]);
    assert.equal(s.minutesOn(dayOf('2026-05-29')), 450);
    assert.equal(s.minutesOn(dayOf('2026-06-04')), 0);
  });
  test('validation: cycle length, Monday anchor, contracted hours', () => {
    assert.deepEqual(patternProblems({ cycleStart: '2026-01-05', minutesByDay: [450, 450, 450, 450, 450, 0, 0] }, 2250), []);
    assert.equal(patternProblems({ cycleStart: '2026-01-06', minutesByDay: [450, 450, 450, 450, 450, 0, 0] })[0]!.code, 'not_a_monday');
    assert.equal(patternProblems({ cycleStart: '2026-01-05', minutesByDay: [450, 450] })[0]!.code, 'invalid_cycle');
    assert.equal(patternProblems({ cycleStart: '2026-01-05', minutesByDay: [450, 450, 450, 450, 0, 0, 0] }, 2250)[0]!.code, 'hours_mismatch');
  });
});
