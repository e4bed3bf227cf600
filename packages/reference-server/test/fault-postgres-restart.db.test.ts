// PostgreSQL stopped and restarted under load: the server is not restarted and recovers by itself.
// While the database is down, requests fail fast with 503 problem+json (Retry-After), never a 500 or a
// hang; once it is back they succeed on the same connection pool; a payroll run in progress across
// the outage completes with one payslip per assignment. Runs on a PostgreSQL server of its own
// (the shared test server stays up), in the PostgreSQL pass of the suite.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { createDemoIssuer } from '../src/auth/tokens.ts';
import { openDatabase } from '../src/db/database.ts';
import { driverRejectionHandler } from '../src/db/driver-guard.ts';
import { rowsOf } from '../src/db/migrate.ts';
import { startRun, waitForRunEnd } from '../src/domain/payroll-runs/index.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { asOf, readProblem } from './helpers/harness.ts';
import { canRunOwnPostgres, startOwnPostgres } from './helpers/own-postgres.ts';

if (process.env['DATABASE_URL'] && canRunOwnPostgres()) {
  test('PostgreSQL restarted under load: 503 problem+json while it is down, then served again without a server restart', { timeout: 240_000 }, async () => {
    const pg = await startOwnPostgres();
    let loading = false;
    // As in src/server.ts: stray connection errors of the driver are logged, not fatal (see
    // db/driver-guard.ts). The test runner's own listener would fail the test on them, so it steps
    // aside for the duration; any other unhandled rejection still fails the test.
    const runnerListeners = process.listeners('unhandledRejection');
    const others: unknown[] = [];
    const strays: string[] = [];
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', driverRejectionHandler((m) => strays.push(m), (reason) => others.push(reason)));
    const database = await openDatabase({ databaseUrl: pg.url });
    try {
      await seedDatabase(database, { staff: 60, organisations: 1, asOf, payslipMonths: 2 });
      const demo = await createDemoIssuer();
      const app = createApp({ database, verifier: demo, demo, rateLimit: false });
      const [person] = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT employee_id AS id FROM payslips ORDER BY employee_id LIMIT 1`));
      const [admin] = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM employees WHERE 'payroll_admin' = ANY(roles) ORDER BY id LIMIT 1`));
      const token = await demo.sign({ sub: person!.id, org: 'org_00', roles: [] });
      const read = async () => {
        const started = performance.now();
        const res = await app.request('/v1/me/payslips/latest', { headers: { authorization: `Bearer ${token}` } });
        return { res, ms: performance.now() - started };
      };
      assert.equal((await read()).res.status, 200);

      // A payroll run that spans the outage: small batches, slowed down.
      const run = await startRun(
        database.db,
        { principal: { employeeId: admin!.id, organisationId: 'org_00', roles: ['payroll_admin'] }, requestId: null, ip: null },
        { taxYear: '2026-27', periodNumber: 8, payDate: '2026-11-27' },
        { batchSize: 2, pollMs: 100, onBatch: async (e) => { if (e.phase === 'committed') await new Promise((r) => setTimeout(r, 150)); } },
      );

      // Load: 4 clients reading continuously; every answer must be 200 or 503 problem+json.
      const statuses = new Map<number, number>();
      loading = true;
      const load = Promise.all(
        Array.from({ length: 4 }, async () => {
          while (loading) {
            const { res } = await read();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status === 503) await readProblem(res);
            else await res.arrayBuffer();
            await new Promise((r) => setTimeout(r, 5));
          }
        }),
      );

      await pg.stop();
      // Down: each request fails fast with a 503 that says to retry.
      for (let i = 0; i < 5; i++) {
        const { res, ms } = await read();
        assert.equal(res.status, 503);
        assert.equal(res.headers.get('retry-after'), '5');
        const problem = await readProblem(res);
        assert.equal(problem['code'], 'service_unavailable');
        assert.ok(ms < 2_000, `fails fast (${Math.round(ms)} ms)`);
      }
      await pg.start();
      // Back: the same app and pool serve again within a few seconds.
      let recovered = false;
      for (let i = 0; i < 100 && !recovered; i++) {
        const { res } = await read();
        recovered = res.status === 200;
        await res.arrayBuffer();
        if (!recovered) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(recovered, 'reads succeed again after the database came back');

      // And a restart in one go (pg_ctl restart) under the same load.
      await pg.restart();
      await new Promise((r) => setTimeout(r, 500));
      loading = false;
      await load;
      assert.deepEqual([...statuses.keys()].filter((s) => s !== 200 && s !== 503), [], `only 200 and 503 under the restarts: ${JSON.stringify([...statuses])}`);
      assert.ok((statuses.get(503) ?? 0) > 0 && (statuses.get(200) ?? 0) > 0, JSON.stringify([...statuses]));
      const after = await read();
      assert.equal(after.res.status, 200);

      // The payroll run carried on across both outages: whole, once.
      assert.equal(await waitForRunEnd(database, run.id), 'completed');
      const [check] = rowsOf<{ slips: number; distinct: number; eligible: number; processed: number }>(
        await database.db.execute(sql`
          SELECT (SELECT count(*)::int FROM payslips WHERE payroll_run_id = ${run.id}) AS slips,
                 (SELECT count(DISTINCT assignment_id)::int FROM payslips WHERE payroll_run_id = ${run.id}) AS distinct,
                 (SELECT count(*)::int FROM assignments WHERE start_date <= '2026-12-05' AND (end_date IS NULL OR end_date >= '2026-11-06')) AS eligible,
                 (SELECT processed FROM payroll_runs WHERE id = ${run.id}) AS processed`),
      );
      assert.equal(check!.slips, check!.eligible, 'one payslip per eligible assignment');
      assert.equal(check!.distinct, check!.slips, 'no duplicates');
      assert.equal(check!.processed, check!.eligible);
      assert.deepEqual(others, [], 'no unhandled rejection but the driver\'s stray connection errors');
      if (strays.length) console.log(`(${strays.length} stray driver connection errors logged)`);
    } finally {
      process.removeAllListeners('unhandledRejection');
      for (const listener of runnerListeners) process.on('unhandledRejection', listener);
      loading = false;
      await database.close().catch(() => {});
      pg.destroy();
    }
  });
}
