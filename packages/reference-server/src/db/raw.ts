// Hand-written SQL on a drizzle handle or transaction, for the hottest writes: the text is a constant,
// so nothing is built per request, and PostgreSQL prepares it once per connection (database.ts asks
// postgres.js to; plan_cache_mode=force_custom_plan still plans each execution for its parameters).
// Dates and timestamps come back as the engines give them (PGlite: Date): cast them to text in the SQL.
import type { Db } from './database.ts';

/** A database handle or an open transaction (or savepoint). */
export type Queryable = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

type RawClient = { unsafe(text: string, params: unknown[]): Promise<unknown[]> } | { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };

/** Runs one parameterised statement ($1, $2, …) on `db`, in its transaction if it is one; returns the rows. */
export async function sqlRows<T>(db: Queryable, text: string, params: unknown[]): Promise<T[]> {
  // drizzle keeps the driver's connection (or transaction) on the session of each handle.
  const client = (db as unknown as { session: { client: RawClient } }).session.client;
  if ('unsafe' in client) return (await client.unsafe(text, params)) as T[];
  return (await client.query(text, params)).rows as T[];
}
