// Payroll run throughput: seeds a trust of 10k and of 100k staff (the newest payslip month only, plus
// unsocial-hours claims for ward staff), then times a full run for the next period (compute + store a
// payslip per assignment, in batches, one transaction each) on PGlite (in memory) and, when
// DATABASE_URL is set, on a fresh database on that PostgreSQL server (created and dropped here).
// Prints payslips/s, the projection for ESR's 1.4M staff, and the ratio to the 7.8k/s target
// (1.4M payslips in 3 minutes). Figures only, no assertions.
// Run from the repository root: node bench/payroll-run.bench.ts [sizes=10000,100000] [engines=pglite,postgres]
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, seedDatabase } from '@esr/reference-server';
import type { Database } from '@esr/reference-server';
import { queryRows } from '../packages/reference-server/src/seed/bulk.ts';
import { startRun, waitForRun } from '../packages/reference-server/src/domain/payroll-runs/index.ts';

const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const engines = (process.argv[3] ?? 'pglite,postgres').split(',');
const asOf = '2026-11-25'; // periods up to 7 of 2026-27 are paid; the run pays period 8
const target = 7_800;
const esrStaff = 1_400_000;

interface Figures { staff: number; payslips: number; seconds: number; seedSeconds: number }

async function measure(database: Database, staff: number): Promise<Figures> {
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
  const started = performance.now();
  const run = await startRun(
    database.db,
    { principal: { employeeId: admin!.id, organisationId: 'org_00', roles: ['payroll_admin'] }, requestId: null, ip: null },
    { taxYear: '2026-27', periodNumber: 8, payDate: '2026-11-27' },
  );
  const outcome = await waitForRun(run.id);
  const seconds = (performance.now() - started) / 1000;
  if (outcome !== 'completed') throw new Error(`run ${run.id} ended ${outcome}`);
  const [row] = await queryRows<{ n: number }>(database, 'SELECT payslips_written AS n FROM payroll_runs WHERE id = $1', [run.id]);
  return { staff: seeded.employees, payslips: Number(row!.n), seconds, seedSeconds: seeded.milliseconds / 1000 };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const report = (label: string, f: Figures) => {
  const rate = f.payslips / f.seconds;
  console.log(
    `${label.padEnd(22)} ${fmt(f.staff).padStart(8)} staff  run ${f.seconds.toFixed(2).padStart(6)} s  ${fmt(rate).padStart(7)} payslips/s` +
      `  1.4M ≈ ${(esrStaff / rate / 60).toFixed(1).padStart(5)} min  ${(rate / target).toFixed(2)}× target  (seed ${f.seedSeconds.toFixed(1)} s)`,
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
        report('PGlite (memory)', await measure(database, staff));
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
      report('PostgreSQL', await measure(database, staff));
    } finally {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
}
