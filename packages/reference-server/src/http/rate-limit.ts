// Per-caller rate limit: a token bucket per principal (or per client IP before sign-in), in memory.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiProblem } from './problem.ts';

export interface RateLimitOptions {
  /** Sustained rate: this many requests per `windowSeconds`. Default 300 per 60 s. */
  limit?: number;
  windowSeconds?: number;
  /** Bucket size: how many requests may come at once after a quiet spell. Default 60. */
  burst?: number;
  /** Upper bound on buckets held; the least recently used go first. Default 10 000. */
  maxBuckets?: number;
  /** Who the bucket belongs to; undefined → not limited. Default: principal, else client IP, else "anonymous". */
  keyOf?: (c: Context) => string | undefined;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Bucket size (RateLimit-Limit). */
  limit: number;
  /** Whole requests left right now (RateLimit-Remaining). */
  remaining: number;
  /** Seconds until the bucket is full again (RateLimit-Reset). */
  resetSeconds: number;
  /** Seconds until the next request is allowed (Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

/** The bucket store, usable without HTTP (and shared by several middlewares when wanted). */
export class TokenBuckets {
  readonly burst: number;
  /** Tokens added per millisecond. */
  readonly ratePerMs: number;
  readonly maxBuckets: number;
  readonly #now: () => number;
  /** Map order is recency order: every take() moves its bucket to the end. */
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: Pick<RateLimitOptions, 'limit' | 'windowSeconds' | 'burst' | 'maxBuckets' | 'now'> = {}) {
    const limit = options.limit ?? 300;
    const windowSeconds = options.windowSeconds ?? 60;
    this.burst = options.burst ?? 60;
    this.maxBuckets = options.maxBuckets ?? 10_000;
    if (!(limit > 0 && windowSeconds > 0 && this.burst >= 1 && this.maxBuckets >= 1)) throw new Error('rate limit: limit, windowSeconds, burst and maxBuckets must be positive');
    this.ratePerMs = limit / (windowSeconds * 1000);
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#buckets.size;
  }

  /** Takes one token from `key`'s bucket if there is one. */
  take(key: string): RateDecision {
    const now = this.#now();
    this.#sweep(now);
    const previous = this.#buckets.get(key);
    const bucket: Bucket = previous ? { tokens: this.#refilled(previous, now), at: now } : { tokens: this.burst, at: now };
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    while (this.#buckets.size > this.maxBuckets) this.#buckets.delete(this.#buckets.keys().next().value!);
    return {
      allowed,
      limit: this.burst,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil((this.burst - bucket.tokens) / this.ratePerMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerMs / 1000)),
    };
  }

  #refilled(bucket: Bucket, now: number): number {
    return Math.min(this.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.ratePerMs);
  }

  /**
   * Drops idle buckets from the least recently used end: a bucket that has refilled completely is
   * the same as no bucket, so forgetting it changes nothing. Bounded work per call.
   */
  #sweep(now: number): void {
    let checked = 0;
    for (const [key, bucket] of this.#buckets) {
      if (checked++ >= 8 || this.#refilled(bucket, now) < this.burst) break;
      this.#buckets.delete(key);
    }
  }
}

export function rateLimitProblem(decision: RateDecision): ApiProblem {
  return new ApiProblem(429, 'rate_limited', 'Too many requests', `Slow down: try again in ${decision.retryAfterSeconds} s.`, {
    headers: { 'Retry-After': String(decision.retryAfterSeconds), ...rateLimitHeaders(decision) },
  });
}

function rateLimitHeaders(d: RateDecision): Record<string, string> {
  return { 'RateLimit-Limit': String(d.limit), 'RateLimit-Remaining': String(d.remaining), 'RateLimit-Reset': String(d.resetSeconds) };
}

/** Default bucket key: the signed-in employee, else the client IP (see clientIpMiddleware). */
export function defaultRateLimitKey(c: Context): string {
  const principal = c.get('principal') as { employeeId: string } | undefined;
  if (principal) return `emp:${principal.employeeId}`;
  const ip = c.get('clientIp') as string | null | undefined;
  return ip ? `ip:${ip}` : 'anonymous';
}

/**
 * 429 problem `rate_limited` with Retry-After once the caller's bucket is empty; every response
 * carries RateLimit-Limit / -Remaining / -Reset. Pass `buckets` to share one store between mounts.
 */
export function rateLimit(options: RateLimitOptions & { buckets?: TokenBuckets } = {}) {
  const buckets = options.buckets ?? new TokenBuckets(options);
  const keyOf = options.keyOf ?? defaultRateLimitKey;
  return createMiddleware(async (c, next) => {
    const key = keyOf(c);
    if (key === undefined) return next();
    const decision = buckets.take(key);
    if (!decision.allowed) throw rateLimitProblem(decision);
    for (const [name, value] of Object.entries(rateLimitHeaders(decision))) c.header(name, value);
    await next();
  });
}
