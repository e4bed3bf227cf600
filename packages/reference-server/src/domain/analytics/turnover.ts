// Starters, leavers and turnover, NHS method: leavers in the 12 months to a month's end ÷ the average of
// the headcount on the first day of those 12 months and on the last, × 100, as a rolling monthly series.
//
// People, not assignments: a person's employment in the organisation runs from their first assignment's
// start to their last assignment's end (open while any assignment is open), so moving between posts is
// neither a leaver nor a starter. A leaver's reason is the one recorded on the assignment that ended last.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/migrate.ts';
import { addMonths, dayOf, isoOf } from '../calendars/dates.ts';
import { leavingReasonKeys, leavingReasons } from './categories.ts';
import { protectRow } from './disclosure.ts';
import type { AnalyticsScope } from './scope.ts';
import { scopedAssignments } from './scope.ts';
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
  const rows = rowsOf<{ month: string; hc_start: string | number; hc_end: string | number; starters: string | number; leavers: string | number }>(
    await db.execute(sql`
      WITH RECURSIVE ${scopedAssignments(scope)},
      people AS (
        SELECT employee_id, min(start_date) AS first_start, CASE WHEN bool_or(end_date IS NULL) THEN NULL ELSE max(end_date) END AS last_end
          FROM scoped GROUP BY employee_id
      ),
      spans AS (SELECT first_start, last_end, count(*) AS n FROM people GROUP BY 1, 2),
      months AS (
        SELECT m::date AS m_start, (m + interval '1 month')::date - 1 AS m_end
          FROM generate_series(${first}::timestamp, ${end}::timestamp, interval '1 month') AS m
      )
      SELECT to_char(mo.m_start, 'YYYY-MM') AS month,
             coalesce(sum(sp.n) FILTER (WHERE sp.first_start <= mo.m_start AND (sp.last_end IS NULL OR sp.last_end >= mo.m_start)), 0) AS hc_start,
             coalesce(sum(sp.n) FILTER (WHERE sp.first_start <= mo.m_end AND (sp.last_end IS NULL OR sp.last_end >= mo.m_end)), 0) AS hc_end,
             coalesce(sum(sp.n) FILTER (WHERE sp.first_start BETWEEN mo.m_start AND mo.m_end), 0) AS starters,
             coalesce(sum(sp.n) FILTER (WHERE sp.last_end BETWEEN mo.m_start AND mo.m_end), 0) AS leavers
        FROM months mo CROSS JOIN spans sp
       GROUP BY mo.m_start ORDER BY mo.m_start`),
  );
  const byMonth = new Map(rows.map((r) => [r.month, { hcStart: Number(r.hc_start), hcEnd: Number(r.hc_end), starters: Number(r.starters), leavers: Number(r.leavers) }]));
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
  return { months, series: [rate, leavers12, starters, leavers, headcount], leavingReasons: await reasons(db, scope, isoOf(addMonths(dayOf(`${last}-01`), -11)), end) };
}

async function reasons(db: Db, scope: AnalyticsScope, from: string, to: string): Promise<Turnover['leavingReasons']> {
  const rows = rowsOf<{ reason: string | null; n: string | number }>(await db.execute(sql`
    WITH RECURSIVE ${scopedAssignments(scope)},
    people AS (
      SELECT employee_id, bool_or(end_date IS NULL) AS open, max(end_date) AS last_end,
             (array_agg(leaving_reason ORDER BY end_date DESC NULLS FIRST))[1] AS reason
        FROM scoped GROUP BY employee_id
    )
    SELECT coalesce(reason, 'not_recorded') AS reason, count(*) AS n FROM people
     WHERE NOT open AND last_end BETWEEN ${from}::date AND ${to}::date GROUP BY 1`));
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = r.reason && leavingReasonKeys.has(r.reason) ? r.reason : 'not_recorded';
    counts.set(key, (counts.get(key) ?? 0) + Number(r.n));
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
