// Seeds synthetic trusts into PostgreSQL or a PGlite folder, from a demo trust to national scale.
//   node src/seed/cli.ts --staff 100000 --organisations 10 [--seed 1] [--as-of 2026-11-25]
//        [--payslip-months 1] [--database-url postgres://… | --data-dir path] [--append | --resume] [--even]
// Each organisation is one transaction. Interrupted (Ctrl-C, crash)? Finished organisations stay;
// rerun with the same options and --resume to carry on where it stopped, with identical results.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { queryRows } from './bulk.ts';
import { formatDuration, progressBar } from './progress.ts';
import { seedDatabase } from './seed.ts';
import type { SeedSummary } from './seed.ts';

const usage = `Usage: node src/seed/cli.ts --staff <n> [--organisations <n>] [--seed <n>] [--as-of YYYY-MM-DD]
         [--payslip-months <n>] [--database-url postgres://… | --data-dir <path>] [--append | --resume] [--even]
         [--learning [--courses <n>] [--sessions <n>]]

  --staff             staff in total, spread over the organisations (realistic spread of trust sizes)
  --organisations     number of organisations (default 1)
  --seed              random seed (default 1): the same options always give the same data
  --as-of             reference date for service lengths and payslips (default today, UTC)
  --payslip-months    newest monthly payslips per person (default: all since April 2025; 0 for none)
  --database-url      PostgreSQL to seed (default: $DATABASE_URL); otherwise the PGlite folder
  --data-dir          PGlite folder (default: the server's, $ESR_DATA_DIR or packages/reference-server/.data/pglite)
  --append            add organisations to a database that already has some
  --resume            carry on an interrupted run (same options): organisations already there are skipped
  --even              the same number of staff in every organisation
  --method            unnest (default) or values: how rows are inserted
  --rows-per-statement  rows per INSERT per table (default 1000 on PGlite, 5000 on PostgreSQL)
  --learning          also seed learning: CSTF requirements, catalogue, sessions, bookings, training history
  --courses           courses per organisation (default one per 20 staff, at least 60)
  --sessions          class sessions per organisation (default 10 per classroom or virtual course)`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        staff: { type: 'string' },
        organisations: { type: 'string', default: '1' },
        seed: { type: 'string', default: '1' },
        'as-of': { type: 'string' },
        'payslip-months': { type: 'string' },
        'database-url': { type: 'string' },
        'data-dir': { type: 'string' },
        append: { type: 'boolean', default: false },
        resume: { type: 'boolean', default: false },
        even: { type: 'boolean', default: false },
        method: { type: 'string', default: 'unnest' },
        'rows-per-statement': { type: 'string' },
        learning: { type: 'boolean', default: false },
        courses: { type: 'string' },
        sessions: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
})();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const whole = (name: string, raw: string | undefined, min: number): number | undefined => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number ≥ ${min}, got ${raw}`);
  return n;
};
const staff = whole('staff', values.staff, 1) ?? fail('--staff is required');
const organisationCount = whole('organisations', values.organisations, 1)!;
const seed = whole('seed', values.seed, 0)!;
const payslipMonths = whole('payslip-months', values['payslip-months'], 0);
const rowsPerStatement = whole('rows-per-statement', values['rows-per-statement'], 1);
const courses = whole('courses', values.courses, 1);
const sessions = whole('sessions', values.sessions, 0);
if ((courses !== undefined || sessions !== undefined) && !values.learning) fail('--courses and --sessions go with --learning');
const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) fail(`--as-of must be a date YYYY-MM-DD, got ${asOf}`);
if (values.method !== 'unnest' && values.method !== 'values') fail(`--method must be unnest or values, got ${values.method}`);
if (values.append && values.resume) fail('--append and --resume do not go together');
if (values.even && staff % organisationCount !== 0) fail(`--even needs --staff to divide by --organisations`);
const databaseUrl = values['database-url'] ?? process.env['DATABASE_URL'] ?? undefined;
if (databaseUrl && values['data-dir']) fail('give --database-url or --data-dir, not both');
if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) fail('--database-url must be a postgres:// URL');
const dataDir = databaseUrl ? undefined : (values['data-dir'] ?? loadConfig().dataDir);

/** A refusal to go on, reported after the database is closed cleanly. */
class Refusal extends Error {}

const database = await openDatabase({ databaseUrl, dataDir });
const where = databaseUrl ? `PostgreSQL ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}` : `PGlite in ${dataDir}`;
let exitCode = 0;
const abort = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  // First Ctrl-C: roll back the organisation in progress and close cleanly (a killed PGlite folder can
  // be left corrupt). Second: give up at once.
  if (++interrupts > 1) process.exit(130);
  console.error('\nInterrupted: rolling back the organisation in progress…');
  abort.abort();
});

try {
  const existing = await queryRows<{ id: string }>(database, 'SELECT id FROM organisations');
  let firstOrganisationIndex = 0;
  if (existing.length > 0 && !values.resume) {
    if (!values.append) throw new Refusal(`${where} already has ${existing.length} organisation(s): use --append to add more, or --resume to finish an interrupted run`);
    const indexes = existing.map((r) => /^org_([0-9a-z]+)$/.exec(r.id)?.[1]).filter((x): x is string => !!x).map((x) => parseInt(x, 36));
    firstOrganisationIndex = indexes.length ? Math.max(...indexes) + 1 : existing.length;
  }
  console.error(`Seeding ${staff.toLocaleString('en-GB')} staff in ${organisationCount} organisation(s) into ${where} (seed ${seed}, as of ${asOf}, ${payslipMonths === undefined ? 'all' : payslipMonths} payslip month(s))`);
  const summary: SeedSummary = await seedDatabase(database, {
    seed,
    organisations: organisationCount,
    ...(values.even ? { staff: staff / organisationCount } : { totalStaff: staff }),
    asOf,
    ...(payslipMonths !== undefined ? { payslipMonths } : {}),
    ...(rowsPerStatement !== undefined ? { rowsPerStatement } : {}),
    insertMethod: values.method,
    ...(values.learning ? { learning: { ...(courses !== undefined ? { courses } : {}), ...(sessions !== undefined ? { sessions } : {}) } } : {}),
    firstOrganisationIndex,
    skipExisting: values.resume,
    signal: abort.signal,
    onProgress: progressBar('Seeding'),
  });
  const seconds = summary.milliseconds / 1000;
  console.log(`\nSeeded ${summary.organisations} organisation(s)${summary.skipped ? ` (${summary.skipped} already there, skipped)` : ''} into ${where}`);
  console.log(`  staff        ${summary.employees.toLocaleString('en-GB')}`);
  console.log(`  payslips     ${summary.payslips.toLocaleString('en-GB')}`);
  console.log(`  rows         ${summary.rows.toLocaleString('en-GB')} in ${formatDuration(seconds)} (${Math.round(summary.rows / seconds).toLocaleString('en-GB')} rows/s)`);
  for (const [table, n] of Object.entries(summary.rowsByTable)) console.log(`    ${table.padEnd(28)} ${n.toLocaleString('en-GB').padStart(12)}`);
  console.log(`  peak memory  ${Math.round(process.resourceUsage().maxRSS / 1024)} MB RSS`);
} catch (error) {
  if (error instanceof Refusal) {
    console.error(error.message);
    exitCode = 2;
  } else if (abort.signal.aborted) {
    const [row] = await queryRows<{ n: number | string }>(database, 'SELECT count(*) AS n FROM organisations');
    console.error(`Stopped. ${row?.n ?? 0} organisation(s) in the database; rerun with the same options and --resume to finish.`);
    exitCode = 130;
  } else {
    console.error(error);
    exitCode = 1;
  }
} finally {
  await database.close();
}
process.exit(exitCode);
