// Idempotency-Key for creating writes: a retried request replays the first response instead of
// creating a second record. Keys are per caller; the store is the `idempotency_keys` table.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.ts';
import type { Db } from '../db/database.ts';

type Queryable = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
import { idempotencyKeys } from '../db/schema.ts';
import { ApiProblem, problems } from './problem.ts';

export interface IdempotencyOptions {
  /** Methods the key applies to; others pass straight through. Default: POST. */
  methods?: string[];
  /** How long a key is remembered. Default 24 h; older rows are ignored and overwritten. */
  ttlSeconds?: number;
  /**
   * An in-flight row older than this is taken to be abandoned (the process died mid-request) and a
   * retry may run. Must exceed the slowest handler. Default 120 s.
   */
  inFlightTimeoutSeconds?: number;
  /**
   * Claim the key, run the handler and store the answer in separate transactions (the handler's write
   * commits on its own). Only for a handler that must commit before it answers; see idempotency().
   */
  separateTransactions?: boolean;
}

const keyPattern = /^[\x21-\x7e]{1,255}$/;
/** Results that say nothing about the request itself: a retry should run again, not replay them. */
const transientStatuses = new Set([408, 429]);

export const idempotencyProblems = {
  invalidKey: () =>
    problems.validation([
      { path: 'header.Idempotency-Key', message: 'Must be 1–255 visible ASCII characters', code: 'invalid_idempotency_key' },
    ]),
  reused: () =>
    new ApiProblem(
      422,
      'idempotency_key_reused',
      'Idempotency-Key already used',
      'This Idempotency-Key was used for a different request (method, path or body): use a new key for a new request.',
    ),
  inFlight: () =>
    new ApiProblem(409, 'idempotency_request_in_flight', 'Request still in progress', 'A request with this Idempotency-Key is still being processed: retry shortly.', {
      headers: { 'Retry-After': '1' },
    }),
};

/**
 * Middleware for creating writes. Mount it after `requireAuth` (the key is scoped to the caller)
 * and before the route's validator. Without the header the request runs as usual.
 *
 * - first request: claims (caller, key), runs the handler, stores status, body, type;
 * - replay with the same method, path and body: the stored response, `Idempotent-Replayed: true`;
 * - same key, other request: 422 `idempotency_key_reused`; still running in this process: 409
 *   `idempotency_request_in_flight` (in another process: the claim waits for it, then replays);
 * - a 5xx (or a thrown non-problem error) releases the key so the retry runs; 4xx are stored.
 *
 * By default the claim, the handler's writes and the stored response are ONE transaction: the handler
 * gets it as `c.var.db` (its own transactions become savepoints). A process killed at any point rolls
 * back the write and the key together, so a retry never writes twice; a concurrent retry with the same
 * key in another server process waits on the claim's row lock and then replays. `separateTransactions` is for a handler whose
 * write must be committed before it answers (a payroll run hands its id to a background worker).
 */
export function idempotency(options: IdempotencyOptions = {}) {
  const methods = new Set((options.methods ?? ['POST']).map((m) => m.toUpperCase()));
  const ttlSeconds = Math.floor(options.ttlSeconds ?? 24 * 3600);
  const inFlightTimeoutSeconds = Math.floor(options.inFlightTimeoutSeconds ?? 120);
  const together = options.separateTransactions !== true;

  return createMiddleware<AppEnv>(async (c, next) => {
    if (!methods.has(c.req.method)) return next();
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!keyPattern.test(key)) throw idempotencyProblems.invalidKey();
    const principal = c.get('principal') as AppEnv['Variables']['principal'] | undefined;
    if (!principal) throw new Error('idempotency() must run after requireAuth: the key is scoped to the caller');

    const method = c.req.method;
    const path = c.req.path;
    const requestHash = fingerprint(method, path, await c.req.text(), c.req.header('content-type'));
    const row = { principalId: principal.employeeId, key, method, path, requestHash };

    // A retry while this process still runs the first attempt is answered at once (its claim would wait
    // for the first attempt's transaction, and with PGlite every other request would wait behind it).
    const runningId = `${row.principalId}\n${key}`;
    const runningHash = running.get(runningId);
    if (runningHash !== undefined) throw runningHash === requestHash ? idempotencyProblems.inFlight() : idempotencyProblems.reused();
    running.set(runningId, requestHash);
    try {
      return together ? await inOneTransaction() : await inSeparateTransactions();
    } finally {
      running.delete(runningId);
    }

    /** Claims the key on `db`: its claim time, or a Response (the stored answer) when it was taken. */
    async function claimOrReplay(db: Queryable): Promise<{ createdAt: string } | Response> {
      const claimed = await claim(db, row, ttlSeconds, inFlightTimeoutSeconds);
      if (claimed) return claimed;
      const [existing] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.principalId, row.principalId), eq(idempotencyKeys.key, row.key)))
        .limit(1);
      // Released between our claim and this read (the first attempt failed): the client may retry.
      if (!existing) throw idempotencyProblems.inFlight();
      if (existing.requestHash !== requestHash) throw idempotencyProblems.reused();
      if (existing.state !== 'done' || existing.responseStatus === null) throw idempotencyProblems.inFlight();
      c.header('Idempotent-Replayed', 'true');
      if (existing.responseType) c.header('Content-Type', existing.responseType);
      const status = existing.responseStatus as ContentfulStatusCode;
      return existing.responseBody === null ? c.body(null, status) : c.body(existing.responseBody, status);
    }

    // Our row: identified by its claim time too, so we never touch a row someone else re-claimed.
    function ours(createdAt: string) {
      return and(eq(idempotencyKeys.principalId, row.principalId), eq(idempotencyKeys.key, row.key), eq(idempotencyKeys.state, 'in_flight'), eq(idempotencyKeys.createdAt, createdAt));
    }

    async function store(db: Queryable, createdAt: string): Promise<void> {
      const res = c.res;
      const body = res.body === null ? null : await res.clone().text();
      await db
        .update(idempotencyKeys)
        .set({ state: 'done', responseStatus: res.status, responseBody: body, responseType: res.headers.get('content-type') })
        .where(ours(createdAt));
    }

    // Unexpected errors were rendered as 500 by app.onError: release the key, as for any 5xx.
    function releases(): boolean {
      return c.res.status >= 500 || transientStatuses.has(c.res.status);
    }

    async function inOneTransaction(): Promise<Response | undefined> {
      const outer = c.var.db;
      let replay: Response | undefined;
      try {
        await outer.transaction(async (tx) => {
          const claimed = await claimOrReplay(tx);
          if (claimed instanceof Response) {
            replay = claimed;
            return;
          }
          c.set('db', tx as unknown as Db);
          try {
            await next();
          } finally {
            c.set('db', outer);
          }
          if (releases()) throw rollBack;
          await store(tx, claimed.createdAt);
        });
      } catch (error) {
        if (error !== rollBack) throw error;
      }
      return replay;
    }

    async function inSeparateTransactions(): Promise<Response | undefined> {
      const db = c.var.db;
      const claimed = await claimOrReplay(db);
      if (claimed instanceof Response) return claimed;
      const release = () => db.delete(idempotencyKeys).where(ours(claimed.createdAt));
      try {
        await next();
      } catch (error) {
        await release();
        throw error;
      }
      if (releases()) {
        await release();
        return undefined;
      }
      await store(db, claimed.createdAt);
      return undefined;
    }
  });
}

/** (caller, key) → request fingerprint of the requests this process is running under a key. */
const running = new Map<string, string>();

/** Thrown inside the shared transaction to roll it back when the answer is a 5xx: the key goes with the write. */
const rollBack = Symbol('idempotency: roll back');

/**
 * Claims (caller, key) in one statement: inserts a fresh in-flight row, or takes over a row that
 * expired (or an in-flight row that was abandoned). Concurrent claimers race on the primary key;
 * exactly one gets a row back.
 */
async function claim(
  db: Queryable,
  row: { principalId: string; key: string; method: string; path: string; requestHash: string },
  ttlSeconds: number,
  inFlightTimeoutSeconds: number,
): Promise<{ createdAt: string } | undefined> {
  const t = idempotencyKeys;
  const [claimed] = await db
    .insert(t)
    .values({ ...row, state: 'in_flight' })
    .onConflictDoUpdate({
      target: [t.principalId, t.key],
      set: { method: row.method, path: row.path, requestHash: row.requestHash, state: 'in_flight', responseStatus: null, responseBody: null, responseType: null, createdAt: sql`now()` },
      setWhere: sql`${t.createdAt} < now() - ${ttlSeconds}::integer * interval '1 second'
        OR (${t.state} = 'in_flight' AND ${t.createdAt} < now() - ${inFlightTimeoutSeconds}::integer * interval '1 second')`,
    })
    .returning({ createdAt: t.createdAt });
  return claimed;
}

/** sha256 over method, path and the body; JSON bodies canonically (key order and spacing don't matter). */
export function fingerprint(method: string, path: string, body: string, contentType?: string): string {
  let canonical = body;
  if (body !== '' && (contentType === undefined || /\bjson\b/i.test(contentType))) {
    try {
      canonical = canonicalJson(JSON.parse(body));
    } catch {
      // Not JSON: the raw bytes are the fingerprint (the validator will refuse it anyway).
    }
  }
  return createHash('sha256').update(`${method.toUpperCase()}\n${path}\n${canonical}`).digest('hex');
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
