// Who may see which person's records: decided here and nowhere else.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { assignments, employees } from '../db/schema.ts';
import { problems } from '../http/problem.ts';
import type { Principal } from './principal.ts';

/** How the caller relates to the person whose record they ask for. */
export type Relation = 'self' | 'line_manager' | 'hr_admin' | 'payroll_admin' | 'learning_admin';

/** What each kind of record allows. Anything not listed is refused. */
export const policies = {
  /** Name, job, band, unit, supervisor, service dates. */
  profile: ['self', 'line_manager', 'hr_admin'],
  /** Addresses, phones, emergency contacts: read and change. */
  personalDetails: ['self', 'hr_admin'],
  /** Bank details: HR may read them masked; only the owner changes them. */
  bankDetailsRead: ['self', 'hr_admin'],
  bankDetailsWrite: ['self'],
  /** Equality and diversity: the person alone; HR sees only suppressed aggregates. */
  equalityDiversity: ['self'],
  /** Asking for a change that needs approval (name change). */
  changeRequest: ['self'],
  /** Payslips and P60s: the person and their organisation's payroll admins (audited); never managers or HR as such. */
  payslips: ['self', 'payroll_admin'],
  /** Leave: entitlement, balances, requests, working pattern and absence calendar (read). */
  leave: ['self', 'line_manager', 'hr_admin'],
  /** Requesting, submitting and cancelling leave: the person themselves. */
  leaveRequestWrite: ['self'],
  /** Balance corrections and working patterns: HR. */
  leaveAdmin: ['hr_admin'],
  /** Crediting time off in lieu earned (e.g. working a bank holiday): the line manager or HR. */
  toilCredit: ['line_manager', 'hr_admin'],
  /**
   * Sickness episodes with their reasons, return-to-work records, sick pay and Bradford factor: the person,
   * their line managers and HR (NHS practice; reasons are health data). Peers never; anyone else who sees
   * the absence at all (a team calendar) sees it without type or reason.
   */
  sickness: ['self', 'line_manager', 'hr_admin'],
  /** Sick pay days (full / half / nil) without reasons: also payroll admins, who pay them. */
  sickPay: ['self', 'line_manager', 'hr_admin', 'payroll_admin'],
  /** Recording and updating sickness episodes and return to work: the line manager or HR, never the person. */
  sicknessWrite: ['line_manager', 'hr_admin'],
  /** Enrolments, training history and the compliance matrix: the person, their managers, HR and learning admins. */
  learning: ['self', 'line_manager', 'hr_admin', 'learning_admin'],
  /** Enrolling someone on a course (or cancelling it): the person, a manager above them, HR and learning admins. */
  enrolmentWrite: ['self', 'line_manager', 'hr_admin', 'learning_admin'],
  /** Recording training done elsewhere, attendance and completion: learning admins. */
  trainingRecordWrite: ['learning_admin'],
} as const satisfies Record<string, readonly Relation[]>;

export type Policy = keyof typeof policies;

/**
 * The caller's relations to `employeeId`, strongest first, or [] when the person is outside the
 * caller's organisation or doesn't exist. A caller can hold several (a payroll admin who is also the
 * person's line manager). HR admin outranks line manager (every policy open to line managers is open
 * to HR), so an HR admin's reporting line is not looked up.
 */
export async function relationsTo(db: Db, principal: Principal, employeeId: string): Promise<Relation[]> {
  const [target] = await db
    .select({ organisationId: employees.organisationId })
    .from(employees)
    .where(eq(employees.id, employeeId))
    .limit(1);
  if (!target || target.organisationId !== principal.organisationId) return [];
  if (employeeId === principal.employeeId) return ['self'];
  const relations: Relation[] = [];
  if (principal.roles.includes('hr_admin')) relations.push('hr_admin');
  else if (await isInReportingLine(db, principal.employeeId, employeeId)) relations.push('line_manager');
  if (principal.roles.includes('payroll_admin')) relations.push('payroll_admin');
  if (principal.roles.includes('learning_admin')) relations.push('learning_admin');
  return relations;
}

/** The caller's strongest relation to `employeeId`, or null (see relationsTo). */
export async function relationTo(db: Db, principal: Principal, employeeId: string): Promise<Relation | null> {
  return (await relationsTo(db, principal, employeeId))[0] ?? null;
}

/** Is `managerId` above `employeeId` in the supervisor hierarchy (current assignments)? */
export async function isInReportingLine(db: Db, managerId: string, employeeId: string): Promise<boolean> {
  // Walk up from the employee; the depth cap stops a corrupted (cyclic) hierarchy from looping.
  const rows = await db.execute(sql`
    WITH RECURSIVE chain (supervisor_id, depth) AS (
      SELECT supervisor_employee_id, 1 FROM assignments
        WHERE employee_id = ${employeeId} AND supervisor_employee_id IS NOT NULL
          AND (end_date IS NULL OR end_date >= CURRENT_DATE)
      UNION
      SELECT a.supervisor_employee_id, c.depth + 1 FROM assignments a JOIN chain c ON a.employee_id = c.supervisor_id
        WHERE a.supervisor_employee_id IS NOT NULL AND (a.end_date IS NULL OR a.end_date >= CURRENT_DATE) AND c.depth < 64
    )
    SELECT 1 AS found FROM chain WHERE supervisor_id = ${managerId} LIMIT 1`);
  return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).length > 0;
}

/** Does anyone currently report to this person? (The manager role comes from the hierarchy.) */
export async function isManager(db: Db, employeeId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(assignments)
    .where(and(eq(assignments.supervisorEmployeeId, employeeId), sql`(${assignments.endDate} IS NULL OR ${assignments.endDate} >= CURRENT_DATE)`))
    .limit(1);
  return row !== undefined;
}

/**
 * Resolves `me`, checks the policy and returns the target id and relation. Refusals are 404 so a
 * caller cannot probe which ids exist; a caller who may see the profile but not this record gets 403.
 */
export async function authorise(db: Db, principal: Principal, employeeIdOrMe: string, policy: Policy): Promise<{ employeeId: string; relation: Relation }> {
  const employeeId = employeeIdOrMe === 'me' ? principal.employeeId : employeeIdOrMe;
  const relations = await relationsTo(db, principal, employeeId);
  const relation = relations.find((r) => (policies[policy] as readonly Relation[]).includes(r));
  if (relation) return { employeeId, relation };
  if (relations.some((r) => (policies.profile as readonly Relation[]).includes(r))) {
    throw problems.forbidden(`Your role does not allow this on ${employeeId}'s record.`);
  }
  throw problems.notFound(`Employee ${employeeId}`);
}

/** Catalogue writes, registers and organisation-wide learning reports: learning admins (reports also HR). */
export function requireLearningAdmin(principal: Principal, options: { orHrAdmin?: boolean } = {}): void {
  const ok = principal.roles.includes('learning_admin') || (options.orHrAdmin === true && principal.roles.includes('hr_admin'));
  if (!ok) throw problems.forbidden(options.orHrAdmin ? 'Only learning and HR admins may see organisation-wide learning reports.' : 'Only learning admins may do this.');
}

/** Organisation-wide absence analytics (rates by unit, month and reason): HR admins only. */
export function requireHrAdmin(principal: Principal): void {
  if (!principal.roles.includes('hr_admin')) throw problems.forbidden('Absence analytics are for HR admins.');
}
