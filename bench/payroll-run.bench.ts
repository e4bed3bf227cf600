// Payroll run throughput: seeds a trust (the newest payslip month only, plus unsocial-hours claims for
// ward staff), then times a full run for the next period (compute + store a payslip per assignment, in
// batches claimed from the database, one transaction each).
// - PostgreSQL (when DATABASE_URL is set; a fresh database created and dropped here): the same run with
//   1, then 2, … worker processes (`src/worker.ts`), rolled back between, and the ratio to 1 worker.
// - PGlite (in memory, one process): the run at each size, to show where the embedded engine stops
//   handling it well.
// Prints payslips/s, the projection for ESR's 1.4M staff, and the ratio to the 7.8k/s target (1.4M
// payslips in 3 minutes). Figures only, no assertions.
// Run from the repository root:
//   node bench/payroll-run.bench.ts [sizes=100000] [engines=pglite,postgres] [workers=1,2]
//   e.g. node bench/payroll-run.bench.ts 10000,100000,250000 pglite
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { openDatabase, seedDatabase } from '@esr/reference-server';
import type { Database } from '@esr/reference-server';
import { queryRows } from '../packages/reference-server/src/seed/bulk.ts';
import { rollBackRun, startRun, waitForRun, waitForRunEnd } from '../packages/reference-server/src/domain/payroll-runs/index.ts';

const sizes = (process.argv[2] ?? '100000').split(',').map(Number);
const engines = (process.argv[3] ?? 'pglite,postgres').split(',');
const workerCounts = (process.argv[4] ?? '1,2').split(',').map(Number);
const asOf = '2026-11-25'; // periods up to 7 of 2026-27 are paid; the run pays period 8
const target = 7_800;
const esrStaff = 1_400_000;
const workerEntry = fileURLToPath(new URL('../packages/reference-server/src/worker.ts', import.meta.url));

interface Figures { staff: number; payslips: number; seconds: number; seedSeconds: number }

async function seed(database: Database, staff: number) {
  const seeded = await seedDatabase(database, { seed: 1, staff, organisations: 1, asOf, payslipMonths: 1 });
  // Ward staff claim unsocial hours (0–15 h Saturday/nights, 0–11 h Sunday/bank holiday), as in real months.
  for (const [kind, salt, max] of [['unsocial_sat_night', 's', 16], ['unsocial_sun_bh', 'u', 12]] as const) {
    await database.exec(`
      INSERT INTO pay_claims (id, organisation_id, employee_id, assignment_id, tax_year, period_number, kind, minutes)
      SELECT 'clm_' || a.id || '${salt}', a.organisation_id, a.employee_id, a.id, '2026-27', 8, '${kind}', 60 * (abs(hashtext(a.id || '${salt}')) % ${max})
      FROM assignments a
      WHERE (a.staff_group LIKE 'Nursing%' OR a.staff_group LIKE 'Support to Clinical%') AND abs(hashtext(a.id || '${salt}')) % ${max} > 0`);
  }
  await database.exec('ANALYZE');
  const [admin] = await queryRows<{ id: string }>(database, `SELECT id FROM employees WHERE 'payroll_admin' = ANY(roles) ORDER BY id LIMIT 1`);
  const ctx = { principal: { employeeId: admin!.id, organisationId: 'org_00', roles: ['payroll_admin' as const] }, requestId: null, ip: null };
  return { ctx, employees: seeded.employees, seedSeconds: seeded.milliseconds / 1000 };
}

type Seeded = Awaited<ReturnType<typeof seed>>;
const period8 = { taxYear: '2026-27', periodNumber: 8, payDate: '2026-11-27' };

async function payslipsWritten(database: Database, runId: string) {
  const [row] = await queryRows<{ n: number }>(database, 'SELECT payslips_written AS n FROM payroll_runs WHERE id = $1', [runId]);
  return Number(row!.n);
}

/** PGlite: one process, the run's worker in it. */
async function measureInProcess(database: Database, seeded: Seeded): Promise<Figures> {
  const started = performance.now();
  const run = await startRun(database.db, seeded.ctx, period8);
  const outcome = await waitForRun(run.id);
  const seconds = (performance.now() - started) / 1000;
  if (outcome !== 'completed') throw new Error(`run ${run.id} ended ${outcome}`);
  return { staff: seeded.employees, payslips: await payslipsWritten(database, run.id), seconds, seedSeconds: seeded.seedSeconds };
}

/** Starts `count` worker processes on the database and resolves when all are waiting for work. */
async function startWorkerProcesses(url: string, count: number): Promise<ChildProcess[]> {
  const env = { ...process.env, DATABASE_URL: url, ESR_PAYROLL_WORKERS: '1', ESR_WORKER_POLL_MS: '50' };
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(process.execPath, [workerEntry], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      return new Promise<ChildProcess>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
        child.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('waiting for runs')) resolve(child);
        });
      });
    }),
  );
}

async function stopWorkerProcesses(children: ChildProcess[]) {
  await Promise.all(children.map((child) => new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.kill('SIGTERM');
  })));
}

/** PostgreSQL: the run worked by `workers` worker processes, then rolled back for the next measurement. */
async function measureWithWorkers(database: Database, url: string, seeded: Seeded, workers: number): Promise<Figures> {
  const children = await startWorkerProcesses(url, workers);
  try {
    const started = performance.now();
    const run = await startRun(database.db, seeded.ctx, period8, { inProcessWorker: false });
    const outcome = await waitForRunEnd(database, run.id, 20);
    const seconds = (performance.now() - started) / 1000;
    if (outcome !== 'completed') throw new Error(`run ${run.id} ended ${outcome}`);
    const payslips = await payslipsWritten(database, run.id);
    await rollBackRun(database.db, seeded.ctx, run.id);
    await database.exec('VACUUM ANALYZE payslips');
    return { staff: seeded.employees, payslips, seconds, seedSeconds: seeded.seedSeconds };
  } finally {
    await stopWorkerProcesses(children);
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const rateOf = (f: Figures) => f.payslips / f.seconds;
const report = (label: string, f: Figures, extra = '') => {
  const rate = rateOf(f);
  console.log(
    `${label.padEnd(26)} ${fmt(f.staff).padStart(9)} staff  run ${f.seconds.toFixed(2).padStart(6)} s  ${fmt(rate).padStart(7)} payslips/s` +
      `  1.4M ≈ ${(esrStaff / rate / 60).toFixed(1).padStart(5)} min  ${(rate / target).toFixed(2)}× target${extra}  (seed ${f.seedSeconds.toFixed(1)} s)`,
  );
};

console.log(`payroll run: full run for period 8 of 2026-27, target ${fmt(target)} payslips/s on PostgreSQL (Node ${process.version})`);
const url = process.env['DATABASE_URL'];
for (const engine of engines) {
  if (engine === 'postgres' && !url) {
    console.log('(set DATABASE_URL to a PostgreSQL server to measure it too)');
    continue;
  }
  for (const staff of sizes) {
    if (engine === 'pglite') {
      const database = await openDatabase({});
      try {
        const figures = await measureInProcess(database, await seed(database, staff));
        const heap = process.memoryUsage().rss / 2 ** 20;
        report('PGlite (memory, 1 process)', figures, `  rss ${fmt(heap)} MiB`);
      } catch (error) {
        console.log(`PGlite (memory)            ${fmt(staff).padStart(9)} staff  did not finish: ${error instanceof Error ? error.message : error}`);
      } finally {
        await database.close();
      }
      continue;
    }
    const name = `esr_run_bench_${randomBytes(4).toString('hex')}`;
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const where = new URL(url!);
    where.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: where.href });
    try {
      const seeded = await seed(database, staff);
      let single: number | undefined;
      for (const workers of workerCounts) {
        const figures = await measureWithWorkers(database, where.href, seeded, workers);
        single ??= workers === 1 ? rateOf(figures) : undefined;
        const ratio = single && workers !== 1 ? `  ${(rateOf(figures) / single).toFixed(2)}× 1 worker` : '';
        report(`PostgreSQL, ${workers} worker${workers === 1 ? '' : 's'}`, figures, ratio);
      }
    } finally {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
}
