// The embedded engine's data folder: survives a clean restart and a killed process; when it is
// damaged, opening it fails with a message that says what happened and what to do.
//
// This file is also the child: with ESR_PGLITE_WRITER set to a data folder it inserts rows one
// committed transaction at a time, printing each acknowledged id, until it is killed.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { count, sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/database.ts';
import { rowsOf } from '../src/db/migrate.ts';
import { PgliteDataFolderError } from '../src/db/pglite-folder.ts';
import { employees, payslips } from '../src/db/schema.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { asOf } from './helpers/harness.ts';
import { exited, spawnChild, waitForOutput } from './helpers/fault-target.ts';

const writerDir = process.env['ESR_PGLITE_WRITER'];

if (writerDir) {
  const database = await openDatabase({ dataDir: writerDir });
  await database.exec('CREATE TABLE IF NOT EXISTS crash_probe (id integer PRIMARY KEY, payload text NOT NULL)');
  for (let id = 1; ; id++) {
    await database.db.execute(sql`INSERT INTO crash_probe (id, payload) VALUES (${id}, repeat('x', 2000))`);
    console.log(`acked ${id}`);
  }
} else {
  const withFolder = async (fn: (dir: string) => Promise<void>) => {
    const dir = mkdtempSync(join(tmpdir(), 'esr-pglite-'));
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('PGlite data survives a clean restart', () =>
    withFolder(async (dir) => {
      const first = await openDatabase({ dataDir: dir });
      const summary = await seedDatabase(first, { staff: 60, asOf });
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      const [people] = await second.db.select({ n: count() }).from(employees);
      const [slips] = await second.db.select({ n: count() }).from(payslips);
      assert.equal(people!.n, summary.employees);
      assert.equal(slips!.n, summary.payslips);
      await second.close();
    }));

  test('PGlite after kill -9 mid-write: the folder opens, every acknowledged row is there, none half-written', { timeout: 180_000 }, () =>
    withFolder(async (dir) => {
      const child = spawnChild(fileURLToPath(import.meta.url), { ESR_PGLITE_WRITER: dir });
      await waitForOutput(child, /acked 300\b/);
      child.kill('SIGKILL');
      assert.equal(await exited(child), 'SIGKILL');
      const acked = Math.max(...[...child.output().matchAll(/acked (\d+)/g)].map((m) => Number(m[1])));

      const database = await openDatabase({ dataDir: dir });
      try {
        const [row] = rowsOf<{ n: number; max: number; whole: number }>(
          await database.db.execute(sql`SELECT count(*)::int AS n, max(id) AS max, count(*) FILTER (WHERE length(payload) = 2000)::int AS whole FROM crash_probe`),
        );
        assert.ok(row!.n >= acked, `${row!.n} rows, ${acked} acknowledged`);
        assert.equal(row!.n, row!.max, 'no gaps: ids 1..n');
        assert.equal(row!.whole, row!.n, 'no row half written');
        // And it takes writes again.
        await database.db.execute(sql`INSERT INTO crash_probe (id, payload) VALUES (${row!.n + 1}, repeat('x', 2000))`);
      } finally {
        await database.close();
      }
    }));

  const damages: Array<[string, (dir: string) => void, RegExp]> = [
    ['its control file overwritten', (dir) => writeFileSync(join(dir, 'global', 'pg_control'), Buffer.alloc(8192, 7)), /PGlite could not start on it/],
    ['its PG_VERSION file deleted', (dir) => rmSync(join(dir, 'PG_VERSION')), /not empty but has no PG_VERSION/],
    [
      'its write-ahead log overwritten',
      (dir) => {
        const wal = join(dir, 'pg_wal');
        for (const f of readdirSync(wal).filter((f) => /^[0-9A-F]{24}$/.test(f))) writeFileSync(join(wal, f), Buffer.alloc(statSync(join(wal, f)).size, 9));
      },
      /PGlite could not start on it/,
    ],
  ];
  for (const [what, damage, reason] of damages) {
    test(`a PGlite folder with ${what} fails to open with a clear, actionable message`, () =>
      withFolder(async (dir) => {
        const first = await openDatabase({ dataDir: dir });
        await seedDatabase(first, { staff: 20, asOf });
        await first.close();
        damage(dir);
        const error = await openDatabase({ dataDir: dir }).then(
          async (opened) => {
            await opened.close();
            return undefined;
          },
          (e: unknown) => e,
        );
        assert.ok(error instanceof PgliteDataFolderError, `rejected with PgliteDataFolderError, got ${String(error)}`);
        assert.match(error.message, new RegExp(`data folder ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be opened`));
        assert.match(error.message, reason);
        assert.match(error.message, /Restore it from a backup, or move it aside/);
      }));
  }
}
