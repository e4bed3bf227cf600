import { count } from 'drizzle-orm';
import type { Database, Db } from '../db/database.ts';
import { assignments, bankDetails, employees, orgUnits, organisations, payslips } from '../db/schema.ts';
import type { PayslipHeaderRecord } from '../db/schema.ts';
import { maskAccountNumber } from '../domain/masking.ts';
import { payslipHistory } from './payslip-history.ts';
import { generateTrust } from './trust-generator.ts';

export interface SeedOptions {
  seed?: number;
  /** Staff per organisation. */
  staff?: number;
  organisations?: number;
  /** Reference date (YYYY-MM-DD): payslips are generated up to it. Defaults to today (UTC). */
  asOf?: string;
  /** Called as rows are written, for a progress bar. */
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface SeedSummary {
  organisations: number;
  employees: number;
  payslips: number;
  milliseconds: number;
}

// Rows per INSERT: keeps bind parameters far below PGlite's 32,767 limit for the widest table.
const batchSize = 1000;

async function insertBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>, tick: (n: number) => void) {
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    await write(batch);
    tick(batch.length);
  }
}

/** Seeds synthetic trusts, each organisation in one transaction (all or nothing). */
export async function seedDatabase(database: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const staff = options.staff ?? 2000;
  const orgCount = options.organisations ?? 1;
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  let employeeCount = 0;
  let payslipCount = 0;
  for (let o = 0; o < orgCount; o++) {
    const trust = generateTrust({ seed, staff, organisationIndex: o, asOf });
    const people = new Map(trust.employees.map((e) => [e.id, e]));
    const units = new Map(trust.orgUnits.map((u) => [u.id, u]));
    const banks = new Map(trust.bankDetails.map((b) => [b.employeeId, b]));
    const slips = trust.assignments.flatMap((a) => {
      const person = people.get(a.employeeId)!;
      const bank = banks.get(a.employeeId);
      const header: PayslipHeaderRecord = {
        employeeName: `${person.firstName} ${person.lastName}`,
        assignmentNumber: a.assignmentNumber,
        jobTitle: a.jobTitle,
        band: `Band ${a.band}`,
        orgUnit: units.get(a.orgUnitId)!.name,
        organisationName: trust.organisation.name,
        paidTo: bank ? { method: 'BACS', accountNumberMasked: maskAccountNumber(bank.accountNumber) } : null,
      };
      return payslipHistory(a, asOf, seed).map((p) => ({
        ...p,
        id: `pay_${a.id.slice(4)}${p.taxYear.slice(2, 4)}${String(p.periodNumber).padStart(2, '0')}`,
        organisationId: trust.organisation.id,
        frequency: 'monthly' as const,
        header,
      }));
    });
    const total = trust.employees.length * 3 + trust.orgUnits.length + slips.length;
    let done = 0;
    const tick = (phase: string) => (n: number) => {
      done += n;
      options.onProgress?.(done, total, `${trust.organisation.name}: ${phase}`);
    };
    await database.db.transaction(async (tx) => {
      await tx.insert(organisations).values(trust.organisation);
      await insertBatches(trust.orgUnits, (b) => tx.insert(orgUnits).values(b), tick('org units'));
      // Supervisors first would need ordering; insert people, then assignments (FKs point at employees only).
      await insertBatches(trust.employees, (b) => tx.insert(employees).values(b), tick('employees'));
      await insertBatches(trust.assignments, (b) => tx.insert(assignments).values(b), tick('assignments'));
      await insertBatches(trust.bankDetails, (b) => tx.insert(bankDetails).values(b), tick('bank details'));
      await insertBatches(slips, (b) => tx.insert(payslips).values(b), tick('payslips'));
    });
    // Fresh statistics, so the planner uses the indexes from the first request on.
    await database.exec('ANALYZE');
    employeeCount += trust.employees.length;
    payslipCount += slips.length;
  }
  return { organisations: orgCount, employees: employeeCount, payslips: payslipCount, milliseconds: performance.now() - started };
}

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) > 0;
}
