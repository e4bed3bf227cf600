// The inbox: lists per caller (pending on me or my delegators, decided by me, mine) and the detail view.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/database.ts';
import { assignments, approvalRequests, employees, orgUnits } from '../../db/schema.ts';
import { approvalDelegations, approvalHistory } from '../../db/schema-approvals.ts';
import type { ApprovalHistoryAction } from '../../db/schema-approvals.ts';
import { approvalAccess } from './access.ts';
import type { ApprovalAccess } from './access.ts';
import { loadApproval, toRecord } from './engine.ts';
import { approvalProblems } from './problems.ts';
import { approvalHandler } from './registry.ts';
import { todayUtc } from './rules.ts';
import type { ApprovalRequestRecord } from './types.ts';

export type InboxBox = 'pending' | 'decided' | 'mine';

export interface PersonRef {
  id: string;
  name: string;
}

export interface ApprovalItemView {
  id: string;
  type: string;
  status: ApprovalRequestRecord['status'];
  summary: string;
  subject: PersonRef;
  requestedBy: PersonRef;
  subjectRef: string | null;
  payload: Record<string, unknown>;
  route: ApprovalRequestRecord['route'];
  currentStep: {
    index: number;
    kind: ApprovalRequestRecord['route'][number];
    approverKind: 'employee' | 'hr_pool' | null;
    approver: PersonRef | null;
    standIn: PersonRef | null;
  } | null;
  version: number;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  decidedBy: PersonRef | null;
}

export interface ApprovalHistoryView {
  at: string;
  action: ApprovalHistoryAction;
  step: number;
  actor: PersonRef | null;
  onBehalfOf: PersonRef | null;
  comment: string | null;
  approverKind: 'employee' | 'hr_pool' | null;
  approver: PersonRef | null;
  standIn: PersonRef | null;
}

export async function namesOf(db: Db, ids: Array<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: employees.id, firstName: employees.firstName, lastName: employees.lastName }).from(employees).where(inArray(employees.id, wanted));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]));
}

/** Who is called what: a name map from a lookup, or the names joined onto a listed row. */
type NameOf = (id: string) => string | undefined;

const ref = (nameOf: NameOf, id: string | null | undefined): PersonRef | null => (id ? { id, name: nameOf(id) ?? id } : null);
const fromMap = (names: Map<string, string>): NameOf => (id) => names.get(id);

export function summaryOf(request: ApprovalRequestRecord): string {
  const handler = approvalHandler(request.type);
  try {
    return handler ? handler.summary(request) : request.type;
  } catch {
    return request.type;
  }
}

/** `standIn`: the approver's stand-in today (shown while the request is open). */
export function toItemView(request: ApprovalRequestRecord, nameOf: NameOf, standIn: string | undefined): ApprovalItemView {
  const open = request.status === 'pending' || request.status === 'info_requested';
  return {
    id: request.id,
    type: request.type,
    status: request.status,
    summary: summaryOf(request),
    subject: ref(nameOf, request.subjectEmployeeId)!,
    requestedBy: ref(nameOf, request.requestedBy)!,
    subjectRef: request.subjectRef,
    payload: request.payload,
    route: request.route,
    currentStep: open
      ? {
          index: request.currentStep,
          kind: request.route[request.currentStep]!,
          approverKind: request.approverKind,
          approver: ref(nameOf, request.approverEmployeeId),
          standIn: ref(nameOf, standIn),
        }
      : null,
    version: request.version,
    dueAt: request.dueAt,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    decidedAt: request.decidedAt,
    decidedBy: ref(nameOf, request.decidedBy),
  };
}

/** Views for many requests with one name lookup and one stand-in lookup. */
export async function toItemViews(db: Db, requests: ApprovalRequestRecord[]): Promise<ApprovalItemView[]> {
  const approvers = [...new Set(requests.map((r) => r.approverEmployeeId).filter((x): x is string => x !== null))];
  const standIns = new Map<string, string>();
  if (approvers.length > 0) {
    const rows = await db
      .select({ delegator: approvalDelegations.delegatorEmployeeId, delegate: approvalDelegations.delegateEmployeeId })
      .from(approvalDelegations)
      .where(and(inArray(approvalDelegations.delegatorEmployeeId, approvers), sql`${approvalDelegations.startsOn} <= ${todayUtc}`, sql`${approvalDelegations.endsOn} >= ${todayUtc}`));
    for (const r of rows) standIns.set(r.delegator, r.delegate);
  }
  const names = fromMap(await namesOf(db, requests.flatMap((r) => [r.subjectEmployeeId, r.requestedBy, r.approverEmployeeId, r.decidedBy]).concat([...standIns.values()])));
  return requests.map((r) => toItemView(r, names, r.approverEmployeeId ? standIns.get(r.approverEmployeeId) : undefined));
}

/** Cursor key of a listed row: its creation instant (as stored, microseconds kept) and id. */
export type InboxCursor = [string, string];

/** The full name of the employee whose id is `id`, as a scalar subquery (null when there is none). */
const nameOf = (id: SQL | AnyPgColumn) => sql<string | null>`(SELECT e.first_name || ' ' || e.last_name FROM employees e WHERE e.id = ${id})`;
/** The delegate standing in today for the approver of the listed request. */
const standInOf = (approver: AnyPgColumn) => sql<string | null>`(SELECT d.delegate_employee_id FROM approval_delegations d
  WHERE d.delegator_employee_id = ${approver} AND d.starts_on <= ${todayUtc} AND d.ends_on >= ${todayUtc})`;

/**
 * One page of a caller's inbox as item views, in one statement: the people's names and the approver's
 * stand-in today are scalar subqueries (index probes) that PostgreSQL evaluates after the sort and limit,
 * for the page's rows only. (Joins instead made PGlite's planner hash the whole employees table three
 * times.) On PGlite every round trip is a trip through the single-threaded WASM engine; this was three.
 */
export async function listInbox(
  db: Db,
  principal: Principal,
  options: { box: InboxBox; type?: string | undefined; limit: number; after?: InboxCursor | undefined },
): Promise<{ items: ApprovalItemView[]; keys: InboxCursor[] }> {
  const me = principal.employeeId;
  const t = approvalRequests;
  const conditions: Array<SQL | undefined> = [eq(t.organisationId, principal.organisationId)];
  if (options.type) conditions.push(eq(t.type, options.type));
  const ascending = options.box === 'pending';
  if (options.box === 'pending') {
    const delegators = sql`(SELECT ${approvalDelegations.delegatorEmployeeId} FROM ${approvalDelegations}
      WHERE ${approvalDelegations.delegateEmployeeId} = ${me} AND ${approvalDelegations.startsOn} <= ${todayUtc} AND ${approvalDelegations.endsOn} >= ${todayUtc})`;
    conditions.push(
      eq(t.status, 'pending'),
      sql`${t.requestedBy} <> ${me} AND ${t.subjectEmployeeId} <> ${me}`,
      principal.roles.includes('hr_admin')
        ? sql`((${t.approverKind} = 'employee' AND (${t.approverEmployeeId} = ${me} OR ${t.approverEmployeeId} IN ${delegators})) OR ${t.approverKind} = 'hr_pool')`
        : sql`(${t.approverKind} = 'employee' AND (${t.approverEmployeeId} = ${me} OR ${t.approverEmployeeId} IN ${delegators}))`,
      sql`NOT EXISTS (SELECT 1 FROM ${approvalHistory} WHERE ${approvalHistory.requestId} = ${t.id} AND ${approvalHistory.action} = 'approved'
        AND (${approvalHistory.actorEmployeeId} = ${me} OR ${approvalHistory.onBehalfOf} = ${me}))`,
    );
  } else if (options.box === 'decided') {
    conditions.push(
      sql`${t.id} IN (SELECT ${approvalHistory.requestId} FROM ${approvalHistory} WHERE ${approvalHistory.actorEmployeeId} = ${me}
        AND ${approvalHistory.action} IN ('approved', 'rejected', 'info_requested', 'reassigned'))`,
    );
  } else {
    conditions.push(sql`(${t.requestedBy} = ${me} OR ${t.subjectEmployeeId} = ${me})`);
  }
  if (options.after) {
    const [at, id] = options.after;
    conditions.push(ascending ? sql`(${t.createdAt}, ${t.id}) > (${at}::timestamptz, ${id})` : sql`(${t.createdAt}, ${t.id}) < (${at}::timestamptz, ${id})`);
  }
  const standIn = standInOf(t.approverEmployeeId);
  const rows = await db
    .select({
      request: t,
      subjectName: nameOf(t.subjectEmployeeId),
      requesterName: nameOf(t.requestedBy),
      approverName: nameOf(t.approverEmployeeId),
      deciderName: nameOf(t.decidedBy),
      standIn,
      standInName: nameOf(standIn),
    })
    .from(t)
    .where(and(...conditions))
    .orderBy(...(ascending ? [asc(t.createdAt), asc(t.id)] : [desc(t.createdAt), desc(t.id)]))
    .limit(options.limit + 1);
  const items = rows.map((row) => {
    const r = row.request;
    const names: Record<string, string | null> = {
      [r.subjectEmployeeId]: row.subjectName,
      [r.requestedBy]: row.requesterName,
      ...(r.approverEmployeeId ? { [r.approverEmployeeId]: row.approverName } : {}),
      ...(r.decidedBy ? { [r.decidedBy]: row.deciderName } : {}),
      ...(row.standIn ? { [row.standIn]: row.standInName } : {}),
    };
    return toItemView(toRecord(r), (id) => names[id] ?? undefined, row.standIn ?? undefined);
  });
  return { items, keys: rows.map((r) => [r.request.createdAt, r.request.id] as InboxCursor) };
}

export type YourAction = 'approve' | 'reject' | 'request_info' | 'reassign' | 'respond' | 'withdraw';

export function yourActions(request: ApprovalRequestRecord, access: ApprovalAccess): YourAction[] {
  const actions: YourAction[] = [];
  if (request.status === 'pending' && access.decide) actions.push('approve', 'reject', 'request_info', 'reassign');
  if (request.status === 'info_requested' && access.isRequester) actions.push('respond');
  if ((request.status === 'pending' || request.status === 'info_requested') && access.isRequester) actions.push('withdraw');
  return actions;
}

/** One request with its history and the type's context; 404 if the caller may not see it. */
export async function loadApprovalDetail(db: Db, principal: Principal, id: string) {
  const request = await loadApproval(db, id);
  if (!request) throw approvalProblems.notFound(id);
  const access = await approvalAccess(db, principal, request);
  if (!access.view) throw approvalProblems.notFound(id);
  const history = await db.select().from(approvalHistory).where(eq(approvalHistory.requestId, id)).orderBy(asc(approvalHistory.id));
  const [item] = await toItemViews(db, [request]);
  const names = fromMap(await namesOf(db, history.flatMap((h) => [h.actorEmployeeId, h.onBehalfOf, h.approverEmployeeId, h.standInEmployeeId])));
  const handler = approvalHandler(request.type);
  const context = { ...(await baseContext(db, request)), ...(handler?.context ? await handler.context(db, request) : {}) };
  return {
    request,
    access,
    view: {
      ...item!,
      yourActions: yourActions(request, access),
      history: history.map(
        (h): ApprovalHistoryView => ({
          at: new Date(h.occurredAt).toISOString(),
          action: h.action,
          step: h.step,
          actor: ref(names, h.actorEmployeeId),
          onBehalfOf: ref(names, h.onBehalfOf),
          comment: h.comment,
          approverKind: h.approverKind,
          approver: ref(names, h.approverEmployeeId),
          standIn: ref(names, h.standInEmployeeId),
        }),
      ),
      context,
    },
  };
}

/** What every detail view shows about the subject: job and unit (current assignment). */
async function baseContext(db: Db, request: ApprovalRequestRecord): Promise<Record<string, unknown>> {
  const [row] = await db
    .select({ jobTitle: assignments.jobTitle, band: assignments.band, orgUnit: orgUnits.name })
    .from(assignments)
    .innerJoin(orgUnits, eq(orgUnits.id, assignments.orgUnitId))
    .where(and(eq(assignments.employeeId, request.subjectEmployeeId), sql`(${assignments.endDate} IS NULL OR ${assignments.endDate} >= CURRENT_DATE)`))
    .orderBy(asc(assignments.startDate), asc(assignments.id))
    .limit(1);
  return { subjectAssignment: row ?? null };
}

