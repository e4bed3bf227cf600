// Leave requests: draft → pending → approved / rejected, and cancelled from draft, pending or approved
// (before the leave starts). Pending requests reserve their minutes; approval confirms them; rejection,
// withdrawal and cancellation give them back. Decisions come from the Approvals inbox (approval-type.ts).
//
// Every write for one person runs in a transaction that first locks the person's employee row, so the
// overlap check and the balance reservation see each other's effects; the balance's conditional UPDATE
// (balances.ts) is the last line of defence against overdrawing.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, inArray, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Principal } from '../../auth/principal.ts';
import { recordAudit } from '../../audit/index.ts';
import { sqlRows } from '../../db/raw.ts';
import { employees } from '../../db/schema.ts';
import { leaveRequests } from '../../db/schema-leave.ts';
import type { BalanceKind, LeaveStatus, LeaveType, LeaveUnit } from '../../db/schema-leave.ts';
import { preconditionFailed } from '../../http/etag.ts';
import { problems } from '../../http/problem.ts';
import { submitApprovalDeferringEvent, withdrawApproval } from '../approvals/index.ts';
import { addDaysIso, dayOf, isoOf, todayDay } from '../calendars/dates.ts';
import { ensureBalance, release, reserve } from './balances.ts';
import { countLeave } from './counting.ts';
import { leaveYearOf, loadLeaveFacts } from './facts.ts';
import type { LeaveFacts, Queryable, Tx } from './facts.ts';
import { formatMinutes, leaveProblems } from './problems.ts';
import { lockAndLoad, readClashAndBalances, reserveBalance, writeSubmittedRequest } from './submit-sql.ts';

export const leaveTypes: readonly LeaveType[] = ['annual', 'study', 'special', 'compassionate', 'toil'];
export const leaveApprovalType = 'leave.request';

/** Which balance a type draws on (study, special and compassionate leave are granted, not drawn). */
export function balanceKindOf(type: LeaveType): BalanceKind | null {
  return type === 'annual' ? 'annual' : type === 'toil' ? 'toil' : null;
}

export type LeaveRequestRow = typeof leaveRequests.$inferSelect;

export interface LeaveRequestView {
  id: string;
  employeeId: string;
  type: LeaveType;
  status: LeaveStatus;
  startDate: string;
  endDate: string;
  unit: LeaveUnit;
  half: 'am' | 'pm' | null;
  minutes: number;
  leaveYearStart: string;
  reason: string | null;
  approvalRequestId: string | null;
  version: number;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  cancelledAt: string | null;
}

const iso = (t: string | null) => (t === null ? null : new Date(t).toISOString());

export function toView(row: LeaveRequestRow): LeaveRequestView {
  return {
    id: row.id,
    employeeId: row.employeeId,
    type: row.type,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    unit: row.unit,
    half: row.half ?? null,
    minutes: row.minutes,
    leaveYearStart: row.leaveYearStart,
    reason: row.reason ?? null,
    approvalRequestId: row.approvalRequestId ?? null,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    submittedAt: iso(row.submittedAt),
    decidedAt: iso(row.decidedAt),
    cancelledAt: iso(row.cancelledAt),
  };
}

export interface NewLeaveRequest {
  type: LeaveType;
  startDate: string;
  endDate?: string | undefined;
  unit: LeaveUnit;
  half?: 'am' | 'pm' | undefined;
  minutes?: number | undefined;
  reason?: string | undefined;
  /** false: save as a draft (no balance reserved, no approval yet). Default true. */
  submit?: boolean | undefined;
}

export interface WriteContext {
  principal: Principal;
  requestId: string | null;
  ip: string | null;
  /** Today (UTC) as YYYY-MM-DD; tests may pin it. */
  today?: string;
}

const todayOf = (ctx: WriteContext) => ctx.today ?? isoOf(todayDay());

async function lockPerson(tx: Tx, employeeId: string): Promise<void> {
  // NO KEY UPDATE: excludes every other writer for this person just the same, but unlike UPDATE it does
  // not block rows that merely reference the person (an approval routed to them takes KEY SHARE via its
  // foreign key), so one manager's own request does not stall their whole team's.
  await tx.select({ id: employees.id }).from(employees).where(eq(employees.id, employeeId)).for('no key update');
}

type Draft = { id?: string; type: LeaveType; startDate: string; endDate: string; unit: LeaveUnit; half: 'am' | 'pm' | null; minutes: number | null };

/** The checks a request must pass to be pending; returns the counted minutes. */
async function validateForSubmission(tx: Queryable, facts: LeaveFacts, r: Draft, today: string) {
  const { counted, leaveYear } = checkRules(facts, r, today);
  const [clash] = await tx
    .select({ id: leaveRequests.id, startDate: leaveRequests.startDate, endDate: leaveRequests.endDate, unit: leaveRequests.unit, half: leaveRequests.half })
    .from(leaveRequests)
    .where(and(
      eq(leaveRequests.employeeId, facts.employeeId),
      inArray(leaveRequests.status, ['pending', 'approved']),
      lte(leaveRequests.startDate, r.endDate),
      gte(leaveRequests.endDate, r.startDate),
      ...(r.id ? [ne(leaveRequests.id, r.id)] : []),
      // Two half days on the same date only clash when they are the same half.
      ...(r.unit === 'half_day' ? [or(ne(leaveRequests.unit, 'half_day'), eq(leaveRequests.half, r.half!))!] : []),
    ))
    .limit(1);
  if (clash) throw leaveProblems.overlap(clash.id, clash.startDate, clash.endDate);
  return { counted, leaveYear };
}

/** The rules that need no database: dates, employment, leave year, working time, notice. */
function checkRules(facts: LeaveFacts, r: Draft, today: string) {
  if (r.startDate < today) throw leaveProblems.inPast();
  const a = facts.assignment;
  if (r.startDate < a.startDate || (a.endDate !== null && r.endDate > a.endDate)) throw leaveProblems.outsideEmployment(a.startDate, a.endDate);
  const leaveYear = leaveYearOf(facts, r.startDate);
  if (r.endDate > leaveYear.end) throw leaveProblems.spansLeaveYears(leaveYear.end);
  const counted = countLeave(facts, { startDate: r.startDate, endDate: r.endDate, unit: r.unit, half: r.half, minutes: r.minutes });
  if (counted.minutes === 0) throw leaveProblems.noWorkingTime();
  if (r.type === 'annual' && facts.settings.noticeMultiplier > 0) {
    // Notice in calendar days: at least multiplier × the working days asked for (a half day counts as one).
    const need = facts.settings.noticeMultiplier * counted.workingDays;
    if (dayOf(r.startDate) - dayOf(today) < need) throw leaveProblems.insufficientNotice(need, addDaysIso(today, need));
  }
  return { counted, leaveYear };
}

/**
 * Puts a validated request into pending: reserves its balance and submits it to the Approvals inbox.
 * The caller calls `emitSubmitted()` as its transaction's last write (it holds the organisation's event lock).
 */
async function submitInTx(tx: Tx, ctx: WriteContext, facts: LeaveFacts, row: LeaveRequestRow, leaveYear: ReturnType<typeof leaveYearOf>): Promise<{ row: LeaveRequestRow; emitSubmitted: () => Promise<void> }> {
  const kind = balanceKindOf(row.type);
  if (kind) {
    await ensureBalance(tx, facts, leaveYear, kind);
    await reserve(tx, facts.employeeId, leaveYear, kind, row.minutes);
  }
  const { request: approval, emitSubmitted } = await submitApprovalDeferringEvent(tx, {
    organisationId: facts.organisationId,
    type: leaveApprovalType,
    subjectEmployeeId: facts.employeeId,
    requestedBy: ctx.principal.employeeId,
    subjectRef: row.id,
    payload: { leaveRequestId: row.id, type: row.type, startDate: row.startDate, endDate: row.endDate, unit: row.unit, half: row.half, minutes: row.minutes, employeeName: facts.name },
  });
  const [updated] = await tx
    .update(leaveRequests)
    .set({ status: 'pending', approvalRequestId: approval.id, submittedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${leaveRequests.version} + 1` })
    .where(eq(leaveRequests.id, row.id))
    .returning();
  return { row: updated!, emitSubmitted };
}

export async function createLeaveRequest(db: Queryable, ctx: WriteContext, employeeId: string, input: NewLeaveRequest): Promise<LeaveRequestView> {
  if (input.submit !== false) return createSubmitted(db, ctx, employeeId, input);
  const endDate = input.endDate ?? input.startDate;
  const today = todayOf(ctx);
  return db.transaction(async (tx) => {
    await lockPerson(tx, employeeId);
    const facts = await loadLeaveFacts(tx, employeeId);
    if (!facts) throw leaveProblems.noAssignment(employeeId);
    const draft = { type: input.type, startDate: input.startDate, endDate, unit: input.unit, half: input.half ?? null, minutes: input.minutes ?? null };
    // Drafts are counted too (so the person sees the hours), but only submission enforces the rules.
    const submit = input.submit !== false;
    const { counted, leaveYear } = submit
      ? await validateForSubmission(tx, facts, draft, today)
      : { counted: countLeave(facts, draft), leaveYear: leaveYearOf(facts, input.startDate) };
    if (!submit && counted.minutes === 0) throw leaveProblems.noWorkingTime();
    const [row] = await tx
      .insert(leaveRequests)
      .values({
        id: `lvr_${randomUUID().replaceAll('-', '')}`,
        organisationId: facts.organisationId,
        employeeId,
        assignmentId: facts.assignment.id,
        type: input.type,
        status: 'draft',
        startDate: input.startDate,
        endDate,
        unit: input.unit,
        half: input.half ?? null,
        minutes: counted.minutes,
        leaveYearStart: leaveYear.start,
        reason: input.reason ?? null,
        requestedBy: ctx.principal.employeeId,
      })
      .returning();
    const submitted = submit ? await submitInTx(tx, ctx, facts, row!, leaveYear) : null;
    const final = submitted?.row ?? row!;
    await recordAudit(tx, {
      ...ctx,
      action: submit ? 'request' : 'create',
      resource: 'leave_request',
      subjectEmployeeId: employeeId,
      changes: { status: { to: final.status }, dates: { to: `${final.startDate}..${final.endDate}` } },
    });
    await submitted?.emitSubmitted();
    return toView(final);
  });
}

/**
 * Requests leave for approval: the hottest write, in four prepared statements (submit-sql.ts) with the
 * same rules, locks and rows as the general path (a draft, then submitInTx). The requester is the person
 * (policy leaveRequestWrite is self only) and authorise() found them in the caller's organisation, which
 * is what submitApproval's own employee check establishes.
 */
async function createSubmitted(db: Queryable, ctx: WriteContext, employeeId: string, input: NewLeaveRequest): Promise<LeaveRequestView> {
  const draft = { type: input.type, startDate: input.startDate, endDate: input.endDate ?? input.startDate, unit: input.unit, half: input.half ?? null, minutes: input.minutes ?? null };
  return db.transaction(async (tx) => {
    const locked = await lockAndLoad(tx, employeeId, leaveApprovalType);
    if (!locked) throw leaveProblems.noAssignment(employeeId);
    const { facts } = locked;
    const { counted, leaveYear } = checkRules(facts, draft, todayOf(ctx));
    const kind = balanceKindOf(input.type);
    const seen = await readClashAndBalances(tx, employeeId, draft, leaveYear.start, kind ?? 'annual');
    if (seen.clash) throw leaveProblems.overlap(seen.clash.id, seen.clash.startDate, seen.clash.endDate);
    if (kind) await reserveBalance(tx, facts, leaveYear, kind, counted.minutes, seen);
    const row = await writeSubmittedRequest(tx, {
      facts,
      route: locked.route,
      chain: locked.chain,
      request: { ...draft, minutes: counted.minutes, leaveYearStart: leaveYear.start, reason: input.reason ?? null },
      requestedBy: ctx.principal.employeeId,
      approvalType: leaveApprovalType,
      audit: {
        ...ctx,
        action: 'request',
        resource: 'leave_request',
        subjectEmployeeId: employeeId,
        changes: { status: { to: 'pending' }, dates: { to: `${draft.startDate}..${draft.endDate}` } },
      },
    });
    return toView(row as LeaveRequestRow);
  });
}

export async function findLeaveRequest(db: Queryable, employeeId: string, id: string): Promise<LeaveRequestRow | null> {
  const [row] = await db.select().from(leaveRequests).where(and(eq(leaveRequests.id, id), eq(leaveRequests.employeeId, employeeId))).limit(1);
  return row ?? null;
}

async function loadForWrite(tx: Tx, employeeId: string, id: string, expectedVersion: number): Promise<LeaveRequestRow> {
  await lockPerson(tx, employeeId);
  const row = await findLeaveRequest(tx, employeeId, id);
  if (!row) throw problems.notFound(`Leave request ${id}`);
  if (row.version !== expectedVersion) throw preconditionFailed(row.version);
  return row;
}

/** draft → pending. */
export async function submitLeaveRequest(db: Queryable, ctx: WriteContext, employeeId: string, id: string, expectedVersion: number): Promise<LeaveRequestView> {
  return db.transaction(async (tx) => {
    const row = await loadForWrite(tx, employeeId, id, expectedVersion);
    if (row.status !== 'draft') throw leaveProblems.invalidTransition(row.status, 'submitted');
    const facts = (await loadLeaveFacts(tx, employeeId))!;
    const { counted, leaveYear } = await validateForSubmission(tx, facts, row, todayOf(ctx));
    if (counted.minutes !== row.minutes) await tx.update(leaveRequests).set({ minutes: counted.minutes }).where(eq(leaveRequests.id, id));
    const { row: updated, emitSubmitted } = await submitInTx(tx, ctx, facts, { ...row, minutes: counted.minutes, leaveYearStart: leaveYear.start }, leaveYear);
    await recordAudit(tx, { ...ctx, action: 'request', resource: 'leave_request', subjectEmployeeId: employeeId, changes: { status: { from: 'draft', to: 'pending' } } });
    await emitSubmitted();
    return toView(updated);
  });
}

/**
 * Cancels a draft, a pending request (withdrawing it from the approver's inbox) or approved leave that has
 * not started (its minutes go back to the balance).
 */
export async function cancelLeaveRequest(db: Queryable, ctx: WriteContext, employeeId: string, id: string, expectedVersion: number): Promise<LeaveRequestView> {
  return db.transaction(async (tx) => {
    const row = await loadForWrite(tx, employeeId, id, expectedVersion);
    const kind = balanceKindOf(row.type);
    if (row.status === 'pending') {
      if (row.approvalRequestId) {
        // The engine calls our onWithdrawn in this transaction, which cancels and releases.
        await withdrawApproval(tx, ctx.principal, row.approvalRequestId, { context: { requestId: ctx.requestId, ip: ctx.ip }, comment: 'Leave request cancelled' });
      } else {
        await decide(tx, row.id, 'cancelled');
      }
    } else if (row.status === 'approved') {
      if (row.startDate <= todayOf(ctx)) throw leaveProblems.alreadyStarted();
      await tx
        .update(leaveRequests)
        .set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()`, version: sql`${leaveRequests.version} + 1` })
        .where(eq(leaveRequests.id, id));
      if (kind) await release(tx, employeeId, row.leaveYearStart, kind, row.minutes, 'approved');
    } else if (row.status === 'draft') {
      await tx
        .update(leaveRequests)
        .set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()`, version: sql`${leaveRequests.version} + 1` })
        .where(eq(leaveRequests.id, id));
    } else {
      throw leaveProblems.invalidTransition(row.status, 'cancelled');
    }
    await recordAudit(tx, { ...ctx, action: 'cancel', resource: 'leave_request', subjectEmployeeId: employeeId, changes: { status: { from: row.status, to: 'cancelled' } } });
    return toView((await findLeaveRequest(tx, employeeId, id))!);
  });
}

// pending → approved / rejected / cancelled and the balance's reserved minutes confirmed or given back,
// in one prepared statement: the hot half of every leave decision. The balance kinds are balanceKindOf's
// (a leave type with a balance keeps it under its own name).
const decideSql = `
WITH decided AS (
  UPDATE leave_requests
     SET status = $2::text,
         decided_at = CASE WHEN $2::text = 'cancelled' THEN decided_at ELSE now() END,
         cancelled_at = CASE WHEN $2::text = 'cancelled' THEN now() ELSE cancelled_at END,
         updated_at = now(), version = version + 1
   WHERE id = $1 AND status = 'pending'
  RETURNING employee_id, leave_year_start, type, minutes
), balance AS (
  UPDATE leave_balances b
     SET pending_minutes = b.pending_minutes - d.minutes,
         approved_minutes = b.approved_minutes + CASE WHEN $2::text = 'approved' THEN d.minutes ELSE 0 END,
         updated_at = now()
    FROM decided d
   WHERE b.employee_id = d.employee_id AND b.leave_year_start = d.leave_year_start AND b.kind = d.type AND d.type IN ('annual', 'toil')
)
SELECT 1 AS decided FROM decided`;

/** pending → to, releasing or confirming the reserved minutes; false when it was not pending. */
async function decide(tx: Queryable, id: string, to: 'approved' | 'rejected' | 'cancelled'): Promise<boolean> {
  return (await sqlRows(tx, decideSql, [id, to])).length > 0;
}

/** Approval handler: the approver approved. Refuses (409, rolling the decision back) if no longer pending. */
export async function approveFromInbox(tx: Queryable, leaveRequestId: string): Promise<void> {
  if (!(await decide(tx, leaveRequestId, 'approved'))) {
    const [now] = await tx.select({ status: leaveRequests.status }).from(leaveRequests).where(eq(leaveRequests.id, leaveRequestId));
    throw leaveProblems.notPending(leaveRequestId, now?.status ?? 'missing');
  }
}

export async function rejectFromInbox(tx: Queryable, leaveRequestId: string): Promise<void> {
  await decide(tx, leaveRequestId, 'rejected');
}

export async function withdrawFromInbox(tx: Queryable, leaveRequestId: string): Promise<void> {
  await decide(tx, leaveRequestId, 'cancelled');
}

export interface LeaveListFilter {
  status?: LeaveStatus[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  /** Keyset: the (startDate, id) of the last row of the previous page. */
  after?: [string, string] | undefined;
}

/** A person's requests, newest start date first. */
export async function listLeaveRequests(db: Queryable, employeeId: string, f: LeaveListFilter): Promise<LeaveRequestRow[]> {
  const t = leaveRequests;
  return db
    .select()
    .from(t)
    .where(and(
      eq(t.employeeId, employeeId),
      f.status && f.status.length > 0 ? inArray(t.status, f.status) : undefined,
      f.from ? gte(t.endDate, f.from) : undefined,
      f.to ? lte(t.startDate, f.to) : undefined,
      f.after ? or(lt(t.startDate, f.after[0]), and(eq(t.startDate, f.after[0]), lt(t.id, f.after[1]))) : undefined,
    ))
    .orderBy(desc(t.startDate), desc(t.id))
    .limit(f.limit + 1);
}

export function describeLeave(p: { type: string; startDate: string; endDate: string; minutes: number }): string {
  const names: Record<string, string> = { annual: 'Annual leave', study: 'Study leave', special: 'Special leave', compassionate: 'Compassionate leave', toil: 'Time off in lieu' };
  const range = p.startDate === p.endDate ? p.startDate : `${p.startDate} to ${p.endDate}`;
  return `${names[p.type] ?? p.type} ${range} (${formatMinutes(p.minutes)})`;
}
