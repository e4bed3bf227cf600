// AfC annual leave in minutes: full-time, part-time (pro rata, bank holidays on working days granted),
// service milestones reached mid-year, starters and leavers, Easter twice (and not at all) in a leave year,
// leave years that do not start in April, Scotland, and counting a request's working minutes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeEntitlement, leaveYearContaining, afcAnnualLeaveDays, carryOverCap } from '../src/domain/leave/entitlement.ts';
import type { EntitlementInput } from '../src/domain/leave/entitlement.ts';
import { countLeave } from '../src/domain/leave/counting.ts';
import { standardPattern } from '../src/domain/calendars/working-patterns.ts';

const y2026 = leaveYearContaining('2026-11-25'); // 2026-04-01 .. 2027-03-31: Easter 2026 and Easter 2027 both fall in it
const base: EntitlementInput = {
  leaveYear: y2026,
  nation: 'england',
  serviceStart: '2023-01-09',
  employment: { start: '2023-01-09', end: null },
  contractedMinutesPerWeek: 2250,
  patterns: [],
};
const e = (over: Partial<EntitlementInput>) => computeEntitlement({ ...base, ...over });

describe('AfC annual leave entitlement', () => {
  test('leave year defaults to 1 April and is configurable', () => {
    assert.deepEqual(y2026, { start: '2026-04-01', end: '2027-03-31' });
    assert.deepEqual(leaveYearContaining('2026-03-31'), { start: '2025-04-01', end: '2026-03-31' });
    assert.deepEqual(leaveYearContaining('2026-11-25', 1, 1), { start: '2026-01-01', end: '2026-12-31' });
    assert.deepEqual(leaveYearContaining('2026-09-30', 10, 1), { start: '2025-10-01', end: '2026-09-30' });
  });

  test('27 / 29 / 33 days by complete years of service', () => {
    assert.equal(afcAnnualLeaveDays(0), 27);
    assert.equal(afcAnnualLeaveDays(4), 27);
    assert.equal(afcAnnualLeaveDays(5), 29);
    assert.equal(afcAnnualLeaveDays(9), 29);
    assert.equal(afcAnnualLeaveDays(10), 33);
  });

  test('full-time, ordinary year: 27 days + 8 bank holidays, all granted', () => {
    const r = e({ leaveYear: leaveYearContaining('2025-06-01') });
    assert.equal(r.annualLeaveMinutes, 27 * 450);
    assert.equal(r.bankHolidays.length, 8);
    assert.equal(r.publicHolidayMinutes, 8 * 450);
    assert.equal(r.grantedBankHolidayMinutes, 8 * 450);
    assert.equal(r.bookableMinutes, 27 * 450);
  });

  test('Easter twice in the leave year (2026-27): 10 bank holidays on the actual basis, 8 on the fixed basis', () => {
    const actual = e({});
    assert.deepEqual(actual.bankHolidays.map((h) => h.date), ['2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29']);
    assert.equal(actual.publicHolidayMinutes, 10 * 450);
    assert.equal(actual.bookableMinutes, 27 * 450); // every bank holiday is a working day off, granted
    const eight = e({ publicHolidayBasis: 'eight' });
    assert.equal(eight.publicHolidayMinutes, 8 * 450);
    assert.equal(eight.bookableMinutes, 25 * 450); // two bank holidays more than paid for: taken from leave
  });

  test('no Easter in the leave year (2027-28): 6 bank holidays', () => {
    const year = leaveYearContaining('2027-06-01');
    const actual = e({ leaveYear: year, serviceStart: '2024-01-08' });
    assert.equal(actual.bankHolidays.length, 6);
    assert.equal(actual.bookableMinutes, 27 * 450);
    const eight = e({ leaveYear: year, serviceStart: '2024-01-08', publicHolidayBasis: 'eight' });
    assert.equal(eight.bookableMinutes, 29 * 450); // two paid public holidays with no bank holiday: booked as leave
  });

  test('part-time: pro rata to contracted hours; bank holidays granted on working days only', () => {
    const monToWed = e({ contractedMinutesPerWeek: 1350, patterns: [{ effectiveFrom: '2020-01-06', cycleStart: '2020-01-06', minutesByDay: [450, 450, 450, 0, 0, 0, 0] }] });
    assert.equal(monToWed.fte, 0.6);
    assert.equal(monToWed.annualLeaveMinutes, 7290); // 27 × 7.5 h × 0.6 = 121.5 h
    assert.equal(monToWed.publicHolidayMinutes, 2700); // 10 × 7.5 h × 0.6
    assert.equal(monToWed.grantedBankHolidayMinutes, 6 * 450); // six of the ten fall on a Monday
    assert.equal(monToWed.bookableMinutes, 7290);
    const wedToFri = e({ contractedMinutesPerWeek: 1350, patterns: [{ effectiveFrom: '2020-01-06', cycleStart: '2020-01-06', minutesByDay: [0, 0, 450, 450, 450, 0, 0] }] });
    assert.equal(wedToFri.grantedBankHolidayMinutes, 4 * 450); // four Fridays
    assert.equal(wedToFri.bookableMinutes, 7290 + 900); // the two Monday holidays' share is leave to book
    const halfTime = e({ contractedMinutesPerWeek: 1125 });
    assert.equal(halfTime.annualLeaveMinutes, 6090); // 101.25 h rounded up to the half hour
  });

  test('5-year milestone mid-year: 27 days before, 29 after, day-weighted', () => {
    const r = e({ serviceStart: '2021-10-01', employment: { start: '2021-10-01', end: null } });
    assert.deepEqual(r.rates.map((x) => [x.from, x.annualLeaveDays]), [['2026-04-01', 27], ['2026-10-01', 29]]);
    // (183 × 27 + 182 × 29) / 365 days × 450 min = 12,598.8 → 12,600
    assert.equal(r.annualLeaveMinutes, 12600);
  });

  test('10-year milestone mid-year, and previous NHS service counts', () => {
    const r = e({ serviceStart: '2016-10-01', employment: { start: '2025-01-06', end: null } });
    assert.deepEqual(r.rates.map((x) => [x.from, x.annualLeaveDays]), [['2026-04-01', 29], ['2026-10-01', 33]]);
    assert.equal(r.annualLeaveMinutes, 13950); // (183 × 29 + 182 × 33) / 365 × 450 = 13,947.5 → 13,950
    assert.equal(e({ serviceStart: '2010-01-01', employment: { start: '2026-05-01', end: null } }).rates[0]!.annualLeaveDays, 33);
  });

  test('starter mid-year: share of the year, bank holidays from the start date', () => {
    const r = e({ serviceStart: '2026-10-01', employment: { start: '2026-10-01', end: null } });
    assert.equal(r.employedDays, 182);
    assert.equal(r.annualLeaveMinutes, 6060); // 27 × 182/365 × 7.5 h = 100.97 h → 101 h
    assert.deepEqual(r.bankHolidays.map((h) => h.date), ['2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29']);
    assert.equal(r.bookableMinutes, 6060);
  });

  test('leaver mid-year: share of the year up to the last day', () => {
    const r = e({ employment: { start: '2023-01-09', end: '2026-06-30' } });
    assert.equal(r.employedDays, 91);
    assert.equal(r.annualLeaveMinutes, 3030); // 27 × 91/365 × 7.5 h = 50.49 h → 50.5 h
    assert.equal(r.bankHolidays.length, 4);
    const part = e({ employment: { start: '2023-01-09', end: '2026-06-30' }, contractedMinutesPerWeek: 1125, publicHolidayBasis: 'eight' });
    assert.equal(part.publicHolidayMinutes, 450); // 8 × 91/365 × 3.75 h = 7.48 h → 7.5 h
  });

  test('not employed in the year: nothing', () => {
    const r = e({ employment: { start: '2027-06-01', end: null } });
    assert.equal(r.employedDays, 0);
    assert.equal(r.bookableMinutes, 0);
  });

  test('Scotland has its own holidays (2 January, St Andrew’s Day, no Easter Monday)', () => {
    const r = e({ nation: 'scotland' });
    assert.ok(r.bankHolidays.some((h) => h.date === '2026-11-30'));
    assert.ok(!r.bankHolidays.some((h) => h.date === '2026-04-06'));
    assert.equal(r.bookableMinutes, 27 * 450);
  });

  test('carry-over cap is pro rata', () => {
    assert.equal(carryOverCap(2250, 2250), 2250);
    assert.equal(carryOverCap(2250, 1350), 1350);
  });
});

describe('counting a request', () => {
  const ft = { patterns: [standardPattern(2250)], nation: 'england' };
  test('a week over a bank holiday counts four days', () => {
    const r = countLeave(ft, { startDate: '2026-08-31', endDate: '2026-09-06', unit: 'days' });
    assert.equal(r.minutes, 4 * 450);
    assert.equal(r.days[0]!.bankHoliday, 'Summer bank holiday');
  });
  test('half day and hours', () => {
    assert.equal(countLeave(ft, { startDate: '2026-12-02', endDate: '2026-12-02', unit: 'half_day', half: 'am' }).minutes, 225);
    assert.equal(countLeave(ft, { startDate: '2026-12-02', endDate: '2026-12-02', unit: 'hours', minutes: 120 }).minutes, 120);
    assert.throws(() => countLeave(ft, { startDate: '2026-12-02', endDate: '2026-12-02', unit: 'hours', minutes: 600 }), /scheduled/);
  });
  test('a weekend counts nothing; a shift pattern counts its shifts', () => {
    assert.equal(countLeave(ft, { startDate: '2026-12-05', endDate: '2026-12-06', unit: 'days' }).minutes, 0);
    const rota = { nation: 'england', patterns: [{ effectiveFrom: '2026-01-05', cycleStart: '2026-01-05', minutesByDay: [690, 690, 0, 0, 690, 0, 0, 0, 0, 690, 690, 0, 690, 690] }] };
    assert.equal(countLeave(rota, { startDate: '2026-11-30', endDate: '2026-12-13', unit: 'days' }).minutes, 7 * 690);
  });
});
