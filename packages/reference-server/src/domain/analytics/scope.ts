// Whose figures a caller may see: an HR admin sees their organisation, a manager the people below them
// in the supervisor hierarchy (their reporting line), anyone else nothing (403). Either may narrow to an
// org unit of their organisation (404 outside it); figures are grouped by the children of that unit
// (default: the trust's top unit for HR, the manager's own unit for a manager), each with its subtree.
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Principal } from '../../auth/principal.ts';
import { isManager } from '../../auth/access.ts';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/migrate.ts';
import { problems } from '../../http/problem.ts';
import { unitGroups } from '../absence/absence-rate.ts';

export interface AnalyticsScope {
  kind: 'organisation' | 'line';
  organisationId: string;
  /** The manager whose line it is (kind 'line'). */
  managerEmployeeId: string | null;
  /** Everyone in the manager's line (kind 'line'), worked out once per request. */
  lineEmployeeIds: string[];
  /** Everyone else in the organisation, when the line is most of it (else null): cheaper to subtract. */
  lineOutsideIds: string[] | null;
  /** Figures are grouped by this unit's children (and the unit itself for its own staff). */
  rootUnitId: string;
  rootUnitName: string;
  /** Whether only the root's subtree counts (an org unit was asked for) or the whole organisation / line. */
  narrowed: boolean;
  /** Unit → group (root itself or one of its children), for every unit in the root's subtree. */
  groups: Map<string, string>;
  groupNames: Map<string, string>;
}

/** Resolves the caller's scope; 403 for callers who are neither HR admins nor managers. */
export async function analyticsScope(db: Db, principal: Principal, orgUnitId?: string): Promise<AnalyticsScope> {
  const hr = principal.roles.includes('hr_admin');
  if (!hr && !(await isManager(db, principal.employeeId))) {
    throw problems.forbidden('Workforce analytics are for managers (their reporting line) and HR admins (their organisation).');
  }
  const units = rowsOf<{ id: string; parent_id: string | null; name: string }>(
    await db.execute(sql`SELECT id, parent_id, name FROM org_units WHERE organisation_id = ${principal.organisationId}`),
  );
  const names = new Map(units.map((u) => [u.id, u.name]));
  let root = orgUnitId;
  if (root !== undefined && !names.has(root)) throw problems.notFound(`Org unit ${root}`);
  if (root === undefined) {
    if (hr) root = units.filter((u) => u.parent_id === null).map((u) => u.id).sort()[0];
    else {
      const [own] = rowsOf<{ unit: string }>(await db.execute(sql`
        SELECT org_unit_id AS unit FROM assignments WHERE employee_id = ${principal.employeeId} AND (end_date IS NULL OR end_date >= CURRENT_DATE)
         ORDER BY start_date DESC LIMIT 1`));
      root = own?.unit;
    }
  }
  if (root === undefined) throw problems.notFound(`Org units of ${principal.organisationId}`);
  const { ids, groups } = await unitGroups(db, principal.organisationId, root);
  // The line is resolved once and handed to the report queries as a list: inside them, a recursive CTE
  // leaves the planner guessing its size (a few dozen rows for a ward, the whole trust for a chief
  // executive), and a wrong guess costs seconds at scale.
  const line = hr ? { inside: [], outside: null } : await lineOf(db, principal.organisationId, principal.employeeId);
  const groupOf = new Map(ids.map((id, i) => [id, groups[i]!]));
  return {
    kind: hr ? 'organisation' : 'line',
    organisationId: principal.organisationId,
    managerEmployeeId: hr ? null : principal.employeeId,
    lineEmployeeIds: line.inside,
    lineOutsideIds: line.outside,
    rootUnitId: root,
    rootUnitName: names.get(root)!,
    narrowed: orgUnitId !== undefined,
    groups: groupOf,
    groupNames: new Map([...new Set(groups)].map((g) => [g, names.get(g)!])),
  };
}

const pgArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * The CTEs every analytics query starts from (after WITH RECURSIVE): `grp (unit_id, grp)` maps units
 * to their group, `scoped` is every assignment — current, past or future — of the people in scope,
 * with its group (null for units outside the root's subtree, which only a manager's line can reach).
 */
export function scopedAssignments(scope: AnalyticsScope): SQL {
  const ids = [...scope.groups.keys()];
  const groups = ids.map((id) => scope.groups.get(id)!);
  const inLine = scope.kind === 'line' ? sql` AND a.employee_id = ANY(${pgArray(scope.lineEmployeeIds)}::text[])` : sql``;
  const narrowed = scope.narrowed ? sql` AND g.grp IS NOT NULL` : sql``;
  return sql`
    grp (unit_id, grp) AS (SELECT * FROM unnest(${pgArray(ids)}::text[], ${pgArray(groups)}::text[])),
    scoped AS (
      SELECT a.id, a.employee_id, a.org_unit_id, g.grp, a.staff_group, a.band, a.contracted_minutes_per_week AS minutes,
             a.start_date, a.end_date, a.leaving_reason
        FROM assignments a LEFT JOIN grp g ON g.unit_id = a.org_unit_id
       WHERE a.organisation_id = ${scope.organisationId}${inLine}${narrowed}
    )`;
}

/**
 * The manager's line: everyone below them through any assignment, ended ones included (a leaver's last
 * supervisor). The depth cap stops a cyclic hierarchy from looping.
 */
async function lineOf(db: Db, organisationId: string, managerId: string): Promise<{ inside: string[]; outside: string[] | null }> {
  const [row] = rowsOf<{ inside: string[] | string | null; people: number | string }>(await db.execute(sql`
    WITH RECURSIVE line (employee_id, depth) AS (
      SELECT employee_id, 1 FROM assignments WHERE supervisor_employee_id = ${managerId} AND organisation_id = ${organisationId}
      UNION
      SELECT a.employee_id, l.depth + 1 FROM assignments a JOIN line l ON a.supervisor_employee_id = l.employee_id
       WHERE l.depth < 64 AND a.organisation_id = ${organisationId}
    )
    SELECT (SELECT array_agg(DISTINCT employee_id) FROM line WHERE employee_id <> ${managerId}) AS inside,
           (SELECT count(*) FROM employees WHERE organisation_id = ${organisationId}) AS people`));
  const inside = textArray(row?.inside ?? null);
  if (inside.length * 2 <= Number(row?.people ?? 0)) return { inside, outside: null };
  const [rest] = rowsOf<{ outside: string[] | string | null }>(await db.execute(sql`
    SELECT array_agg(id) AS outside FROM employees WHERE organisation_id = ${organisationId} AND NOT (id = ANY(${pgArray(inside)}::text[]))`));
  return { inside, outside: textArray(rest?.outside ?? null) };
}

/** postgres.js and PGlite return text[] as arrays; tolerate the literal form too. */
const textArray = (value: string[] | string | null): string[] =>
  value === null ? [] : Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((v) => v.replace(/^"|"$/g, ''));

/**
 * The `current` CTE (after scopedAssignments): assignments in post on `on`, `head` marking each person's
 * latest-starting one, so a person counts once in headcounts. Most people hold one assignment, so the
 * latest-start check (an index probe) runs only for people holding several; no sort of text keys, which
 * is what costs at scale.
 */
export function currentAssignments(on: string): SQL {
  return sql`in_post AS (
      SELECT * FROM scoped WHERE start_date <= ${on}::date AND (end_date IS NULL OR end_date >= ${on}::date)
    ),
    several AS (SELECT employee_id FROM in_post GROUP BY employee_id HAVING count(*) > 1),
    current AS (
      SELECT s.*, CASE WHEN s.employee_id IN (SELECT employee_id FROM several) THEN NOT EXISTS (
               SELECT 1 FROM assignments o
                WHERE o.employee_id = s.employee_id AND o.id <> s.id AND o.start_date <= ${on}::date AND (o.end_date IS NULL OR o.end_date >= ${on}::date)
                  AND (o.start_date > s.start_date OR (o.start_date = s.start_date AND o.id < s.id))
             ) ELSE true END AS head
        FROM in_post s
    )`;
}

/**
 * Runs one analytics query. JIT compilation costs more than it saves on these (PostgreSQL's estimates for
 * the recursive line and the CTEs are high enough to trigger it), and the aggregates want memory.
 */
export async function analyticsRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    return tx.execute(query);
  });
  return [...rowsOf<T>(result)];
}
