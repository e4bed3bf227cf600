// Learning resources: the wire (msw) for query strings, Idempotency-Key and If-Match, then a whole
// flow against the real reference server in process (seeded with learning) — search, facets, enrol,
// waiting list, cancel and promotion, compliance.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse, http } from 'msw';
import { createApp, createDemoIssuer, openDatabase, seedDatabase } from '../../reference-server/src/index.ts';
import type { Database } from '../../reference-server/src/index.ts';
import { ConflictError, PermissionError, ValidationError, createEsrClient } from '../src/index.ts';
import type { EsrClient } from '../src/index.ts';
import { baseUrl, pathOf, rejection, testClient, useMockServer } from './helpers.ts';

const { server, seen } = useMockServer();
const page = (data: unknown[]) => ({ data, hasMore: false, nextCursor: null });

describe('learning on the wire', () => {
  test('search sends the filters (delivery joined, hasPlaces as text); facets return the counts', async () => {
    server.use(
      http.get(`${baseUrl}/v1/courses`, () => HttpResponse.json(page([]))),
      http.get(`${baseUrl}/v1/courses/facets`, () => HttpResponse.json(page([{ facet: 'delivery', value: 'classroom', count: 3 }]))),
    );
    const esr = testClient();
    await esr.courses.search({ q: 'fire safety', delivery: ['classroom', 'virtual'], hasPlaces: true, from: '2026-12-01', limit: 5 });
    const url = new URL(seen[0]!.url);
    assert.deepEqual(Object.fromEntries(url.searchParams), { q: 'fire safety', delivery: 'classroom,virtual', hasPlaces: 'true', from: '2026-12-01', limit: '5' });
    assert.deepEqual(await esr.courses.facets({ q: 'x' }), [{ facet: 'delivery', value: 'classroom', count: 3 }]);
  });

  test('enrol sends an Idempotency-Key; course updates send the remembered ETag as If-Match', async () => {
    const course = { id: 'crs_1', version: 4 };
    server.use(
      http.post(`${baseUrl}/v1/enrolments`, () => HttpResponse.json({ id: 'enr_1', status: 'enrolled' }, { status: 201 })),
      http.get(`${baseUrl}/v1/courses/crs_1`, () => HttpResponse.json({ ...course, sessions: [] }, { headers: { ETag: '"v4"' } })),
      http.patch(`${baseUrl}/v1/courses/crs_1`, () => HttpResponse.json({ ...course, version: 5 }, { headers: { ETag: '"v5"' } })),
    );
    const esr = testClient();
    await esr.enrolments.enrol({ sessionId: 'ses_1' });
    assert.ok(seen[0]!.headers.get('idempotency-key'));
    await esr.courses.get('crs_1');
    await esr.courses.update('crs_1', { title: 'New' });
    assert.equal(`${seen[2]!.method} ${pathOf(seen[2]!)}`, 'PATCH /v1/courses/crs_1');
    assert.equal(seen[2]!.headers.get('if-match'), '"v4"');
  });
});

describe('learning against the reference server (PGlite)', () => {
  let database: Database;
  let learner: EsrClient;
  let colleague: EsrClient;
  let admin: EsrClient;

  before(async () => {
    database = await openDatabase({});
    await seedDatabase(database, { staff: 120, organisations: 1, asOf: new Date().toISOString().slice(0, 10), payslipMonths: 0, learning: true });
    const demo = await createDemoIssuer();
    const app = createApp({ database, verifier: demo, demo, rateLimit: false });
    const fetchToApp: typeof fetch = async (input, init) => app.fetch(new Request(input, init));
    const anonymous = createEsrClient({ baseUrl: 'http://esr.test', fetch: fetchToApp, retry: 0 });
    const clientAs = async (employeeId: string) => createEsrClient({ baseUrl: 'http://esr.test', token: (await anonymous.demo.signIn(employeeId)).token, fetch: fetchToApp, retry: 0 });
    const [first, second] = await anonymous.demo.people({ role: 'employee', limit: 2 });
    const [learningAdmin] = await anonymous.demo.people({ role: 'learning_admin', limit: 1 });
    learner = await clientAs(first!.employeeId);
    colleague = await clientAs(second!.employeeId);
    admin = await clientAs(learningAdmin!.employeeId);
  });
  after(() => database?.close());

  test('search, book the last place, the waiting list, cancel and promotion; compliance', async () => {
    const results = await learner.courses.search({ q: 'life support' });
    assert.match(results.data[0]!.title, /Life Support/);
    const facets = await learner.courses.facets();
    assert.ok(facets.some((f) => f.facet === 'category' && f.value === 'Statutory and mandatory'));

    const course = await admin.courses.create({ code: 'SDK1', title: 'SDK flow course', category: 'Testing', delivery: 'classroom', durationMinutes: 60, competencies: ['fire_safety'] });
    const start = Date.now() + 20 * 86_400_000;
    const session = await admin.courses.sessions.create(course.id, { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), venue: 'Room 1', capacity: 1 });
    assert.ok(await rejection(learner.courses.sessions.create(course.id, { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), venue: 'Room 1', capacity: 1 })) instanceof PermissionError);

    const mine = await learner.enrolments.enrol({ sessionId: session.id });
    assert.equal(mine.status, 'enrolled');
    assert.ok(await rejection(learner.enrolments.enrol({ sessionId: session.id })) instanceof ConflictError);
    const theirs = await colleague.enrolments.enrol({ sessionId: session.id });
    assert.deepEqual([theirs.status, theirs.waitlistPosition], ['waitlisted', 1]);
    assert.deepEqual((await learner.courses.get(course.id)).sessions.map((s) => [s.placesLeft, s.waitlistLength]), [[0, 1]]);

    await learner.enrolments.cancel(mine.id, { reason: 'Clash' });
    assert.equal((await colleague.enrolments.get(theirs.id)).status, 'enrolled');
    const register = await admin.courses.sessions.register(session.id);
    assert.deepEqual(register.map((e) => e.status), ['enrolled']);
    const completed = await admin.enrolments.complete(theirs.id, { completedOn: new Date().toISOString().slice(0, 10) });
    assert.equal(completed.status, 'completed');

    const matrix = await colleague.compliance.matrix();
    const fire = matrix.subjects.find((s) => s.family === 'fire_safety')!;
    assert.deepEqual([fire.status, fire.completedOn], ['green', completed.completedOn]);
    const history = await colleague.compliance.trainingRecords.list();
    assert.equal(history.data[0]!.courseId, course.id);
    const report = await admin.compliance.bySubject();
    assert.ok(report.overall.compliancePercent! > 70);
    const subjects = await learner.compliance.subjects();
    assert.ok(subjects.length >= 20);
    const bad = await rejection(admin.compliance.requirements.create({ subjectCode: 'juggling' }));
    assert.ok(bad instanceof ValidationError);
    const mineNow = await learner.enrolments.list('me', { status: 'cancelled' });
    assert.deepEqual(mineNow.data.map((e) => e.id), [mine.id]);
  });
});
