// The approval state machine. Every transition is one conditional UPDATE on (id, version, status)
// inside a transaction that also applies the change (the type's handler), writes the history, the
// audit event and the feed event: of concurrent deciders exactly one wins; the others get 409/412.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { auditRowOf, recordAudit } from '../../audit/index.ts';
import { isInReportingLine } from '../../auth/access.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/database.ts';
import { sqlRows } from '../../db/raw.ts';
import { approvalRequests, employees } from '../../db/schema.ts';
import { approvalHistory } from '../../db/schema-approvals.ts';
import type { ApprovalHistoryAction } from '../../db/schema-approvals.ts';
import { problems } from '../../http/problem.ts';
import type { FieldIssue } from '../../http/problem.ts';
import { accessFrom } from './access.ts';
import { emitEvent } from './events.ts';
import type { EventInput } from './events.ts';
import { approvalProblems } from './problems.ts';
import { approvalHandler } from './registry.ts';
import { activeStandIn, resolveStep, ruleFor, todayUtcText } from './rules.ts';
import type { ResolvedApprover } from './rules.ts';
import { terminalStatuses } from './types.ts';
import type { ApprovalRequestRecord, ApprovalStatus, DecisionInput, SubmitApprovalInput, Tx } from './types.ts';

type Queryable = Db | Tx;
type Row = typeof approvalRequests.$inferSelect;

/** Where a request came from, for the audit trail. */
export interface RequestContext {
  requestId?: string | null;
  ip?: string | null;
}

export function toRecord(row: Row): ApprovalRequestRecord {
  const iso = (t: string | null) => (t === null ? null : new Date(t).toISOString());
  return {
    id: row.id,
    organisationId: row.organisationId,
    type: row.type,
    subjectEmployeeId: row.subjectEmployeeId,
    requestedBy: row.requestedBy,
    payload: row.payload,
    subjectRef: row.subjectRef,
    status: row.status,
    route: row.route,
    currentStep: row.currentStep,
    approverKind: row.approverKind,
    approverEmployeeId: row.approverEmployeeId,
    version: row.version,
    dueAt: iso(row.dueAt),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    decidedAt: iso(row.decidedAt),
    decidedBy: row.decidedBy,
  };
}

export async function loadApproval(db: Queryable, id: string): Promise<ApprovalRequestRecord | null> {
  const [row] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, id)).limit(1);
  return row ? toRecord(row) : null;
}

const isTerminal = (status: ApprovalStatus) => terminalStatuses.includes(status);

async function addHistory(
  tx: Queryable,
  request: ApprovalRequestRecord,
  entry: { action: ApprovalHistoryAction; actor: string | null; step?: number; onBehalfOf?: string | null; comment?: string | null; approver?: ResolvedApprover | null; standIn?: string | null },
): Promise<void> {
  await tx.insert(approvalHistory).values({
    requestId: request.id,
    organisationId: request.organisationId,
    actorEmployeeId: entry.actor,
    onBehalfOf: entry.onBehalfOf ?? null,
    action: entry.action,
    step: entry.step ?? request.currentStep,
    comment: entry.comment ?? null,
    approverKind: entry.approver?.kind ?? null,
    approverEmployeeId: entry.approver?.employeeId ?? null,
    standInEmployeeId: entry.standIn ?? null,
  });
}

async function emitApprovalEvent(tx: Queryable, type: string, request: ApprovalRequestRecord, actor: string | null, extra: { standIn?: string | null; audience?: Array<string | null> } = {}) {
  await emitEvent(tx as Tx, approvalEventInput(type, request, actor, extra));
}

/** The feed event of an approval's transition (emitApprovalEvent's, for callers writing it in their own SQL). */
export function approvalEventInput(type: string, request: ApprovalRequestRecord, actor: string | null, extra: { standIn?: string | null; audience?: Array<string | null> } = {}): EventInput {
  return {
    organisationId: request.organisationId,
    type,
    resourceType: 'approval_request',
    resourceId: request.id,
    subjectEmployeeId: request.subjectEmployeeId,
    actorEmployeeId: actor,
    audience: [request.requestedBy, request.subjectEmployeeId, request.approverEmployeeId, extra.standIn ?? null, actor, ...(extra.audience ?? [])],
    data: {
      approvalType: request.type,
      status: request.status,
      step: request.currentStep,
      stepKind: request.route[request.currentStep] ?? null,
      approverKind: request.approverKind,
      approverEmployeeId: request.approverEmployeeId,
      subjectRef: request.subjectRef,
      version: request.version,
    },
  };
}

/**
 * Creates the request, resolves its first approver by the organisation's rule for `type` (default:
 * line manager; a step that would land on the requester or subject escalates up the line, and the
 * HR pool takes it when the line runs out), notes any stand-in, and emits `approval.submitted`.
 * Runs in the caller's transaction.
 */
export async function submitApproval(tx: Tx, input: SubmitApprovalInput): Promise<ApprovalRequestRecord> {
  const { request, emitSubmitted } = await submitApprovalDeferringEvent(tx, input);
  await emitSubmitted();
  return request;
}

/**
 * submitApproval without its event: the caller calls `emitSubmitted()` as the last write of its
 * transaction. The event takes the organisation's event lock (see emitEvent), held until commit, so
 * emitting last keeps the caller's other writes from queueing every writer of the organisation.
 */
export async function submitApprovalDeferringEvent(tx: Tx, input: SubmitApprovalInput): Promise<{ request: ApprovalRequestRecord; emitSubmitted: () => Promise<void> }> {
  if (!approvalHandler(input.type)) throw new Error(`submitApproval: no handler registered for approval type ${input.type}`);
  const people = await tx
    .select({ id: employees.id })
    .from(employees)
    .where(and(inArray(employees.id, [input.subjectEmployeeId, input.requestedBy]), eq(employees.organisationId, input.organisationId)));
  if (people.length !== new Set([input.subjectEmployeeId, input.requestedBy]).size) {
    throw new Error('submitApproval: the subject and requester must be employees of the organisation');
  }
  const route = await ruleFor(tx, input.organisationId, input.type);
  const approver = await resolveStep(tx, input.subjectEmployeeId, route[0]!, new Set([input.requestedBy, input.subjectEmployeeId]));
  const [row] = await tx
    .insert(approvalRequests)
    .values({
      id: `apr_${randomUUID().replaceAll('-', '')}`,
      organisationId: input.organisationId,
      type: input.type,
      subjectEmployeeId: input.subjectEmployeeId,
      requestedBy: input.requestedBy,
      payload: input.payload,
      subjectRef: input.subjectRef ?? null,
      route,
      currentStep: 0,
      approverKind: approver.kind,
      approverEmployeeId: approver.employeeId,
      dueAt: input.dueAt ?? null,
    })
    .returning();
  const request = toRecord(row!);
  const standIn = approver.employeeId ? await activeStandIn(tx, approver.employeeId) : null;
  await addHistory(tx, request, { action: 'submitted', actor: input.requestedBy });
  await addHistory(tx, request, { action: 'routed', actor: null, approver, standIn });
  return { request, emitSubmitted: () => emitApprovalEvent(tx, 'approval.submitted', request, input.requestedBy, { standIn }).then(() => undefined) };
}

/**
 * The one write of every transition: succeeds only if nobody moved the request on since `from` was
 * read. A miss is 409 `already_decided` when it is now final, else 412 with the current ETag.
 */
async function transition(tx: Queryable, from: ApprovalRequestRecord, allowed: ApprovalStatus[], set: PgUpdateSetSource<typeof approvalRequests>): Promise<ApprovalRequestRecord> {
  const [row] = await tx
    .update(approvalRequests)
    .set({ ...set, version: sql`${approvalRequests.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(approvalRequests.id, from.id), eq(approvalRequests.version, from.version), inArray(approvalRequests.status, allowed)))
    .returning();
  if (row) return toRecord(row);
  const now = await loadApproval(tx, from.id);
  if (!now) throw approvalProblems.notFound(from.id);
  if (isTerminal(now.status)) throw approvalProblems.alreadyDecided(now.status);
  throw approvalProblems.versionMoved(now.version);
}

// The request with what approvalAccess needs (the nominal approver's stand-in today; whether the caller
// acted on it before), in one prepared statement.
const loadForWriteSql = `
SELECT r.id, r.organisation_id, r.type, r.subject_employee_id, r.requested_by, r.payload, r.subject_ref, r.status, r.route, r.current_step,
       r.approver_kind, r.approver_employee_id, r.version, r.due_at::text, r.created_at::text, r.updated_at::text, r.decided_at::text, r.decided_by,
       (SELECT d.delegate_employee_id FROM approval_delegations d
         WHERE r.approver_kind = 'employee' AND d.delegator_employee_id = r.approver_employee_id
           AND d.starts_on <= ${todayUtcText} AND d.ends_on >= ${todayUtcText} LIMIT 1) AS stand_in,
       (SELECT json_build_object('approvedEarlier', coalesce(bool_or(h.action = 'approved' AND h.actor_employee_id = $2), false))
          FROM approval_history h
         WHERE h.request_id = r.id AND (h.actor_employee_id = $2 OR h.approver_employee_id = $2 OR h.on_behalf_of = $2)
        HAVING count(*) > 0) AS involved
  FROM approval_requests r
 WHERE r.id = $1`;

interface LoadForWriteRow {
  id: string; organisation_id: string; type: string; subject_employee_id: string; requested_by: string; payload: unknown; subject_ref: string | null;
  status: ApprovalStatus; route: unknown; current_step: number; approver_kind: 'employee' | 'hr_pool' | null; approver_employee_id: string | null;
  version: number; due_at: string | null; created_at: string; updated_at: string; decided_at: string | null; decided_by: string | null;
  stand_in: string | null; involved: unknown;
}

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** Reads the request for a write: 404 if the caller may not see it, 409 if final, 412 if `expectedVersion` is stale. */
async function loadForWrite(tx: Queryable, principal: Principal, id: string, expectedVersion: number | null | undefined) {
  const [r] = await sqlRows<LoadForWriteRow>(tx, loadForWriteSql, [id, principal.employeeId]);
  if (!r) throw approvalProblems.notFound(id);
  const request = toRecord({
    id: r.id, organisationId: r.organisation_id, type: r.type, subjectEmployeeId: r.subject_employee_id, requestedBy: r.requested_by,
    payload: parsed<Record<string, unknown>>(r.payload), subjectRef: r.subject_ref, status: r.status, route: parsed<Row['route']>(r.route),
    currentStep: r.current_step, approverKind: r.approver_kind, approverEmployeeId: r.approver_employee_id, version: r.version, dueAt: r.due_at,
    createdAt: r.created_at, updatedAt: r.updated_at, decidedAt: r.decided_at, decidedBy: r.decided_by,
  });
  const access = accessFrom(principal, request, r.stand_in, parsed<{ approvedEarlier: boolean } | null>(r.involved));
  if (!access.view) throw approvalProblems.notFound(id);
  if (isTerminal(request.status)) throw approvalProblems.alreadyDecided(request.status);
  if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== request.version) throw approvalProblems.versionMoved(request.version);
  return { request, access };
}

/** Field checks that depend on the action: reject needs a reason, request_info a comment, reassign a person. */
export function validateDecision(input: DecisionInput, prefix = 'json'): void {
  const issues: FieldIssue[] = [];
  const blank = (v: string | undefined) => v === undefined || v.trim() === '';
  if (input.action === 'reject' && blank(input.reason)) issues.push({ path: `${prefix}.reason`, message: 'A reason is required to reject', code: 'required' });
  if (input.action === 'request_info' && blank(input.comment)) issues.push({ path: `${prefix}.comment`, message: 'Say what information you need', code: 'required' });
  if (input.action === 'reassign' && blank(input.reassignTo)) issues.push({ path: `${prefix}.reassignTo`, message: 'Say who to reassign to', code: 'required' });
  if (input.action !== 'reassign' && input.reassignTo !== undefined) issues.push({ path: `${prefix}.reassignTo`, message: 'Only for action reassign', code: 'not_allowed' });
  if (issues.length > 0) throw problems.validation(issues);
}

/** Employees who approved (or for whom a stand-in approved) earlier steps. */
async function earlierApprovers(tx: Queryable, requestId: string): Promise<string[]> {
  const rows = await tx
    .select({ actor: approvalHistory.actorEmployeeId, onBehalfOf: approvalHistory.onBehalfOf })
    .from(approvalHistory)
    .where(and(eq(approvalHistory.requestId, requestId), eq(approvalHistory.action, 'approved')));
  return rows.flatMap((r) => [r.actor, r.onBehalfOf]).filter((x): x is string => x !== null);
}

/** Is `candidate` someone this request may be reassigned to? (400 naming `reassignTo` if not.) */
async function checkReassignable(tx: Queryable, request: ApprovalRequestRecord, candidate: string, field: string): Promise<void> {
  const refuse = (message: string) => problems.validation([{ path: field, message, code: 'ineligible_approver' }]);
  const [person] = await tx.select({ organisationId: employees.organisationId, roles: employees.roles }).from(employees).where(eq(employees.id, candidate)).limit(1);
  if (!person || person.organisationId !== request.organisationId) throw refuse('No such employee in this organisation');
  if (candidate === request.requestedBy || candidate === request.subjectEmployeeId) throw refuse('The requester or subject cannot approve this request');
  if (request.approverKind === 'employee' && candidate === request.approverEmployeeId) throw refuse('Already the approver');
  if ((await earlierApprovers(tx, request.id)).includes(candidate)) throw refuse('Approved an earlier step of this request');
  const eligible = person.roles.includes('hr_admin') || (await isInReportingLine(tx as Db, candidate, request.subjectEmployeeId));
  if (!eligible) throw refuse('Must be a manager above the subject in the reporting line, or an HR admin');
}

export type DecisionOutcome = 'approved' | 'advanced' | 'rejected' | 'info_requested' | 'reassigned';

// What a final decision leaves behind (addHistory, audit, emitApprovalEvent), in one prepared statement;
// the feed event is written under the organisation's event lock as emitEvent writes it.
const decisionTrailSql = `
WITH history AS (
  INSERT INTO approval_history (request_id, organisation_id, actor_employee_id, on_behalf_of, action, step, comment, approver_kind, approver_employee_id, stand_in_employee_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL, NULL)
), audit AS (
  INSERT INTO audit_events (organisation_id, actor_employee_id, action, resource, subject_employee_id, changes, ip, request_id)
  VALUES ($8, $9, $10, $11, $12, $13::jsonb, $14, $15)
)
INSERT INTO events (organisation_id, type, resource_type, resource_id, subject_employee_id, actor_employee_id, audience, data)
SELECT $2, $16, 'approval_request', $1, $12, $3, ARRAY(SELECT jsonb_array_elements_text($17::jsonb)), $18::jsonb
  FROM (SELECT pg_advisory_xact_lock(727275, hashtext($2))) AS organisation_event_lock`;

/** A final decision's history row, audit event and feed event. */
async function recordFinalDecision(
  tx: Queryable,
  principal: Principal,
  ctx: RequestContext,
  decided: ApprovalRequestRecord,
  entry: { history: 'approved' | 'rejected'; audit: string; event: string; from: ApprovalStatus; onBehalfOf: string | null; comment: string | null },
): Promise<void> {
  const me = principal.employeeId;
  const a = auditRowOf({
    principal,
    action: entry.audit,
    resource: `approval_request:${decided.type}`,
    subjectEmployeeId: decided.subjectEmployeeId,
    changes: { status: { from: entry.from, to: decided.status }, ...(entry.onBehalfOf ? { role: { to: 'stand_in' } } : {}) },
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
  });
  const event = approvalEventInput(entry.event, decided, me, { audience: [entry.onBehalfOf] });
  const audience = [...new Set(event.audience.filter((x): x is string => typeof x === 'string'))];
  await sqlRows(tx, decisionTrailSql, [
    decided.id, decided.organisationId, me, entry.onBehalfOf, entry.history, decided.currentStep, entry.comment,
    a.organisationId, a.actorEmployeeId, a.action, a.resource, a.subjectEmployeeId, a.changes === null ? null : JSON.stringify(a.changes), a.ip, a.requestId,
    entry.event, JSON.stringify(audience), JSON.stringify(event.data ?? {}),
  ]);
}

async function audit(tx: Queryable, principal: Principal, ctx: RequestContext, request: ApprovalRequestRecord, action: string, from: ApprovalStatus, onBehalfOf: string | null) {
  await recordAudit(tx, {
    principal,
    action,
    resource: `approval_request:${request.type}`,
    subjectEmployeeId: request.subjectEmployeeId,
    changes: { status: { from, to: request.status }, ...(onBehalfOf ? { role: { to: 'stand_in' } } : {}) },
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
  });
}

/**
 * Decides the current step: approve (advance to the next step, or approve and apply the change),
 * reject (reason required), request_info (back to the requester) or reassign (to an eligible approver).
 * Pass `expectedVersion` from If-Match (412 if stale). Runs in its own transaction (a savepoint if `db` is one).
 */
export async function decideApproval(
  db: Queryable,
  principal: Principal,
  id: string,
  input: DecisionInput,
  options: { expectedVersion?: number | null; context?: RequestContext; field?: string } = {},
): Promise<{ request: ApprovalRequestRecord; outcome: DecisionOutcome }> {
  validateDecision(input);
  const ctx = options.context ?? {};
  return db.transaction(async (tx) => {
    const { request, access } = await loadForWrite(tx, principal, id, options.expectedVersion);
    if (request.status === 'info_requested') throw approvalProblems.awaitingInformation();
    if (!access.decide) {
      // Under READ COMMITTED the request row and its history are read in separate statements, so a
      // decision committed in between can make a racing caller look ineligible (e.g. "approved an
      // earlier step" on the step it just lost). Whoever lost a race hears 409/412, not 403.
      const now = await loadApproval(tx, id);
      if (now && isTerminal(now.status)) throw approvalProblems.alreadyDecided(now.status);
      if (now && now.version !== request.version) throw approvalProblems.versionMoved(now.version);
      throw access.refusal;
    }
    const me = principal.employeeId;
    const onBehalfOf = access.decide.onBehalfOf;
    const comment = input.action === 'reject' ? [input.reason, input.comment].filter(Boolean).join('\n\n') : (input.comment ?? null);

    if (input.action === 'approve') {
      const last = request.currentStep >= request.route.length - 1;
      if (last) {
        const approved = await transition(tx, request, ['pending'], { status: 'approved', decidedAt: sql`now()`, decidedBy: me });
        const handler = approvalHandler(approved.type);
        if (!handler) throw new Error(`no handler registered for approval type ${approved.type}`);
        await handler.onApproved(tx, approved);
        await recordFinalDecision(tx, principal, ctx, approved, { history: 'approved', audit: 'approve', event: 'approval.approved', from: request.status, onBehalfOf, comment });
        return { request: approved, outcome: 'approved' as const };
      }
      const step = request.currentStep + 1;
      const exclude = new Set([request.requestedBy, request.subjectEmployeeId, me, ...(onBehalfOf ? [onBehalfOf] : []), ...(await earlierApprovers(tx, request.id))]);
      if (request.approverEmployeeId) exclude.add(request.approverEmployeeId);
      const next = await resolveStep(tx, request.subjectEmployeeId, request.route[step]!, exclude);
      const advanced = await transition(tx, request, ['pending'], { currentStep: step, approverKind: next.kind, approverEmployeeId: next.employeeId });
      const standIn = next.employeeId ? await activeStandIn(tx, next.employeeId) : null;
      await addHistory(tx, request, { action: 'approved', actor: me, onBehalfOf, comment });
      await addHistory(tx, advanced, { action: 'routed', actor: null, approver: next, standIn });
      await audit(tx, principal, ctx, advanced, 'approve_step', request.status, onBehalfOf);
      await emitApprovalEvent(tx, 'approval.step_approved', advanced, me, { standIn, audience: [onBehalfOf, request.approverEmployeeId] });
      return { request: advanced, outcome: 'advanced' as const };
    }

    if (input.action === 'reject') {
      const rejected = await transition(tx, request, ['pending'], { status: 'rejected', decidedAt: sql`now()`, decidedBy: me });
      await approvalHandler(rejected.type)?.onRejected?.(tx, rejected);
      await recordFinalDecision(tx, principal, ctx, rejected, { history: 'rejected', audit: 'reject', event: 'approval.rejected', from: request.status, onBehalfOf, comment });
      return { request: rejected, outcome: 'rejected' as const };
    }

    if (input.action === 'request_info') {
      const asked = await transition(tx, request, ['pending'], { status: 'info_requested' });
      await addHistory(tx, asked, { action: 'info_requested', actor: me, onBehalfOf, comment });
      await audit(tx, principal, ctx, asked, 'request_info', request.status, onBehalfOf);
      await emitApprovalEvent(tx, 'approval.info_requested', asked, me, { audience: [onBehalfOf] });
      return { request: asked, outcome: 'info_requested' as const };
    }

    // reassign
    const target = input.reassignTo!;
    await checkReassignable(tx, request, target, options.field ?? 'json.reassignTo');
    const reassigned = await transition(tx, request, ['pending'], { approverKind: 'employee', approverEmployeeId: target });
    const standIn = await activeStandIn(tx, target);
    await addHistory(tx, reassigned, { action: 'reassigned', actor: me, onBehalfOf, comment, approver: { kind: 'employee', employeeId: target }, standIn });
    await audit(tx, principal, ctx, reassigned, 'reassign', request.status, onBehalfOf);
    await emitApprovalEvent(tx, 'approval.reassigned', reassigned, me, { standIn, audience: [onBehalfOf, request.approverEmployeeId] });
    return { request: reassigned, outcome: 'reassigned' as const };
  });
}

/** The requester answers an information request: back to the same approver, pending again. */
export async function respondToApproval(
  db: Queryable,
  principal: Principal,
  id: string,
  input: { comment: string },
  options: { expectedVersion?: number | null; context?: RequestContext } = {},
): Promise<ApprovalRequestRecord> {
  return db.transaction(async (tx) => {
    const { request, access } = await loadForWrite(tx, principal, id, options.expectedVersion);
    if (!access.isRequester) throw approvalProblems.requesterOnly();
    if (request.status !== 'info_requested') throw approvalProblems.notAwaitingInformation();
    const resubmitted = await transition(tx, request, ['info_requested'], { status: 'pending' });
    const standIn = resubmitted.approverEmployeeId ? await activeStandIn(tx, resubmitted.approverEmployeeId) : null;
    await addHistory(tx, resubmitted, { action: 'responded', actor: principal.employeeId, comment: input.comment });
    await audit(tx, principal, options.context ?? {}, resubmitted, 'respond', request.status, null);
    await emitApprovalEvent(tx, 'approval.resubmitted', resubmitted, principal.employeeId, { standIn });
    return resubmitted;
  });
}

/** The requester withdraws a request that is not decided yet (pending or waiting for information). */
export async function withdrawApproval(
  db: Queryable,
  principal: Principal,
  id: string,
  options: { expectedVersion?: number | null; comment?: string | null; context?: RequestContext } = {},
): Promise<ApprovalRequestRecord> {
  return db.transaction(async (tx) => {
    const { request, access } = await loadForWrite(tx, principal, id, options.expectedVersion);
    if (!access.isRequester) throw approvalProblems.requesterOnly();
    const withdrawn = await transition(tx, request, ['pending', 'info_requested'], { status: 'withdrawn', decidedAt: sql`now()`, decidedBy: principal.employeeId });
    await approvalHandler(withdrawn.type)?.onWithdrawn?.(tx, withdrawn);
    await addHistory(tx, withdrawn, { action: 'withdrawn', actor: principal.employeeId, comment: options.comment ?? null });
    await audit(tx, principal, options.context ?? {}, withdrawn, 'withdraw', request.status, null);
    await emitApprovalEvent(tx, 'approval.withdrawn', withdrawn, principal.employeeId);
    return withdrawn;
  });
}

/** Requests by their subject's reference (e.g. the leave request `lvr_…` they approve). */
export async function findApprovalBySubjectRef(db: Queryable, organisationId: string, subjectRef: string): Promise<ApprovalRequestRecord[]> {
  const rows = await db
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.organisationId, organisationId), eq(approvalRequests.subjectRef, subjectRef)))
    .orderBy(approvalRequests.createdAt);
  return rows.map(toRecord);
}

