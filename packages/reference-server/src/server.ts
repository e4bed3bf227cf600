// `npm start` entry: migrate, seed a demo trust on first start, serve on 127.0.0.1.
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createDemoIssuer, createVerifier } from './auth/tokens.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { resumeInterruptedRuns, stopPayrollRuns } from './domain/payroll-runs/index.ts';
import { isSeeded, seedDatabase } from './seed/seed.ts';
import { progressBar } from './seed/progress.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
console.log(`Database: ${where}`);

if (!(await isSeeded(database.db))) {
  const summary = await seedDatabase(database, { staff: config.seedStaff, absence: true, learning: true, onProgress: progressBar('Seeding demo trust') });
  console.log(`Seeded ${summary.employees} staff and ${summary.payslips} payslips in ${(summary.milliseconds / 1000).toFixed(1)} s`);
}

// Runs cut short by a crash or restart carry on from their last committed batch.
const resumed = await resumeInterruptedRuns(database);
if (resumed.length) console.log(`Resuming payroll runs: ${resumed.join(', ')}`);

const demo = config.demo ? await createDemoIssuer(config.jwt.issuer, config.jwt.audience) : undefined;
const verifier = demo ?? (await createVerifier(config.jwt));
const app = createApp({
  database,
  verifier,
  demo,
  corsOrigins: config.corsOrigins,
  web: { widgetsDir: config.widgetsDir },
  // Only the error and request id: never headers, tokens or bodies.
  logError: (error, requestId) => console.error(`[${requestId}]`, error),
});

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
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
