// The SDK over real HTTP (a TCP socket on 127.0.0.1) against the reference server, with a gateway in
// front that can fail, delay or lose responses the way real networks do. Covers every error class,
// retries with Retry-After, idempotent creating writes, If-Match updates, token refresh and pagination
// end to end: the SDK's own fetch, ky and the real routes, nothing mocked but the gateway's faults.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, createDemoIssuer, openDatabase, seedDatabase } from '../../reference-server/src/index.ts';
import type { App, Database, DemoIssuer } from '../../reference-server/src/index.ts';
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  EsrError,
  NotFoundError,
  PermissionError,
  PreconditionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  createEsrClient,
} from '../src/index.ts';
import type { DemoRole, EsrClient, EsrClientOptions } from '../src/index.ts';
import { rejection } from './helpers.ts';
import { serveFetch } from './http-server.ts';
import type { HttpServer } from './http-server.ts';

/** What the gateway does with one request: forward it (and maybe lie about the answer), or answer itself. */
type Gateway = (request: Request, forward: () => Promise<Response>) => Promise<Response>;

let database: Database;
let demo: DemoIssuer;
let gateway: Gateway | undefined;
/** Every request that reached the gateway, in order (clones, bodies readable). */
const seen: Request[] = [];
const servers: HttpServer[] = [];

/** Serves `app` on 127.0.0.1 behind the gateway; resolves to its base URL. */
async function listen(app: App): Promise<string> {
  const server = await serveFetch(async (request) => {
    seen.push(request.clone());
    const forward = async () => app.fetch(request.clone());
    return gateway ? gateway(request, forward) : forward();
  });
  servers.push(server);
  return server.url;
}

let baseUrl: string;

function clientFor(token: string | undefined, options: Partial<EsrClientOptions> = {}): EsrClient {
  return createEsrClient({ baseUrl, token, retry: 0, ...options });
}

async function tokenFor(role: DemoRole, nth = 0): Promise<{ employeeId: string; token: string }> {
  const anonymous = clientFor(undefined);
  const person = (await anonymous.demo.people({ role, limit: nth + 1 }))[nth];
  assert.ok(person, `the seed has a ${role} #${nth}`);
  const { token } = await anonymous.demo.signIn(person.employeeId);
  return { employeeId: person.employeeId, token };
}

/** The checks every error class must pass: status, code, request id, and the request with no credentials. */
function assertCarriesContext(error: unknown, Class: new (...args: never[]) => EsrError, status: number, secret?: string): asserts error is EsrError {
  assert.ok(error instanceof Class, `expected ${Class.name}, got ${String(error)}`);
  assert.ok(error instanceof EsrError);
  assert.equal(error.status, status);
  assert.ok(error.code, 'a machine-readable code');
  if (status !== 0) assert.match(error.requestId ?? '', /\S/, 'the server\'s request id, to quote to support');
  assert.ok(error.request, 'the request that failed');
  assert.match(error.request.url, new RegExp(`^${baseUrl.replace(/[.:/]/g, '\\$&')}/v1/`));
  if (error.request.headers['authorization'] !== undefined) assert.equal(error.request.headers['authorization'], '[redacted]');
  if (secret) assert.ok(!JSON.stringify(error.request).includes(secret), 'no credential anywhere in the request kept on the error');
}

before(async () => {
  database = await openDatabase({});
  await seedDatabase(database, { staff: 40, organisations: 1, asOf: '2026-11-25' });
  demo = await createDemoIssuer();
  baseUrl = await listen(createApp({ database, verifier: demo, demo, rateLimit: false }));
});

beforeEach(() => {
  gateway = undefined;
  seen.length = 0;
});

after(async () => {
  for (const server of servers) await server.close();
  await database?.close();
});

describe('every error class over real HTTP, with status, code, request id and the request redacted', () => {
  test('ValidationError names the field from problem+json', async () => {
    const { token } = await tokenFor('employee');
    const error = await rejection(clientFor(token).payslips.list({ limit: 1000 }));
    assertCarriesContext(error, ValidationError, 400, token);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.param, 'query.limit');
    assert.ok(error.issues.every((issue) => typeof issue.path === 'string' && typeof issue.message === 'string'));
  });

  test('AuthenticationError; a token put in the query string is redacted from the error too', async () => {
    const secret = 'not.a-real.token';
    const error = await rejection(clientFor(secret).request('GET', 'me/payslips', { searchParams: { access_token: secret, limit: 2 } }));
    assertCarriesContext(error, AuthenticationError, 401, secret);
    assert.equal(error.code, 'unauthenticated');
    const url = new URL(error.request!.url);
    assert.equal(url.searchParams.get('access_token'), '[redacted]');
    assert.equal(url.searchParams.get('limit'), '2', 'other parameters are kept');
  });

  test('PermissionError: an employee reading the audit trail', async () => {
    const { token } = await tokenFor('employee', 1);
    assertCarriesContext(await rejection(clientFor(token).audit.list()), PermissionError, 403, token);
  });

  test('NotFoundError: an unknown payslip', async () => {
    const { token } = await tokenFor('employee');
    const error = await rejection(clientFor(token).payslips.get('pay_doesnotexist'));
    assertCarriesContext(error, NotFoundError, 404, token);
    assert.equal(error.code, 'not_found');
  });

  test('ConflictError: withdrawing a request that is already withdrawn', async () => {
    const { token } = await tokenFor('employee', 2);
    const esr = clientFor(token);
    const requested = await esr.people.requestNameChange('me', { firstName: 'Sam', lastName: 'Withdrawn', reason: 'marriage' });
    await esr.approvals.get(requested.id);
    await esr.approvals.withdraw(requested.id);
    assertCarriesContext(await rejection(esr.approvals.withdraw(requested.id)), ConflictError, 409, token);
  });

  test('PreconditionError: 428 without an ETag, 412 with a stale one', async () => {
    const { token } = await tokenFor('employee', 3);
    const esr = clientFor(token);
    const missing = await rejection(esr.people.updatePersonalDetails('me', { preferredName: 'Jo' }));
    assertCarriesContext(missing, PreconditionError, 428, token);
    await esr.people.personalDetails();
    const stale = await rejection(esr.people.updatePersonalDetails('me', { preferredName: 'Jo' }, { ifMatch: '"v0-stale"' }));
    assertCarriesContext(stale, PreconditionError, 412, token);
    assert.equal(stale.request?.headers['if-match'], '"v0-stale"');
  });

  test('RateLimitError with retryAfter from the server\'s rate limiter', async () => {
    const limited = await listen(createApp({ database, verifier: demo, demo, rateLimit: { limit: 1, windowSeconds: 60, burst: 1 } }));
    const { token } = await tokenFor('employee');
    const esr = createEsrClient({ baseUrl: limited, token, retry: 0 });
    await esr.me.get();
    const error = await rejection(esr.me.get());
    assert.ok(error instanceof RateLimitError, `got ${String(error)}`);
    assert.equal(error.status, 429);
    assert.ok(error.requestId);
    assert.equal(error.request?.headers['authorization'], '[redacted]');
    assert.ok(error.retryAfter !== undefined && error.retryAfter > 0 && error.retryAfter <= 60, `retryAfter ${error.retryAfter}`);
  });

  test('ServerError: a gateway\'s 502 page (not problem+json)', async () => {
    const { token } = await tokenFor('employee');
    gateway = async () => new Response('<h1>502 Bad Gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html', 'x-request-id': 'gw-1' } });
    const error = await rejection(clientFor(token).me.get());
    assertCarriesContext(error, ServerError, 502, token);
    assert.equal(error.code, 'http_502');
    assert.equal(error.requestId, 'gw-1');
  });

  test('ConnectionError: nothing listening', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await rejection(createEsrClient({ baseUrl: `http://127.0.0.1:${port}`, token: 'secret.tok.en', retry: 0 }).me.get());
    assert.ok(error instanceof ConnectionError, `got ${String(error)}`);
    assert.equal(error.status, 0);
    assert.equal(error.code, 'connection_failed');
    assert.equal(error.request?.headers['authorization'], '[redacted]');
    assert.ok(!JSON.stringify(error.request).includes('secret.tok.en'));
  });

  test('TimeoutError: the answer comes after the timeout', async () => {
    const { token } = await tokenFor('employee');
    gateway = async (_request, forward) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return forward();
    };
    const error = await rejection(clientFor(token, { timeout: 100 }).me.get());
    assertCarriesContext(error, TimeoutError, 0, token);
    assert.equal(error.code, 'timeout');
  });
});

describe('retries over real HTTP', () => {
  test('a GET is retried after a 503 with Retry-After, waiting as told', async () => {
    const { token } = await tokenFor('employee');
    let failures = 1;
    gateway = async (_request, forward) => (failures-- > 0 ? new Response(null, { status: 503, headers: { 'retry-after': '1' } }) : forward());
    const started = performance.now();
    const me = await clientFor(token, { retry: 2 }).me.get();
    assert.ok(me.profile.id);
    assert.equal(seen.filter((r) => r.url.endsWith('/v1/me')).length, 2);
    assert.ok(performance.now() - started >= 950, 'waited the second Retry-After asked for');
  });

  test('the rate limiter\'s 429 is waited out (Retry-After) and the read then succeeds', async () => {
    const limited = await listen(createApp({ database, verifier: demo, demo, rateLimit: { limit: 60, windowSeconds: 60, burst: 1 } }));
    const { token } = await tokenFor('employee');
    const esr = createEsrClient({ baseUrl: limited, token, retry: 2 });
    await esr.me.get();
    const me = await esr.me.get();
    assert.ok(me.profile.id);
    assert.deepEqual(seen.filter((r) => r.url.endsWith('/v1/me')).length, 3, 'one 429, then the retry');
  });

  test('a creating POST whose response is lost is retried with the same Idempotency-Key: created once, replayed', async () => {
    const { token } = await tokenFor('employee', 4);
    const esr = clientFor(token, { retry: 2 });
    let lose = 1;
    gateway = async (request, forward) => {
      const response = await forward(); // the server does the work…
      if (request.method === 'POST' && lose-- > 0) return new Response('upstream reset', { status: 502 }); // …and the answer is lost
      return response;
    };
    const before = (await (await esr.approvals.list({ box: 'mine', limit: 100 })).toArray()).length;
    const created = await esr.people.requestNameChange('me', { firstName: 'Ada', lastName: 'Once', reason: 'marriage' });
    const posts = seen.filter((r) => r.method === 'POST' && r.url.endsWith('/name-change-requests'));
    assert.equal(posts.length, 2);
    const key = posts[0]!.headers.get('idempotency-key');
    assert.match(key ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(posts[1]!.headers.get('idempotency-key'), key, 'the retry sends the same key');
    const mine = await (await esr.approvals.list({ box: 'mine', limit: 100 })).toArray();
    assert.equal(mine.length, before + 1, 'exactly one request was created');
    assert.ok(mine.some((item) => item.id === created.id));
  });

  test('a POST without an Idempotency-Key is never retried', async () => {
    gateway = async () => new Response(null, { status: 503 });
    const error = await rejection(clientFor(undefined, { retry: 2 }).demo.signIn('emp_nobody'));
    assert.ok(error instanceof ServerError);
    assert.equal(seen.length, 1);
  });

  test('an update with If-Match whose response is lost is retried, and the retry is refused (412), never applied twice', async () => {
    const { token } = await tokenFor('employee', 5);
    const esr = clientFor(token, { retry: 2 });
    const details = await esr.people.personalDetails();
    let lose = 1;
    gateway = async (request, forward) => {
      const response = await forward();
      return request.method === 'PATCH' && lose-- > 0 ? new Response(null, { status: 503 }) : response;
    };
    const error = await rejection(esr.people.updatePersonalDetails('me', { preferredName: 'Once' }));
    assert.ok(error instanceof PreconditionError, `got ${String(error)}`);
    assert.equal(error.status, 412);
    const patches = seen.filter((r) => r.method === 'PATCH');
    assert.equal(patches.length, 2);
    assert.equal(patches[1]!.headers.get('if-match'), patches[0]!.headers.get('if-match'));
    gateway = undefined;
    const now = await esr.people.personalDetails();
    assert.equal(now.version, details.version + 1, 'applied exactly once');
  });

  test('token refresh: a 401 asks getToken again once, and the call succeeds with the fresh token', async () => {
    const { token } = await tokenFor('employee');
    const tokens = ['expired.or.revoked', token];
    let asked = 0;
    const me = await createEsrClient({ baseUrl, retry: 0, getToken: () => tokens[asked++] }).me.get();
    assert.ok(me.profile.id);
    assert.equal(asked, 2);
    const calls = seen.filter((r) => r.url.endsWith('/v1/me'));
    assert.deepEqual(calls.map((r) => r.headers.get('authorization')), ['Bearer expired.or.revoked', `Bearer ${token}`]);
  });
});

describe('pagination over real HTTP', () => {
  test('a page is an async iterable over every item of every page; toArray({ limit }) stops fetching early', async () => {
    const { token } = await tokenFor('employee');
    const esr = clientFor(token);
    const all = (await esr.payslips.list({ limit: 100 })).data;
    assert.ok(all.length >= 5, `the seed has several payslips (${all.length})`);
    seen.length = 0;
    const walked: string[] = [];
    for await (const payslip of await esr.payslips.list({ limit: 2 })) walked.push(payslip.id);
    assert.deepEqual(walked, all.map((p) => p.id));
    const pages = Math.ceil(all.length / 2);
    // One request per page (plus possibly an empty last page when the count divides evenly).
    assert.ok(seen.length === pages || seen.length === pages + 1, `${seen.length} requests for ${pages} pages`);

    seen.length = 0;
    const firstThree = await (await esr.payslips.list({ limit: 2 })).toArray({ limit: 3 });
    assert.deepEqual(firstThree.map((p) => p.id), all.slice(0, 3).map((p) => p.id));
    assert.equal(seen.length, 2, 'two pages of two, no third');
  });
});
