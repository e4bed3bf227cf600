// Who is employed on a date: headcount (people) and FTE (contracted minutes ÷ 2,250, summed over their
// assignments) by org unit group, staff group, AfC band and contract type (full / part time), and
// headcount by age band and length of NHS service. One pass over the scope's assignments (GROUPING SETS).
// A person counts once, under their latest-starting current assignment (so breakdowns add up to the
// headcount); FTE counts every assignment under its own unit, staff group and band.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { afcBands, fullTimeMinutesPerWeek } from '../pay-scales/agenda-for-change.ts';
import { ageBands, bandCase, contractTypes, serviceBands } from './categories.ts';
import type { AnalyticsScope } from './scope.ts';
import { analyticsRows, currentAssignments, scopedAssignments } from './scope.ts';
import { round2 } from './series.ts';

export interface Breakdown { key: string | null; label: string; headcount: number; fte: number }

export interface Composition {
  asOf: string;
  headcount: number;
  fte: number;
  byOrgUnit: Breakdown[];
  byStaffGroup: Breakdown[];
  byBand: Breakdown[];
  byContractType: Breakdown[];
  byAgeBand: Breakdown[];
  byLengthOfService: Breakdown[];
}

// grouping(grp, staff_group, band, contract, age_band, service_band): 0 bits mark the set's column.
const sets: Record<number, keyof Omit<Composition, 'asOf' | 'headcount' | 'fte'> | 'total'> = {
  0b011111: 'byOrgUnit', 0b101111: 'byStaffGroup', 0b110111: 'byBand', 0b111011: 'byContractType', 0b111101: 'byAgeBand', 0b111110: 'byLengthOfService', 0b111111: 'total',
};

export async function composition(db: Db, scope: AnalyticsScope, asOf: string): Promise<Composition> {
  const age = bandCase(sql`e.date_of_birth`, asOf, ageBands);
  const service = bandCase(sql`e.nhs_service_start_date`, asOf, serviceBands);
  const rows = await analyticsRows<{ g: number; grp: string | null; staff_group: string | null; band: string | null; contract: string | null; age_band: string | null; service_band: string | null; headcount: string | number; minutes: string | number }>(db, sql`
      WITH RECURSIVE ${scopedAssignments(scope)},
      ${currentAssignments(asOf)},
      now AS (
        SELECT s.head, s.grp, s.staff_group, s.band, s.minutes,
               CASE WHEN s.minutes >= ${fullTimeMinutesPerWeek} THEN 'full_time' ELSE 'part_time' END AS contract,
               ${age} AS age_band, ${service} AS service_band
          FROM current s JOIN employees e ON e.id = s.employee_id
      )
      SELECT grouping(grp, staff_group, band, contract, age_band, service_band) AS g, grp, staff_group, band, contract, age_band, service_band,
             count(*) FILTER (WHERE head) AS headcount, sum(minutes) AS minutes
        FROM now
       GROUP BY GROUPING SETS ((grp), (staff_group), (band), (contract), (age_band), (service_band), ())`);
  const out: Composition = { asOf, headcount: 0, fte: 0, byOrgUnit: [], byStaffGroup: [], byBand: [], byContractType: [], byAgeBand: [], byLengthOfService: [] };
  const label = (list: Array<{ key: string; label: string }>, key: string | null) => list.find((c) => c.key === key)?.label ?? key ?? '';
  for (const r of rows) {
    const set = sets[Number(r.g)];
    const headcount = Number(r.headcount);
    const fte = round2(Number(r.minutes) / fullTimeMinutesPerWeek);
    if (set === 'total') {
      out.headcount = headcount;
      out.fte = fte;
    } else if (set === 'byOrgUnit') out.byOrgUnit.push({ key: r.grp, label: r.grp ? scope.groupNames.get(r.grp) ?? r.grp : 'Outside this unit', headcount, fte });
    else if (set === 'byStaffGroup') out.byStaffGroup.push({ key: r.staff_group, label: r.staff_group ?? '', headcount, fte });
    else if (set === 'byBand') out.byBand.push({ key: r.band, label: `Band ${r.band}`, headcount, fte });
    else if (set === 'byContractType') out.byContractType.push({ key: r.contract, label: label(contractTypes, r.contract), headcount, fte });
    else if (set === 'byAgeBand') out.byAgeBand.push({ key: r.age_band, label: label(ageBands, r.age_band), headcount, fte });
    else if (set === 'byLengthOfService') out.byLengthOfService.push({ key: r.service_band, label: label(serviceBands, r.service_band), headcount, fte });
  }
  const orderBy = (keys: readonly string[]) => (a: Breakdown, b: Breakdown) => keys.indexOf(a.key ?? '') - keys.indexOf(b.key ?? '');
  out.byOrgUnit.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key === scope.rootUnitId ? -1 : b.key === scope.rootUnitId ? 1 : a.label.localeCompare(b.label)));
  out.byStaffGroup.sort((a, b) => b.headcount - a.headcount || a.label.localeCompare(b.label));
  out.byBand.sort(orderBy(afcBands));
  out.byContractType.sort(orderBy(contractTypes.map((c) => c.key)));
  out.byAgeBand.sort(orderBy(ageBands.map((c) => c.key)));
  out.byLengthOfService.sort(orderBy(serviceBands.map((c) => c.key)));
  return out;
}
