// Payroll runs as records: start, read, list, roll back, finalise. State changes are conditional
// updates under a lock on the run row, so concurrent callers get exactly one winner, and each is
// audited in the same transaction.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, ne, or, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/database.ts';
import { payrollRuns, payslips } from '../../db/schema.ts';
import type { PayrollRunStatus } from '../../db/schema.ts';
import { ApiProblem, problems } from '../../http/problem.ts';
import { planBatches } from './batch-queue.ts';
import { countEligibleAssignments, databaseOf, defaultBatchSize, startRunWorker } from './runner.ts';
import type { PayrollRunOptions } from './runner.ts';

export type PayrollRunRow = typeof payrollRuns.$inferSelect;

export interface PayrollRunView {
  id: string;
  organisationId: string;
  taxYear: string;
  frequency: 'monthly';
  periodNumber: number;
  payDate: string;
  status: PayrollRunStatus;
  progress: {
    total: number;
    processed: number;
    /** 0–100, one decimal. */
    percent: number;
    payslipsWritten: number;
    /** Assignments processed per second since the start (to the last commit, or the finish). */
    payslipsPerSecond: number | null;
    /** Seconds left at that rate; null when finished or not yet measurable. */
    etaSeconds: number | null;
  };
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  finalisedAt: string | null;
  rolledBackAt: string | null;
  error: string | null;
}

const instant = (value: string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function toRunView(row: PayrollRunRow): PayrollRunView {
  const startedAt = instant(row.startedAt)!;
  const end = instant(row.finishedAt ?? row.updatedAt)!;
  const seconds = (Date.parse(end) - Date.parse(startedAt)) / 1000;
  const rate = row.processed > 0 && seconds > 0 ? row.processed / seconds : null;
  const remaining = Math.max(0, row.total - row.processed);
  return {
    id: row.id,
    organisationId: row.organisationId,
    taxYear: row.taxYear,
    frequency: 'monthly',
    periodNumber: row.periodNumber,
    payDate: row.payDate,
    status: row.status,
    progress: {
      total: row.total,
      processed: row.processed,
      percent: row.total === 0 ? (row.status === 'running' ? 0 : 100) : Math.min(100, Math.round((row.processed / row.total) * 1000) / 10),
      payslipsWritten: row.payslipsWritten,
      payslipsPerSecond: rate === null ? null : Math.round(rate),
      etaSeconds: row.status !== 'running' ? null : rate === null ? null : Math.ceil(remaining / rate),
    },
    startedBy: row.startedBy,
    startedAt,
    finishedAt: instant(row.finishedAt),
    finalisedAt: instant(row.finalisedAt),
    rolledBackAt: instant(row.rolledBackAt),
    error: row.error,
  };
}

export const runProblems = {
  notPayrollAdmin: () => problems.forbidden('Only payroll administrators may see or run payroll.'),
  exists: (run: { id: string; status: string }) =>
    new ApiProblem(409, 'payroll_run_exists', 'A payroll run for this period already exists', `Run ${run.id} (${run.status}) covers this period: roll it back before starting another.`),
  wrongState: (run: { id: string; status: string }, action: 'finalise' | 'roll back') =>
    new ApiProblem(
      409,
      'payroll_run_state_conflict',
      `The run cannot be ${action === 'finalise' ? 'finalised' : 'rolled back'} now`,
      action === 'finalise'
        ? `Run ${run.id} is ${run.status}: only a completed run can be finalised, and only once.`
        : `Run ${run.id} is ${run.status}: a run can be rolled back only before it is finalised, and only once.`,
    ),
};

export function requirePayrollAdmin(principal: Principal): void {
  if (!principal.roles.includes('payroll_admin')) throw runProblems.notPayrollAdmin();
}

/** The run if it belongs to the caller's organisation (others' runs are "not found"). */
export async function findRun(db: Db, principal: Principal, runId: string): Promise<PayrollRunRow | undefined> {
  const [row] = await db.select().from(payrollRuns).where(and(eq(payrollRuns.id, runId), eq(payrollRuns.organisationId, principal.organisationId))).limit(1);
  return row;
}

export async function listRuns(db: Db, organisationId: string, page: { limit: number; after?: [string, string] | undefined; status?: PayrollRunStatus | undefined }): Promise<PayrollRunRow[]> {
  const after = page.after;
  return db
    .select()
    .from(payrollRuns)
    .where(
      and(
        eq(payrollRuns.organisationId, organisationId),
        page.status ? eq(payrollRuns.status, page.status) : undefined,
        after ? or(lt(payrollRuns.startedAt, after[0]), and(eq(payrollRuns.startedAt, after[0]), lt(payrollRuns.id, after[1]))) : undefined,
      ),
    )
    .orderBy(desc(payrollRuns.startedAt), desc(payrollRuns.id))
    .limit(page.limit + 1);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export interface StartRunInput {
  taxYear: string;
  periodNumber: number;
  payDate: string;
}

interface RequestContext {
  principal: Principal;
  requestId: string | null;
  ip: string | null;
}

/**
 * Creates the run (409 if a live run covers the period), plans its batches, and starts its worker in
 * the background (or leaves it to the worker pools, `inProcessWorker: false`).
 * The organisation is the caller's.
 */
export async function startRun(db: Db, ctx: RequestContext, input: StartRunInput, options: PayrollRunOptions = {}): Promise<PayrollRunRow> {
  const organisationId = ctx.principal.organisationId;
  const live = () =>
    db
      .select({ id: payrollRuns.id, status: payrollRuns.status })
      .from(payrollRuns)
      .where(and(eq(payrollRuns.organisationId, organisationId), eq(payrollRuns.taxYear, input.taxYear), eq(payrollRuns.frequency, 'monthly'), eq(payrollRuns.periodNumber, input.periodNumber), ne(payrollRuns.status, 'rolled_back')))
      .limit(1);
  const [existing] = await live();
  if (existing) throw runProblems.exists(existing);
  const database = databaseOf(db);
  const total = await countEligibleAssignments(database, organisationId, input.taxYear, input.periodNumber);
  const id = `prn_${randomUUID().replaceAll('-', '')}`;
  let created: PayrollRunRow;
  try {
    created = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(payrollRuns)
        .values({ id, organisationId, taxYear: input.taxYear, frequency: 'monthly', periodNumber: input.periodNumber, payDate: input.payDate, total, startedBy: ctx.principal.employeeId })
        .returning();
      await planBatches(tx, { id, organisationId, taxYear: input.taxYear, periodNumber: input.periodNumber }, options.batchSize ?? defaultBatchSize(database.engine));
      await recordAudit(tx, { ...ctx, action: 'create', resource: 'payroll_run', changes: { status: { to: 'running' }, periodNumber: { to: input.periodNumber }, total: { to: total } } });
      return row!;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another start for the same period won the race.
    const [winner] = await live();
    throw runProblems.exists(winner ?? { id: 'another run', status: 'running' });
  }
  if (options.inProcessWorker !== false) void startRunWorker(database, id, options);
  options.onPlanned?.(id);
  return created;
}

async function transition(
  db: Db,
  ctx: RequestContext,
  runId: string,
  action: 'finalise' | 'roll back',
): Promise<{ row: PayrollRunRow; payslipsDeleted: number }> {
  return db.transaction(async (tx) => {
    // The lock orders us with the run's batches and with any other finalise / rollback.
    const [current] = await tx
      .select()
      .from(payrollRuns)
      .where(and(eq(payrollRuns.id, runId), eq(payrollRuns.organisationId, ctx.principal.organisationId)))
      .for('update');
    if (!current) throw problems.notFound(`Payroll run ${runId}`);
    const allowed: PayrollRunStatus[] = action === 'finalise' ? ['completed'] : ['running', 'completed', 'failed'];
    if (!allowed.includes(current.status)) throw runProblems.wrongState(current, action);
    let payslipsDeleted = 0;
    let row: PayrollRunRow;
    if (action === 'finalise') {
      [row] = (await tx
        .update(payrollRuns)
        .set({ status: 'finalised', finalisedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(payrollRuns.id, runId), eq(payrollRuns.status, 'completed')))
        .returning()) as [PayrollRunRow];
    } else {
      const deleted = await tx.delete(payslips).where(eq(payslips.payrollRunId, runId)).returning({ id: payslips.id });
      payslipsDeleted = deleted.length;
      [row] = (await tx
        .update(payrollRuns)
        .set({ status: 'rolled_back', rolledBackAt: sql`now()`, finishedAt: sql`coalesce(${payrollRuns.finishedAt}, now())`, updatedAt: sql`now()` })
        .where(eq(payrollRuns.id, runId))
        .returning()) as [PayrollRunRow];
    }
    await recordAudit(tx, {
      ...ctx,
      action: action === 'finalise' ? 'finalise' : 'rollback',
      resource: 'payroll_run',
      changes: { status: { from: current.status, to: row.status }, ...(action === 'roll back' ? { payslipsDeleted: { to: payslipsDeleted } } : {}) },
    });
    return { row, payslipsDeleted };
  });
}

/** Completed → finalised, exactly once (a second call, or one after a rollback, is 409). */
export function finaliseRun(db: Db, ctx: RequestContext, runId: string) {
  return transition(db, ctx, runId, 'finalise');
}

/** Running, completed or failed → rolled back, deleting exactly this run's payslips; the period is free again. */
export function rollBackRun(db: Db, ctx: RequestContext, runId: string) {
  return transition(db, ctx, runId, 'roll back');
}
