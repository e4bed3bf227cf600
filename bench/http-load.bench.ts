// HTTP load against the real server (`src/server.ts`, its own process) on 127.0.0.1 with autocannon:
// hot reads (latest payslip, approvals inbox, catalogue search when the route exists) and writes (create a
// leave request, approve it from the inbox) by many distinct seeded users, each with their own token.
// Beside them, Hono's own hello world on @hono/node-server in the same run, as the ratio's baseline.
// PGlite (data folder) always; PostgreSQL when DATABASE_URL is set. Figures only, no assertions.
//
// Run: node bench/http-load.bench.ts [seconds=5] [connections=50] [staff=2000] [workers=1]
//   workers > 1 runs the server (and the hello world) as that many node:cluster processes (PostgreSQL only).
//   BENCH_CPU_PROF_DIR=/tmp/prof writes a CPU profile of each server process (node --cpu-prof).
//   BENCH_ENGINE=pglite or postgres runs one engine only.
//   BENCH_ONLY=payslip,courses,inbox,create,decision runs only those routes (e.g. one hot read per profile);
//   without `create` the inbox lists the seeded pending leave requests only.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDemoIssuer, generateDemoSigningKey, openDatabase, openScratchDatabase, seedDatabase } from '@esr/reference-server';
import type { Database, DemoIssuer } from '@esr/reference-server';

const seconds = Number(process.argv[2] ?? 5);
const connections = Number(process.argv[3] ?? 50);
const staff = Number(process.argv[4] ?? 2000);
const workers = Number(process.argv[5] ?? 1);
const profileDir = process.env['BENCH_CPU_PROF_DIR'];
const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim());
const runs = (route: 'payslip' | 'courses' | 'inbox' | 'create' | 'decision') => !only || only.includes(route);
// BENCH_SERVER_ENTRY: another checkout's src/server.ts, to compare versions of the server under the same load.
const serverEntry = process.env['BENCH_SERVER_ENTRY'] ?? fileURLToPath(new URL('../packages/reference-server/src/server.ts', import.meta.url));

interface Result {
  name: string;
  rps: number;
  /** Server CPU (user + system, all its processes) per response, in µs: steadier than req/s on a shared machine. */
  cpuMicros: number | null;
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  statuses: Map<number, number>;
  /** Requests with no answer within autocannon's 10 s timeout, or failed connections. */
  timeouts: number;
  errors: number;
}

interface Step {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Starts a server process and resolves with its base URL once it prints where it listens. */
function startProcess(args: string[], env: NodeJS.ProcessEnv, label: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        child.stdout!.off('data', onData);
        resolve({ base: `http://127.0.0.1:${m[1]}`, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${label}] ${chunk}`));
    child.once('exit', (code) => reject(new Error(`${label} exited (${code}) before listening:\n${out}`)));
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** CPU seconds used so far by a process and its children (cluster workers), from /proc; null elsewhere. */
function cpuSeconds(pid: number): number | null {
  try {
    const ticks = (p: number): number => {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const own = Number(fields[11]) + Number(fields[12]);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      return own + children.reduce((sum, c) => sum + ticks(c), 0);
    };
    return ticks(pid) / 100; // USER_HZ
  } catch {
    return null;
  }
}

const profileArgs = (name: string) => (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-${Date.now()}-\${pid}.cpuprofile`] : []);

/** One autocannon run: `next()` gives each request; `amount` stops after that many instead of after `seconds`. */
async function load(name: string, base: string, pid: number, next: () => Step, options: { amount?: number; warmup?: boolean } = {}): Promise<Result> {
  if (options.warmup !== false) await run(base, next, { duration: 1 });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const summary = await run(base, next, options.amount ? { amount: options.amount } : { duration: seconds }, (status, ms) => {
    latencies.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(pid);
  const cpuMicros = cpuBefore === null || cpuAfter === null || latencies.length === 0 ? null : ((cpuAfter - cpuBefore) * 1e6) / latencies.length;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const ok = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
  return { name, rps: latencies.length / elapsed, cpuMicros, p50: q(0.5), p95: q(0.95), p99: q(0.99), ok, statuses, timeouts: summary.timeouts, errors: summary.errors - summary.timeouts };
}

function run(base: string, next: () => Step, limit: { duration?: number; amount?: number }, onResponse?: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: limit.amount ? Math.min(connections, limit.amount) : connections,
        ...limit,
        requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', headers: {}, ...next() }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Working days from two weeks ahead (weekends and the Christmas/New Year bank holidays skipped). */
function leaveDates(count: number): string[] {
  const dates: string[] = [];
  const day = new Date(Date.now() + 14 * 86_400_000);
  while (dates.length < count) {
    const iso = day.toISOString().slice(0, 10);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !/-(12-2[56]|01-01)$/.test(iso)) dates.push(iso);
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return dates;
}

interface People {
  employees: Array<{ id: string; org: string }>;
  /** Line managers (someone's supervisor): they have an approvals inbox. */
  managers: Array<{ id: string; org: string }>;
}

async function peopleOf(database: Database): Promise<People> {
  const rows = async <T>(q: string) => {
    const r = (await database.db.execute(sql.raw(q))) as unknown;
    return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
  };
  const employees = await rows<{ id: string; org: string }>(
    `SELECT e.id, e.organisation_id AS org FROM employees e WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.employee_id = e.id AND a.supervisor_employee_id IS NOT NULL AND a.end_date IS NULL) ORDER BY e.id`,
  );
  const managers = await rows<{ id: string; org: string }>(
    `SELECT DISTINCT e.id, e.organisation_id AS org FROM assignments a JOIN employees e ON e.id = a.supervisor_employee_id WHERE a.end_date IS NULL ORDER BY e.id`,
  );
  return { employees, managers };
}

const fmt = (r: Result, hello: Result) => {
  const errors = [...[...r.statuses].filter(([s]) => s < 200 || s >= 300).map(([s, c]) => `${s}×${c}`), ...(r.timeouts ? [`timeout×${r.timeouts}`] : []), ...(r.errors ? [`error×${r.errors}`] : [])].join(' ');
  const cpu = `${r.cpuMicros === null ? '–' : Math.round(r.cpuMicros)} µs`.padStart(9);
  return `  ${r.name.padEnd(34)} ${Math.round(r.rps).toString().padStart(6)} req/s  ${(r.rps / hello.rps).toFixed(3).padStart(6)}×  ${cpu}  p50 ${r.p50.toFixed(1).padStart(5)}  p95 ${r.p95.toFixed(1).padStart(5)}  p99 ${r.p99.toFixed(1).padStart(5)} ms${errors ? `  non-2xx ${errors}` : ''}`;
};

async function benchEngine(label: string, serverEnv: NodeJS.ProcessEnv, people: People, issuer: DemoIssuer, signingKey: string) {
  const engineWorkers = serverEnv['DATABASE_URL'] ? workers : 1;
  const cpus = Math.min(engineWorkers, availableParallelism());
  console.log(`\n${label}: ${engineWorkers} server process${engineWorkers > 1 ? 'es' : ''}, ${people.employees.length} employees, ${people.managers.length} managers with an inbox`);
  const tokens = new Map<string, string>();
  for (const p of [...people.employees, ...people.managers]) if (!tokens.has(p.id)) tokens.set(p.id, await issuer.sign({ sub: p.id, org: p.org, roles: [] }));
  const employeeTokens = people.employees.map((p) => tokens.get(p.id)!);
  const managerTokens = people.managers.map((p) => tokens.get(p.id)!);

  const hello = await startProcess([...profileArgs('hello'), fileURLToPath(import.meta.url), '--hello-server', String(engineWorkers)], { ...process.env }, 'hello');
  const helloResult = await load('Hono hello world (baseline)', hello.base, hello.child.pid!, () => ({ path: '/' }));
  await stopProcess(hello.child);

  const server = await startProcess([...profileArgs(label.startsWith('PG') ? 'pglite' : 'postgres'), serverEntry], {
    ...serverEnv,
    HOST: '127.0.0.1',
    PORT: '0',
    ESR_DEMO: '1',
    ESR_DEMO_SIGNING_KEY: signingKey,
    ESR_PROCESSES: String(engineWorkers),
  }, 'server');
  const base = server.base;
  const pid = server.child.pid!;
  const results: Result[] = [];
  let i = 0;
  const pick = <T>(list: T[]) => list[i++ % list.length]!;

  if (runs('payslip')) results.push(await load('GET /v1/me/payslips/latest', base, pid, () => ({ path: '/v1/me/payslips/latest', headers: bearer(pick(employeeTokens)) })));

  const openapi = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
  if (!runs('courses')) {
    // not asked for
  } else if (openapi.paths['/v1/courses']) {
    const words = ['safeguarding', 'fire safety', 'life support', 'infection', 'moving and handling', 'information governance', 'equality', 'conflict'];
    results.push(await load('GET /v1/courses?q=', base, pid, () => ({ path: `/v1/courses?q=${encodeURIComponent(pick(words))}`, headers: bearer(pick(employeeTokens)) })));
  } else {
    console.log('  (GET /v1/courses is not on this server yet: catalogue search skipped)');
  }

  // Writes: each employee asks for the next free working day in turn (one hour, so balances last).
  const dates = leaveDates(200);
  const nextDate = new Map<string, number>();
  let w = 0;
  const leaveWrite = (): Step => {
    const person = people.employees[w++ % people.employees.length]!;
    const n = nextDate.get(person.id) ?? 0;
    nextDate.set(person.id, n + 1);
    return {
      method: 'POST',
      path: `/v1/people/${person.id}/leave-requests`,
      headers: { ...bearer(tokens.get(person.id)!), 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ type: 'annual', startDate: dates[n % dates.length], unit: 'hours', minutes: 60, reason: 'Load test' }),
    };
  };
  if (runs('create')) results.push(await load('POST leave request (create)', base, pid, leaveWrite));

  if (runs('inbox')) results.push(await load('GET /v1/approvals (inbox)', base, pid, () => ({ path: '/v1/approvals?box=pending&limit=25', headers: bearer(pick(managerTokens)) })));

  // Decisions: every pending item of every manager, each approved exactly once with its ETag.
  const pending: Step[] = [];
  for (const manager of runs('decision') ? people.managers : []) {
    let cursor: string | null = null;
    do {
      const res = await fetch(`${base}/v1/approvals?box=pending&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: bearer(tokens.get(manager.id)!) });
      const page = (await res.json()) as { data: Array<{ id: string; version: number }>; nextCursor: string | null };
      for (const item of page.data) {
        pending.push({
          method: 'POST',
          path: `/v1/approvals/${item.id}/decision`,
          headers: { ...bearer(tokens.get(manager.id)!), 'content-type': 'application/json', 'if-match': `"v${item.version}"`, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ action: 'approve' }),
        });
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  // Interleave managers so concurrent decisions are mostly for different people.
  pending.sort(() => Math.random() - 0.5);
  let d = 0;
  if (pending.length > 0) results.push(await load('POST approval decision (approve)', base, pid, () => pending[d++ % pending.length]!, { amount: pending.length, warmup: false }));

  await stopProcess(server.child);

  console.log(`  ${'route'.padEnd(34)} ${'req/s'.padStart(12)}  ${'÷hello'.padStart(7)}  ${'CPU/req'.padStart(9)}  latency (ms)`);
  console.log(fmt(helloResult, helloResult));
  for (const r of results) console.log(fmt(r, helloResult));
  const latest = results[0];
  if (latest?.name.includes('payslips/latest')) console.log(`  payslip reads per vCPU used by the server: ${Math.round(latest.rps / cpus)} req/s measured (${cpus} process${cpus > 1 ? 'es' : ''}; the load generator and database share the machine)` +
    (latest.cpuMicros ? `; ${Math.round(1e6 / latest.cpuMicros)} req/s per CPU-second the server used` : ''));
  return results;
}

async function main() {
  console.log(`HTTP load: autocannon ${connections} connections, ${seconds} s per route (+1 s warm-up), ${staff} staff, Node ${process.version}, ${availableParallelism()} CPUs`);
  if (profileDir) console.log(`CPU profiles of the server processes → ${profileDir}`);
  const signingKey = JSON.stringify(await generateDemoSigningKey());
  const issuer = await createDemoIssuer('esr-kit-demo', 'esr-kit', JSON.parse(signingKey));
  const asOf = new Date().toISOString().slice(0, 10);

  // PGlite: seeded here into a data folder that the server process then opens (one process per folder).
  const engine = process.env['BENCH_ENGINE'];
  if (engine !== 'postgres') {
    const dataDir = mkdtempSync(join(tmpdir(), 'esr-load-'));
    try {
      const database = await openDatabase({ dataDir });
      await seedDatabase(database, { staff, asOf, learning: true, leave: true });
      const people = await peopleOf(database);
      await database.close();
      const env: NodeJS.ProcessEnv = { ...process.env, ESR_DATA_DIR: dataDir };
      delete env['DATABASE_URL'];
      await benchEngine('PGlite (data folder)', env, people, issuer, signingKey);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  const url = process.env['DATABASE_URL'];
  if (engine === 'pglite') return;
  if (url) {
    const { database, url: dbUrl, dispose } = await openScratchDatabase(url, 'esr_load');
    try {
      await seedDatabase(database, { staff, asOf, learning: true, leave: true });
      const people = await peopleOf(database);
      await benchEngine('PostgreSQL', { ...process.env, DATABASE_URL: dbUrl }, people, issuer, signingKey);
    } finally {
      await dispose();
    }
  } else {
    console.log('\n(set DATABASE_URL, or run `npm run bench`, to include PostgreSQL)');
  }
}

// ── Hono's hello world (this file run with --hello-server): the baseline every figure is divided by ──
if (process.argv[2] === '--hello-server') {
  const n = Number(process.argv[3] ?? 1);
  if (n > 1 && cluster.isPrimary) {
    for (let i = 0; i < n; i++) cluster.fork({ HELLO_INDEX: String(i) });
  } else {
    const app = new Hono();
    app.get('/', (c) => c.text('Hello Hono!'));
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env['HELLO_PORT'] ?? 0) }, (info) => {
      if ((process.env['HELLO_INDEX'] ?? '0') === '0') console.log(`listening http://127.0.0.1:${info.port}/`);
    });
    process.on('SIGTERM', () => server.close(() => process.exit(0)));
  }
} else {
  await main();
}
