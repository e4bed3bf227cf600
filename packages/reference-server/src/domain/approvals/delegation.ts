// Stand-in approvers: while a delegation covers today, the delegate decides the delegator's items
// (new and already pending ones: routing reads the delegation when the item is decided or listed).
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/migrate.ts';
import { employees } from '../../db/schema.ts';
import { approvalDelegations } from '../../db/schema-approvals.ts';
import { problems } from '../../http/problem.ts';
import type { FieldIssue } from '../../http/problem.ts';
import type { RequestContext } from './engine.ts';
import { todayUtc } from './rules.ts';

export interface DelegationView {
  delegateEmployeeId: string;
  delegateName: string;
  startsOn: string;
  endsOn: string;
  /** Does the range cover today? */
  active: boolean;
  createdAt: string;
}

export async function getDelegation(db: Db, delegatorId: string): Promise<DelegationView | null> {
  const [row] = await db
    .select({
      delegateEmployeeId: approvalDelegations.delegateEmployeeId,
      startsOn: approvalDelegations.startsOn,
      endsOn: approvalDelegations.endsOn,
      createdAt: approvalDelegations.createdAt,
      firstName: employees.firstName,
      lastName: employees.lastName,
      active: sql<boolean>`(${approvalDelegations.startsOn} <= ${todayUtc} AND ${approvalDelegations.endsOn} >= ${todayUtc})`,
    })
    .from(approvalDelegations)
    .innerJoin(employees, eq(employees.id, approvalDelegations.delegateEmployeeId))
    .where(eq(approvalDelegations.delegatorEmployeeId, delegatorId))
    .limit(1);
  if (!row) return null;
  return {
    delegateEmployeeId: row.delegateEmployeeId,
    delegateName: `${row.firstName} ${row.lastName}`,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    active: Boolean(row.active),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/**
 * Sets (or replaces) the caller's stand-in. The stand-in must be another employee of the same
 * organisation; the range is inclusive and must not end in the past. Audited.
 */
export async function setDelegation(
  db: Db,
  principal: Principal,
  input: { delegateEmployeeId: string; startsOn: string; endsOn: string },
  ctx: RequestContext = {},
): Promise<DelegationView> {
  const issues: FieldIssue[] = [];
  if (input.delegateEmployeeId === principal.employeeId) issues.push({ path: 'json.delegateEmployeeId', message: 'You cannot be your own stand-in', code: 'ineligible_delegate' });
  else {
    const [person] = await db.select({ organisationId: employees.organisationId }).from(employees).where(eq(employees.id, input.delegateEmployeeId)).limit(1);
    if (!person || person.organisationId !== principal.organisationId) issues.push({ path: 'json.delegateEmployeeId', message: 'No such employee in your organisation', code: 'ineligible_delegate' });
  }
  if (input.endsOn < input.startsOn) issues.push({ path: 'json.endsOn', message: 'Must be on or after startsOn', code: 'invalid_range' });
  const [{ today } = { today: '' }] = rowsOf<{ today: string }>(await db.execute(sql`SELECT to_char(${todayUtc}, 'YYYY-MM-DD') AS today`));
  if (input.endsOn < today) issues.push({ path: 'json.endsOn', message: 'Must not be in the past', code: 'invalid_range' });
  if (issues.length > 0) throw problems.validation(issues);

  await db.transaction(async (tx) => {
    const [previous] = await tx.select().from(approvalDelegations).where(eq(approvalDelegations.delegatorEmployeeId, principal.employeeId)).limit(1);
    await tx
      .insert(approvalDelegations)
      .values({ delegatorEmployeeId: principal.employeeId, organisationId: principal.organisationId, ...input })
      .onConflictDoUpdate({ target: approvalDelegations.delegatorEmployeeId, set: { ...input, createdAt: sql`now()` } });
    // The delegator is the actor, the stand-in the subject: both are in the audit trail.
    await recordAudit(tx, {
      principal,
      action: previous ? 'update' : 'create',
      resource: 'approval_delegation',
      subjectEmployeeId: input.delegateEmployeeId,
      changes: {
        startsOn: { ...(previous ? { from: previous.startsOn } : {}), to: input.startsOn },
        endsOn: { ...(previous ? { from: previous.endsOn } : {}), to: input.endsOn },
      },
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    });
  });
  return (await getDelegation(db, principal.employeeId))!;
}

export async function clearDelegation(db: Db, principal: Principal, ctx: RequestContext = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(approvalDelegations).where(eq(approvalDelegations.delegatorEmployeeId, principal.employeeId)).returning();
    if (!removed) return false;
    await recordAudit(tx, {
      principal,
      action: 'delete',
      resource: 'approval_delegation',
      subjectEmployeeId: removed.delegateEmployeeId,
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    });
    return true;
  });
}
