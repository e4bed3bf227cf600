import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../src/db/database.ts';
import {
  addresses, assignments, bankDetails, emergencyContacts, employees, equalityDiversity, orgUnits, organisations, payslips, phones,
  professionalRegistrations,
} from '../src/db/schema.ts';
import { organisationSizes, seedDatabase } from '../src/seed/seed.ts';
import type { SeedSummary } from '../src/seed/seed.ts';
import { staffGroups } from '../src/seed/trust-generator.ts';
import { asOf, engine, freshDatabase } from './helpers/harness.ts';

const options = { seed: 11, totalStaff: 1000, organisations: 2, asOf } as const;
const share = <T>(items: T[], pick: (t: T) => boolean) => items.filter(pick).length / items.length;
const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${(actual * 100).toFixed(1)}%, expected ${(expected * 100).toFixed(1)}% ± ${(tolerance * 100).toFixed(0)}`);

async function dump(database: Database) {
  const tables: Array<[string, PgTable, unknown]> = [
    ['organisations', organisations, organisations.id], ['org_units', orgUnits, orgUnits.id], ['employees', employees, employees.id],
    ['assignments', assignments, assignments.id], ['bank_details', bankDetails, bankDetails.employeeId],
    ['addresses', addresses, addresses.employeeId], ['phones', phones, [phones.employeeId, phones.kind]],
    ['emergency_contacts', emergencyContacts, [emergencyContacts.employeeId, emergencyContacts.priority]],
    ['equality_diversity', equalityDiversity, equalityDiversity.employeeId], ['professional_registrations', professionalRegistrations, professionalRegistrations.id],
    ['payslips', payslips, payslips.id],
  ];
  const out: Record<string, string> = {};
  for (const [name, table, key] of tables) {
    const keys = (Array.isArray(key) ? key : [key]) as Parameters<typeof asc>[0][];
    const rows = await database.db.select().from(table).orderBy(...keys.map((k) => asc(k)));
    out[name] = JSON.stringify(rows.map((r) => {
      const { createdAt: _ignored, ...rest } = r as Record<string, unknown>;
      return rest;
    }));
  }
  return out;
}

describe(`seed generator on ${engine} (1,000 staff in 2 organisations)`, () => {
  let database: Database;
  let dispose: () => Promise<void>;
  let summary: SeedSummary;
  let people: Array<typeof employees.$inferSelect>;
  let jobs: Array<typeof assignments.$inferSelect>;

  before(async () => {
    ({ database, dispose } = await freshDatabase());
    summary = await seedDatabase(database, options);
    people = await database.db.select().from(employees);
    jobs = await database.db.select().from(assignments);
  });
  after(() => dispose());

  test('counts match what was asked for and what the summary reports', async () => {
    assert.equal(summary.organisations, 2);
    assert.equal(people.length, 1000);
    assert.equal(jobs.length, 1000);
    const sizes = organisationSizes(1000, 2, options.seed);
    const orgs = await database.db.select().from(organisations).orderBy(asc(organisations.id));
    assert.deepEqual(orgs.map((o) => people.filter((p) => p.organisationId === o.id).length), sizes);
    for (const [table, n] of Object.entries(summary.rowsByTable)) assert.ok(n > 0, `${table} is empty`);
    assert.equal((await database.db.select().from(bankDetails)).length, 1000);
    assert.equal((await database.db.select().from(addresses)).length, 1000, 'everyone has a home address');
    assert.equal(summary.rowsByTable['payslips'], (await database.db.select({ id: payslips.id }).from(payslips)).length);
    assert.equal(summary.employees, 1000);
  });

  test('staff groups, bands and part-timers are near NHS proportions', () => {
    const total = staffGroups.reduce((s, g) => s + g.weight, 0);
    for (const g of staffGroups) near(share(jobs, (a) => a.staffGroup === g.group), g.weight / total, 0.05, g.group);
    // Bands of staff outside management posts, against the tables' mix.
    const expected = new Map<string, number>();
    for (const g of staffGroups) for (const [band, w] of g.bands) expected.set(band, (expected.get(band) ?? 0) + (g.weight / total) * (w / g.bands.reduce((s, [, x]) => s + x, 0)));
    for (const [band, p] of expected) near(share(jobs, (a) => a.band === band), p, 0.05, `Band ${band}`);
    near(share(jobs, (a) => a.contractedMinutesPerWeek < 2250), 0.31, 0.07, 'part-time');
  });

  test('every non-chief has a supervisor in the same organisation; no cycles; depth of at least 4', () => {
    const byEmployee = new Map(jobs.map((a) => [a.employeeId, a]));
    const orgOf = new Map(people.map((p) => [p.id, p.organisationId]));
    const chiefs = jobs.filter((a) => a.supervisorEmployeeId === null);
    assert.equal(chiefs.length, 2, 'one chief executive per organisation');
    for (const c of chiefs) assert.equal(c.jobTitle, 'Chief Executive');
    let deepest = 0;
    for (const a of jobs) {
      if (a.supervisorEmployeeId) assert.equal(orgOf.get(a.supervisorEmployeeId), a.organisationId, `${a.employeeId}'s supervisor is in another organisation`);
      const seen = new Set<string>();
      let at: typeof a | undefined = a;
      while (at?.supervisorEmployeeId) {
        assert.ok(!seen.has(at.employeeId), `cycle through ${at.employeeId}`);
        seen.add(at.employeeId);
        at = byEmployee.get(at.supervisorEmployeeId);
        assert.ok(at, 'supervisor without an assignment');
      }
      deepest = Math.max(deepest, seen.size + 1);
    }
    assert.ok(deepest >= 4, `hierarchy only ${deepest} deep`);
  });

  test('org units form a tree within each organisation, with wards of ~25–35 staff', async () => {
    const units = await database.db.select().from(orgUnits);
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      if (u.parentId) assert.equal(byId.get(u.parentId)?.organisationId, u.organisationId);
    }
    assert.equal(units.filter((u) => u.parentId === null).length, 2, 'one root per organisation');
    const wards = units.filter((u) => u.kind === 'ward' || u.kind === 'team');
    const staffed = wards.map((w) => jobs.filter((a) => a.orgUnitId === w.id).length);
    const mean = staffed.reduce((s, n) => s + n, 0) / staffed.length;
    assert.ok(mean >= 20 && mean <= 40, `wards and teams average ${mean.toFixed(1)} staff`);
    for (const d of units.filter((u) => u.kind === 'department')) {
      const children = units.filter((u) => u.parentId === d.id).length;
      assert.ok(children >= 1 && children <= 8, `${d.name} has ${children} wards/teams`);
    }
  });

  test('every organisation has at least 2 HR admins, a payroll admin and a learning admin', () => {
    for (const org of new Set(people.map((p) => p.organisationId))) {
      const staff = people.filter((p) => p.organisationId === org);
      assert.ok(staff.filter((p) => p.roles.includes('hr_admin')).length >= 2, `${org} hr_admin`);
      assert.ok(staff.filter((p) => p.roles.includes('payroll_admin')).length >= 1, `${org} payroll_admin`);
      assert.ok(staff.filter((p) => p.roles.includes('learning_admin')).length >= 1, `${org} learning_admin`);
    }
  });

  test('service lengths span the leave milestones: <1, 1–5, 5–10 and >10 years', () => {
    const years = people.map((p) => (Date.parse(asOf) - Date.parse(p.nhsServiceStartDate)) / (365.25 * 86_400_000));
    for (const [from, to] of [[0, 1], [1, 5], [5, 10], [10, 99]] as const) {
      assert.ok(share(years, (y) => y >= from && y < to) >= 0.05, `too few with ${from}–${to} years`);
    }
    for (const a of jobs) assert.ok(a.startDate <= asOf, 'an assignment starting in the future');
  });

  test('about 8% have not declared equality & diversity; the declared mix is NHS-like', async () => {
    const declared = await database.db.select().from(equalityDiversity);
    near(1 - declared.length / people.length, 0.08, 0.03, 'undeclared');
    near(share(declared, (d) => 'ABC'.includes(d.ethnicity)), 0.75, 0.06, 'White (A/B/C)');
    near(share(declared, (d) => 'HJKL'.includes(d.ethnicity)), 0.1, 0.04, 'Asian (H/J/K/L)');
    near(share(declared, (d) => 'MNP'.includes(d.ethnicity)), 0.07, 0.035, 'Black (M/N/P)');
    near(share(declared, (d) => d.ethnicity === 'Z'), 0.04, 0.03, 'not stated (Z)');
    near(share(declared, (d) => d.sex === 'female'), 0.77, 0.05, 'female');
    near(share(declared, (d) => d.disability === 'yes'), 0.05, 0.03, 'disabled');
    assert.ok(share(declared, (d) => d.religion === 'prefer_not_to_say') > 0.08, 'religion: prefer not to say');
    assert.ok(share(declared, (d) => d.sexualOrientation === 'prefer_not_to_say') > 0.08, 'sexual orientation: prefer not to say');
    for (const d of declared) assert.ok(d.declaredAt.slice(0, 10) <= asOf);
  });

  test('phone numbers are all in Ofcom’s drama ranges; everyone has a mobile and 1–2 emergency contacts', async () => {
    const numbers = await database.db.select().from(phones);
    for (const p of numbers) assert.match(p.number, p.kind === 'mobile' ? /^07700 900\d{3}$/ : /^01632 960\d{3}$/);
    assert.equal(numbers.filter((p) => p.kind === 'mobile').length, 1000);
    const contacts = await database.db.select().from(emergencyContacts);
    for (const c of contacts) assert.match(c.phone, /^(07700 900|01632 960)\d{3}$/);
    const perPerson = new Map<string, number>();
    for (const c of contacts) perPerson.set(c.employeeId, (perPerson.get(c.employeeId) ?? 0) + 1);
    assert.equal(perPerson.size, 1000);
    for (const n of perPerson.values()) assert.ok(n >= 1 && n <= 2);
    for (const a of await database.db.select().from(addresses)) assert.match(a.postcode, /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/);
  });

  test('registered staff groups hold registrations in the right formats, with expiry dates', async () => {
    const regs = await database.db.select().from(professionalRegistrations);
    const byEmployee = new Map(regs.map((r) => [r.employeeId, r]));
    for (const a of jobs) {
      const reg = byEmployee.get(a.employeeId);
      if (a.staffGroup === 'Nursing and Midwifery Registered') {
        assert.equal(reg?.body, 'NMC', `${a.jobTitle} without an NMC PIN`);
        assert.match(reg.number, /^\d{2}[A-Z]\d{4}[EWSNO]$/);
      } else if (a.staffGroup === 'Allied Health Professionals') {
        assert.equal(reg?.body, 'HCPC', `${a.jobTitle} without HCPC registration`);
        assert.match(reg.number, /^(PH|OT|RA|SL|DT|CH)\d{6}$/);
      } else if (['Support to Clinical Staff', 'Administrative and Clerical', 'Estates and Ancillary'].includes(a.staffGroup)) {
        assert.equal(reg, undefined, `${a.jobTitle} should not be registered`);
      }
      if (reg) assert.ok(reg.expiresOn, 'a registration without an expiry date');
    }
    assert.ok(regs.some((r) => r.body === 'HCPC' && /^(BS|CS)/.test(r.number)) || regs.some((r) => r.body === 'GPhC'), 'no scientist or pharmacist registered');
  });

  test('the same seed gives identical rows (created_at aside)', async () => {
    const second = await freshDatabase();
    try {
      await seedDatabase(second.database, options);
      const [a, b] = [await dump(database), await dump(second.database)];
      for (const table of Object.keys(a)) assert.ok(a[table] === b[table], `${table} differs between two seeds`);
    } finally {
      await second.dispose();
    }
  });
});
