// Test and Storybook helper (not shipped): msw handlers that behave like the reference server's leave
// routes for one person, statefully: balances, requests (create reserves, cancel restores), and the
// absence calendar used for the live count (a 37.5-hour week, Monday to Friday, England and Wales
// bank holidays for 2026–2027).
import { HttpResponse, delay, http } from 'msw';
import type { AbsenceCalendar, LeaveBalances, LeaveRequest, NewLeaveRequest } from '@esr/sdk';
import { problem } from '@esr/sdk/testing';

export type LeaveScenario = 'data' | 'empty' | 'error' | 'unauthorised' | 'slow' | 'offline';

export interface LeaveHandlerOptions {
  scenario?: LeaveScenario;
  /** Minutes of annual leave left at the start (default 150 h). */
  availableMinutes?: number;
  /** The server refuses every new request with this problem (e.g. 422 insufficient_balance). */
  refuseCreate?: { status: number; code: string; detail: string; errors?: Array<{ path: string; message: string; code: string }> };
}

const BANK_HOLIDAYS: Record<string, string> = {
  '2026-12-25': 'Christmas Day',
  '2026-12-28': 'Boxing Day (substitute day)',
  '2027-01-01': 'New Year’s Day',
  '2027-03-26': 'Good Friday',
  '2027-03-29': 'Easter Monday',
  '2027-05-03': 'Early May bank holiday',
  '2027-05-31': 'Spring bank holiday',
  '2027-08-30': 'Summer bank holiday',
};

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function seededLeaveRequests(): LeaveRequest[] {
  const base = {
    employeeId: 'emp_0000000042',
    leaveYearStart: '2026-04-01',
    reason: null,
    createdAt: '2026-10-01T09:00:00.000Z',
    submittedAt: '2026-10-01T09:00:00.000Z',
    cancelledAt: null,
    half: null,
  } as const;
  return [
    { ...base, id: 'lvr_000000000003', type: 'annual', status: 'pending', startDate: '2027-02-15', endDate: '2027-02-19', unit: 'days', minutes: 2250, approvalRequestId: 'apr_000000000003', version: 1, decidedAt: null },
    { ...base, id: 'lvr_000000000002', type: 'study', status: 'approved', startDate: '2026-12-07', endDate: '2026-12-07', unit: 'days', minutes: 450, approvalRequestId: 'apr_000000000002', version: 2, decidedAt: '2026-10-02T09:00:00.000Z' },
    { ...base, id: 'lvr_000000000001', type: 'annual', status: 'approved', startDate: '2026-08-10', endDate: '2026-08-14', unit: 'days', minutes: 2250, approvalRequestId: 'apr_000000000001', version: 2, decidedAt: '2026-07-02T09:00:00.000Z' },
  ];
}

export function createLeaveHandlers(options: LeaveHandlerOptions = {}) {
  const scenario = options.scenario ?? 'data';
  let requests: LeaveRequest[] = scenario === 'empty' ? [] : seededLeaveRequests();
  let available = options.availableMinutes ?? 9000;
  let pending = requests.filter((r) => r.status === 'pending').reduce((s, r) => s + r.minutes, 0);
  let next = 10;

  const guard = async (): Promise<Response | undefined> => {
    if (scenario === 'slow') await delay('infinite');
    if (scenario === 'offline') return HttpResponse.error();
    if (scenario === 'unauthorised') return problem(401, 'unauthenticated', 'You are not signed in', 'The bearer token is invalid or has expired: sign in again.');
    if (scenario === 'error') return problem(500, 'internal_error', 'Something went wrong on our side', 'The error has been logged; quote the request id.');
    return undefined;
  };

  const minutesOn = (ms: number) => {
    const weekday = new Date(ms).getUTCDay();
    return weekday === 0 || weekday === 6 ? 0 : 450;
  };

  const count = (r: NewLeaveRequest & { endDate: string }) => {
    let total = 0;
    for (let d = Date.parse(r.startDate); d <= Date.parse(r.endDate); d += DAY) {
      let m = BANK_HOLIDAYS[iso(d)] ? 0 : minutesOn(d);
      if (r.unit === 'half_day') m = Math.ceil(m / 2);
      if (r.unit === 'hours' && m > 0) m = r.minutes ?? 0;
      total += m;
    }
    return total;
  };

  const balances = (): LeaveBalances => {
    const leaveYear = { start: '2026-04-01', end: '2027-03-31' };
    return {
      employeeId: 'emp_0000000042',
      leaveYear,
      balances: [
        { kind: 'annual', leaveYear, entitlementMinutes: 12150, carriedOverMinutes: 0, adjustmentMinutes: 0, pendingMinutes: pending, approvedMinutes: 12150 - available - pending, availableMinutes: available },
        { kind: 'toil', leaveYear, entitlementMinutes: 0, carriedOverMinutes: 0, adjustmentMinutes: 450, pendingMinutes: 0, approvedMinutes: 0, availableMinutes: 450 },
      ],
    };
  };

  return [
    http.get('*/v1/people/:employeeId/leave-balances', async () => (await guard()) ?? HttpResponse.json(balances())),

    http.get('*/v1/people/:employeeId/leave-requests', async () => {
      const failure = await guard();
      if (failure) return failure;
      return HttpResponse.json({ data: requests, hasMore: false, nextCursor: null });
    }),

    http.get('*/v1/people/:employeeId/absence-calendar', async ({ request, params }) => {
      const failure = await guard();
      if (failure) return failure;
      const url = new URL(request.url);
      const from = Date.parse(url.searchParams.get('from') ?? '');
      const to = Date.parse(url.searchParams.get('to') ?? '');
      const days: AbsenceCalendar['days'] = [];
      for (let d = from; d <= to; d += DAY) {
        days.push({ date: iso(d), scheduledMinutes: minutesOn(d), bankHoliday: BANK_HOLIDAYS[iso(d)] ?? null, leave: [], sickness: null });
      }
      return HttpResponse.json({ employeeId: String(params['employeeId']), from: iso(from), to: iso(to), days } satisfies AbsenceCalendar);
    }),

    http.post('*/v1/people/:employeeId/leave-requests', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const refuse = options.refuseCreate;
      if (refuse) {
        const body = { type: `urn:esr:problem:${refuse.code}`, title: 'Request refused', status: refuse.status, detail: refuse.detail, code: refuse.code, requestId: 'req_mock0000000001', ...(refuse.errors ? { errors: refuse.errors } : {}) };
        return HttpResponse.json(body, { status: refuse.status, headers: { 'Content-Type': 'application/problem+json' } });
      }
      const body = (await request.json()) as NewLeaveRequest;
      const endDate = body.endDate ?? body.startDate;
      const minutes = count({ ...body, endDate });
      const kind = body.type === 'annual';
      if (kind && minutes > available) {
        return HttpResponse.json(
          { type: 'urn:esr:problem:insufficient_balance', title: 'Not enough leave', status: 422, code: 'insufficient_balance', detail: `This request needs ${minutes / 60} hours but only ${available / 60} hours are left.`, requestId: 'req_mock0000000002' },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }
      if (kind) {
        available -= minutes;
        pending += minutes;
      }
      const created: LeaveRequest = {
        id: `lvr_0000000000${next++}`,
        employeeId: 'emp_0000000042',
        type: body.type,
        status: body.submit === false ? 'draft' : 'pending',
        startDate: body.startDate,
        endDate,
        unit: body.unit ?? 'days',
        half: body.half ?? null,
        minutes,
        leaveYearStart: '2026-04-01',
        reason: body.reason ?? null,
        approvalRequestId: 'apr_000000000099',
        version: 1,
        createdAt: new Date().toISOString(),
        submittedAt: new Date().toISOString(),
        decidedAt: null,
        cancelledAt: null,
      };
      requests = [created, ...requests];
      return HttpResponse.json(created, { status: 201, headers: { ETag: '"v1"' } });
    }),

    http.post('*/v1/people/:employeeId/leave-requests/:id/cancel', async ({ params, request }) => {
      const failure = await guard();
      if (failure) return failure;
      const found = requests.find((r) => r.id === params['id']);
      if (!found) return problem(404, 'not_found', 'Not found', 'No such leave request.');
      if (request.headers.get('if-match') !== `"v${found.version}"`) {
        return HttpResponse.json({ type: 'urn:esr:problem:precondition_failed', title: 'The record has changed', status: 412, code: 'precondition_failed', detail: 'Read it again.' }, { status: 412, headers: { 'Content-Type': 'application/problem+json' } });
      }
      if (found.type === 'annual' && found.status === 'pending') {
        pending -= found.minutes;
        available += found.minutes;
      } else if (found.type === 'annual' && found.status === 'approved') {
        available += found.minutes;
      }
      const cancelled: LeaveRequest = { ...found, status: 'cancelled', version: found.version + 1, cancelledAt: new Date().toISOString() };
      requests = requests.map((r) => (r.id === found.id ? cancelled : r));
      return HttpResponse.json(cancelled, { headers: { ETag: `"v${cancelled.version}"` } });
    }),
  ];
}
