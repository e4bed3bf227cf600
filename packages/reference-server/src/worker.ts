// `node src/worker.ts`: a payroll worker process. It claims batches of running payroll runs from
// PostgreSQL (FOR UPDATE SKIP LOCKED, under a lease it renews) and commits each with its payslips. Start
// as many as the machine (or machines) allow, beside API servers started with ESR_PAYROLL_WORKERS=0; a worker
// that dies loses nothing: its batches go to another worker when their lease runs out.
//   DATABASE_URL            the PostgreSQL server (required: a PGlite folder belongs to one process)
//   ESR_PAYROLL_WORKERS     workers in this process (default 1; more only helps while Node waits on I/O)
//   ESR_WORKER_LEASE_SECONDS lease on a claimed batch, renewed every third of it (default 30)
//   ESR_WORKER_POLL_MS      how often an idle worker looks for work (default 500)
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { guardAgainstStrayDriverRejections } from './db/driver-guard.ts';
import { startPayrollWorkers, stopPayrollRuns } from './domain/payroll-runs/index.ts';

guardAgainstStrayDriverRejections();
const config = loadConfig();
if (!config.databaseUrl) {
  console.error(
    'src/worker.ts needs DATABASE_URL (postgres://…): an embedded PGlite data folder can be opened by one process only.\n' +
      'With PGlite, the server runs payroll itself: start it with ESR_PAYROLL_WORKERS=1 (the default).',
  );
  process.exit(2);
}
const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${process.env[name]}`);
  return value;
};

const database = await openDatabase({ databaseUrl: config.databaseUrl });
const workers = startPayrollWorkers(database, {
  concurrency: Math.max(1, config.payrollWorkers),
  leaseSeconds: positive('ESR_WORKER_LEASE_SECONDS', 30),
  pollMs: positive('ESR_WORKER_POLL_MS', 500),
  onWorkerError: (error) => console.error('payroll worker:', error instanceof Error ? error.message : error),
});
// The workers' timers do not hold the process open (they must not in tests); this does, until a signal.
const keepAlive = setInterval(() => {}, 1 << 30);
console.log(`Payroll worker ${process.pid}: ${workers.ids.length} worker(s) on PostgreSQL, waiting for runs`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    setTimeout(() => process.exit(1), 10_000).unref();
    await stopPayrollRuns(); // after the batches being committed; the rest stay queued
    await database.close();
    process.exit(0);
  });
}
