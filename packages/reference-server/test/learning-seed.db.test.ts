// The learning seed on PGlite, or PostgreSQL with DATABASE_URL: deterministic, consistent (session
// counters match bookings, nobody booked twice on a course), searchable, and compliance near NHS levels.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { rowsOf } from '../src/db/migrate.ts';
import { generateCatalogue } from '../src/seed/learning.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import type { SeedSummary } from '../src/seed/seed.ts';
import { asOf, createHarness, engine } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';

describe(`learning seed on ${engine}`, () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let summary: SeedSummary;
  const q = async <T,>(query: ReturnType<typeof sql>) => rowsOf<T>(await h.database.db.execute(query));

  before(async () => {
    h = await createHarness({ seed: false });
    summary = await seedDatabase(h.database, { staff: 600, organisations: 2, asOf, payslipMonths: 0, learning: true });
    app = createApp({ database: h.database, verifier: h.demo, rateLimit: false });
  });
  after(() => h.close());

  test('a catalogue per trust, scaled to its size, deterministic by seed', () => {
    assert.equal(summary.rowsByTable['courses'], 120, 'at least 60 courses per trust');
    assert.ok(summary.rowsByTable['class_sessions']! > 500);
    assert.ok(summary.rowsByTable['enrolments']! > 1000);
    assert.ok(summary.rowsByTable['training_records']! > 600 * 2 * 10);
    assert.deepEqual(generateCatalogue(1, 'org_00', 300), generateCatalogue(1, 'org_00', 300));
    assert.notDeepEqual(generateCatalogue(1, 'org_00', 300), generateCatalogue(2, 'org_00', 300));
    const titles = generateCatalogue(1, 'org_00', 10_000).map((c) => c.title);
    assert.equal(new Set(titles).size, titles.length, 'no two courses share a title');
  });

  test('session counters match the bookings; never over capacity; nobody booked twice on a course', async () => {
    const [mismatch] = await q<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM class_sessions s
       WHERE s.enrolled_count <> (SELECT count(*) FROM enrolments e WHERE e.session_id = s.id AND e.status = 'enrolled')`);
    assert.equal(Number(mismatch!.n), 0);
    const [waitingWithPlaces] = await q<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM class_sessions s WHERE s.enrolled_count < s.capacity
         AND EXISTS (SELECT 1 FROM enrolments e WHERE e.session_id = s.id AND e.status = 'waitlisted')`);
    assert.equal(Number(waitingWithPlaces!.n), 0, 'a waiting list only where the session is full');
    const [full] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM class_sessions WHERE enrolled_count = capacity`);
    assert.ok(Number(full!.n) > 0, 'some sessions are full');
  });

  test('statutory and mandatory compliance lands near NHS levels (85–90%), lower for resuscitation', async () => {
    const [admin] = await q<{ id: string }>(sql`SELECT id FROM employees WHERE organisation_id = 'org_00' AND 'learning_admin' = ANY(roles) ORDER BY id LIMIT 1`);
    const token = await h.demo.sign({ sub: admin!.id, org: 'org_00', roles: ['learning_admin'] });
    const res = await app.request(`/v1/learning/compliance/by-subject?asOf=${asOf}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const report = (await res.json()) as { overall: { compliancePercent: number; expiring: number }; subjects: Array<{ family: string; compliancePercent: number }> };
    const overall = report.overall.compliancePercent;
    assert.ok(overall >= 84 && overall <= 91, `overall ${overall}%`);
    const pct = (family: string) => report.subjects.find((s) => s.family === family)!.compliancePercent;
    assert.ok(pct('resuscitation') < pct('information_governance'), 'resuscitation below information governance');
    assert.ok(report.overall.expiring > 0, 'some training is expiring soon (amber)');

    const search = await app.request('/v1/courses?q=life%20support&hasPlaces=true', { headers: { authorization: `Bearer ${token}` } });
    const hits = (await search.json()) as { data: Array<{ title: string }> };
    assert.ok(hits.data.length > 0);
    assert.match(hits.data[0]!.title, /Life Support/);
  });
});
