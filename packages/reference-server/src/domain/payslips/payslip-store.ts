import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { payslips } from '../../db/schema.ts';
import type { PayslipLineRecord, PayslipYearToDateRecord, PayslipEmployerRecord } from '../../db/schema.ts';
import type { PayFrequency, TaxBasis } from '../payroll/index.ts';

export interface PayslipView {
  id: string;
  employee: { id: string; name: string; assignmentNumber: string; jobTitle: string; band: string; orgUnit: string };
  organisation: { id: string; name: string };
  payDate: string;
  taxYear: string;
  period: { frequency: PayFrequency; number: number };
  taxCode: string;
  taxBasis: TaxBasis;
  niCategory: string;
  payments: PayslipLineRecord[];
  deductions: PayslipLineRecord[];
  totals: { grossPence: number; deductionsPence: number; netPence: number };
  yearToDate: PayslipYearToDateRecord;
  employerContributions: PayslipEmployerRecord;
  paidTo: { method: 'BACS'; accountNumberMasked: string } | null;
}

export interface PayslipSummaryView {
  id: string;
  payDate: string;
  taxYear: string;
  period: { frequency: PayFrequency; number: number };
  totals: { grossPence: number; deductionsPence: number; netPence: number };
}

const summaryColumns = {
  id: payslips.id,
  payDate: payslips.payDate,
  taxYear: payslips.taxYear,
  frequency: payslips.frequency,
  periodNumber: payslips.periodNumber,
  grossPence: payslips.grossPence,
  deductionsPence: payslips.deductionsPence,
  netPence: payslips.netPence,
};
type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] };

export function toSummary(row: SummaryRow): PayslipSummaryView {
  return {
    id: row.id,
    payDate: row.payDate,
    taxYear: row.taxYear,
    period: { frequency: row.frequency, number: row.periodNumber },
    totals: { grossPence: row.grossPence, deductionsPence: row.deductionsPence, netPence: row.netPence },
  };
}

/**
 * Payslips an employee may see: history, and those of payroll runs that have been finalised. A run in
 * progress (or one that may still be rolled back) stays visible to payroll admins only, as in ESR,
 * where payslips appear once payroll closes.
 */
const released = sql`(${payslips.payrollRunId} IS NULL OR EXISTS (
  SELECT 1 FROM payroll_runs r WHERE r.id = ${payslips.payrollRunId} AND r.status = 'finalised'))`;

export interface PayslipVisibility {
  /** True for employees; payroll admins also see payslips of runs not yet finalised. */
  releasedOnly: boolean;
}

/** Newest first; keyset pagination on (pay_date, id) so pages stay stable while payroll runs add rows. */
export async function listPayslips(
  db: Db,
  employeeId: string,
  page: { limit: number; after?: [string, string] | undefined } & PayslipVisibility,
): Promise<SummaryRow[]> {
  const after = page.after;
  return db
    .select(summaryColumns)
    .from(payslips)
    .where(
      and(
        eq(payslips.employeeId, employeeId),
        page.releasedOnly ? released : undefined,
        after
          ? or(lt(payslips.payDate, after[0]), and(eq(payslips.payDate, after[0]), lt(payslips.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(desc(payslips.payDate), desc(payslips.id))
    .limit(page.limit + 1);
}

/**
 * "My latest payslip" is the hottest read of all. PostgreSQL writes the response itself: the view below
 * (the same as findPayslip's, a test keeps them equal) as JSON text, which the route sends as it is. That
 * skips decoding every column and JSON column into objects and encoding them again, which on PGlite was
 * a good part of the request. The SQL is built once per database, not per request.
 */
const latestReleasedJson = new WeakMap<Db, ReturnType<typeof prepareLatestReleasedJson>>();

const header = (key: string) => sql`${payslips.header} -> ${sql.raw(`'${key}'`)}`;
const payslipViewJson = sql<string>`json_build_object(
  'id', ${payslips.id},
  'employee', json_build_object('id', ${payslips.employeeId}, 'name', ${header('employeeName')}, 'assignmentNumber', ${header('assignmentNumber')},
    'jobTitle', ${header('jobTitle')}, 'band', ${header('band')}, 'orgUnit', ${header('orgUnit')}),
  'organisation', json_build_object('id', ${payslips.organisationId}, 'name', ${header('organisationName')}),
  'payDate', ${payslips.payDate}, 'taxYear', ${payslips.taxYear},
  'period', json_build_object('frequency', ${payslips.frequency}, 'number', ${payslips.periodNumber}),
  'taxCode', ${payslips.taxCode}, 'taxBasis', ${payslips.taxBasis}, 'niCategory', ${payslips.niCategory},
  'payments', ${payslips.payments}, 'deductions', ${payslips.deductions},
  'totals', json_build_object('grossPence', ${payslips.grossPence}, 'deductionsPence', ${payslips.deductionsPence}, 'netPence', ${payslips.netPence}),
  'yearToDate', ${payslips.yearToDate}, 'employerContributions', ${payslips.employer}, 'paidTo', ${header('paidTo')}
)::text`;

function prepareLatestReleasedJson(db: Db) {
  return db
    .select({ body: payslipViewJson })
    .from(payslips)
    .where(and(eq(payslips.employeeId, sql.placeholder('employeeId')), released))
    .orderBy(desc(payslips.payDate), desc(payslips.id))
    .limit(1)
    .prepare('payslip_latest_released_json');
}

/** The employee's latest released payslip as the JSON text of its PayslipView, or null when they have none. */
export async function latestPayslipJson(db: Db, employeeId: string): Promise<string | null> {
  let query = latestReleasedJson.get(db);
  if (!query) latestReleasedJson.set(db, (query = prepareLatestReleasedJson(db)));
  const [row] = await query.execute({ employeeId });
  return row?.body ?? null;
}

/**
 * One payslip of one employee, or null: callers cannot tell "not yours" from "does not exist".
 * A single-table read (the header is frozen on the payslip), so it stays one index probe.
 */
export async function findPayslip(db: Db, employeeId: string, which: { id: string } | 'latest', visibility: PayslipVisibility): Promise<PayslipView | null> {
  const [p] = await db
    .select()
    .from(payslips)
    .where(
      and(
        eq(payslips.employeeId, employeeId),
        visibility.releasedOnly ? released : undefined,
        which === 'latest' ? undefined : eq(payslips.id, which.id),
      ),
    )
    .orderBy(desc(payslips.payDate), desc(payslips.id))
    .limit(1);
  if (!p) return null;
  const h = p.header;
  return {
    id: p.id,
    employee: { id: p.employeeId, name: h.employeeName, assignmentNumber: h.assignmentNumber, jobTitle: h.jobTitle, band: h.band, orgUnit: h.orgUnit },
    organisation: { id: p.organisationId, name: h.organisationName },
    payDate: p.payDate,
    taxYear: p.taxYear,
    period: { frequency: p.frequency, number: p.periodNumber },
    taxCode: p.taxCode,
    taxBasis: p.taxBasis,
    niCategory: p.niCategory,
    payments: p.payments,
    deductions: p.deductions,
    totals: { grossPence: p.grossPence, deductionsPence: p.deductionsPence, netPence: p.netPence },
    yearToDate: p.yearToDate,
    employerContributions: p.employer,
    paidTo: h.paidTo,
  };
}
