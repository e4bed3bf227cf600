// Payroll run throughput: seeds `staff` across `organisations` trusts (the seed's realistic spread of
// trust sizes; the newest payslip month only, plus unsocial-hours claims for ward staff), then times the
// month's payroll for every trust: each trust's payroll admin starts its own run for the period, as real
// trusts do, and the runs are worked in batches claimed from the database, one transaction each
// (compute + store a payslip per assignment). Time = first run started → last run completed.
// - PostgreSQL (when DATABASE_URL is set; a fresh database created and dropped here): the runs worked by
//   1, then 2, … worker processes (`src/worker.ts`), rolled back between, and the ratio to 1 worker.
//   BENCH_DATABASE=name uses (and creates, seeds or finishes seeding) that database and keeps it: seed
//   national size once, measure again later, or point analytics.bench.ts at it.
// - PGlite (in memory, one process): the run at each size, to show where the embedded engine stops
//   handling it well.
// Prints payslips/s, the projection for ESR's 1.4M staff, and the ratio to the 7.8k/s target (1.4M
// payslips in 3 minutes). Figures only, no assertions.
// Run from the repository root:
//   node bench/payroll-run.bench.ts [sizes=100000] [engines=pglite,postgres] [workers=1,2] [organisations=1]
//   e.g. node bench/payroll-run.bench.ts 10000,100000,250000 pglite
//        node bench/payroll-run.bench.ts 1400000 postgres 1,2 200   (national size: ESR's trusts)
//   BENCH_CPU_PROF_DIR=dir writes a CPU profile of each worker process (node --cpu-prof).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { openDatabase, seedDatabase } from '@esr/reference-server';
import type { Database } from '@esr/reference-server';
import { queryRows } from '../packages/reference-server/src/seed/bulk.ts';
import { rollBackRun, startRun, waitForRun } from '../packages/reference-server/src/domain/payroll-runs/index.ts';

const sizes = (process.argv[2] ?? '100000').split(',').map(Number);
const engines = (process.argv[3] ?? 'pglite,postgres').split(',');
const workerCounts = (process.argv[4] ?? '1,2').split(',').map(Number);
const organisations = Number(process.argv[5] ?? 1);
const keptDatabase = process.env['BENCH_DATABASE'];
if (keptDatabase !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(keptDatabase)) throw new Error(`BENCH_DATABASE must be a plain database name, got ${keptDatabase}`);
const asOf = '2026-11-25'; // periods up to 7 of 2026-27 are paid; the run pays period 8
const target = 7_800;
const esrStaff = 1_400_000;
// BENCH_CPU_PROF_DIR=dir: each worker process writes a CPU profile there (node --cpu-prof), to see where a batch's time goes.
const profileDir = process.env['BENCH_CPU_PROF_DIR'];
const workerEntry = fileURLToPath(new URL('../packages/reference-server/src/worker.ts', import.meta.url));

interface Figures { staff: number; organisations: number; payslips: number; seconds: number; seedSeconds: number }

async function seed(database: Database, staff: number) {
  const started = performance.now();
  // skipExisting: a kept database (BENCH_DATABASE) is seeded once, or finished after an interruption.
  let lastPhase = '';
  const summary = await seedDatabase(database, {
    seed: 1, totalStaff: staff, organisations, asOf, payslipMonths: 1, skipExisting: true,
    // A line per trust for long seeds (national size takes minutes), on stderr: the figures stay on stdout.
    onProgress: (done, total, phase) => {
      if (phase === lastPhase || organisations < 10) return;
      lastPhase = phase;
      process.stderr.write(`  seeding ${phase}: ${fmt(done)} / ~${fmt(total)} rows, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    },
  });
  if (summary.skipped) process.stderr.write(`  ${summary.skipped} organisation(s) already seeded in ${keptDatabase}\n`);
  // Ward staff claim unsocial hours (0–15 h Saturday/nights, 0–11 h Sunday/bank holiday), as in real months.
  for (const [kind, salt, max] of [['unsocial_sat_night', 's', 16], ['unsocial_sun_bh', 'u', 12]] as const) {
    await database.exec(`
      INSERT INTO pay_claims (id, organisation_id, employee_id, assignment_id, tax_year, period_number, kind, minutes)
      SELECT 'clm_' || a.id || '${salt}', a.organisation_id, a.employee_id, a.id, '2026-27', 8, '${kind}', 60 * (abs(hashtext(a.id || '${salt}')) % ${max})
      FROM assignments a
      WHERE (a.staff_group LIKE 'Nursing%' OR a.staff_group LIKE 'Support to Clinical%') AND abs(hashtext(a.id || '${salt}')) % ${max} > 0
      ON CONFLICT (id) DO NOTHING`);
  }
  await database.exec('VACUUM ANALYZE');
  const seedSeconds = (performance.now() - started) / 1000;
  // Each trust's payroll admin (the first by id) starts that trust's run.
  const admins = await queryRows<{ id: string; organisation_id: string }>(
    database,
    `SELECT DISTINCT ON (organisation_id) id, organisation_id FROM employees WHERE 'payroll_admin' = ANY(roles) ORDER BY organisation_id, id`,
  );
  // Staff in post (a database the analytics bench added leavers to also holds people who have left).
  const [counted] = await queryRows<{ staff: number; orgs: number }>(
    database,
    'SELECT count(DISTINCT employee_id) FILTER (WHERE end_date IS NULL)::int AS staff, count(DISTINCT organisation_id)::int AS orgs FROM assignments',
  );
  if (admins.length !== Number(counted!.orgs)) throw new Error(`${Number(counted!.orgs) - admins.length} organisation(s) have no payroll admin`);
  const contexts = admins.map((a) => ({ principal: { employeeId: a.id, organisationId: a.organisation_id, roles: ['payroll_admin' as const] }, requestId: null, ip: null }));
  return { contexts, employees: Number(counted!.staff), organisations: admins.length, seedSeconds };
}

type Seeded = Awaited<ReturnType<typeof seed>>;
const period8 = { taxYear: '2026-27', periodNumber: 8, payDate: '2026-11-27' };

async function payslipsWritten(database: Database, runIds: string[]) {
  const [row] = await queryRows<{ n: number }>(database, 'SELECT coalesce(sum(payslips_written), 0)::int AS n FROM payroll_runs WHERE id = ANY($1)', [runIds]);
  return Number(row!.n);
}

const figuresOf = (seeded: Seeded, payslips: number, seconds: number): Figures => ({
  staff: seeded.employees, organisations: seeded.organisations, payslips, seconds, seedSeconds: seeded.seedSeconds,
});

/** PGlite: one process, each run's worker in it. */
async function measureInProcess(database: Database, seeded: Seeded): Promise<Figures> {
  const started = performance.now();
  const runs = await Promise.all(seeded.contexts.map((ctx) => startRun(database.db, ctx, period8)));
  const outcomes = await Promise.all(runs.map((run) => waitForRun(run.id)));
  const seconds = (performance.now() - started) / 1000;
  const failed = outcomes.findIndex((outcome) => outcome !== 'completed');
  if (failed >= 0) throw new Error(`run ${runs[failed]!.id} ended ${outcomes[failed]}`);
  return figuresOf(seeded, await payslipsWritten(database, runs.map((r) => r.id)), seconds);
}

/** Resolves when none of the runs is running any more; throws if one did not complete. */
async function waitForRunsEnd(database: Database, runIds: string[]) {
  for (;;) {
    const rows = await queryRows<{ id: string; status: string }>(database, `SELECT id, status FROM payroll_runs WHERE id = ANY($1) AND status <> 'completed'`, [runIds]);
    const ended = rows.find((r) => r.status !== 'running');
    if (ended) throw new Error(`run ${ended.id} ended ${ended.status}`);
    if (rows.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts `count` worker processes on the database and resolves when all are waiting for work. */
async function startWorkerProcesses(url: string, count: number): Promise<ChildProcess[]> {
  const env = { ...process.env, DATABASE_URL: url, ESR_PAYROLL_WORKERS: '1', ESR_WORKER_POLL_MS: '50' };
  return Promise.all(
    Array.from({ length: count }, () => {
      const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
      const child = spawn(process.execPath, [...profile, workerEntry], { env, stdio: ['ignore', 'pipe', 'inherit'] });
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

/** Rolls back what an earlier, interrupted measurement left in a kept database. */
async function rollBackLeftovers(database: Database, seeded: Seeded) {
  const left = await queryRows<{ id: string; organisation_id: string }>(
    database,
    `SELECT id, organisation_id FROM payroll_runs WHERE tax_year = $1 AND period_number = $2 AND status <> 'rolled_back'`,
    [period8.taxYear, period8.periodNumber],
  );
  for (const run of left) {
    const ctx = seeded.contexts.find((c) => c.principal.organisationId === run.organisation_id)!;
    await rollBackRun(database.db, ctx, run.id);
  }
  if (left.length) await database.exec('VACUUM ANALYZE payslips');
}

/** PostgreSQL: every trust's run worked by `workers` worker processes, then rolled back for the next measurement. */
async function measureWithWorkers(database: Database, url: string, seeded: Seeded, workers: number): Promise<Figures> {
  const children = await startWorkerProcesses(url, workers);
  try {
    const started = performance.now();
    // Each payroll admin starts their trust's run (through the bench's own connection pool, side by side).
    const runs = await Promise.all(seeded.contexts.map((ctx) => startRun(database.db, ctx, period8, { inProcessWorker: false })));
    const runIds = runs.map((r) => r.id);
    await waitForRunsEnd(database, runIds);
    const seconds = (performance.now() - started) / 1000;
    const payslips = await payslipsWritten(database, runIds);
    for (const [i, run] of runs.entries()) await rollBackRun(database.db, seeded.contexts[i]!, run.id);
    await database.exec('VACUUM ANALYZE payslips');
    return figuresOf(seeded, payslips, seconds);
  } finally {
    await stopWorkerProcesses(children);
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const rateOf = (f: Figures) => f.payslips / f.seconds;
const report = (label: string, f: Figures, extra = '') => {
  const rate = rateOf(f);
  console.log(
    `${label.padEnd(26)} ${fmt(f.staff).padStart(9)} staff / ${String(f.organisations).padStart(3)} org${f.organisations === 1 ? ' ' : 's'}  run ${f.seconds.toFixed(2).padStart(6)} s  ${fmt(rate).padStart(7)} payslips/s` +
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
    const name = keptDatabase ?? `esr_run_bench_${randomBytes(4).toString('hex')}`;
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (!exists) await admin.unsafe(`CREATE DATABASE ${name}`);
    const where = new URL(url!);
    where.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: where.href });
    try {
      const seeded = await seed(database, staff);
      await rollBackLeftovers(database, seeded);
      let single: number | undefined;
      for (const workers of workerCounts) {
        const figures = await measureWithWorkers(database, where.href, seeded, workers);
        single ??= workers === 1 ? rateOf(figures) : undefined;
        const ratio = single && workers !== 1 ? `  ${(rateOf(figures) / single).toFixed(2)}× 1 worker` : '';
        report(`PostgreSQL, ${workers} worker${workers === 1 ? '' : 's'}`, figures, ratio);
      }
    } finally {
      await database.close();
      if (!keptDatabase) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
}
