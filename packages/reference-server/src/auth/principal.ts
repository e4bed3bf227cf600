import { createMiddleware } from 'hono/factory';
import { problems } from '../http/problem.ts';
import type { AdminRole, TokenVerifier } from './tokens.ts';

/** Who is calling: resolved once per request from the bearer token. */
export interface Principal {
  employeeId: string;
  organisationId: string;
  roles: AdminRole[];
}

export type AuthEnv = { Variables: { principal: Principal; requestId: string } };

/** Requires `Authorization: Bearer <JWT>`; 401 problem+json otherwise. Never logs the token. */
export function requireAuth(verifier: TokenVerifier) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const match = header?.match(/^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/);
    if (!match?.[1]) throw problems.unauthenticated(header ? 'The Authorization header is not a bearer token.' : undefined);
    let claims;
    try {
      claims = await verifier.verify(match[1]);
    } catch {
      // Which check failed (expiry, signature, audience) is not told to the caller.
      throw problems.unauthenticated('The bearer token is invalid or has expired: sign in again.');
    }
    c.set('principal', { employeeId: claims.sub, organisationId: claims.org, roles: claims.roles });
    await next();
  });
}
