// Occupational sick pay (AfC 14.2), Bradford factor and the absence seed's shape — pure functions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allocateSickPay, sickPayForPeriod, sickPayPosition, sickPayScale } from '../src/domain/absence/sick-pay.ts';
import { bradfordFactor } from '../src/domain/absence/bradford.ts';
import { reasonProblems } from '../src/domain/absence/reasons.ts';
import { standardPattern } from '../src/domain/calendars/working-patterns.ts';
import { dayOf } from '../src/domain/calendars/dates.ts';
import { generateEpisodes } from '../src/seed/absence.ts';

describe('occupational sick pay (AfC 14.2)', () => {
  test('scale by service at the start of absence', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 20].map((y) => [sickPayScale(y).fullPayMonths, sickPayScale(y).halfPayMonths]), [[1, 2], [2, 2], [4, 4], [5, 5], [5, 5], [6, 6], [6, 6]]);
    assert.equal(sickPayScale(0).fullPayDays, 30);
    assert.equal(sickPayScale(6).fullPayDays, 183);
  });

  test('full pay, then half pay, then nil in one long absence', () => {
    // Six months' service: 30 days full, 61 days half.
    const a = allocateSickPay('2026-01-01', [{ id: 'a', startDate: '2026-07-01', endDate: null }], '2026-11-25');
    const e = a.episodes[0]!;
    assert.equal(e.fullPayDays, 30);
    assert.equal(e.halfPayDays, 61);
    assert.equal(e.fullPayUntil, '2026-07-30');
    assert.equal(e.halfPayUntil, '2026-09-29');
    assert.equal(e.nilPayDays, 148 - 91);
    assert.deepEqual(sickPayForPeriod(a, '2026-07-01', '2026-07-31'), { fullPayDays: 30, halfPayDays: 1, nilPayDays: 0 });
  });

  test('reduced by sick pay received in the 12 months before the absence; older sickness does not count', () => {
    const episodes = [
      { id: 'old', startDate: '2024-03-01', endDate: '2024-03-20' }, // > 12 months before: ignored
      { id: 'a', startDate: '2025-12-01', endDate: '2025-12-20' }, // 20 days full pay
      { id: 'b', startDate: '2026-06-01', endDate: null },
    ];
    // Two years' service on 2026-06-01 (started 2024-01-15): 4 + 4 months = 122 + 122 days.
    const a = allocateSickPay('2024-01-15', episodes, '2026-11-25');
    const b = a.episodes.find((x) => x.id === 'b')!;
    assert.equal(b.scale.fullPayMonths, 4);
    assert.deepEqual(b.usedBefore, { fullPayDays: 20, halfPayDays: 0 });
    assert.equal(b.fullPayDays, 122 - 20);
    const position = sickPayPosition('2024-01-15', episodes.slice(0, 2), '2026-06-01');
    assert.deepEqual(position.usedInLast12Months, { fullPayDays: 20, halfPayDays: 0 });
    assert.deepEqual(position.remaining, { fullPayDays: 102, halfPayDays: 122 });
  });
});

describe('Bradford factor', () => {
  const ft = [standardPattern(2250)];
  test('spells² × working days over 52 weeks', () => {
    const episodes = [
      { id: '1', startDate: '2026-02-02', endDate: '2026-02-03' }, // Mon–Tue: 2 days
      { id: '2', startDate: '2026-05-08', endDate: '2026-05-11' }, // Fri–Mon: 2 working days
      { id: '3', startDate: '2026-10-05', endDate: '2026-10-05' }, // 1 day
      { id: 'old', startDate: '2025-10-01', endDate: '2025-10-02' }, // outside the 52 weeks
    ];
    assert.deepEqual(bradfordFactor(episodes, ft, '2026-11-25'), { from: '2025-11-27', to: '2026-11-25', spells: 3, days: 5, score: 45 });
    // One 10-day spell scores far lower than ten 1-day spells.
    assert.equal(bradfordFactor([{ id: 'x', startDate: '2026-03-02', endDate: '2026-03-13' }], ft, '2026-11-25').score, 10);
    const ten = Array.from({ length: 10 }, (_, i) => ({ id: String(i), startDate: `2026-0${(i % 9) + 1}-1${i % 2 === 0 ? 5 : 6}`, endDate: `2026-0${(i % 9) + 1}-1${i % 2 === 0 ? 5 : 6}` }));
    assert.ok(bradfordFactor(ten, [{ effectiveFrom: '2020-01-06', cycleStart: '2020-01-06', minutesByDay: [450, 450, 450, 450, 450, 450, 450] }], '2026-11-25').score >= 900);
  });
  test('an open spell runs to the end of the window', () => {
    assert.equal(bradfordFactor([{ id: 'o', startDate: '2026-11-23', endDate: null }], ft, '2026-11-25').days, 3);
  });
});

describe('sickness reasons', () => {
  test('level 1 and level 2 must match', () => {
    assert.deepEqual(reasonProblems('S13', 'S13.03'), []);
    assert.equal(reasonProblems('S01', null)[0]!.code, 'unknown_reason');
    assert.equal(reasonProblems('S10', 'S13.03')[0]!.path, 'json.reasonLevel2');
  });
});

describe('seeded absence', () => {
  test('deterministic, non-overlapping, open only at the end, within employment', () => {
    const window = { from: dayOf('2024-11-26'), to: dayOf('2026-11-25') };
    let people = 0;
    let days = 0;
    for (let i = 0; i < 3000; i++) {
      const id = `asg_${String(i).padStart(8, '0')}`;
      const employment = { start: dayOf(i % 10 === 0 ? '2025-09-01' : '2015-01-01'), end: null };
      const a = generateEpisodes(7, id, employment, window);
      assert.deepEqual(a, generateEpisodes(7, id, employment, window));
      let last = -Infinity;
      a.forEach((e, k) => {
        assert.ok(dayOf(e.startDate) > last, 'no overlap');
        assert.ok(dayOf(e.startDate) >= employment.start);
        if (e.endDate === null) assert.equal(k, a.length - 1, 'only the last may be open');
        last = e.endDate === null ? Infinity : dayOf(e.endDate);
        days += (e.endDate === null ? window.to : dayOf(e.endDate)) - dayOf(e.startDate) + 1;
      });
      if (a.length > 0) people++;
    }
    // Roughly 5% of 2 years' calendar days, and not everyone is ever off.
    const rate = days / (3000 * 730);
    assert.ok(rate > 0.035 && rate < 0.07, `rate ${rate}`);
    assert.ok(people < 3000 * 0.95);
  });
});
