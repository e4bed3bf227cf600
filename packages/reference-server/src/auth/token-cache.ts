// Verified bearer tokens, remembered until they expire. Verifying an ES256 signature costs far more
// than the rest of a small read, and a signed-in user sends the same token with every request.
import { LRUCache } from 'lru-cache';
import type { TokenClaims } from './tokens.ts';

export interface VerifiedTokenCacheOptions {
  /** Tokens held at most; the least recently used go first. Default 10 000 (a few MB). */
  maxEntries?: number;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now?: () => number;
}

/**
 * Only tokens that passed every check are stored, keyed by the whole token string, so a changed byte
 * is a miss and goes through full verification. An entry lives until the token's `exp` (no clock
 * tolerance: after that the verifier decides again, exactly as without the cache). Nothing in a token
 * gets more valid with time, so answering "valid" from memory before `exp` changes no outcome.
 */
export class VerifiedTokenCache {
  readonly #now: () => number;
  readonly #entries: LRUCache<string, { claims: TokenClaims; expiresAt: number }>;

  constructor(options: VerifiedTokenCacheOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#entries = new LRUCache({ max: options.maxEntries ?? 10_000 });
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The claims of a token verified earlier that has not expired yet, else undefined. */
  get(token: string): TokenClaims | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(token);
      return undefined;
    }
    return entry.claims;
  }

  /** Remembers a verified token until `expiresAt` (ms since the epoch); already expired → not stored. */
  set(token: string, claims: TokenClaims, expiresAt: number): void {
    if (!(expiresAt > this.#now())) return;
    // Shared by every request that presents the token: frozen so no handler can change it for the next.
    const frozen = Object.freeze({ ...claims, roles: Object.freeze([...claims.roles]) as TokenClaims['roles'] });
    this.#entries.set(token, { claims: frozen, expiresAt });
  }
}
