// Workforce analytics over HTTP on PGlite or PostgreSQL against a trust small enough to count by hand:
// composition, turnover (NHS method) and leaving reasons, diversity with suppression, absence rates and
// reasons; and scope — HR admins see their organisation, managers their line, nobody else anything.
//
// Trust Board (ou_zt) ─ boss (band 9, since 2000), hr (HR admin, band 5)
//  ├ Ward A (ou_za)    mgrA (band 7) → a1–a4 (band 5, full time), a5–a6 (band 5, half time; a6 started 2026-02-01)
//  │                                   a7 (left 2026-03-31, relocation)
//  └ Ward B (ou_zb)    mgrB (band 7)
//     └ Team B1 (ou_zb1)          mgrB → b1–b3 (band 3), b4 (left 2025-09-15, retirement)
// A second organisation (org_zy) has its own HR admin and one person.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/migrate.ts';
import { createHarness, engine, readProblem } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';

interface Person { id: string; unit: string; band: string; group: string; supervisor: string | null; minutes?: number; start?: string; end?: string; reason?: string; dob?: string; service?: string; ethnicity?: string | null; roles?: string[]; org?: string }

const people: Person[] = [
  { id: 'boss', unit: 'zt', band: '9', group: 'Senior Managers', supervisor: null, dob: '1968-01-01', service: '2000-01-01', ethnicity: 'A' },
  { id: 'hr', unit: 'zt', band: '5', group: 'Administrative and Clerical', supervisor: 'boss', dob: '1990-05-05', ethnicity: 'A', roles: ['hr_admin'] },
  { id: 'mgra', unit: 'za', band: '7', group: 'Nursing and Midwifery Registered', supervisor: 'boss', dob: '1980-01-01', ethnicity: 'A' },
  { id: 'mgrb', unit: 'zb', band: '7', group: 'Nursing and Midwifery Registered', supervisor: 'boss', dob: '1985-07-01', ethnicity: null },
  ...[1, 2, 3, 4].map((n) => ({ id: `a${n}`, unit: 'za', band: '5', group: 'Nursing and Midwifery Registered', supervisor: 'mgra', ethnicity: n === 1 ? 'H' : n === 2 ? 'N' : 'A' })),
  { id: 'a5', unit: 'za', band: '5', group: 'Nursing and Midwifery Registered', supervisor: 'mgra', minutes: 1125, ethnicity: 'A' },
  { id: 'a6', unit: 'za', band: '5', group: 'Nursing and Midwifery Registered', supervisor: 'mgra', minutes: 1125, start: '2026-02-01', service: '2026-02-01', dob: '2004-01-01', ethnicity: 'A' },
  { id: 'a7', unit: 'za', band: '5', group: 'Nursing and Midwifery Registered', supervisor: 'mgra', end: '2026-03-31', reason: 'relocation', ethnicity: 'A' },
  ...[1, 2, 3].map((n) => ({ id: `b${n}`, unit: 'zb1', band: '3', group: 'Support to Clinical Staff', supervisor: 'mgrb', ethnicity: null })),
  { id: 'b4', unit: 'zb1', band: '3', group: 'Support to Clinical Staff', supervisor: 'mgrb', end: '2025-09-15', reason: 'retirement', dob: '1962-01-01', ethnicity: null },
  { id: 'yhr', unit: 'yt', band: '5', group: 'Administrative and Clerical', supervisor: null, roles: ['hr_admin'], org: 'org_zy' },
  { id: 'y1', unit: 'yt', band: '5', group: 'Administrative and Clerical', supervisor: 'yhr', org: 'org_zy' },
];
const emp = (id: string) => `emp_${id}`;

async function buildTrust(h: Harness) {
  const x = (q: ReturnType<typeof sql>) => h.database.db.execute(q);
  await x(sql`INSERT INTO organisations (id, code, name, nation) VALUES ('org_zz', 'RZZ1', 'Hand Count NHS Trust', 'england'), ('org_zy', 'RZY1', 'Other NHS Trust', 'england')`);
  await x(sql`INSERT INTO org_units (id, organisation_id, parent_id, kind, name, cost_centre) VALUES
    ('ou_zt', 'org_zz', NULL, 'trust', 'Trust Board', 'Z1'), ('ou_za', 'org_zz', 'ou_zt', 'ward', 'Ward A', 'Z2'),
    ('ou_zb', 'org_zz', 'ou_zt', 'department', 'Ward B', 'Z3'), ('ou_zb1', 'org_zz', 'ou_zb', 'team', 'Team B1', 'Z4'),
    ('ou_yt', 'org_zy', NULL, 'trust', 'Other Board', 'Y1')`);
  for (const [i, p] of people.entries()) {
    const org = p.org ?? 'org_zz';
    await x(sql`INSERT INTO employees (id, organisation_id, employee_number, first_name, last_name, email, date_of_birth, nhs_service_start_date, roles)
      VALUES (${emp(p.id)}, ${org}, ${`N${i}`}, ${p.id}, 'Test', ${`${p.id}@example.nhs`}, ${p.dob ?? '1995-01-01'}, ${p.service ?? '2020-01-01'}, ${`{${(p.roles ?? []).join(',')}}`}::text[])`);
  }
  for (const [i, p] of people.entries()) {
    await x(sql`INSERT INTO assignments (id, organisation_id, employee_id, assignment_number, job_title, staff_group, band, pay_point, org_unit_id, supervisor_employee_id,
        contracted_minutes_per_week, tax_code, ni_category, start_date, end_date, leaving_reason)
      VALUES (${`asg_${p.id}`}, ${p.org ?? 'org_zz'}, ${emp(p.id)}, ${`9${i}-1`}, 'Post', ${p.group}, ${p.band}, 'entry', ${`ou_${p.unit}`}, ${p.supervisor ? emp(p.supervisor) : null},
        ${p.minutes ?? 2250}, '1257L', 'A', ${p.start ?? '2020-01-01'}, ${p.end ?? null}, ${p.reason ?? null})`);
    if (p.ethnicity) await x(sql`INSERT INTO equality_diversity (employee_id, ethnicity, sex, disability, religion, sexual_orientation) VALUES (${emp(p.id)}, ${p.ethnicity}, 'female', 'no', 'christianity', 'heterosexual')`);
  }
  // June 2026: a1 (1.0 FTE) off 10 days with anxiety/stress; a5 (0.5 FTE) off 10 days with a cold.
  await x(sql`INSERT INTO sickness_episodes (id, organisation_id, employee_id, assignment_id, org_unit_id, contracted_minutes, start_date, end_date, reason_level1, recorded_by) VALUES
    ('sck_z1', 'org_zz', 'emp_a1', 'asg_a1', 'ou_za', 2250, '2026-06-01', '2026-06-10', 'S10', 'emp_mgra'),
    ('sck_z2', 'org_zz', 'emp_a5', 'asg_a5', 'ou_za', 1125, '2026-06-11', '2026-06-20', 'S13', 'emp_mgra')`);
}

describe(`workforce analytics on ${engine}`, () => {
  let h: Harness;
  const tokens = new Map<string, string>();
  const as = async (who: string, path: string) => {
    const p = people.find((x) => x.id === who)!;
    if (!tokens.has(who)) tokens.set(who, await h.tokenFor({ sub: emp(who), org: p.org ?? 'org_zz', roles: (p.roles ?? []) as never }));
    return h.get(path, tokens.get(who));
  };
  const ok = async (who: string, path: string) => {
    const res = await as(who, path);
    assert.equal(res.status, 200, `${who} ${path}: ${res.status}`);
    return res.json();
  };
  const pick = (list: Array<{ key: string | null; headcount: number }>, key: string | null) => list.find((b) => b.key === key);

  before(async () => {
    h = await createHarness({ seed: false });
    await buildTrust(h);
  });
  after(() => h.close());

  test('composition: headcount and FTE by unit, staff group, band, contract, age and service (hand counted)', async () => {
    const c = await ok('hr', '/v1/analytics/composition?asOf=2026-06-30');
    assert.equal(c.scope.kind, 'organisation');
    assert.equal(c.scope.rootUnitId, 'ou_zt');
    // In post on 30 June: boss, hr, mgrA, mgrB, a1–a6, b1–b3; a5 and a6 half time.
    assert.equal(c.headcount, 13);
    assert.equal(c.fte, 12);
    assert.deepEqual(c.byOrgUnit.map((b: { key: string; headcount: number; fte: number }) => [b.key, b.headcount, b.fte]), [['ou_zt', 2, 2], ['ou_za', 7, 6], ['ou_zb', 4, 4]]);
    assert.deepEqual(c.byBand.map((b: { key: string; headcount: number }) => [b.key, b.headcount]), [['3', 3], ['5', 7], ['7', 2], ['9', 1]]);
    assert.equal(pick(c.byStaffGroup, 'Nursing and Midwifery Registered')!.headcount, 8);
    assert.deepEqual(c.byContractType.map((b: { key: string; headcount: number; fte: number }) => [b.key, b.headcount, b.fte]), [['full_time', 11, 11], ['part_time', 2, 1]]);
    assert.deepEqual(c.byAgeBand.map((b: { key: string; headcount: number }) => [b.key, b.headcount]), [['under_25', 1], ['25_34', 8], ['35_44', 2], ['45_54', 1], ['55_64', 1]]);
    assert.deepEqual(c.byLengthOfService.map((b: { key: string; headcount: number }) => [b.key, b.headcount]), [['under_1', 1], ['5_10', 11], ['20_plus', 1]]);
    // On 1 July 2025 a7 and b4 were still there and a6 not yet.
    assert.equal((await ok('hr', '/v1/analytics/composition?asOf=2025-07-01')).headcount, 14);
    // Drilling into Ward B: its own manager, and Team B1.
    const b = await ok('hr', '/v1/analytics/composition?asOf=2026-06-30&orgUnitId=ou_zb');
    assert.equal(b.headcount, 4);
    assert.deepEqual(b.byOrgUnit.map((x: { key: string; headcount: number }) => [x.key, x.headcount]), [['ou_zb', 1], ['ou_zb1', 3]]);
  });

  test('turnover: leavers ÷ average headcount over 12 months, with starters and protected leaving reasons', async () => {
    const t = await ok('hr', '/v1/analytics/turnover?to=2026-06&months=12');
    assert.equal(t.months.length, 12);
    assert.equal(t.months[11], '2026-06');
    const series = (key: string) => t.series.find((s: { key: string }) => s.key === key);
    const june = series('turnover_rate').points[11];
    // 2 leavers (b4 in Sep 2025, a7 in Mar 2026) ÷ ((14 on 1 Jul 2025 + 13 on 30 Jun 2026) ÷ 2) = 14.81%.
    assert.equal(june.numerator, 2);
    assert.equal(june.denominator, 13.5);
    assert.equal(june.value, 14.81);
    assert.equal(series('leavers').points.find((p: { month: string }) => p.month === '2026-03').value, 1);
    assert.equal(series('starters').points.find((p: { month: string }) => p.month === '2026-02').value, 1);
    assert.equal(series('headcount').points[11].value, 13);
    for (const s of t.series) assert.deepEqual(s.points.map((p: { month: string }) => p.month), t.months);
    // Reasons: 1 relocation, 1 retirement — both below 5, and the total (2) is public, so every reason
    // is withheld (a shown zero would narrow down where the two are).
    assert.equal(t.leavingReasons.total, 2);
    assert.ok(t.leavingReasons.reasons.every((r: { leavers: number | null }) => r.leavers === null));
  });

  test('diversity: ethnicity by unit with primary and secondary suppression; figures shown are true', async () => {
    const d = await ok('hr', '/v1/analytics/diversity?characteristic=ethnicity&by=orgUnit&asOf=2026-06-30');
    assert.equal(d.threshold, 5);
    const col = (key: string) => d.columns.findIndex((c: { key: string }) => c.key === key);
    const row = (key: string) => d.rows.find((r: { key: string }) => r.key === key);
    // Row totals and the grand total are public (composition): shown.
    assert.deepEqual(d.rows.map((r: { key: string; total: number }) => [r.key, r.total]), [['ou_zt', 2], ['ou_za', 7], ['ou_zb', 4]]);
    assert.equal(d.totals.total, 13);
    // Ward A: White 5, Asian 1, Black 1 → the 1s (primary) and the 5 (else 7 − 5 − 0 = 2 Asian + Black) hidden.
    assert.equal(row('ou_za').counts[col('asian')], null);
    assert.equal(row('ou_za').counts[col('black')], null);
    assert.equal(row('ou_za').counts[col('white')], null);
    // Trust Board: 2 White; Ward B: 4 not declared — groups under 5 show no split at all.
    assert.ok(row('ou_zt').counts.every((v: number | null) => v === null));
    assert.ok(row('ou_zb').counts.every((v: number | null) => v === null));
    // Column totals: White 7 shown; Asian 1, Black 1, not declared 4 hidden.
    assert.equal(d.totals.counts[col('white')], 7);
    for (const k of ['asian', 'black', 'not_declared']) assert.equal(d.totals.counts[col(k)], null, k);
    assert.ok(d.suppressed > 0);
    // The read is on the audit trail (what, not whom).
    const [audit] = rowsOf<{ n: string | number }>(await h.database.db.execute(sql`SELECT count(*) AS n FROM audit_events WHERE resource = 'equality_diversity_aggregate' AND actor_employee_id = 'emp_hr'`));
    assert.equal(Number(audit!.n), 1);
    // Every characteristic and dimension answers; a bad one is a 400 naming the field.
    for (const c of ['sex', 'disability', 'religion', 'sexualOrientation']) await ok('hr', `/v1/analytics/diversity?characteristic=${c}&by=band`);
    const bad = await as('hr', '/v1/analytics/diversity?characteristic=shoe_size');
    assert.equal(bad.status, 400);
    assert.equal((await readProblem(bad)).errors![0]!.path, 'query.characteristic');
  });

  test('absence: monthly rate (FTE days lost ÷ available) for the trust, by unit, and top reasons', async () => {
    const a = await ok('hr', '/v1/analytics/absence?from=2026-06&months=1');
    const [whole, ...groups] = a.series;
    // June: 12 FTE × 30 days available; lost 10 × 1.0 + 10 × 0.5 = 15.
    assert.deepEqual(whole.points[0], { month: '2026-06', value: 4.17, numerator: 15, denominator: 360 });
    const wardA = groups.find((g: { key: string }) => g.key === 'ou_za');
    assert.deepEqual(wardA.points[0], { month: '2026-06', value: 8.33, numerator: 15, denominator: 180 });
    assert.deepEqual(a.topReasons.map((r: { reason: string; fteDaysLost: number; sharePercent: number }) => [r.reason, r.fteDaysLost, r.sharePercent]), [['S10', 10, 66.67], ['S13', 5, 33.33]]);
  });

  test('a manager sees their reporting line only', async () => {
    const c = await ok('mgra', '/v1/analytics/composition?asOf=2026-06-30');
    assert.equal(c.scope.kind, 'line');
    assert.equal(c.scope.rootUnitId, 'ou_za');
    assert.equal(c.headcount, 6); // a1–a6, not mgrA themself, nobody from Ward B
    // Another unit of the trust: only what of it lies in their line — nothing.
    assert.equal((await ok('mgra', '/v1/analytics/composition?asOf=2026-06-30&orgUnitId=ou_zb')).headcount, 0);
    // Turnover: a7 left; 6 on 1 July 2025 (a1–a5, a7) and 6 on 30 June 2026 (a1–a6): 1 ÷ 6.
    const t = await ok('mgra', '/v1/analytics/turnover?to=2026-06');
    assert.equal(t.series[0].points[11].value, 16.67);
    // Absence over the line: a1–a4 full time and a5–a6 half time in June = 5 FTE × 30 days.
    const a = await ok('mgra', '/v1/analytics/absence?from=2026-06&months=1');
    assert.deepEqual(a.series[0].points[0], { month: '2026-06', value: 10, numerator: 15, denominator: 150 });
    const d = await ok('mgra', '/v1/analytics/diversity?characteristic=ethnicity&asOf=2026-06-30');
    assert.equal(d.totals.total, 6);
    // mgrB's line is Team B1: none of Ward A.
    const b = await ok('mgrb', '/v1/analytics/composition?asOf=2026-06-30');
    assert.equal(b.headcount, 3);
    assert.ok(b.byOrgUnit.every((x: { key: string }) => x.key !== 'ou_za'));
    // The chief executive's line is everyone but themself: absence is the trust's less their own 1 FTE
    // (most of the organisation: worked out as the summary less the people outside the line).
    assert.equal((await ok('boss', '/v1/analytics/composition?asOf=2026-06-30&orgUnitId=ou_zt')).headcount, 12);
    const ceo = await ok('boss', '/v1/analytics/absence?from=2026-06&months=1');
    assert.deepEqual(ceo.series[0].points[0], { month: '2026-06', value: 4.55, numerator: 15, denominator: 330 });
    assert.deepEqual(ceo.topReasons.map((r: { reason: string; fteDaysLost: number }) => [r.reason, r.fteDaysLost]), [['S10', 10], ['S13', 5]]);
  });

  test('others: staff without reports get 403; other organisations and their units are out of reach', async () => {
    for (const path of ['/v1/analytics/composition', '/v1/analytics/turnover', '/v1/analytics/diversity?characteristic=sex', '/v1/analytics/absence']) {
      const res = await as('a1', path);
      assert.equal(res.status, 403, path);
      assert.equal((await readProblem(res))['code'], 'forbidden');
      assert.equal((await h.get(path)).status, 401);
    }
    // The other trust's HR admin sees their own organisation only; this trust's units are 404.
    const other = await ok('yhr', '/v1/analytics/composition');
    assert.equal(other.scope.organisationId, 'org_zy');
    assert.equal(other.headcount, 2);
    assert.equal((await as('yhr', '/v1/analytics/composition?orgUnitId=ou_za')).status, 404);
    assert.equal((await as('mgra', '/v1/analytics/turnover?orgUnitId=ou_yt')).status, 404);
    const bad = await as('hr', '/v1/analytics/turnover?to=2026-13');
    assert.equal(bad.status, 400);
    assert.equal((await readProblem(bad)).errors![0]!.path, 'query.to');
    assert.equal((await as('hr', '/v1/analytics/composition?unknown=1')).status, 400);
  });
});
