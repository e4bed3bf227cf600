import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { HttpResponse, delay, http } from 'msw';
import { ConnectionError, EsrError, ServerError, TimeoutError, ValidationError, createEsrClient } from '../src/index.ts';
import { createPayslipHandlers, payslipFixture } from '../src/testing/index.ts';
import { baseUrl, pathOf, rejection, secretToken, testClient, useMockServer } from './helpers.ts';

const { server, seen } = useMockServer();

/** GET /v1/me/payslips/latest answers with each response in turn (the last one repeats). */
function sequence(...responses: Array<() => Response>) {
  let calls = 0;
  server.use(
    http.get('*/v1/me/payslips/latest', () => {
      const respond = responses[Math.min(calls, responses.length - 1)]!;
      calls++;
      return respond();
    }),
  );
}

const unavailable = (headers: Record<string, string> = { 'Retry-After': '0' }) => () =>
  HttpResponse.json(
    { type: 'urn:esr:problem:unavailable', title: 'Unavailable', status: 503, code: 'unavailable', detail: 'Try again' },
    { status: 503, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
const ok = () => HttpResponse.json(payslipFixture);

const unauthorised = () =>
  HttpResponse.json(
    { type: 'urn:esr:problem:unauthenticated', title: 'You are not signed in', status: 401, code: 'unauthenticated', detail: 'expired' },
    { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
  );

describe('token refresh on 401', () => {
  test('with getToken, a 401 asks for a token once more and repeats the call once', async () => {
    let issued = 0;
    server.use(http.get('*/v1/me/payslips/latest', ({ request }) => (request.headers.get('authorization') === 'Bearer fresh' ? ok() : unauthorised())));
    const client = testClient({ token: undefined, getToken: async () => (++issued === 1 ? 'expired' : 'fresh') });
    assert.deepEqual(await client.payslips.latest(), payslipFixture);
    assert.equal(issued, 2);
    assert.deepEqual(seen.map((r) => r.headers.get('authorization')), ['Bearer expired', 'Bearer fresh']);
  });

  test('a second 401 is final: AuthenticationError after exactly two attempts', async () => {
    server.use(http.get('*/v1/me/payslips/latest', unauthorised));
    const error = await rejection(testClient({ token: undefined, getToken: async () => 'still-bad' }).payslips.latest());
    assert.equal((error as EsrError).status, 401);
    assert.equal(seen.length, 2);
  });

  test('a static token is not repeated on 401 (there is nothing fresher to send)', async () => {
    server.use(http.get('*/v1/me/payslips/latest', unauthorised));
    await rejection(testClient({ token: 'static' }).payslips.latest());
    assert.equal(seen.length, 1);
  });
});

describe('Authorization header', () => {
  test('a static token is sent as a bearer token', async () => {
    server.use(...createPayslipHandlers());
    await testClient({ token: 'static-token' }).payslips.latest();
    assert.equal(seen[0]?.headers.get('authorization'), 'Bearer static-token');
  });

  test('getToken is called for each request, so a refreshed token is used at once', async () => {
    server.use(...createPayslipHandlers());
    let issued = 0;
    const client = testClient({ token: undefined, getToken: async () => `token-${++issued}` });
    await client.payslips.latest();
    await client.payslips.get(payslipFixture.id);
    const page = await client.payslips.list({ limit: 4 });
    await page.next();
    assert.equal(issued, 4);
    assert.deepEqual(
      seen.map((r) => r.headers.get('authorization')),
      ['Bearer token-1', 'Bearer token-2', 'Bearer token-3', 'Bearer token-4'],
    );
  });

  test('getToken wins over token; a synchronous getToken works', async () => {
    server.use(...createPayslipHandlers());
    await testClient({ token: 'static-token', getToken: () => 'from-getter' }).payslips.latest();
    assert.equal(seen[0]?.headers.get('authorization'), 'Bearer from-getter');
  });

  test('no Authorization header without a token (or when getToken returns undefined)', async () => {
    server.use(...createPayslipHandlers());
    await testClient({ token: undefined }).payslips.latest();
    await testClient({ token: undefined, getToken: () => undefined }).payslips.latest();
    await testClient({ token: '' }).payslips.latest();
    assert.equal(seen.length, 3);
    for (const request of seen) assert.equal(request.headers.has('authorization'), false);
  });

  test('a failing getToken rejects the call with its own error and sends nothing', async () => {
    server.use(...createPayslipHandlers());
    const signInNeeded = new Error('sign in again');
    const error = await rejection(testClient({ token: undefined, getToken: () => Promise.reject(signInNeeded) }).payslips.latest());
    assert.equal(error, signInNeeded);
    assert.equal(seen.length, 0);
  });
});

describe('client options', () => {
  test('baseUrl is required', () => {
    assert.throws(() => createEsrClient({ baseUrl: '' }), TypeError);
  });

  test('a path on baseUrl is kept (server behind a proxy prefix)', async () => {
    const client = createEsrClient({ baseUrl: `${baseUrl}/esr`, retry: 0, fetch: async (input) => {
      seen.push(input instanceof Request ? input : new Request(String(input)));
      return new Response('{"data":[],"hasMore":false,"nextCursor":null}', { headers: { 'content-type': 'application/json' } });
    } });
    await client.payslips.list();
    assert.equal(seen.at(-1)?.url, 'https://esr.test/esr/v1/me/payslips');
  });

  test('requests go to /v1 on the baseUrl origin; request() takes paths with or without a leading slash', async () => {
    server.use(...createPayslipHandlers());
    const client = createEsrClient({ baseUrl: `${baseUrl}/`, retry: 0 });
    assert.deepEqual(await client.request('GET', '/me/payslips/latest'), payslipFixture);
    await client.request('GET', 'me/payslips', { searchParams: { limit: 2, cursor: undefined, flag: true } });
    assert.deepEqual(seen.map((r) => r.url), ['https://esr.test/v1/me/payslips/latest', 'https://esr.test/v1/me/payslips?limit=2&flag=true']);
  });

  test('a custom fetch is used for every request', async () => {
    const urls: string[] = [];
    const client = createEsrClient({
      baseUrl,
      retry: 0,
      fetch: async (input) => {
        urls.push(input instanceof Request ? input.url : String(input));
        return Response.json(payslipFixture);
      },
    });
    assert.deepEqual(await client.payslips.latest(), payslipFixture);
    assert.deepEqual(urls, ['https://esr.test/v1/me/payslips/latest']);
    assert.equal(seen.length, 0, 'msw never saw it');
  });

  test('POST sends a JSON body; 204 resolves to undefined', async () => {
    let body: unknown;
    server.use(
      http.post('*/v1/demo/sign-in', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ token: 't', expiresAt: '2026-11-25T19:00:00.000Z', employeeId: 'emp_1', name: 'A B' });
      }),
      http.delete('*/v1/things/1', () => new HttpResponse(null, { status: 204 })),
    );
    const client = testClient();
    const token = await client.demo.signIn('emp_1');
    assert.equal(token.employeeId, 'emp_1');
    assert.deepEqual(body, { employeeId: 'emp_1' });
    assert.equal(seen[0]?.headers.get('content-type'), 'application/json');
    assert.equal(await client.request('DELETE', 'things/1'), undefined);
  });

  test('an abort signal passes through unchanged (not wrapped as an EsrError)', async () => {
    server.use(http.get('*/v1/me/payslips/latest', async () => {
      await delay('infinite');
      return ok();
    }));
    const controller = new AbortController();
    const pending = testClient().payslips.latest({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(pending);
    assert.equal(error instanceof EsrError, false);
    assert.equal((error as Error).name, 'AbortError');
  });
});

describe('no response', () => {
  const leaksToken = (error: unknown) =>
    [JSON.stringify(error), String(error), String((error as Error).stack), inspect(error, { depth: 10 })].some((text) => text.includes(secretToken));

  test('a network failure → ConnectionError with status 0', async () => {
    server.use(http.get('*/v1/me/payslips/latest', () => HttpResponse.error()));
    const error = await rejection(testClient().payslips.latest());
    assert.ok(error instanceof ConnectionError, `got ${String(error)}`);
    assert.equal(error.status, 0);
    assert.equal(error.code, 'connection_failed');
    assert.equal(error.title, 'Could not reach the server');
    assert.equal(error.request?.url, 'https://esr.test/v1/me/payslips/latest');
    assert.equal(error.request?.headers['authorization'], '[redacted]');
    assert.ok(error.cause, 'keeps the underlying error as cause');
    assert.equal(leaksToken(error), false, 'the token must not appear in any view of the error');
  });

  test('the offline scenario of the test handlers is a ConnectionError', async () => {
    server.use(...createPayslipHandlers({ scenario: 'offline' }));
    assert.ok((await rejection(testClient().payslips.list())) instanceof ConnectionError);
  });

  test('a response slower than `timeout` → TimeoutError with status 0, and is not retried', async () => {
    server.use(...createPayslipHandlers({ scenario: 'slow', delayMs: 2_000 }));
    const started = performance.now();
    const error = await rejection(testClient({ timeout: 200, retry: 2 }).payslips.latest());
    const elapsed = performance.now() - started;
    assert.ok(error instanceof TimeoutError, `got ${String(error)}`);
    assert.equal(error.status, 0);
    assert.equal(error.code, 'timeout');
    assert.equal(error.request?.headers['authorization'], '[redacted]');
    assert.ok(elapsed >= 190 && elapsed < 1_500, `took ${elapsed} ms`);
    assert.equal(seen.length, 1);
    assert.equal(leaksToken(error), false, 'the token must not appear in any view of the error');
  });
});

describe('retries', () => {
  test('GET is retried on 503 and then succeeds', async () => {
    sequence(unavailable(), ok);
    const payslip = await testClient({ retry: 2 }).payslips.latest();
    assert.deepEqual(payslip, payslipFixture);
    assert.equal(seen.length, 2);
  });

  test('Retry-After is honoured: 0 retries at once, 1 waits about a second', async () => {
    sequence(unavailable({ 'Retry-After': '0' }), ok);
    let started = performance.now();
    await testClient({ retry: 2 }).payslips.latest();
    assert.ok(performance.now() - started < 300, 'Retry-After: 0 → no backoff wait');

    sequence(unavailable({ 'Retry-After': '1' }), ok);
    started = performance.now();
    await testClient({ retry: 2 }).payslips.latest();
    const waited = performance.now() - started;
    assert.ok(waited >= 950 && waited < 2_000, `waited ${waited} ms`);
  });

  test('gives up after `retry` retries with the last error', async () => {
    sequence(unavailable());
    const error = await rejection(testClient({ retry: 2 }).payslips.latest());
    assert.ok(error instanceof ServerError);
    assert.equal(error.status, 503);
    assert.equal(seen.length, 3, 'one attempt plus two retries');
  });

  test('the default is two retries', async () => {
    sequence(unavailable());
    const error = await rejection(createEsrClient({ baseUrl }).payslips.latest());
    assert.ok(error instanceof ServerError);
    assert.equal(seen.length, 3);
  });

  test('retry: 0 disables retries', async () => {
    sequence(unavailable(), ok);
    const error = await rejection(testClient({ retry: 0 }).payslips.latest());
    assert.ok(error instanceof ServerError);
    assert.equal(seen.length, 1);
  });

  test('POST (demo.signIn) is not retried on 503', async () => {
    server.use(http.post('*/v1/demo/sign-in', unavailable()));
    const error = await rejection(testClient({ retry: 2 }).demo.signIn('emp_1'));
    assert.ok(error instanceof ServerError);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.method, 'POST');
  });

  test('400 is not retried', async () => {
    sequence(() =>
      HttpResponse.json(
        { title: 'Invalid', status: 400, code: 'validation_failed', errors: [{ path: 'query.limit', message: 'Too big', code: 'too_big' }] },
        { status: 400, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '0' } },
      ),
    );
    const error = await rejection(testClient({ retry: 2 }).payslips.latest());
    assert.ok(error instanceof ValidationError);
    assert.equal(seen.length, 1);
  });

  test('a network failure on GET is retried', async () => {
    sequence(() => HttpResponse.error(), ok);
    assert.deepEqual(await testClient({ retry: 1 }).payslips.latest(), payslipFixture);
    assert.equal(seen.length, 2);
  });

  test('a retried request keeps its Authorization header', async () => {
    sequence(unavailable(), ok);
    await testClient({ retry: 1 }).payslips.latest();
    assert.deepEqual(seen.map((r) => r.headers.get('authorization')), [`Bearer ${secretToken}`, `Bearer ${secretToken}`]);
  });
});

describe('hooks', () => {
  test('onRequest and onResponse are called with the request and response', async () => {
    server.use(...createPayslipHandlers());
    const events: string[] = [];
    const client = testClient({
      hooks: {
        onRequest: (request) => events.push(`request ${request.method} ${pathOf(request)} auth=${request.headers.has('authorization')}`),
        onResponse: (response, request) => events.push(`response ${response.status} ${pathOf(request)}`),
      },
    });
    await client.payslips.latest();
    await rejection(client.payslips.get('pay_unknown'));
    assert.deepEqual(events, [
      'request GET /v1/me/payslips/latest auth=true',
      'response 200 /v1/me/payslips/latest',
      'request GET /v1/me/payslips/pay_unknown auth=true',
      'response 404 /v1/me/payslips/pay_unknown',
    ]);
  });

  test('onRequest and onResponse see every attempt of a retried request; the body stays readable for the SDK', async () => {
    sequence(unavailable(), ok);
    const statuses: number[] = [];
    let requests = 0;
    const payslip = await testClient({
      retry: 2,
      hooks: { onRequest: () => void requests++, onResponse: (response) => void statuses.push(response.status) },
    }).payslips.latest();
    assert.deepEqual(payslip, payslipFixture);
    assert.deepEqual(statuses, [503, 200]);
    assert.equal(requests, 2);
  });
});

describe('retries: tokens and which writes may repeat', () => {
  test('getToken is called again for each retry attempt, so a token refreshed meanwhile is sent', async () => {
    sequence(unavailable(), unavailable(), ok);
    let issued = 0;
    const payslip = await testClient({ retry: 2, token: undefined, getToken: async () => `token-${++issued}` }).payslips.latest();
    assert.deepEqual(payslip, payslipFixture);
    assert.equal(issued, 3);
    assert.deepEqual(seen.map((r) => r.headers.get('authorization')), ['Bearer token-1', 'Bearer token-2', 'Bearer token-3']);
  });

  test('getToken returning undefined on a retry sends that attempt without Authorization', async () => {
    sequence(unavailable(), ok);
    let calls = 0;
    await testClient({ retry: 1, token: undefined, getToken: () => (calls++ === 0 ? 'first' : undefined) }).payslips.latest();
    assert.deepEqual(seen.map((r) => r.headers.get('authorization')), ['Bearer first', null]);
  });

  test('a getToken that fails before a retry rejects the call with its own error', async () => {
    sequence(unavailable(), ok);
    const signInNeeded = new Error('sign in again');
    let calls = 0;
    const error = await rejection(
      testClient({ retry: 2, token: undefined, getToken: () => (calls++ === 0 ? 'first' : Promise.reject(signInNeeded)) }).payslips.latest(),
    );
    assert.equal(error, signInNeeded);
    assert.equal(seen.length, 1);
  });

  test('onRequest sees the refreshed token on each attempt', async () => {
    sequence(unavailable(), ok);
    let issued = 0;
    const auth: Array<string | null> = [];
    await testClient({
      retry: 1,
      token: undefined,
      getToken: () => `token-${++issued}`,
      hooks: { onRequest: (request) => void auth.push(request.headers.get('authorization')) },
    }).payslips.latest();
    assert.deepEqual(auth, ['Bearer token-1', 'Bearer token-2']);
  });

  test('request(): a POST is retried only with an Idempotency-Key (idempotencyKey option or header)', async () => {
    server.use(http.post('*/v1/things', unavailable()));
    const client = testClient({ retry: 1 });
    await rejection(client.request('POST', 'things', { json: { a: 1 } }));
    assert.equal(seen.length, 1, 'no key: one attempt');
    seen.length = 0;
    await rejection(client.request('POST', 'things', { json: { a: 1 }, idempotencyKey: 'k-1' }));
    assert.deepEqual(seen.map((r) => r.headers.get('idempotency-key')), ['k-1', 'k-1']);
    seen.length = 0;
    await rejection(client.request('POST', 'things', { json: { a: 1 }, headers: { 'Idempotency-Key': 'k-2' } }));
    assert.equal(seen.length, 2);
  });

  test('request(): a PATCH is retried only with If-Match; PUT and DELETE always (idempotent)', async () => {
    server.use(http.patch('*/v1/things/1', unavailable()), http.put('*/v1/things/1', unavailable()), http.delete('*/v1/things/1', unavailable()));
    const client = testClient({ retry: 1 });
    await rejection(client.request('PATCH', 'things/1', { json: { a: 1 } }));
    assert.equal(seen.length, 1);
    seen.length = 0;
    await rejection(client.request('PATCH', 'things/1', { json: { a: 1 }, ifMatch: '"v3"' }));
    assert.deepEqual(seen.map((r) => r.headers.get('if-match')), ['"v3"', '"v3"']);
    seen.length = 0;
    await rejection(client.request('PUT', 'things/1', { json: { a: 1 } }));
    await rejection(client.request('DELETE', 'things/1'));
    assert.deepEqual(seen.map((r) => r.method), ['PUT', 'PUT', 'DELETE', 'DELETE']);
  });

  test('a keyed POST still fails at once on 4xx other than 408/429', async () => {
    server.use(http.post('*/v1/things', () => HttpResponse.json({ title: 'Invalid', status: 400, code: 'validation_failed' }, { status: 400, headers: { 'Content-Type': 'application/problem+json' } })));
    const error = await rejection(testClient({ retry: 2 }).request('POST', 'things', { json: {}, idempotencyKey: 'k' }));
    assert.ok(error instanceof ValidationError);
    assert.equal(seen.length, 1);
  });

  test('per-call retry and timeout on payslips too', async () => {
    sequence(unavailable());
    await rejection(testClient({ retry: 0 }).payslips.latest({ retry: 1 }));
    assert.equal(seen.length, 2);
    server.use(...createPayslipHandlers({ scenario: 'slow', delayMs: 2_000 }));
    const error = await rejection(testClient({ timeout: 10_000 }).payslips.list({ timeout: 50 }));
    assert.ok(error instanceof TimeoutError);
  });
});

describe('per-call option checks', () => {
  test('an invalid retry or timeout is a TypeError, not a ConnectionError, and sends nothing', async () => {
    for (const options of [{ retry: -1 }, { retry: 1.5 }, { timeout: 0 }, { timeout: Number.NaN }]) {
      const error = await rejection(testClient().payslips.latest(options));
      assert.ok(error instanceof TypeError && !(error instanceof EsrError), `${JSON.stringify(options)} gave ${String(error)}`);
    }
    assert.equal(seen.length, 0);
  });
});

test('createEsrClient refuses an invalid retry or timeout at once', () => {
  assert.throws(() => createEsrClient({ baseUrl, retry: -1 }), TypeError);
  assert.throws(() => createEsrClient({ baseUrl, timeout: -5 }), TypeError);
});
