import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { approvalRequests, auditEvents, bankDetails } from '../src/db/schema.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { asOf, createHarness, engine, readProblem } from './helpers/harness.ts';
import { findCast } from './helpers/cast.ts';
import type { Harness, TestResponse } from './helpers/harness.ts';

type Caller = 'self' | 'peer' | 'managerInLine' | 'seniorInLine' | 'managerOutOfLine' | 'hrSameTrust' | 'hrOtherTrust';

describe(`people API and its authorisation matrix on ${engine}`, () => {
  let h: Harness;
  const ids = {} as Record<Caller, string>;
  const tokens = {} as Record<Caller, string>;
  const orgOf = {} as Record<Caller, string>;

  before(async () => {
    h = await createHarness({ seed: false });
    await seedDatabase(h.database, { staff: 150, organisations: 2, asOf });
    // A leaf employee with a supervisor who has a supervisor, in the first trust.
    const cast = await findCast(h.database);
    Object.assign(ids, {
      self: cast.ids.self, peer: cast.ids.peer, managerInLine: cast.ids.manager, seniorInLine: cast.ids.senior,
      managerOutOfLine: cast.ids.outOfLine, hrSameTrust: cast.ids.hr, hrOtherTrust: cast.ids.hrOther,
    });
    for (const caller of Object.keys(ids) as Caller[]) {
      orgOf[caller] = caller === 'hrOtherTrust' ? 'org_01' : 'org_00';
      tokens[caller] = await h.demo.sign({ sub: ids[caller], org: orgOf[caller], roles: caller.startsWith('hr') ? ['hr_admin'] : [] });
    }
  });
  after(() => h.close());

  const call = (caller: Caller, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
    h.app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[caller]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }) as Promise<TestResponse>;

  const etagOf = async (caller: Caller) => (await call(caller, 'GET', `/v1/people/${ids.self}/personal-details`)).headers.get('etag')!;

  const everyone: Caller[] = ['self', 'peer', 'managerInLine', 'seniorInLine', 'managerOutOfLine', 'hrSameTrust', 'hrOtherTrust'];
  // Expected status per caller; 404 = may not know the record exists, 403 = may see the person but not this.
  const matrix: Array<{ name: string; expect: Record<Caller, number>; run: (caller: Caller) => Promise<TestResponse> }> = [
    {
      name: 'GET profile',
      expect: { self: 200, peer: 404, managerInLine: 200, seniorInLine: 200, managerOutOfLine: 404, hrSameTrust: 200, hrOtherTrust: 404 },
      run: (c) => call(c, 'GET', `/v1/people/${ids.self}`),
    },
    {
      name: 'GET personal details',
      expect: { self: 200, peer: 404, managerInLine: 403, seniorInLine: 403, managerOutOfLine: 404, hrSameTrust: 200, hrOtherTrust: 404 },
      run: (c) => call(c, 'GET', `/v1/people/${ids.self}/personal-details`),
    },
    {
      name: 'PATCH personal details',
      expect: { self: 200, peer: 404, managerInLine: 403, seniorInLine: 403, managerOutOfLine: 404, hrSameTrust: 200, hrOtherTrust: 404 },
      run: async (c) => call(c, 'PATCH', `/v1/people/${ids.self}/personal-details`, { phones: { work: '0113 496 0000' } }, { 'if-match': await etagOf('self') }),
    },
    {
      name: 'GET bank details',
      expect: { self: 200, peer: 404, managerInLine: 403, seniorInLine: 403, managerOutOfLine: 404, hrSameTrust: 200, hrOtherTrust: 404 },
      run: (c) => call(c, 'GET', `/v1/people/${ids.self}/bank-details`),
    },
    {
      name: 'PUT bank details',
      expect: { self: 200, peer: 404, managerInLine: 403, seniorInLine: 403, managerOutOfLine: 404, hrSameTrust: 403, hrOtherTrust: 404 },
      run: async (c) => call(c, 'PUT', `/v1/people/${ids.self}/bank-details`, { accountName: 'A PERSON', sortCode: '40-47-84', accountNumber: '12345678' }, { 'if-match': await etagOf('self') }),
    },
    {
      name: 'GET equality and diversity',
      expect: { self: 200, peer: 404, managerInLine: 403, seniorInLine: 403, managerOutOfLine: 404, hrSameTrust: 403, hrOtherTrust: 404 },
      run: (c) => call(c, 'GET', `/v1/people/${ids.self}/equality-diversity`),
    },
    {
      name: 'PUT equality and diversity',
      expect: { self: 200, peer: 404, managerInLine: 403, seniorInLine: 403, managerOutOfLine: 404, hrSameTrust: 403, hrOtherTrust: 404 },
      run: (c) => call(c, 'PUT', `/v1/people/${ids.self}/equality-diversity`, { ethnicity: 'Z', sex: 'prefer_not_to_say', disability: 'no', religion: 'prefer_not_to_say', sexualOrientation: 'prefer_not_to_say' }),
    },
    {
      name: 'POST name change request',
      expect: { self: 202, peer: 404, managerInLine: 403, seniorInLine: 403, managerOutOfLine: 404, hrSameTrust: 403, hrOtherTrust: 404 },
      run: (c) => call(c, 'POST', `/v1/people/${ids.self}/name-change-requests`, { firstName: 'Ann', lastName: 'Other', reason: 'marriage' }),
    },
  ];

  for (const row of matrix) {
    test(`authorisation: ${row.name}`, async () => {
      const got: Partial<Record<Caller, number>> = {};
      for (const caller of everyone) {
        const res = await row.run(caller);
        got[caller] = res.status;
        if (res.status >= 400) await readProblem(res);
      }
      assert.deepEqual(got, row.expect);
    });
  }

  test('`me` resolves to the caller; /v1/me reports the manager role from the hierarchy', async () => {
    const mine = await (await call('self', 'GET', '/v1/people/me')).json();
    assert.equal(mine.id, ids.self);
    assert.equal(mine.assignment.supervisor.id, ids.managerInLine);
    const me = await (await call('managerInLine', 'GET', '/v1/me')).json();
    assert.ok(me.roles.includes('manager'));
    const leafMe = await (await call('self', 'GET', '/v1/me')).json();
    assert.deepEqual(leafMe.roles, ['employee']);
  });

  test('bank details are masked for every reader, shown in full only in the owner’s own change response', async () => {
    const [stored] = await h.database.db.select().from(bankDetails).where(eq(bankDetails.employeeId, ids.self));
    for (const caller of ['self', 'hrSameTrust'] as const) {
      const text = await (await call(caller, 'GET', `/v1/people/${ids.self}/bank-details`)).text();
      assert.ok(!text.includes(stored!.accountNumber), `${caller} saw the full account number`);
      assert.match(JSON.parse(text).accountNumber, /^\*{4}\d{4}$/);
    }
    const res = await call('self', 'PUT', `/v1/people/${ids.self}/bank-details`, { accountName: 'A PERSON', sortCode: '20 00 00', accountNumber: '87654321' }, { 'if-match': await etagOf('self') });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { accountName: 'A PERSON', sortCode: '200000', accountNumber: '87654321', masked: false });
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  test('profile masks the NI number', async () => {
    const profile = await (await call('hrSameTrust', 'GET', `/v1/people/${ids.self}`)).json();
    assert.match(profile.niNumberMasked, /^QQ \*\* \*\* \*\* [A-D]$/);
  });

  test('mass assignment is rejected: fields outside the patch schema are 400 naming them', async () => {
    const etag = await etagOf('self');
    for (const [body, path] of [
      [{ firstName: 'Mallory' }, 'json.firstName'],
      [{ detailsVersion: 99 }, 'json.detailsVersion'],
      [{ addresses: { home: { line1: '1 Road', town: 'Leeds', postcode: 'LS1 4AP', organisationId: 'org_01' } } }, 'json.addresses.home.organisationId'],
      [{ roles: ['hr_admin'] }, 'json.roles'],
    ] as const) {
      const res = await call('self', 'PATCH', `/v1/people/${ids.self}/personal-details`, body, { 'if-match': etag });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.ok((await readProblem(res)).errors?.some((e) => e.path === path), `expected ${path}`);
    }
    assert.equal(await etagOf('self'), etag, 'a rejected write changed the record');
  });

  test('validation names each field: postcode, phone, duplicate contact priorities', async () => {
    const res = await call('self', 'PATCH', `/v1/people/${ids.self}/personal-details`, {
      addresses: { home: { line1: '1 Road', town: 'Leeds', postcode: 'NOT A CODE' } },
      phones: { mobile: 'call me' },
      emergencyContacts: [{ priority: 1, name: 'A', relationship: 'Partner', phone: '07700 900001' }, { priority: 1, name: 'B', relationship: 'Parent', phone: '07700 900002' }],
    }, { 'if-match': await etagOf('self') });
    assert.equal(res.status, 400);
    const paths = (await readProblem(res)).errors?.map((e) => e.path).sort();
    assert.deepEqual(paths, ['json.addresses.home.postcode', 'json.emergencyContacts', 'json.phones.mobile']);
  });

  test('ETag: 428 without If-Match, 412 on a stale one, and of two writers with one ETag exactly one wins', async () => {
    const path = `/v1/people/${ids.self}/personal-details`;
    const noMatch = await call('self', 'PATCH', path, { preferredName: 'Annie' });
    assert.equal(noMatch.status, 428);
    assert.equal((await readProblem(noMatch))['code'], 'precondition_required');
    const etag = await etagOf('self');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => call('self', 'PATCH', path, { preferredName: `Writer ${i}` }, { 'if-match': etag })),
    );
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 412, 412, 412, 412, 412]);
    const stale = await call('self', 'PATCH', path, { preferredName: 'Late' }, { 'if-match': etag });
    assert.equal(stale.status, 412);
    const winner = await results.find((r) => r.status === 200)!.json();
    const now = await (await call('self', 'GET', path)).json();
    assert.equal(now.name.preferredName, winner.name.preferredName, 'the losing writes changed nothing');
  });

  test('changes apply at once and come back normalised', async () => {
    const res = await call('self', 'PATCH', `/v1/people/${ids.self}/personal-details`, {
      addresses: { home: { line1: ' 12 Park Row ', town: 'Leeds', postcode: 'ls14ap' } },
      emergencyContacts: [{ priority: 1, name: 'Sam Jones', relationship: 'Partner', phone: '07700 900123' }],
    }, { 'if-match': await etagOf('self') });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.deepEqual(body.addresses.home, { line1: '12 Park Row', line2: null, town: 'Leeds', county: null, postcode: 'LS1 4AP', country: 'United Kingdom' });
    assert.deepEqual(body.emergencyContacts, [{ priority: 1, name: 'Sam Jones', relationship: 'Partner', phone: '07700 900123' }]);
    assert.equal(res.headers.get('etag'), `"v${body.version}"`);
  });

  test('name change: creates one pending approval request; Idempotency-Key replays it; reuse with another body is 422', async () => {
    const path = `/v1/people/${ids.self}/name-change-requests`;
    const body = { firstName: 'Annabel', lastName: 'Smith', reason: 'marriage' };
    const first = await call('self', 'POST', path, body, { 'idempotency-key': 'name-change-1' });
    assert.equal(first.status, 202);
    const created = await first.json();
    assert.equal(created.status, 'pending');
    const replay = await call('self', 'POST', path, body, { 'idempotency-key': 'name-change-1' });
    assert.equal(replay.status, 202);
    assert.deepEqual(await replay.json(), created);
    const reused = await call('self', 'POST', path, { ...body, lastName: 'Jones' }, { 'idempotency-key': 'name-change-1' });
    assert.equal(reused.status, 422);
    const rows = await h.database.db.select().from(approvalRequests).where(and(eq(approvalRequests.subjectEmployeeId, ids.self), sql`${approvalRequests.payload}->>'firstName' = 'Annabel'`));
    assert.equal(rows.length, 1);
    const profile = await (await call('self', 'GET', `/v1/people/${ids.self}`)).json();
    assert.notEqual(profile.name.firstName, 'Annabel', 'the name changed before approval');
  });

  test('audit: HR reads and every change are recorded, with masked values only', async () => {
    await call('hrSameTrust', 'GET', `/v1/people/${ids.self}/bank-details`);
    const events = await h.database.db.select().from(auditEvents).where(eq(auditEvents.subjectEmployeeId, ids.self));
    assert.ok(events.some((e) => e.action === 'read' && e.resource === 'bank_details' && e.actorEmployeeId === ids.hrSameTrust));
    assert.ok(events.some((e) => e.action === 'update' && e.resource === 'personal_details'));
    const bankChange = events.find((e) => e.resource === 'bank_details' && e.action === 'update');
    assert.ok(bankChange);
    const text = JSON.stringify(events);
    assert.ok(!text.includes('87654321') && !text.includes('12345678'), 'a full account number reached the audit log');
    for (const e of events) assert.ok(e.requestId, 'audit event without a request id');
  });

  test('team: a manager lists direct reports or the whole line; others get an empty team', async () => {
    const direct = await (await call('seniorInLine', 'GET', '/v1/me/team?scope=direct&limit=100')).json();
    assert.ok(direct.data.some((m: { id: string }) => m.id === ids.managerInLine));
    assert.ok(!direct.data.some((m: { id: string }) => m.id === ids.self));
    assert.ok(direct.data.every((m: { level: number }) => m.level === 1));
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ id: string }>; nextCursor: string | null } = await (await call('seniorInLine', 'GET', `/v1/me/team?scope=all&limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json();
      all.push(...page.data.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(all.includes(ids.self) && all.includes(ids.managerInLine));
    assert.equal(new Set(all).size, all.length, 'someone listed twice');
    const none = await (await call('self', 'GET', '/v1/me/team')).json();
    assert.deepEqual(none, { data: [], hasMore: false, nextCursor: null });
  });
});
