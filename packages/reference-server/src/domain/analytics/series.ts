// One time-series shape for every chart: a list of months (the x axis) and series whose points line up
// with it, each point a value with the numerator and denominator it came from where it is a ratio.
// Documented in the server README ("Analytics time series").
import { addMonths, dayOf, isoOf } from '../calendars/dates.ts';

export type SeriesUnit = 'count' | 'fte' | 'percent' | 'fte_days';

export interface SeriesPoint {
  /** YYYY-MM. */
  month: string;
  /** null when there is nothing to measure (no one employed) or the figure is withheld. */
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface TimeSeries {
  key: string;
  label: string;
  unit: SeriesUnit;
  points: SeriesPoint[];
}

/** `count` months ending with `last` (YYYY-MM), oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const end = dayOf(`${last}-01`);
  return Array.from({ length: count }, (_, i) => isoOf(addMonths(end, i - count + 1)).slice(0, 7));
}

/** `count` months starting with `first` (YYYY-MM). */
export function monthsFrom(first: string, count: number): string[] {
  const start = dayOf(`${first}-01`);
  return Array.from({ length: count }, (_, i) => isoOf(addMonths(start, i)).slice(0, 7));
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
