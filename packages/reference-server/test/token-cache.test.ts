import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VerifiedTokenCache } from '../src/auth/token-cache.ts';
import { createDemoIssuer, generateDemoSigningKey } from '../src/auth/tokens.ts';

const claims = { sub: 'emp_000000100', org: 'org_00', roles: [] };

describe('VerifiedTokenCache', () => {
  test('serves a verified token until its expiry, never after', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache({ now: () => now });
    cache.set('t1', claims, now + 5_000);
    assert.deepEqual(cache.get('t1'), claims);
    now += 4_999;
    assert.deepEqual(cache.get('t1'), claims);
    now += 1;
    assert.equal(cache.get('t1'), undefined, 'at exp the entry is gone');
    assert.equal(cache.size, 0);
  });

  test('does not store a token that has already expired', () => {
    const cache = new VerifiedTokenCache({ now: () => 10_000 });
    cache.set('old', claims, 10_000);
    assert.equal(cache.get('old'), undefined);
    assert.equal(cache.size, 0);
  });

  test('is bounded: the least recently used token goes first', () => {
    const cache = new VerifiedTokenCache({ maxEntries: 2, now: () => 0 });
    cache.set('a', claims, 1_000);
    cache.set('b', claims, 1_000);
    cache.get('a');
    cache.set('c', claims, 1_000);
    assert.equal(cache.size, 2);
    assert.ok(cache.get('a'));
    assert.equal(cache.get('b'), undefined);
    assert.ok(cache.get('c'));
  });

  test('hands out frozen claims, so no request can change them for the next', () => {
    const cache = new VerifiedTokenCache({ now: () => 0 });
    cache.set('t', { ...claims, roles: ['hr_admin'] }, 1_000);
    const got = cache.get('t')!;
    assert.throws(() => (got.roles as string[]).push('payroll_admin'));
    assert.throws(() => Object.assign(got, { org: 'org_01' }));
  });
});

describe('verifier with the cache', () => {
  test('a changed byte misses the cache and is refused; an expired token is refused', async () => {
    const issuer = await createDemoIssuer();
    const token = await issuer.sign(claims);
    assert.deepEqual(await issuer.verify(token), claims);
    assert.deepEqual(await issuer.verify(token), claims, 'second call answered from the cache');
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    await assert.rejects(issuer.verify(tampered));
    const expired = await issuer.sign(claims, -120);
    await assert.rejects(issuer.verify(expired), /exp/);
  });

  test('processes given the same demo key verify each other’s tokens; another key does not', async () => {
    const key = await generateDemoSigningKey();
    const a = await createDemoIssuer('esr-kit-demo', 'esr-kit', key);
    const b = await createDemoIssuer('esr-kit-demo', 'esr-kit', key);
    const other = await createDemoIssuer();
    const token = await a.sign(claims);
    assert.deepEqual(await b.verify(token), claims);
    await assert.rejects(other.verify(token));
    assert.equal('d' in (await a.jwks()).keys[0]!, false, 'the published JWKS holds no private part');
  });
});
