// Conventions that need no database: rate limiting (fake clock), If-Match parsing, client IP, masking.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createApp } from '../src/app.ts';
import { maskChanges, maskValue } from '../src/audit/masking.ts';
import { requireAuth } from '../src/auth/principal.ts';
import { createDemoIssuer } from '../src/auth/tokens.ts';
import type { DemoIssuer } from '../src/auth/tokens.ts';
import type { Database } from '../src/db/database.ts';
import { clientIp, clientIpMiddleware } from '../src/http/client-ip.ts';
import { etagFor, ifMatchVersion, requireIfMatch } from '../src/http/etag.ts';
import { canonicalJson, fingerprint } from '../src/http/idempotency.ts';
import { TokenBuckets, rateLimit } from '../src/http/rate-limit.ts';
import { readProblem } from './helpers/harness.ts';

/** No route here touches the database. */
const noDatabase = { engine: 'pglite', db: {}, exec: async () => {}, close: async () => {} } as unknown as Database;

function fakeClock(start = Date.UTC(2026, 10, 25, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('token buckets (fake clock)', () => {
  test('a burst is allowed, then one request per refill interval', () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets({ limit: 60, windowSeconds: 60, burst: 3, now: clock.now });
    assert.deepEqual([1, 2, 3].map(() => buckets.take('a').remaining), [2, 1, 0]);
    const refused = buckets.take('a');
    assert.equal(refused.allowed, false);
    assert.equal(refused.retryAfterSeconds, 1);
    clock.advance(999);
    assert.equal(buckets.take('a').allowed, false);
    clock.advance(1);
    assert.equal(buckets.take('a').allowed, true);
    assert.equal(buckets.take('a').allowed, false);
  });

  test('300 per minute with a burst of 60: 60 at once, then exactly 300 more over the next minute', () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets({ limit: 300, windowSeconds: 60, burst: 60, now: clock.now });
    let allowed = 0;
    for (let i = 0; i < 100; i++) if (buckets.take('u').allowed) allowed++;
    assert.equal(allowed, 60);
    allowed = 0;
    // One attempt every 50 ms for a minute (1200 attempts): the bucket refills at 5 per second.
    for (let t = 0; t < 1200; t++) {
      clock.advance(50);
      if (buckets.take('u').allowed) allowed++;
    }
    assert.equal(allowed, 300);
  });

  test('Retry-After is the wait for the next whole token; Reset is the wait until the bucket is full', () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets({ limit: 6, windowSeconds: 60, burst: 2, now: clock.now });
    buckets.take('k');
    const last = buckets.take('k');
    assert.equal(last.remaining, 0);
    assert.equal(last.resetSeconds, 20);
    const refused = buckets.take('k');
    assert.equal(refused.retryAfterSeconds, 10);
    clock.advance(9_999);
    assert.equal(buckets.take('k').allowed, false);
    clock.advance(1);
    assert.equal(buckets.take('k').allowed, true);
  });

  test('buckets are independent per key', () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets({ burst: 1, now: clock.now });
    assert.equal(buckets.take('emp:a').allowed, true);
    assert.equal(buckets.take('emp:a').allowed, false);
    assert.equal(buckets.take('emp:b').allowed, true);
  });

  test('memory is bounded: never more than maxBuckets, least recently used evicted first', () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets({ burst: 2, maxBuckets: 100, now: clock.now });
    for (let i = 0; i < 1000; i++) buckets.take(`ip:10.0.${i >> 8}.${i & 255}`);
    assert.equal(buckets.size, 100);

    const small = new TokenBuckets({ burst: 2, maxBuckets: 3, now: clock.now });
    small.take('a');
    small.take('a'); // a is empty now
    small.take('b');
    small.take('c');
    small.take('a'); // refused, but a is now the most recently used
    small.take('d'); // evicts b, the least recently used
    assert.equal(small.size, 3);
    assert.equal(small.take('a').allowed, false, 'a kept its (empty) bucket');
  });

  test('idle buckets are dropped once they have refilled (forgetting them changes nothing)', () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets({ limit: 60, windowSeconds: 60, burst: 5, now: clock.now });
    for (let i = 0; i < 5; i++) buckets.take(`idle-${i}`);
    assert.equal(buckets.size, 5);
    clock.advance(500);
    buckets.take('active');
    assert.equal(buckets.size, 6, 'not refilled yet: kept');
    clock.advance(1_000);
    buckets.take('active');
    assert.equal(buckets.size, 1, 'the idle ones refilled and were forgotten');
  });
});

describe('rate limit middleware', () => {
  let demo: DemoIssuer;
  let clock: ReturnType<typeof fakeClock>;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    demo = await createDemoIssuer();
    clock = fakeClock();
    app = createApp({ database: noDatabase, verifier: demo });
    const buckets = new TokenBuckets({ limit: 60, windowSeconds: 60, burst: 2, now: clock.now });
    app.use('/v1/limited/*', clientIpMiddleware({ trustProxy: true }));
    app.use('/v1/limited/private/*', requireAuth(demo));
    app.use('/v1/limited/*', rateLimit({ buckets }));
    app.get('/v1/limited/private/thing', (c) => c.json({ ok: true }, 200));
    app.get('/v1/limited/public/thing', (c) => c.json({ ok: true }, 200));
  });

  const get = async (path: string, headers: Record<string, string>) => app.request(path, { headers });

  test('429 rate_limited with Retry-After and RateLimit-* headers once the bucket is empty; per person', async () => {
    const alice = { authorization: `Bearer ${await demo.sign({ sub: 'emp_a1', org: 'org_00', roles: [] })}` };
    const bob = { authorization: `Bearer ${await demo.sign({ sub: 'emp_b1', org: 'org_00', roles: [] })}` };
    const first = await get('/v1/limited/private/thing', alice);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('ratelimit-limit'), '2');
    assert.equal(first.headers.get('ratelimit-remaining'), '1');
    assert.equal((await get('/v1/limited/private/thing', alice)).headers.get('ratelimit-remaining'), '0');
    const limited = await get('/v1/limited/private/thing', alice);
    assert.equal(limited.status, 429);
    const problem = await readProblem(limited);
    assert.equal(problem['code'], 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '1');
    assert.equal(limited.headers.get('ratelimit-remaining'), '0');
    assert.equal(limited.headers.get('ratelimit-limit'), '2');
    assert.equal(limited.headers.get('ratelimit-reset'), '2');
    // Bob has his own bucket, even from the same address.
    assert.equal((await get('/v1/limited/private/thing', bob)).status, 200);
    clock.advance(1_000);
    assert.equal((await get('/v1/limited/private/thing', alice)).status, 200);
  });

  test('before sign-in the bucket is per client IP', async () => {
    const fromA = { 'x-forwarded-for': '203.0.113.9' };
    const fromB = { 'x-forwarded-for': '203.0.113.10' };
    assert.equal((await get('/v1/limited/public/thing', fromA)).status, 200);
    assert.equal((await get('/v1/limited/public/thing', fromA)).status, 200);
    assert.equal((await get('/v1/limited/public/thing', fromA)).status, 429);
    assert.equal((await get('/v1/limited/public/thing', fromB)).status, 200);
  });
});

describe('If-Match parsing', () => {
  let app: ReturnType<typeof createApp>;
  before(() => {
    app = createApp({ database: noDatabase, verifier: { verify: async () => { throw new Error('no'); } } });
    app.get('/v1/etag/check/:version', (c) => {
      requireIfMatch(c, Number(c.req.param('version')));
      return c.json({ ok: true }, 200);
    });
    app.get('/v1/etag/version', (c) => c.json({ version: ifMatchVersion(c) }, 200));
  });
  const check = (version: number, ifMatch?: string) =>
    app.request(`/v1/etag/check/${version}`, { headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });

  test('etagFor is a strong tag', () => assert.equal(etagFor(12), '"v12"'));

  test('requireIfMatch: 428 absent or *, 412 with the current ETag on mismatch, any listed strong tag matches', async () => {
    assert.equal((await check(3)).status, 428);
    assert.equal((await check(3, '*')).status, 428);
    const mismatch = await check(3, '"v2"');
    assert.equal(mismatch.status, 412);
    assert.equal(mismatch.headers.get('etag'), '"v3"');
    assert.equal((await readProblem(mismatch))['code'], 'precondition_failed');
    assert.equal((await check(3, 'W/"v3"')).status, 412, 'weak tags never match');
    assert.equal((await check(3, '"v3"')).status, 200);
    assert.equal((await check(3, '"v2", "v3"')).status, 200);
  });

  test('ifMatchVersion reads exactly one strong "v<n>" tag', async () => {
    const version = async (h?: string) => app.request('/v1/etag/version', { headers: h === undefined ? {} : { 'if-match': h } });
    assert.deepEqual(await (await version('"v42"')).json(), { version: 42 });
    assert.equal((await version()).status, 428);
    assert.equal((await version('  ')).status, 428);
    for (const bad of ['"v1", "v2"', 'W/"v1"', '"x1"', 'v1', '"v"', '"v99999999999"']) assert.equal((await version(bad)).status, 412, bad);
  });
});

describe('client IP', () => {
  const probe = (options: Parameters<typeof clientIp>[1], headers: Record<string, string>, env?: unknown) => {
    const app = createApp({ database: noDatabase, verifier: { verify: async () => { throw new Error('no'); } } });
    app.get('/v1/ip', (c) => c.json({ ip: clientIp(c, options) }, 200));
    return Promise.resolve(app.request('/v1/ip', { headers }, env)).then((r) => r.json() as Promise<{ ip: string | null }>);
  };
  const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 5000, remoteFamily: 'IPv6' } } });

  test('the socket address when there is one (IPv4-mapped IPv6 unwrapped), else null', async () => {
    assert.equal((await probe({}, {}, socket('::ffff:192.0.2.7'))).ip, '192.0.2.7');
    assert.equal((await probe({}, {}, socket('2001:db8::1'))).ip, '2001:db8::1');
    assert.equal((await probe({}, {})).ip, null);
  });

  test('X-Forwarded-For is ignored unless trustProxy is set', async () => {
    assert.equal((await probe({}, { 'x-forwarded-for': '198.51.100.1' }, socket('10.0.0.2'))).ip, '10.0.0.2');
    assert.equal((await probe({}, { 'x-forwarded-for': '198.51.100.1' })).ip, null);
  });

  test('with trustProxy, the address the trusted proxy appended (spoofed entries to its left are ignored)', async () => {
    const xff = { 'x-forwarded-for': '6.6.6.6, 198.51.100.1' };
    assert.equal((await probe({ trustProxy: true }, xff, socket('10.0.0.2'))).ip, '198.51.100.1');
    assert.equal((await probe({ trustProxy: 2 }, { 'x-forwarded-for': '198.51.100.1, 10.0.0.9' })).ip, '198.51.100.1');
    assert.equal((await probe({ trustProxy: true }, { 'x-forwarded-for': 'not-an-ip' }, socket('10.0.0.2'))).ip, '10.0.0.2');
    assert.equal((await probe({ trustProxy: true }, { 'x-forwarded-for': '[2001:db8::5]:443' })).ip, '2001:db8::5');
    assert.equal((await probe({ trustProxy: true }, {}, socket('10.0.0.2'))).ip, '10.0.0.2');
  });
});

describe('masking for the audit trail', () => {
  test('bank, NI, phone, email are masked; markers and codes kept; free text cut to its first characters', () => {
    assert.equal(maskValue('accountNumber', '12345678'), '****5678');
    assert.equal(maskValue('bank.accountNumber', '****5678'), '****5678', 'masking a masked value changes nothing');
    assert.equal(maskValue('sortCode', '40-47-84'), '**-**-84');
    assert.equal(maskValue('niNumber', 'AB123456C'), 'AB ** ** ** C');
    assert.equal(maskValue('phones.mobile', '07700 900123'), '********123');
    assert.equal(maskValue('emergencyContacts.1.phone', '+44 20 7946 0958'), '*********958');
    assert.equal(maskValue('email', 'jane.doe@nhs.net'), 'j…@nhs.net');
    assert.equal(maskValue('addresses.home.line1', '12 Acacia Avenue'), '12…');
    assert.equal(maskValue('addresses.home.postcode', 'LS1 4AB'), 'L…');
    assert.equal(maskValue('preferredName', 'Al'), '…');
    assert.equal(maskValue('ethnicity', 'A'), '[redacted]');
    assert.equal(maskValue('sickness.reason', 'Migraine'), '[redacted]');
    assert.equal(maskValue('status', 'approved'), 'approved');
    assert.equal(maskValue('addresses.home', '[changed]'), '[changed]');
    assert.equal(maskValue('anything', null), null);
    assert.equal(maskValue('addresses.home', { line1: '12 Acacia Avenue', postcode: 'LS1 4AB', country: 'United Kingdom' }), '{line1: 12…, postcode: L…, country: United Kingdom}');
  });

  test('maskChanges keeps from/to as given and masks both', () => {
    assert.deepEqual(maskChanges({ accountNumber: { from: '11112222', to: '33334444' }, phones: { to: '07700900123' } }), {
      accountNumber: { from: '****2222', to: '****4444' },
      phones: { to: '********123' },
    });
  });
});

describe('idempotency fingerprint', () => {
  test('canonical JSON sorts keys at every level and keeps array order', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, 1], c: null } }), '{"a":{"c":null,"d":[2,1]},"b":1}');
  });
  test('method, path and body all count; JSON formatting does not', () => {
    const base = fingerprint('POST', '/v1/x', '{"a":1,"b":2}', 'application/json');
    assert.equal(fingerprint('POST', '/v1/x', '{ "b": 2, "a": 1 }', 'application/json; charset=utf-8'), base);
    assert.notEqual(fingerprint('PUT', '/v1/x', '{"a":1,"b":2}', 'application/json'), base);
    assert.notEqual(fingerprint('POST', '/v1/y', '{"a":1,"b":2}', 'application/json'), base);
    assert.notEqual(fingerprint('POST', '/v1/x', '{"a":1,"b":3}', 'application/json'), base);
  });
});
