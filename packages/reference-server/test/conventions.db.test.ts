// Idempotency-Key and ETag / If-Match against a real database (PGlite, or PostgreSQL with DATABASE_URL).
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import { createApp } from '../src/app.ts';
import { requireAuth } from '../src/auth/principal.ts';
import { createDemoIssuer } from '../src/auth/tokens.ts';
import type { DemoIssuer } from '../src/auth/tokens.ts';
import type { Database, Db } from '../src/db/database.ts';
import { employees, idempotencyKeys, organisations } from '../src/db/schema.ts';
import { conditionalUpdate, etagFor, ifMatchVersion, preconditionFailed, setETag } from '../src/http/etag.ts';
import { idempotency } from '../src/http/idempotency.ts';
import { ApiProblem } from '../src/http/problem.ts';
import { engine, freshDatabase, readProblem } from './helpers/harness.ts';
import type { TestResponse } from './helpers/harness.ts';

const org = 'org_conv';
const alice = 'emp_alice';
const bob = 'emp_bob';

async function insertPeople(db: Db): Promise<void> {
  await db.insert(organisations).values({ id: org, code: 'CONV', name: 'Conventions Trust', nation: 'england' });
  for (const [id, n] of [[alice, '1'], [bob, '2']] as const) {
    await db.insert(employees).values({
      id, organisationId: org, employeeNumber: n, firstName: id, lastName: 'Test', email: `${id}@example.nhs.uk`,
      dateOfBirth: '1990-01-01', nhsServiceStartDate: '2015-01-01',
    });
  }
}

/** Gates opened after each test, so a failed assertion never leaves a held handler behind. */
const gates: Array<() => void> = [];

/** A deferred promise: the test decides when a handler may finish. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  gates.push(open);
  return { promise, open };
}

describe(`Idempotency-Key on ${engine}`, () => {
  let database: Database;
  let dispose: () => Promise<void>;
  let demo: DemoIssuer;
  let app: ReturnType<typeof createApp>;
  let aliceToken: string;
  let bobToken: string;
  /** Handler executions, by request body label. */
  let executions: number;
  let nextId: number;
  let hold: Promise<void> | null;
  let failNext: 'throw' | '503' | null;

  before(async () => {
    ({ database, dispose } = await freshDatabase());
    await insertPeople(database.db);
    demo = await createDemoIssuer();
    app = createApp({ database, verifier: demo, logError: () => {} });
    // '/v1/things/*' also matches '/v1/things' itself.
    app.use('/v1/things/*', requireAuth(demo));
    app.use('/v1/things/*', idempotency());
    const Body = z.strictObject({ name: z.string().min(1), tags: z.array(z.string()).optional(), size: z.number().optional() });
    app.post('/v1/things', async (c) => {
      executions++;
      if (hold) await hold;
      if (failNext === 'throw') { failNext = null; throw new Error('database went away'); }
      if (failNext === '503') { failNext = null; return c.json({ oops: true }, 503); }
      const parsed = Body.safeParse(await c.req.json());
      if (!parsed.success) throw new ApiProblem(400, 'validation_failed', 'Your request is not valid', 'bad body');
      if (parsed.data.name === 'taken') throw new ApiProblem(409, 'conflict', 'Already exists', 'A thing with this name exists.');
      const id = `thg_${nextId++}`;
      c.header('Location', `/v1/things/${id}`);
      return c.json({ id, name: parsed.data.name, by: c.var.principal.employeeId }, 201);
    });
    app.get('/v1/things', (c) => {
      executions++;
      return c.json({ ok: true }, 200);
    });
    app.post('/v1/things/:id/copies', async (c) => {
      executions++;
      return c.json({ copyOf: c.req.param('id'), n: nextId++ }, 201);
    });
    aliceToken = await demo.sign({ sub: alice, org, roles: [] });
    bobToken = await demo.sign({ sub: bob, org, roles: [] });
  });
  after(() => dispose());
  beforeEach(() => {
    executions = 0;
    nextId = 1;
    hold = null;
    failNext = null;
  });
  afterEach(() => {
    for (const open of gates.splice(0)) open();
  });

  const post = async (path: string, body: unknown, key: string | undefined, token = aliceToken): Promise<TestResponse> =>
    app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  test('without a key every request runs', async () => {
    assert.equal((await post('/v1/things', { name: 'a' }, undefined)).status, 201);
    assert.equal((await post('/v1/things', { name: 'a' }, undefined)).status, 201);
    assert.equal(executions, 2);
  });

  test('a replay returns the first response (status, body, type) without running the handler again', async () => {
    const first = await post('/v1/things', { name: 'ward round', tags: ['x'] }, 'key-replay-1');
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const firstBody = await first.text();
    const again = await post('/v1/things', { name: 'ward round', tags: ['x'] }, 'key-replay-1');
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.match(again.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(await again.text(), firstBody);
    assert.equal(executions, 1);
    const [row] = await database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'key-replay-1'));
    assert.equal(row!.state, 'done');
    assert.equal(row!.principalId, alice);
    assert.equal(row!.responseStatus, 201);
  });

  test('the body is compared canonically: key order and spacing do not make another request', async () => {
    await post('/v1/things', '{"name":"a","tags":["p","q"],"size":3}', 'key-canon');
    const again = await post('/v1/things', '{ "size": 3,\n  "tags": ["p", "q"], "name": "a" }', 'key-canon');
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(executions, 1);
    // …but array order is meaningful.
    const reordered = await post('/v1/things', '{"name":"a","tags":["q","p"],"size":3}', 'key-canon');
    assert.equal(reordered.status, 422);
  });

  test('the same key with another body or path is 422 idempotency_key_reused', async () => {
    assert.equal((await post('/v1/things', { name: 'one' }, 'key-reuse')).status, 201);
    const otherBody = await post('/v1/things', { name: 'two' }, 'key-reuse');
    assert.equal(otherBody.status, 422);
    assert.equal((await readProblem(otherBody))['code'], 'idempotency_key_reused');
    const otherPath = await post('/v1/things/thg_1/copies', { name: 'one' }, 'key-reuse');
    assert.equal(otherPath.status, 422);
    assert.equal((await readProblem(otherPath))['code'], 'idempotency_key_reused');
    assert.equal(executions, 1);
  });

  test('keys are per caller: another person may use the same key', async () => {
    const a = await post('/v1/things', { name: 'same' }, 'key-shared');
    const b = await post('/v1/things', { name: 'same' }, 'key-shared', bobToken);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.headers.get('idempotent-replayed'), null);
    assert.equal((await b.json()).by, bob);
    assert.equal(executions, 2);
  });

  test('a malformed key is a 400 naming header.Idempotency-Key', async () => {
    for (const key of ['', 'has space', 'x'.repeat(256), 'caf\u00e9']) {
      const res = await post('/v1/things', { name: 'a' }, key);
      assert.equal(res.status, 400, JSON.stringify(key));
      const problem = await readProblem(res);
      assert.equal(problem['code'], 'validation_failed');
      assert.equal(problem.errors?.[0]?.path, 'header.Idempotency-Key');
    }
    assert.equal((await post('/v1/things', { name: 'a' }, 'x'.repeat(255))).status, 201);
    assert.equal((await post('/v1/things', { name: 'a' }, '!~"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}')).status, 201);
    assert.equal(executions, 2);
  });

  test('while the first request is in flight, the same key is 409 idempotency_request_in_flight', { timeout: 20_000 }, async () => {
    const g = gate();
    hold = g.promise;
    const first = post('/v1/things', { name: 'slow' }, 'key-inflight');
    // Wait until the first request is inside the handler (its key is claimed by then).
    while (executions === 0) await new Promise((r) => setImmediate(r));
    const second = await post('/v1/things', { name: 'slow' }, 'key-inflight');
    assert.equal(second.status, 409);
    assert.equal((await readProblem(second))['code'], 'idempotency_request_in_flight');
    assert.equal(second.headers.get('retry-after'), '1');
    // A different body is still 422, even in flight.
    assert.equal((await post('/v1/things', { name: 'other' }, 'key-inflight')).status, 422);
    g.open();
    assert.equal((await first).status, 201);
    const replay = await post('/v1/things', { name: 'slow' }, 'key-inflight');
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(executions, 1);
  });

  test('10 parallel identical requests with one key run the handler exactly once (held handler: the rest are 409)', { timeout: 20_000 }, async () => {
    const g = gate();
    hold = g.promise;
    const requests = Array.from({ length: 10 }, () => post('/v1/things', { name: 'burst' }, 'key-burst-held'));
    // Every request but the one holding the key finishes while the handler is held.
    const settled: TestResponse[] = [];
    for (const r of requests) r.then((res) => settled.push(res));
    // (A second execution also ends the wait, so a broken claim fails here instead of hanging.)
    while ((settled.length < 9 || executions === 0) && executions < 2) await new Promise((r) => setImmediate(r));
    assert.equal(executions, 1);
    assert.ok(settled.every((r) => r.status === 409));
    g.open();
    const all = await Promise.all(requests);
    assert.deepEqual(all.map((r) => r.status).sort(), [201, ...Array(9).fill(409)]);
    assert.equal(executions, 1);
  });

  test('10 parallel identical requests with one key: one execution, the rest 409 or the replay', async () => {
    const all = await Promise.all(Array.from({ length: 10 }, () => post('/v1/things', { name: 'burst' }, 'key-burst-free')));
    assert.equal(executions, 1);
    const ids = new Set<string>();
    for (const res of all) {
      assert.ok(res.status === 201 || res.status === 409, `status ${res.status}`);
      if (res.status === 201) ids.add((await res.json()).id);
    }
    assert.equal(ids.size, 1, 'every 201 is the same response');
    assert.equal(all.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null).length, 1);
  });

  test('a 5xx or a thrown error releases the key, so a retry runs', async () => {
    failNext = 'throw';
    const crashed = await post('/v1/things', { name: 'retry me' }, 'key-5xx');
    assert.equal(crashed.status, 500);
    assert.equal((await database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'key-5xx'))).length, 0);
    const retried = await post('/v1/things', { name: 'retry me' }, 'key-5xx');
    assert.equal(retried.status, 201);
    assert.equal(retried.headers.get('idempotent-replayed'), null);

    failNext = '503';
    assert.equal((await post('/v1/things', { name: 'again' }, 'key-503')).status, 503);
    const afterUnavailable = await post('/v1/things', { name: 'again' }, 'key-503');
    assert.equal(afterUnavailable.status, 201);
    assert.equal(executions, 4);
  });

  test('4xx results are stored and replayed (they are deterministic)', async () => {
    const conflict = await post('/v1/things', { name: 'taken' }, 'key-4xx');
    assert.equal(conflict.status, 409);
    const conflictBody = await conflict.json();
    const replay = await post('/v1/things', { name: 'taken' }, 'key-4xx');
    assert.equal(replay.status, 409);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.match(replay.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.deepEqual(await replay.json(), conflictBody);
    const invalid = await post('/v1/things', { name: '' }, 'key-400');
    assert.equal(invalid.status, 400);
    assert.equal((await post('/v1/things', { name: '' }, 'key-400')).headers.get('idempotent-replayed'), 'true');
    assert.equal(executions, 2);
  });

  test('keys expire after 24 h: an old row is overwritten, even for another request', async () => {
    await post('/v1/things', { name: 'yesterday' }, 'key-old');
    await database.db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(idempotencyKeys.key, 'key-old'));
    const reused = await post('/v1/things', { name: 'today' }, 'key-old');
    assert.equal(reused.status, 201);
    assert.equal((await reused.json()).name, 'today');
    assert.equal(executions, 2);
    // A row just under 24 h old still counts.
    await database.db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '23 hours'` }).where(eq(idempotencyKeys.key, 'key-old'));
    assert.equal((await post('/v1/things', { name: 'tomorrow' }, 'key-old')).status, 422);
  });

  test('an abandoned in-flight row (the process died) stops blocking once it is older than the in-flight timeout', async () => {
    await database.db.insert(idempotencyKeys).values({
      principalId: alice, key: 'key-abandoned', method: 'POST', path: '/v1/things', requestHash: 'whatever', state: 'in_flight',
      createdAt: sql`now() - interval '10 minutes'` as unknown as string,
    });
    const res = await post('/v1/things', { name: 'recovered' }, 'key-abandoned');
    assert.equal(res.status, 201);
    assert.equal(executions, 1);
  });

  test('only POST is covered by default: a GET with a key runs as usual', async () => {
    const get = () => app.request('/v1/things', { headers: { authorization: `Bearer ${aliceToken}`, 'idempotency-key': 'key-get' } });
    assert.equal((await get()).status, 200);
    assert.equal((await get()).headers.get('idempotent-replayed'), null);
    assert.equal(executions, 2);
  });
});

describe(`ETag / If-Match on ${engine} (employees.details_version)`, () => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let token: string;

  const currentVersion = async (db: Db, id: string) =>
    (await db.select({ v: employees.detailsVersion }).from(employees).where(eq(employees.id, id)))[0]?.v ?? null;

  /** The pattern for routes: the If-Match version goes straight into the UPDATE's WHERE. */
  const renamePreferred = (db: Db, id: string, expected: number, preferredName: string) =>
    conditionalUpdate(
      () =>
        db
          .update(employees)
          .set({ preferredName, detailsVersion: sql`${employees.detailsVersion} + 1` })
          .where(and(eq(employees.id, id), eq(employees.detailsVersion, expected)))
          .returning({ version: employees.detailsVersion }),
      () => currentVersion(db, id),
    );

  before(async () => {
    ({ database, dispose } = await freshDatabase());
    await insertPeople(database.db);
    const demo = await createDemoIssuer();
    app = createApp({ database, verifier: demo, logError: () => {} });
    app.use('/v1/people-test/*', requireAuth(demo));
    app.get('/v1/people-test/:id', async (c) => {
      const v = await currentVersion(c.var.db, c.req.param('id'));
      if (v === null) throw new ApiProblem(404, 'not_found', 'Not found', 'No such person.');
      setETag(c, v);
      return c.json({ version: v }, 200);
    });
    app.patch('/v1/people-test/:id', async (c) => {
      const expected = ifMatchVersion(c);
      const { preferredName } = (await c.req.json()) as { preferredName: string };
      const [row] = await renamePreferred(c.var.db, c.req.param('id'), expected, preferredName);
      setETag(c, row.version);
      return c.json({ version: row.version, preferredName }, 200);
    });
    token = await demo.sign({ sub: alice, org, roles: [] });
  });
  after(() => dispose());

  const patch = (ifMatch: string | undefined, preferredName: string) =>
    app.request(`/v1/people-test/${alice}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
      body: JSON.stringify({ preferredName }),
    });

  test('GET emits the strong ETag "v<version>"', async () => {
    const res = await app.request(`/v1/people-test/${alice}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('etag'), etagFor((await currentVersion(database.db, alice))!));
    assert.equal(res.headers.get('etag'), '"v1"');
  });

  test('no If-Match is 428 precondition_required; * is refused too; nothing changes', async () => {
    for (const header of [undefined, '', '*']) {
      const res = await patch(header, 'Ally');
      assert.equal(res.status, 428, String(header));
      assert.equal((await readProblem(res))['code'], 'precondition_required');
    }
    assert.equal(await currentVersion(database.db, alice), 1);
  });

  test('a stale, weak or malformed ETag is 412 precondition_failed with the current ETag', async () => {
    for (const header of ['"v7"', 'W/"v1"', 'v1', '"1"']) {
      const res = await patch(header, 'Ally');
      assert.equal(res.status, 412, header);
      assert.equal((await readProblem(res))['code'], 'precondition_failed');
      if (header === '"v7"') assert.equal(res.headers.get('etag'), '"v1"');
    }
    assert.equal(await currentVersion(database.db, alice), 1);
  });

  test('the matching ETag updates the record and returns the next ETag; the old one is then stale', async () => {
    const before = await currentVersion(database.db, alice);
    const res = await patch(etagFor(before!), 'Ally');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('etag'), etagFor(before! + 1));
    const [row] = await database.db.select().from(employees).where(eq(employees.id, alice));
    assert.equal(row!.preferredName, 'Ally');
    const stale = await patch(etagFor(before!), 'Alice');
    assert.equal(stale.status, 412);
    assert.equal(stale.headers.get('etag'), etagFor(before! + 1));
  });

  test('two concurrent writers holding the same ETag: exactly one wins, the other gets 412', async () => {
    const v = (await currentVersion(database.db, alice))!;
    const results = await Promise.all([patch(etagFor(v), 'First'), patch(etagFor(v), 'Second'), patch(etagFor(v), 'Third')]);
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 412, 412]);
    const winner = (await results.find((r) => r.status === 200)!.json()) as { preferredName: string };
    const [row] = await database.db.select().from(employees).where(eq(employees.id, alice));
    assert.equal(row!.preferredName, winner.preferredName);
    assert.equal(row!.detailsVersion, v + 1);
  });

  test('the version guard holds inside concurrent transactions too', async () => {
    const v = (await currentVersion(database.db, bob))!;
    const attempt = (name: string) =>
      database.db.transaction(async (tx) => {
        const [row] = await renamePreferred(tx as unknown as Db, bob, v, name);
        return row.version;
      }).then(
        (version) => ({ ok: true as const, version }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    const outcomes = await Promise.all([attempt('A'), attempt('B')]);
    assert.equal(outcomes.filter((o) => o.ok).length, 1);
    const lost = outcomes.find((o) => !o.ok)!;
    assert.ok(!lost.ok && lost.error instanceof ApiProblem && lost.error.status === 412);
    assert.equal(await currentVersion(database.db, bob), v + 1);
  });

  test('preconditionFailed without a known version carries no ETag', () => {
    const problem = preconditionFailed(null);
    assert.equal(problem.status, 412);
    assert.deepEqual(problem.headers, {});
  });
});
