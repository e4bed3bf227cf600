import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { schema } from './schema.ts';
import { migrate } from './migrate.ts';
import { openPgliteFolder } from './pglite-folder.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** One handle over either engine: drizzle for queries, `exec` for migrations, `close` for shutdown. */
export interface Database {
  readonly engine: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs a script of several statements without parameters (migrations, maintenance). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` selects a PostgreSQL server; otherwise the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; omit for an in-memory database (tests). */
  dataDir?: string | undefined;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const database = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  await migrate(database);
  return database;
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? await openPgliteFolder(dataDir) : new PGlite();
  await client.waitReady;
  return {
    engine: 'pglite',
    db: drizzlePglite({ client, schema }) as unknown as Db,
    exec: async (sql) => {
      await client.exec(sql);
    },
    // close() checkpoints the WAL: skipping it is how PGlite data folders get corrupted.
    close: () => client.close(),
  };
}

function openPostgres(url: string): Database {
  const client = postgres(url, {
    max: 10,
    onnotice: () => {},
    // While the server is away (restart, failover) requests fail fast with a 503 instead of queueing:
    // reconnect after at most half a second (the driver's default backs off to 20 s), and give up on
    // a connection attempt after 10 s (default 30 s).
    backoff: (retries: number) => Math.min(0.05 * retries, 0.5),
    connect_timeout: 10,
    // Statements are prepared (below) to save parsing, but always planned for their parameters: one
    // generic plan for every organisation goes badly wrong when trusts differ 100-fold in size (seen in
    // bench/absence-rate at 1.4M: 2.5 s per trust instead of ~0.1 s once the plan cache went generic).
    connection: { plan_cache_mode: 'force_custom_plan' },
  });
  return {
    engine: 'postgres',
    db: drizzlePostgres({ client: preparingStatements(client), schema }) as unknown as Db,
    exec: async (sql) => {
      await client.unsafe(sql).simple();
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * drizzle sends every query that was not given a name as an unnamed statement, so PostgreSQL parses
 * and plans it again on every request. postgres.js can prepare each distinct statement once per
 * connection and reuse it: this view of the client asks it to, in transactions and savepoints too.
 * (The statement cache lives as long as the connection; postgres.js recycles connections every 30–60 min.)
 */
function preparingStatements(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params, { ...options, prepare: true });
      }
      if (prop === 'begin' || prop === 'savepoint') {
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const body = args[last] as (inner: postgres.Sql) => unknown;
          args[last] = (inner: postgres.Sql) => body(preparingStatements(inner));
          return (Reflect.get(target, prop) as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
