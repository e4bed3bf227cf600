// Bradford factor: S² × D, where S is the number of spells of sickness and D the days absent, over a
// rolling 52 weeks (364 days) ending on the given date. Days are working days lost (days the person was
// scheduled to work, from their working pattern); a spell counts if any of it falls in the window.
// Open spells run to the end of the window.
import { dayOf, isoOf } from '../calendars/dates.ts';
import { Schedule } from '../calendars/working-patterns.ts';
import type { WorkingPattern } from '../calendars/working-patterns.ts';
import type { EpisodeSpan } from './sick-pay.ts';

export interface BradfordFactor { from: string; to: string; spells: number; days: number; score: number }

export function bradfordFactor(episodes: EpisodeSpan[], patterns: WorkingPattern[], asOf: string): BradfordFactor {
  const to = dayOf(asOf);
  const from = to - 363;
  const schedule = new Schedule(patterns);
  let spells = 0;
  let days = 0;
  for (const e of episodes) {
    const start = Math.max(from, dayOf(e.startDate));
    const end = Math.min(to, e.endDate === null ? to : dayOf(e.endDate));
    if (end < start) continue;
    spells++;
    for (let d = start; d <= end; d++) if (schedule.minutesOn(d) > 0) days++;
  }
  return { from: isoOf(from), to: asOf, spells, days, score: spells * spells * days };
}
