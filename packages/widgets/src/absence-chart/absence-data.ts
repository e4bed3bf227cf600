// Pure shaping of the API's absence answers into what the chart and its table show. No Lit, no DOM.
import type { AbsenceCalendar, AbsenceRate, SicknessEpisode } from '@esr/sdk';

/** `YYYY-MM-DD` → `YYYY-MM-DD` `days` later (UTC, so no time zone moves a day). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM` plus `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Today in the UK as `YYYY-MM-DD` (the date ESR works in, wherever the browser is). */
export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The 12 calendar months ending with `asOf`'s month: the first month, and the first day of it. */
export function twelveMonthsTo(asOf: string): { fromMonth: string; fromDate: string; months: string[] } {
  const last = asOf.slice(0, 7);
  const fromMonth = addMonths(last, -11);
  return { fromMonth, fromDate: `${fromMonth}-01`, months: Array.from({ length: 12 }, (_, i) => addMonths(fromMonth, i)) };
}

export interface PersonMonth {
  month: string;
  /** Working days (scheduled hours > 0) with sickness recorded. */
  sickDays: number;
  /** Level-1 reason codes of those days, most days first. */
  reasons: string[];
}

/** Working days lost to sickness per month, from the person's absence calendar. */
export function sickDaysByMonth(calendar: AbsenceCalendar, months: readonly string[]): PersonMonth[] {
  const counts = new Map(months.map((m) => [m, new Map<string, number>()]));
  for (const day of calendar.days) {
    if (!day.sickness || day.scheduledMinutes <= 0) continue;
    const reasons = counts.get(day.date.slice(0, 7));
    if (reasons) reasons.set(day.sickness.reasonLevel1, (reasons.get(day.sickness.reasonLevel1) ?? 0) + 1);
  }
  return months.map((month) => {
    const reasons = counts.get(month)!;
    return {
      month,
      sickDays: [...reasons.values()].reduce((a, b) => a + b, 0),
      reasons: [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code),
    };
  });
}

/** Episodes that overlap `from`..`to` (an open one runs to `to`). */
export function episodesBetween(episodes: readonly SicknessEpisode[], from: string, to: string): SicknessEpisode[] {
  return episodes.filter((e) => e.startDate <= to && (e.endDate ?? to) >= from);
}

/** Working days of one episode, counted from the calendar (so weekends and rest days are left out). */
export function workingDaysOf(episode: SicknessEpisode, calendar: AbsenceCalendar): number {
  return calendar.days.filter((d) => d.sickness?.id === episode.id && d.scheduledMinutes > 0).length;
}

export interface OrgMonth {
  month: string;
  fteDaysAvailable: number;
  fteDaysLost: number;
  /** Lost ÷ available × 100, 2 decimals; null when nobody was employed (nothing to divide by). */
  ratePercent: number | null;
  /** The reason with most FTE days lost that month, if any. */
  topReason: string | null;
}

export interface OrgReason {
  reason: string;
  reasonName: string;
  fteDaysLost: number;
  /** Share of all FTE days lost over the period, 0–100. */
  sharePercent: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The whole unit's monthly rate (every group summed, NHS Digital method: FTE days lost ÷ FTE days
 * available) and its reasons over the period, from `rates(…, by: 'reason')` rows. Each group-month
 * repeats its FTE days available on every reason row, so availability is counted once per group-month.
 */
export function summariseRates(rows: readonly AbsenceRate[], months: readonly string[]): { months: OrgMonth[]; reasons: OrgReason[] } {
  const available = new Map<string, number>();
  const lost = new Map<string, number>();
  const monthReasons = new Map<string, Map<string, number>>();
  const reasonTotals = new Map<string, { name: string; lost: number }>();
  const seenGroupMonth = new Set<string>();
  for (const r of rows) {
    const gm = `${r.groupId}|${r.month}`;
    if (!seenGroupMonth.has(gm)) {
      seenGroupMonth.add(gm);
      available.set(r.month, (available.get(r.month) ?? 0) + r.fteDaysAvailable);
    }
    lost.set(r.month, (lost.get(r.month) ?? 0) + r.fteDaysLost);
    if (r.reason && r.fteDaysLost > 0) {
      const byReason = monthReasons.get(r.month) ?? new Map<string, number>();
      byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + r.fteDaysLost);
      monthReasons.set(r.month, byReason);
      const total = reasonTotals.get(r.reason) ?? { name: r.reasonName ?? r.reason, lost: 0 };
      total.lost += r.fteDaysLost;
      reasonTotals.set(r.reason, total);
    }
  }
  const allLost = [...reasonTotals.values()].reduce((a, b) => a + b.lost, 0);
  return {
    months: months.map((month) => {
      const a = available.get(month) ?? 0;
      const l = lost.get(month) ?? 0;
      const top = [...(monthReasons.get(month) ?? new Map<string, number>()).entries()].sort((x, y) => y[1] - x[1])[0];
      return { month, fteDaysAvailable: round2(a), fteDaysLost: round2(l), ratePercent: a > 0 ? round2((l / a) * 100) : null, topReason: top?.[0] ?? null };
    }),
    reasons: [...reasonTotals.entries()]
      .map(([reason, t]) => ({ reason, reasonName: t.name, fteDaysLost: round2(t.lost), sharePercent: allLost > 0 ? round2((t.lost / allLost) * 100) : 0 }))
      .sort((a, b) => b.fteDaysLost - a.fteDaysLost),
  };
}

/** A round axis maximum at or above `max` (1, 2, 2.5, 5 × 10ⁿ), so gridlines fall on readable values. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}
