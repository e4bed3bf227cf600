// Annual leave for seeded trusts: last leave year taken almost in full, this leave year taken about in
// step with the calendar (with some people ahead and some behind), leave booked ahead (Christmas is
// popular) and a few requests pending in line managers' Approvals inboxes. Requests are counted in working
// minutes with the leave domain's own rules (working pattern, bank holidays granted, AfC entitlement by
// service, pro rata), balances hold exactly the approved and pending minutes, unused leave carries over
// up to the organisation's cap, and no booking overdraws or overlaps another.
//
// Deterministic by seed and assignment; written per organisation in one transaction with bulk inserts.
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database.ts';
import { approvalRequests } from '../db/schema.ts';
import { approvalHistory } from '../db/schema-approvals.ts';
import { leaveBalances, leaveRequests } from '../db/schema-leave.ts';
import { dayOf, isoOf, weekdayOf } from '../domain/calendars/dates.ts';
import { standardPattern } from '../domain/calendars/working-patterns.ts';
import { carryOverCap, computeEntitlement, leaveYearContaining } from '../domain/leave/entitlement.ts';
import { countLeave } from '../domain/leave/counting.ts';
import { defaultLeaveSettings } from '../domain/leave/facts.ts';
import { BulkWriter, TableBuffer, inTransaction, queryRows } from './bulk.ts';
import { hash } from './payslip-history.ts';
import { Random } from './random.ts';

export interface LeaveSeedOptions {
  seed?: number;
  /** Today, for the seed: leave before it is taken, after it booked or pending. */
  asOf: string;
  organisationIds: string[];
  rowsPerStatement?: number;
}

interface Person { assignment_id: string; employee_id: string; organisation_id: string; supervisor: string | null; minutes: number; start_date: string; service_start: string; nation: string; name: string }

export interface SeededRequest { startDate: string; endDate: string; minutes: number; status: 'approved' | 'pending'; leaveYearStart: string }
export interface SeededBalance { leaveYearStart: string; entitlementMinutes: number; carriedOverMinutes: number; approvedMinutes: number; pendingMinutes: number }

const lengths: ReadonlyArray<readonly [number, number]> = [[1, 30], [2, 12], [3, 14], [4, 8], [5, 22], [10, 10], [15, 4]];

// Working minutes of a range by weekly hours and nation: people share patterns and dates, so a trust's
// requests are counted a few thousand times rather than once each (counting walks the days).
const counted = new Map<string, number>();
function minutesOf(facts: { patterns: ReturnType<typeof standardPattern>[]; nation: string }, weekly: number, start: number, end: number): number {
  const key = `${facts.nation}:${weekly}:${start}:${end}`;
  let minutes = counted.get(key);
  if (minutes === undefined) {
    if (counted.size > 200_000) counted.clear();
    minutes = countLeave(facts, { startDate: isoOf(start), endDate: isoOf(end), unit: 'days' }).minutes;
    counted.set(key, minutes);
  }
  return minutes;
}

/** One person's leave in the previous and current leave years (day numbers are days since the epoch). */
export function generateLeave(seed: number, p: Person, asOf: string): { requests: SeededRequest[]; balances: SeededBalance[] } {
  const rnd = new Random(hash(`${seed}:leave:${p.assignment_id}`));
  const today = dayOf(asOf);
  const current = leaveYearContaining(asOf, defaultLeaveSettings.leaveYearStartMonth, defaultLeaveSettings.leaveYearStartDay);
  const previous = leaveYearContaining(isoOf(dayOf(current.start) - 1), defaultLeaveSettings.leaveYearStartMonth, defaultLeaveSettings.leaveYearStartDay);
  const facts = { patterns: [standardPattern(p.minutes)], nation: p.nation };
  const requests: SeededRequest[] = [];
  const balances: SeededBalance[] = [];
  const taken: Array<[number, number]> = [];
  const clashes = (a: number, b: number) => taken.some(([x, y]) => a <= y + 1 && b >= x - 1);
  // The end of a run of `n` working days from `start` (Mon–Fri, the standard pattern's working days).
  const endAfter = (start: number, n: number) => {
    let d = start;
    for (let left = n - 1; left > 0; ) if (weekdayOf(++d) < 5) left--;
    return d;
  };
  let carried = 0;
  for (const year of [previous, current]) {
    const yStart = dayOf(year.start);
    const yEnd = dayOf(year.end);
    const employedFrom = Math.max(yStart, dayOf(p.start_date));
    if (employedFrom > Math.min(yEnd, today)) continue;
    const entitlement = computeEntitlement({
      leaveYear: year, nation: p.nation, serviceStart: p.service_start, employment: { start: p.start_date, end: null },
      contractedMinutesPerWeek: p.minutes, patterns: [], publicHolidayBasis: defaultLeaveSettings.publicHolidayBasis,
    }).bookableMinutes;
    const available = entitlement + carried;
    const isCurrent = year === current;
    // How much of the year's leave to use: nearly all of last year's; this year's in step with the
    // calendar, give or take; plus, this year, bookings ahead.
    const elapsed = isCurrent ? (today - employedFrom) / (yEnd - employedFrom + 1) : 1;
    const target = Math.min(available, Math.round(available * Math.min(1, Math.max(0, elapsed * (0.75 + 0.4 * rnd.next())))));
    const ahead = isCurrent && rnd.chance(0.55) ? Math.round(available * (0.05 + 0.2 * rnd.next())) : 0;
    let used = 0;
    let pending = 0;
    const book = (from: number, to: number, goal: number, status: 'approved' | 'pending') => {
      for (let attempt = 0; attempt < 60 && goal - used - pending > 0; attempt++) {
        const start = rnd.int(from, to);
        if (weekdayOf(start) >= 5) continue;
        const end = Math.min(endAfter(start, rnd.weighted(lengths)), yEnd);
        if (clashes(start, end)) continue;
        const minutes = minutesOf(facts, p.minutes, start, end);
        // Within what is left, and not far past the goal (long bookings would overshoot it).
        if (minutes === 0 || used + pending + minutes > Math.min(available, goal + 450)) continue;
        taken.push([start, end]);
        requests.push({ startDate: isoOf(start), endDate: isoOf(end), minutes, status, leaveYearStart: year.start });
        if (status === 'approved') used += minutes;
        else pending += minutes;
        if (status === 'pending') return;
      }
    };
    if (!isCurrent) book(employedFrom, yEnd, target, 'approved');
    else {
      book(employedFrom, today - 1, target, 'approved');
      // Christmas week is the favourite booking ahead; then anything up to the year's end.
      const christmas = dayOf(`${isoOf(today).slice(0, 4)}-12-22`);
      if (ahead > 0 && christmas > today + 14 && rnd.chance(0.4)) book(christmas, christmas + 2, used + ahead, 'approved');
      if (ahead > 0) book(today + 14, yEnd, used + ahead, 'approved');
      // About 1 in 25 has a request waiting for their manager, at least a fortnight out (notice rules).
      if (p.supervisor && rnd.chance(0.04)) book(today + 14, Math.min(yEnd, today + 120), used + pending + Math.round(available * 0.2), 'pending');
    }
    balances.push({ leaveYearStart: year.start, entitlementMinutes: entitlement, carriedOverMinutes: carried, approvedMinutes: used, pendingMinutes: pending });
    carried = isCurrent ? 0 : Math.min(available - used - pending, carryOverCap(defaultLeaveSettings.carryOverMaxMinutes, p.minutes));
  }
  return { requests, balances };
}

export async function seedLeave(database: Database, options: LeaveSeedOptions): Promise<{ requests: number; pending: number }> {
  const seed = options.seed ?? 1;
  const rowsPerStatement = options.rowsPerStatement ?? (database.engine === 'pglite' ? 1000 : 5000);
  let requests = 0;
  let pending = 0;
  for (const org of options.organisationIds) {
    await inTransaction(database, async (ex) => {
      const requestBuffer = new TableBuffer(leaveRequests, 'leave_requests', ['id', 'organisationId', 'employeeId', 'assignmentId', 'type', 'status', 'startDate', 'endDate', 'unit', 'minutes', 'leaveYearStart', 'requestedBy', 'approvalRequestId', 'submittedAt', 'decidedAt']);
      const balanceBuffer = new TableBuffer(leaveBalances, 'leave_balances', ['employeeId', 'organisationId', 'leaveYearStart', 'kind', 'entitlementMinutes', 'carriedOverMinutes', 'pendingMinutes', 'approvedMinutes']);
      const approvalBuffer = new TableBuffer(approvalRequests, 'approval_requests', ['id', 'organisationId', 'type', 'subjectEmployeeId', 'requestedBy', 'payload', 'status', 'subjectRef', 'route', 'currentStep', 'approverKind', 'approverEmployeeId']);
      const historyBuffer = new TableBuffer(approvalHistory, 'approval_history', ['requestId', 'organisationId', 'actorEmployeeId', 'action', 'step', 'approverKind', 'approverEmployeeId']);
      // Approval rows before the requests that point at them; history after its request.
      const writer = new BulkWriter(ex, [approvalBuffer, historyBuffer, requestBuffer, balanceBuffer] as unknown as Array<TableBuffer<PgTable>>, { method: 'unnest', rowsPerStatement, onWritten: () => {} });
      let after = '';
      for (;;) {
        const result = await ex.query(
          `SELECT a.id AS assignment_id, a.employee_id, a.organisation_id, a.supervisor_employee_id AS supervisor, a.contracted_minutes_per_week AS minutes,
                  a.start_date::text AS start_date, e.nhs_service_start_date::text AS service_start, o.nation, e.first_name || ' ' || e.last_name AS name
             FROM assignments a JOIN employees e ON e.id = a.employee_id JOIN organisations o ON o.id = a.organisation_id
            WHERE a.organisation_id = $1 AND a.id > $2 AND a.end_date IS NULL AND a.start_date <= $3::date ORDER BY a.id LIMIT 20000`,
          [org, after, options.asOf],
        );
        const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Person[];
        if (rows.length === 0) break;
        for (const p of rows) {
          const leave = generateLeave(seed, p, options.asOf);
          leave.requests.forEach((r, i) => {
            const id = `lvr_${p.assignment_id.slice(4)}x${i}`;
            let approvalId: string | null = null;
            if (r.status === 'pending') {
              approvalId = `apr_${p.assignment_id.slice(4)}x${i}`;
              approvalBuffer.add({
                id: approvalId, organisationId: p.organisation_id, type: 'leave.request', subjectEmployeeId: p.employee_id, requestedBy: p.employee_id,
                payload: { leaveRequestId: id, type: 'annual', startDate: r.startDate, endDate: r.endDate, unit: 'days', half: null, minutes: r.minutes, employeeName: p.name },
                status: 'pending', subjectRef: id, route: ['line_manager'], currentStep: 0, approverKind: 'employee', approverEmployeeId: p.supervisor,
              });
              historyBuffer.add({ requestId: approvalId, organisationId: p.organisation_id, actorEmployeeId: p.employee_id, action: 'submitted', step: 0 });
              historyBuffer.add({ requestId: approvalId, organisationId: p.organisation_id, actorEmployeeId: null, action: 'routed', step: 0, approverKind: 'employee', approverEmployeeId: p.supervisor });
              pending++;
            }
            // Submitted a few weeks before the leave (or today, for ones still pending), decided days later.
            const submitted = r.status === 'pending' ? options.asOf : isoOf(Math.min(dayOf(options.asOf) - 1, dayOf(r.startDate) - 14 - (hash(id) % 60)));
            requestBuffer.add({
              id, organisationId: p.organisation_id, employeeId: p.employee_id, assignmentId: p.assignment_id, type: 'annual', status: r.status,
              startDate: r.startDate, endDate: r.endDate, unit: 'days', minutes: r.minutes, leaveYearStart: r.leaveYearStart, requestedBy: p.employee_id,
              approvalRequestId: approvalId, submittedAt: `${submitted}T09:00:00.000Z`,
              decidedAt: r.status === 'approved' ? `${isoOf(Math.min(dayOf(options.asOf) - 1, dayOf(submitted) + 2))}T12:00:00.000Z` : null,
            });
            requests++;
          });
          for (const b of leave.balances) balanceBuffer.add({ employeeId: p.employee_id, organisationId: p.organisation_id, kind: 'annual', ...b });
          await writer.maybeFlush();
        }
        after = rows.at(-1)!.assignment_id;
      }
      await writer.done();
    });
  }
  return { requests, pending };
}
