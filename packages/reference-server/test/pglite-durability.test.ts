import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { count } from 'drizzle-orm';
import { openDatabase } from '../src/db/database.ts';
import { employees, payslips } from '../src/db/schema.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { asOf } from './helpers/harness.ts';

// The embedded engine only: its data folder must survive a clean shutdown and restart.
test('PGlite data survives a clean restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'esr-pglite-'));
  try {
    const first = await openDatabase({ dataDir: dir });
    const summary = await seedDatabase(first, { staff: 60, asOf });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const [people] = await second.db.select({ n: count() }).from(employees);
    const [slips] = await second.db.select({ n: count() }).from(payslips);
    assert.equal(people!.n, summary.employees);
    assert.equal(slips!.n, summary.payslips);
    await second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
