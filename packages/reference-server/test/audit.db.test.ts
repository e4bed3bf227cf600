// The audit trail on a real database (PGlite, or PostgreSQL with DATABASE_URL): masked, append-only,
// readable by HR admins of the same organisation only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { auditRead, recordAudit } from '../src/audit/index.ts';
import { requireAuth } from '../src/auth/principal.ts';
import type { Principal } from '../src/auth/principal.ts';
import { createDemoIssuer } from '../src/auth/tokens.ts';
import type { DemoIssuer } from '../src/auth/tokens.ts';
import type { Database } from '../src/db/database.ts';
import { auditEvents } from '../src/db/schema.ts';
import { auditRoutes } from '../src/routes/audit.ts';
import { engine, freshDatabase, readProblem } from './helpers/harness.ts';

const hr: Principal = { employeeId: 'emp_hr1', organisationId: 'org_a', roles: ['hr_admin'] };
const clerk: Principal = { employeeId: 'emp_clerk', organisationId: 'org_a', roles: [] };
const otherHr: Principal = { employeeId: 'emp_hr9', organisationId: 'org_b', roles: ['hr_admin'] };

describe(`audit trail on ${engine}`, () => {
  let database: Database;
  let dispose: () => Promise<void>;
  let demo: DemoIssuer;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};

  before(async () => {
    ({ database, dispose } = await freshDatabase());
    demo = await createDemoIssuer();
    app = createApp({ database, verifier: demo });
    app.use('/v1/audit-events', requireAuth(demo));
    app.route('/v1', auditRoutes());
    for (const p of [hr, clerk, otherHr]) tokens[p.employeeId] = await demo.sign({ sub: p.employeeId, org: p.organisationId, roles: p.roles });
  });
  after(() => dispose());

  const list = async (query: string, as: Principal = hr) =>
    app.request(`/v1/audit-events${query}`, { headers: { authorization: `Bearer ${tokens[as.employeeId]}` } });

  describe('recording', () => {
    test('recordAudit stores who, what, whose, from where, and only masked values', async () => {
      const id = await recordAudit(database.db, {
        principal: clerk,
        action: 'update',
        resource: 'bank_details',
        subjectEmployeeId: 'emp_clerk',
        changes: {
          sortCode: { from: '40-47-84', to: '20-00-00' },
          accountNumber: { from: '31926819', to: '55779911' },
          'addresses.home.line1': { to: '221B Baker Street' },
        },
        ip: '198.51.100.23',
        requestId: 'req_0123456789',
      });
      const [row] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, id));
      assert.equal(row!.organisationId, 'org_a');
      assert.equal(row!.actorEmployeeId, 'emp_clerk');
      assert.equal(row!.action, 'update');
      assert.equal(row!.resource, 'bank_details');
      assert.equal(row!.subjectEmployeeId, 'emp_clerk');
      assert.equal(row!.ip, '198.51.100.23');
      assert.equal(row!.requestId, 'req_0123456789');
      assert.ok(Math.abs(Date.parse(row!.occurredAt) - Date.now()) < 10 * 60_000, 'a real instant, from the database clock');
      assert.deepEqual(row!.changes, {
        sortCode: { from: '**-**-84', to: '**-**-00' },
        accountNumber: { from: '****6819', to: '****9911' },
        'addresses.home.line1': { to: '22…' },
      });
      const stored = JSON.stringify(row);
      for (const secret of ['31926819', '55779911', '40-47-84', 'Baker']) assert.ok(!stored.includes(secret), `${secret} leaked`);
    });

    test('inside a transaction the event commits or rolls back with the change', async () => {
      const before = (await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n;
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await recordAudit(tx, { principal: clerk, action: 'request', resource: 'name_change', subjectEmployeeId: 'emp_clerk' });
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      assert.equal((await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n, before);
      await database.db.transaction(async (tx) => {
        await recordAudit(tx, { principal: clerk, action: 'request', resource: 'name_change', subjectEmployeeId: 'emp_clerk' });
      });
      assert.equal((await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n, before + 1);
    });

    test('auditRead records reads of someone else’s data, not of your own', async () => {
      assert.equal(await auditRead(database.db, { principal: hr, resource: 'bank_details', subjectEmployeeId: 'emp_hr1' }), false);
      assert.equal(await auditRead(database.db, { principal: hr, resource: 'bank_details', subjectEmployeeId: 'emp_x77', ip: null, requestId: 'req_read0001' }), true);
      const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.requestId, 'req_read0001'));
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.action, 'read');
      assert.equal(rows[0]!.changes, null);
      assert.equal((await database.db.select().from(auditEvents).where(eq(auditEvents.subjectEmployeeId, 'emp_hr1'))).length, 0);
    });

    test('audit_events is append-only: UPDATE, DELETE and TRUNCATE fail, and nothing changes', async () => {
      const [first] = await database.db.select().from(auditEvents).orderBy(asc(auditEvents.id)).limit(1);
      const count = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n;
      const n = await count();
      await assert.rejects(database.db.update(auditEvents).set({ action: 'nothing' }).where(eq(auditEvents.id, first!.id)), (e: Error) => /append-only/.test(String(e.cause ?? e.message) + e.message));
      await assert.rejects(database.db.delete(auditEvents).where(eq(auditEvents.id, first!.id)), (e: Error) => /append-only/.test(String(e.cause ?? e.message) + e.message));
      await assert.rejects(database.exec('TRUNCATE audit_events'), /append-only/);
      await assert.rejects(database.exec('DELETE FROM audit_events'), /append-only/);
      const [again] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, first!.id));
      assert.deepEqual(again, first);
      assert.equal(await count(), n);
    });
  });

  describe('GET /v1/audit-events', () => {
    /** Events with known instants (inserted directly: the log cannot be edited afterwards). */
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute, 0)).toISOString();
    before(async () => {
      const rows = [
        { occurredAt: at(0), organisationId: 'org_a', actorEmployeeId: 'emp_hr1', action: 'read', resource: 'bank_details', subjectEmployeeId: 'emp_s1' },
        { occurredAt: at(1), organisationId: 'org_a', actorEmployeeId: 'emp_hr1', action: 'read', resource: 'personal_details', subjectEmployeeId: 'emp_s2' },
        { occurredAt: at(2), organisationId: 'org_a', actorEmployeeId: 'emp_s1', action: 'update', resource: 'personal_details', subjectEmployeeId: 'emp_s1', changes: { 'phones.mobile': { to: '*******123' } } },
        // Three events in the same microsecond: the id breaks the tie.
        { occurredAt: at(3), organisationId: 'org_a', actorEmployeeId: 'emp_hr2', action: 'read', resource: 'bank_details', subjectEmployeeId: 'emp_s1' },
        { occurredAt: at(3), organisationId: 'org_a', actorEmployeeId: 'emp_hr2', action: 'read', resource: 'bank_details', subjectEmployeeId: 'emp_s2' },
        { occurredAt: at(3), organisationId: 'org_a', actorEmployeeId: 'emp_hr2', action: 'read', resource: 'bank_details', subjectEmployeeId: 'emp_s3' },
        { occurredAt: at(4), organisationId: 'org_b', actorEmployeeId: 'emp_hr9', action: 'read', resource: 'bank_details', subjectEmployeeId: 'emp_s1' },
      ];
      for (const row of rows) await database.db.insert(auditEvents).values({ ...row, ip: '10.1.2.3', requestId: 'req_seeded00' });
    });

    type Item = { id: string; occurredAt: string; actorEmployeeId: string; action: string; resource: string; subjectEmployeeId: string | null; changes: unknown };
    async function all(query: string, as: Principal = hr, limit = 2): Promise<Item[]> {
      const items: Item[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await list(`?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, as);
        assert.equal(res.status, 200);
        const page = (await res.json()) as { data: Item[]; hasMore: boolean; nextCursor: string | null };
        assert.ok(page.data.length <= limit);
        assert.equal(page.hasMore, page.nextCursor !== null);
        items.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    }

    test('HR admins see their organisation’s events, newest first, every event exactly once across pages', async () => {
      const items = await all('');
      const stored = await database.db.select().from(auditEvents).where(eq(auditEvents.organisationId, 'org_a'));
      assert.equal(items.length, stored.length);
      assert.equal(new Set(items.map((i) => i.id)).size, items.length);
      assert.ok(items.every((i) => /^aud_\d+$/.test(i.id)));
      const order = items.map((i) => [Date.parse(i.occurredAt), Number(i.id.slice(4))] as const);
      for (let k = 1; k < order.length; k++) {
        const [t0, id0] = order[k - 1]!;
        const [t1, id1] = order[k]!;
        assert.ok(t0 > t1 || (t0 === t1 && id0 > id1), 'newest first, ties by id');
      }
      assert.ok(items.every((i) => i.occurredAt.endsWith('Z')), 'instants in UTC');
      assert.ok(!items.some((i) => i.actorEmployeeId === 'emp_hr9'), 'nothing from another organisation');
      const seeded = items.filter((i) => i.occurredAt.startsWith('2026-11-20T09:03'));
      assert.deepEqual(seeded.map((i) => i.subjectEmployeeId), ['emp_s3', 'emp_s2', 'emp_s1']);
    });

    test('another organisation’s HR admin sees only theirs', async () => {
      const items = await all('', otherHr);
      assert.deepEqual(items.map((i) => i.actorEmployeeId), ['emp_hr9']);
    });

    test('filters: subject, actor, action, and the [from, to) window', async () => {
      const bySubject = await all('&subjectEmployeeId=emp_s1');
      assert.ok(bySubject.length >= 3 && bySubject.every((i) => i.subjectEmployeeId === 'emp_s1'));
      const byActor = await all('&actorEmployeeId=emp_hr2');
      assert.equal(byActor.length, 3);
      const updates = await all('&action=update&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z');
      assert.deepEqual(updates.map((i) => [i.actorEmployeeId, i.changes]), [['emp_s1', { 'phones.mobile': { to: '*******123' } }]]);
      const window = await all(`&from=${encodeURIComponent(at(1))}&to=${encodeURIComponent(at(3))}`);
      assert.deepEqual(window.map((i) => i.occurredAt), [at(2), at(1)]);
      const offset = await all(`&from=${encodeURIComponent('2026-11-20T10:03:00+01:00')}&to=2026-11-20T09:03:00.001Z`);
      assert.equal(offset.length, 3, 'offsets are honoured');
      const combined = await all('&subjectEmployeeId=emp_s1&actorEmployeeId=emp_hr2&action=read');
      assert.equal(combined.length, 1);
    });

    test('only HR admins: others get 403 forbidden; no token is 401', async () => {
      const res = await list('', clerk);
      assert.equal(res.status, 403);
      assert.equal((await readProblem(res))['code'], 'forbidden');
      const anonymous = await app.request('/v1/audit-events');
      assert.equal(anonymous.status, 401);
    });

    test('the query is strict: unknown or malformed parameters are a 400 naming the field', async () => {
      for (const [query, field] of [
        ['?colour=blue', 'query.colour'],
        ['?from=yesterday', 'query.from'],
        ['?to=2026-11-20', 'query.to'],
        ['?subjectEmployeeId=bob', 'query.subjectEmployeeId'],
        ['?limit=101', 'query.limit'],
        ['?cursor=not-a-cursor', 'query.cursor'],
        [`?cursor=${Buffer.from(JSON.stringify(['soon', 1])).toString('base64url')}`, 'query.cursor'],
        [`?cursor=${Buffer.from(JSON.stringify(['March 7, 2026', 1])).toString('base64url')}`, 'query.cursor'],
        [`?cursor=${Buffer.from(JSON.stringify(['2026-02-30 09:03:00+00', 1])).toString('base64url')}`, 'query.cursor'],
        [`?cursor=${Buffer.from(JSON.stringify(['2026-11-20 09:03:00+00', 1.5])).toString('base64url')}`, 'query.cursor'],
      ] as const) {
        const res = await list(query);
        assert.equal(res.status, 400, query);
        const problem = await readProblem(res);
        assert.ok(problem.errors?.some((e) => e.path === field), `${query}: ${JSON.stringify(problem.errors)}`);
      }
    });

    test('the route is in the OpenAPI document as listAuditEvents, tagged Audit, with bearer auth', async () => {
      const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string; tags: string[]; security: unknown; parameters: Array<{ name: string }> }>> };
      const op = doc.paths['/v1/audit-events']?.['get'];
      assert.equal(op?.operationId, 'listAuditEvents');
      assert.deepEqual(op?.tags, ['Audit']);
      assert.deepEqual(op?.security, [{ bearerAuth: [] }]);
      assert.deepEqual(op?.parameters.map((p) => p.name).sort(), ['action', 'actorEmployeeId', 'cursor', 'from', 'limit', 'subjectEmployeeId', 'to']);
    });
  });
});
