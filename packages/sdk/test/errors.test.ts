import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { HttpResponse, http } from 'msw';
import {
  AuthenticationError,
  ConflictError,
  EsrError,
  NotFoundError,
  PermissionError,
  PreconditionError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../src/index.ts';
import { rejection, secretToken, testClient, useMockServer } from './helpers.ts';

const { server, seen } = useMockServer();

function problemBody(status: number, code: string, extra: Record<string, unknown> = {}) {
  return {
    type: `urn:esr:problem:${code}`,
    title: `Title ${status}`,
    status,
    detail: `Detail for ${status}`,
    code,
    requestId: `req_${status}`,
    ...extra,
  };
}

/** Every call to GET /v1/me/payslips/:id answers with this problem. */
function respondWith(status: number, code: string, options: { extra?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
  server.use(
    http.get('*/v1/me/payslips/:id', () =>
      HttpResponse.json(problemBody(status, code, options.extra), {
        status,
        headers: { 'Content-Type': 'application/problem+json', ...options.headers },
      }),
    ),
  );
}

async function failureOf(status: number, code: string, options: Parameters<typeof respondWith>[2] = {}): Promise<EsrError> {
  respondWith(status, code, options);
  const error = await rejection(testClient().payslips.get('pay_1'));
  assert.ok(error instanceof EsrError, `expected an EsrError, got ${String(error)}`);
  return error;
}

describe('problem+json → typed errors', () => {
  test('400 with errors[] → ValidationError with issues and param', async () => {
    const errors = [
      { path: 'query.limit', message: 'Too big: expected number to be <=100', code: 'too_big' },
      { path: 'query.colour', message: 'Unknown field', code: 'unknown_field' },
    ];
    const error = await failureOf(400, 'validation_failed', { extra: { errors } });
    assert.ok(error instanceof ValidationError);
    assert.equal(error.name, 'ValidationError');
    assert.equal(error.status, 400);
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.issues, errors);
    assert.equal(error.param, 'query.limit');
    assert.equal(error.requestId, 'req_400');
  });

  test('issues keep only well-formed entries; a 400 without errors[] has no issues', async () => {
    const withJunk = await failureOf(400, 'validation_failed', {
      extra: { errors: ['oops', null, { message: 'no path' }, { path: 'body.name', message: 'Required', code: 'invalid_type' }] },
    });
    assert.deepEqual(withJunk.issues, [{ path: 'body.name', message: 'Required', code: 'invalid_type' }]);
    const bare = await failureOf(400, 'bad_request');
    assert.ok(bare instanceof ValidationError);
    assert.deepEqual(bare.issues, []);
    assert.equal(bare.param, undefined);
  });

  test('422 → ValidationError', async () => {
    const error = await failureOf(422, 'idempotency_key_reused');
    assert.ok(error instanceof ValidationError);
    assert.equal(error.code, 'idempotency_key_reused');
  });

  const cases: Array<[number, string, new (...args: never[]) => EsrError, string]> = [
    [401, 'unauthenticated', AuthenticationError, 'AuthenticationError'],
    [403, 'forbidden', PermissionError, 'PermissionError'],
    [404, 'not_found', NotFoundError, 'NotFoundError'],
    [409, 'conflict', ConflictError, 'ConflictError'],
    [412, 'precondition_failed', PreconditionError, 'PreconditionError'],
    [428, 'precondition_required', PreconditionError, 'PreconditionError'],
    [429, 'rate_limited', RateLimitError, 'RateLimitError'],
    [500, 'internal_error', ServerError, 'ServerError'],
    [503, 'unavailable', ServerError, 'ServerError'],
  ];
  for (const [status, code, ErrorClass, name] of cases) {
    test(`${status} → ${name}`, async () => {
      const error = await failureOf(status, code);
      assert.ok(error instanceof ErrorClass, `${status} gave ${error.name}`);
      assert.ok(error instanceof EsrError);
      assert.ok(error instanceof Error);
      assert.equal(error.name, name);
      assert.equal(error.status, status);
      assert.equal(error.code, code);
      assert.equal(error.title, `Title ${status}`);
      assert.equal(error.detail, `Detail for ${status}`);
      assert.equal(error.message, `Detail for ${status}`);
      assert.equal(error.requestId, `req_${status}`);
      assert.equal(error.headers?.get('content-type'), 'application/problem+json');
      assert.match(String(error), new RegExp(`^${name}: Detail for ${status}$`));
    });
  }

  test('a status without its own class is a plain EsrError', async () => {
    const error = await failureOf(418, 'teapot');
    assert.equal(error.constructor, EsrError);
    assert.equal(error.status, 418);
  });

  test('RateLimitError.retryAfter reads delay seconds', async () => {
    const error = await failureOf(429, 'rate_limited', { headers: { 'Retry-After': '7' } });
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 7);
  });

  test('RateLimitError.retryAfter reads an HTTP-date as seconds from now', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const error = await failureOf(429, 'rate_limited', { headers: { 'Retry-After': at } });
    assert.ok(error instanceof RateLimitError);
    const seconds = error.retryAfter;
    assert.ok(seconds !== undefined && seconds >= 28 && seconds <= 31, `retryAfter was ${seconds}`);
  });

  test('RateLimitError.retryAfter is 0 for a date in the past and undefined when absent or unreadable', async () => {
    const past = await failureOf(429, 'rate_limited', { headers: { 'Retry-After': new Date(Date.now() - 60_000).toUTCString() } });
    assert.equal((past as RateLimitError).retryAfter, 0);
    const none = await failureOf(429, 'rate_limited');
    assert.equal((none as RateLimitError).retryAfter, undefined);
    const junk = await failureOf(429, 'rate_limited', { headers: { 'Retry-After': 'soon' } });
    assert.equal((junk as RateLimitError).retryAfter, undefined);
  });

  test('a non-JSON error body (text/html 502) still gives a useful ServerError', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    server.use(
      http.get('*/v1/me/payslips/:id', () =>
        new HttpResponse(html, { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'req_from_header' } }),
      ),
    );
    const error = await rejection(testClient().payslips.get('pay_1'));
    assert.ok(error instanceof ServerError);
    assert.equal(error.status, 502);
    assert.equal(error.code, 'http_502');
    assert.equal(error.title, 'Bad Gateway');
    assert.equal(error.detail, html);
    assert.equal(error.requestId, 'req_from_header', 'falls back to the X-Request-Id header');
    assert.equal(error.type, undefined);
  });

  test('an empty error body falls back to the status text', async () => {
    server.use(http.get('*/v1/me/payslips/:id', () => new HttpResponse(null, { status: 503, statusText: 'Service Unavailable' })));
    const error = await rejection(testClient().payslips.get('pay_1'));
    assert.ok(error instanceof ServerError);
    assert.equal(error.code, 'http_503');
    assert.equal(error.message, 'Service Unavailable');
  });

  test('a huge non-JSON body is not copied into detail', async () => {
    server.use(http.get('*/v1/me/payslips/:id', () => new HttpResponse('x'.repeat(5000), { status: 500, headers: { 'Content-Type': 'text/plain' } })));
    const error = await rejection(testClient().payslips.get('pay_1'));
    assert.ok(error instanceof ServerError);
    assert.equal(error.detail, undefined);
    assert.equal(error.message, 'Internal Server Error');
  });
});

describe('credentials never leak through errors', () => {
  const leaks = (error: EsrError): string[] => {
    const views: Record<string, string> = {
      'JSON.stringify': JSON.stringify(error),
      String: String(error),
      stack: String(error.stack),
      'util.inspect': inspect(error, { depth: 10 }),
    };
    return Object.entries(views).filter(([, text]) => text.includes(secretToken)).map(([view]) => view);
  };

  test('the request is kept with method and URL, and the Authorization header redacted', async () => {
    const error = await failureOf(401, 'unauthenticated');
    assert.equal(seen[0]?.headers.get('authorization'), `Bearer ${secretToken}`, 'the token was sent');
    assert.deepEqual(error.request?.method, 'GET');
    assert.equal(error.request?.url, 'https://esr.test/v1/me/payslips/pay_1');
    assert.equal(error.request?.headers['authorization'], '[redacted]');
    assert.deepEqual(leaks(error), []);
  });

  test('a token from getToken is redacted too, as are cookies and API keys sent through request()', async () => {
    server.use(
      http.get('*/v1/things', () =>
        HttpResponse.json(problemBody(403, 'forbidden'), { status: 403, headers: { 'Content-Type': 'application/problem+json' } }),
      ),
    );
    const client = testClient({ token: undefined, getToken: async () => secretToken });
    const error = await rejection(
      client.request('GET', '/things', { headers: { Cookie: `session=${secretToken}`, 'X-Api-Key': secretToken, 'X-Trace': 'keep-me' } }),
    );
    assert.ok(error instanceof PermissionError);
    assert.equal(error.request?.headers['authorization'], '[redacted]');
    assert.equal(error.request?.headers['cookie'], '[redacted]');
    assert.equal(error.request?.headers['x-api-key'], '[redacted]');
    assert.equal(error.request?.headers['x-trace'], 'keep-me');
    assert.deepEqual(leaks(error), []);
  });

  test('credentials in the query string are redacted; other parameters are kept', async () => {
    server.use(http.get('*/v1/things', () => HttpResponse.json(problemBody(404, 'not_found'), { status: 404, headers: { 'Content-Type': 'application/problem+json' } })));
    const query = { access_token: secretToken, api_key: secretToken, client_secret: secretToken, sig_signature: secretToken, cursor: 'c1', limit: 5 };
    const error = await rejection(testClient().request('GET', 'things', { searchParams: query }));
    assert.ok(error instanceof NotFoundError);
    assert.equal(new URL(seen[0]!.url).searchParams.get('access_token'), secretToken, 'sent as given');
    const kept = new URL(error.request!.url).searchParams;
    for (const name of ['access_token', 'api_key', 'client_secret', 'sig_signature']) assert.equal(kept.get(name), '[redacted]', name);
    assert.equal(kept.get('cursor'), 'c1');
    assert.equal(kept.get('limit'), '5');
    assert.deepEqual(leaks(error), []);
  });
});
