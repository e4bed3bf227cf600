// Staff in post on a date by a protected characteristic (from their equality & diversity declaration;
// "Not declared" when they have none) against org unit group, staff group or band, with row, column and
// grand totals, protected by disclosure.ts: no figure and no difference along a line gives away a count
// of 1–4. Each person counts once, in their latest-starting current assignment, so totals add up.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { afcBands } from '../pay-scales/agenda-for-change.ts';
import { characteristics, ethnicGroups } from './categories.ts';
import type { Category, Characteristic } from './categories.ts';
import { disclosureThreshold, protectTable } from './disclosure.ts';
import type { AnalyticsScope } from './scope.ts';
import { analyticsRows, currentAssignments, scopedAssignments } from './scope.ts';

export type DiversityDimension = 'orgUnit' | 'staffGroup' | 'band';

export interface DiversityTable {
  asOf: string;
  characteristic: Characteristic;
  by: DiversityDimension;
  threshold: number;
  columns: Category[];
  rows: Array<{ key: string | null; label: string; counts: Array<number | null>; total: number | null }>;
  totals: { counts: Array<number | null>; total: number | null };
  suppressed: number;
}

const ethnicGroupOf = sql.raw(`CASE ${ethnicGroups.map((g) => `WHEN ed.ethnicity IN (${g.codes.map((c) => `'${c}'`).join(', ')}) THEN '${g.key}'`).join(' ')} END`);
const column: Record<Characteristic, ReturnType<typeof sql.raw>> = {
  ethnicity: ethnicGroupOf,
  sex: sql.raw('ed.sex'),
  disability: sql.raw('ed.disability'),
  religion: sql.raw('ed.religion'),
  sexualOrientation: sql.raw('ed.sexual_orientation'),
};
const dimension: Record<DiversityDimension, ReturnType<typeof sql.raw>> = {
  orgUnit: sql.raw('p.grp'), staffGroup: sql.raw('p.staff_group'), band: sql.raw('p.band'),
};

export async function diversity(db: Db, scope: AnalyticsScope, characteristic: Characteristic, by: DiversityDimension, asOf: string): Promise<DiversityTable> {
  const rows = await analyticsRows<{ dim: string | null; category: string; n: string | number }>(db, sql`
    WITH RECURSIVE ${scopedAssignments(scope)},
    ${currentAssignments(asOf)},
    people AS (SELECT employee_id, grp, staff_group, band FROM current WHERE head)
    SELECT ${dimension[by]} AS dim, coalesce(${column[characteristic]}, 'not_declared') AS category, count(*) AS n
      FROM people p LEFT JOIN equality_diversity ed ON ed.employee_id = p.employee_id
     GROUP BY 1, 2`);
  const columns = characteristics[characteristic];
  const keys = [...new Set(rows.map((r) => r.dim))];
  const labelOf = (key: string | null) =>
    by === 'orgUnit' ? (key ? scope.groupNames.get(key) ?? key : 'Outside this unit') : by === 'band' ? `Band ${key}` : key ?? '';
  const order = by === 'band'
    ? (a: string | null, b: string | null) => afcBands.indexOf(a as never) - afcBands.indexOf(b as never)
    : (a: string | null, b: string | null) => labelOf(a).localeCompare(labelOf(b));
  keys.sort(order);
  const counts = keys.map((k) => columns.map((c) => rows.filter((r) => r.dim === k && r.category === c.key).reduce((s, r) => s + Number(r.n), 0)));
  // Headcount by org unit, staff group and band and in all is public (the composition report).
  const table = protectTable(counts, { threshold: disclosureThreshold, publicTotals: { rows: true, grand: true } });
  return {
    asOf, characteristic, by, threshold: disclosureThreshold, columns,
    rows: keys.map((k, i) => ({ key: k, label: labelOf(k), counts: table.cells[i]!, total: table.rowTotals[i]! })),
    totals: { counts: table.columnTotals, total: table.total },
    suppressed: table.suppressed,
  };
}
