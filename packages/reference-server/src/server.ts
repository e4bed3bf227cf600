// `npm start` entry: migrate, seed a demo trust on first start, serve on 127.0.0.1.
// With ESR_PROCESSES=N (or "auto" = one per core) and PostgreSQL, N processes share the port (node:cluster):
// the server keeps no state between requests that matters for correctness, so any process can answer.
// Payroll runs go to a queue in the database; each process runs ESR_PAYROLL_WORKERS workers that claim
// batches from it (src/worker.ts runs more elsewhere).
import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createDemoIssuer, createVerifier, generateDemoSigningKey } from './auth/tokens.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { PgliteDataFolderError } from './db/pglite-folder.ts';
import { guardAgainstStrayDriverRejections } from './db/driver-guard.ts';
import { releaseStaleLeases, startPayrollWorkers, stopPayrollRuns } from './domain/payroll-runs/index.ts';
import { isSeeded, seedDatabase } from './seed/seed.ts';
import { progressBar } from './seed/progress.ts';

guardAgainstStrayDriverRejections();
const config = loadConfig();
if (config.processes > 1 && !config.databaseUrl) {
  throw new Error('ESR_PROCESSES > 1 needs PostgreSQL (DATABASE_URL): a PGlite data folder belongs to one process.');
}
const clustered = config.processes > 1;

if (clustered && cluster.isPrimary) await runPrimary();
else await runServer();

/** Cluster primary: prepares the database once, then starts and replaces the serving processes. */
async function runPrimary() {
  await (await prepareDatabase()).close();
  // One demo key for all processes, so a token from one verifies in every other.
  const demoKey = config.demo ? JSON.stringify(config.demoSigningKey ? JSON.parse(config.demoSigningKey) : await generateDemoSigningKey()) : undefined;
  let stopping = false;
  const fork = (index: number) => {
    const worker = cluster.fork({ ESR_PROCESS_INDEX: String(index), ...(demoKey ? { ESR_DEMO_SIGNING_KEY: demoKey } : {}) });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`server process ${index} exited (${signal ?? code}); starting another`);
      fork(index);
    });
  };
  for (let i = 0; i < config.processes; i++) fork(i);
  console.log(`${config.processes} server processes (node:cluster); rate limits are per process`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
}

async function open() {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch((error: unknown) => {
    // A damaged PGlite folder: the message says what to do; a stack trace would only hide it.
    if (error instanceof PgliteDataFolderError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  });
}

/** Migrates, and seeds a demo trust into an empty database. */
async function prepareDatabase() {
  const database = await open();
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`Database: ${where}`);
  if (!(await isSeeded(database.db))) {
    const summary = await seedDatabase(database, { staff: config.seedStaff, absence: true, learning: true, workforce: true, leave: true, onProgress: progressBar('Seeding demo trust') });
    console.log(`Seeded ${summary.employees} staff and ${summary.payslips} payslips in ${(summary.milliseconds / 1000).toFixed(1)} s`);
  }
  return database;
}

/** One serving process: the whole server, or one cluster process. */
async function runServer() {
  const database = clustered ? await open() : await prepareDatabase();
  const first = !clustered || process.env['ESR_PROCESS_INDEX'] === '0';

  // Payroll workers claim run batches from the database; runs cut short by a crash or restart carry on
  // from their last committed batch. ESR_PAYROLL_WORKERS=0 leaves the runs to worker processes.
  if (first) await releaseStaleLeases(database);
  const workers = config.payrollWorkers > 0
    ? startPayrollWorkers(database, { concurrency: config.payrollWorkers, onWorkerError: (error) => console.error('payroll worker:', error instanceof Error ? error.message : error) })
    : undefined;
  if (first) console.log(workers ? `Payroll workers: ${config.payrollWorkers} per server process` : 'Payroll workers: none here (ESR_PAYROLL_WORKERS=0); run src/worker.ts');

  const signingKey = config.demoSigningKey ? JSON.parse(config.demoSigningKey) : undefined;
  const demo = config.demo ? await createDemoIssuer(config.jwt.issuer, config.jwt.audience, signingKey) : undefined;
  const verifier = demo ?? (await createVerifier(config.jwt));
  const app = createApp({
    database,
    verifier,
    demo,
    corsOrigins: config.corsOrigins,
    web: { widgetsDir: config.widgetsDir },
    // The runs go to the queue: this process's workers (woken at once) or worker processes.
    payrollRuns: { inProcessWorker: false, onPlanned: () => workers?.wake() },
    // Only the error and request id: never headers, tokens or bodies.
    logError: (error, requestId) => console.error(`[${requestId}]`, error),
  });

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    if (!first) return;
    const url = `http://${info.address}:${info.port}`;
    console.log(`\nESR Kit reference server${config.demo ? ' (demo mode)' : ''}`);
    console.log(`  Demo page      ${url}/`);
    console.log(`  API reference  ${url}/docs`);
    console.log(`  OpenAPI        ${url}/openapi.json\n`);
  });

  // A clean shutdown checkpoints PGlite's WAL; killing it mid-write is how data folders break.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: shutting down`);
      server.close(async () => {
        await stopPayrollRuns();
        await database.close();
        process.exit(0);
      });
      setTimeout(() => process.exit(1), 10_000).unref();
    });
  }
}
