// Killing the process mid-run and restarting leaves no duplicate or partial payslips.
//
// This file is also the child: with ESR_PAYROLL_CRASH_CHILD set it opens the database (a PGlite data
// folder, or a PostgreSQL URL), seeds a trust, starts a run with small batches and SIGKILLs itself
// inside the transaction of batch K+1, after its payslips were inserted but before the commit. The
// parent then reopens the database, checks that exactly K batches survived, resumes the run as the
// server does at start-up, and checks the result.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../src/db/database.ts';
import type { Database } from '../src/db/database.ts';
import { rowsOf } from '../src/db/migrate.ts';
import { payrollRuns, payslips } from '../src/db/schema.ts';
import { resumeInterruptedRuns, startRun, waitForRun } from '../src/domain/payroll-runs/index.ts';
import { seedDatabase } from '../src/seed/seed.ts';

const STAFF = 150;
const BATCH = 10;
const KILL_AFTER = 4; // committed batches before the kill
const asOf = '2026-11-25';

const childTarget = process.env['ESR_PAYROLL_CRASH_CHILD'];

if (childTarget) {
  // ---- child: seed, start, die mid-batch ----
  const database = childTarget.startsWith('postgres') ? await openDatabase({ databaseUrl: childTarget }) : await openDatabase({ dataDir: childTarget });
  await seedDatabase(database, { staff: STAFF, asOf, payslipMonths: 2 });
  const [admin] = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM employees WHERE 'payroll_admin' = ANY(roles) ORDER BY id LIMIT 1`));
  await startRun(
    database.db,
    { principal: { employeeId: admin!.id, organisationId: 'org_00', roles: ['payroll_admin'] }, requestId: null, ip: null },
    { taxYear: '2026-27', periodNumber: 8, payDate: '2026-11-27' },
    {
      batchSize: BATCH,
      // On PostgreSQL the batches this process held are free again when their lease runs out.
      leaseSeconds: 3,
      onBatch: (e) => {
        if (e.phase === 'written' && e.batch === KILL_AFTER + 1) process.kill(process.pid, 'SIGKILL');
      },
    },
  );
  // The worker runs in the background; the kill ends the process.
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  process.exit(3); // never reached unless the hook did not fire
} else {
  async function crashAndResume(target: string, open: () => Promise<Database>) {
    const { NODE_TEST_CONTEXT: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...env, ESR_PAYROLL_CRASH_CHILD: target }, stdio: ['ignore', 'inherit', 'inherit'] });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    assert.equal(signal, 'SIGKILL', 'the child died mid-run');

    const database = await open();
    try {
      const [run] = await database.db.select().from(payrollRuns);
      assert.ok(run, 'the run was created before the crash');
      assert.equal(run.status, 'running');
      assert.equal(run.processed, KILL_AFTER * BATCH, 'committed batches only');
      const survived = await database.db.select({ id: payslips.id }).from(payslips).where(eq(payslips.payrollRunId, run.id));
      assert.equal(survived.length, KILL_AFTER * BATCH, 'the open batch left nothing behind');

      const resumed = await resumeInterruptedRuns(database, { batchSize: 7 });
      assert.deepEqual(resumed, [run.id]);
      assert.equal(await waitForRun(run.id), 'completed');

      const [done] = await database.db.select().from(payrollRuns).where(eq(payrollRuns.id, run.id));
      const [eligible] = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM assignments WHERE start_date <= '2026-12-05' AND (end_date IS NULL OR end_date >= '2026-11-06')`));
      assert.equal(done!.status, 'completed');
      assert.equal(done!.processed, Number(eligible!.n));
      assert.equal(done!.total, Number(eligible!.n));
      assert.equal(done!.payslipsWritten, Number(eligible!.n), 'each payslip written exactly once across the crash');

      const slips = await database.db.select().from(payslips).where(and(eq(payslips.taxYear, '2026-27'), eq(payslips.periodNumber, 8)));
      assert.equal(slips.length, Number(eligible!.n), 'one payslip per eligible assignment');
      assert.equal(new Set(slips.map((s) => s.assignmentId)).size, slips.length, 'no duplicates');
      const previous = await database.db.select().from(payslips).where(and(eq(payslips.taxYear, '2026-27'), eq(payslips.periodNumber, 7)));
      const ytd7 = new Map(previous.map((p) => [p.assignmentId, p.yearToDate.grossPence]));
      for (const s of slips) {
        assert.equal(s.payrollRunId, run.id);
        assert.equal(s.payments.reduce((t, l) => t + l.amountPence, 0), s.grossPence);
        assert.equal(s.deductions.reduce((t, l) => t + l.amountPence, 0), s.deductionsPence);
        assert.equal(s.netPence, s.grossPence - s.deductionsPence);
        assert.equal(s.yearToDate.grossPence, (ytd7.get(s.assignmentId) ?? 0) + s.grossPence);
      }
    } finally {
      await database.close();
    }
  }

  // The engine under test follows DATABASE_URL like every *.db.test.ts: CI runs this file once per engine.
  const url = process.env['DATABASE_URL'];
  if (!url) test('PGlite: SIGKILL mid-batch, reopen the data folder, resume: no duplicate or partial payslips', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esr-payroll-crash-'));
    try {
      await crashAndResume(dir, () => openDatabase({ dataDir: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  else test('PostgreSQL: SIGKILL mid-batch, reconnect, resume: no duplicate or partial payslips', { timeout: 180_000 }, async () => {
    const name = `esr_crash_${randomBytes(5).toString('hex')}`;
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const target = new URL(url!);
    target.pathname = `/${name}`;
    try {
      await crashAndResume(target.href, () => openDatabase({ databaseUrl: target.href }));
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
}
