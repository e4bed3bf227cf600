import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse, http } from 'msw';
import { ConflictError, PreconditionError } from '../src/index.ts';
import type { LeaveRequest, SicknessEpisode } from '../src/index.ts';
import { baseUrl, pathOf, rejection, testClient, useMockServer } from './helpers.ts';

const { server, seen } = useMockServer();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const problem = (status: number, code: string) =>
  HttpResponse.json({ type: `urn:esr:problem:${code}`, title: code, status, code, detail: code }, { status, headers: { 'Content-Type': 'application/problem+json' } });

const leaveRequest = (version: number, status: LeaveRequest['status'] = 'pending'): LeaveRequest => ({
  id: 'lvr_1', employeeId: 'emp_1', type: 'annual', status, startDate: '2026-12-14', endDate: '2026-12-14', unit: 'days', half: null,
  minutes: 450, leaveYearStart: '2026-04-01', reason: null, approvalRequestId: 'apr_1', version,
  createdAt: '2026-11-25T10:00:00.000Z', submittedAt: '2026-11-25T10:00:00.000Z', decidedAt: null, cancelledAt: null,
});
const episode = (version: number, endDate: string | null = null): SicknessEpisode => ({
  id: 'sck_1', employeeId: 'emp_1', startDate: '2026-11-20', endDate, open: endDate === null,
  reason: { level1: 'S13', level1Name: 'Cold, cough, flu', level2: null, level2Name: null }, returnToWork: null, recordedBy: 'emp_2', version,
});

describe('leave requests', () => {
  test('create sends an Idempotency-Key (a UUID) and reuses it on a retry; the ETag is remembered for cancel', async () => {
    let attempts = 0;
    server.use(
      http.post(`${baseUrl}/v1/people/me/leave-requests`, () =>
        ++attempts === 1 ? problem(503, 'unavailable') : HttpResponse.json(leaveRequest(1), { status: 201, headers: { ETag: '"v1"' } })),
      http.post(`${baseUrl}/v1/people/me/leave-requests/lvr_1/cancel`, () => HttpResponse.json(leaveRequest(2, 'cancelled'), { headers: { ETag: '"v2"' } })),
    );
    const esr = testClient({ retry: 1 });
    const created = await esr.leave.requests.create('me', { type: 'annual', startDate: '2026-12-14' });
    assert.equal(created.status, 'pending');
    assert.equal(esr.etagOf(created), '"v1"');
    const [first, second] = seen;
    assert.match(first!.headers.get('idempotency-key') ?? '', uuid);
    assert.equal(second!.headers.get('idempotency-key'), first!.headers.get('idempotency-key'), 'the same key on the retry');
    assert.deepEqual(await first!.json(), { type: 'annual', startDate: '2026-12-14' });

    const cancelled = await esr.leave.requests.cancel('me', created.id);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(esr.etagOf(cancelled), '"v2"');
  });

  test('cancel sends If-Match and nothing extra: no body, no Idempotency-Key', async () => {
    server.use(
      http.get(`${baseUrl}/v1/people/emp_1/leave-requests/lvr_1`, () => HttpResponse.json(leaveRequest(3), { headers: { ETag: '"v3"' } })),
      http.post(`${baseUrl}/v1/people/emp_1/leave-requests/lvr_1/cancel`, () => HttpResponse.json(leaveRequest(4, 'cancelled'), { headers: { ETag: '"v4"' } })),
    );
    const esr = testClient();
    await esr.leave.requests.get('emp_1', 'lvr_1');
    await esr.leave.requests.cancel('emp_1', 'lvr_1');
    const cancel = seen[1]!;
    assert.equal(`${cancel.method} ${pathOf(cancel)}`, 'POST /v1/people/emp_1/leave-requests/lvr_1/cancel');
    assert.equal(cancel.headers.get('if-match'), '"v3"');
    assert.equal(cancel.headers.get('idempotency-key'), null);
    assert.equal(cancel.headers.get('content-type'), null);
    assert.equal(await cancel.text(), '');
  });

  test('a 409 (a request no longer in a state to cancel, or the balance moved) is a ConflictError, not retried', async () => {
    server.use(http.post(`${baseUrl}/v1/people/me/leave-requests/lvr_1/cancel`, () => problem(409, 'invalid_transition')));
    const esr = testClient({ retry: 2 });
    const error = await rejection(esr.leave.requests.cancel('me', 'lvr_1', { ifMatch: '"v1"' }));
    assert.ok(error instanceof ConflictError);
    assert.equal(error.status, 409);
    assert.equal(error.code, 'invalid_transition');
    assert.equal(seen.length, 1);
  });

  test('list joins several statuses with commas and pages on', async () => {
    server.use(http.get(`${baseUrl}/v1/people/me/leave-requests`, ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return HttpResponse.json(cursor ? { data: [leaveRequest(1, 'approved')], hasMore: false, nextCursor: null } : { data: [leaveRequest(1)], hasMore: true, nextCursor: 'c2' });
    }));
    const page = await testClient().leave.requests.list('me', { status: ['pending', 'approved'], limit: 1 });
    assert.deepEqual((await page.toArray()).map((r) => r.status), ['pending', 'approved']);
    assert.equal(pathOf(seen[0]!), '/v1/people/me/leave-requests?status=pending%2Capproved&limit=1');
  });
});

describe('sickness episodes', () => {
  test('update is a PATCH with the If-Match of the last read; a stale one is a PreconditionError', async () => {
    let version = 1;
    server.use(
      http.get(`${baseUrl}/v1/people/emp_1/sickness-episodes/sck_1`, () => HttpResponse.json(episode(version), { headers: { ETag: `"v${version}"` } })),
      http.patch(`${baseUrl}/v1/people/emp_1/sickness-episodes/sck_1`, ({ request }) => {
        if (request.headers.get('if-match') !== `"v${version}"`) return problem(412, 'precondition_failed');
        version += 1;
        return HttpResponse.json(episode(version, '2026-11-24'), { headers: { ETag: `"v${version}"` } });
      }),
    );
    const esr = testClient();
    await esr.absence.sickness.get('emp_1', 'sck_1');
    const closed = await esr.absence.sickness.update('emp_1', 'sck_1', { endDate: '2026-11-24' });
    assert.equal(closed.open, false);
    assert.equal(esr.etagOf(closed), '"v2"');
    assert.equal(seen[1]!.headers.get('if-match'), '"v1"');
    const stale = await rejection(esr.absence.sickness.update('emp_1', 'sck_1', { reasonLevel1: 'S12' }, { ifMatch: '"v1"' }));
    assert.ok(stale instanceof PreconditionError);
  });
});

describe('calendars', () => {
  test('bank holidays and the team calendar send their query', async () => {
    server.use(
      http.get(`${baseUrl}/v1/calendars/bank-holidays`, () => HttpResponse.json({ division: 'scotland', year: 2026, holidays: [] })),
      http.get(`${baseUrl}/v1/me/team-calendar`, () => HttpResponse.json({ from: '2026-12-01', to: '2026-12-07', people: [], days: [] })),
    );
    const esr = testClient();
    assert.equal((await esr.calendars.bankHolidays({ year: 2026, division: 'scotland' })).division, 'scotland');
    await esr.me.teamCalendar({ from: '2026-12-01', to: '2026-12-07' });
    assert.deepEqual(seen.map(pathOf), ['/v1/calendars/bank-holidays?year=2026&division=scotland', '/v1/me/team-calendar?from=2026-12-01&to=2026-12-07']);
  });
});
