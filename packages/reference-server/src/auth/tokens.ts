import { SignJWT, createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, importSPKI, jwtVerify } from 'jose';
import type { JWK, JWTVerifyGetKey, CryptoKey, KeyObject } from 'jose';
import { VerifiedTokenCache } from './token-cache.ts';

/** Admin roles come from the token; "employee" is implicit and "manager" derives from the hierarchy. */
export const adminRoles = ['hr_admin', 'payroll_admin', 'learning_admin'] as const;
export type AdminRole = (typeof adminRoles)[number];

export interface TokenClaims {
  /** The employee id (`emp_…`). */
  sub: string;
  /** The organisation (`org_…`) the employee belongs to. */
  org: string;
  roles: AdminRole[];
}

/** Only asymmetric algorithms: a shared-secret token could be forged by anyone holding the verifier config. */
const allowedAlgorithms = ['ES256', 'RS256', 'EdDSA'];

export interface TokenVerifier {
  verify(token: string): Promise<TokenClaims>;
}

export interface VerifierConfig {
  issuer: string;
  audience: string;
  jwksUrl?: string | undefined;
  publicKeyPem?: string | undefined;
}

export async function createVerifier(config: VerifierConfig): Promise<TokenVerifier> {
  let key: JWTVerifyGetKey | CryptoKey | KeyObject;
  if (config.jwksUrl) key = createRemoteJWKSet(new URL(config.jwksUrl));
  else if (config.publicKeyPem) key = await importSPKI(config.publicKeyPem, 'ES256');
  else throw new Error('Auth config: set ESR_JWKS_URL or ESR_JWT_PUBLIC_KEY (or run in demo mode).');
  return verifierFor(key, config);
}

function verifierFor(key: JWTVerifyGetKey | CryptoKey | KeyObject, config: VerifierConfig): TokenVerifier {
  // Every request of a signed-in user carries the same token: verify its signature once, then serve
  // the claims from memory until the token's own expiry (see token-cache.ts).
  const cache = new VerifiedTokenCache();
  return {
    async verify(token) {
      const cached = cache.get(token);
      if (cached) return cached;
      const { payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: allowedAlgorithms,
        clockTolerance: 30,
        requiredClaims: ['sub', 'exp'],
      });
      const org = payload['org'];
      const roles = payload['roles'] ?? [];
      if (typeof payload.sub !== 'string' || !payload.sub.startsWith('emp_')) throw new Error('sub is not an employee id');
      if (typeof org !== 'string' || !org.startsWith('org_')) throw new Error('org claim missing');
      if (!Array.isArray(roles) || !roles.every((r) => (adminRoles as readonly unknown[]).includes(r))) {
        throw new Error('roles claim invalid');
      }
      const claims: TokenClaims = { sub: payload.sub, org, roles: roles as AdminRole[] };
      cache.set(token, claims, payload.exp! * 1000);
      return claims;
    },
  };
}

/** Demo mode: the server holds its own signing key and issues tokens to the seeded people. */
export interface DemoIssuer extends TokenVerifier {
  sign(claims: TokenClaims, ttlSeconds?: number): Promise<string>;
  jwks(): Promise<{ keys: object[] }>;
}

/**
 * A fresh demo signing key as a private JWK. Several server processes (ESR_PROCESSES) share one, so a
 * token signed by one process verifies in all: the primary makes it and hands it to each worker.
 */
export async function generateDemoSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return exportJWK(privateKey);
}

export async function createDemoIssuer(issuer = 'esr-kit-demo', audience = 'esr-kit', signingKey?: JWK): Promise<DemoIssuer> {
  const privateJwk = signingKey ?? (await generateDemoSigningKey());
  const privateKey = await importJWK(privateJwk, 'ES256');
  const { d: _private, ...publicJwk } = privateJwk;
  const jwk = { ...publicJwk, kid: 'demo-1', alg: 'ES256', use: 'sig' };
  const verifier = verifierFor(createLocalJWKSet({ keys: [jwk] }), { issuer, audience });
  return {
    verify: verifier.verify,
    async sign(claims, ttlSeconds = 8 * 3600) {
      return new SignJWT({ org: claims.org, roles: claims.roles })
        .setProtectedHeader({ alg: 'ES256', kid: 'demo-1' })
        .setSubject(claims.sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey);
    },
    jwks: async () => ({ keys: [jwk] }),
  };
}
