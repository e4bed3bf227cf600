// The monthly absence summary (migration 0008) against the from-scratch computation, on PGlite or
// PostgreSQL: after a bulk seed, and after a mix of writes through the domain and by hand — sickness
// recorded, closed, re-dated, re-reasoned and deleted; assignments re-houred, moved, ended and started —
// including concurrent recordings in one unit. Both the rates and the summary rows must match exactly.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Principal } from '../src/auth/principal.ts';
import { rowsOf } from '../src/db/migrate.ts';
import { absenceRateFigures } from '../src/domain/absence/absence-rate.ts';
import type { AbsenceRateQuery } from '../src/domain/absence/absence-rate.ts';
import { recordEpisode, updateEpisode } from '../src/domain/absence/episodes.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { asOf, engine, freshDatabase } from './helpers/harness.ts';
import type { Database } from '../src/db/database.ts';

describe(`absence summary on ${engine}`, () => {
  let database: Database;
  let dispose: () => Promise<void>;
  const q = async <T,>(query: ReturnType<typeof sql>) => [...rowsOf<T>(await database.db.execute(query))];

  before(async () => {
    ({ database, dispose } = await freshDatabase());
    await seedDatabase(database, { staff: 150, organisations: 2, asOf, payslipMonths: 0, absence: true });
  });
  after(() => dispose());

  /** Summary rows that differ from a rebuild out of every assignment and episode (zero rows ignored). */
  async function drift(): Promise<unknown[]> {
    // Every range by unit and reason, by unit for all reasons, and the same for the whole organisation ('*').
    return q(sql`
      WITH base AS (
        SELECT organisation_id, org_unit_id, 'available' AS measure, '' AS reason, contracted_minutes_per_week AS minutes, start_date AS s, end_date AS e FROM assignments
        UNION ALL
        SELECT organisation_id, org_unit_id, 'lost', reason_level1, contracted_minutes, start_date, end_date FROM sickness_episodes
      ),
      by_unit AS (SELECT * FROM base UNION ALL SELECT organisation_id, org_unit_id, measure, '', minutes, s, e FROM base WHERE measure = 'lost'),
      ranges AS (SELECT * FROM by_unit UNION ALL SELECT organisation_id, '*', measure, reason, minutes, s, e FROM by_unit),
      fresh AS (
        SELECT d.organisation_id, c.month, d.org_unit_id, d.measure, d.reason, sum(c.minute_days) AS minute_days, sum(c.open_minutes) AS open_minutes
          FROM ranges d, LATERAL absence_range_months(d.minutes, d.s, d.e) c
         GROUP BY 1, 2, 3, 4, 5
      ),
      fresh_totals AS (
        SELECT organisation_id, org_unit_id, measure, reason, sum(minutes) AS open_minutes FROM ranges WHERE e IS NULL GROUP BY 1, 2, 3, 4
      )
      SELECT 'month' AS kind, coalesce(f.org_unit_id, s.org_unit_id) AS unit, coalesce(f.month, s.month)::text AS month, f.minute_days AS expected, s.minute_days AS actual
        FROM fresh f FULL JOIN absence_summary s USING (organisation_id, month, org_unit_id, measure, reason)
       WHERE coalesce(f.minute_days, 0) <> coalesce(s.minute_days, 0) OR coalesce(f.open_minutes, 0) <> coalesce(s.open_minutes, 0)
      UNION ALL
      SELECT 'total', coalesce(f.org_unit_id, t.org_unit_id), NULL, f.open_minutes, t.open_minutes
        FROM fresh_totals f FULL JOIN absence_open_totals t USING (organisation_id, org_unit_id, measure, reason)
       WHERE coalesce(f.open_minutes, 0) <> coalesce(t.open_minutes, 0)
      LIMIT 5`);
  }

  async function sameRates(label: string) {
    const [child] = await q<{ id: string }>(sql`SELECT u.id FROM org_units u JOIN org_units p ON p.id = u.parent_id WHERE p.parent_id IS NULL AND u.organisation_id = 'org_00' ORDER BY u.id LIMIT 1`);
    const cases: AbsenceRateQuery[] = [
      { organisationId: 'org_00', from: '2024-12', months: 24 },
      { organisationId: 'org_00', from: '2025-12', months: 12, byReason: true },
      { organisationId: 'org_01', from: '2026-09', months: 6 },
      { organisationId: 'org_00', rootUnitId: child!.id, from: '2026-01', months: 12, byReason: true },
      { organisationId: null, from: '2025-12', months: 12 },
    ];
    for (const c of cases) {
      const summary = await absenceRateFigures(database.db, { ...c, source: 'summary' });
      const scratch = await absenceRateFigures(database.db, { ...c, source: 'scratch' });
      assert.ok(scratch.length > 0, `${label}: rows for ${JSON.stringify(c)}`);
      assert.deepEqual(summary, scratch, `${label}: ${JSON.stringify(c)}`);
    }
  }

  test('after the bulk seed the summary equals a rebuild and the rates equal the from-scratch query', async () => {
    assert.deepEqual(await drift(), []);
    await sameRates('seeded');
  });

  test('after a mix of sickness and assignment writes (and concurrent recordings) it still does', async () => {
    const people = await q<{ employee_id: string; supervisor: string; unit: string; id: string }>(sql`
      SELECT a.employee_id, a.supervisor_employee_id AS supervisor, a.org_unit_id AS unit, a.id FROM assignments a
       WHERE a.organisation_id = 'org_00' AND a.supervisor_employee_id IS NOT NULL AND a.start_date < '2025-06-01'
         AND NOT EXISTS (SELECT 1 FROM sickness_episodes s WHERE s.employee_id = a.employee_id AND (s.end_date IS NULL OR s.end_date >= '2026-10-01'))
       ORDER BY a.id LIMIT 12`);
    assert.equal(people.length, 12);
    const hr: Principal = { employeeId: people[0]!.supervisor, organisationId: 'org_00', roles: ['hr_admin'] };
    const ctx = { principal: hr, requestId: null, ip: null, today: asOf };
    // Open, then closed; re-reasoned; re-dated.
    const open = await recordEpisode(database.db, ctx, people[0]!.employee_id, { startDate: '2026-10-20', reasonLevel1: 'S10', reasonLevel2: 'S10.02' });
    const closed = await updateEpisode(database.db, ctx, people[0]!.employee_id, open.id, open.version, { endDate: '2026-11-03' });
    await updateEpisode(database.db, ctx, people[0]!.employee_id, closed.id, closed.version, { reasonLevel1: 'S12' });
    const other = await recordEpisode(database.db, ctx, people[1]!.employee_id, { startDate: '2026-11-10', reasonLevel1: 'S13' });
    // Still open at asOf: counts into every later month.
    await recordEpisode(database.db, ctx, people[2]!.employee_id, { startDate: '2026-10-30', reasonLevel1: 'S25' });
    // Concurrent recordings for people in the same unit share summary rows.
    await Promise.all(people.slice(3, 9).map((p, i) => recordEpisode(database.db, ctx, p.employee_id, { startDate: `2026-10-0${i + 1}`, endDate: '2026-10-12', reasonLevel1: 'S13' })));
    // By hand: an episode deleted, one re-dated across months, and assignment changes of every kind.
    await database.db.execute(sql`DELETE FROM sickness_episodes WHERE id = ${other.id}`);
    await database.db.execute(sql`UPDATE sickness_episodes SET start_date = '2026-09-28' WHERE employee_id = ${people[3]!.employee_id} AND start_date = '2026-10-01'`);
    await database.db.execute(sql`UPDATE assignments SET contracted_minutes_per_week = 1125 WHERE id = ${people[9]!.id}`);
    await database.db.execute(sql`UPDATE assignments SET org_unit_id = ${people[0]!.unit} WHERE id = ${people[10]!.id}`);
    await database.db.execute(sql`UPDATE assignments SET end_date = '2026-08-15', leaving_reason = 'retirement' WHERE id = ${people[11]!.id}`);
    await database.db.execute(sql`UPDATE assignments SET end_date = NULL, leaving_reason = NULL WHERE id = ${people[11]!.id}`);
    await database.db.execute(sql`UPDATE assignments SET end_date = '2026-05-31', leaving_reason = 'relocation' WHERE id = ${people[11]!.id}`);
    await database.db.execute(sql`UPDATE assignments SET start_date = '2026-07-01' WHERE id = ${people[9]!.id}`);
    // A change that moves no figure (a new supervisor) leaves the summary alone.
    await database.db.execute(sql`UPDATE assignments SET supervisor_employee_id = ${people[1]!.supervisor} WHERE id = ${people[8]!.id}`);
    // A statement that touches many rows at once, and one rolled back.
    await database.db.execute(sql`UPDATE sickness_episodes SET end_date = end_date + 1 WHERE organisation_id = 'org_01' AND end_date BETWEEN '2026-01-01' AND '2026-02-28'`);
    await assert.rejects(database.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE assignments SET contracted_minutes_per_week = 900 WHERE organisation_id = 'org_01'`);
      throw new Error('roll back');
    }));
    assert.deepEqual(await drift(), []);
    await sameRates('after writes');
  });

  test('seeding another organisation into a populated database keeps the summary whole', async () => {
    await seedDatabase(database, { staff: 80, organisations: 1, firstOrganisationIndex: 2, asOf, payslipMonths: 0, absence: true });
    assert.deepEqual(await drift(), []);
    await sameRates('third organisation');
  });
});
