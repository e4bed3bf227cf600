// Sickness absence for a scope: the monthly rate (FTE days lost ÷ FTE days available, NHS Digital
// method) overall and by org unit group, and the reasons that cost the most FTE days over the period.
// An organisation (or a unit within it) reads the monthly summary (migration 0008); a manager's line is
// a set of people rather than units, so it is computed from their assignments and episodes.
import type { Db } from '../../db/database.ts';
import { absenceRateFigures } from '../absence/absence-rate.ts';
import type { AbsenceRateFigures, AbsenceRateQuery } from '../absence/absence-rate.ts';
import { reasonName } from '../absence/reasons.ts';
import { fullTimeMinutesPerWeek } from '../pay-scales/agenda-for-change.ts';
import type { AnalyticsScope } from './scope.ts';
import { lineEmployees } from './scope.ts';
import { monthsFrom, round2 } from './series.ts';
import type { TimeSeries } from './series.ts';

export interface AbsenceAnalytics {
  months: string[];
  /** The first series is the whole scope; then one per org unit group. Percent, with FTE days lost (numerator) and available (denominator). */
  series: TimeSeries[];
  topReasons: Array<{ reason: string; reasonName: string; fteDaysLost: number; sharePercent: number }>;
}

export async function absenceAnalytics(db: Db, scope: AnalyticsScope, from: string, count: number, top = 10): Promise<AbsenceAnalytics> {
  const months = monthsFrom(from, count);
  const query: AbsenceRateQuery = { organisationId: scope.organisationId, rootUnitId: scope.rootUnitId, from, months: count };
  if (scope.kind === 'line') query.employees = lineEmployees(scope);
  const [byGroup, byReason] = [await absenceRateFigures(db, query), await absenceRateFigures(db, { ...query, byReason: true })];
  // Without a narrowing unit, the trust-wide view of an organisation includes every unit (the root's
  // subtree is the whole trust); a manager's line may reach units outside their own unit's subtree,
  // which the grouping leaves out, so the totals come from the groups shown.
  const whole: TimeSeries = { key: 'all', label: scope.kind === 'line' ? 'Your reporting line' : scope.rootUnitName, unit: 'percent', points: [] };
  const groups = new Map<string, TimeSeries>();
  const sums = new Map<string, [number, number]>();
  for (const r of byGroup) {
    const s = sums.get(r.month) ?? [0, 0];
    sums.set(r.month, [s[0] + r.lostMinuteDays, s[1] + r.availableMinuteDays]);
    let g = groups.get(r.groupId);
    if (!g) groups.set(r.groupId, (g = { key: r.groupId, label: r.groupName, unit: 'percent', points: [] }));
    g.points.push(point(r.month, r.lostMinuteDays, r.availableMinuteDays));
  }
  for (const m of months) {
    const [lost, available] = sums.get(m) ?? [0, 0];
    whole.points.push(point(m, lost, available));
  }
  for (const g of groups.values()) g.points = months.map((m) => g.points.find((p) => p.month === m) ?? { month: m, value: null, numerator: 0, denominator: 0 });
  return { months, series: [whole, ...groups.values()], topReasons: topReasons(byReason, top) };
}

function point(month: string, lost: number, available: number) {
  const l = lost / fullTimeMinutesPerWeek;
  const a = available / fullTimeMinutesPerWeek;
  return { month, value: a > 0 ? round2((100 * l) / a) : null, numerator: round2(l), denominator: round2(a) };
}

function topReasons(rows: AbsenceRateFigures[], top: number): AbsenceAnalytics['topReasons'] {
  const lost = new Map<string, number>();
  for (const r of rows) if (r.reason) lost.set(r.reason, (lost.get(r.reason) ?? 0) + r.lostMinuteDays);
  const total = [...lost.values()].reduce((s, v) => s + v, 0);
  return [...lost]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([reason, minuteDays]) => ({ reason, reasonName: reasonName.get(reason) ?? reason, fteDaysLost: round2(minuteDays / fullTimeMinutesPerWeek), sharePercent: total > 0 ? round2((100 * minuteDays) / total) : 0 }));
}
