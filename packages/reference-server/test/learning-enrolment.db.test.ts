// Enrolment over HTTP on PGlite, or PostgreSQL with DATABASE_URL: places and waiting lists, promotion
// in order, booking and cancellation deadlines, approval-required courses through the Approvals inbox,
// attendance and completion, capacity and duplicates under concurrency, and who may do what.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { engine, readProblem } from './helpers/harness.ts';
import { learningFixture } from './helpers/learning-fixture.ts';
import type { LearningFixture, LearningWho } from './helpers/learning-fixture.ts';

describe(`learning enrolment on ${engine}`, () => {
  let f: LearningFixture;
  /** Leaf employees of org_00 without admin roles (learners to fill sessions with). */
  let learners: string[];

  before(async () => {
    f = await learningFixture();
    learners = (await f.q<{ id: string }>(sql`
      SELECT e.id FROM employees e WHERE e.organisation_id = 'org_00' AND cardinality(e.roles) = 0
         AND EXISTS (SELECT 1 FROM assignments a WHERE a.employee_id = e.id AND (a.end_date IS NULL OR a.end_date >= CURRENT_DATE))
       ORDER BY e.id`)).map((r) => r.id);
  });
  after(() => f.h.close());

  const enrolAs = (who: LearningWho, body: Record<string, unknown>) => f.call(who, 'POST', '/v1/enrolments', body);
  /** Learning admins enrol anyone (no approval): fills sessions with `learners`. */
  const enrolLearner = async (sessionId: string, employeeId: string) => {
    const res = await enrolAs('learning', { sessionId, employeeId });
    assert.equal(res.status, 201, await res.clone().text());
    return res.json();
  };
  const getEnrolment = async (id: string, who: LearningWho = 'learning') => (await f.call(who, 'GET', `/v1/enrolments/${id}`)).json();
  const getSession = async (id: string) => (await f.call('self', 'GET', `/v1/sessions/${id}`)).json();

  test('a place while there are places, then the waiting list in order; a cancellation promotes the first', async () => {
    const course = await f.course();
    const session = await f.session(course.id, { capacity: 2 });
    const [a, b, c, d] = learners;
    const ea = await enrolLearner(session.id, a!);
    const eb = await enrolLearner(session.id, b!);
    const ec = await enrolLearner(session.id, c!);
    const ed = await enrolLearner(session.id, d!);
    assert.deepEqual([ea.status, eb.status, ec.status, ed.status], ['enrolled', 'enrolled', 'waitlisted', 'waitlisted']);
    assert.deepEqual([ec.waitlistPosition, ed.waitlistPosition], [1, 2]);
    assert.deepEqual(await getSession(session.id).then((s) => [s.enrolled, s.placesLeft, s.waitlistLength]), [2, 0, 2]);

    const cancelled = await f.call('learning', 'POST', `/v1/enrolments/${ea.id}/cancel`, { reason: 'Shift change' });
    assert.equal(cancelled.status, 200);
    assert.equal((await cancelled.json()).status, 'cancelled');
    assert.equal((await getEnrolment(ec.id)).status, 'enrolled', 'the first on the waiting list takes the place');
    const dNow = await getEnrolment(ed.id);
    assert.equal(dNow.status, 'waitlisted');
    assert.equal(dNow.waitlistPosition, 1);
    assert.deepEqual(await getSession(session.id).then((s) => [s.enrolled, s.waitlistLength]), [2, 1]);

    // Cancelling from the waiting list frees no place; raising capacity promotes.
    const raise = async (capacity: number) => {
      const etag = (await f.call('learning', 'GET', `/v1/sessions/${session.id}`)).headers.get('etag')!;
      return f.call('learning', 'PATCH', `/v1/sessions/${session.id}`, { capacity }, { 'if-match': etag });
    };
    assert.equal((await raise(3)).status, 200);
    assert.equal((await getEnrolment(ed.id)).status, 'enrolled');
    const tooLow = await raise(1);
    assert.equal(tooLow.status, 422);
    assert.equal((await readProblem(tooLow)).errors?.[0]?.path, 'json.capacity');

    // The promoted learner hears about it on the events feed.
    const [event] = await f.q<{ type: string }>(sql`SELECT type FROM events WHERE resource_id = ${ec.id}`);
    assert.equal(event?.type, 'learning.enrolment_promoted');
  });

  test('nobody holds two live enrolments on one course; a cancelled one can be booked again', async () => {
    const course = await f.course();
    const s1 = await f.session(course.id);
    const s2 = await f.session(course.id, { startsInHours: 24 * 40 });
    const first = await enrolAs('self', { sessionId: s1.id });
    assert.equal(first.status, 201);
    for (const sessionId of [s1.id, s2.id]) {
      const again = await enrolAs('self', { sessionId });
      assert.equal(again.status, 409);
      assert.equal((await readProblem(again)).code, 'already_enrolled');
    }
    const e = await first.json();
    assert.equal((await f.call('self', 'POST', `/v1/enrolments/${e.id}/cancel`)).status, 200);
    assert.equal((await enrolAs('self', { sessionId: s2.id })).status, 201);
  });

  test('booking deadline, cancellation deadline (learning admins may still cancel), cancelled sessions', async () => {
    const course = await f.course();
    const closed = await f.session(course.id, { startsInHours: 3, bookingDeadline: new Date(Date.now() - 60_000).toISOString() });
    const late = await enrolAs('self', { sessionId: closed.id });
    assert.equal(late.status, 422);
    const problem = await readProblem(late);
    assert.equal(problem.code, 'booking_closed');
    assert.equal(problem.errors?.[0]?.path, 'json.sessionId');

    const course2 = await f.course();
    const soon = await f.session(course2.id, { startsInHours: 5, bookingDeadline: new Date(Date.now() + 3600_000).toISOString(), cancellationDeadline: new Date(Date.now() - 60_000).toISOString() });
    const e = await (await enrolAs('self', { sessionId: soon.id })).json();
    assert.equal(e.status, 'enrolled');
    const selfCancel = await f.call('self', 'POST', `/v1/enrolments/${e.id}/cancel`);
    assert.equal(selfCancel.status, 422);
    assert.equal((await readProblem(selfCancel)).code, 'cancellation_closed');
    assert.equal((await f.call('learning', 'POST', `/v1/enrolments/${e.id}/cancel`)).status, 200);

    const course3 = await f.course();
    const s = await f.session(course3.id);
    const booked = await (await enrolAs('self', { sessionId: s.id })).json();
    const etag = (await f.call('learning', 'GET', `/v1/sessions/${s.id}`)).headers.get('etag')!;
    const cancel = await f.call('learning', 'PATCH', `/v1/sessions/${s.id}`, { status: 'cancelled' }, { 'if-match': etag });
    assert.equal(cancel.status, 200);
    assert.deepEqual(await cancel.json().then((x) => [x.status, x.enrolled]), ['cancelled', 0]);
    assert.equal((await getEnrolment(booked.id)).status, 'cancelled');
    const onCancelled = await enrolAs('peer', { sessionId: s.id });
    assert.equal(onCancelled.status, 422);
    assert.equal((await readProblem(onCancelled)).code, 'session_cancelled');
  });

  test('courses that require approval: pending in the line manager’s inbox, then a place or the waiting list', async () => {
    const course = await f.course({ requiresApproval: true });
    const session = await f.session(course.id, { capacity: 1 });
    const res = await enrolAs('self', { sessionId: session.id });
    assert.equal(res.status, 201);
    const pending = await res.json();
    assert.equal(pending.status, 'pending_approval');
    assert.ok(pending.approvalRequestId);
    assert.equal((await getSession(session.id)).enrolled, 0, 'a request waiting for approval holds no place');

    // Meanwhile a manager books their reportee (no approval needed) and takes the only place.
    const peerBooked = await (await enrolAs('manager', { sessionId: session.id, employeeId: f.ids.peer })).json();
    assert.equal(peerBooked.status, 'enrolled');

    const inbox = await (await f.call('manager', 'GET', '/v1/approvals')).json();
    const item = inbox.data.find((a: { id: string }) => a.id === pending.approvalRequestId);
    assert.ok(item, 'in the line manager’s inbox');
    assert.match(item.summary, /Course enrolment/);
    const etag = (await f.call('manager', 'GET', `/v1/approvals/${pending.approvalRequestId}`)).headers.get('etag')!;
    const decided = await f.call('manager', 'POST', `/v1/approvals/${pending.approvalRequestId}/decision`, { action: 'approve' }, { 'if-match': etag });
    assert.equal(decided.status, 200, await decided.clone().text());
    const now = await getEnrolment(pending.id, 'self');
    assert.equal(now.status, 'waitlisted', 'approved when full: the waiting list');
    assert.equal(now.waitlistPosition, 1);

    // Rejected requests end there; withdrawn (cancelled by the learner) ones leave the inbox.
    const course2 = await f.course({ requiresApproval: true, delivery: 'e_learning' });
    const r2 = await (await enrolAs('self', { courseId: course2.id })).json();
    const etag2 = (await f.call('manager', 'GET', `/v1/approvals/${r2.approvalRequestId}`)).headers.get('etag')!;
    const rejected = await f.call('manager', 'POST', `/v1/approvals/${r2.approvalRequestId}/decision`, { action: 'reject', reason: 'Not this quarter' }, { 'if-match': etag2 });
    assert.equal(rejected.status, 200);
    assert.equal((await getEnrolment(r2.id, 'self')).status, 'rejected');
    const r3 = await (await enrolAs('self', { courseId: course2.id })).json();
    assert.equal(r3.status, 'pending_approval');
    assert.equal((await f.call('self', 'POST', `/v1/enrolments/${r3.id}/cancel`)).status, 200);
    const approval = await (await f.call('self', 'GET', `/v1/approvals/${r3.approvalRequestId}`)).json();
    assert.equal(approval.status, 'withdrawn');
  });

  test('e-learning: the learner records completion; the training records carry the subjects and expiry', async () => {
    const course = await f.course({ delivery: 'e_learning', competencies: ['information_governance', 'equality_diversity'], title: 'Data Security Awareness' });
    const withSession = await f.call('learning', 'POST', `/v1/courses/${course.id}/sessions`, { startsAt: '2027-01-01T09:00:00Z', endsAt: '2027-01-01T10:00:00Z', venue: 'x', capacity: 5 });
    assert.equal(withSession.status, 422);
    const noCourse = await enrolAs('self', { sessionId: undefined });
    assert.equal(noCourse.status, 400);
    assert.equal((await readProblem(noCourse)).errors?.[0]?.path, 'json.sessionId');
    const e = await (await enrolAs('self', { courseId: course.id })).json();
    assert.equal(e.status, 'enrolled');
    const done = await f.call('self', 'POST', `/v1/enrolments/${e.id}/complete`, { completedOn: '2026-03-10' });
    assert.equal(done.status, 200);
    assert.equal((await done.json()).status, 'completed');
    const records = await (await f.call('self', 'GET', `/v1/people/me/training-records?subjectCode=information_governance`)).json();
    assert.equal(records.data[0].expiresOn, '2027-03-09', '12-month renewal: valid to the day before the anniversary');
    assert.equal(records.data[0].source, 'e_learning');
    const again = await f.call('self', 'POST', `/v1/enrolments/${e.id}/complete`);
    assert.equal(again.status, 409);
  });

  test('classroom: attendance and completion are the learning admins’; completion dates are not in the future', async () => {
    const course = await f.course({ competencies: ['resuscitation_l2'] });
    const session = await f.session(course.id);
    const e = await (await enrolAs('self', { sessionId: session.id })).json();
    const selfComplete = await f.call('self', 'POST', `/v1/enrolments/${e.id}/complete`);
    assert.equal(selfComplete.status, 422);
    assert.equal((await readProblem(selfComplete)).code, 'not_e_learning');
    assert.equal((await f.call('manager', 'POST', `/v1/enrolments/${e.id}/attendance`, { attended: true })).status, 403);
    const marked = await f.call('learning', 'POST', `/v1/enrolments/${e.id}/attendance`, { attended: true });
    assert.equal((await marked.json()).status, 'attended');
    const future = await f.call('learning', 'POST', `/v1/enrolments/${e.id}/complete`, { completedOn: '2099-01-01' });
    assert.equal(future.status, 422);
    assert.equal((await readProblem(future)).errors?.[0]?.path, 'json.completedOn');
    const today = new Date().toISOString().slice(0, 10);
    const done = await (await f.call('learning', 'POST', `/v1/enrolments/${e.id}/complete`, { completedOn: today })).json();
    assert.equal(done.status, 'completed');
    assert.equal(done.completedOn, today);
    const cancelDone = await f.call('learning', 'POST', `/v1/enrolments/${e.id}/cancel`);
    assert.equal(cancelDone.status, 409);
    assert.equal((await readProblem(cancelDone)).code, 'invalid_transition');
  });

  test(`capacity under concurrency: 2 × capacity parallel enrolments → exactly capacity enrolled (${engine})`, async () => {
    const capacity = 8;
    const course = await f.course();
    const session = await f.session(course.id, { capacity });
    const people = learners.slice(20, 20 + capacity * 2);
    const results = await Promise.all(people.map((employeeId) => enrolAs('learning', { sessionId: session.id, employeeId })));
    assert.deepEqual(results.map((r) => r.status), people.map(() => 201));
    const statuses = await Promise.all(results.map(async (r) => (await r.json()).status as string));
    assert.equal(statuses.filter((s) => s === 'enrolled').length, capacity);
    assert.equal(statuses.filter((s) => s === 'waitlisted').length, capacity);
    const s = await getSession(session.id);
    assert.deepEqual([s.enrolled, s.placesLeft, s.waitlistLength], [capacity, 0, capacity]);
    const register = await (await f.call('learning', 'GET', `/v1/sessions/${session.id}/enrolments`)).json();
    const positions = register.data.filter((r: { status: string }) => r.status === 'waitlisted').map((r: { waitlistPosition: number }) => r.waitlistPosition);
    assert.deepEqual(positions, Array.from({ length: capacity }, (_, i) => i + 1), 'a strict waiting-list order');
  });

  test('nobody is enrolled twice under concurrency (same person, both sessions of a course, at once)', async () => {
    const course = await f.course();
    const s1 = await f.session(course.id);
    const s2 = await f.session(course.id, { startsInHours: 24 * 45 });
    const who = learners[60]!;
    const results = await Promise.all([s1.id, s2.id, s1.id, s2.id, s1.id, s2.id].map((sessionId) => enrolAs('learning', { sessionId, employeeId: who })));
    assert.equal(results.filter((r) => r.status === 201).length, 1);
    assert.equal(results.filter((r) => r.status === 409).length, 5);
    const [live] = await f.q<{ n: number }>(sql`SELECT count(*)::int AS n FROM enrolments WHERE employee_id = ${who} AND course_id = ${course.id} AND status IN ('enrolled', 'waitlisted', 'pending_approval')`);
    assert.equal(Number(live!.n), 1);
  });

  test('the database refuses a session over capacity even if the code did not check', async () => {
    const course = await f.course();
    const s = await f.session(course.id, { capacity: 1 });
    await assert.rejects(f.h.database.db.execute(sql`UPDATE class_sessions SET enrolled_count = 2 WHERE id = ${s.id}`));
  });

  test('who may enrol and see enrolments: self, managers in the line, learning admins; 404 outside', async () => {
    const course = await f.course();
    const session = await f.session(course.id, { capacity: 20 });
    assert.equal((await enrolAs('senior', { sessionId: session.id, employeeId: f.ids.self })).status, 201, 'a manager higher up the line');
    assert.equal((await enrolAs('peer', { sessionId: session.id, employeeId: f.ids.self })).status, 404);
    assert.equal((await enrolAs('outOfLine', { sessionId: session.id, employeeId: f.ids.peer })).status, 404);
    assert.equal((await enrolAs('payroll', { sessionId: session.id, employeeId: f.ids.peer })).status, 404);
    assert.equal((await enrolAs('learningOther', { sessionId: session.id })).status, 404, 'sessions of another organisation are not visible');

    const mine = await (await f.call('self', 'GET', '/v1/people/me/enrolments?status=enrolled,waitlisted')).json();
    assert.ok(mine.data.length >= 1);
    assert.ok(mine.data.every((e: { status: string }) => ['enrolled', 'waitlisted'].includes(e.status)));
    for (const who of ['manager', 'senior', 'hr', 'learning'] as const) {
      assert.equal((await f.call(who, 'GET', `/v1/people/${f.ids.self}/enrolments`)).status, 200, who);
    }
    for (const who of ['peer', 'outOfLine', 'payroll', 'hrOther', 'learningOther'] as const) {
      assert.equal((await f.call(who, 'GET', `/v1/people/${f.ids.self}/enrolments`)).status, 404, who);
      assert.equal((await f.call(who, 'GET', `/v1/enrolments/${mine.data[0].id}`)).status, 404, who);
    }
    const bad = await f.call('self', 'GET', '/v1/people/me/enrolments?status=booked');
    assert.equal(bad.status, 400);
    assert.equal((await readProblem(bad)).errors?.[0]?.path, 'query.status');

    // Paging walks every enrolment once.
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ id: string }>; nextCursor: string | null } = await (await f.call('self', 'GET', `/v1/people/me/enrolments?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      all.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(new Set(all).size, all.length);
  });

  test('a retried enrolment with the same Idempotency-Key replays the first answer; another body is 422', async () => {
    const course = await f.course();
    const session = await f.session(course.id);
    const headers = { 'idempotency-key': 'enrol-retry-1' };
    const first = await f.call('peer', 'POST', '/v1/enrolments', { sessionId: session.id }, headers);
    assert.equal(first.status, 201);
    const again = await f.call('peer', 'POST', '/v1/enrolments', { sessionId: session.id }, headers);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((await again.json()).id, (await first.json()).id);
    const other = await f.call('peer', 'POST', '/v1/enrolments', { courseId: course.id, sessionId: session.id }, headers);
    assert.equal(other.status, 422);
    assert.equal((await getSession(session.id)).enrolled, 1);
  });

  test('bad input is a problem+json naming the field, never a 500', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ sessionId: 'nope' }, 'json.sessionId'],
      [{ courseId: 'crs_x', colour: 'blue' }, 'json.colour'],
      [{ courseId: 'crs_x', employeeId: 'someone' }, 'json.employeeId'],
    ];
    for (const [body, path] of cases) {
      const res = await enrolAs('self', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.ok((await readProblem(res)).errors?.some((e) => e.path === path), path);
    }
    assert.equal((await enrolAs('self', { courseId: 'crs_doesnotexist' })).status, 404);
    const classroom = await f.course();
    const noSession = await enrolAs('self', { courseId: classroom.id });
    assert.equal(noSession.status, 422);
    assert.equal((await readProblem(noSession)).code, 'session_required');
  });
});
