// Catalogue search latency (GET /v1/courses and /v1/courses/facets, in process through the whole app:
// auth, validation, full-text search, filters, facets) over a seeded 10k-course / 100k-session catalogue
// with bookings, on PGlite and (when DATABASE_URL is set) PostgreSQL. Representative queries, each run
// sequentially after a warm-up; p50 and p95, and the ratio to a trivial authenticated read
// (GET /v1/learning/subjects) on the same app as the baseline. Facets are also counted directly both ways
// (course_venue_summary and the sessions themselves) for a like-for-like comparison. Figures only, no assertions.
// Run from the repository root: node bench/catalogue-search.bench.ts [courses=10000] [sessions=100000] [rounds=40] [staff=5000] [engines=pglite,postgres]
import { createApp, createDemoIssuer, openScratchDatabase, seedDatabase } from '@esr/reference-server';
import type { Database } from '@esr/reference-server';
import { queryRows } from '../packages/reference-server/src/seed/bulk.ts';
import { courseFacets } from '../packages/reference-server/src/domain/learning/search.ts';
import type { CourseFilter } from '../packages/reference-server/src/domain/learning/search.ts';

const courses = Number(process.argv[2] ?? 10_000);
const sessions = Number(process.argv[3] ?? 100_000);
const rounds = Number(process.argv[4] ?? 40);
const staff = Number(process.argv[5] ?? 5000);
const engines = (process.argv[6] ?? 'pglite,postgres').split(',');
const asOf = new Date().toISOString().slice(0, 10);

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

async function benchEngine(label: string, database: Database): Promise<void> {
  const t0 = performance.now();
  const seeded = await seedDatabase(database, { seed: 1, staff, organisations: 1, asOf, payslipMonths: 0, learning: { courses, sessions, history: false } });
  if (database.engine === 'postgres') await database.exec('VACUUM ANALYZE courses, class_sessions, enrolments, course_venue_summary');
  const r = seeded.rowsByTable;
  console.log(`\n${label}: ${fmt(r['courses']!)} courses, ${fmt(r['class_sessions']!)} sessions, ${fmt(r['enrolments']!)} bookings; seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const demo = await createDemoIssuer();
  const app = createApp({ database, verifier: demo, rateLimit: false });
  const [someone] = await queryRows<{ id: string }>(database, `SELECT id FROM employees ORDER BY id LIMIT 1 OFFSET 10`);
  const token = await demo.sign({ sub: someone!.id, org: 'org_00', roles: [] });
  const headers = { authorization: `Bearer ${token}` };
  const get = async (path: string) => {
    const res = await app.request(path, { headers });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ data: unknown[]; nextCursor?: string | null }>;
  };
  const [venue] = await queryRows<{ venue: string }>(database, `SELECT venue FROM class_sessions GROUP BY venue ORDER BY count(*) DESC LIMIT 1`);
  const day = (days: number) => new Date(Date.parse(asOf) + days * 86_400_000).toISOString().slice(0, 10);
  const broad = await get('/v1/courses?q=care&limit=20');

  const queries: Array<[string, string]> = [
    ['baseline: GET /v1/learning/subjects', '/v1/learning/subjects'],
    ['q=sepsis (selective word)', '/v1/courses?q=sepsis'],
    ['q="life support" (phrase)', `/v1/courses?q=${encodeURIComponent('"life support"')}`],
    ['q=care (broad: ranks thousands)', '/v1/courses?q=care'],
    ['q=care, page 2 (cursor)', `/v1/courses?q=care&cursor=${broad.nextCursor}`],
    ['q=leadership, classroom/virtual, next 30 days', `/v1/courses?q=leadership&delivery=classroom,virtual&from=${day(0)}&to=${day(30)}`],
    ['category=Clinical skills, has places', `/v1/courses?category=${encodeURIComponent('Clinical skills')}&hasPlaces=true`],
    ['browse by title, no filters', '/v1/courses'],
    [`venue=${venue!.venue}, has places`, `/v1/courses?venue=${encodeURIComponent(venue!.venue)}&hasPlaces=true`],
    ['facets, no filters', '/v1/courses/facets'],
    ['facets, q=care + has places', '/v1/courses/facets?q=care&hasPlaces=true'],
  ];
  let baselineP50 = 0;
  console.log(`  ${'query'.padEnd(52)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}  hits  ×baseline`);
  for (const [name, path] of queries) {
    for (let i = 0; i < 3; i++) await get(path);
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      hits = (await get(path)).data.length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(rounds * 0.5)]!;
    const p95 = times[Math.min(rounds - 1, Math.floor(rounds * 0.95))]!;
    if (!baselineP50) baselineP50 = p50;
    console.log(`  ${name.slice(0, 52).padEnd(52)} ${p50.toFixed(1).padStart(6)} ms ${p95.toFixed(1).padStart(6)} ms  ${String(hits).padStart(4)}  ${(p50 / baselineP50).toFixed(1).padStart(6)}×`);
  }

  // The same facets counted from the sessions (how they were counted before course_venue_summary), called
  // directly in the same run: a like-for-like comparison on a machine whose load varies between runs.
  const facetsVia = (source: 'summary' | 'sessions', filter: CourseFilter) => async () => (await courseFacets(database.db, 'org_00', filter, new Date(), source)).length;
  const direct: Array<[string, () => Promise<number>]> = [
    ['facets direct, no filters: summary', facetsVia('summary', {})],
    ['facets direct, no filters: from sessions', facetsVia('sessions', {})],
    ['facets direct, q=care + places: summary', facetsVia('summary', { q: 'care', hasPlaces: true })],
    ['facets direct, q=care + places: from sessions', facetsVia('sessions', { q: 'care', hasPlaces: true })],
  ];
  for (const [name, run] of direct) {
    for (let i = 0; i < 3; i++) await run();
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      hits = await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(rounds * 0.5)]!;
    const p95 = times[Math.min(rounds - 1, Math.floor(rounds * 0.95))]!;
    console.log(`  ${name.slice(0, 52).padEnd(52)} ${p50.toFixed(1).padStart(6)} ms ${p95.toFixed(1).padStart(6)} ms  ${String(hits).padStart(4)}  ${(p50 / baselineP50).toFixed(1).padStart(6)}×`);
  }
}

console.log(`catalogue search: ${fmt(courses)} courses, ${fmt(sessions)} sessions, ${rounds} rounds per query, Node ${process.version}`);
if (engines.includes('pglite')) {
  const { database, dispose } = await openScratchDatabase(undefined, 'esr_catalogue_bench');
  try {
    await benchEngine('PGlite', database);
  } finally {
    await dispose();
  }
}
const url = process.env['DATABASE_URL'];
if (url && engines.includes('postgres')) {
  const { database, dispose } = await openScratchDatabase(url, 'esr_catalogue_bench');
  try {
    await benchEngine('PostgreSQL', database);
  } finally {
    await dispose();
  }
} else if (engines.includes('postgres')) {
  console.log('\nPostgreSQL: set DATABASE_URL to a server to include it (e.g. source scripts/postgres.sh; esr_pg_up)');
}
