// Leave over HTTP on PGlite, or PostgreSQL with DATABASE_URL: entitlement and balances, request
// validation (problem+json), the state machine with decisions in the Approvals inbox, cancellation
// restoring the balance, no overdraw under 10 concurrent requests, calendars and who may do what.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { engine, readProblem } from './helpers/harness.ts';
import { leaveFixture } from './helpers/leave-fixture.ts';
import type { LeaveFixture, Who } from './helpers/leave-fixture.ts';
import { addDaysIso, isoOf, todayDay } from '../src/domain/calendars/dates.ts';

describe(`leave on ${engine}`, () => {
  let f: LeaveFixture;
  const today = isoOf(todayDay());
  const me = (path = '') => `/v1/people/me${path}`;
  let self: string;

  before(async () => {
    f = await leaveFixture();
    self = f.ids.self;
  });
  after(() => f.h.close());

  const balance = async (who: Who = 'self', employee = self) => {
    const res = await f.call(who, 'GET', `/v1/people/${employee}/leave-balances`);
    assert.equal(res.status, 200);
    return (await res.json()).balances.find((b: { kind: string }) => b.kind === 'annual');
  };
  const request = (body: Record<string, unknown>, who: Who = 'self', headers: Record<string, string> = {}) => f.call(who, 'POST', me('/leave-requests'), { type: 'annual', ...body }, headers);
  const approvalEtag = async (who: Who, id: string) => (await f.call(who, 'GET', `/v1/approvals/${id}`)).headers.get('etag')!;
  const decide = async (who: Who, id: string, body: Record<string, unknown>) =>
    f.call(who, 'POST', `/v1/approvals/${id}/decision`, body, { 'if-match': await approvalEtag(who, id) });
  const getLeave = async (id: string, who: Who = 'self') => f.call(who, 'GET', `/v1/people/${self}/leave-requests/${id}`);

  test('entitlement and balance in minutes, for self, line managers and HR only', async () => {
    const res = await f.call('self', 'GET', me('/leave-entitlement?on=2026-11-25'));
    assert.equal(res.status, 200);
    const e = await res.json();
    assert.deepEqual(e.leaveYear, { start: '2026-04-01', end: '2027-03-31' });
    assert.equal(e.bankHolidays.length, 10); // Easter twice in 2026-27
    assert.ok([27, 29, 33].includes(e.rates[0].annualLeaveDays));
    assert.equal(e.workingPattern, 'standard');
    const b = await balance();
    assert.equal(b.entitlementMinutes, e.bookableMinutes);
    assert.equal(b.availableMinutes, b.entitlementMinutes);
    for (const who of ['manager', 'senior', 'hr'] as const) assert.equal((await f.call(who, 'GET', `/v1/people/${self}/leave-balances`)).status, 200, who);
    assert.equal((await f.call('peer', 'GET', `/v1/people/${self}/leave-balances`)).status, 404);
    assert.equal((await f.call('outOfLine', 'GET', `/v1/people/${self}/leave-entitlement`)).status, 404);
    assert.equal((await f.call('payroll', 'GET', `/v1/people/${self}/leave-requests`)).status, 404);
    assert.equal((await f.call('hrOther', 'GET', `/v1/people/${self}/leave-balances`)).status, 404);
  });

  test('validation: clear problem+json with codes and field paths', async () => {
    const [d1] = f.workingDays(addDaysIso(today, 40), 1);
    const cases: Array<[Record<string, unknown>, number, string, string?]> = [
      [{ startDate: d1, endDate: addDaysIso(d1!, -1) }, 400, 'validation_failed', 'json.endDate'],
      [{ startDate: d1, unit: 'half_day' }, 400, 'validation_failed', 'json.half'],
      [{ startDate: d1, unit: 'hours' }, 400, 'validation_failed', 'json.minutes'],
      [{ startDate: d1, colour: 'blue' }, 400, 'validation_failed', 'json.colour'],
      [{ startDate: d1, type: 'holiday' }, 400, 'validation_failed', 'json.type'],
      [{ startDate: addDaysIso(today, -3) }, 422, 'leave_in_past', 'json.startDate'],
      [{ startDate: f.workingDays(addDaysIso(today, 1), 1)[0], endDate: f.workingDays(addDaysIso(today, 1), 5)[4] }, 422, 'insufficient_notice', 'json.startDate'],
      [{ startDate: '2027-03-29', endDate: '2027-04-09' }, 422, 'spans_leave_years', 'json.endDate'],
      [{ startDate: '2027-01-02', endDate: '2027-01-03' }, 422, 'no_working_time'], // a weekend
      [{ startDate: '2026-12-25', endDate: '2026-12-25' }, 422, 'no_working_time'], // a bank holiday, granted already
      [{ startDate: d1, unit: 'hours', minutes: 600 }, 422, 'hours_exceed_day', 'json.minutes'],
      [{ startDate: '2027-04-01', endDate: '2027-05-31' }, 422, 'insufficient_balance'], // 41 working days in the next leave year
    ];
    for (const [body, status, code, path] of cases) {
      const res = await request(body);
      assert.equal(res.status, status, `${JSON.stringify(body)} → ${status}`);
      const problem = await readProblem(res);
      assert.equal(problem['code'], code, JSON.stringify(problem));
      if (path) assert.ok(problem.errors?.some((e) => e.path === path), `${code} names ${path}: ${JSON.stringify(problem.errors)}`);
    }
    // Nothing was written by any of them.
    const b = await balance();
    assert.equal(b.pendingMinutes, 0);
  });

  test('a request counts working hours, excludes bank holidays and reserves the balance; the manager approves in the inbox', async () => {
    const before = await balance();
    // Christmas week 2026: Mon 21 – Fri 1 Jan spans 25 Dec, 28 Dec and 1 Jan (bank holidays): 7 working days.
    const res = await request({ startDate: '2026-12-21', endDate: '2027-01-01', reason: 'Family' }, 'self', { 'idempotency-key': 'xmas-1' });
    assert.equal(res.status, 201);
    assert.match(res.headers.get('etag')!, /^"v\d+"$/);
    const lr = await res.json();
    assert.equal(lr.status, 'pending');
    assert.equal(lr.minutes, 7 * 450);
    assert.match(lr.id, /^lvr_/);
    // Replay returns the first response, not a second request.
    const replay = await request({ startDate: '2026-12-21', endDate: '2027-01-01', reason: 'Family' }, 'self', { 'idempotency-key': 'xmas-1' });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal((await replay.json()).id, lr.id);
    let b = await balance();
    assert.equal(b.pendingMinutes, before.pendingMinutes + 3150);
    assert.equal(b.availableMinutes, before.availableMinutes - 3150);

    // Overlap with the pending request.
    const clash = await request({ startDate: '2026-12-22' });
    assert.equal(clash.status, 422);
    assert.equal((await readProblem(clash))['code'], 'overlapping_request');

    // In the manager's inbox, with context; the peer cannot decide it.
    const item = await (await f.call('manager', 'GET', `/v1/approvals/${lr.approvalRequestId}`)).json();
    assert.equal(item.type, 'leave.request');
    assert.match(item.summary, /Annual leave 2026-12-21 to 2027-01-01 \(52 h 30 min\)/);
    assert.equal(item.context.balance.kind, 'annual');
    assert.equal((await f.call('peer', 'GET', `/v1/approvals/${lr.approvalRequestId}`)).status, 404);
    assert.equal((await decide('manager', lr.approvalRequestId, { action: 'approve' })).status, 200);

    const approved = await (await getLeave(lr.id)).json();
    assert.equal(approved.status, 'approved');
    b = await balance();
    assert.equal(b.approvedMinutes, before.approvedMinutes + 3150);
    assert.equal(b.pendingMinutes, before.pendingMinutes);

    // Cancel after approval restores the balance (If-Match required).
    const noMatch = await f.call('self', 'POST', me(`/leave-requests/${lr.id}/cancel`));
    assert.equal(noMatch.status, 428);
    const stale = await f.call('self', 'POST', me(`/leave-requests/${lr.id}/cancel`), undefined, { 'if-match': '"v1"' });
    assert.equal(stale.status, 412);
    const cancel = await f.call('self', 'POST', me(`/leave-requests/${lr.id}/cancel`), undefined, { 'if-match': `"v${approved.version}"` });
    assert.equal(cancel.status, 200);
    assert.equal((await cancel.json()).status, 'cancelled');
    b = await balance();
    assert.equal(b.availableMinutes, before.availableMinutes);
    assert.equal(b.approvedMinutes, before.approvedMinutes);
    // Cancelled is final.
    const again = await f.call('self', 'POST', me(`/leave-requests/${lr.id}/cancel`), undefined, { 'if-match': `"v${approved.version + 1}"` });
    assert.equal(again.status, 409);
    assert.equal((await readProblem(again))['code'], 'invalid_transition');
  });

  test('draft → submit → reject releases; pending → cancel withdraws from the inbox', async () => {
    const before = await balance();
    const [a, b2] = f.workingDays('2027-02-01', 2);
    const draft = await (await request({ startDate: a, unit: 'half_day', half: 'pm', submit: false })).json();
    assert.equal(draft.status, 'draft');
    assert.equal(draft.minutes, 225);
    assert.equal((await balance()).pendingMinutes, before.pendingMinutes); // drafts reserve nothing
    const submitted = await f.call('self', 'POST', me(`/leave-requests/${draft.id}/submit`), undefined, { 'if-match': `"v${draft.version}"` });
    assert.equal(submitted.status, 200);
    const pending = await submitted.json();
    assert.equal(pending.status, 'pending');
    assert.equal((await balance()).pendingMinutes, before.pendingMinutes + 225);
    const rejected = await decide('manager', pending.approvalRequestId, { action: 'reject', reason: 'Ward short-staffed' });
    assert.equal(rejected.status, 200);
    assert.equal((await (await getLeave(draft.id)).json()).status, 'rejected');
    assert.equal((await balance()).availableMinutes, before.availableMinutes);
    // A rejected request cannot be resubmitted or cancelled.
    const v = (await (await getLeave(draft.id)).json()).version;
    assert.equal((await f.call('self', 'POST', me(`/leave-requests/${draft.id}/submit`), undefined, { 'if-match': `"v${v}"` })).status, 409);

    const p2 = await (await request({ startDate: b2 })).json();
    assert.equal(p2.status, 'pending');
    const cancelled = await f.call('self', 'POST', me(`/leave-requests/${p2.id}/cancel`), undefined, { 'if-match': `"v${p2.version}"` });
    assert.equal(cancelled.status, 200);
    assert.equal((await cancelled.json()).status, 'cancelled');
    const inbox = await (await f.call('manager', 'GET', `/v1/approvals/${p2.approvalRequestId}`)).json();
    assert.equal(inbox.status, 'withdrawn');
    // Deciding a withdrawn item fails: decisions happen once.
    const late = await f.call('manager', 'POST', `/v1/approvals/${p2.approvalRequestId}/decision`, { action: 'approve' }, { 'if-match': `"v${inbox.version}"` });
    assert.equal(late.status, 409);
    assert.equal((await balance()).availableMinutes, before.availableMinutes);
  });

  test('study, special and compassionate leave draw on no balance; TOIL needs TOIL credited', async () => {
    const before = await balance();
    const [d] = f.workingDays('2027-02-15', 1);
    const study = await (await request({ type: 'study', startDate: d })).json();
    assert.equal(study.status, 'pending');
    assert.equal((await balance()).availableMinutes, before.availableMinutes);
    const [t] = f.workingDays('2027-02-22', 1);
    const noToil = await request({ type: 'toil', startDate: t, unit: 'hours', minutes: 240 });
    assert.equal(noToil.status, 422);
    assert.equal((await readProblem(noToil))['code'], 'insufficient_balance');
    // The employee cannot credit themselves; the line manager can.
    assert.equal((await f.call('self', 'POST', me('/leave-adjustments'), { kind: 'toil', minutes: 450, reason: 'Worked Christmas Day' })).status, 403);
    const credit = await f.call('manager', 'POST', `/v1/people/${self}/leave-adjustments`, { kind: 'toil', minutes: 450, reason: 'Worked Christmas Day' });
    assert.equal(credit.status, 201);
    assert.equal((await credit.json()).availableMinutes, 450);
    // …but only HR corrects annual leave.
    assert.equal((await f.call('manager', 'POST', `/v1/people/${self}/leave-adjustments`, { kind: 'annual', minutes: 450, reason: 'x' })).status, 403);
    const toil = await request({ type: 'toil', startDate: t, unit: 'hours', minutes: 240 });
    assert.equal(toil.status, 201);
  });

  test('authorisation: only the person requests their own leave; managers and HR read it', async () => {
    const [d] = f.workingDays('2027-03-01', 1);
    assert.equal((await f.call('manager', 'POST', `/v1/people/${self}/leave-requests`, { type: 'annual', startDate: d })).status, 403);
    assert.equal((await f.call('hr', 'POST', `/v1/people/${self}/leave-requests`, { type: 'annual', startDate: d })).status, 403);
    assert.equal((await f.call('peer', 'POST', `/v1/people/${self}/leave-requests`, { type: 'annual', startDate: d })).status, 404);
    const list = await f.call('manager', 'GET', `/v1/people/${self}/leave-requests?status=pending,approved,rejected,cancelled&limit=2`);
    assert.equal(list.status, 200);
    const page = await list.json();
    assert.equal(page.data.length, 2);
    assert.equal(page.hasMore, true);
    const next = await (await f.call('manager', 'GET', `/v1/people/${self}/leave-requests?status=pending,approved,rejected,cancelled&limit=2&cursor=${page.nextCursor}`)).json();
    assert.ok(next.data.every((r: { id: string }) => !page.data.some((p: { id: string }) => p.id === r.id)));
  });

  test('working patterns: HR records a part-time pattern; requests count its hours', async () => {
    const [row] = await f.q<{ minutes: number }>(sql`SELECT contracted_minutes_per_week AS minutes FROM assignments WHERE employee_id = ${f.ids.peer}`);
    const days = [0, 0, 0, 0, 0, 0, 0];
    // Long days Mon–Wed (the contract spread over three days, any remainder on Monday).
    const per = Math.floor(row!.minutes / 3);
    days[0] = row!.minutes - 2 * per; days[1] = per; days[2] = per;
    const bad = await f.call('hr', 'PUT', `/v1/people/${f.ids.peer}/working-pattern`, { effectiveFrom: '2026-04-01', cycleStart: '2026-03-31', minutesByDay: days });
    assert.equal(bad.status, 422);
    assert.ok((await readProblem(bad)).errors!.some((e) => e.code === 'not_a_monday'));
    assert.equal((await f.call('manager', 'PUT', `/v1/people/${f.ids.peer}/working-pattern`, { effectiveFrom: '2026-04-01', cycleStart: '2026-03-30', minutesByDay: days })).status, 403);
    const ok = await f.call('hr', 'PUT', `/v1/people/${f.ids.peer}/working-pattern`, { effectiveFrom: '2026-04-01', cycleStart: '2026-03-30', minutesByDay: days });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).standard, false);
    // A Thursday is not a working day for the peer any more.
    const thu = await f.call('peer', 'POST', '/v1/people/me/leave-requests', { type: 'annual', startDate: '2027-03-04' });
    assert.equal(thu.status, 422);
    assert.equal((await readProblem(thu))['code'], 'no_working_time');
    const week = await f.call('peer', 'POST', '/v1/people/me/leave-requests', { type: 'annual', startDate: '2027-03-01', endDate: '2027-03-07' });
    assert.equal(week.status, 201);
    assert.equal((await week.json()).minutes, row!.minutes);
  });

  test('team calendar: the manager sees who is off and why (never a sickness reason); colleagues see only “absent”', async () => {
    const res = await f.call('manager', 'GET', '/v1/me/team-calendar?from=2027-02-01&to=2027-03-31');
    assert.equal(res.status, 200);
    const cal = await res.json();
    assert.equal(cal.view, 'manager');
    const mine = cal.people.find((p: { employeeId: string }) => p.employeeId === self);
    assert.ok(mine.absences.some((a: { kind: string }) => a.kind === 'study'));
    const peerView = await (await f.call('peer', 'GET', '/v1/me/team-calendar?from=2027-02-01&to=2027-03-31')).json();
    assert.equal(peerView.view, 'colleague');
    const seen = peerView.people.find((p: { employeeId: string }) => p.employeeId === self);
    assert.ok(seen, 'colleague listed');
    assert.ok(seen.absences.every((a: { kind: string; status: null }) => a.kind === 'absent' && a.status === null));
    assert.equal((await f.call('manager', 'GET', '/v1/me/team-calendar?from=2027-01-01&to=2027-12-31')).status, 400);
    // Own calendar, day by day.
    const own = await (await f.call('self', 'GET', me('/absence-calendar?from=2026-12-24&to=2026-12-29'))).json();
    assert.deepEqual(own.days.map((d: { bankHoliday: string | null }) => d.bankHoliday !== null), [false, true, false, false, true, false]);
    assert.equal((await f.call('peer', 'GET', `/v1/people/${self}/absence-calendar?from=2026-12-01&to=2026-12-31`)).status, 404);
  });

  test('bank holidays endpoint', async () => {
    const res = await f.call('peer', 'GET', '/v1/calendars/bank-holidays?division=scotland&year=2026');
    assert.equal(res.status, 200);
    assert.equal((await res.json()).holidays.length, 9);
    assert.equal((await f.h.app.request('/v1/calendars/bank-holidays?year=2026')).status, 401); // signed-in callers only
  });

  test('concurrency: 10 parallel one-day requests on a 5-day balance → exactly 5 pending, 5 approved, never negative', async () => {
    const who = f.ids.peer;
    // Bring the peer's available annual leave to exactly 5 of their working days (Mon–Wed pattern now).
    const b0 = await balance('hr', who);
    const days = f.workingDays('2027-01-11', 40).filter((d) => [1, 2, 3].includes(new Date(`${d}T00:00:00Z`).getUTCDay())).slice(0, 10);
    const [pat] = await f.q<{ m: number[] }>(sql`SELECT minutes_by_day AS m FROM working_patterns WHERE employee_id = ${who}`);
    const minutesOf = (d: string) => pat!.m[(new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7]!;
    // Use Tuesdays and Wednesdays only (equal length) for an exact 5-day figure.
    const equal = days.filter((d) => minutesOf(d) === minutesOf(days.find((x) => new Date(`${x}T00:00:00Z`).getUTCDay() === 2)!));
    const ten = f.workingDays('2027-01-11', 80).filter((d) => [2, 3].includes(new Date(`${d}T00:00:00Z`).getUTCDay())).slice(0, 10);
    const perDay = minutesOf(ten[0]!);
    void equal;
    const target = 5 * perDay;
    const adjust = target - b0.availableMinutes;
    const adj = await f.call('hr', 'POST', `/v1/people/${who}/leave-adjustments`, { kind: 'annual', minutes: adjust, reason: 'Test: 5 days left' });
    assert.equal(adj.status, 201, JSON.stringify(await adj.clone().json()));
    assert.equal((await adj.json()).availableMinutes, target);

    const results = await Promise.all(ten.map((d) => f.call('peer', 'POST', '/v1/people/me/leave-requests', { type: 'annual', startDate: d })));
    const statuses = results.map((r) => r.status).sort();
    const created = await Promise.all(results.filter((r) => r.status === 201).map((r) => r.json()));
    assert.equal(created.length, 5, `statuses ${statuses.join(',')}`);
    for (const r of results.filter((x) => x.status !== 201)) assert.equal((await readProblem(r))['code'], 'insufficient_balance');
    const mid = await balance('hr', who);
    assert.equal(mid.availableMinutes, 0);
    // The peer's manager approves them all, in parallel too.
    const decisions = await Promise.all(created.map(async (c) => decide('manager', c.approvalRequestId, { action: 'approve' })));
    assert.deepEqual(decisions.map((d) => d.status), [200, 200, 200, 200, 200]);
    const [counts] = await f.q<{ approved: number | string }>(sql`SELECT count(*) AS approved FROM leave_requests WHERE employee_id = ${who} AND status = 'approved' AND start_date >= '2027-01-11' AND start_date < '2027-03-01'`);
    assert.equal(Number(counts!.approved), 5);
    const end = await balance('hr', who);
    assert.equal(end.availableMinutes, 0);
    assert.equal(end.approvedMinutes - b0.approvedMinutes, target);
  });
});
