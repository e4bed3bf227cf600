import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../db/database.ts';
import {
  addresses, assignments, bankDetails, emergencyContacts, employees, equalityDiversity, orgUnits, organisations, payslips, phones,
  professionalRegistrations,
} from '../db/schema.ts';
import type { PayslipHeaderRecord } from '../db/schema.ts';
import { maskAccountNumber } from '../domain/masking.ts';
import { seedAbsence } from './absence.ts';
import { seedLearning } from './learning.ts';
import type { LearningSeedOptions } from './learning.ts';
import { BulkWriter, TableBuffer, inTransaction, queryRows } from './bulk.ts';
import type { InsertMethod } from './bulk.ts';
import { payDatesUpTo, payslipHistory } from './payslip-history.ts';
import { Random } from './random.ts';
import { RegistrationAllocator, seriesOf } from './registrations.ts';
import { generatePeople, organisationId, planTrust } from './trust-generator.ts';
import { seedLeave } from './leave.ts';
import { seedLeavers } from './workforce.ts';

export interface SeedOptions {
  seed?: number;
  /** Staff per organisation (default 2,000). Ignored when `totalStaff` is given. */
  staff?: number;
  /** Staff across all organisations, split with a realistic spread of trust sizes (min 100 each where possible). */
  totalStaff?: number;
  organisations?: number;
  /** Reference date (YYYY-MM-DD): payslips are generated up to it. Defaults to today (UTC). */
  asOf?: string;
  /** Newest monthly payslips per person (default: every month since April 2025 up to `asOf`); 0 for none. */
  payslipMonths?: number;
  /** Index of the first organisation (ids org_XX, codes RXXX): to add organisations to a seeded database. */
  firstOrganisationIndex?: number;
  /** Skip organisations already in the database (resume an interrupted run with the same options). */
  skipExisting?: boolean;
  /** How rows are inserted (default unnest; see bulk.ts). */
  insertMethod?: InsertMethod;
  /** Rows per table per statement (default 1,000 on PGlite, 5,000 on PostgreSQL). */
  rowsPerStatement?: number;
  /** Stops at the next batch: the organisation in progress rolls back, finished ones stay (resume later). */
  signal?: AbortSignal;
  /** Leave and absence (src/seed/absence.ts): also generate sickness episodes for the seeded trusts (default off). */
  absence?: boolean | { months?: number };
  /** Workforce analytics (src/seed/workforce.ts): also generate leavers with leaving dates and reasons (default off). */
  workforce?: boolean | { months?: number; annualLeaverRate?: number };
  /** Annual leave (src/seed/leave.ts): taken, booked and pending requests with their balances (default off). */
  leave?: boolean;
  /** Learning (src/seed/learning.ts): requirements, catalogue, sessions, bookings and completion history (default off). */
  learning?: boolean | Pick<LearningSeedOptions, 'courses' | 'sessions' | 'enrolments' | 'history'>;
  /** Called as rows are written, for a progress bar. `total` is an estimate until the last call. */
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface SeedSummary {
  organisations: number;
  /** Organisations skipped because they were already there (`skipExisting`). */
  skipped: number;
  employees: number;
  payslips: number;
  /** Rows written, all tables. */
  rows: number;
  rowsByTable: Record<string, number>;
  milliseconds: number;
}

/** One organisation's rows must stay below this: ids, employee and assignment numbers are sized for it. */
export const maxStaffPerOrganisation = 999_999;

/**
 * Trust sizes adding up to `total`: log-normally spread (real trusts run from a few hundred to over
 * 20,000 staff), at least 100 each where the total allows, deterministic by seed.
 */
export function organisationSizes(total: number, organisationCount: number, seed: number): number[] {
  if (organisationCount <= 0) return [];
  const rnd = new Random(seed ^ 0x51e5);
  const weights = Array.from({ length: organisationCount }, () => Math.exp(0.7 * Math.sqrt(-2 * Math.log(1 - rnd.next())) * Math.cos(2 * Math.PI * rnd.next())));
  const sum = weights.reduce((s, w) => s + w, 0);
  const sizes = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - sizes.reduce((s, n) => s + n, 0);
  for (let i = 0; rest > 0; i = (i + 1) % organisationCount, rest--) sizes[i]!++;
  const floor = Math.min(100, Math.floor(total / organisationCount));
  for (let i = 0; i < organisationCount; i++) {
    while (sizes[i]! < floor) {
      const largest = sizes.indexOf(Math.max(...sizes));
      const move = Math.min(floor - sizes[i]!, sizes[largest]! - floor);
      sizes[i]! += move;
      sizes[largest]! -= move;
    }
  }
  return sizes;
}

/**
 * Seeds synthetic trusts organisation by organisation, each in one transaction (all or nothing), and
 * streams each organisation's people through bounded buffers: memory does not grow with the staff count.
 */
export async function seedDatabase(database: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const orgCount = options.organisations ?? 1;
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const sizes = options.totalStaff !== undefined ? organisationSizes(options.totalStaff, orgCount, seed) : Array.from({ length: orgCount }, () => options.staff ?? 2000);
  const tooBig = sizes.find((n) => n > maxStaffPerOrganisation);
  if (tooBig) throw new RangeError(`${tooBig} staff in one organisation: at most ${maxStaffPerOrganisation}; spread them over more organisations`);
  const first = options.firstOrganisationIndex ?? 0;
  const method = options.insertMethod ?? 'unnest';
  const rowsPerStatement = options.rowsPerStatement ?? (database.engine === 'pglite' ? 1000 : 5000);
  const months = Math.min(options.payslipMonths ?? Infinity, payDatesUpTo(asOf).length);

  const existing = options.skipExisting ? new Set((await queryRows<{ id: string }>(database, 'SELECT id FROM organisations')).map((r) => r.id)) : new Set<string>();
  // Registration counters continue from what the database holds (see registrations.ts).
  const issued = new Map<string, number>();
  const counts = await queryRows<{ body: string; prefix: string; n: number | string }>(database, 'SELECT body, left(number, 2) AS prefix, count(*) AS n FROM professional_registrations GROUP BY 1, 2');
  for (const r of counts) {
    const key = seriesOf(r.body, r.prefix);
    issued.set(key, (issued.get(key) ?? 0) + Number(r.n));
  }
  const allocator = new RegistrationAllocator(seed, issued);

  // Rows per person: employee, assignment, bank details, address, ~1.25 phones, ~1.4 emergency
  // contacts, ~0.92 E&D declarations, ~0.5 registrations, and payslips (new starters have fewer).
  const estimate = Math.round(sizes.reduce((s, n, i) => s + (existing.has(organisationId(first + i)) ? 0 : n * (8.06 + 0.97 * months)), 0));
  let done = 0;
  const rowsByTable: Record<string, number> = {};
  let seeded = 0;
  let skipped = 0;

  for (let o = 0; o < orgCount; o++) {
    options.signal?.throwIfAborted();
    const orgNo = first + o;
    if (existing.has(organisationId(orgNo))) {
      skipped++;
      continue;
    }
    const plan = planTrust({ seed, staff: sizes[o]!, organisationIndex: orgNo, asOf });
    const phase = `${plan.organisation.name}${orgCount > 1 ? ` (${o + 1}/${orgCount})` : ''}`;
    const unitNames = new Map(plan.orgUnits.map((u) => [u.id, u.name]));
    const buffers = {
      organisations: new TableBuffer(organisations, 'organisations', ['id', 'code', 'name', 'nation']),
      orgUnits: new TableBuffer(orgUnits, 'org_units', ['id', 'organisationId', 'parentId', 'kind', 'name', 'costCentre']),
      employees: new TableBuffer(employees, 'employees', ['id', 'organisationId', 'employeeNumber', 'title', 'firstName', 'lastName', 'email', 'dateOfBirth', 'nhsServiceStartDate', 'niNumber', 'roles']),
      assignments: new TableBuffer(assignments, 'assignments', ['id', 'organisationId', 'employeeId', 'assignmentNumber', 'jobTitle', 'staffGroup', 'band', 'payPoint', 'orgUnitId', 'supervisorEmployeeId', 'contractedMinutesPerWeek', 'taxCode', 'niCategory', 'studentLoanPlans', 'startDate', 'endDate']),
      bankDetails: new TableBuffer(bankDetails, 'bank_details', ['employeeId', 'accountName', 'sortCode', 'accountNumber']),
      addresses: new TableBuffer(addresses, 'addresses', ['employeeId', 'kind', 'line1', 'line2', 'town', 'county', 'postcode']),
      phones: new TableBuffer(phones, 'phones', ['employeeId', 'kind', 'number']),
      emergencyContacts: new TableBuffer(emergencyContacts, 'emergency_contacts', ['employeeId', 'priority', 'name', 'relationship', 'phone']),
      equalityDiversity: new TableBuffer(equalityDiversity, 'equality_diversity', ['employeeId', 'ethnicity', 'sex', 'disability', 'religion', 'sexualOrientation', 'declaredAt']),
      registrations: new TableBuffer(professionalRegistrations, 'professional_registrations', ['id', 'employeeId', 'body', 'number', 'expiresOn']),
      payslips: new TableBuffer(payslips, 'payslips', ['id', 'organisationId', 'employeeId', 'assignmentId', 'payDate', 'taxYear', 'frequency', 'periodNumber', 'taxCode', 'taxBasis', 'niCategory', 'grossPence', 'deductionsPence', 'netPence', 'payments', 'deductions', 'yearToDate', 'employer', 'header']),
    };
    const ordered = Object.values(buffers) as Array<TableBuffer<PgTable>>;
    const written: Record<string, number> = {};
    await inTransaction(database, async (ex) => {
      const writer = new BulkWriter(ex, ordered, {
        method,
        rowsPerStatement,
        onWritten: (table, rows) => {
          written[table] = (written[table] ?? 0) + rows;
          done += rows;
          options.onProgress?.(done, Math.max(estimate, done), phase);
        },
      });
      buffers.organisations.add(plan.organisation);
      for (const unit of plan.orgUnits) {
        buffers.orgUnits.add(unit);
        await writer.maybeFlush();
      }
      for (const person of generatePeople(plan, allocator)) {
        const { employee: e, assignment: a, bankDetails: bank } = person;
        buffers.employees.add(e);
        buffers.assignments.add(a);
        buffers.bankDetails.add(bank);
        buffers.addresses.add({ employeeId: e.id, kind: 'home', ...person.address });
        for (const p of person.phones) buffers.phones.add({ employeeId: e.id, ...p });
        for (const c of person.emergencyContacts) buffers.emergencyContacts.add({ employeeId: e.id, ...c });
        if (person.equality) buffers.equalityDiversity.add({ employeeId: e.id, ...person.equality });
        if (person.registration) buffers.registrations.add(person.registration);
        if (months > 0) {
          const header: PayslipHeaderRecord = {
            employeeName: `${e.firstName} ${e.lastName}`,
            assignmentNumber: a.assignmentNumber,
            jobTitle: a.jobTitle,
            band: `Band ${a.band}`,
            orgUnit: unitNames.get(a.orgUnitId)!,
            organisationName: plan.organisation.name,
            paidTo: { method: 'BACS', accountNumberMasked: maskAccountNumber(bank.accountNumber) },
          };
          for (const p of payslipHistory(a, asOf, seed, months)) {
            buffers.payslips.add({ ...p, id: `pay_${a.id.slice(4)}${p.taxYear.slice(2, 4)}${String(p.periodNumber).padStart(2, '0')}`, organisationId: plan.organisation.id, frequency: 'monthly', header });
          }
        }
        options.signal?.throwIfAborted();
        await writer.maybeFlush();
      }
      await writer.done();
    });
    seeded++;
    for (const [table, n] of Object.entries(written)) rowsByTable[table] = (rowsByTable[table] ?? 0) + n;
  }
  // --- Workforce hook (src/seed/workforce.ts): leavers, before absence so they have sickness history too. ---
  if (options.workforce) {
    const trusts = sizes.map((staff, o) => ({ seed, staff, organisationIndex: first + o, asOf })).filter((t) => !existing.has(organisationId(t.organisationIndex)));
    const workforce = await seedLeavers(database, trusts, { asOf, rowsPerStatement, ...(typeof options.workforce === 'object' ? options.workforce : {}) });
    rowsByTable['leavers'] = workforce.leavers;
  }
  if (options.leave) {
    const seededIds = Array.from({ length: orgCount }, (_, o) => organisationId(first + o)).filter((id) => !existing.has(id));
    rowsByTable['leave_requests'] = (await seedLeave(database, { seed, asOf, organisationIds: seededIds, rowsPerStatement })).requests;
  }
  // --- end of the workforce hook ---
  // --- Leave and absence hook (src/seed/absence.ts): sickness episodes for the organisations seeded here. ---
  if (options.absence) {
    const seededIds = Array.from({ length: orgCount }, (_, o) => organisationId(first + o)).filter((id) => !existing.has(id));
    const absence = await seedAbsence(database, { seed, asOf, organisationIds: seededIds, rowsPerStatement, ...(typeof options.absence === 'object' ? options.absence : {}) });
    rowsByTable['sickness_episodes'] = absence.episodes;
    done += absence.episodes;
  }
  // --- end of the leave and absence hook ---
  // --- Learning hook (src/seed/learning.ts): catalogue, bookings and training history for the organisations seeded here. ---
  if (options.learning) {
    const seededIds = Array.from({ length: orgCount }, (_, o) => organisationId(first + o)).filter((id) => !existing.has(id));
    const learning = await seedLearning(database, { seed, asOf, organisationIds: seededIds, rowsPerStatement, ...(typeof options.learning === 'object' ? options.learning : {}) });
    Object.assign(rowsByTable, { courses: learning.courses, class_sessions: learning.sessions, enrolments: learning.enrolments, training_records: learning.trainingRecords, learning_requirements: learning.requirements });
    done += learning.courses + learning.sessions + learning.enrolments + learning.trainingRecords + learning.requirements;
  }
  // --- end of the learning hook ---
  // Fresh statistics, so the planner uses the indexes from the first request on.
  await database.exec('ANALYZE');
  options.onProgress?.(done, done, 'done');
  return {
    organisations: seeded,
    skipped,
    employees: rowsByTable['employees'] ?? 0,
    payslips: rowsByTable['payslips'] ?? 0,
    rows: done,
    rowsByTable,
    milliseconds: performance.now() - started,
  };
}

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) > 0;
}
