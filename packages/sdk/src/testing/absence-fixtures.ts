import type { AbsenceRate, BradfordFactor, SicknessEpisode } from '../types.ts';

/** The date the absence fixtures are "as of" (`asOf` / the end of every range). */
export const absenceAsOf = '2026-11-25';

const episode = (n: number, startDate: string, endDate: string | null, level1: string, level1Name: string, level2: string | null = null, level2Name: string | null = null): SicknessEpisode => ({
  id: `sck_000000030x${n}`,
  employeeId: 'emp_000000030',
  startDate,
  endDate,
  open: endDate === null,
  reason: { level1, level1Name, level2, level2Name },
  returnToWork: null,
  recordedBy: 'emp_000000020',
  version: 1,
});

/**
 * A seeded staff member's sickness history (latest first), as the reference server returns it: three
 * spells in the 52 weeks to `absenceAsOf`, and older ones outside it.
 */
export const sicknessEpisodeFixtures: SicknessEpisode[] = [
  episode(7, '2026-11-13', '2026-11-15', 'S98', 'Other known causes - not elsewhere classified'),
  episode(6, '2026-09-15', '2026-09-21', 'S11', 'Back problems'),
  episode(5, '2025-12-28', '2026-01-01', 'S25', 'Gastrointestinal problems', 'S25.01', 'Diarrhoea and vomiting'),
  episode(4, '2025-10-28', '2025-11-01', 'S25', 'Gastrointestinal problems', 'S25.01', 'Diarrhoea and vomiting'),
  episode(3, '2025-10-02', '2025-10-02', 'S25', 'Gastrointestinal problems', 'S25.01', 'Diarrhoea and vomiting'),
];

/** ISO day arithmetic in UTC (no time zone can move a day). */
export const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isWeekday = (iso: string): boolean => {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};

/** The episode covering `date`, if any (an open episode runs to `asOf`). */
export function episodeOn(episodes: readonly SicknessEpisode[], date: string, asOf = absenceAsOf): SicknessEpisode | undefined {
  return episodes.find((e) => e.startDate <= date && date <= (e.endDate ?? asOf));
}

/**
 * The Bradford factor the way the reference server works it out: spells² × working days absent, over
 * the 52 weeks (364 days) ending `asOf`, for a Monday-to-Friday worker.
 */
export function bradfordFor(episodes: readonly SicknessEpisode[], employeeId: string, asOf = absenceAsOf): BradfordFactor {
  const from = addDays(asOf, -363);
  const inWindow = episodes.filter((e) => e.startDate <= asOf && (e.endDate ?? asOf) >= from);
  let days = 0;
  for (let d = from; d <= asOf; d = addDays(d, 1)) if (isWeekday(d) && episodeOn(inWindow, d, asOf)) days++;
  return { employeeId, from, to: asOf, spells: inWindow.length, days, score: inWindow.length ** 2 * days };
}

/** Weekdays scheduled 7½ hours, weekends off; sickness from `episodes`. */
export function calendarDays(episodes: readonly SicknessEpisode[], from: string, to: string, asOf = absenceAsOf) {
  const days = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const sick = episodeOn(episodes, d, asOf);
    days.push({
      date: d,
      scheduledMinutes: isWeekday(d) ? 450 : 0,
      bankHoliday: null,
      leave: [],
      sickness: sick ? { id: sick.id, reasonLevel1: sick.reason?.level1 ?? 'S99' } : null,
    });
  }
  return days;
}

const UNITS = [
  ['ou_0000002', 'Medicine', 1576.5],
  ['ou_0000007', 'Clinical Support Services', 800.83],
  ['ou_0000012', 'Corporate Services', 960.47],
] as const;
const REASONS = [
  ['S10', 'Anxiety/stress/depression/other psychiatric illnesses'],
  ['S12', 'Other musculoskeletal problems'],
  ['S13', 'Cold, cough, flu - influenza'],
  ['S25', 'Gastrointestinal problems'],
  ['S98', 'Other known causes - not elsewhere classified'],
] as const;

/**
 * An organisation's sickness absence by unit, month and reason (`by=reason`) for the 12 months to
 * November 2026: deterministic figures with winter peaks, in the reference server's row shape.
 */
export function absenceRateFixtures(from = '2025-12', months = 12): AbsenceRate[] {
  const rows: AbsenceRate[] = [];
  const [y, m] = from.split('-').map(Number) as [number, number];
  for (let i = 0; i < months; i++) {
    const month = `${y + Math.floor((m - 1 + i) / 12)}-${String(((m - 1 + i) % 12) + 1).padStart(2, '0')}`;
    const monthNumber = ((m - 1 + i) % 12) + 1;
    const winter = [12, 1, 2].includes(monthNumber) ? 1.6 : 1;
    UNITS.forEach(([groupId, groupName, available], u) => {
      REASONS.forEach(([reason, reasonName], r) => {
        const lost = Math.round(((r + 1) * (u + 2) * winter * (1 + ((i + r) % 3)) * 100) / 10) / 100 * 4;
        rows.push({ groupId, groupName, month, reason, reasonName, fteDaysAvailable: available, fteDaysLost: Math.round(lost * 100) / 100, ratePercent: Math.round((lost / available) * 10_000) / 100 });
      });
    });
  }
  return rows;
}
