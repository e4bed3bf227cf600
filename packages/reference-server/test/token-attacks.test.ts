// Token attacks against both verifiers (the demo issuer's JWKS, and a deployment's configured public
// key): every forged, stale or misaddressed bearer token is a 401 problem+json on every secured route,
// and changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import { createApp } from '../src/app.ts';
import { createVerifier } from '../src/auth/tokens.ts';
import type { TokenVerifier } from '../src/auth/tokens.ts';
import { queryRows } from '../src/seed/bulk.ts';
import { changedTables, snapshot } from './helpers/db-snapshot.ts';
import { createHarness, readProblem } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { operationsOf } from './helpers/openapi-fuzz.ts';
import type { OpenApiDocument } from './helpers/openapi-fuzz.ts';

const issuer = 'https://login.trust.example/esr';
const audience = 'esr-kit';
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

interface Keys { privateKey: CryptoKey; publicPem: string; publicJwk: Record<string, unknown>; kid: string }

/** A token the verifier should accept, optionally with changed claims or header. */
async function sign(keys: Keys, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}, options: { iss?: string; aud?: string; exp?: number | null; nbf?: number } = {}) {
  const jwt = new SignJWT({ org: 'org_00', roles: [], ...claims }).setProtectedHeader({ alg: 'ES256', kid: keys.kid, ...header } as { alg: string }).setIssuer(options.iss ?? issuer).setAudience(options.aud ?? audience).setIssuedAt();
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now() + 600);
  if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
  return jwt.sign(keys.privateKey);
}

/** Signs any header and payload with ES256 by hand (jose refuses to sign some of the headers we attack with). */
async function signRaw(keys: Keys, header: Record<string, unknown>, payload: Record<string, unknown>): Promise<string> {
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, new TextEncoder().encode(input));
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}

describe('token attacks → 401 problem+json on every secured route', () => {
  let h: Harness;
  let doc: OpenApiDocument;
  let subject: string;
  const setups: Array<{ name: string; app: ReturnType<typeof createApp>; keys: Keys }> = [];
  let attacker: Keys;
  let cases = 0;

  const keyPair = async (kid: string): Promise<Keys> => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    return { privateKey, publicPem: await exportSPKI(publicKey), publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' }, kid };
  };

  before(async () => {
    h = await createHarness({ staff: 30 });
    const [me] = await queryRows<{ id: string }>(h.database, `SELECT id FROM employees WHERE organisation_id = 'org_00' ORDER BY id LIMIT 1`);
    subject = me!.id;
    // A deployment's verifier: issuer, audience and its identity provider's public key.
    const deployed = await keyPair('idp-1');
    const deployedVerifier: TokenVerifier = await createVerifier({ issuer, audience, publicKeyPem: deployed.publicPem });
    setups.push({ name: 'configured public key', app: createApp({ database: h.database, verifier: deployedVerifier, rateLimit: false }), keys: deployed });
    attacker = await keyPair('idp-1');
    doc = (await (await setups[0]!.app.request('/openapi.json')).json()) as OpenApiDocument;
  });
  after(async () => {
    console.log(`token attacks: ${cases} requests, all 401`);
    await h.close();
  });

  /** Every attack, as the Authorization header to send (null: no header at all). */
  const attacks = async (keys: Keys): Promise<Array<[string, string | null]>> => {
    const claims = { sub: subject, iss: issuer, aud: audience, org: 'org_00', roles: ['hr_admin'], iat: now(), exp: now() + 600 };
    const valid = await sign(keys, { sub: subject });
    const [head, body, signature] = valid.split('.') as [string, string, string];
    const hmac = async (secret: Uint8Array, kid = keys.kid) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid }).sign(secret);
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    return [
      ['no Authorization header', null],
      ['empty Authorization header', ''],
      ['token without the Bearer scheme', valid],
      ['Basic credentials', `Basic ${b64('admin:admin')}`],
      ['Bearer with nothing after it', 'Bearer '],
      ['Bearer with two tokens', `Bearer ${valid} ${valid}`],
      ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
      ['alg None, signature kept', `Bearer ${b64({ alg: 'None', typ: 'JWT' })}.${b64(claims)}.${signature}`],
      ['alg NONE', `Bearer ${b64({ alg: 'NONE' })}.${b64(claims)}.`],
      ['HS256 keyed with the public key PEM (algorithm confusion)', `Bearer ${await hmac(new TextEncoder().encode(keys.publicPem))}`],
      ['HS256 keyed with the public JWK JSON', `Bearer ${await hmac(new TextEncoder().encode(JSON.stringify(keys.publicJwk)))}`],
      ['HS256 keyed with an empty-ish secret', `Bearer ${await hmac(new Uint8Array(32))}`],
      ['expired an hour ago', `Bearer ${await sign(keys, { sub: subject }, {}, { exp: now() - 3600 })}`],
      ['no exp claim', `Bearer ${await sign(keys, { sub: subject }, {}, { exp: null })}`],
      ['nbf an hour ahead', `Bearer ${await sign(keys, { sub: subject }, {}, { nbf: now() + 3600 })}`],
      ['wrong audience', `Bearer ${await sign(keys, { sub: subject }, {}, { aud: 'another-api' })}`],
      ['another issuer', `Bearer ${await sign(keys, { sub: subject }, {}, { iss: 'https://evil.example' })}`],
      ['signed by another key with the same kid', `Bearer ${await sign(attacker, { sub: subject })}`],
      ['attacker key embedded in the header (jwk)', `Bearer ${await sign(attacker, { sub: subject }, { jwk: attacker.publicJwk })}`],
      ['attacker key set URL in the header (jku)', `Bearer ${await sign(attacker, { sub: subject }, { jku: 'http://127.0.0.1:1/jwks.json' })}`],
      ['kid path traversal', `Bearer ${await sign(attacker, { sub: subject }, { kid: '../../../../dev/null' })}`],
      ['unknown critical header', `Bearer ${await signRaw(keys, { alg: 'ES256', kid: keys.kid, crit: ['x-evil'], 'x-evil': true }, { ...claims, roles: [] })}`],
      ['bad signature (one character changed)', `Bearer ${head}.${body}.${flipped}`],
      ['claims swapped under a valid signature', `Bearer ${head}.${b64({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), roles: ['hr_admin', 'payroll_admin'] })}.${signature}`],
      ['truncated signature', `Bearer ${valid.slice(0, -10)}`],
      ['truncated to two parts', `Bearer ${head}.${body}`],
      ['garbage', 'Bearer not-a-jwt'],
      ['garbage with dots', 'Bearer ...'],
      ['base64 junk', `Bearer ${b64('x'.repeat(50))}.${b64('y')}.${b64('z')}`],
      ['a 16 KiB token', `Bearer ${'a'.repeat(16 * 1024)}`],
      ['sub that is not an employee', `Bearer ${await sign(keys, { sub: 'admin' })}`],
      ['no org claim', `Bearer ${await sign(keys, { sub: subject, org: undefined })}`],
      ['an unknown role', `Bearer ${await sign(keys, { sub: subject, roles: ['superuser'] })}`],
      ['roles as a string', `Bearer ${await sign(keys, { sub: subject, roles: 'hr_admin' })}`],
    ];
  };

  test('the control: a well-formed token is accepted', async () => {
    for (const setup of setups) {
      const res = await setup.app.request('/v1/me', { headers: { authorization: `Bearer ${await sign(setup.keys, { sub: subject })}` } });
      assert.equal(res.status, 200, `${setup.name}: ${await res.text()}`);
      // The hand signer is right too, so the crit case below fails for the header alone.
      const byHand = await signRaw(setup.keys, { alg: 'ES256', kid: setup.keys.kid }, { sub: subject, iss: issuer, aud: audience, org: 'org_00', roles: [], exp: now() + 600 });
      assert.equal((await setup.app.request('/v1/me', { headers: { authorization: `Bearer ${byHand}` } })).status, 200);
    }
  });

  test('the demo issuer refuses the same attacks', async () => {
    // Demo mode verifies against its own key set; its signing key never leaves the process.
    const app = createApp({ database: h.database, verifier: h.demo, demo: h.demo, rateLimit: false });
    const jwk = (await h.demo.jwks()).keys[0] as Record<string, unknown>;
    const forged = [
      `${b64({ alg: 'none' })}.${b64({ sub: subject, org: 'org_00', roles: ['hr_admin'], iss: 'esr-kit-demo', aud: 'esr-kit', exp: now() + 600 })}.`,
      await new SignJWT({ org: 'org_00', roles: ['hr_admin'] }).setProtectedHeader({ alg: 'HS256', kid: 'demo-1' }).setSubject(subject).setIssuer('esr-kit-demo').setAudience('esr-kit').setExpirationTime('1h').sign(new TextEncoder().encode(JSON.stringify(jwk))),
      await h.demo.sign({ sub: subject, org: 'org_00', roles: [] }, -3600),
      await sign(attacker, { sub: subject }, { kid: 'demo-1' }, { iss: 'esr-kit-demo', aud: 'esr-kit' }),
    ];
    for (const token of forged) {
      const res = await app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 401);
      assert.equal((await readProblem(res))['code'], 'unauthenticated');
      cases++;
    }
    assert.equal((await app.request('/v1/me', { headers: { authorization: `Bearer ${await h.demo.sign({ sub: subject, org: 'org_00', roles: [] })}` } })).status, 200);
  });

  test('every secured operation in the document answers every attack with 401 and changes nothing', async () => {
    const secured = operationsOf(doc).filter((r) => (r.op.security ?? []).length > 0);
    assert.ok(secured.length >= 55, `${secured.length} secured operations`);
    const before = await snapshot(h.database);
    for (const setup of setups) {
      for (const [name, authorization] of await attacks(setup.keys)) {
        for (const route of secured) {
          const path = route.path.replace(/\{employeeId\}/g, subject).replace(/\{[^}]+\}/g, 'x_1');
          const hasBody = route.op.requestBody !== undefined;
          const res = await setup.app.request(path, {
            method: route.method,
            headers: { ...(authorization !== null ? { authorization } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
            ...(hasBody ? { body: '{}' } : {}),
          });
          cases++;
          assert.equal(res.status, 401, `${setup.name}, ${name}: ${route.method} ${path} → ${res.status}`);
          const problem = await readProblem(res);
          assert.equal(problem['code'], 'unauthenticated', name);
          assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer /, name);
          assert.ok(!String(problem['detail']).includes(subject), 'a refusal names nobody');
        }
      }
    }
    assert.deepEqual(changedTables(before, await snapshot(h.database)), []);
  });
});
