// Executes payroll runs from the batch queue (batch-queue.ts). Two kinds of worker share one loop:
// - a run worker (startRunWorker) works one run until it ends: what startRun starts in-process by
//   default, and what resumeInterruptedRuns starts for runs a crash or restart left running;
// - a worker pool (startPayrollWorkers) works any running run: the server's workers (ESR_PAYROLL_WORKERS) and
//   the worker processes (src/worker.ts), any number of them on one PostgreSQL.
// Either way a worker claims a batch, computes it, and commits it with its payslips in one transaction,
// renewing its lease meanwhile. The next batch is claimed and computed while the current one commits
// (on PostgreSQL the server works in parallel with Node). A worker that dies loses at most the batches
// it held, which another worker takes when their leases run out; nothing is written twice.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../../db/database.ts';
import { isTaxYear } from '../payroll/index.ts';
import type { CalculateOptions } from '../payroll/index.ts';
import { queryRows } from '../../seed/bulk.ts';
import { PayrollRunEmployeeError, asDatabase, loadRun, prepareBatch } from './batch-compute.ts';
import type { PreparedBatch, RunDatabase, RunRow } from './batch-compute.ts';
import {
  claimBatch, commitBatch, completeFinishedRuns, failRun, maxBatchAttempts, releaseAllLeases, releaseBatch, renewLease, runStatus,
} from './batch-queue.ts';
import type { ClaimedBatch } from './batch-queue.ts';

export { PayrollRunEmployeeError, countEligibleAssignments } from './batch-compute.ts';
export type { RunDatabase } from './batch-compute.ts';

export interface PayrollRunOptions {
  /** Assignments per batch (one transaction each), fixed when the run is planned. Default 1,000 on PGlite, 2,500 on PostgreSQL. */
  batchSize?: number;
  /**
   * Called in each batch: `written` inside the open transaction after the payslips are inserted,
   * `committed` after the commit. `batch` counts this worker's batches. For tests (crash injection)
   * and progress logging.
   */
  onBatch?: (event: { runId: string; batch: number; phase: 'written' | 'committed'; processed: number }) => void | Promise<void>;
  /** Payroll engine options. Default `{ explain: false }`: the run stores its own lines. */
  engineOptions?: CalculateOptions;
  /** How long a claimed batch stays a worker's without a heartbeat (renewed every third of it). Default 30 s. */
  leaseSeconds?: number;
  /** How often an idle worker looks for work. Default 500 ms. */
  pollMs?: number;
  /**
   * `startRun` starts a run worker in this process (default). `false`: it only plans the run, and a
   * worker pool (the server's, or worker processes) executes it; `onPlanned` can wake that pool.
   */
  inProcessWorker?: boolean;
  onPlanned?: (runId: string) => void;
  /** Errors a worker recovers from (the database restarting, …): the batch is retried. */
  onWorkerError?: (error: unknown) => void;
}

/** How a worker ended: the run's status when it stopped (`running` = stopped for shutdown). */
export type RunOutcome = 'completed' | 'failed' | 'rolled_back' | 'finalised' | 'running';

export const defaultBatchSize = (engine: RunDatabase['engine']) => (engine === 'pglite' ? 1000 : 2500);
const defaultLeaseSeconds = 30;
const defaultPollMs = 500;

/** A drizzle handle over either engine → the engine it runs on (for the driver-level batch writer). */
export function databaseOf(db: Db): RunDatabase {
  const client = (db as unknown as { $client: { begin?: unknown } }).$client;
  return { engine: typeof client?.begin === 'function' ? 'postgres' : 'pglite', db };
}

const newWorkerId = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Sleeps `ms`, or less when woken; never keeps the process alive by itself. */
function napper() {
  let wake: (() => void) | undefined;
  return {
    nap: (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        timer.unref();
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      }),
    wake: () => wake?.(),
  };
}

// ---- one worker's loop over the queue ----

interface HeldBatch {
  batch: ClaimedBatch;
  prepared: PreparedBatch;
  heartbeat: ReturnType<typeof setInterval>;
}

type Claimed = HeldBatch | 'skipped' | undefined;

class QueueWorker {
  readonly id = newWorkerId();
  private readonly runs = new Map<string, RunRow>();
  private batches = 0;
  /** Batches this worker gave up but could not hand back (the database was away): released first. */
  private dropped: ClaimedBatch[] = [];
  private processed = 0;
  private readonly leaseSeconds: number;
  private readonly database: RunDatabase;
  private readonly runId: string | null;
  private readonly options: PayrollRunOptions;
  private readonly stopping: () => boolean;

  /** `runId` null: any running run. */
  constructor(database: RunDatabase, runId: string | null, options: PayrollRunOptions, stopping: () => boolean) {
    this.database = database;
    this.runId = runId;
    this.options = options;
    this.stopping = stopping;
    this.leaseSeconds = Math.max(1, options.leaseSeconds ?? defaultLeaseSeconds);
  }

  /** Works batches until none is free. Returns how many it committed. Throws on database errors (batches released). */
  async drain(): Promise<number> {
    while (this.dropped.length) {
      const batch = this.dropped[0]!;
      await releaseBatch(this.database, batch, this.id, 'handed back after an error');
      this.dropped.shift();
    }
    let committed = 0;
    let next = this.claimAndPrepare();
    for (;;) {
      const held = await next;
      if (held === undefined) return committed;
      if (held === 'skipped') {
        next = this.claimAndPrepare();
        continue;
      }
      if (this.stopping()) {
        await this.giveBack(held, 'the worker stopped');
        return committed;
      }
      next = this.claimAndPrepare(); // claim and compute the next batch while this one commits
      next.catch(() => {}); // awaited on the next turn, or below
      try {
        const result = await this.commit(held).catch(async (error: unknown) => {
          await this.giveBack(held, error);
          throw error;
        });
        if (result.kind === 'ok') {
          committed++;
          await completeFinishedRuns(this.database, held.batch.runId);
          await this.options.onBatch?.({ runId: held.batch.runId, batch: this.batches, phase: 'committed', processed: this.processed });
        }
      } catch (error) {
        const pending = await next.catch(() => undefined);
        if (pending && pending !== 'skipped') await this.giveBack(pending, error);
        throw error;
      }
    }
  }

  private async commit(held: HeldBatch) {
    const batchNo = ++this.batches;
    try {
      return await commitBatch(this.database, held.batch, held.prepared, this.id, () =>
        this.options.onBatch?.({ runId: held.batch.runId, batch: batchNo, phase: 'written', processed: this.processed + held.prepared.count }),
      ).then((result) => {
        if (result.kind === 'ok') this.processed += held.prepared.count;
        return result;
      });
    } finally {
      clearInterval(held.heartbeat);
    }
  }

  private async claimAndPrepare(): Promise<Claimed> {
    if (this.stopping()) return undefined;
    const batch = await claimBatch(this.database, this.id, this.leaseSeconds, this.runId);
    if (!batch) return undefined;
    const heartbeat = setInterval(() => {
      renewLease(this.database, batch, this.id, this.leaseSeconds).catch(() => {}); // a missed beat is retried; a lost lease shows at commit
    }, (this.leaseSeconds * 1000) / 3);
    heartbeat.unref();
    try {
      if (batch.attempts > maxBatchAttempts) {
        clearInterval(heartbeat);
        await failRun(this.database, batch.runId, `Batch ${batch.seq} of the run was abandoned ${maxBatchAttempts} times (workers died or erred on it); see payroll_run_batches.last_error`);
        return 'skipped';
      }
      const run = await this.run(batch.runId);
      if (!run) {
        clearInterval(heartbeat);
        return 'skipped';
      }
      if (!isTaxYear(run.tax_year)) {
        clearInterval(heartbeat);
        await failRun(this.database, batch.runId, `Tax year ${run.tax_year} is not supported by the payroll engine`);
        return 'skipped';
      }
      const prepared = await prepareBatch(this.database, run, batch, this.options.engineOptions);
      return { batch, prepared, heartbeat };
    } catch (error) {
      clearInterval(heartbeat);
      if (error instanceof PayrollRunEmployeeError) {
        // The data is wrong, not the worker: retrying cannot help.
        await failRun(this.database, batch.runId, error.message);
        return 'skipped';
      }
      await releaseBatch(this.database, batch, this.id, describe(error)).catch(() => this.dropped.push(batch));
      throw error;
    }
  }

  private async giveBack(held: HeldBatch, why: unknown) {
    clearInterval(held.heartbeat);
    await releaseBatch(this.database, held.batch, this.id, describe(why)).catch(() => this.dropped.push(held.batch));
  }

  private async run(runId: string): Promise<RunRow | undefined> {
    let run = this.runs.get(runId);
    if (!run) {
      run = await loadRun(this.database, runId);
      if (run) this.runs.set(runId, run);
    }
    return run;
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

// The database handle was closed (shutdown, the end of a test): nothing left to retry. (A PostgreSQL
// server going away is CONNECTION_CLOSED and is retried; CONNECTION_ENDED is our own pool's end().)
const isClosed = (database: RunDatabase, error: unknown) =>
  database.engine === 'pglite' ? /closed/i.test(describe(error)) : (error as { code?: unknown } | null)?.code === 'CONNECTION_ENDED';

// ---- run workers: one run each, in this process ----

const active = new Map<string, Promise<RunOutcome>>();
const pools = new Set<PayrollWorkers>();
let draining = false;

/** Starts (or joins) this process's worker for a run; resolves with how the run ended. */
export function startRunWorker(database: RunDatabase, runId: string, options: PayrollRunOptions = {}): Promise<RunOutcome> {
  const existing = active.get(runId);
  if (existing) return existing;
  const work = workRun(database, runId, options).finally(() => active.delete(runId));
  active.set(runId, work);
  return work;
}

async function workRun(database: RunDatabase, runId: string, options: PayrollRunOptions): Promise<RunOutcome> {
  const worker = new QueueWorker(database, runId, options, () => draining);
  const { nap } = napper();
  for (;;) {
    if (draining) return 'running';
    try {
      await worker.drain();
      await completeFinishedRuns(database, runId);
      const status = await runStatus(database, runId);
      if (status === undefined) return 'rolled_back';
      if (status !== 'running') return status as RunOutcome;
    } catch (error) {
      if (draining || isClosed(database, error)) return 'running';
      options.onWorkerError?.(error);
    }
    // Other workers hold the rest (or the database is away): look again; expired leases are taken over.
    await nap(options.pollMs ?? defaultPollMs);
  }
}

/** Resolves when this process's worker for the run stops (immediately if there is none). */
export function waitForRun(runId: string): Promise<RunOutcome | undefined> {
  return active.get(runId) ?? Promise.resolve(undefined);
}

/** Resolves when the run is no longer running, whoever works it (worker processes included). */
export async function waitForRunEnd(database: RunDatabase, runId: string, pollMs = 100): Promise<RunOutcome> {
  const { nap } = napper();
  for (;;) {
    const status = await runStatus(database, runId);
    if (status === undefined) return 'rolled_back';
    if (status !== 'running') return status as RunOutcome;
    await nap(pollMs);
  }
}

/**
 * Start-up: works every run left `running` (the process died or was stopped mid-run). Returns their
 * ids; the work continues in the background (`waitForRun(id)` to await one).
 */
export async function resumeInterruptedRuns(database: RunDatabase, options: PayrollRunOptions = {}): Promise<string[]> {
  await releaseStaleLeases(database);
  const { rows } = await runningRuns(database);
  for (const id of rows) void startRunWorker(database, id, options);
  return rows;
}

/** On PGlite, whose data folder one process owns, leases left by a dead process are freed at once. */
export async function releaseStaleLeases(database: RunDatabase): Promise<void> {
  if (database.engine === 'pglite') await releaseAllLeases(database);
}

async function runningRuns(database: RunDatabase) {
  const rows = await queryRows<{ id: string }>(asDatabase(database), `SELECT id FROM payroll_runs WHERE status = 'running' ORDER BY started_at, id`);
  return { rows: rows.map((r) => r.id) };
}

// ---- worker pools: any run, any number of processes ----

export interface PayrollWorkers {
  /** Worker ids (host:pid:random), as recorded in payroll_run_batches.lease_owner. */
  readonly ids: string[];
  /** Look for work now instead of at the next poll. */
  wake(): void;
  /** Stops after the batches being committed; the rest stay queued for other workers. */
  stop(): Promise<void>;
}

/** Starts `concurrency` workers in this process that work the batches of every running run. */
export function startPayrollWorkers(database: RunDatabase, options: PayrollRunOptions & { concurrency?: number } = {}): PayrollWorkers {
  let stopped = false;
  const naps = [] as Array<ReturnType<typeof napper>>;
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () => new QueueWorker(database, null, options, () => stopped || draining));
  const loops = workers.map(async (worker) => {
    const napping = napper();
    naps.push(napping);
    while (!stopped && !draining) {
      let committed = 0;
      try {
        committed = await worker.drain();
        await completeFinishedRuns(database, null);
      } catch (error) {
        if (stopped || draining || isClosed(database, error)) break;
        options.onWorkerError?.(error);
      }
      if (committed === 0) await napping.nap(options.pollMs ?? defaultPollMs);
    }
  });
  const pool: PayrollWorkers = {
    ids: workers.map((w) => w.id),
    wake: () => naps.forEach((n) => n.wake()),
    stop: async () => {
      stopped = true;
      pool.wake();
      await Promise.allSettled(loops);
      pools.delete(pool);
    },
  };
  pools.add(pool);
  return pool;
}

/**
 * For shutdown: every worker of this process stops after the batch it is committing; its runs stay
 * `running` for other workers or the next start. Resolves when all have stopped. Call before closing
 * the database.
 */
export async function stopPayrollRuns(): Promise<void> {
  draining = true;
  try {
    await Promise.allSettled([...active.values(), ...[...pools].map((p) => p.stop())]);
  } finally {
    draining = false;
  }
}
