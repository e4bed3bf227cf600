// Starters, leavers and turnover, NHS method: leavers in the 12 months to a month's end ÷ the average of
// the headcount on the first day of those 12 months and on the last, × 100, as a rolling monthly series.
//
// People, not assignments: a person's employment in the organisation runs from their first assignment's
// start to their last assignment's end (open while any assignment is open), so moving between posts is
// neither a leaver nor a starter. A leaver's reason is the one recorded on the assignment that ended last.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { addMonths, dayOf, isoOf } from '../calendars/dates.ts';
import { leavingReasonKeys, leavingReasons } from './categories.ts';
import { protectRow } from './disclosure.ts';
import type { AnalyticsScope } from './scope.ts';
import { analyticsRows, scopedAssignments } from './scope.ts';
import { monthsEnding, round2 } from './series.ts';
import type { TimeSeries } from './series.ts';

export interface Turnover {
  months: string[];
  series: TimeSeries[];
  /** Leavers in the 12 months to the last month, by reason; counts below the threshold withheld (null). */
  leavingReasons: { period: { from: string; to: string }; total: number | null; reasons: Array<{ key: string; label: string; leavers: number | null }>; suppressed: number };
}

export async function turnover(db: Db, scope: AnalyticsScope, last: string, count: number): Promise<Turnover> {
  const months = monthsEnding(last, count);
  // Monthly counts from 11 months before the first point, so every point has its 12-month window.
  const first = isoOf(addMonths(dayOf(`${months[0]}-01`), -11));
  const end = isoOf(addMonths(dayOf(`${last}-01`), 1) - 1);
  // People's spans of employment, clipped to the range (an earlier start counts as the day before it; a
  // later or no end as open) and counted by distinct (start, end, reason): a few thousand rows for a
  // national-size trust, which the months are then laid over here.
  const rows = await analyticsRows<{ s: string; e: string | null; reason: string | null; n: string | number }>(db, sql`
      WITH RECURSIVE ${scopedAssignments(scope)},
      people AS (
        SELECT min(start_date) AS first_start, CASE WHEN bool_or(end_date IS NULL) THEN NULL ELSE max(end_date) END AS last_end,
               (array_agg(leaving_reason ORDER BY end_date DESC NULLS FIRST))[1] AS reason
          FROM scoped GROUP BY employee_id
      )
      SELECT greatest(first_start, ${first}::date - 1)::text AS s, CASE WHEN last_end <= ${end}::date THEN last_end::text END AS e,
             CASE WHEN last_end <= ${end}::date THEN coalesce(reason, 'not_recorded') END AS reason, count(*) AS n
        FROM people
       WHERE first_start <= ${end}::date AND (last_end IS NULL OR last_end >= ${first}::date)
       GROUP BY 1, 2, 3`);
  const spans = rows.map((r) => ({ s: r.s, e: r.e, reason: r.reason, n: Number(r.n) }));
  const inPost = (day: string) => spans.reduce((sum, p) => sum + (p.s <= day && (p.e === null || p.e >= day) ? p.n : 0), 0);
  const between = (key: 's' | 'e', from: string, to: string) => spans.reduce((sum, p) => sum + (p[key] !== null && p[key]! >= from && p[key]! <= to ? p.n : 0), 0);
  const byMonth = new Map(monthsEnding(last, count + 11).map((m) => {
    const mStart = `${m}-01`;
    const mEnd = isoOf(addMonths(dayOf(mStart), 1) - 1);
    return [m, { hcStart: inPost(mStart), hcEnd: inPost(mEnd), starters: between('s', mStart, mEnd), leavers: between('e', mStart, mEnd) }];
  }));
  const all = monthsEnding(last, count + 11);
  const at = (m: string) => byMonth.get(m) ?? { hcStart: 0, hcEnd: 0, starters: 0, leavers: 0 };
  const rate: TimeSeries = { key: 'turnover_rate', label: 'Turnover, rolling 12 months', unit: 'percent', points: [] };
  const leavers12: TimeSeries = { key: 'leavers_12_months', label: 'Leavers, rolling 12 months', unit: 'count', points: [] };
  const starters: TimeSeries = { key: 'starters', label: 'Starters in the month', unit: 'count', points: [] };
  const leavers: TimeSeries = { key: 'leavers', label: 'Leavers in the month', unit: 'count', points: [] };
  const headcount: TimeSeries = { key: 'headcount', label: 'Headcount at month end', unit: 'count', points: [] };
  months.forEach((month, i) => {
    const window = all.slice(i, i + 12);
    const left = window.reduce((s, m) => s + at(m).leavers, 0);
    const average = (at(window[0]!).hcStart + at(month).hcEnd) / 2;
    rate.points.push({ month, value: average > 0 ? round2((100 * left) / average) : null, numerator: left, denominator: average });
    leavers12.points.push({ month, value: left });
    starters.points.push({ month, value: at(month).starters });
    leavers.points.push({ month, value: at(month).leavers });
    headcount.points.push({ month, value: at(month).hcEnd });
  });
  return { months, series: [rate, leavers12, starters, leavers, headcount], leavingReasons: reasons(spans, isoOf(addMonths(dayOf(`${last}-01`), -11)), end) };
}

function reasons(spans: Array<{ e: string | null; reason: string | null; n: number }>, from: string, to: string): Turnover['leavingReasons'] {
  const counts = new Map<string, number>();
  for (const p of spans) {
    if (p.e === null || p.e < from || p.e > to) continue;
    const key = p.reason && leavingReasonKeys.has(p.reason) ? p.reason : 'not_recorded';
    counts.set(key, (counts.get(key) ?? 0) + p.n);
  }
  // The number of leavers is public (the turnover series): only the split by reason is protected.
  const protectedRow = protectRow(leavingReasons.map((r) => counts.get(r.key) ?? 0), { publicTotal: true });
  return {
    period: { from, to },
    total: protectedRow.total,
    reasons: leavingReasons.map((r, i) => ({ key: r.key, label: r.label, leavers: protectedRow.cells[i]! })),
    suppressed: protectedRow.suppressed,
  };
}
