// Payroll runs worked by several workers that claim batches from the database (FOR UPDATE SKIP LOCKED,
// under a lease): they share a run without writing anything twice, and a batch whose worker died is
// taken over when its lease runs out.
// - both engines, in one process: two worker pools on one run, and a batch held by a worker that
//   "died" (claimed, never finished);
// - PostgreSQL: two worker processes, one killed with SIGKILL inside a batch's transaction.
//
// This file is also the worker process: with ESR_WORKER_CHILD set to a PostgreSQL URL it runs a worker
// pool; ESR_WORKER_CRASH_AT=k kills it inside its k-th batch, after the payslips were inserted.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/database.ts';
import { claimBatch } from '../src/domain/payroll-runs/batch-queue.ts';
import { startPayrollWorkers, startRun, waitForRunEnd } from '../src/domain/payroll-runs/index.ts';
import type { PayrollRunOptions } from '../src/domain/payroll-runs/index.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import type { Database } from '../src/db/database.ts';
import { asOf, engine, freshDatabase } from './helpers/harness.ts';
import { exited, faultTarget, spawnChild, waitForOutput } from './helpers/fault-target.ts';

const childUrl = process.env['ESR_WORKER_CHILD'];

if (childUrl) {
  const crashAt = Number(process.env['ESR_WORKER_CRASH_AT'] ?? 0);
  const database = await openDatabase({ databaseUrl: childUrl });
  startPayrollWorkers(database, {
    leaseSeconds: 2,
    pollMs: 50,
    onBatch: async (e) => {
      if (e.phase === 'written' && e.batch === crashAt) process.kill(process.pid, 'SIGKILL');
      if (e.phase === 'committed') await new Promise((r) => setTimeout(r, 40)); // let the other worker in
    },
  });
  setInterval(() => {}, 1 << 30); // until killed
  console.log('worker ready');
} else {
  const BATCH = 10;
  const period = (n: number, payDate: string) => ({ taxYear: '2026-27', periodNumber: n, payDate });

  async function adminContext(database: Database) {
    const [admin] = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM employees WHERE 'payroll_admin' = ANY(roles) ORDER BY id LIMIT 1`));
    return { principal: { employeeId: admin!.id, organisationId: 'org_00', roles: ['payroll_admin' as const] }, requestId: null, ip: null };
  }

  /** One payslip per eligible assignment, written by this run, every batch done, counts agreeing. */
  async function assertWhole(database: Database, runId: string, month: { start: string; end: string }) {
    const [r] = rowsOf<{ status: string; processed: number; total: number; written: number; slips: number; distinct: number; eligible: number; pending: number; maxAttempts: number }>(
      await database.db.execute(sql`
        SELECT r.status, r.processed, r.total, r.payslips_written AS written,
          (SELECT count(*)::int FROM payslips WHERE payroll_run_id = r.id) AS slips,
          (SELECT count(DISTINCT assignment_id)::int FROM payslips WHERE payroll_run_id = r.id) AS distinct,
          (SELECT count(*)::int FROM assignments WHERE organisation_id = r.organisation_id AND start_date <= ${month.end}::date AND (end_date IS NULL OR end_date >= ${month.start}::date)) AS eligible,
          (SELECT count(*)::int FROM payroll_run_batches WHERE run_id = r.id AND status <> 'done') AS pending,
          (SELECT max(attempts)::int FROM payroll_run_batches WHERE run_id = r.id) AS "maxAttempts"
        FROM payroll_runs r WHERE r.id = ${runId}`),
    );
    assert.equal(r!.status, 'completed');
    assert.equal(r!.pending, 0, 'every batch done');
    assert.equal(r!.slips, r!.eligible, 'one payslip per eligible assignment');
    assert.equal(r!.distinct, r!.slips, 'no duplicates');
    assert.equal(r!.processed, r!.eligible);
    assert.equal(r!.written, r!.eligible, 'each payslip counted once');
    assert.equal(r!.total, r!.eligible);
    return r!;
  }

  describe(`payroll workers on ${engine}`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ database, dispose } = await freshDatabase());
      await seedDatabase(database, { staff: 150, organisations: 1, asOf, payslipMonths: 1 });
    });
    after(() => dispose());

    test('two worker pools share one run: each batch once, one payslip per assignment', async () => {
      const ctx = await adminContext(database);
      const seen = new Map<string, number>();
      const options = (name: string): PayrollRunOptions => ({
        pollMs: 20,
        onBatch: (e) => {
          if (e.phase === 'committed') seen.set(name, (seen.get(name) ?? 0) + 1);
        },
      });
      const a = startPayrollWorkers(database, options('a'));
      const b = startPayrollWorkers(database, options('b'));
      try {
        const run = await startRun(database.db, ctx, period(8, '2026-11-27'), { batchSize: BATCH, inProcessWorker: false, onPlanned: () => (a.wake(), b.wake()) });
        assert.equal(await waitForRunEnd(database, run.id, 20), 'completed');
        await assertWhole(database, run.id, { start: '2026-11-06', end: '2026-12-05' });
        const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM payroll_run_batches WHERE run_id = ${run.id}`));
        assert.equal((seen.get('a') ?? 0) + (seen.get('b') ?? 0), Number(n), 'batches committed = batches planned');
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    });

    test('a batch held by a worker that died is taken over when its lease runs out', async () => {
      const ctx = await adminContext(database);
      const run = await startRun(database.db, ctx, period(9, '2026-12-24'), { batchSize: BATCH, inProcessWorker: false });
      // The "dead" worker: claims the first batch for 1 s and never comes back.
      const held = await claimBatch(database, 'dead-host:1:gone', 1, run.id);
      assert.equal(held?.seq, 0);
      const pool = startPayrollWorkers(database, { pollMs: 50 });
      try {
        assert.equal(await waitForRunEnd(database, run.id, 20), 'completed');
        const r = await assertWhole(database, run.id, { start: '2026-12-06', end: '2027-01-05' });
        assert.equal(r.maxAttempts, 2, 'the abandoned batch was claimed a second time');
      } finally {
        await pool.stop();
      }
    });
  });

  if (process.env['DATABASE_URL']) {
    test('PostgreSQL: two worker processes, one killed with SIGKILL mid-batch: the other finishes the run, nothing lost or doubled', { timeout: 180_000 }, async () => {
      const target = await faultTarget('esr-workers');
      const database = await target.open();
      const self = fileURLToPath(import.meta.url);
      const children: Array<ReturnType<typeof spawnChild>> = [];
      try {
        await seedDatabase(database, { staff: 200, organisations: 1, asOf, payslipMonths: 1 });
        const doomed = spawnChild(self, { ESR_WORKER_CHILD: target.target, ESR_WORKER_CRASH_AT: '3' });
        const survivor = spawnChild(self, { ESR_WORKER_CHILD: target.target });
        children.push(doomed, survivor);
        await Promise.all([waitForOutput(doomed, /worker ready/), waitForOutput(survivor, /worker ready/)]);
        const run = await startRun(database.db, await adminContext(database), period(8, '2026-11-27'), { batchSize: BATCH, inProcessWorker: false });
        assert.equal(await exited(doomed), 'SIGKILL', 'the first worker died inside its third batch');
        assert.equal(await waitForRunEnd(database, run.id, 50), 'completed');
        const r = await assertWhole(database, run.id, { start: '2026-11-06', end: '2026-12-05' });
        assert.ok(r.maxAttempts >= 2, 'the dead worker\'s batch was taken over');
        assert.equal(survivor.exitCode, null, 'the survivor is still running');
      } finally {
        for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await Promise.all(children.map(exited));
        await database.close();
        await target.dispose();
      }
    });
  }
}
