import { HttpResponse, delay, http } from 'msw';
import type { AbsenceRate, SicknessEpisode } from '../types.ts';
import { absenceAsOf, absenceRateFixtures, bradfordFor, calendarDays, sicknessEpisodeFixtures } from './absence-fixtures.ts';
import { problem } from './handlers.ts';

export type AbsenceScenario = 'data' | 'empty' | 'error' | 'unauthorised' | 'forbidden' | 'slow' | 'offline';

export interface AbsenceHandlerOptions {
  scenario?: AbsenceScenario;
  episodes?: SicknessEpisode[];
  rates?: AbsenceRate[];
  /** The day the person's figures are worked out to when a request gives no `asOf` (default `absenceAsOf`). */
  asOf?: string;
  /** Delay for the `slow` scenario, in ms (default: forever, to show the loading state). */
  delayMs?: number | 'infinite';
}

/**
 * msw handlers that behave like the reference server's absence routes (Bradford factor, sickness
 * episodes, absence calendar, absence rates), for widget tests, Storybook and integrators' own tests.
 */
export function createAbsenceHandlers(options: AbsenceHandlerOptions = {}) {
  const scenario = options.scenario ?? 'data';
  const episodes = scenario === 'empty' ? [] : (options.episodes ?? sicknessEpisodeFixtures);
  const defaultAsOf = options.asOf ?? absenceAsOf;

  const guard = async (): Promise<Response | undefined> => {
    if (scenario === 'slow') await delay(options.delayMs ?? 'infinite');
    if (scenario === 'offline') return HttpResponse.error();
    if (scenario === 'unauthorised') return problem(401, 'unauthenticated', 'You are not signed in', 'The bearer token is invalid or has expired: sign in again.');
    if (scenario === 'forbidden') return problem(403, 'forbidden', 'Not allowed', 'Absence analytics are for HR admins.');
    if (scenario === 'error') return problem(500, 'internal_error', 'Something went wrong on our side', 'The error has been logged; quote the request id.');
    return undefined;
  };
  const who = (id: unknown) => (id === 'me' ? 'emp_000000030' : String(id));

  return [
    http.get('*/v1/people/:employeeId/bradford-factor', async ({ params, request }) => {
      const failure = await guard();
      if (failure) return failure;
      const asOf = new URL(request.url).searchParams.get('asOf') ?? defaultAsOf;
      return HttpResponse.json(bradfordFor(episodes, who(params['employeeId']), asOf));
    }),
    http.get('*/v1/people/:employeeId/sickness-episodes', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const hasMore = start + limit < episodes.length;
      return HttpResponse.json({ data: episodes.slice(start, start + limit), hasMore, nextCursor: hasMore ? String(start + limit) : null });
    }),
    http.get('*/v1/people/:employeeId/absence-calendar', async ({ params, request }) => {
      const failure = await guard();
      if (failure) return failure;
      const url = new URL(request.url);
      const from = url.searchParams.get('from') ?? '';
      const to = url.searchParams.get('to') ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) return problem(400, 'validation_failed', 'Invalid request', 'query.from: a date YYYY-MM-DD is required');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(to) || to < from) return problem(400, 'validation_failed', 'Invalid request', 'query.to: a date on or after from is required');
      return HttpResponse.json({ employeeId: who(params['employeeId']), from, to, days: calendarDays(episodes, from, to, defaultAsOf) });
    }),
    http.get('*/v1/absence/rates', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const url = new URL(request.url);
      const from = url.searchParams.get('from') ?? '';
      const months = Number(url.searchParams.get('months') ?? 12);
      if (!/^\d{4}-\d{2}$/.test(from)) return problem(400, 'validation_failed', 'Invalid request', 'query.from: a month YYYY-MM is required');
      const byReason = url.searchParams.get('by') === 'reason';
      const all = scenario === 'empty' ? [] : (options.rates ?? absenceRateFixtures(from, months));
      const rates = byReason ? all : collapseReasons(all);
      return HttpResponse.json({ from, months, rootUnitId: url.searchParams.get('orgUnitId'), rates });
    }),
  ];
}

/** `by=unit`: one row per unit and month, the reasons summed (as the server does without `by=reason`). */
function collapseReasons(rows: readonly AbsenceRate[]): AbsenceRate[] {
  const byKey = new Map<string, AbsenceRate>();
  for (const r of rows) {
    const key = `${r.groupId}|${r.month}`;
    const seen = byKey.get(key);
    if (seen) seen.fteDaysLost = Math.round((seen.fteDaysLost + r.fteDaysLost) * 100) / 100;
    else byKey.set(key, { ...r, reason: null, reasonName: null });
  }
  for (const r of byKey.values()) r.ratePercent = Math.round((r.fteDaysLost / r.fteDaysAvailable) * 10_000) / 100;
  return [...byKey.values()];
}
