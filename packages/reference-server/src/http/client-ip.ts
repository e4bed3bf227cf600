import { isIP } from 'node:net';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';

export interface ClientIpOptions {
  /**
   * Behind a reverse proxy / load balancer: trust `X-Forwarded-For`. `true` (or 1) trusts one proxy,
   * so the client is the last address in the header (the one our proxy appended); N trusts N hops.
   * Off by default: a header anyone can send must never decide who we think the caller is.
   */
  trustProxy?: boolean | number;
}

/** What a handler can read once `clientIpMiddleware` ran (add `clientIp: string | null` to AppEnv). */
export type ClientIpEnv = { Variables: { clientIp: string | null } };

/**
 * The caller's IP address for audit and rate limiting, or null when it cannot be known
 * (e.g. `app.request()` in tests, which has no socket). With `trustProxy`, the address our
 * proxy saw in `X-Forwarded-For` wins; otherwise the socket's peer address.
 */
export function clientIp(c: Context, options: ClientIpOptions = {}): string | null {
  const hops = options.trustProxy === true ? 1 : typeof options.trustProxy === 'number' ? Math.max(0, Math.floor(options.trustProxy)) : 0;
  if (hops > 0) {
    const forwarded = c.req.header('x-forwarded-for');
    if (forwarded) {
      const chain = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
      // With N trusted proxies, the client is N entries from the end (each proxy appends its peer).
      const candidate = chain.length >= hops ? chain[chain.length - hops] : chain[0];
      const ip = candidate ? normaliseIp(candidate) : null;
      if (ip) return ip;
    }
  }
  try {
    const address = getConnInfo(c).remote.address;
    return address ? normaliseIp(address) : null;
  } catch {
    // No Node socket behind this request (app.request in tests, another runtime).
    return null;
  }
}

/** Sets `c.var.clientIp` once per request. */
export function clientIpMiddleware(options: ClientIpOptions = {}) {
  return createMiddleware<ClientIpEnv>(async (c, next) => {
    c.set('clientIp', clientIp(c, options));
    await next();
  });
}

/** A bare IPv4/IPv6 address, `::ffff:1.2.3.4` → `1.2.3.4`; anything else → null. */
function normaliseIp(value: string): string | null {
  let ip = value.trim();
  // "[::1]:1234" or "1.2.3.4:5678" as some proxies send them.
  const bracketed = ip.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed?.[1]) ip = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  if (ip.toLowerCase().startsWith('::ffff:') && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  return isIP(ip) ? ip : null;
}
