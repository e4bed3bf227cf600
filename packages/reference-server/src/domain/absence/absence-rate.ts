// Sickness absence rate, NHS Digital method: FTE days lost to sickness ÷ FTE days available, where both
// count calendar days (an FTE of 0.6 absent for 10 calendar days loses 6 FTE days; employed for a 30-day
// month, 18 FTE days are available). FTE is contracted minutes ÷ 2,250; sickness uses the FTE and org
// unit recorded on the episode (the assignment's at its start).
//
// One query per call, by org unit (the children of a root unit, each rolled up with everything below it)
// and month, optionally by reason. The figures come from the monthly summary (migration 0008: minute-days
// by org unit, month and reason, kept in step by triggers in the same transaction as every assignment and
// sickness write), so the work grows with units × months, not with staff. `source: 'scratch'` computes
// the same figures from every assignment and episode: the reference the summary is tested against, and
// the way to scope by reporting line (a set of people rather than of units).
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { rowsOf } from '../../db/migrate.ts';
import { addMonths, dayOf, isoOf } from '../calendars/dates.ts';
import type { Queryable } from '../leave/facts.ts';
import { fullTimeMinutesPerWeek } from '../pay-scales/agenda-for-change.ts';
import { reasonName } from './reasons.ts';

export interface AbsenceRateQuery {
  /** The organisation; null = every organisation, one group each (national analytics, not exposed over HTTP). */
  organisationId: string | null;
  /** Groups are this unit itself (its direct staff) and each of its children with their subtrees. Default: the organisation's top unit. */
  rootUnitId?: string | undefined;
  /** First month, YYYY-MM. */
  from: string;
  months: number;
  byReason?: boolean;
  /** 'summary' (default) or 'scratch' (every assignment and episode; see above). */
  source?: 'summary' | 'scratch';
  /** Only these people (scratch only): a manager's reporting line. */
  employees?: string[];
}

/** Unrounded figures in minute-days (contracted minutes a week × calendar days; ÷ 2,250 = FTE days). */
export interface AbsenceRateFigures { groupId: string; groupName: string; month: string; reason: string | null; availableMinuteDays: number; lostMinuteDays: number }

export interface AbsenceRateRow {
  groupId: string;
  groupName: string;
  month: string;
  reason: string | null;
  reasonName: string | null;
  fteDaysAvailable: number;
  fteDaysLost: number;
  /** Percentage, 2 decimals (lost ÷ available × 100). */
  ratePercent: number;
}

export async function absenceRates(db: Queryable, q: AbsenceRateQuery): Promise<AbsenceRateRow[]> {
  return (await absenceRateFigures(db, q)).map(toRateRow);
}

export async function absenceRateFigures(db: Queryable, q: AbsenceRateQuery): Promise<AbsenceRateFigures[]> {
  const groups = q.organisationId === null ? null : await unitGroups(db, q.organisationId, q.rootUnitId);
  const query = q.source === 'scratch' || q.employees ? absenceRateSql(q, groups) : absenceSummarySql(q, groups);
  return run(db, query, q.byReason === true);
}

/**
 * Which group each org unit counts in: the root itself, each child of the root with all of its subtree.
 * Worked out here (trusts have hundreds to a few thousand units) and handed to the query as two arrays,
 * which keeps the query free of a recursive CTE and so eligible for parallel plans.
 */
export async function unitGroups(db: Queryable, organisationId: string, rootUnitId?: string): Promise<{ ids: string[]; groups: string[] }> {
  const units = rowsOf<{ id: string; parent_id: string | null }>(await db.execute(sql`SELECT id, parent_id FROM org_units WHERE organisation_id = ${organisationId}`));
  const root = rootUnitId ?? units.filter((u) => u.parent_id === null).map((u) => u.id).sort()[0];
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parent_id) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
  const ids: string[] = [];
  const groups: string[] = [];
  if (!root) return { ids, groups };
  ids.push(root);
  groups.push(root);
  for (const child of children.get(root) ?? []) {
    for (const stack = [child]; stack.length > 0; ) {
      const id = stack.pop()!;
      ids.push(id);
      groups.push(child);
      stack.push(...(children.get(id) ?? []));
    }
  }
  return { ids, groups };
}

const pgArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** The query itself (for EXPLAIN in the bench); `groups` from unitGroups, null for the national view. */
export function absenceRateSql(q: AbsenceRateQuery, groups: { ids: string[]; groups: string[] } | null): SQL {
  const from = `${q.from}-01`;
  const last = isoOf(addMonths(dayOf(from), q.months) - 1);
  const n = q.months;
  const reason = q.byReason === true;
  // = ANY(list): PostgreSQL hashes a constant list, where IN (subquery) let it guess the size (badly).
  const staffOnly = q.employees ? sql` AND a.employee_id = ANY(${pgArray(q.employees)}::text[])` : sql``;
  const sickOnly = q.employees ? sql` AND e.employee_id = ANY(${pgArray(q.employees)}::text[])` : sql``;
  if (q.organisationId === null || groups === null) {
    return sql`
    WITH ${body(sql`a.organisation_id`, sql`e.organisation_id`, sql``, sql``, sql`true${staffOnly}`, sql`true${sickOnly}`, sql`SELECT id AS grp, name FROM organisations`, from, last, n, reason)}`;
  }
  return sql`
    WITH sub (id, grp) AS (SELECT * FROM unnest(${pgArray(groups.ids)}::text[], ${pgArray(groups.groups)}::text[])),
    ${body(sql`s.grp`, sql`s.grp`, sql`JOIN sub s ON s.id = a.org_unit_id`, sql`JOIN sub s ON s.id = e.org_unit_id`,
      sql`a.organisation_id = ${q.organisationId}${staffOnly}`, sql`e.organisation_id = ${q.organisationId}${sickOnly}`,
      sql`SELECT id AS grp, name FROM org_units WHERE organisation_id = ${q.organisationId}`, from, last, n, reason)}`;
}

/**
 * The same figures from the monthly summary. A month's value for a group is its summary rows for that
 * month plus, for ranges still open, days in month × the open minutes that started before it (the open
 * total less what started in that month or later): only rows from `from` on and the totals are read.
 */
export function absenceSummarySql(q: AbsenceRateQuery, groups: { ids: string[]; groups: string[] } | null): SQL {
  const from = `${q.from}-01`;
  const n = q.months;
  // Rows with reason '' hold all reasons together (and availability); '*' rows the whole organisation.
  const reasons = q.byReason === true ? sql`(a.measure = 'available' OR a.reason <> '')` : sql`a.reason = ''`;
  const reason = sql`a.reason`;
  const national = q.organisationId === null || groups === null;
  const grp = national ? sql`a.organisation_id` : sql`s.grp`;
  const join = national ? sql`` : sql`JOIN sub s ON s.id = a.org_unit_id`;
  const where = national ? sql`a.org_unit_id = '*' AND ${reasons}` : sql`a.organisation_id = ${q.organisationId} AND ${reasons}`;
  const names = national ? sql`SELECT id AS grp, name FROM organisations` : sql`SELECT id AS grp, name FROM org_units WHERE organisation_id = ${q.organisationId}`;
  const sub = national ? sql`` : sql`sub (id, grp) AS (SELECT * FROM unnest(${pgArray(groups!.ids)}::text[], ${pgArray(groups!.groups)}::text[])),`;
  return sql`
    WITH ${sub}
    months (m_start, days) AS (
      SELECT m::date, (m + interval '1 month')::date - m::date
        FROM generate_series(${from}::timestamp, ${from}::timestamp + (${n}::int - 1) * interval '1 month', interval '1 month') AS m
    ),
    win (grp, measure, reason, month, minute_days, open_minutes) AS (
      SELECT ${grp}, a.measure, ${reason}, a.month, sum(a.minute_days), sum(a.open_minutes)
        FROM absence_summary a ${join}
       WHERE ${where} AND a.month >= ${from}::date
       GROUP BY 1, 2, 3, 4
    ),
    tot (grp, measure, reason, open_minutes) AS (
      SELECT ${grp}, a.measure, ${reason}, sum(a.open_minutes)
        FROM absence_open_totals a ${join}
       WHERE ${where}
       GROUP BY 1, 2, 3
    ),
    keys (grp, measure, reason) AS (SELECT grp, measure, reason FROM win UNION SELECT grp, measure, reason FROM tot),
    val (grp, measure, reason, m_start, minute_days) AS (
      SELECT k.grp, k.measure, k.reason, mo.m_start,
             coalesce(sum(w.minute_days) FILTER (WHERE w.month = mo.m_start), 0)
             + mo.days * (coalesce(max(t.open_minutes), 0) - coalesce(sum(w.open_minutes), 0))
        FROM keys k CROSS JOIN months mo
        LEFT JOIN tot t ON t.grp = k.grp AND t.measure = k.measure AND t.reason = k.reason
        LEFT JOIN win w ON w.grp = k.grp AND w.measure = k.measure AND w.reason = k.reason AND w.month >= mo.m_start
       GROUP BY k.grp, k.measure, k.reason, mo.m_start, mo.days
    ),
    names (grp, name) AS (${names})
    SELECT av.grp AS group_id, nm.name AS group_name, to_char(av.m_start, 'YYYY-MM') AS month, nullif(l.reason, '') AS reason,
           av.minute_days AS available, coalesce(l.minute_days, 0) AS lost
      FROM val av
      JOIN names nm ON nm.grp = av.grp
      LEFT JOIN val l ON l.measure = 'lost' AND l.grp = av.grp AND l.m_start = av.m_start AND l.minute_days > 0
     WHERE av.measure = 'available' AND av.minute_days > 0
     ORDER BY nm.name, av.grp, av.m_start, l.reason`;
}

function body(staffGroup: SQL, sickGroup: SQL, staffJoin: SQL, sickJoin: SQL, staffWhere: SQL, sickWhere: SQL, names: SQL, from: string, last: string, n: number, reason: boolean): SQL {
  const reasonCol = reason ? sql`e.reason_level1` : sql`NULL::text`;
  return sql`
    months (m_start, m_end) AS (
      SELECT m::date, (m + interval '1 month' - interval '1 day')::date
        FROM generate_series(${from}::date, ${from}::date + (${n}::int - 1) * interval '1 month', interval '1 month') AS m
    ),
    staff (grp, s, e, fte) AS (
      SELECT ${staffGroup}, greatest(a.start_date, ${from}::date), least(coalesce(a.end_date, ${last}::date), ${last}::date),
             sum(a.contracted_minutes_per_week)::bigint
        FROM assignments a ${staffJoin}
       WHERE ${staffWhere} AND a.start_date <= ${last}::date AND (a.end_date IS NULL OR a.end_date >= ${from}::date)
       GROUP BY 1, 2, 3
    ),
    available (grp, m_start, fte_days) AS (
      SELECT st.grp, mo.m_start, sum(st.fte * (least(st.e, mo.m_end) - greatest(st.s, mo.m_start) + 1))
        FROM staff st JOIN months mo ON st.s <= mo.m_end AND st.e >= mo.m_start
       GROUP BY 1, 2
    ),
    -- Episodes pre-aggregated by clipped dates (many share them), then met with the months they overlap.
    sick (grp, reason, s, e, fte) AS (
      SELECT ${sickGroup}, ${reasonCol}, greatest(e.start_date, ${from}::date), least(coalesce(e.end_date, ${last}::date), ${last}::date),
             sum(e.contracted_minutes)::bigint
        FROM sickness_episodes e ${sickJoin}
       WHERE ${sickWhere} AND e.start_date <= ${last}::date AND (e.end_date IS NULL OR e.end_date >= ${from}::date)
       GROUP BY 1, 2, 3, 4
    ),
    lost (grp, reason, m_start, fte_days) AS (
      SELECT sk.grp, sk.reason, mo.m_start, sum(sk.fte * (least(sk.e, mo.m_end) - greatest(sk.s, mo.m_start) + 1))
        FROM sick sk JOIN months mo ON sk.s <= mo.m_end AND sk.e >= mo.m_start
       GROUP BY 1, 2, 3
    ),
    names (grp, name) AS (${names})
    SELECT av.grp AS group_id, nm.name AS group_name, to_char(av.m_start, 'YYYY-MM') AS month, l.reason,
           av.fte_days AS available, coalesce(l.fte_days, 0) AS lost
      FROM available av
      JOIN names nm ON nm.grp = av.grp
      LEFT JOIN lost l ON l.grp = av.grp AND l.m_start = av.m_start
     ORDER BY nm.name, av.grp, av.m_start, l.reason`;
}

async function run(db: Queryable, query: SQL, byReason: boolean): Promise<AbsenceRateFigures[]> {
  // One analytic query: JIT compilation would cost more than it saves (PostgreSQL's estimates for the
  // date-range joins are high enough to trigger it), and the aggregates want memory rather than disk.
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    return tx.execute(query);
  });
  const rows = rowsOf<{ group_id: string; group_name: string; month: string; reason: string | null; available: number | string; lost: number | string }>(result);
  return rows.map((r) => ({
    groupId: r.group_id,
    groupName: r.group_name,
    month: r.month,
    reason: byReason ? r.reason : null,
    availableMinuteDays: Number(r.available),
    lostMinuteDays: Number(r.lost),
  }));
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

export function toRateRow(r: AbsenceRateFigures): AbsenceRateRow {
  const available = r.availableMinuteDays / fullTimeMinutesPerWeek;
  const lost = r.lostMinuteDays / fullTimeMinutesPerWeek;
  return {
    groupId: r.groupId,
    groupName: r.groupName,
    month: r.month,
    reason: r.reason,
    reasonName: r.reason ? reasonName.get(r.reason) ?? null : null,
    fteDaysAvailable: round(available, 2),
    fteDaysLost: round(lost, 2),
    ratePercent: available > 0 ? round((lost / available) * 100, 2) : 0,
  };
}
