// Test harness: a migrated, seeded database on the engine under test, and the app around it.
// PGlite in memory by default; with DATABASE_URL set, a fresh database on that PostgreSQL server.
import { createApp } from '../../src/app.ts';
import { createDemoIssuer } from '../../src/auth/tokens.ts';
import type { DemoIssuer, TokenClaims } from '../../src/auth/tokens.ts';
import { openScratchDatabase } from '../../src/db/scratch-database.ts';
import type { Database } from '../../src/db/database.ts';
import { seedDatabase } from '../../src/seed/seed.ts';

export const engine = process.env['DATABASE_URL'] ? 'postgres' : 'pglite';
export const asOf = '2026-11-25';

/** A Response whose json() is loosely typed: tests assert on the shape themselves. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface Harness {
  database: Database;
  demo: DemoIssuer;
  app: ReturnType<typeof createApp>;
  tokenFor(claims: Partial<TokenClaims> & { sub: string }): Promise<string>;
  get(path: string, token?: string, headers?: Record<string, string>): Promise<TestResponse>;
  post(path: string, body: unknown, token?: string, headers?: Record<string, string>): Promise<TestResponse>;
  close(): Promise<void>;
}

/** A throwaway database on the configured engine (each test file gets its own). */
export function freshDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  return openScratchDatabase(process.env['DATABASE_URL'], 'esr_test');
}

export async function createHarness(options: { staff?: number; seed?: boolean } = {}): Promise<Harness> {
  const { database, dispose } = await freshDatabase();
  if (options.seed !== false) await seedDatabase(database, { staff: options.staff ?? 120, asOf });
  const demo = await createDemoIssuer();
  const app = createApp({ database, verifier: demo, demo });
  const request = async (method: string, path: string, token?: string, headers: Record<string, string> = {}, body?: string): Promise<TestResponse> =>
    app.request(path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body } : {}),
    });
  return {
    database,
    demo,
    app,
    tokenFor: (claims) => demo.sign({ org: 'org_00', roles: [], ...claims }),
    get: (path, token, headers) => request('GET', path, token, headers),
    post: (path, body, token, headers) => request('POST', path, token, headers, typeof body === 'string' ? body : JSON.stringify(body)),
    close: dispose,
  };
}

/** Reads a problem+json response and checks the envelope every error must have. */
export async function readProblem(response: TestResponse): Promise<Record<string, unknown> & { errors?: Array<{ path: string; code: string; message: string }> }> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${type} (${response.status})`);
  const body = (await response.json()) as Record<string, unknown>;
  for (const key of ['type', 'title', 'status', 'detail', 'code']) {
    if (!(key in body)) throw new Error(`problem without ${key}: ${JSON.stringify(body)}`);
  }
  if (body['status'] !== response.status) throw new Error('problem status differs from HTTP status');
  if (JSON.stringify(body).includes('    at ')) throw new Error('stack trace leaked into a problem');
  return body as Record<string, unknown> & { errors?: Array<{ path: string; code: string; message: string }> };
}
