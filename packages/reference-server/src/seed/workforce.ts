// Leavers for seeded trusts, so turnover has history: people who left in the months before `asOf`, with
// a leaving date and reason on their ended assignment. About 11% of staff leave a year (NHS trusts run at
// roughly 10–12%), spread over the months; reasons weighted like NHS Digital's reasons for leaving (work-
// life balance, relocation and retirement lead; dismissal and redundancy are rare); retirement only from
// 55. Each leaver is hired as the generator hires everyone, dated back from their leaving day, so their
// age, service, band and equality declaration look like everyone else's. Starters need nothing extra:
// the generator already dates about a tenth of assignments within the last year.
//
// Deterministic by seed, organisation and leaver number; the trust's own people are untouched (leavers
// are numbered after them and draw from their own random streams).
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database.ts';
import { addresses, assignments, bankDetails, emergencyContacts, employees, equalityDiversity, phones } from '../db/schema.ts';
import { addMonths, dayOf, isoOf } from '../domain/calendars/dates.ts';
import { BulkWriter, TableBuffer, inTransaction } from './bulk.ts';
import { hash } from './payslip-history.ts';
import { Random } from './random.ts';
import { RegistrationAllocator } from './registrations.ts';
import { hire, organisationId, planTrust, staffGroups } from './trust-generator.ts';
import type { GeneratedPerson } from './trust-generator.ts';

export interface WorkforceSeedOptions {
  seed?: number;
  asOf: string;
  /** Leavers over this many months before asOf (default 24: a 12-month rolling series for a year). */
  months?: number;
  /** Leavers a year as a share of staff (default 0.11). */
  annualLeaverRate?: number;
  rowsPerStatement?: number;
}

const reasons: ReadonlyArray<readonly [string, number]> = [
  ['work_life_balance', 17], ['relocation', 14], ['promotion', 8], ['better_reward', 4], ['health', 3], ['other_voluntary', 14],
  ['retirement', 16], ['end_of_fixed_term', 9], ['dismissal', 3], ['redundancy', 1], ['death_in_service', 0.5], ['not_recorded', 10.5],
];

export interface GeneratedLeaver { person: GeneratedPerson; leavingDate: string; leavingReason: string }

/** The leavers of one planned trust (same arguments as planTrust), in leaver order. */
export function* generateLeavers(trust: { seed: number; staff: number; organisationIndex: number; asOf: string }, options: { months?: number; annualLeaverRate?: number } = {}): Generator<GeneratedLeaver> {
  const plan = planTrust(trust);
  const months = options.months ?? 24;
  const count = Math.round(plan.staff * (options.annualLeaverRate ?? 0.11) * (months / 12));
  const last = dayOf(trust.asOf) - 1;
  const first = addMonths(last + 1, -months);
  // Leavers hold no registration: the allocator is only there because hire() takes one.
  const allocator = new RegistrationAllocator(trust.seed, new Map());
  const groups = staffGroups.map((g) => [g, g.weight] as const);
  for (let i = 0; i < count; i++) {
    const rnd = new Random(hash(`${trust.seed}:leaver:${plan.organisation.id}:${i}`));
    const leaving = rnd.int(first, last);
    const g = rnd.weighted(groups);
    const team = rnd.pick(plan.teams[g.category]);
    const band = rnd.weighted(g.bands);
    const personNo = plan.staff + 1 + i;
    const person = hire({ ...plan, asOf: isoOf(leaving), rnd }, allocator, personNo, {
      unitId: team.unitId, band, jobTitle: g.titles[band] ?? 'Officer', staffGroup: g.group, category: g.category, supervisor: team.managerId, roles: [], registration: null,
    }, false);
    let reason = rnd.weighted(reasons);
    const age = (leaving - dayOf(person.employee.dateOfBirth)) / 365.25;
    if (reason === 'retirement' && age < 55) reason = 'other_voluntary';
    person.assignment.endDate = isoOf(leaving);
    yield { person, leavingDate: isoOf(leaving), leavingReason: reason };
  }
}

/** Writes the leavers of the organisations just seeded (one transaction each). */
export async function seedLeavers(database: Database, trusts: Array<{ seed: number; staff: number; organisationIndex: number; asOf: string }>, options: WorkforceSeedOptions): Promise<{ leavers: number }> {
  const rowsPerStatement = options.rowsPerStatement ?? (database.engine === 'pglite' ? 1000 : 5000);
  let leavers = 0;
  for (const trust of trusts) {
    await inTransaction(database, async (ex) => {
      // The absence summary is rebuilt once at the end instead of by the triggers statement by statement.
      await ex.query(`SET LOCAL esr.absence_summary_deferred = 'on'`, []);
      const buffers = [
        new TableBuffer(employees, 'employees', ['id', 'organisationId', 'employeeNumber', 'title', 'firstName', 'lastName', 'email', 'dateOfBirth', 'nhsServiceStartDate', 'niNumber', 'roles']),
        new TableBuffer(assignments, 'assignments', ['id', 'organisationId', 'employeeId', 'assignmentNumber', 'jobTitle', 'staffGroup', 'band', 'payPoint', 'orgUnitId', 'supervisorEmployeeId', 'contractedMinutesPerWeek', 'taxCode', 'niCategory', 'studentLoanPlans', 'startDate', 'endDate', 'leavingReason']),
        new TableBuffer(bankDetails, 'bank_details', ['employeeId', 'accountName', 'sortCode', 'accountNumber']),
        new TableBuffer(addresses, 'addresses', ['employeeId', 'kind', 'line1', 'line2', 'town', 'county', 'postcode']),
        new TableBuffer(phones, 'phones', ['employeeId', 'kind', 'number']),
        new TableBuffer(emergencyContacts, 'emergency_contacts', ['employeeId', 'priority', 'name', 'relationship', 'phone']),
        new TableBuffer(equalityDiversity, 'equality_diversity', ['employeeId', 'ethnicity', 'sex', 'disability', 'religion', 'sexualOrientation', 'declaredAt']),
      ] as const;
      const [emp, asg, bank, addr, phone, contact, equality] = buffers;
      const writer = new BulkWriter(ex, buffers as unknown as Array<TableBuffer<PgTable>>, { method: 'unnest', rowsPerStatement, onWritten: () => {} });
      for (const { person, leavingReason } of generateLeavers(trust, options)) {
        const e = person.employee;
        emp.add(e);
        asg.add({ ...person.assignment, leavingReason });
        bank.add(person.bankDetails);
        addr.add({ employeeId: e.id, kind: 'home', ...person.address });
        for (const p of person.phones) phone.add({ employeeId: e.id, ...p });
        for (const c of person.emergencyContacts) contact.add({ employeeId: e.id, ...c });
        if (person.equality) equality.add({ employeeId: e.id, ...person.equality });
        leavers++;
        await writer.maybeFlush();
      }
      await writer.done();
      await ex.query('SELECT absence_summary_rebuild($1)', [organisationId(trust.organisationIndex)]);
    });
  }
  return { leavers };
}
