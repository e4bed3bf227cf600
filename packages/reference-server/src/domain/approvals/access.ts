// Approval policies: who may see, decide, answer or withdraw which request. Decided here and nowhere
// else (the people/payslip policies live in src/auth/access.ts; the reporting-line walk is shared).
import { and, eq, or, sql } from 'drizzle-orm';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/database.ts';
import { approvalHistory } from '../../db/schema-approvals.ts';
import type { ApiProblem } from '../../http/problem.ts';
import { problems } from '../../http/problem.ts';
import { approvalProblems } from './problems.ts';
import { activeStandIn } from './rules.ts';
import type { ApprovalRequestRecord, Tx } from './types.ts';

export interface ApprovalAccess {
  /** May read the request (else it is 404: ids cannot be probed). */
  view: boolean;
  /** Made the request: may answer an information request and withdraw it. */
  isRequester: boolean;
  /** May decide the current step; `onBehalfOf` is the approver a stand-in acts for. */
  decide: { onBehalfOf: string | null } | null;
  /** Why the caller may not decide (when they may view). */
  refusal: ApiProblem;
  /** The nominal approver's stand-in today, if any. */
  standIn: string | null;
}

/**
 * - requester and subject: view (never decide: no self-approval, and a step that would land on them escalates);
 * - the current approver, or their stand-in during a delegation: view and decide;
 * - an HR step: any HR admin of the organisation (a pool) decides; HR admins view every request of their organisation;
 * - anyone who acted on the request before (earlier approvers, reassigners): view; an earlier step's approver never decides a later step;
 * - anyone else, and every other organisation: not found.
 */
export async function approvalAccess(db: Db | Tx, principal: Principal, request: ApprovalRequestRecord): Promise<ApprovalAccess> {
  if (request.organisationId !== principal.organisationId) return noAccess(request);
  const me = principal.employeeId;
  const nominal = request.approverKind === 'employee' ? request.approverEmployeeId : null;
  const standIn = nominal ? await activeStandIn(db, nominal) : null;
  const [involved] = await db
    .select({ approvedEarlier: sql<boolean>`bool_or(${approvalHistory.action} = 'approved' AND ${approvalHistory.actorEmployeeId} = ${me})` })
    .from(approvalHistory)
    .where(
      and(
        eq(approvalHistory.requestId, request.id),
        or(eq(approvalHistory.actorEmployeeId, me), eq(approvalHistory.approverEmployeeId, me), eq(approvalHistory.onBehalfOf, me)),
      ),
    )
    .groupBy(approvalHistory.requestId);
  return accessFrom(principal, request, standIn, involved ?? null);
}

const noAccess = (request: ApprovalRequestRecord): ApprovalAccess => ({ view: false, isRequester: false, decide: null, refusal: approvalProblems.notFound(request.id), standIn: null });

/**
 * approvalAccess from what it reads: the nominal approver's stand-in today, and whether the caller
 * acted on the request before (null: never; approvedEarlier: approved one of its steps).
 */
export function accessFrom(principal: Principal, request: ApprovalRequestRecord, standIn: string | null, involved: { approvedEarlier: boolean } | null): ApprovalAccess {
  if (request.organisationId !== principal.organisationId) return noAccess(request);
  const none = noAccess(request);
  const me = principal.employeeId;
  const isRequester = request.requestedBy === me;
  const isSubject = request.subjectEmployeeId === me;
  const isHr = principal.roles.includes('hr_admin');
  const nominal = request.approverKind === 'employee' ? request.approverEmployeeId : null;
  const candidate = request.approverKind === 'hr_pool' ? isHr : me === nominal || me === standIn;
  const view = isRequester || isSubject || candidate || isHr || involved !== null;
  if (!view) return none;
  let refusal: ApiProblem = approvalProblems.notYourStep();
  let decide: ApprovalAccess['decide'] = null;
  if (isRequester || isSubject) refusal = approvalProblems.selfApproval();
  else if (candidate && involved?.approvedEarlier) refusal = problems.forbidden('You approved an earlier step of this request: another approver must decide this one.');
  else if (candidate) decide = { onBehalfOf: nominal && me !== nominal ? nominal : null };
  return { view, isRequester, decide, refusal, standIn };
}
