import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase } from './database.ts';
import type { Database } from './database.ts';

/**
 * A throwaway, migrated database for tests and benchmarks: a fresh database on the PostgreSQL server
 * at `serverUrl` (dropped by `dispose`), or an in-memory PGlite when no URL is given.
 */
export async function openScratchDatabase(
  serverUrl: string | undefined,
  prefix = 'esr_scratch',
): Promise<{ database: Database; url: string | undefined; dispose: () => Promise<void> }> {
  if (!serverUrl) {
    const database = await openDatabase({});
    return { database, url: undefined, dispose: () => database.close() };
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.href });
  return {
    database,
    /** The scratch database's own URL, for another process (a server under test) to open. */
    url: target.href,
    dispose: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
