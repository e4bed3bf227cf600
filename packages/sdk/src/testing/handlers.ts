import { HttpResponse, delay, http } from 'msw';
import type { Payslip, PayslipSummary, Problem } from '../types.ts';
import { payslipFixture, payslipSummaryFixtures } from './fixtures.ts';

export type PayslipScenario = 'data' | 'empty' | 'error' | 'unauthorised' | 'slow' | 'offline';

export interface PayslipHandlerOptions {
  scenario?: PayslipScenario;
  payslip?: Payslip;
  summaries?: PayslipSummary[];
  /** Delay for the `slow` scenario, in ms (default: forever, to show the loading state). */
  delayMs?: number | 'infinite';
}

export function problem(status: number, code: string, title: string, detail: string): Response {
  const body: Problem = { type: `urn:esr:problem:${code}`, title, status, detail, code, requestId: 'req_mock0000000001' };
  return HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': 'req_mock0000000001' } });
}

/**
 * msw handlers that behave like the reference server's payslip routes, for widget tests, Storybook
 * and integrators' own tests: `setupServer(...createPayslipHandlers({ scenario: 'empty' }))`.
 */
export function createPayslipHandlers(options: PayslipHandlerOptions = {}) {
  const scenario = options.scenario ?? 'data';
  const payslip = options.payslip ?? payslipFixture;
  const summaries = options.summaries ?? payslipSummaryFixtures;
  const details = new Map<string, Payslip>([[payslip.id, payslip]]);
  for (const s of summaries) if (!details.has(s.id)) details.set(s.id, { ...payslip, ...s });

  const guard = async (): Promise<Response | undefined> => {
    if (scenario === 'slow') await delay(options.delayMs ?? 'infinite');
    if (scenario === 'offline') return HttpResponse.error();
    if (scenario === 'unauthorised') return problem(401, 'unauthenticated', 'You are not signed in', 'The bearer token is invalid or has expired: sign in again.');
    if (scenario === 'error') return problem(500, 'internal_error', 'Something went wrong on our side', 'The error has been logged; quote the request id.');
    return undefined;
  };

  return [
    http.get('*/v1/me/payslips/latest', async () => {
      const failure = await guard();
      if (failure) return failure;
      if (scenario === 'empty') return problem(404, 'not_found', 'Not found', 'A payslip for you was not found.');
      return HttpResponse.json(payslip);
    }),
    http.get('*/v1/me/payslips/:payslipId', async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const found = scenario === 'empty' ? undefined : details.get(String(params['payslipId']));
      return found ? HttpResponse.json(found) : problem(404, 'not_found', 'Not found', `Payslip ${String(params['payslipId'])} was not found.`);
    }),
    http.get('*/v1/me/payslips', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const all = scenario === 'empty' ? [] : summaries;
      const data = all.slice(start, start + limit);
      const hasMore = start + limit < all.length;
      return HttpResponse.json({ data, hasMore, nextCursor: hasMore ? String(start + limit) : null });
    }),
  ];
}
