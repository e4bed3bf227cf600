// Sickness absence for a scope: the monthly rate (FTE days lost ÷ FTE days available, NHS Digital
// method) overall and by org unit group, and the reasons that cost the most FTE days over the period.
// An organisation (or a unit within it) reads the monthly summary (migration 0008); a manager's line is
// a set of people rather than units, so it is computed from their assignments and episodes.
import type { Db } from '../../db/database.ts';
import { absenceRateFigures } from '../absence/absence-rate.ts';
import type { AbsenceRateQuery } from '../absence/absence-rate.ts';
import { reasonName } from '../absence/reasons.ts';
import { fullTimeMinutesPerWeek } from '../pay-scales/agenda-for-change.ts';
import type { AnalyticsScope } from './scope.ts';
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
  const base: AbsenceRateQuery = { organisationId: scope.organisationId, rootUnitId: scope.rootUnitId, from, months: count };
  const figures = new Figures();
  if (scope.kind === 'organisation') await figures.add(db, base, 1);
  else if (scope.lineOutsideIds === null || scope.lineEmployeeIds.length <= scope.lineOutsideIds.length) {
    await figures.add(db, { ...base, employees: scope.lineEmployeeIds }, 1);
  } else {
    // A line that is most of the organisation (a chief executive's): the summary for everyone, less the
    // few outside the line computed from scratch. Exact: both count the same integer minute-days.
    await figures.add(db, base, 1);
    if (scope.lineOutsideIds.length > 0) await figures.add(db, { ...base, employees: scope.lineOutsideIds }, -1);
  }
  // A manager's line may reach units outside their own unit's subtree, which the grouping leaves out, so
  // the whole-scope series adds up the groups shown.
  const whole: TimeSeries = { key: 'all', label: scope.kind === 'line' ? 'Your reporting line' : scope.rootUnitName, unit: 'percent', points: [] };
  const groups = new Map<string, TimeSeries>();
  for (const m of months) {
    let lost = 0;
    let available = 0;
    for (const [groupId, name] of figures.names) {
      const f = figures.byGroupMonth.get(`${groupId}|${m}`);
      let g = groups.get(groupId);
      if (!g) groups.set(groupId, (g = { key: groupId, label: name, unit: 'percent', points: [] }));
      g.points.push(f && f.available > 0 ? point(m, f.lost, f.available) : { month: m, value: null, numerator: 0, denominator: 0 });
      if (f && f.available > 0) {
        lost += f.lost;
        available += f.available;
      }
    }
    whole.points.push(point(m, lost, available));
  }
  const shown = [...groups.values()].filter((g) => g.points.some((p) => p.value !== null));
  return { months, series: [whole, ...shown], topReasons: topReasons(figures.byReason, top) };
}

/** Minute-days by group and month and lost by reason, added up from one or more queries (signed). */
class Figures {
  readonly byGroupMonth = new Map<string, { lost: number; available: number }>();
  readonly byReason = new Map<string, number>();
  readonly names = new Map<string, string>();
  async add(db: Db, q: AbsenceRateQuery, sign: 1 | -1): Promise<void> {
    for (const r of await absenceRateFigures(db, q)) {
      if (!this.names.has(r.groupId)) this.names.set(r.groupId, r.groupName);
      const key = `${r.groupId}|${r.month}`;
      const f = this.byGroupMonth.get(key) ?? { lost: 0, available: 0 };
      f.lost += sign * r.lostMinuteDays;
      f.available += sign * r.availableMinuteDays;
      this.byGroupMonth.set(key, f);
    }
    for (const r of await absenceRateFigures(db, { ...q, byReason: true })) {
      if (r.reason) this.byReason.set(r.reason, (this.byReason.get(r.reason) ?? 0) + sign * r.lostMinuteDays);
    }
  }
}

function point(month: string, lost: number, available: number) {
  const l = lost / fullTimeMinutesPerWeek;
  const a = available / fullTimeMinutesPerWeek;
  return { month, value: a > 0 ? round2((100 * l) / a) : null, numerator: round2(l), denominator: round2(a) };
}

function topReasons(lost: Map<string, number>, top: number): AbsenceAnalytics['topReasons'] {
  const entries = [...lost].filter(([, v]) => v > 0);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  return entries
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([reason, minuteDays]) => ({ reason, reasonName: reasonName.get(reason) ?? reason, fteDaysLost: round2(minuteDays / fullTimeMinutesPerWeek), sharePercent: total > 0 ? round2((100 * minuteDays) / total) : 0 }));
}
