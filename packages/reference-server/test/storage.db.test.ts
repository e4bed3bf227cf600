import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/database.ts';
import { listMigrations, migrate, rowsOf } from '../src/db/migrate.ts';
import { payslips } from '../src/db/schema.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { asOf, engine, freshDatabase } from './helpers/harness.ts';

/** drizzle wraps the driver's error: the constraint name is on the cause. */
const violates = (pattern: RegExp) => (error: unknown) => {
  const e = error as { message: string; cause?: { message?: string } };
  assert.match(`${e.message} ${e.cause?.message ?? ''}`, pattern);
  return true;
};

test(`migrations are idempotent and recorded (${engine})`, async () => {
  const { database, dispose } = await freshDatabase();
  try {
    assert.deepEqual(await migrate(database), [], 'a second run applies nothing');
    const rows = rowsOf<{ name: string }>(await database.db.execute(sql`SELECT name FROM schema_migrations ORDER BY name`));
    assert.deepEqual(rows.map((r) => r.name), listMigrations().map((m) => m.name));
  } finally {
    await dispose();
  }
});

test(`constraints hold invariants: one payslip per assignment and period, net = gross - deductions, the assignment's own employee and organisation (${engine})`, async () => {
  const { database, dispose } = await freshDatabase();
  try {
    await seedDatabase(database, { staff: 60, organisations: 2, asOf });
    const [one] = await database.db.select().from(payslips).limit(1);
    await assert.rejects(database.db.insert(payslips).values({ ...one!, id: 'pay_duplicate1' }), violates(/unique|duplicate/i));
    await assert.rejects(database.db.insert(payslips).values({ ...one!, id: 'pay_badnet1', periodNumber: 12, taxYear: '2030-31', netPence: 1 }), violates(/check constraint/i));
    // One composite key (migration 0011): a payslip's employee and organisation must be its assignment's.
    const next = { periodNumber: 12, taxYear: '2030-31' };
    const [other] = rowsOf<{ employee_id: string; organisation_id: string }>(
      await database.db.execute(sql`SELECT employee_id, organisation_id FROM assignments WHERE employee_id <> ${one!.employeeId} AND organisation_id <> ${one!.organisationId} LIMIT 1`),
    );
    await assert.rejects(database.db.insert(payslips).values({ ...one!, ...next, id: 'pay_otheremp1', employeeId: other!.employee_id }), violates(/foreign key/i));
    await assert.rejects(database.db.insert(payslips).values({ ...one!, ...next, id: 'pay_otherorg1', organisationId: other!.organisation_id }), violates(/foreign key/i));
    await assert.rejects(database.db.insert(payslips).values({ ...one!, ...next, id: 'pay_noasg1', assignmentId: 'asg_missing' }), violates(/foreign key/i));
    await database.db.insert(payslips).values({ ...one!, ...next, id: 'pay_rightful1' }); // the same payslip, for another period, is fine
    await assert.rejects(database.db.execute(sql`DELETE FROM employees WHERE id = ${one!.employeeId}`), violates(/foreign key/i));
  } finally {
    await dispose();
  }
});

test('the seed is deterministic: same seed, same trust', async () => {
  const a = await openDatabase({});
  const b = await openDatabase({});
  try {
    await seedDatabase(a, { staff: 70, seed: 7, asOf });
    await seedDatabase(b, { staff: 70, seed: 7, asOf });
    const dump = async (d: typeof a) =>
      JSON.stringify((await d.db.select().from(payslips).orderBy(payslips.id)).map(({ createdAt: _ignored, ...row }) => row));
    const first = await dump(a);
    assert.ok(first === (await dump(b)), 'two seeds with the same inputs differ');
  } finally {
    await a.close();
    await b.close();
  }
});
