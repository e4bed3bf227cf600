// The batch queue of payroll runs, kept in PostgreSQL itself (table payroll_run_batches, migration 0009).
// A run is planned into assignment-id ranges when it starts; workers (any number of processes, or the
// one PGlite process) claim a range with FOR UPDATE SKIP LOCKED and hold it as a lease that they renew
// while they work. The batch is committed in one transaction with its payslips, so it is done once:
// a worker that lost its lease (it stalled past the lease and another took over) commits nothing,
// and the payslips' unique key is the backstop.
//
// Locks, in the only order they are taken: the run row FOR KEY SHARE (batches commit side by side;
// a rollback or finalise, FOR UPDATE, waits for them and they see its outcome), then the batch row.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/migrate.ts';
import { inTransaction, queryRows } from '../../seed/bulk.ts';
import type { Executor } from '../../seed/bulk.ts';
import { asDatabase, type BatchRange, type PreparedBatch, type RunDatabase } from './batch-compute.ts';
import { taxMonth } from './pay-elements.ts';

/** A batch held by a worker. */
export interface ClaimedBatch extends BatchRange {
  runId: string;
  seq: number;
  /** Claims of this batch so far, this one included. */
  attempts: number;
}

/** After this many claims (each a worker that died or erred on it) the run fails instead of looping. */
export const maxBatchAttempts = 5;

/**
 * Inside the transaction that creates the run: splits the organisation's assignments in post in the
 * month into ranges of `batchSize` (the last range open-ended). Returns how many batches.
 */
export async function planBatches(tx: Pick<Db, 'execute'>, run: { id: string; organisationId: string; taxYear: string; periodNumber: number }, batchSize: number): Promise<number> {
  const month = taxMonth(run.taxYear, run.periodNumber);
  const size = Math.max(1, Math.floor(batchSize));
  const rows = rowsOf<{ n: number }>(
    await tx.execute(sql`
      WITH eligible AS (
        SELECT id, (row_number() OVER (ORDER BY id) - 1) / ${size}::int AS seq FROM assignments
        WHERE organisation_id = ${run.organisationId} AND start_date <= ${month.end}::date AND (end_date IS NULL OR end_date >= ${month.start}::date)
      ), ranges AS (
        SELECT seq::int AS seq, max(id) AS last_id FROM eligible GROUP BY seq
      ), planned AS (
        INSERT INTO payroll_run_batches (run_id, seq, after_id, last_id)
        SELECT ${run.id}, seq, coalesce(lag(last_id) OVER (ORDER BY seq), ''),
               CASE WHEN seq = max(seq) OVER () THEN NULL ELSE last_id END
        FROM ranges
        UNION ALL
        SELECT ${run.id}, 0, '', NULL WHERE NOT EXISTS (SELECT 1 FROM ranges)
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM planned`),
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Claims the next free batch (of one run, or of any running run, oldest run first): pending and not
 * leased, or leased by a worker whose lease ran out. Skips batches another worker is claiming.
 */
export async function claimBatch(database: RunDatabase, worker: string, leaseSeconds: number, runId: string | null): Promise<ClaimedBatch | undefined> {
  const [row] = await queryRows<{ run_id: string; seq: number; after_id: string; last_id: string | null; attempts: number }>(
    asDatabase(database),
    `WITH next AS (
       SELECT b.run_id, b.seq FROM payroll_run_batches b JOIN payroll_runs r ON r.id = b.run_id
       WHERE b.status = 'pending' AND (b.lease_until IS NULL OR b.lease_until < clock_timestamp())
         AND r.status = 'running' AND ($1::text IS NULL OR b.run_id = $1)
       ORDER BY r.started_at, b.run_id, b.seq
       LIMIT 1
       FOR UPDATE OF b SKIP LOCKED
     )
     UPDATE payroll_run_batches b
     SET lease_owner = $2, lease_until = clock_timestamp() + make_interval(secs => $3), attempts = b.attempts + 1
     FROM next WHERE b.run_id = next.run_id AND b.seq = next.seq
     RETURNING b.run_id, b.seq, b.after_id, b.last_id, b.attempts`,
    [runId, worker, leaseSeconds],
  );
  return row && { runId: row.run_id, seq: Number(row.seq), after: row.after_id, last: row.last_id, attempts: Number(row.attempts) };
}

/** Heartbeat: extends the lease while the worker still holds it. False when it was lost. */
export async function renewLease(database: RunDatabase, batch: ClaimedBatch, worker: string, leaseSeconds: number): Promise<boolean> {
  const rows = await queryRows(
    asDatabase(database),
    `UPDATE payroll_run_batches SET lease_until = clock_timestamp() + make_interval(secs => $4)
     WHERE run_id = $1 AND seq = $2 AND lease_owner = $3 AND status = 'pending' RETURNING 1`,
    [batch.runId, batch.seq, worker, leaseSeconds],
  );
  return rows.length === 1;
}

/** Gives a batch back at once (after an error), recording why; the next claim retries it. */
export async function releaseBatch(database: RunDatabase, batch: ClaimedBatch, worker: string, error: string): Promise<void> {
  await queryRows(
    asDatabase(database),
    `UPDATE payroll_run_batches SET lease_owner = NULL, lease_until = NULL, last_error = $4
     WHERE run_id = $1 AND seq = $2 AND lease_owner = $3 AND status = 'pending'`,
    [batch.runId, batch.seq, worker, error.slice(0, 2000)],
  );
}

/**
 * PGlite only (one process owns the data folder): at start-up every lease belongs to a process that
 * is gone, so its batches are free at once instead of when the lease runs out.
 */
export async function releaseAllLeases(database: RunDatabase): Promise<void> {
  await queryRows(asDatabase(database), `UPDATE payroll_run_batches SET lease_owner = NULL, lease_until = NULL WHERE status = 'pending' AND lease_owner IS NOT NULL`);
}

export type CommitResult =
  | { kind: 'ok'; written: number }
  /** Another worker holds or finished the batch: this one's work is dropped. */
  | { kind: 'lost' }
  /** The run is no longer running (rolled back, failed, …). */
  | { kind: 'stopped'; status: string };

/** One transaction: the batch's payslips, the batch marked done, the run's progress. */
export async function commitBatch(
  database: RunDatabase,
  batch: ClaimedBatch,
  prepared: PreparedBatch,
  worker: string,
  onWritten?: () => void | Promise<void>,
): Promise<CommitResult> {
  return inTransaction(asDatabase(database), async (ex): Promise<CommitResult> => {
    const [run] = rowsOf<{ status: string }>(await ex.query('SELECT status FROM payroll_runs WHERE id = $1 FOR KEY SHARE', [batch.runId]));
    if (!run || run.status !== 'running') return { kind: 'stopped', status: run?.status ?? 'rolled_back' };
    const [held] = rowsOf<{ status: string; lease_owner: string | null }>(
      await ex.query('SELECT status, lease_owner FROM payroll_run_batches WHERE run_id = $1 AND seq = $2 FOR UPDATE', [batch.runId, batch.seq]),
    );
    // A lease that ran out but that nobody took is still ours to finish.
    if (!held || held.status !== 'pending' || (held.lease_owner !== null && held.lease_owner !== worker)) return { kind: 'lost' };
    let written = 0;
    if (prepared.statement) {
      const [row] = rowsOf<{ n: number }>(await ex.query(prepared.statement.text, prepared.statement.params));
      written = Number(row?.n ?? 0);
    }
    await onWritten?.();
    await ex.query(
      `UPDATE payroll_run_batches SET status = 'done', processed = $3, written = $4, lease_owner = NULL, lease_until = NULL, finished_at = now()
       WHERE run_id = $1 AND seq = $2`,
      [batch.runId, batch.seq, prepared.count, written],
    );
    // Last: the run row's update lock is held only for the commit, so batches of one run commit side by side.
    await ex.query(
      'UPDATE payroll_runs SET processed = processed + $2, payslips_written = payslips_written + $3, updated_at = now() WHERE id = $1',
      [batch.runId, prepared.count, written],
    );
    return { kind: 'ok', written };
  });
}

/**
 * Marks running runs (one, or all) completed when none of their batches is left. Every worker calls it
 * after its commits: the last batch to commit sees all the others done. Returns the ids completed.
 */
export async function completeFinishedRuns(database: RunDatabase, runId: string | null): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    asDatabase(database),
    `UPDATE payroll_runs r SET status = 'completed', total = processed, finished_at = now(), updated_at = now()
     WHERE r.status = 'running' AND ($1::text IS NULL OR r.id = $1)
       AND NOT EXISTS (SELECT 1 FROM payroll_run_batches b WHERE b.run_id = r.id AND b.status <> 'done')
     RETURNING r.id`,
    [runId],
  );
  return rows.map((r) => r.id);
}

/** The run's status now (undefined when it does not exist). */
export async function runStatus(database: RunDatabase, runId: string): Promise<string | undefined> {
  const [row] = await queryRows<{ status: string }>(asDatabase(database), 'SELECT status FROM payroll_runs WHERE id = $1', [runId]);
  return row?.status;
}

export async function failRun(database: RunDatabase, runId: string, message: string): Promise<void> {
  await queryRows(
    asDatabase(database),
    `UPDATE payroll_runs SET status = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'running'`,
    [runId, message.slice(0, 2000)],
  );
}
