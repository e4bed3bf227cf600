// kill -9 of the server during a burst of HTTP writes, then a restart: every write the server
// acknowledged is there exactly once, and so is its Idempotency-Key record (a retry replays it).
// The writes are leave-balance adjustments (an HR admin's POST with Idempotency-Key): each adds a row
// and moves the balance, so a partial write would show as a balance that disagrees with its rows.
//
// This file is also the child: with ESR_FAULT_SERVER set to a PGlite data folder or a PostgreSQL URL
// it serves the API on 127.0.0.1 (seeding a small trust on first start) until it is killed.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Logger } from 'drizzle-orm/logger';
import { createApp } from '../src/app.ts';
import type { Database, Db } from '../src/db/database.ts';
import { schema } from '../src/db/schema.ts';
import { createDemoIssuer } from '../src/auth/tokens.ts';
import { rowsOf } from '../src/db/migrate.ts';
import { isSeeded, seedDatabase } from '../src/seed/seed.ts';
import { asOf, engine } from './helpers/harness.ts';
import { exited, faultTarget, openTarget, spawnChild, waitForOutput } from './helpers/fault-target.ts';

const childTarget = process.env['ESR_FAULT_SERVER'];

if (childTarget) {
  const opened = await openTarget(childTarget);
  if (!(await isSeeded(opened.db))) await seedDatabase(opened, { staff: 40, organisations: 1, asOf });
  // ESR_FAULT_KILL_AT_KEY_STORE: the process kills itself (-9) as it is about to store a response under
  // its Idempotency-Key, i.e. after the handler's write and before the key's record of it.
  const database = process.env['ESR_FAULT_KILL_AT_KEY_STORE'] ? killingAtKeyStore(opened) : opened;
  const demo = await createDemoIssuer();
  const app = createApp({ database, verifier: demo, demo, rateLimit: false });
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(`listening on ${info.port}`));
} else {
  const self = fileURLToPath(import.meta.url);
  const WRITES = 80;
  const KILL_AFTER_ACKS = 20;
  const CONCURRENCY = 8;

  async function startServer(target: string) {
    const child = spawnChild(self, { ESR_FAULT_SERVER: target });
    const [, port] = await waitForOutput(child, /listening on (\d+)/);
    const base = `http://127.0.0.1:${port}`;
    const people = async (role: string) => ((await (await fetch(`${base}/v1/demo/people?role=${role}&limit=5`)).json()) as { data: Array<{ employeeId: string }> }).data;
    const [admin] = await people('hr_admin');
    const [employee] = await people('employee');
    const signIn = await fetch(`${base}/v1/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId: admin!.employeeId }) });
    const { token } = (await signIn.json()) as { token: string };
    const adjust = (key: string) =>
      fetch(`${base}/v1/people/${employee!.employeeId}/leave-adjustments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
        body: JSON.stringify({ kind: 'annual', minutes: 15, reason: key, on: asOf }),
      });
    return { child, adjust, employeeId: employee!.employeeId };
  }

  test(`${engine}: kill -9 during a burst of writes, restart: every acknowledged write is there exactly once`, { timeout: 240_000 }, async () => {
    const target = await faultTarget('esr-burst');
    try {
      const first = await startServer(target.target);
      const acknowledged = new Set<string>();
      const keys = Array.from({ length: WRITES }, (_, i) => `burst-${i}`);
      let next = 0;
      let killed = false;
      // CONCURRENCY clients write until the server dies under them.
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < keys.length) {
            const key = keys[next++]!;
            try {
              const res = await first.adjust(key);
              if (res.status === 201) acknowledged.add(key);
              else assert.fail(`${key}: ${res.status} ${await res.text()}`);
            } catch {
              // Connection reset by the kill: not acknowledged.
            }
            if (!killed && acknowledged.size >= KILL_AFTER_ACKS) {
              killed = true;
              first.child.kill('SIGKILL');
            }
          }
        }),
      );
      assert.equal(await exited(first.child), 'SIGKILL');
      assert.ok(acknowledged.size >= KILL_AFTER_ACKS && acknowledged.size < WRITES, `killed mid-burst (${acknowledged.size} acknowledged)`);

      // Restart on the same data: acknowledged keys replay their stored response; the rest either
      // run now, replay, or are reported in flight (the killed request's key, until its timeout).
      const second = await startServer(target.target);
      const retried = new Map<string, number>();
      for (const key of keys) {
        const res = await second.adjust(key);
        await res.arrayBuffer();
        retried.set(key, res.status);
        if (acknowledged.has(key)) {
          assert.equal(res.status, 201, `${key} was acknowledged: its retry replays`);
          assert.equal(res.headers.get('idempotent-replayed'), 'true', `${key} replayed, not written again`);
        } else {
          assert.ok([201, 409].includes(res.status), `${key}: ${res.status}`);
        }
      }
      second.child.kill('SIGTERM');
      await exited(second.child);

      const database = await target.open();
      try {
        const rows = rowsOf<{ reason: string; n: number }>(
          await database.db.execute(sql`SELECT reason, count(*)::int AS n FROM leave_adjustments WHERE employee_id = ${second.employeeId} GROUP BY reason`),
        );
        const byKey = new Map(rows.map((r) => [r.reason, Number(r.n)]));
        for (const key of acknowledged) assert.equal(byKey.get(key), 1, `acknowledged ${key} is there exactly once`);
        for (const [key, n] of byKey) assert.equal(n, 1, `${key} written once`);
        for (const [key, status] of retried) if (status === 201) assert.equal(byKey.get(key), 1, `${key} is there after its retry`);
        // No partial write: the balance moved by exactly the rows that exist.
        const [balance] = rowsOf<{ adjusted: number; sum: number }>(
          await database.db.execute(sql`
            SELECT b.adjustment_minutes AS adjusted, (SELECT coalesce(sum(minutes), 0)::int FROM leave_adjustments a
              WHERE a.employee_id = b.employee_id AND a.kind = b.kind AND a.leave_year_start = b.leave_year_start) AS sum
            FROM leave_balances b WHERE b.employee_id = ${second.employeeId} AND b.kind = 'annual'`),
        );
        assert.ok(balance, 'the balance row exists');
        assert.equal(Number(balance.adjusted), Number(balance.sum), 'balance = sum of its adjustment rows');
        assert.equal(Number(balance.sum), 15 * byKey.size);
      } finally {
        await database.close();
      }
    } finally {
      await target.dispose();
    }
  });

  // The gap the one transaction closes: a process killed after the handler's write but before the key's
  // record of it used to leave the write committed and the key in flight, so a retry after the in-flight
  // timeout wrote a second time. Now both roll back together: the retry runs once, and only once.
  test(`${engine}: killed between the write and its Idempotency-Key record: the retry writes exactly once`, { timeout: 240_000 }, async () => {
    const target = await faultTarget('esr-keystore');
    try {
      const doomed = spawnChild(self, { ESR_FAULT_SERVER: target.target, ESR_FAULT_KILL_AT_KEY_STORE: '1' });
      const [, port] = await waitForOutput(doomed, /listening on (\d+)/);
      const base = `http://127.0.0.1:${port}`;
      const people = async (role: string) => ((await (await fetch(`${base}/v1/demo/people?role=${role}&limit=5`)).json()) as { data: Array<{ employeeId: string }> }).data;
      const [admin] = await people('hr_admin');
      const [employee] = await people('employee');
      const { token } = (await (await fetch(`${base}/v1/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId: admin!.employeeId }) })).json()) as { token: string };
      const adjustOn = (at: string) =>
        fetch(`${at}/v1/people/${employee!.employeeId}/leave-adjustments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'gap-1' },
          body: JSON.stringify({ kind: 'annual', minutes: 15, reason: 'gap-1', on: asOf }),
        });
      await assert.rejects(adjustOn(base), 'the server dies before answering');
      assert.equal(await exited(doomed), 'SIGKILL');

      const second = await startServer(target.target);
      const retry = await second.adjust('gap-1');
      assert.equal(retry.status, 201, `the retry runs at once (was: 409 in flight, then a second write): ${retry.status}`);
      assert.equal(retry.headers.get('idempotent-replayed'), null, 'nothing to replay: the killed attempt left no trace');
      const replay = await second.adjust('gap-1');
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      second.child.kill('SIGTERM');
      await exited(second.child);

      const database = await target.open();
      try {
        const rows = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM leave_adjustments WHERE reason = 'gap-1'`));
        assert.equal(Number(rows[0]!.n), 1, 'written exactly once');
        const [key] = rowsOf<{ state: string; response_status: number }>(await database.db.execute(sql`SELECT state, response_status FROM idempotency_keys WHERE key = 'gap-1'`));
        assert.equal(key?.state, 'done');
      } finally {
        await database.close();
      }
    } finally {
      await target.dispose();
    }
  });
}

/** The same database, whose driver kills the process on the statement that stores an idempotent response. */
function killingAtKeyStore(database: Database): Database {
  const logger: Logger = {
    logQuery(query) {
      if (/^update "idempotency_keys" set "state"/i.test(query)) process.kill(process.pid, 'SIGKILL');
    },
  };
  const client = (database.db as unknown as { $client: never }).$client;
  const db = (database.engine === 'postgres' ? drizzlePostgres({ client, schema, logger }) : drizzlePglite({ client, schema, logger })) as unknown as Db;
  return { ...database, db, exec: database.exec, close: database.close };
}
