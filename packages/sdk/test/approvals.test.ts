import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse, http } from 'msw';
import { ConflictError, PreconditionError, ValidationError } from '../src/index.ts';
import type { ApprovalBulkItemResult, ApprovalBulkResult, ApprovalDelegation, ApprovalDetail, ApprovalItem, EsrEvent } from '../src/index.ts';
import { baseUrl, pathOf, rejection, testClient, useMockServer } from './helpers.ts';

const { server, seen } = useMockServer();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const api = (path: string) => `${baseUrl}/v1/${path}`;
const posts = () => seen.filter((r) => r.method === 'POST');

const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    { type: `urn:esr:problem:${code}`, title: code, status, code, detail: `${code} detail` },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );

function item(id: string, version: number, overrides: Partial<ApprovalItem> = {}): ApprovalItem {
  return {
    id,
    type: 'personal_details.name_change',
    status: 'pending',
    summary: 'Name change to Amelia Price',
    subject: { id: 'emp_0001', name: 'Amelia Jones' },
    requestedBy: { id: 'emp_0001', name: 'Amelia Jones' },
    subjectRef: null,
    payload: {},
    route: ['line_manager', 'hr'],
    currentStep: { index: 0, kind: 'line_manager', approverKind: 'employee', approver: { id: 'emp_0002', name: 'Sam Lee' }, standIn: null },
    version,
    dueAt: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    ...overrides,
  } as ApprovalItem;
}

/**
 * One approval request on a tiny fake server: GET with an ETag; POST …/decision, …/respond and
 * …/withdraw require If-Match (428 without, 412 when stale), replay by Idempotency-Key, and answer
 * 409 already_decided once decided.
 */
function approvalServer(id = 'apr_0001') {
  let version = 1;
  let status: ApprovalItem['status'] = 'pending';
  const replays = new Map<string, unknown>();
  const bodies: unknown[] = [];
  const detail = (): ApprovalDetail => ({ ...item(id, version, { status }), yourActions: ['approve', 'reject'], history: [], context: {} }) as ApprovalDetail;
  const write = (outcome?: string) => async ({ request }: { request: Request }) => {
    const key = request.headers.get('idempotency-key');
    if (key && replays.has(key)) return HttpResponse.json(replays.get(key) as object, { headers: { ETag: `"v${version}"` } });
    const ifMatch = request.headers.get('if-match');
    if (!ifMatch) return problem(428, 'precondition_required');
    if (ifMatch !== `"v${version}"`) return problem(412, 'precondition_failed', { ETag: `"v${version}"` });
    if (status !== 'pending') return problem(409, 'already_decided');
    const body = (await request.json()) as { action?: string };
    bodies.push(body);
    version += 1;
    if (outcome === 'withdraw') status = 'withdrawn';
    else if (body.action === 'approve') status = 'approved';
    else if (body.action === 'reject') status = 'rejected';
    else if (body.action === 'request_info') status = 'info_requested';
    const result = { ...item(id, version, { status }), ...(outcome === undefined ? { outcome: body.action === 'approve' ? 'approved' : body.action } : {}) };
    if (key) replays.set(key, result);
    return HttpResponse.json(result, { headers: { ETag: `"v${version}"` } });
  };
  return {
    bodies,
    bump: () => void (version += 1),
    handlers: [
      http.get(api(`approvals/${id}`), () => HttpResponse.json(detail(), { headers: { ETag: `"v${version}"` } })),
      http.post(api(`approvals/${id}/decision`), write()),
      http.post(api(`approvals/${id}/respond`), write('respond')),
      http.post(api(`approvals/${id}/withdraw`), write('withdraw')),
    ],
  };
}

describe('approvals: If-Match from the ETag the client saw', () => {
  test('get remembers the ETag; approve sends it with an Idempotency-Key; the decision\'s ETag is remembered', async () => {
    const fake = approvalServer();
    server.use(...fake.handlers);
    const esr = testClient();
    const detail = await esr.approvals.get('apr_0001');
    assert.equal(esr.etagOf(detail), '"v1"');

    const result = await esr.approvals.approve('apr_0001', { comment: 'Fine by me' });
    assert.equal(result.outcome, 'approved');
    assert.equal(result.status, 'approved');
    assert.equal(esr.etagOf(result), '"v2"');
    const [decision] = posts();
    assert.equal(pathOf(decision!), '/v1/approvals/apr_0001/decision');
    assert.equal(decision!.headers.get('if-match'), '"v1"');
    assert.match(decision!.headers.get('idempotency-key') ?? '', uuid);
    assert.deepEqual(fake.bodies, [{ action: 'approve', comment: 'Fine by me' }]);

    // The second attempt sends the ETag of the decision's response, and meets the server's 409.
    const again = await rejection(esr.approvals.approve('apr_0001'));
    assert.ok(again instanceof ConflictError, `got ${String(again)}`);
    assert.equal(again.status, 409);
    assert.equal(again.code, 'already_decided');
    assert.equal(posts()[1]!.headers.get('if-match'), '"v2"');
    assert.notEqual(posts()[1]!.headers.get('idempotency-key'), decision!.headers.get('idempotency-key'), 'a new call has a new key');
  });

  test('with no ETag known, a decision rejects locally with PreconditionError (etag_unknown) and sends nothing', async () => {
    server.use(...approvalServer().handlers);
    const esr = testClient();
    for (const attempt of [
      esr.approvals.approve('apr_0001'),
      esr.approvals.reject('apr_0001', { reason: 'No evidence' }),
      esr.approvals.respond('apr_0001', { comment: 'Here it is' }),
      esr.approvals.withdraw('apr_0001'),
    ]) {
      const error = await rejection(attempt);
      assert.ok(error instanceof PreconditionError, `got ${String(error)}`);
      assert.equal(error.code, 'etag_unknown');
      assert.equal(error.status, 0, 'no response: it was never sent');
      assert.match(error.message, /approvals\.get\('apr_0001'\)/);
    }
    assert.equal(seen.length, 0);
  });

  test('an explicit ifMatch overrides the remembered one; a stale one is a PreconditionError (412) that changes nothing remembered', async () => {
    const fake = approvalServer();
    server.use(...fake.handlers);
    const esr = testClient();
    await esr.approvals.get('apr_0001'); // remembers "v1"
    fake.bump(); // someone else changed it: now "v2"

    const stale = await rejection(esr.approvals.approve('apr_0001'));
    assert.ok(stale instanceof PreconditionError, `got ${String(stale)}`);
    assert.equal(stale.status, 412);
    assert.equal(stale.code, 'precondition_failed');
    assert.equal(stale.headers?.get('etag'), '"v2"');
    const staleAgain = await rejection(esr.approvals.approve('apr_0001'));
    assert.ok(staleAgain instanceof PreconditionError, 'still the remembered "v1": a 412 never updates it');

    const result = await esr.approvals.approve('apr_0001', {}, { ifMatch: '"v2"' });
    assert.equal(result.status, 'approved');
    assert.deepEqual(posts().map((r) => r.headers.get('if-match')), ['"v1"', '"v1"', '"v2"']);
  });

  test('a decision is retried after a 503 with the same Idempotency-Key and If-Match, and applied once', async () => {
    const fake = approvalServer();
    let failures = 1;
    server.use(
      http.post(api('approvals/apr_0001/decision'), () => {
        if (failures-- > 0) return problem(503, 'unavailable', { 'Retry-After': '0' });
        return undefined; // fall through to the fake server
      }),
      ...fake.handlers,
    );
    const esr = testClient({ retry: 2 });
    await esr.approvals.get('apr_0001');
    const result = await esr.approvals.approve('apr_0001', {}, { idempotencyKey: 'decision-key-1' });
    assert.equal(result.status, 'approved');
    const attempts = posts();
    assert.equal(attempts.length, 2);
    for (const attempt of attempts) {
      assert.equal(attempt.headers.get('idempotency-key'), 'decision-key-1');
      assert.equal(attempt.headers.get('if-match'), '"v1"');
    }
    assert.equal(fake.bodies.length, 1);
  });

  test('reject, requestInfo and reassign send the API\'s body; reassign\'s `to` is `reassignTo`', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(api('approvals/:id/decision'), async ({ request, params }) => {
        const body = (await request.json()) as { action: string };
        bodies.push(body);
        return HttpResponse.json({ ...item(String(params['id']), 2), outcome: body.action === 'reassign' ? 'reassigned' : body.action }, { headers: { ETag: '"v2"' } });
      }),
    );
    const esr = testClient();
    const opts = { ifMatch: '"v1"' };
    const rejected = await esr.approvals.reject('apr_a', { reason: 'Not evidenced', comment: 'Please attach the certificate' }, opts);
    await esr.approvals.requestInfo('apr_b', { comment: 'Which date?' }, opts);
    const reassigned = await esr.approvals.reassign('apr_c', { to: 'emp_0009' }, opts);
    assert.equal(rejected.outcome, 'reject');
    assert.equal(reassigned.outcome, 'reassigned');
    assert.deepEqual(bodies, [
      { action: 'reject', reason: 'Not evidenced', comment: 'Please attach the certificate' },
      { action: 'request_info', comment: 'Which date?' },
      { action: 'reassign', reassignTo: 'emp_0009' },
    ]);
    assert.deepEqual(posts().map(pathOf), ['/v1/approvals/apr_a/decision', '/v1/approvals/apr_b/decision', '/v1/approvals/apr_c/decision']);
  });

  test('respond and withdraw post to their routes with If-Match and a key; the new ETag is remembered', async () => {
    const fake = approvalServer();
    server.use(...fake.handlers);
    const esr = testClient();
    await esr.approvals.get('apr_0001');
    const withdrawn = await esr.approvals.withdraw('apr_0001', { comment: 'Not needed' });
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(esr.etagOf(withdrawn), '"v2"');
    const [post] = posts();
    assert.equal(pathOf(post!), '/v1/approvals/apr_0001/withdraw');
    assert.equal(post!.headers.get('if-match'), '"v1"');
    assert.match(post!.headers.get('idempotency-key') ?? '', uuid);

    const error = await rejection(esr.approvals.respond('apr_0001', { comment: 'Here' }));
    assert.ok(error instanceof ConflictError);
    assert.equal(posts()[1]!.headers.get('if-match'), '"v2"', 'the withdrawal\'s ETag');
    assert.equal(pathOf(posts()[1]!), '/v1/approvals/apr_0001/respond');
  });

  test('an empty id is a TypeError (as a rejection), before anything is sent', async () => {
    const esr = testClient();
    await assert.rejects(esr.approvals.approve(''), TypeError);
    await assert.rejects(esr.approvals.get(''), TypeError);
    assert.equal(seen.length, 0);
  });
});

describe('approvals: list and bulk', () => {
  test('list sends box, type and limit, and pages with the cursor', async () => {
    server.use(
      http.get(api('approvals'), ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json(
          cursor ? { data: [item('apr_2', 1)], hasMore: false, nextCursor: null } : { data: [item('apr_1', 1)], hasMore: true, nextCursor: 'c1' },
        );
      }),
    );
    const esr = testClient();
    const page = await esr.approvals.list({ box: 'decided', type: 'personal_details.name_change', limit: 1 });
    const ids: string[] = [];
    for await (const approval of page) ids.push(approval.id);
    assert.deepEqual(ids, ['apr_1', 'apr_2']);
    assert.deepEqual(seen.map(pathOf), [
      '/v1/approvals?box=decided&type=personal_details.name_change&limit=1',
      '/v1/approvals?box=decided&type=personal_details.name_change&limit=1&cursor=c1',
    ]);
  });

  test('bulkApprove: one typed result per id, a key, no If-Match; successes\' ETags are remembered', async () => {
    let body: unknown;
    server.use(
      http.post(api('approvals/bulk-decision'), async ({ request }) => {
        body = await request.json();
        const result: ApprovalBulkResult = {
          results: [
            { id: 'apr_1', httpStatus: 200, outcome: 'advanced', status: 'pending', etag: '"v4"' },
            { id: 'apr_2', httpStatus: 409, code: 'already_decided', detail: 'Already approved.' },
          ],
          succeeded: 1,
          failed: 1,
        };
        return HttpResponse.json(result);
      }),
      http.post(api('approvals/apr_1/decision'), () => HttpResponse.json({ ...item('apr_1', 5, { status: 'approved' }), outcome: 'approved' }, { headers: { ETag: '"v5"' } })),
    );
    const esr = testClient();
    const result = await esr.approvals.bulkApprove(['apr_1', 'apr_2'], { comment: 'Approved in bulk' });
    assert.deepEqual(body, { action: 'approve', ids: ['apr_1', 'apr_2'], comment: 'Approved in bulk' });
    assert.equal(result.succeeded, 1);
    assert.equal(result.failed, 1);
    const failed: ApprovalBulkItemResult[] = result.results.filter((r) => r.httpStatus !== 200);
    assert.deepEqual(failed.map((r) => [r.id, r.code]), [['apr_2', 'already_decided']]);
    const [bulk] = posts();
    assert.match(bulk!.headers.get('idempotency-key') ?? '', uuid);
    assert.equal(bulk!.headers.get('if-match'), null);

    await esr.approvals.approve('apr_1');
    assert.equal(posts()[1]!.headers.get('if-match'), '"v4"', 'the bulk result\'s ETag');
    await assert.rejects(esr.approvals.approve('apr_2'), (e: unknown) => e instanceof PreconditionError && e.code === 'etag_unknown');
  });

  test('bulkApprove with a 400 is a ValidationError', async () => {
    server.use(http.post(api('approvals/bulk-decision'), () => problem(400, 'validation_failed')));
    const error = await rejection(testClient().approvals.bulkApprove([]));
    assert.ok(error instanceof ValidationError);
  });
});

describe('delegation', () => {
  test('get (null, then set), set sends the API\'s field names with PUT, clear is a DELETE resolving to undefined', async () => {
    let stored: ApprovalDelegation | null = null;
    server.use(
      http.get(api('me/delegation'), () => HttpResponse.json(stored)),
      http.put(api('me/delegation'), async ({ request }) => {
        const input = (await request.json()) as { delegateEmployeeId: string; startsOn: string; endsOn: string };
        stored = { ...input, delegateName: 'Priya Shah', active: true, createdAt: '2026-11-25T10:00:00.000Z' };
        return HttpResponse.json(stored);
      }),
      http.delete(api('me/delegation'), () => {
        stored = null;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const esr = testClient();
    assert.equal(await esr.me.delegation.get(), null);
    const set = await esr.me.delegation.set({ delegateEmployeeId: 'emp_0042', startsOn: '2026-12-01', endsOn: '2026-12-14' });
    assert.equal(set.delegateName, 'Priya Shah');
    assert.equal((await esr.me.delegation.get())?.delegateEmployeeId, 'emp_0042');
    assert.equal(await esr.me.delegation.clear(), undefined);
    assert.equal(await esr.me.delegation.get(), null);
    const put = seen.find((r) => r.method === 'PUT')!;
    assert.deepEqual(await put.json(), { delegateEmployeeId: 'emp_0042', startsOn: '2026-12-01', endsOn: '2026-12-14' });
    assert.deepEqual(seen.map((r) => r.method), ['GET', 'PUT', 'GET', 'DELETE', 'GET']);
  });
});

function event(id: number): EsrEvent {
  return {
    id: String(id),
    type: id % 2 ? 'approval.submitted' : 'approval.approved',
    occurredAt: '2026-11-25T10:00:00.000Z',
    resourceType: 'approval_request',
    resourceId: `apr_${id}`,
    subjectEmployeeId: 'emp_0001',
    actorEmployeeId: 'emp_0001',
    data: {},
  };
}

/** A feed whose cursor is the last id seen; nextCursor is set even on the last page. `events` may grow. */
function feed(events: EsrEvent[]) {
  return http.get(api('events'), ({ request }) => {
    const params = new URL(request.url).searchParams;
    const after = Number(params.get('cursor') ?? 0);
    const limit = Number(params.get('limit') ?? 20);
    const rest = events.filter((e) => Number(e.id) > after);
    const data = rest.slice(0, limit);
    return HttpResponse.json({ data, hasMore: rest.length > limit, nextCursor: data.at(-1)?.id ?? params.get('cursor') });
  });
}

describe('events', () => {
  test('list pages oldest first, and keeps a nextCursor on the last page to poll from', async () => {
    const events = [1, 2, 3].map(event);
    server.use(feed(events));
    const esr = testClient();
    const page = await esr.events.list({ limit: 2 });
    assert.equal(page.hasMore, true);
    const all: string[] = [];
    for await (const e of page) all.push(e.id);
    assert.deepEqual(all, ['1', '2', '3']);
    const last = await page.next();
    assert.equal(last?.hasMore, false);
    assert.equal(last?.nextCursor, '3', 'a cursor to poll from');

    events.push(event(4));
    const newer = await esr.events.list({ cursor: last!.nextCursor! });
    assert.deepEqual(newer.data.map((e) => e.id), ['4']);
    assert.equal(pathOf(seen.at(-1)!), '/v1/events?cursor=3');
  });

  test('poll follows nextCursor forever: yields new events as they come, reports cursors, ends when aborted', async () => {
    const events = [1, 2, 3].map(event);
    server.use(feed(events));
    const esr = testClient();
    const controller = new AbortController();
    const cursors: string[] = [];
    const received: string[] = [];
    for await (const e of esr.events.poll({ after: '1', limit: 1, interval: 5, signal: controller.signal, onCursor: (c) => void cursors.push(c) })) {
      received.push(e.id);
      if (e.id === '3') setTimeout(() => events.push(event(4)), 20); // arrives while polling
      if (e.id === '4') controller.abort();
    }
    assert.deepEqual(received, ['2', '3', '4']);
    assert.deepEqual(cursors, ['2', '3', '4'], 'each page\'s cursor once its events were taken');
    const fetched = seen.map(pathOf);
    assert.equal(fetched[0], '/v1/events?limit=1&cursor=1');
    assert.ok(fetched.slice(2).every((p) => p === '/v1/events?limit=1&cursor=3'), 'it keeps asking from the last cursor');
    assert.ok(fetched.length >= 4, 'it waited and polled again at least once');
  });

  test('poll ends quietly when aborted while waiting, and rethrows other errors', async () => {
    server.use(feed([]));
    const esr = testClient();
    const received: EsrEvent[] = [];
    for await (const e of esr.events.poll({ interval: 10_000, signal: AbortSignal.timeout(30) })) received.push(e);
    assert.equal(received.length, 0);

    server.use(http.get(api('events'), () => problem(403, 'forbidden')));
    await assert.rejects(async () => {
      for await (const e of esr.events.poll()) received.push(e);
    }, (e: unknown) => e instanceof Error && e.name === 'PermissionError');
    await assert.rejects(async () => {
      for await (const e of esr.events.poll({ interval: -1 })) received.push(e);
    }, TypeError);
  });
});
