// GET /v1/me/payslips/latest over real HTTP on 127.0.0.1: requests/s and latency with concurrent
// clients, on PGlite and (when DATABASE_URL is set) PostgreSQL, against a hello-world route on the same
// server as the baseline. Also prints how fast the demo trust seeds. Figures only, no assertions.
// Run: node bench/payslip-api.bench.ts [seconds=5] [concurrency=32] [staff=2000]
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, createDemoIssuer, openDatabase, openScratchDatabase, seedDatabase } from '@esr/reference-server';
import type { Database } from '@esr/reference-server';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 32);
const staff = Number(process.argv[4] ?? 2000);

async function load(url: string, headers: Record<string, string>): Promise<{ rps: number; p50: number; p95: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) errors++;
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { rps: latencies.length / elapsed, p50: q(0.5), p95: q(0.95), p99: q(0.99), errors };
}

async function benchEngine(label: string, database: Database) {
  const seeded = await seedDatabase(database, { staff, asOf: '2026-11-25' });
  const rows = seeded.employees * 4 + seeded.payslips;
  console.log(`${label}: seeded ${seeded.employees} staff, ${seeded.payslips} payslips in ${(seeded.milliseconds / 1000).toFixed(2)} s (${Math.round(rows / (seeded.milliseconds / 1000))} rows/s)`);
  const demo = await createDemoIssuer();
  // One user hammers one route: the per-user rate limit would answer 429, so it is off here.
  const app = createApp({ database, verifier: demo, demo, rateLimit: false });
  app.get('/baseline', (c) => c.json({ ok: true }));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  // Different employees across requests would be fairer to caches; one is the worst case for none.
  const token = await demo.sign({ sub: 'emp_000000100', org: 'org_00', roles: [] });
  const baseline = await load(`${base}/baseline`, {});
  const latest = await load(`${base}/v1/me/payslips/latest`, { authorization: `Bearer ${token}` });
  const fmt = (r: typeof latest) => `${Math.round(r.rps).toString().padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}`;
  console.log(`  hello-world baseline      ${fmt(baseline)}`);
  console.log(`  GET /v1/me/payslips/latest ${fmt(latest)}`);
  console.log(`  ratio payslip/baseline    ${(latest.rps / baseline.rps).toFixed(2)}×`);
  server.close();
  return latest.rps;
}

console.log(`payslip API: ${seconds} s per run, ${concurrency} concurrent clients, Node ${process.version}`);
const pgliteDb = await openDatabase({});
const pgliteRps = await benchEngine('PGlite (in memory)', pgliteDb);
await pgliteDb.close();

const url = process.env['DATABASE_URL'];
if (url) {
  const { database: pg, dispose } = await openScratchDatabase(url, 'esr_bench');
  const pgRps = await benchEngine('PostgreSQL', pg);
  await dispose();
  console.log(`PostgreSQL/PGlite throughput ratio: ${(pgRps / pgliteRps).toFixed(2)}×`);
} else {
  console.log('(set DATABASE_URL, or run `npm run bench`, to include PostgreSQL)');
}
