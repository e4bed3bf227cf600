import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse, delay, http } from 'msw';
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionError,
  PreconditionError,
  ServerError,
  ValidationError,
} from '../src/index.ts';
import type { ApprovalRequestSummary, NameChangeRequest } from '../src/index.ts';
import {
  bankDetailsFixture,
  createPeopleHandlers,
  personalDetailsFixture,
  profileFixture,
  teamFixtures,
} from '../src/testing/index.ts';
import { pathOf, rejection, testClient, useMockServer } from './helpers.ts';

const { server, seen } = useMockServer();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const marriage: NameChangeRequest = { title: 'Mrs', firstName: 'Amelia', lastName: 'Price', reason: 'marriage' };
const writes = () => seen.filter((r) => r.method !== 'GET');

const unavailable = () =>
  HttpResponse.json(
    { type: 'urn:esr:problem:unavailable', title: 'Unavailable', status: 503, code: 'unavailable', detail: 'Try again' },
    { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '0' } },
  );
const accepted = (): ApprovalRequestSummary => ({
  id: 'apr_0001',
  type: 'personal_details.name_change',
  status: 'pending',
  subjectEmployeeId: profileFixture.id,
  createdAt: '2026-11-25T10:00:00.000Z',
});

describe('ETag and If-Match', () => {
  test('read → update sends the read ETag → a second update sends the new one, with no re-read', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    const details = await esr.people.personalDetails();
    assert.equal(details.version, 1);
    assert.equal(esr.etagOf(details), '"v1"');

    const first = await esr.people.updatePersonalDetails('me', { phones: { mobile: '07700 900999' } });
    assert.equal(first.phones.mobile, '07700 900999');
    assert.equal(first.version, 2);
    assert.equal(esr.etagOf(first), '"v2"');

    const second = await esr.people.updatePersonalDetails('me', { preferredName: 'Amy' });
    assert.equal(second.name.preferredName, 'Amy');
    assert.equal(second.phones.mobile, '07700 900999', 'the first change is kept');
    assert.equal(second.version, 3);

    assert.deepEqual(
      seen.map((r) => `${r.method} ${pathOf(r)} ${r.headers.get('if-match') ?? '-'}`),
      [
        'GET /v1/people/me/personal-details -',
        'PATCH /v1/people/me/personal-details "v1"',
        'PATCH /v1/people/me/personal-details "v2"',
      ],
    );
    assert.equal(esr.etagOf(details), '"v1"', 'an object keeps the ETag it was read with');
  });

  test('a stale ETag → PreconditionError (412), not retried, and the next update is not quietly forced through', async () => {
    server.use(...createPeopleHandlers());
    const mine = testClient({ retry: 2 });
    const theirs = testClient();
    await mine.people.personalDetails();
    await theirs.people.personalDetails();
    await theirs.people.updatePersonalDetails('me', { preferredName: 'Millie' });

    const error = await rejection(mine.people.updatePersonalDetails('me', { preferredName: 'Amy' }));
    assert.ok(error instanceof PreconditionError, `got ${String(error)}`);
    assert.equal(error.status, 412);
    assert.equal(error.code, 'precondition_failed');
    assert.equal(error.headers?.get('etag'), '"v2"', 'the server names the current version');
    assert.equal(writes().length, 2, 'theirs, then mine once: a lost update is never retried');

    // The SDK does not adopt the ETag of the 412: that would overwrite a change nobody has seen.
    assert.ok((await rejection(mine.people.updatePersonalDetails('me', { preferredName: 'Amy' }))) instanceof PreconditionError);
    // Reading again is how to recover.
    const fresh = await mine.people.personalDetails();
    assert.equal(fresh.name.preferredName, 'Millie');
    const saved = await mine.people.updatePersonalDetails('me', { preferredName: 'Amy' });
    assert.equal(saved.name.preferredName, 'Amy');
  });

  test('an update before any read sends no If-Match → PreconditionError (428)', async () => {
    server.use(...createPeopleHandlers());
    const error = await rejection(testClient().people.updatePersonalDetails('me', { preferredName: 'Amy' }));
    assert.ok(error instanceof PreconditionError, `got ${String(error)}`);
    assert.equal(error.status, 428);
    assert.equal(error.code, 'precondition_required');
    assert.equal(seen[0]?.headers.has('if-match'), false);
  });

  test('an explicit ifMatch overrides the remembered ETag (update exactly the version you showed)', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    const shown = await esr.people.personalDetails(); // v1, on screen in a form
    await esr.people.updatePersonalDetails('me', { preferredName: 'Millie' }); // another part of the page: v2
    const error = await rejection(esr.people.updatePersonalDetails('me', { preferredName: 'Amy' }, { ifMatch: esr.etagOf(shown) }));
    assert.ok(error instanceof PreconditionError);
    assert.equal(seen.at(-1)?.headers.get('if-match'), '"v1"');
    const saved = await esr.people.updatePersonalDetails('me', { preferredName: 'Amy' }, { ifMatch: '"v2"' });
    assert.equal(saved.version, 3);
  });

  test('ETags are remembered per URL: an explicit employee id and "me" are separate records to the SDK', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    await esr.people.personalDetails(profileFixture.id);
    const error = await rejection(esr.people.updatePersonalDetails('me', { preferredName: 'Amy' }));
    assert.ok(error instanceof PreconditionError);
    assert.equal(error.status, 428);
    const saved = await esr.people.updatePersonalDetails(profileFixture.id, { preferredName: 'Amy' });
    assert.equal(saved.name.preferredName, 'Amy');
  });

  test('forgetEtags() drops what was remembered', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    await esr.people.personalDetails();
    esr.forgetEtags('/people/me/personal-details');
    assert.equal((await rejection(esr.people.updatePersonalDetails('me', { preferredName: 'Amy' })) as PreconditionError).status, 428);
    await esr.people.personalDetails();
    esr.forgetEtags();
    assert.equal((await rejection(esr.people.updatePersonalDetails('me', { preferredName: 'Amy' })) as PreconditionError).status, 428);
  });

  test('a PATCH with If-Match is safe to repeat, so a 503 is retried with the same If-Match and a fresh token', async () => {
    server.use(...createPeopleHandlers());
    let tokens = 0;
    const esr = testClient({ retry: 2, token: undefined, getToken: () => `token-${++tokens}` });
    await esr.people.personalDetails();
    let calls = 0;
    server.use(http.patch('*/v1/people/me/personal-details', () => (calls++ === 0 ? unavailable() : undefined)));
    const saved = await esr.people.updatePersonalDetails('me', { preferredName: 'Amy' });
    assert.equal(saved.version, 2);
    assert.deepEqual(writes().map((r) => r.headers.get('if-match')), ['"v1"', '"v1"']);
    assert.deepEqual(writes().map((r) => r.headers.get('authorization')), ['Bearer token-2', 'Bearer token-3']);
  });

  test('a validation error names the field; unknown fields are refused', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    await esr.people.personalDetails();
    const badPostcode = await rejection(
      esr.people.updatePersonalDetails('me', { addresses: { home: { line1: '1 High Street', town: 'Gloucester', postcode: 'NOT A POSTCODE' } } }),
    );
    assert.ok(badPostcode instanceof ValidationError);
    assert.equal(badPostcode.param, 'json.addresses.home.postcode');
    const unknown = await rejection(esr.people.updatePersonalDetails('me', { colour: 'blue' } as never));
    assert.ok(unknown instanceof ValidationError);
    assert.equal(unknown.param, 'json.colour');
    assert.equal(unknown.issues[0]?.code, 'unknown_field');
  });

  test('an address may leave out line2, county and country (the server fills them in)', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    await esr.people.personalDetails();
    const saved = await esr.people.updatePersonalDetails('me', { addresses: { postal: { line1: 'PO Box 12', town: 'Cheltenham', postcode: 'gl503pq' } } });
    assert.deepEqual(saved.addresses.postal, { line1: 'PO Box 12', line2: null, town: 'Cheltenham', county: null, postcode: 'GL50 3PQ', country: 'United Kingdom' });
    assert.deepEqual(saved.addresses.home, personalDetailsFixture.addresses.home);
  });
});

describe('bank details', () => {
  test('read masked → replace with the remembered ETag → the one unmasked response', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    const masked = await esr.people.bankDetails();
    assert.deepEqual(masked, { accountName: 'AMELIA HUGHES', sortCode: '**-**-34', accountNumber: '****5678', masked: true });
    assert.equal(esr.etagOf(masked), '"v1"');
    const replaced = await esr.people.replaceBankDetails('me', { accountName: 'AMELIA PRICE', sortCode: '20-00-00', accountNumber: '55779911' });
    assert.deepEqual(replaced, { accountName: 'AMELIA PRICE', sortCode: '200000', accountNumber: '55779911', masked: false });
    assert.equal(seen.at(-1)?.method, 'PUT');
    assert.equal(seen.at(-1)?.headers.get('if-match'), '"v1"');
    assert.deepEqual(await esr.people.bankDetails(), { accountName: 'AMELIA PRICE', sortCode: '**-**-00', accountNumber: '****9911', masked: true });
    assert.notEqual(bankDetailsFixture.accountNumber, '55779911');
  });

  test('bank and personal details share one version: after a personal-details update, re-read bank details before replacing them', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    await esr.people.bankDetails();
    await esr.people.personalDetails();
    await esr.people.updatePersonalDetails('me', { preferredName: 'Amy' });
    const error = await rejection(esr.people.replaceBankDetails('me', { accountName: 'A HUGHES', sortCode: '309634', accountNumber: '41725678' }));
    assert.ok(error instanceof PreconditionError);
    assert.equal(error.status, 412);
    await esr.people.bankDetails();
    assert.equal((await esr.people.replaceBankDetails('me', { accountName: 'A HUGHES', sortCode: '309634', accountNumber: '41725678' })).masked, false);
  });

  test('another person\'s bank details: PermissionError for a report, NotFoundError for a stranger', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    assert.ok((await rejection(esr.people.bankDetails(teamFixtures[0]!.id))) instanceof PermissionError);
    assert.ok((await rejection(esr.people.bankDetails('emp_999'))) instanceof NotFoundError);
  });
});

describe('Idempotency-Key', () => {
  test('requestNameChange sends a fresh UUID key on each call and resolves to the pending request', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    const first = await esr.people.requestNameChange('me', marriage);
    const second = await esr.people.requestNameChange('me', marriage);
    assert.equal(first.status, 'pending');
    assert.equal(first.type, 'personal_details.name_change');
    assert.notEqual(first.id, second.id, 'two calls are two requests');
    const [a, b] = writes().map((r) => r.headers.get('idempotency-key'));
    assert.match(a ?? '', uuid);
    assert.match(b ?? '', uuid);
    assert.notEqual(a, b);
  });

  test('503 then 202: both attempts carry the same key, and getToken is asked again for the retry', async () => {
    let calls = 0;
    server.use(
      http.post('*/v1/people/me/name-change-requests', () => (calls++ === 0 ? unavailable() : HttpResponse.json(accepted(), { status: 202 }))),
    );
    let issued = 0;
    const esr = testClient({ retry: 2, token: undefined, getToken: async () => `token-${++issued}` });
    const created = await esr.people.requestNameChange('me', marriage);
    assert.equal(created.id, 'apr_0001');
    assert.equal(seen.length, 2);
    const keys = seen.map((r) => r.headers.get('idempotency-key'));
    assert.match(keys[0] ?? '', uuid);
    assert.equal(keys[1], keys[0]);
    assert.deepEqual(seen.map((r) => r.headers.get('authorization')), ['Bearer token-1', 'Bearer token-2']);
  });

  test('a network failure of a keyed POST is retried with the same key', async () => {
    let calls = 0;
    server.use(http.post('*/v1/people/me/name-change-requests', () => (calls++ === 0 ? HttpResponse.error() : HttpResponse.json(accepted(), { status: 202 }))));
    await testClient({ retry: 1 }).people.requestNameChange('me', marriage, { idempotencyKey: 'nc-2026-11-25-amelia' });
    assert.deepEqual(seen.map((r) => r.headers.get('idempotency-key')), ['nc-2026-11-25-amelia', 'nc-2026-11-25-amelia']);
  });

  test('a caller-supplied key is sent; the same key twice gives the first request back (replay)', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    const first = await esr.people.requestNameChange('me', marriage, { idempotencyKey: 'nc-7f3a' });
    const again = await esr.people.requestNameChange('me', marriage, { idempotencyKey: 'nc-7f3a' });
    assert.deepEqual(again, first);
    assert.deepEqual(writes().map((r) => r.headers.get('idempotency-key')), ['nc-7f3a', 'nc-7f3a']);
  });

  test('the same key with another body → ValidationError 422 idempotency_key_reused', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    await esr.people.requestNameChange('me', marriage, { idempotencyKey: 'nc-1' });
    const error = await rejection(esr.people.requestNameChange('me', { ...marriage, lastName: 'Jones' }, { idempotencyKey: 'nc-1' }));
    assert.ok(error instanceof ValidationError);
    assert.equal(error.status, 422);
    assert.equal(error.code, 'idempotency_key_reused');
  });

  test('409 idempotency_request_in_flight is retried after Retry-After and gets the replay; any other 409 is not', async () => {
    let calls = 0;
    server.use(
      http.post('*/v1/people/me/name-change-requests', () =>
        calls++ === 0
          ? HttpResponse.json(
              { title: 'Request still in progress', status: 409, code: 'idempotency_request_in_flight', detail: 'Retry shortly.' },
              { status: 409, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '0' } },
            )
          : HttpResponse.json(accepted(), { status: 202, headers: { 'Idempotent-Replayed': 'true' } }),
      ),
    );
    assert.equal((await testClient({ retry: 2 }).people.requestNameChange('me', marriage)).id, 'apr_0001');
    assert.equal(seen.length, 2);

    seen.length = 0;
    server.use(
      http.post('*/v1/people/me/name-change-requests', () =>
        HttpResponse.json({ title: 'Conflict', status: 409, code: 'conflict', detail: 'Already pending.' }, { status: 409, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '0' } }),
      ),
    );
    assert.ok((await rejection(testClient({ retry: 2 }).people.requestNameChange('me', marriage))) instanceof ConflictError);
    assert.equal(seen.length, 1);
  });

  test('a refused request is stored under its key too: its replay is refused the same way', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    const bad = { ...marriage, reason: 'whim' } as unknown as NameChangeRequest;
    const first = await rejection(esr.people.requestNameChange('me', bad, { idempotencyKey: 'nc-bad' }));
    const again = await rejection(esr.people.requestNameChange('me', bad, { idempotencyKey: 'nc-bad' }));
    assert.ok(first instanceof ValidationError && again instanceof ValidationError);
    assert.equal(first.param, 'json.reason');
    assert.equal(again.param, 'json.reason');
  });

  test('the key used is on the error, to retry later with it', async () => {
    server.use(http.post('*/v1/people/me/name-change-requests', unavailable));
    const error = await rejection(testClient({ retry: 1 }).people.requestNameChange('me', marriage));
    assert.ok(error instanceof ServerError);
    assert.equal(seen.length, 2);
    assert.equal(error.request?.headers['idempotency-key'], seen[0]?.headers.get('idempotency-key'));
  });
});

describe('per-call options', () => {
  test('retry per call overrides the client (both ways)', async () => {
    server.use(http.get('*/v1/me', unavailable));
    assert.ok((await rejection(testClient({ retry: 0 }).me.get({ retry: 2 }))) instanceof ServerError);
    assert.equal(seen.length, 3);
    seen.length = 0;
    assert.ok((await rejection(testClient({ retry: 2 }).me.get({ retry: 0 }))) instanceof ServerError);
    assert.equal(seen.length, 1);
  });

  test('timeout per call overrides the client (both ways)', async () => {
    server.use(...createPeopleHandlers({ scenario: 'slow', delayMs: 300 }));
    const started = performance.now();
    const error = await rejection(testClient({ timeout: 10_000 }).people.personalDetails('me', { timeout: 50 }));
    assert.equal((error as Error).name, 'TimeoutError');
    assert.ok(performance.now() - started < 250);
    const details = await testClient({ timeout: 50 }).people.personalDetails('me', { timeout: 2_000 });
    assert.equal(details.version, 1);
  });

  test('per-page options: every page of the team list uses the call\'s signal, timeout and retry', async () => {
    server.use(...createPeopleHandlers());
    const page = await testClient().me.team({ scope: 'all', limit: 1, retry: 1 });
    let calls = 0;
    server.use(http.get('*/v1/me/team', () => (calls++ === 0 ? unavailable() : undefined)));
    const following = await page.next();
    assert.equal(following?.data.length, 1);
    assert.equal(calls, 2, 'the second page was retried once');
  });

  test('a signal aborts a people call (AbortError, not wrapped)', async () => {
    server.use(http.get('*/v1/people/me/bank-details', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }));
    const controller = new AbortController();
    const pending = testClient().people.bankDetails('me', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    assert.equal(((await rejection(pending)) as Error).name, 'AbortError');
  });
});

describe('me, team and profiles', () => {
  test('me.get() gives the profile and roles (manager from having reports)', async () => {
    server.use(...createPeopleHandlers());
    const me = await testClient().me.get();
    assert.equal(me.profile.id, profileFixture.id);
    assert.deepEqual(me.roles, ['employee', 'manager']);
    assert.equal(pathOf(seen[0]!), '/v1/me');
  });

  test('me.team() pages direct reports by default; scope all reaches further down', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    const direct = await (await esr.me.team()).toArray();
    assert.deepEqual(direct.map((m) => m.level), [1, 1]);
    const page = await esr.me.team({ scope: 'all', limit: 2 });
    assert.equal(page.data.length, 2);
    assert.equal(page.hasMore, true);
    const all = [];
    for await (const member of page) all.push(member.id);
    assert.deepEqual(all, teamFixtures.map((m) => m.id));
    assert.deepEqual(seen.map(pathOf).slice(1), ['/v1/me/team?scope=all&limit=2', `/v1/me/team?scope=all&limit=2&cursor=${page.nextCursor}`]);
  });

  test('people.get() defaults to me; a report\'s profile is visible; ids are one encoded path segment', async () => {
    server.use(...createPeopleHandlers());
    const esr = testClient();
    assert.equal((await esr.people.get()).id, profileFixture.id);
    const report = await esr.people.get(teamFixtures[1]!.id);
    assert.equal(report.assignment?.jobTitle, 'Staff Nurse');
    assert.equal(report.assignment?.supervisor?.id, profileFixture.id);
    await rejection(esr.people.get('emp_1/../../audit-events'));
    assert.deepEqual(seen.map(pathOf), ['/v1/people/me', `/v1/people/${teamFixtures[1]!.id}`, '/v1/people/emp_1%2F..%2F..%2Faudit-events']);
  });

  test('an empty employee id is refused before any request', async () => {
    await assert.rejects(async () => testClient().people.personalDetails(''), TypeError);
    assert.equal(seen.length, 0);
  });

  test('a report\'s personal details are PermissionError (a line manager sees the profile only)', async () => {
    server.use(...createPeopleHandlers());
    const error = await rejection(testClient().people.personalDetails(teamFixtures[0]!.id));
    assert.ok(error instanceof PermissionError);
    assert.equal(error.status, 403);
  });
});

describe('equality and diversity', () => {
  test('null before any declaration; declare; read it back', async () => {
    server.use(...createPeopleHandlers({ equalityDiversity: null, now: () => new Date('2026-11-25T10:00:00Z') }));
    const esr = testClient();
    assert.equal(await esr.people.equalityDiversity(), null);
    const declared = await esr.people.declareEqualityDiversity('me', {
      ethnicity: 'Z', sex: 'female', disability: 'prefer_not_to_say', religion: 'prefer_not_to_say', sexualOrientation: 'prefer_not_to_say',
    });
    assert.equal(declared.declaredAt, '2026-11-25T10:00:00.000Z');
    assert.deepEqual(await esr.people.equalityDiversity(), declared);
    assert.equal(seen[1]?.method, 'PUT');
    assert.equal(seen[1]?.headers.has('if-match'), false, 'a declaration replaces the last one: no ETag involved');
  });
});

describe('audit trail', () => {
  test('PermissionError for anyone but an HR admin', async () => {
    server.use(...createPeopleHandlers());
    const error = await rejection(testClient().audit.list());
    assert.ok(error instanceof PermissionError, `got ${String(error)}`);
    assert.equal(error.code, 'forbidden');
  });

  test('an HR admin lists changes newest first, with filters; a Date becomes ISO 8601', async () => {
    server.use(...createPeopleHandlers({ roles: ['hr_admin'] }));
    const esr = testClient();
    await esr.people.personalDetails();
    await esr.people.updatePersonalDetails('me', { preferredName: 'Amy' });
    await esr.people.requestNameChange('me', marriage);
    const page = await esr.audit.list({ subjectEmployeeId: profileFixture.id, from: new Date('2020-01-01T00:00:00Z'), limit: 10 });
    assert.deepEqual(page.data.map((e) => `${e.action} ${e.resource}`), ['request name_change', 'update personal_details']);
    assert.deepEqual(page.data[1]?.changes, { preferredName: { to: '[changed]' } });
    assert.equal(pathOf(seen.at(-1)!), `/v1/audit-events?subjectEmployeeId=${profileFixture.id}&from=2020-01-01T00%3A00%3A00.000Z&limit=10`);
    const updates = await (await esr.audit.list({ action: 'update' })).toArray();
    assert.equal(updates.length, 1);
  });
});

describe('handler scenarios', () => {
  test('unauthorised → AuthenticationError; offline → ConnectionError; error → ServerError', async () => {
    server.use(...createPeopleHandlers({ scenario: 'unauthorised' }));
    assert.ok((await rejection(testClient().me.get())) instanceof AuthenticationError);
    server.use(...createPeopleHandlers({ scenario: 'offline' }));
    assert.ok((await rejection(testClient().people.personalDetails())) instanceof ConnectionError);
    server.use(...createPeopleHandlers({ scenario: 'error' }));
    assert.ok((await rejection(testClient().people.bankDetails())) instanceof ServerError);
  });
});
