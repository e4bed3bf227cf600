// Per-table row counts and a cheap checksum of every row, to prove a rejected request changed nothing.
import type { Database } from '../../src/db/database.ts';
import { queryRows } from '../../src/seed/bulk.ts';

export type Snapshot = Map<string, string>;

/**
 * Tables a rejected request may legitimately write: the idempotency store keeps 4xx answers so a retry
 * with the same key replays them (DESIGN.md: "a replay returns the first response").
 */
export const tablesRejectionsMayWrite = new Set(['idempotency_keys']);

let cachedQuery: { database: Database; text: string } | undefined;

async function snapshotQuery(database: Database): Promise<string> {
  if (cachedQuery?.database === database) return cachedQuery.text;
  const tables = await queryRows<{ name: string }>(
    database,
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = tables
    .filter((t) => !tablesRejectionsMayWrite.has(t.name))
    .map((t) => `SELECT '${t.name}' AS name, count(*)::text || ':' || coalesce(sum(hashtext(r::text)::bigint), 0)::text AS sig FROM "${t.name}" r`);
  cachedQuery = { database, text: parts.join(' UNION ALL ') };
  return cachedQuery.text;
}

/** `table → "rows:checksum"` for every table (the checksum sums a hash of each row's text). */
export async function snapshot(database: Database): Promise<Snapshot> {
  const rows = await queryRows<{ name: string; sig: string }>(database, await snapshotQuery(database));
  return new Map(rows.map((r) => [r.name, r.sig]));
}

/** Tables whose rows or contents differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}
