// The hot path of "request leave": a submitted request in four statements after the person's lock,
// each one constant, prepared SQL (src/db/raw.ts) rather than a query built per request:
//   1. lock the person and read everything the rules need (assignment, patterns, settings, the
//      organisation's approval rule, the supervisor chain with any stand-ins);
//   2. under the lock: an overlapping request, last year's and this year's balance;
//   3. reserve the minutes: one conditional upsert (the guard against overdrawing, as in balances.ts);
//   4. one statement writing the request, its approval request, the approval's history, the audit event
//      and the feed event (under the organisation's event lock, as emitEvent takes it).
// The rules themselves are the ones createLeaveRequest applies (counting.ts, entitlement.ts); the
// approval rows are what submitApproval writes (engine.ts), built from the same helpers.
import { randomUUID } from 'node:crypto';
import { auditRowOf } from '../../audit/index.ts';
import { sqlRows } from '../../db/raw.ts';
import type { Queryable } from '../../db/raw.ts';
import type { BalanceKind, PublicHolidayBasis } from '../../db/schema-leave.ts';
import { approvalEventInput, approverInChain, defaultRules, fallbackRule } from '../approvals/index.ts';
import type { ApprovalRequestRecord, ApprovalStepKind } from '../approvals/index.ts';
import { standardPattern } from '../calendars/working-patterns.ts';
import { addYears, dayOf, isoOf } from '../calendars/dates.ts';
import { entitlementOf } from './balances.ts';
import { carryOverCap } from './entitlement.ts';
import { defaultLeaveSettings } from './facts.ts';
import type { LeaveFacts } from './facts.ts';
import { leaveProblems } from './problems.ts';

const lockAndReadFacts = `
SELECT e.organisation_id, e.nhs_service_start_date::text AS service_start, coalesce(e.preferred_name, e.first_name) || ' ' || e.last_name AS name,
       o.nation, a.id AS assignment_id, a.org_unit_id, a.start_date::text AS a_start, a.end_date::text AS a_end,
       a.contracted_minutes_per_week, a.supervisor_employee_id,
       (SELECT json_agg(json_build_object('effectiveFrom', w.effective_from::text, 'cycleStart', w.cycle_start::text, 'minutesByDay', w.minutes_by_day) ORDER BY w.effective_from)
          FROM working_patterns w WHERE w.assignment_id = a.id) AS patterns,
       (SELECT json_build_object('leaveYearStartMonth', s.leave_year_start_month, 'leaveYearStartDay', s.leave_year_start_day, 'carryOverMaxMinutes', s.carry_over_max_minutes,
                                 'publicHolidayBasis', s.public_holiday_basis, 'noticeMultiplier', s.notice_multiplier)
          FROM leave_settings s WHERE s.organisation_id = e.organisation_id) AS settings,
       (SELECT to_json(r.steps) FROM approval_rules r WHERE r.organisation_id = e.organisation_id AND r.type = $2) AS rule,
       (WITH RECURSIVE chain (supervisor_id, depth) AS (
          SELECT supervisor_employee_id, 1 FROM (
            SELECT supervisor_employee_id FROM assignments
             WHERE employee_id = e.id AND supervisor_employee_id IS NOT NULL AND (end_date IS NULL OR end_date >= CURRENT_DATE)
             ORDER BY start_date, id LIMIT 1) first
          UNION ALL
          SELECT x.supervisor_employee_id, c.depth + 1 FROM chain c
            CROSS JOIN LATERAL (
              SELECT supervisor_employee_id FROM assignments
               WHERE employee_id = c.supervisor_id AND supervisor_employee_id IS NOT NULL AND (end_date IS NULL OR end_date >= CURRENT_DATE)
               ORDER BY start_date, id LIMIT 1) x
           WHERE c.depth < 64)
        SELECT json_agg(json_build_object('id', c.supervisor_id, 'standIn',
                 (SELECT d.delegate_employee_id FROM approval_delegations d WHERE d.delegator_employee_id = c.supervisor_id
                     AND d.starts_on <= (now() AT TIME ZONE 'UTC')::date AND d.ends_on >= (now() AT TIME ZONE 'UTC')::date LIMIT 1)) ORDER BY c.depth)
          FROM chain c) AS chain
  FROM employees e
  JOIN organisations o ON o.id = e.organisation_id
  JOIN assignments a ON a.employee_id = e.id
 WHERE e.id = $1
 ORDER BY a.start_date DESC
 LIMIT 1
   FOR NO KEY UPDATE OF e`;

const balanceColumns = `json_build_object('entitlement', entitlement_minutes, 'carried', carried_over_minutes, 'adjustment', adjustment_minutes, 'pending', pending_minutes, 'approved', approved_minutes)`;
const readUnderLock = `
SELECT (SELECT json_build_object('id', l.id, 'startDate', l.start_date::text, 'endDate', l.end_date::text) FROM leave_requests l
         WHERE l.employee_id = $1 AND l.status IN ('pending', 'approved') AND l.start_date <= $3::date AND l.end_date >= $2::date
           AND ($4::text IS NULL OR l.unit <> 'half_day' OR l.half = $4::text)
         LIMIT 1) AS clash,
       (SELECT ${balanceColumns} FROM leave_balances WHERE employee_id = $1 AND leave_year_start = $5::date AND kind = 'annual') AS previous,
       (SELECT ${balanceColumns} FROM leave_balances WHERE employee_id = $1 AND leave_year_start = $6::date AND kind = $7::text) AS current`;

// The balance is created with the reservation in it, or its entitlement refreshed and the minutes
// reserved only while enough is available: PostgreSQL checks the condition on the row's latest version.
const reserveMinutes = `
INSERT INTO leave_balances (employee_id, organisation_id, leave_year_start, kind, entitlement_minutes, carried_over_minutes, pending_minutes)
VALUES ($1, $2, $3::date, $4, $5, $6, $7)
ON CONFLICT (employee_id, leave_year_start, kind) DO UPDATE
   SET entitlement_minutes = EXCLUDED.entitlement_minutes, pending_minutes = leave_balances.pending_minutes + EXCLUDED.pending_minutes, updated_at = now()
 WHERE EXCLUDED.entitlement_minutes + leave_balances.carried_over_minutes + leave_balances.adjustment_minutes
       - leave_balances.pending_minutes - leave_balances.approved_minutes >= EXCLUDED.pending_minutes
RETURNING 1 AS reserved`;

const writeRequest = `
WITH request AS (
  INSERT INTO leave_requests (id, organisation_id, employee_id, assignment_id, type, status, start_date, end_date, unit, half, minutes,
                              leave_year_start, reason, requested_by, approval_request_id, version, submitted_at)
  VALUES ($1, $2, $3, $4, $5, 'pending', $6::date, $7::date, $8, $9, $10, $11::date, $12, $13, $14, 2, now())
  RETURNING id, organisation_id, employee_id, assignment_id, type, status, start_date::text, end_date::text, unit, half, minutes,
            leave_year_start::text, reason, requested_by, approval_request_id, version, created_at::text, updated_at::text,
            submitted_at::text, decided_at::text, cancelled_at::text
), approval AS (
  INSERT INTO approval_requests (id, organisation_id, type, subject_employee_id, requested_by, payload, subject_ref, route, current_step, approver_kind, approver_employee_id)
  VALUES ($14, $2, $15, $3, $13, $16::jsonb, $1, ARRAY(SELECT jsonb_array_elements_text($17::jsonb)), 0, $18, $19)
  RETURNING id
), history AS (
  INSERT INTO approval_history (request_id, organisation_id, actor_employee_id, action, step, approver_kind, approver_employee_id, stand_in_employee_id)
  SELECT id, $2, $13, 'submitted', 0, NULL, NULL, NULL FROM approval
  UNION ALL
  SELECT id, $2, NULL, 'routed', 0, $18, $19, $20 FROM approval
), audit AS (
  INSERT INTO audit_events (organisation_id, actor_employee_id, action, resource, subject_employee_id, changes, ip, request_id)
  VALUES ($21, $22, $23, $24, $3, $25::jsonb, $26, $27)
), event AS (
  INSERT INTO events (organisation_id, type, resource_type, resource_id, subject_employee_id, actor_employee_id, audience, data)
  SELECT $2, 'approval.submitted', 'approval_request', $14, $3, $13, ARRAY(SELECT jsonb_array_elements_text($28::jsonb)), $29::jsonb
    FROM (SELECT pg_advisory_xact_lock(727275, hashtext($2))) AS organisation_event_lock
)
SELECT request.* FROM request, approval`;

interface FactsRow {
  organisation_id: string; service_start: string; name: string; nation: string; assignment_id: string; org_unit_id: string;
  a_start: string; a_end: string | null; contracted_minutes_per_week: number; supervisor_employee_id: string | null;
  patterns: Array<{ effectiveFrom: string; cycleStart: string; minutesByDay: number[] }> | null;
  settings: LeaveFacts['settings'] | null; rule: ApprovalStepKind[] | null; chain: Array<{ id: string; standIn: string | null }> | null;
}
type BalanceFigures = { entitlement: number; carried: number; adjustment: number; pending: number; approved: number };

/** A JSON value read back from the driver (postgres.js parses json; PGlite too, but be sure). */
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export interface LockedFacts {
  facts: LeaveFacts;
  /** The organisation's route for leave requests, and the subject's supervisors (nearest first) with stand-ins. */
  route: ApprovalStepKind[];
  chain: Array<{ id: string; standIn: string | null }>;
}

/** Statement 1: locks the person (as lockPerson does) and reads their leave facts and approval routing. */
export async function lockAndLoad(tx: Queryable, employeeId: string, approvalType: string): Promise<LockedFacts | null> {
  const [row] = await sqlRows<FactsRow>(tx, lockAndReadFacts, [employeeId, approvalType]);
  if (!row) return null;
  const patterns = json<FactsRow['patterns']>(row.patterns) ?? [];
  const settings = json<FactsRow['settings']>(row.settings);
  const seen = new Set<string>();
  const chain = (json<FactsRow['chain']>(row.chain) ?? []).filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
  return {
    facts: {
      employeeId,
      organisationId: row.organisation_id,
      nation: row.nation,
      serviceStart: row.service_start,
      name: row.name,
      assignment: {
        id: row.assignment_id, orgUnitId: row.org_unit_id, startDate: row.a_start, endDate: row.a_end,
        contractedMinutesPerWeek: row.contracted_minutes_per_week, supervisorEmployeeId: row.supervisor_employee_id,
      },
      patterns: patterns.length > 0 ? patterns : [standardPattern(row.contracted_minutes_per_week)],
      defaultPattern: patterns.length === 0,
      settings: settings ? { ...settings, publicHolidayBasis: settings.publicHolidayBasis as PublicHolidayBasis } : defaultLeaveSettings,
    },
    route: json<ApprovalStepKind[] | null>(row.rule) ?? defaultRules[approvalType] ?? fallbackRule,
    chain,
  };
}

/** Statement 2 (under the lock): the first overlapping pending or approved request, and the balances the reservation needs. */
export async function readClashAndBalances(tx: Queryable, employeeId: string, r: { startDate: string; endDate: string; unit: string; half: string | null }, leaveYearStart: string, kind: BalanceKind) {
  const previousStart = isoOf(addYears(dayOf(leaveYearStart), -1));
  const [row] = await sqlRows<{ clash: unknown; previous: unknown; current: unknown }>(tx, readUnderLock, [
    employeeId, r.startDate, r.endDate, r.unit === 'half_day' ? r.half : null, previousStart, leaveYearStart, kind,
  ]);
  return {
    clash: json<{ id: string; startDate: string; endDate: string } | null>(row?.clash ?? null),
    previous: json<BalanceFigures | null>(row?.previous ?? null),
    current: json<BalanceFigures | null>(row?.current ?? null),
  };
}

const available = (b: BalanceFigures, entitlement: number) => entitlement + b.carried + b.adjustment - b.pending - b.approved;

/**
 * Statement 3: reserves `minutes` of the balance for the leave year (created if need be, carrying over
 * last year's unused annual leave up to the cap, as ensureBalance does), or throws insufficient_balance.
 */
export async function reserveBalance(tx: Queryable, facts: LeaveFacts, leaveYear: { start: string; end: string }, kind: BalanceKind, minutes: number, seen: { previous: BalanceFigures | null; current: BalanceFigures | null }): Promise<void> {
  const entitlement = kind === 'annual' ? entitlementOf(facts, leaveYear).bookableMinutes : 0;
  let carried = 0;
  if (kind === 'annual' && seen.previous) {
    const unused = available(seen.previous, seen.previous.entitlement);
    carried = Math.max(0, Math.min(unused, carryOverCap(facts.settings.carryOverMaxMinutes, facts.assignment.contractedMinutesPerWeek)));
  }
  const before = seen.current ? available(seen.current, entitlement) : entitlement + carried;
  // A new balance must hold the minutes itself (an existing one is checked by the upsert's condition).
  if (seen.current || before >= minutes) {
    const [ok] = await sqlRows(tx, reserveMinutes, [facts.employeeId, facts.organisationId, leaveYear.start, kind, entitlement, carried, minutes]);
    if (ok) return;
  }
  throw leaveProblems.insufficientBalance(minutes, Math.max(0, before), kind);
}

export interface SubmittedRequestInput {
  facts: LeaveFacts;
  route: ApprovalStepKind[];
  chain: Array<{ id: string; standIn: string | null }>;
  request: { type: string; startDate: string; endDate: string; unit: string; half: 'am' | 'pm' | null; minutes: number; leaveYearStart: string; reason: string | null };
  requestedBy: string;
  approvalType: string;
  audit: Parameters<typeof auditRowOf>[0];
}

/** Statement 4: the pending request with its approval request, history, audit and feed event. Returns the request row. */
export async function writeSubmittedRequest(tx: Queryable, input: SubmittedRequestInput) {
  const { facts, request: r } = input;
  const id = `lvr_${randomUUID().replaceAll('-', '')}`;
  const approvalId = `apr_${randomUUID().replaceAll('-', '')}`;
  // Routed as resolveStep routes the first step: never to the requester or the subject themselves.
  const approver = approverInChain(input.chain.map((c) => c.id), input.route[0]!, new Set([input.requestedBy, facts.employeeId]));
  const standIn = approver.employeeId ? (input.chain.find((c) => c.id === approver.employeeId)?.standIn ?? null) : null;
  const payload = { leaveRequestId: id, type: r.type, startDate: r.startDate, endDate: r.endDate, unit: r.unit, half: r.half, minutes: r.minutes, employeeName: facts.name };
  const record = {
    id: approvalId, organisationId: facts.organisationId, type: input.approvalType, subjectEmployeeId: facts.employeeId, requestedBy: input.requestedBy,
    payload, subjectRef: id, status: 'pending', route: input.route, currentStep: 0, approverKind: approver.kind, approverEmployeeId: approver.employeeId, version: 1,
  } as unknown as ApprovalRequestRecord;
  const event = approvalEventInput('approval.submitted', record, input.requestedBy, { standIn });
  const audience = [...new Set(event.audience.filter((a): a is string => typeof a === 'string'))];
  const audit = auditRowOf(input.audit);
  const [row] = await sqlRows<LeaveRequestSqlRow>(tx, writeRequest, [
    id, facts.organisationId, facts.employeeId, facts.assignment.id, r.type, r.startDate, r.endDate, r.unit, r.half, r.minutes,
    r.leaveYearStart, r.reason, input.requestedBy, approvalId, input.approvalType, JSON.stringify(payload), JSON.stringify(input.route),
    approver.kind, approver.employeeId, standIn,
    audit.organisationId, audit.actorEmployeeId, audit.action, audit.resource, audit.changes === null ? null : JSON.stringify(audit.changes), audit.ip, audit.requestId,
    JSON.stringify(audience), JSON.stringify(event.data ?? {}),
  ]);
  return fromSqlRow(row!);
}

interface LeaveRequestSqlRow {
  id: string; organisation_id: string; employee_id: string; assignment_id: string; type: string; status: string; start_date: string; end_date: string;
  unit: string; half: 'am' | 'pm' | null; minutes: number; leave_year_start: string; reason: string | null; requested_by: string;
  approval_request_id: string | null; version: number; created_at: string; updated_at: string; submitted_at: string | null; decided_at: string | null; cancelled_at: string | null;
}

function fromSqlRow(r: LeaveRequestSqlRow) {
  return {
    id: r.id, organisationId: r.organisation_id, employeeId: r.employee_id, assignmentId: r.assignment_id, type: r.type, status: r.status,
    startDate: r.start_date, endDate: r.end_date, unit: r.unit, half: r.half, minutes: r.minutes, leaveYearStart: r.leave_year_start, reason: r.reason,
    requestedBy: r.requested_by, approvalRequestId: r.approval_request_id, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
    submittedAt: r.submitted_at, decidedAt: r.decided_at, cancelledAt: r.cancelled_at,
  };
}
