// Workforce analytics endpoints on PostgreSQL: each GET /v1/analytics/… timed through the app (auth,
// validation, queries, JSON) for an HR admin of the largest trust (the whole organisation), its chief
// executive (the longest reporting line) and a ward manager (a short one), on a database seeded with
// leavers and 24 months of sickness. Goal: ≤ 2 s each at national size (1.4M staff in 70 trusts).
// Each timing is the median of 5 runs after a warm-up. Figures only, no assertions. Needs DATABASE_URL
// (a server; the bench creates and drops its own database).
// Run from the repository root: node bench/analytics.bench.ts [staff=100000] [organisations] (the lead runs 1400000)
// BENCH_DATABASE=name: that database on the server instead of a scratch one, kept afterwards. Seeded when
// empty; when it holds trusts seeded without leavers or sickness (e.g. payroll-run.bench.ts's, same
// staff and organisations), those are added with the seed's own hooks, so analytics runs on them.
import postgres from 'postgres';
import { createApp, createDemoIssuer, openDatabase, openScratchDatabase, seedDatabase } from '@esr/reference-server';
import type { Database } from '@esr/reference-server';
import { queryRows } from '../packages/reference-server/src/seed/bulk.ts';
import { seedAbsence } from '../packages/reference-server/src/seed/absence.ts';
import { organisationSizes } from '../packages/reference-server/src/seed/seed.ts';
import { organisationId } from '../packages/reference-server/src/seed/trust-generator.ts';
import { seedLeavers } from '../packages/reference-server/src/seed/workforce.ts';

const staff = Number(process.argv[2] ?? 100_000);
const asOf = '2026-11-25';
const url = process.env['DATABASE_URL'];
if (!url) {
  console.log('analytics: set DATABASE_URL to a PostgreSQL server (e.g. source scripts/postgres.sh; esr_pg_up)');
  process.exit(0);
}

async function median(run: () => Promise<Response> | Response, rounds = 5): Promise<{ ms: number; bytes: number; status: number }> {
  const first = await run();
  const bytes = (await first.arrayBuffer()).byteLength;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await (await run()).arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(rounds / 2)]!, bytes, status: first.status };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const organisations = Number(process.argv[3] ?? (staff >= 1_000_000 ? 70 : 1));
const keptDatabase = process.env['BENCH_DATABASE'];
if (keptDatabase !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(keptDatabase)) throw new Error(`BENCH_DATABASE must be a plain database name, got ${keptDatabase}`);

/** The kept database (created if missing), or a scratch one. */
async function open(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (!keptDatabase) return openScratchDatabase(url, 'esr_analytics_bench');
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${keptDatabase}`;
  if (!exists) await admin.unsafe(`CREATE DATABASE ${keptDatabase}`);
  await admin.end();
  const where = new URL(url!);
  where.pathname = `/${keptDatabase}`;
  const database = await openDatabase({ databaseUrl: where.href });
  return { database, dispose: () => database.close() };
}

/** Seeds the trusts with leavers and sickness, or adds those to trusts seeded without them (same seed, staff and organisations). */
async function seedForAnalytics(database: Database) {
  const [held] = await queryRows<{ orgs: number; leavers: number; episodes: number }>(
    database,
    `SELECT (SELECT count(*) FROM organisations)::int AS orgs, (SELECT count(*) FROM assignments WHERE leaving_reason IS NOT NULL)::int AS leavers,
            (SELECT count(*) FROM (SELECT 1 FROM sickness_episodes LIMIT 1) s)::int AS episodes`,
  );
  if (Number(held!.orgs) === 0) return seedDatabase(database, { seed: 1, totalStaff: staff, organisations, asOf, payslipMonths: 0, workforce: true, absence: true });
  if (Number(held!.orgs) !== organisations) throw new Error(`${keptDatabase} holds ${held!.orgs} organisations, not ${organisations}: pass the staff and organisations it was seeded with`);
  const sizes = organisationSizes(staff, organisations, 1);
  const rowsByTable: Record<string, number> = {};
  if (Number(held!.leavers) === 0) rowsByTable['leavers'] = (await seedLeavers(database, sizes.map((n, o) => ({ seed: 1, staff: n, organisationIndex: o, asOf })), { asOf })).leavers;
  if (Number(held!.episodes) === 0) rowsByTable['sickness_episodes'] = (await seedAbsence(database, { seed: 1, asOf, organisationIds: sizes.map((_, o) => organisationId(o)) })).episodes;
  const [people] = await queryRows<{ n: number }>(database, 'SELECT count(*)::int AS n FROM employees');
  return { employees: Number(people!.n), rowsByTable };
}

const { database, dispose } = await open();
try {
  const t = performance.now();
  const seeded = await seedForAnalytics(database);
  await database.exec('VACUUM ANALYZE');
  const [largest] = await queryRows<{ id: string; n: string }>(database, 'SELECT organisation_id AS id, count(*) AS n FROM assignments WHERE end_date IS NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1');
  const org = largest!.id;
  const [hr] = await queryRows<{ id: string }>(database, `SELECT id FROM employees WHERE organisation_id = $1 AND 'hr_admin' = ANY(roles) ORDER BY id LIMIT 1`, [org]);
  const [ceo] = await queryRows<{ id: string }>(database, `SELECT employee_id AS id FROM assignments WHERE organisation_id = $1 AND supervisor_employee_id IS NULL ORDER BY id LIMIT 1`, [org]);
  const [ward] = await queryRows<{ id: string; n: string }>(database, `
    SELECT a.supervisor_employee_id AS id, count(*) AS n FROM assignments a JOIN assignments m ON m.employee_id = a.supervisor_employee_id
     WHERE a.organisation_id = $1 AND m.job_title = 'Ward Manager' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`, [org]);
  console.log(`workforce analytics on PostgreSQL, Node ${process.version}`);
  console.log(`${fmt(seeded.employees)} staff in ${organisations} organisation(s) (+${fmt(seeded.rowsByTable['leavers'] ?? 0)} leavers, ${fmt(seeded.rowsByTable['sickness_episodes'] ?? 0)} sickness episodes), seeded in ${((performance.now() - t) / 1000).toFixed(0)} s; largest trust ${fmt(Number(largest!.n))} in post`);

  const demo = await createDemoIssuer();
  const app = createApp({ database, verifier: demo, demo, rateLimit: false });
  const callers = [
    { label: `HR admin, whole trust`, token: await demo.sign({ sub: hr!.id, org, roles: ['hr_admin'] }) },
    { label: `chief executive's line`, token: await demo.sign({ sub: ceo!.id, org, roles: [] }) },
    { label: `ward manager's line (${ward!.n} reports)`, token: await demo.sign({ sub: ward!.id, org, roles: [] }) },
  ];
  const paths = [
    '/v1/analytics/composition',
    '/v1/analytics/turnover?to=2026-10&months=12',
    '/v1/analytics/diversity?characteristic=ethnicity&by=orgUnit',
    '/v1/analytics/diversity?characteristic=religion&by=band',
    '/v1/analytics/absence?from=2025-11&months=12',
  ];
  for (const caller of callers) {
    console.log(`\n  ${caller.label}`);
    for (const path of paths) {
      const r = await median(() => app.request(path, { headers: { authorization: `Bearer ${caller.token}` } }));
      console.log(`    GET ${path.padEnd(62)} ${r.ms.toFixed(0).padStart(6)} ms  ${fmt(r.bytes).padStart(7)} bytes${r.status === 200 ? '' : `  status ${r.status}`}`);
    }
  }
} finally {
  await dispose();
}
