import { HttpResponse, delay, http } from 'msw';
import type { P60Summary, Payslip, PayslipSummary, PayrollCalculationRequest, Problem } from '../types.ts';
import { p60SummaryFixtures, payslipCalculationFixture, payslipFixture, payslipSummaryFixtures } from './fixtures.ts';

export type PayslipScenario = 'data' | 'empty' | 'error' | 'unauthorised' | 'slow' | 'offline';

export interface PayslipHandlerOptions {
  scenario?: PayslipScenario;
  payslip?: Payslip;
  summaries?: PayslipSummary[];
  p60s?: P60Summary[];
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
  const p60s = options.p60s ?? p60SummaryFixtures;
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
    http.get('*/v1/me/payslips/:payslipId/pdf', async ({ params, request }) => {
      const failure = await guard();
      if (failure) return failure;
      const found = scenario === 'empty' ? undefined : details.get(String(params['payslipId']));
      if (!found) return problem(404, 'not_found', 'Not found', `Payslip ${String(params['payslipId'])} was not found.`);
      const lang = new URL(request.url).searchParams.get('lang') ?? 'en';
      return pdf(`payslip-${found.payDate}.pdf`, `Payslip ${found.id} (${lang})`);
    }),
    http.get('*/v1/me/p60s', async () => {
      const failure = await guard();
      if (failure) return failure;
      return HttpResponse.json({ data: scenario === 'empty' ? [] : p60s, hasMore: false, nextCursor: null });
    }),
    http.get('*/v1/me/p60s/:taxYear/pdf', async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const year = String(params['taxYear']);
      if (scenario === 'empty' || !p60s.some((p) => p.taxYear === year)) return problem(404, 'not_found', 'Not found', `A P60 for ${year} was not found.`);
      return pdf(`p60-${year}.pdf`, `P60 ${year}`);
    }),
    // The calculator is stateless on the server; here it answers the fixture payslip's period (recorded
    // from the real engine) and refuses anything else, as the real engine would answer differently.
    http.post('*/v1/payroll/calculate', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const body = (await request.json()) as PayrollCalculationRequest;
      const c = payslipCalculationFixture;
      const same = body.taxYear === c.taxYear && body.period === c.period && body.grossPayPence === c.grossPayPence && body.taxCode === c.taxCode;
      return same ? HttpResponse.json(c) : problem(422, 'validation_failed', 'Not in the mock', 'The mock calculator only knows the fixture payslip\'s period.');
    }),
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

/** A tiny valid PDF with the server's Content-Disposition, for download tests. */
function pdf(filename: string, title: string): Response {
  const body = `%PDF-1.4\n% ${title}\n%%EOF\n`;
  return new HttpResponse(body, {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${filename}"`, 'Access-Control-Expose-Headers': 'Content-Disposition' },
  });
}
