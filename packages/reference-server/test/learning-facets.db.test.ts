// Catalogue facets read course_venue_summary (one row per course and venue, kept in step with the
// sessions by triggers, migration 0008). After a mix of writes — new sessions, bookings that fill a
// session, cancellations that promote from the waiting list, a venue moved, capacity changed, a session
// cancelled or deleted, sessions slipping into the past, and bookings racing on one course and venue —
// the summary equals a from-scratch aggregate of the sessions, and every facet equals the count taken
// from the sessions themselves. On PGlite, or PostgreSQL with DATABASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { courseFacets } from '../src/domain/learning/search.ts';
import { seedLearning } from '../src/seed/learning.ts';
import type { CourseFilter } from '../src/domain/learning/search.ts';
import { engine } from './helpers/harness.ts';
import { hoursFromNow, learningFixture } from './helpers/learning-fixture.ts';
import type { LearningFixture } from './helpers/learning-fixture.ts';

describe(`catalogue facet summary on ${engine}`, () => {
  let f: LearningFixture;
  let staff: string[];
  before(async () => {
    f = await learningFixture();
    staff = (await f.q<{ id: string }>(sql`SELECT id FROM employees WHERE organisation_id = 'org_00' ORDER BY id`)).map((r) => r.id);
    // A seeded catalogue with bookings, in several bulk statements (the statement triggers see each batch).
    await seedLearning(f.h.database, { asOf: new Date().toISOString().slice(0, 10), organisationIds: ['org_00'], courses: 80, sessions: 600, history: false, rowsPerStatement: 200 });
  });
  after(() => f.h.close());

  let next = 0;
  const enrol = async (sessionId: string) => {
    const res = await f.call('learning', 'POST', '/v1/enrolments', { sessionId, employeeId: staff[next++ % staff.length] });
    assert.equal(res.status, 201, await res.clone().text());
    return res.json() as Promise<{ id: string; status: string }>;
  };
  const patchSession = async (id: string, patch: Record<string, unknown>) => {
    const etag = (await f.call('learning', 'GET', `/v1/sessions/${id}`)).headers.get('etag')!;
    const res = await f.call('learning', 'PATCH', `/v1/sessions/${id}`, patch, { 'if-match': etag });
    assert.equal(res.status, 200, await res.clone().text());
  };

  /**
   * Rows of the summary that differ from the same aggregate taken afresh from class_sessions (a pair
   * whose sessions all moved away or were deleted keeps a row with nothing scheduled).
   */
  const summaryDrift = async () => [...await f.q<Record<string, unknown>>(sql`
    WITH pairs AS (SELECT course_id, venue, organisation_id FROM class_sessions UNION SELECT course_id, venue, organisation_id FROM course_venue_summary),
    fresh AS (
      SELECT p.course_id, p.venue, p.organisation_id, max(s.starts_at) FILTER (WHERE s.status = 'scheduled') AS last_start,
             max(s.booking_deadline) FILTER (WHERE s.status = 'scheduled' AND s.enrolled_count < s.capacity) AS open_until
        FROM pairs p LEFT JOIN class_sessions s ON s.course_id = p.course_id AND s.venue = p.venue GROUP BY 1, 2, 3)
    SELECT * FROM (SELECT * FROM fresh EXCEPT SELECT course_id, venue, organisation_id, last_start, open_until FROM course_venue_summary) missing
    UNION ALL
    SELECT * FROM (SELECT course_id, venue, organisation_id, last_start, open_until FROM course_venue_summary EXCEPT SELECT * FROM fresh) extra`)];

  const filters = (venue: string, category: string): CourseFilter[] => [
    {},
    { hasPlaces: true },
    { venue },
    { venue, hasPlaces: true },
    { category },
    { category, hasPlaces: true },
    { delivery: ['classroom'], hasPlaces: true },
    { q: 'summary' },
    { q: 'summary', venue: 'Summary Room B', hasPlaces: true },
  ];
  const assertFacetsMatch = async (venue: string, category: string) => {
    const db = f.h.database.db;
    const now = new Date();
    for (const filter of filters(venue, category)) {
      const fromSummary = await courseFacets(db, 'org_00', filter, now);
      const fromSessions = await courseFacets(db, 'org_00', filter, now, 'sessions');
      assert.deepEqual(fromSummary, fromSessions, `facets for ${JSON.stringify(filter)}`);
    }
  };

  test('the seeded catalogue: the summary equals the sessions', async () => {
    assert.deepEqual(await summaryDrift(), []);
    const [busiest] = await f.q<{ venue: string }>(sql`SELECT venue FROM class_sessions WHERE organisation_id = 'org_00' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    await assertFacetsMatch(busiest!.venue, 'Clinical skills');
  });

  test('after a mix of writes, facets from the summary equal counts from the sessions', async () => {
    const category = 'Summary';
    const a = await f.course({ category, title: 'Summary course A', description: 'summary' });
    const b = await f.course({ category, title: 'Summary course B', description: 'summary' });
    await f.course({ category, title: 'Summary e-learning', description: 'summary', delivery: 'e_learning' });
    const a1 = await f.session(a.id, { venue: 'Summary Room A', capacity: 2, startsInHours: 24 * 10 });
    const a2 = await f.session(a.id, { venue: 'Summary Room A', capacity: 1, startsInHours: 24 * 20 });
    const a3 = await f.session(a.id, { venue: 'Summary Room B', capacity: 1, startsInHours: 24 * 30 });
    const b1 = await f.session(b.id, { venue: 'Summary Room B', capacity: 1, startsInHours: 24 * 15 });
    const b2 = await f.session(b.id, { venue: 'Summary Room C', capacity: 3, startsInHours: 24 * 40 });
    await assertFacetsMatch('Summary Room A', category);

    // Fill sessions (places run out), then the waiting list, then a cancellation that promotes.
    await enrol(a1.id);
    await enrol(a1.id);
    await enrol(a2.id);
    const waiting = await enrol(a2.id);
    assert.equal(waiting.status, 'waitlisted');
    const first = await enrol(b1.id);
    await assertFacetsMatch('Summary Room A', category);
    assert.equal((await f.call('learning', 'POST', `/v1/enrolments/${first.id}/cancel`, { reason: 'Rota' })).status, 200);
    await assertFacetsMatch('Summary Room B', category);

    // Move a session to another venue, change capacity (a full session gains a place), cancel a session.
    await patchSession(b2.id, { venue: 'Summary Room A' });
    await patchSession(a1.id, { capacity: 3 });
    await patchSession(a3.id, { status: 'cancelled' });
    await assertFacetsMatch('Summary Room A', category);
    await assertFacetsMatch('Summary Room C', category);

    // Time passes: a session's booking closes, another starts (written directly, as the clock would).
    await f.q(sql`UPDATE class_sessions SET booking_deadline = ${hoursFromNow(-1)}::timestamptz WHERE id = ${a1.id}`);
    await f.q(sql`UPDATE class_sessions SET starts_at = ${hoursFromNow(-2)}::timestamptz, ends_at = ${hoursFromNow(-1)}::timestamptz,
                  booking_deadline = ${hoursFromNow(-3)}::timestamptz, cancellation_deadline = ${hoursFromNow(-3)}::timestamptz WHERE id = ${b2.id}`);
    await assertFacetsMatch('Summary Room A', category);

    // A session deleted outright (no bookings) leaves a row with nothing scheduled.
    const spare = await f.session(b.id, { venue: 'Summary Room D' });
    await f.q(sql`DELETE FROM class_sessions WHERE id = ${spare.id}`);
    await assertFacetsMatch('Summary Room D', category);
    assert.deepEqual(await summaryDrift(), []);
  });

  test('bookings racing on two sessions of one course and venue leave the summary exact', async () => {
    const course = await f.course({ category: 'Summary race', title: 'Summary race course' });
    for (let round = 0; round < 3; round++) {
      const sessions = [
        await f.session(course.id, { venue: 'Race Room', capacity: 1, startsInHours: 24 * (50 + round) }),
        await f.session(course.id, { venue: 'Race Room', capacity: 1, startsInHours: 24 * (60 + round) }),
      ];
      // Both fill at once: each transaction alone would still see the other session open.
      await Promise.all(sessions.map((s) => enrol(s.id)));
      const [row] = await f.q<{ open_until: string | null }>(sql`SELECT open_until FROM course_venue_summary WHERE course_id = ${course.id} AND venue = 'Race Room'`);
      assert.equal(row!.open_until, null, 'every Race Room session is full');
    }
    assert.deepEqual(await summaryDrift(), []);
    await assertFacetsMatch('Race Room', 'Summary race');
  });

  test('two transactions filling sessions of one course and venue: the later one sees the earlier commit', async () => {
    const course = await f.course({ category: 'Summary race', title: 'Summary interleaved course' });
    const [s1, s2] = [await f.session(course.id, { venue: 'Interleave Room', startsInHours: 24 * 70 }), await f.session(course.id, { venue: 'Interleave Room', startsInHours: 24 * 71 })];
    const db = f.h.database.db;
    const fill = (id: string) => sql`UPDATE class_sessions SET enrolled_count = capacity WHERE id = ${id}`;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((r) => (firstWrote = r));
    // The first fills s1 and holds its transaction open; the second fills s2 meanwhile (on PostgreSQL it
    // waits in the trigger for the summary row; PGlite runs one transaction at a time), then the first commits.
    const first = db.transaction(async (tx) => {
      await tx.execute(fill(s1.id));
      firstWrote();
      await held;
    });
    await wrote;
    const second = db.transaction(async (tx) => {
      await tx.execute(fill(s2.id));
    });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await Promise.all([first, second]);
    const [row] = await f.q<{ open_until: string | null }>(sql`SELECT open_until FROM course_venue_summary WHERE course_id = ${course.id} AND venue = 'Interleave Room'`);
    assert.equal(row!.open_until, null, 'both sessions are full: no stale open_until from the second transaction’s snapshot');
    assert.deepEqual(await summaryDrift(), []);
  });
});
