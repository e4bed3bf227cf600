// The catalogue over HTTP on PGlite, or PostgreSQL with DATABASE_URL: full-text search ranked by
// relevance (title above description), filters, keyset paging, facets, learning admins' writes and
// their validation, and one organisation never seeing another's catalogue.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engine, readProblem } from './helpers/harness.ts';
import { hoursFromNow, learningFixture } from './helpers/learning-fixture.ts';
import type { LearningFixture, LearningWho } from './helpers/learning-fixture.ts';

describe(`learning catalogue on ${engine}`, () => {
  let f: LearningFixture;
  before(async () => {
    f = await learningFixture();
  });
  after(() => f.h.close());

  const search = async (query: string, who: LearningWho = 'self') => {
    const res = await f.call(who, 'GET', `/v1/courses?${query}`);
    assert.equal(res.status, 200, await res.clone().text());
    return res.json();
  };
  const titles = (page: { data: Array<{ title: string }> }) => page.data.map((c) => c.title);

  test('free text is ranked by relevance: a title match before a description match; phrases and exclusions work', async () => {
    const category = 'Relevance';
    await f.course({ category, title: 'Clinical skills update', description: 'Includes recognising sepsis early and escalating.' });
    await f.course({ category, title: 'Sepsis recognition and management', description: 'The Sepsis Six bundle.' });
    await f.course({ category, title: 'Handwashing', description: 'Five moments of hand hygiene.' });
    const page = await search(`q=sepsis&category=${category}`);
    assert.deepEqual(titles(page), ['Sepsis recognition and management', 'Clinical skills update']);
    assert.ok(page.data[0].relevance > page.data[1].relevance);
    // Stemming: "recognising" and "recognition" share no stem, but "escalate" finds "escalating".
    assert.deepEqual(titles(await search(`q=escalate&category=${category}`)), ['Clinical skills update']);
    assert.deepEqual(titles(await search(`q=${encodeURIComponent('"hand hygiene"')}&category=${category}`)), ['Handwashing']);
    assert.deepEqual(titles(await search(`q=${encodeURIComponent('sepsis -bundle')}&category=${category}`)), ['Clinical skills update']);
    assert.deepEqual(titles(await search(`q=${encodeURIComponent('!!! &&')}&category=${category}`)), [], 'punctuation only: nothing, not an error');
    // Without q: by title.
    assert.deepEqual(titles(await search(`category=${category}`)), ['Clinical skills update', 'Handwashing', 'Sepsis recognition and management']);
  });

  test('filters: delivery, category, session dates, venue and places left', async () => {
    const category = 'Filters';
    const full = await f.course({ category, title: 'Full course' });
    await f.session(full.id, { capacity: 1, venue: 'Room A', startsInHours: 24 * 10 });
    await f.call('learning', 'POST', '/v1/enrolments', { sessionId: (await (await f.call('self', 'GET', `/v1/courses/${full.id}`)).json()).sessions[0].id, employeeId: f.ids.peer });
    const open = await f.course({ category, title: 'Open course' });
    await f.session(open.id, { venue: 'Room B', startsInHours: 24 * 60 });
    await f.course({ category, title: 'Online course', delivery: 'e_learning' });
    await f.course({ category, title: 'Webinar', delivery: 'virtual' });

    assert.deepEqual(titles(await search(`category=${category}&delivery=e_learning,virtual`)), ['Online course', 'Webinar']);
    assert.deepEqual(titles(await search(`category=${category}&hasPlaces=true`)), ['Online course', 'Open course'], 'e-learning always has places; a full session does not');
    assert.deepEqual(titles(await search(`category=${category}&venue=${encodeURIComponent('Room A')}`)), ['Full course']);
    const d = (h: number) => hoursFromNow(h).slice(0, 10);
    assert.deepEqual(titles(await search(`category=${category}&from=${d(24 * 5)}&to=${d(24 * 20)}`)), ['Full course']);
    assert.deepEqual(titles(await search(`category=${category}&from=${d(24 * 30)}`)), ['Open course']);
    const bad = await f.call('self', 'GET', `/v1/courses?from=2027-02-01&to=2027-01-01`);
    assert.equal(bad.status, 400);
    assert.equal((await readProblem(bad)).errors?.[0]?.path, 'query.to');
    const badDelivery = await f.call('self', 'GET', `/v1/courses?delivery=cinema`);
    assert.equal((await readProblem(badDelivery)).errors?.[0]?.path, 'query.delivery');

    // A hit says what is coming up and where the next place is.
    const hit = (await search(`category=${category}&q=open`)).data[0];
    assert.equal(hit.upcomingSessions, 1);
    assert.equal(hit.nextSession.venue, 'Room B');
    assert.equal(hit.nextSession.placesLeft, 10);
    const fullHit = (await search(`category=${category}&q=full`)).data[0];
    assert.equal(fullHit.nextSession, null, 'no bookable session left');
  });

  test('facets: counts per value, each facet counted with every filter but its own', async () => {
    const category = 'Facets';
    for (let i = 0; i < 3; i++) await f.course({ category, title: `Facet classroom ${i}`, description: 'facetword' });
    for (let i = 0; i < 2; i++) await f.course({ category, title: `Facet online ${i}`, delivery: 'e_learning', description: 'facetword' });
    const facets = async (query: string) => {
      const res = await f.call('self', 'GET', `/v1/courses/facets?${query}`);
      assert.equal(res.status, 200);
      const page = await res.json();
      assert.deepEqual([page.hasMore, page.nextCursor], [false, null]);
      return page.data as Array<{ facet: string; value: string; count: number }>;
    };
    const all = await facets('q=facetword');
    const count = (list: typeof all, facet: string, value: string) => list.find((x) => x.facet === facet && x.value === value)?.count;
    assert.equal(count(all, 'category', category), 5);
    assert.equal(count(all, 'delivery', 'classroom'), 3);
    assert.equal(count(all, 'delivery', 'e_learning'), 2);
    assert.equal(count(all, 'hasPlaces', 'true'), 2, 'only e-learning is bookable: no sessions yet');
    const chosen = await facets('q=facetword&delivery=e_learning');
    assert.equal(count(chosen, 'delivery', 'classroom'), 3, 'the delivery facet ignores its own filter');
    assert.equal(count(chosen, 'category', category), 2, 'other facets apply it');
  });

  test('cursor paging walks every match once, with and without q; a forged cursor is a 400', async () => {
    const category = 'Paging';
    for (let i = 0; i < 7; i++) await f.course({ category, title: `Pager ${String.fromCharCode(65 + i)}`, description: i % 2 ? 'pagerword pagerword' : 'pagerword' });
    for (const query of [`category=${category}`, `category=${category}&q=pagerword`]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: Array<{ id: string }>; nextCursor: string | null; hasMore: boolean } = await search(`${query}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.data.map((c) => c.id));
        assert.equal(page.hasMore, page.nextCursor !== null);
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(seen.length, 7, query);
      assert.equal(new Set(seen).size, 7, query);
    }
    const forged = await f.call('self', 'GET', '/v1/courses?q=pagerword&cursor=bm9wZQ');
    assert.equal(forged.status, 400);
    assert.equal((await readProblem(forged)).errors?.[0]?.path, 'query.cursor');
    const wrongKind = Buffer.from(JSON.stringify(['Pager A', 'crs_x'])).toString('base64url');
    assert.equal((await f.call('self', 'GET', `/v1/courses?q=pagerword&cursor=${wrongKind}`)).status, 400);
  });

  test('course detail: sessions with places left and waiting list; another organisation sees nothing', async () => {
    const course = await f.course({ title: 'Detail course' });
    const s = await f.session(course.id, { capacity: 1 });
    await f.call('learning', 'POST', '/v1/enrolments', { sessionId: s.id, employeeId: f.ids.self });
    await f.call('learning', 'POST', '/v1/enrolments', { sessionId: s.id, employeeId: f.ids.peer });
    const res = await f.call('peer', 'GET', `/v1/courses/${course.id}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('etag') ?? '', /^"v\d+"$/);
    const detail = await res.json();
    assert.deepEqual([detail.sessions.length, detail.sessions[0].placesLeft, detail.sessions[0].waitlistLength], [1, 0, 1]);
    assert.equal((await f.call('learningOther', 'GET', `/v1/courses/${course.id}`)).status, 404);
    assert.equal((await f.call('learningOther', 'GET', `/v1/sessions/${s.id}`)).status, 404);
    assert.ok(!titles(await search('q=detail', 'learningOther')).includes('Detail course'));
  });

  test('writes are the learning admins’: validation names the field, If-Match guards updates', async () => {
    const body = { code: 'W1', title: 'Writes', category: 'Admin', delivery: 'classroom', durationMinutes: 60 };
    for (const who of ['self', 'manager', 'hr'] as const) assert.equal((await f.call(who, 'POST', '/v1/courses', body)).status, 403, who);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...body, competencies: ['fire_safety', 'juggling'] }, 'json.competencies.1'],
      [{ ...body, delivery: 'carrier_pigeon' }, 'json.delivery'],
      [{ ...body, durationMinutes: 0 }, 'json.durationMinutes'],
      [{ ...body, title: '' }, 'json.title'],
      [{ ...body, colour: 'blue' }, 'json.colour'],
    ];
    for (const [bad, path] of cases) {
      const res = await f.call('learning', 'POST', '/v1/courses', bad);
      assert.equal(res.status, 400, path);
      assert.ok((await readProblem(res)).errors?.some((e) => e.path === path), path);
    }
    const created = await f.call('learning', 'POST', '/v1/courses', body);
    assert.equal(created.status, 201);
    const course = await created.json();
    const dup = await f.call('learning', 'POST', '/v1/courses', body);
    assert.equal(dup.status, 409);
    assert.equal((await readProblem(dup)).code, 'duplicate_course_code');

    assert.equal((await f.call('learning', 'PATCH', `/v1/courses/${course.id}`, { title: 'Renamed' })).status, 428);
    assert.equal((await f.call('learning', 'PATCH', `/v1/courses/${course.id}`, { title: 'Renamed' }, { 'if-match': '"v99"' })).status, 412);
    const patched = await f.call('learning', 'PATCH', `/v1/courses/${course.id}`, { title: 'Renamed', requiresApproval: true }, { 'if-match': created.headers.get('etag')! });
    assert.equal(patched.status, 200);
    assert.deepEqual(await patched.json().then((c) => [c.title, c.requiresApproval, c.version]), ['Renamed', true, 2]);
    assert.equal((await f.call('learning', 'PATCH', `/v1/courses/${course.id}`, { delivery: 'virtual' }, { 'if-match': '"v2"' })).status, 400, 'delivery is fixed once created');

    const start = hoursFromNow(24 * 7);
    const sessionCases: Array<[Record<string, unknown>, string]> = [
      [{ startsAt: start, endsAt: hoursFromNow(24 * 6), venue: 'R', capacity: 5 }, 'json.endsAt'],
      [{ startsAt: start, endsAt: hoursFromNow(24 * 7 + 1), venue: 'R', capacity: 5, bookingDeadline: hoursFromNow(24 * 8) }, 'json.bookingDeadline'],
      [{ startsAt: start, endsAt: hoursFromNow(24 * 7 + 1), venue: 'R', capacity: 0 }, 'json.capacity'],
      [{ startsAt: 'next tuesday', endsAt: hoursFromNow(24 * 7 + 1), venue: 'R', capacity: 5 }, 'json.startsAt'],
    ];
    for (const [bad, path] of sessionCases) {
      const res = await f.call('learning', 'POST', `/v1/courses/${course.id}/sessions`, bad);
      assert.equal(res.status, 400, path);
      assert.ok((await readProblem(res)).errors?.some((e) => e.path === path), path);
    }
    assert.equal((await f.call('manager', 'POST', `/v1/courses/${course.id}/sessions`, { startsAt: start, endsAt: hoursFromNow(24 * 7 + 1), venue: 'R', capacity: 5 })).status, 403);
    assert.equal((await f.call('self', 'GET', `/v1/courses/crs_missing`)).status, 404);
    assert.equal((await f.call('self', 'GET', `/v1/courses/not-an-id`)).status, 400);
    assert.equal((await f.call('self', 'GET', `/v1/sessions/ses_missing/enrolments`)).status, 403, 'registers are for learning admins');

    // Withdrawn courses leave search and refuse enrolment.
    const withdrawn = await f.call('learning', 'PATCH', `/v1/courses/${course.id}`, { status: 'withdrawn' }, { 'if-match': '"v2"' });
    assert.equal(withdrawn.status, 200);
    assert.ok(!titles(await search('category=Admin')).includes('Renamed'));
  });

  test('the catalogue needs a signed-in caller', async () => {
    assert.equal((await f.app.request('/v1/courses')).status, 401);
    assert.equal((await f.app.request('/v1/courses/facets')).status, 401);
    assert.equal((await f.app.request('/v1/learning/subjects')).status, 401);
    assert.equal((await f.app.request('/v1/enrolments', { method: 'POST' })).status, 401);
  });
});
