import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';

const migrationsDir = new URL('./migrations/', import.meta.url);

/** The SQL migrations in order, by file name (NNNN_name.sql). */
export function listMigrations(): Array<{ name: string; sql: string }> {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(new URL(name, migrationsDir), 'utf8') }));
}

/**
 * Applies pending migrations. Each file runs as one multi-statement simple query, which PostgreSQL
 * executes as a single implicit transaction: the advisory lock serialises concurrent starters, and
 * the primary key on schema_migrations makes a file that another process applied meanwhile fail and
 * roll back as a whole instead of running twice.
 */
export async function migrate(database: Database): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  for (const migration of listMigrations()) {
    if (await isApplied(database, migration.name)) continue;
    const name = migration.name.replaceAll("'", "''");
    try {
      await database.exec(
        `SELECT pg_advisory_xact_lock(727274);\nINSERT INTO schema_migrations (name) VALUES ('${name}');\n${migration.sql}`,
      );
      applied.push(migration.name);
    } catch (error) {
      if (!(await isApplied(database, migration.name))) throw error;
    }
  }
  return applied;
}

async function isApplied(database: Database, name: string): Promise<boolean> {
  const result = await database.db.execute(sql`SELECT 1 FROM schema_migrations WHERE name = ${name}`);
  return rowsOf(result).length > 0;
}

/** drizzle's `execute` returns `{ rows }` on PGlite and an array on postgres.js. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
