// Reads and computes one batch of a payroll run: the assignments of a planned id range that are in
// post in the tax month, with their previous payslip, timesheet claims and sickness, through the
// payroll engine, into one INSERT of payslips (ON CONFLICT on the one-per-assignment-and-period key: DO
// NOTHING). Reads only: the batch queue commits the statement with the batch.
import type { Database } from '../../db/database.ts';
import { payslips } from '../../db/schema.ts';
import type { PayClaimKind, PayslipHeaderRecord, PayslipLineRecord, PayslipYearToDateRecord } from '../../db/schema.ts';
import { maskAccountNumber } from '../masking.ts';
import type { CalculateOptions, TaxYear } from '../payroll/index.ts';
import { TableBuffer, queryRows } from '../../seed/bulk.ts';
import { allocateSickPay, sickPayForPeriod } from '../absence/sick-pay.ts';
import type { EpisodeSpan } from '../absence/sick-pay.ts';
import { computeMonthlyPayslip, taxMonth } from './pay-elements.ts';
import type { PayClaimInput, SickPayDays } from './pay-elements.ts';

/** What a run needs of the database: the engine and the drizzle handle (its driver client). */
export type RunDatabase = Pick<Database, 'engine' | 'db'>;
export const asDatabase = (d: RunDatabase) => d as Database;

/** An employee the run cannot pay: the run fails with this message, which names them. */
export class PayrollRunEmployeeError extends Error {
  readonly employeeId: string;
  readonly assignmentId: string;
  constructor(employeeId: string, assignmentId: string, assignmentNumber: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Employee ${employeeId} (assignment ${assignmentNumber}) cannot be paid: ${reason}`);
    this.name = 'PayrollRunEmployeeError';
    this.employeeId = employeeId;
    this.assignmentId = assignmentId;
  }
}

export interface RunRow {
  id: string;
  organisation_id: string;
  tax_year: string;
  period_number: number;
  pay_date: string;
  status: string;
  organisation_name: string;
}

interface BatchRow {
  id: string;
  employee_id: string;
  assignment_number: string;
  job_title: string;
  band: string;
  pay_point: string;
  contracted_minutes_per_week: number;
  tax_code: string;
  ni_category: string;
  student_loan_plans: string[] | string | null;
  start_date: string;
  end_date: string | null;
  first_name: string;
  last_name: string;
  org_unit: string;
  account_number: string | null;
  prev_tax_year: string | null;
  prev_ytd: PayslipYearToDateRecord | string | null;
  prev_deductions: PayslipLineRecord[] | string | null;
}

interface ClaimRow { assignment_id: string; kind: PayClaimKind; minutes: number | null; amount_pence: string | number | null; description: string | null }

/** A batch's assignment range: after `after` ('' = the first), up to `last` inclusive (null = the end). */
export interface BatchRange { after: string; last: string | null }

export interface PreparedBatch {
  /** Assignments paid (in post in the month); 0 when none in the range are. */
  count: number;
  /** The INSERT of their payslips, returning how many were new; null when count is 0. */
  statement: { text: string; params: unknown[] } | null;
}

const payslipColumns = [
  'id', 'organisationId', 'employeeId', 'assignmentId', 'payDate', 'taxYear', 'frequency', 'periodNumber', 'taxCode', 'taxBasis', 'niCategory',
  'grossPence', 'deductionsPence', 'netPence', 'payments', 'deductions', 'yearToDate', 'employer', 'header', 'payrollRunId',
] as const;

const json = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const textArray = (v: string[] | string | null): string[] => {
  if (Array.isArray(v)) return v;
  if (!v || v === '{}') return [];
  return v.slice(1, -1).split(',').map((s) => s.replace(/^"|"$/g, ''));
};

const batchSelect = `
SELECT a.id, a.employee_id, a.assignment_number, a.job_title, a.band, a.pay_point, a.contracted_minutes_per_week,
       a.tax_code, a.ni_category, a.student_loan_plans, a.start_date::text AS start_date, a.end_date::text AS end_date,
       e.first_name, e.last_name, u.name AS org_unit, b.account_number,
       p.tax_year AS prev_tax_year, p.year_to_date AS prev_ytd, p.deductions AS prev_deductions
FROM assignments a
JOIN employees e ON e.id = a.employee_id
JOIN org_units u ON u.id = a.org_unit_id
LEFT JOIN bank_details b ON b.employee_id = a.employee_id
LEFT JOIN LATERAL (
  SELECT q.tax_year, q.year_to_date, q.deductions FROM payslips q
  WHERE q.assignment_id = a.id AND q.frequency = 'monthly' AND (q.tax_year, q.period_number) < ($3::text, $4::integer)
  ORDER BY q.tax_year DESC, q.period_number DESC LIMIT 1
) p ON true
WHERE a.organisation_id = $1 AND a.id > $2 AND a.start_date <= $6::date AND (a.end_date IS NULL OR a.end_date >= $5::date)`;
// Two statements, not `($7 IS NULL OR a.id <= $7)`: a generic plan of that scans the index to the
// organisation's end for every batch.
const boundedBatchSql = `${batchSelect} AND a.id <= $7 ORDER BY a.id`;
const openBatchSql = `${batchSelect} ORDER BY a.id`;

const claimsSql = `
SELECT assignment_id, kind, minutes, amount_pence::text AS amount_pence, description FROM pay_claims
WHERE organisation_id = $1 AND tax_year = $2 AND period_number = $3 AND assignment_id > $4 AND assignment_id <= $5
ORDER BY assignment_id, created_at, id`;

// Sickness of the batch's people who are off sick on some day of the tax month: ALL their episodes up to
// the month's end (the rolling 12-month look-back chains through earlier episodes, exactly as
// GET /v1/people/{id}/sick-pay/period allocates them), with their NHS service start. One query per batch.
const sicknessSql = `
SELECT s.employee_id, s.id, s.start_date::text AS start_date, s.end_date::text AS end_date, e.nhs_service_start_date::text AS service_start
FROM sickness_episodes s
JOIN employees e ON e.id = s.employee_id
WHERE s.start_date <= $5::date AND s.employee_id IN (
  SELECT x.employee_id FROM sickness_episodes x JOIN assignments a ON a.employee_id = x.employee_id
  WHERE a.organisation_id = $1 AND a.id > $2 AND a.id <= $3
    AND x.start_date <= $5::date AND (x.end_date IS NULL OR x.end_date >= $4::date)
)
ORDER BY s.employee_id, s.start_date, s.id`;

interface SicknessRow { employee_id: string; id: string; start_date: string; end_date: string | null; service_start: string }

/**
 * Per employee: the days of `[from, to]` (the month clipped to an assignment's dates) that occupational
 * sick pay (AfC 14.2) pays at half and at nil pay. Statutory sick pay is out of scope here.
 */
async function loadSickness(database: RunDatabase, organisationId: string, after: string, last: string, month: { start: string; end: string }) {
  const rows = await queryRows<SicknessRow>(asDatabase(database), sicknessSql, [organisationId, after, last, month.start, month.end]);
  const byEmployee = new Map<string, { serviceStart: string; episodes: EpisodeSpan[] }>();
  for (const r of rows) {
    let entry = byEmployee.get(r.employee_id);
    if (!entry) byEmployee.set(r.employee_id, (entry = { serviceStart: r.service_start, episodes: [] }));
    entry.episodes.push({ id: r.id, startDate: r.start_date, endDate: r.end_date });
  }
  const allocations = new Map([...byEmployee].map(([id, e]) => [id, allocateSickPay(e.serviceStart, e.episodes, month.end)]));
  return (employeeId: string, startDate: string, endDate: string | null): SickPayDays | undefined => {
    const allocation = allocations.get(employeeId);
    if (!allocation) return undefined;
    const from = startDate > month.start ? startDate : month.start;
    const to = endDate !== null && endDate < month.end ? endDate : month.end;
    if (to < from) return undefined;
    const { halfPayDays, nilPayDays } = sickPayForPeriod(allocation, from, to);
    return halfPayDays || nilPayDays ? { halfPayDays, nilPayDays } : undefined;
  };
}

/** Assignments a run for this month pays: in post on at least one day of the tax month. */
export async function countEligibleAssignments(database: RunDatabase, organisationId: string, taxYear: string, periodNumber: number): Promise<number> {
  const month = taxMonth(taxYear, periodNumber);
  const [row] = await queryRows<{ n: number }>(
    asDatabase(database),
    `SELECT count(*)::int AS n FROM assignments WHERE organisation_id = $1 AND start_date <= $3::date AND (end_date IS NULL OR end_date >= $2::date)`,
    [organisationId, month.start, month.end],
  );
  return Number(row?.n ?? 0);
}

export async function loadRun(database: RunDatabase, runId: string): Promise<RunRow | undefined> {
  const [row] = await queryRows<RunRow>(
    asDatabase(database),
    `SELECT r.id, r.organisation_id, r.tax_year, r.period_number, r.pay_date::text AS pay_date, r.status, o.name AS organisation_name
     FROM payroll_runs r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = $1`,
    [runId],
  );
  return row;
}

/** Reads and computes a batch; the INSERT statement is ready to run. */
export async function prepareBatch(database: RunDatabase, run: RunRow, range: BatchRange, engineOptions: CalculateOptions = { explain: false }): Promise<PreparedBatch> {
  const { after } = range;
  const taxYear = run.tax_year as TaxYear;
  const month = taxMonth(taxYear, run.period_number);
  const rows = await queryRows<BatchRow>(
    asDatabase(database),
    range.last === null ? openBatchSql : boundedBatchSql,
    [run.organisation_id, after, taxYear, run.period_number, month.start, month.end, ...(range.last === null ? [] : [range.last])],
  );
  if (rows.length === 0) return { count: 0, statement: null };
  const last = rows[rows.length - 1]!.id;
  const [claimRows, sicknessOf] = await Promise.all([
    queryRows<ClaimRow>(asDatabase(database), claimsSql, [run.organisation_id, taxYear, run.period_number, after, last]),
    loadSickness(database, run.organisation_id, after, last, month),
  ]);
  const claims = new Map<string, PayClaimInput[]>();
  for (const c of claimRows) {
    let list = claims.get(c.assignment_id);
    if (!list) claims.set(c.assignment_id, (list = []));
    list.push({ kind: c.kind, minutes: c.minutes === null ? null : Number(c.minutes), amountPence: c.amount_pence === null ? null : Number(c.amount_pence), description: c.description });
  }

  const buffer = new TableBuffer(payslips, 'payslips', payslipColumns);
  const yearTag = taxYear.slice(2, 4);
  const periodTag = String(run.period_number).padStart(2, '0');
  for (const r of rows) {
    const prevYtd = json<PayslipYearToDateRecord>(r.prev_ytd);
    let computed;
    try {
      computed = computeMonthlyPayslip({
        assignment: {
          id: r.id, employeeId: r.employee_id, band: r.band, payPoint: r.pay_point, contractedMinutesPerWeek: Number(r.contracted_minutes_per_week),
          taxCode: r.tax_code, niCategory: r.ni_category, studentLoanPlans: textArray(r.student_loan_plans), startDate: r.start_date, endDate: r.end_date,
        },
        taxYear,
        periodNumber: run.period_number,
        previous: r.prev_tax_year && prevYtd ? { taxYear: r.prev_tax_year, yearToDate: prevYtd, deductions: json<PayslipLineRecord[]>(r.prev_deductions) ?? [] } : null,
        claims: claims.get(r.id) ?? [],
        sickness: sicknessOf(r.employee_id, r.start_date, r.end_date),
        engineOptions,
      });
    } catch (error) {
      throw new PayrollRunEmployeeError(r.employee_id, r.id, r.assignment_number, error);
    }
    const header: PayslipHeaderRecord = {
      employeeName: `${r.first_name} ${r.last_name}`,
      assignmentNumber: r.assignment_number,
      jobTitle: r.job_title,
      band: `Band ${r.band}`,
      orgUnit: r.org_unit,
      organisationName: run.organisation_name,
      paidTo: r.account_number ? { method: 'BACS', accountNumberMasked: maskAccountNumber(r.account_number) } : null,
    };
    buffer.add({
      // The seed's id scheme: one id per assignment, tax year and month.
      id: `pay_${r.id.slice(4)}${yearTag}${periodTag}`,
      organisationId: run.organisation_id, employeeId: r.employee_id, assignmentId: r.id, payDate: run.pay_date, taxYear, frequency: 'monthly',
      periodNumber: run.period_number, ...computed, header, payrollRunId: run.id,
    });
  }
  const [insert] = buffer.statements(buffer.take(), 'unnest');
  const text = `WITH inserted AS (${insert!.text} ON CONFLICT (assignment_id, tax_year, frequency, period_number) DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM inserted`;
  return { count: rows.length, statement: { text, params: insert!.params } };
}

