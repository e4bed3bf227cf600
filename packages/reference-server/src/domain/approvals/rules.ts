// Who decides: per-organisation rules per request type, resolved to an approver at each step.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/migrate.ts';
import { approvalDelegations, approvalRules } from '../../db/schema-approvals.ts';
import type { ApprovalStepKind, Tx } from './types.ts';

type Queryable = Db | Tx;

export const stepKinds: readonly ApprovalStepKind[] = ['line_manager', 'managers_manager', 'hr'];

/** Routes for types that have no rule of their organisation's own. Anything else: line manager. */
export const defaultRules: Record<string, ApprovalStepKind[]> = {
  'personal_details.name_change': ['line_manager', 'hr'],
  'leave.request': ['line_manager'],
  'learning.enrolment': ['line_manager'],
  'contract.hours_change': ['line_manager', 'hr'],
  'contract.position_change': ['line_manager', 'hr'],
  'contract.termination': ['line_manager', 'managers_manager', 'hr'],
};
export const fallbackRule: ApprovalStepKind[] = ['line_manager'];

/** Today's date on the database clock, in UTC (delegation ranges are dates). */
export const todayUtcText = `(now() AT TIME ZONE 'UTC')::date`;
export const todayUtc = sql.raw(todayUtcText);

/** The organisation's route for `type`: its own rule, else the default in code. */
export async function ruleFor(db: Queryable, organisationId: string, type: string): Promise<ApprovalStepKind[]> {
  const [row] = await db
    .select({ steps: approvalRules.steps })
    .from(approvalRules)
    .where(and(eq(approvalRules.organisationId, organisationId), eq(approvalRules.type, type)))
    .limit(1);
  return row?.steps ?? defaultRules[type] ?? fallbackRule;
}

/** Sets an organisation's rule for a type (a single step or a sequence, multi-level). */
export async function setApprovalRule(db: Queryable, organisationId: string, type: string, steps: ApprovalStepKind | ApprovalStepKind[]): Promise<void> {
  const list = Array.isArray(steps) ? steps : [steps];
  if (list.length === 0 || list.length > 5 || list.some((s) => !stepKinds.includes(s))) throw new Error(`invalid approval rule: ${JSON.stringify(steps)}`);
  await db
    .insert(approvalRules)
    .values({ organisationId, type, steps: list })
    .onConflictDoUpdate({ target: [approvalRules.organisationId, approvalRules.type], set: { steps: list, updatedAt: sql`now()` } });
}

/** The supervisors above `employeeId`, nearest first (current assignments; cycles cut at depth 64). */
export async function supervisorChain(db: Queryable, employeeId: string): Promise<string[]> {
  const rows = rowsOf<{ supervisor_id: string; depth: number }>(
    await db.execute(sql`
      WITH RECURSIVE chain (employee_id, supervisor_id, depth) AS (
        SELECT employee_id, supervisor_employee_id, 1 FROM (
          SELECT employee_id, supervisor_employee_id FROM assignments
           WHERE employee_id = ${employeeId} AND supervisor_employee_id IS NOT NULL
             AND (end_date IS NULL OR end_date >= CURRENT_DATE)
           ORDER BY start_date, id LIMIT 1) first
        UNION ALL
        SELECT a.employee_id, a.supervisor_employee_id, c.depth + 1 FROM chain c
          CROSS JOIN LATERAL (
            SELECT employee_id, supervisor_employee_id FROM assignments
             WHERE employee_id = c.supervisor_id AND supervisor_employee_id IS NOT NULL
               AND (end_date IS NULL OR end_date >= CURRENT_DATE)
             ORDER BY start_date, id LIMIT 1) a
         WHERE c.depth < 64
      )
      SELECT supervisor_id, depth FROM chain ORDER BY depth`),
  );
  const seen = new Set<string>();
  return rows.map((r) => r.supervisor_id).filter((id) => (seen.has(id) ? false : (seen.add(id), true)));
}

export type ResolvedApprover = { kind: 'employee'; employeeId: string } | { kind: 'hr_pool'; employeeId: null };

/**
 * The approver of one step. `line_manager` starts at the subject's supervisor, `managers_manager`
 * one above; anyone in `exclude` (the requester, the subject, earlier steps' approvers) is passed
 * over and the step escalates up the line. No one left in the line: the HR pool decides.
 */
export async function resolveStep(db: Queryable, subjectEmployeeId: string, kind: ApprovalStepKind, exclude: ReadonlySet<string>): Promise<ResolvedApprover> {
  if (kind === 'hr') return { kind: 'hr_pool', employeeId: null };
  return approverInChain(await supervisorChain(db, subjectEmployeeId), kind, exclude);
}

/** resolveStep's choice, given the subject's supervisor chain (nearest first). */
export function approverInChain(chain: readonly string[], kind: ApprovalStepKind, exclude: ReadonlySet<string>): ResolvedApprover {
  if (kind === 'hr') return { kind: 'hr_pool', employeeId: null };
  const start = kind === 'line_manager' ? 0 : 1;
  const found = chain.slice(start).find((id) => !exclude.has(id));
  return found ? { kind: 'employee', employeeId: found } : { kind: 'hr_pool', employeeId: null };
}

/** The stand-in acting for `approverId` today, if a delegation covers today. */
export async function activeStandIn(db: Queryable, approverId: string): Promise<string | null> {
  const [row] = await db
    .select({ delegate: approvalDelegations.delegateEmployeeId })
    .from(approvalDelegations)
    .where(and(eq(approvalDelegations.delegatorEmployeeId, approverId), sql`${approvalDelegations.startsOn} <= ${todayUtc}`, sql`${approvalDelegations.endsOn} >= ${todayUtc}`))
    .limit(1);
  return row?.delegate ?? null;
}
