// Sickness absence over HTTP on PGlite, or PostgreSQL with DATABASE_URL: recording by line managers and
// HR only, reasons visible to the person, their line managers and HR (others audited, peers never),
// closing with a return-to-work record, sick pay for payroll (no reasons), Bradford factor, team
// calendar masking, and absence rates by unit, month and reason on seeded absence.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { seedAbsence } from '../src/seed/absence.ts';
import { asOf, engine, readProblem } from './helpers/harness.ts';
import { leaveFixture } from './helpers/leave-fixture.ts';
import type { LeaveFixture } from './helpers/leave-fixture.ts';
import { addDaysIso, isoOf, todayDay } from '../src/domain/calendars/dates.ts';

describe(`sickness absence on ${engine}`, () => {
  let f: LeaveFixture;
  let self: string;
  const today = isoOf(todayDay());
  const started = addDaysIso(today, -9);
  let episode: { id: string; version: number };

  before(async () => {
    f = await leaveFixture();
    self = f.ids.self;
  });
  after(() => f.h.close());
  const path = (p = '') => `/v1/people/${self}/sickness-episodes${p}`;

  test('the line manager or HR records sickness; the person, peers and other trusts cannot', async () => {
    assert.equal((await f.call('self', 'POST', '/v1/people/me/sickness-episodes', { startDate: started, reasonLevel1: 'S13' })).status, 403);
    assert.equal((await f.call('peer', 'POST', path(), { startDate: started, reasonLevel1: 'S13' })).status, 404);
    assert.equal((await f.call('hrOther', 'POST', path(), { startDate: started, reasonLevel1: 'S13' })).status, 404);
    const bad = await f.call('manager', 'POST', path(), { startDate: started, reasonLevel1: 'S13', reasonLevel2: 'S10.01' });
    assert.equal(bad.status, 400);
    assert.equal((await readProblem(bad)).errors![0]!.path, 'json.reasonLevel2');
    const future = await f.call('manager', 'POST', path(), { startDate: addDaysIso(today, 2), reasonLevel1: 'S13' });
    assert.equal((await readProblem(future))['code'], 'sickness_in_future');
    const res = await f.call('manager', 'POST', path(), { startDate: started, reasonLevel1: 'S13', reasonLevel2: 'S13.03' });
    assert.equal(res.status, 201);
    const body = await res.json();
    assert.equal(body.open, true);
    assert.equal(body.reason.level1Name, 'Cold, cough, flu - influenza');
    episode = { id: body.id, version: body.version };
    // One open episode at a time, and no overlaps.
    const again = await f.call('hr', 'POST', path(), { startDate: addDaysIso(started, 2), reasonLevel1: 'S25' });
    assert.equal(again.status, 422);
    assert.equal((await readProblem(again))['code'], 'overlapping_sickness');
  });

  test('reasons: self, line managers and HR see them (others’ reads audited); peers and payroll never', async () => {
    for (const who of ['self', 'manager', 'senior', 'hr'] as const) {
      const res = await f.call(who, 'GET', path());
      assert.equal(res.status, 200, who);
      assert.equal((await res.json()).data[0].reason.level1, 'S13');
    }
    assert.equal((await f.call('peer', 'GET', path())).status, 404);
    assert.equal((await f.call('outOfLine', 'GET', path())).status, 404);
    assert.equal((await f.call('payroll', 'GET', path())).status, 404);
    const [reads] = await f.q<{ n: number | string }>(sql`SELECT count(*) AS n FROM audit_events WHERE action = 'read' AND resource = 'sickness_absence' AND subject_employee_id = ${self}`);
    assert.equal(Number(reads!.n), 3); // manager, senior, HR — not the person themselves
    // The audit never holds the reason.
    const [leak] = await f.q<{ n: number | string }>(sql`SELECT count(*) AS n FROM audit_events WHERE changes::text LIKE '%S13%'`);
    assert.equal(Number(leak!.n), 0);
    // Payroll admins get sick pay days, with no reason anywhere in the body.
    const pay = await f.call('payroll', 'GET', `/v1/people/${self}/sick-pay`);
    assert.equal(pay.status, 200);
    assert.ok(!JSON.stringify(await pay.json()).includes('S13'));
  });

  test('team calendar shows sickness to the manager without a reason, and to colleagues only as absent', async () => {
    const range = `from=${addDaysIso(today, -10)}&to=${today}`;
    const cal = await (await f.call('manager', 'GET', `/v1/me/team-calendar?${range}`)).json();
    const mine = cal.people.find((p: { employeeId: string }) => p.employeeId === self);
    assert.deepEqual(mine.absences.map((a: { kind: string; status: string }) => [a.kind, a.status]), [['sickness', 'open']]);
    assert.ok(!JSON.stringify(cal).includes('S13'));
    const peer = await (await f.call('peer', 'GET', `/v1/me/team-calendar?${range}`)).json();
    const seen = peer.people.find((p: { employeeId: string }) => p.employeeId === self);
    assert.deepEqual(seen.absences.map((a: { kind: string; endDate: string }) => [a.kind, a.endDate]), [['absent', today]]);
  });

  test('closing with a return-to-work record needs If-Match; Bradford factor and sick pay follow', async () => {
    const last = addDaysIso(today, -2);
    assert.equal((await f.call('manager', 'PATCH', path(`/${episode.id}`), { endDate: last })).status, 428);
    assert.equal((await f.call('self', 'PATCH', path(`/${episode.id}`), { endDate: last }, { 'if-match': `"v${episode.version}"` })).status, 403);
    const res = await f.call('manager', 'PATCH', path(`/${episode.id}`), { endDate: last, returnToWork: { interviewDate: today, fitNoteReceived: false, notes: 'Fully recovered' } }, { 'if-match': `"v${episode.version}"` });
    assert.equal(res.status, 200);
    const closed = await res.json();
    assert.equal(closed.open, false);
    assert.equal(closed.returnToWork.conductedBy, f.ids.manager);
    assert.equal((await f.call('manager', 'PATCH', path(`/${episode.id}`), { endDate: today }, { 'if-match': `"v${episode.version}"` })).status, 412);
    // A second spell: Bradford = 2² × working days.
    const second = await f.call('hr', 'POST', path(), { startDate: addDaysIso(today, -40), endDate: addDaysIso(today, -40), reasonLevel1: 'S16' });
    assert.equal(second.status, 201);
    const bf = await (await f.call('self', 'GET', '/v1/people/me/bradford-factor')).json();
    assert.equal(bf.spells, 2);
    assert.equal(bf.score, 4 * bf.days);
    const pay = await (await f.call('self', 'GET', '/v1/people/me/sick-pay')).json();
    assert.equal(pay.usedInLast12Months.fullPayDays, 8 + 1);
    assert.equal(pay.remaining.fullPayDays, pay.scale.fullPayDays - 9);
    const period = await (await f.call('payroll', 'GET', `/v1/people/${self}/sick-pay/period?from=${addDaysIso(today, -45)}&to=${today}`)).json();
    assert.deepEqual([period.fullPayDays, period.halfPayDays, period.nilPayDays], [9, 0, 0]);
  });

  test('absence rates by unit and month (NHS Digital method) for HR only; seeded absence looks like the NHS', async () => {
    const seeded = await seedAbsence(f.h.database, { asOf, organisationIds: ['org_01'] });
    assert.ok(seeded.episodes > 50);
    assert.equal((await f.call('manager', 'GET', '/v1/absence/rates?from=2025-12')).status, 403);
    const res = await f.call('hrOther', 'GET', '/v1/absence/rates?from=2025-12&months=12');
    assert.equal(res.status, 200);
    const { rates } = await res.json();
    const months = new Set(rates.map((r: { month: string }) => r.month));
    assert.equal(months.size, 12);
    const lost = rates.reduce((s: number, r: { fteDaysLost: number }) => s + r.fteDaysLost, 0);
    const available = rates.reduce((s: number, r: { fteDaysAvailable: number }) => s + r.fteDaysAvailable, 0);
    assert.ok(lost / available > 0.02 && lost / available < 0.09, `rate ${lost / available}`);
    for (const r of rates) assert.ok(Math.abs(r.ratePercent - (r.fteDaysAvailable ? (100 * r.fteDaysLost) / r.fteDaysAvailable : 0)) < 0.01);
    const byReason = await (await f.call('hrOther', 'GET', '/v1/absence/rates?from=2025-12&months=12&by=reason')).json();
    assert.ok(byReason.rates.some((r: { reason: string }) => r.reason === 'S10'));
    assert.equal((await f.call('hrOther', 'GET', '/v1/absence/rates?from=2025-12&orgUnitId=ou_nope')).status, 404);
    // Drill down: a child unit as root gives its own children.
    const child = rates.find((r: { groupId: string }) => r.groupId !== rates[0].groupId)?.groupId ?? rates[0].groupId;
    assert.equal((await f.call('hrOther', 'GET', `/v1/absence/rates?from=2025-12&months=3&orgUnitId=${child}`)).status, 200);
    assert.equal((await f.call('hrOther', 'GET', '/v1/absence/reasons')).status, 200);
  });

  test('absence rate arithmetic on a controlled case: 0.6 FTE off 10 calendar days in a 30-day month', async () => {
    const { absenceRates } = await import('../src/domain/absence/absence-rate.ts');
    const [unit] = await f.q<{ id: string; org: string }>(sql`SELECT org_unit_id AS id, organisation_id AS org FROM assignments WHERE employee_id = ${f.ids.peer}`);
    const before = await absenceRates(f.h.database.db, { organisationId: unit!.org, rootUnitId: unit!.id, from: '2026-06', months: 1 });
    await f.h.database.db.execute(sql`INSERT INTO sickness_episodes (id, organisation_id, employee_id, assignment_id, org_unit_id, contracted_minutes, start_date, end_date, reason_level1, recorded_by)
      SELECT 'sck_ctrl1', organisation_id, employee_id, id, org_unit_id, 1350, '2026-06-11', '2026-06-20', 'S11', ${f.ids.manager} FROM assignments WHERE employee_id = ${f.ids.peer}`);
    const afterRows = await absenceRates(f.h.database.db, { organisationId: unit!.org, rootUnitId: unit!.id, from: '2026-06', months: 1 });
    const lost = (rows: typeof before) => rows.reduce((s, r) => s + r.fteDaysLost, 0);
    assert.ok(Math.abs(lost(afterRows) - lost(before) - 6) < 0.01); // 10 days × 0.6 FTE
  });
});
