// Seeding speed: 100k staff (10 organisations × 10k, the newest payslip only) into PGlite (in memory) and,
// when DATABASE_URL is set, into a fresh database on that PostgreSQL server (created and dropped here).
// Prints rows, seconds and rows/s per engine and the PostgreSQL/PGlite ratio. Figures only, no assertions.
// Run from the repository root: node bench/seed.bench.ts [staff=100000] [methods=unnest] (e.g. unnest,values)
import { openDatabase, openScratchDatabase, seedDatabase } from '@esr/reference-server';
import type { Database } from '@esr/reference-server';

const staff = Number(process.argv[2] ?? 100_000);
const methods = (process.argv[3] ?? 'unnest').split(',') as Array<'unnest' | 'values'>;
const organisations = 10;
const asOf = '2026-11-25';

interface Figures { rows: number; seconds: number; staff: number; payslips: number }

async function run(database: Database, insertMethod: 'unnest' | 'values'): Promise<Figures> {
  const summary = await seedDatabase(database, { seed: 1, staff: Math.round(staff / organisations), organisations, asOf, payslipMonths: 1, insertMethod });
  return { rows: summary.rows, seconds: summary.milliseconds / 1000, staff: summary.employees, payslips: summary.payslips };
}

const line = (label: string, f: Figures) =>
  console.log(`${label.padEnd(30)} ${f.staff.toLocaleString('en-GB').padStart(9)} staff ${f.rows.toLocaleString('en-GB').padStart(11)} rows ${f.seconds.toFixed(1).padStart(7)} s ${Math.round(f.rows / f.seconds).toLocaleString('en-GB').padStart(8)} rows/s`);

console.log(`seed: ${staff.toLocaleString('en-GB')} staff in ${organisations} organisations, 1 payslip month, Node ${process.version}`);
const results = new Map<string, Figures>();
for (const method of methods) {
  const database = await openDatabase({});
  try {
    const f = await run(database, method);
    results.set(`pglite ${method}`, f);
    line(`PGlite (memory), ${method}`, f);
  } finally {
    await database.close();
  }
}

const url = process.env['DATABASE_URL'];
if (url) {
  for (const method of methods) {
    const { database, dispose } = await openScratchDatabase(url, 'esr_seed_bench');
    try {
      const f = await run(database, method);
      results.set(`postgres ${method}`, f);
      line(`PostgreSQL, ${method}`, f);
    } finally {
      await dispose();
    }
  }
  for (const method of methods) {
    const pg = results.get(`postgres ${method}`)!;
    const lite = results.get(`pglite ${method}`)!;
    console.log(`ratio PostgreSQL/PGlite (${method}): ${(pg.rows / pg.seconds / (lite.rows / lite.seconds)).toFixed(2)}× rows/s`);
  }
} else {
  console.log('(set DATABASE_URL to a PostgreSQL server to measure it too)');
}
