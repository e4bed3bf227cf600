// The leave request's approval type: the Approvals engine calls these in the deciding transaction.
import { and, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { assignments, employees } from '../../db/schema.ts';
import { leaveRequests } from '../../db/schema-leave.ts';
import { registerApprovalType } from '../approvals/index.ts';
import type { ApprovalTypeHandler } from '../approvals/index.ts';
import { readBalance } from './balances.ts';
import { leaveYearOf, loadLeaveFacts } from './facts.ts';
import { approveFromInbox, balanceKindOf, describeLeave, leaveApprovalType, rejectFromInbox, withdrawFromInbox } from './requests.ts';

interface LeavePayload { leaveRequestId: string; type: string; startDate: string; endDate: string; minutes: number; employeeName?: string }

const refOf = (request: { subjectRef: string | null; payload: Record<string, unknown> }) =>
  request.subjectRef ?? (request.payload as unknown as LeavePayload).leaveRequestId;

export const leaveApprovalHandler: ApprovalTypeHandler = {
  type: leaveApprovalType,
  onApproved: (tx, request) => approveFromInbox(tx, refOf(request)),
  onRejected: (tx, request) => rejectFromInbox(tx, refOf(request)),
  onWithdrawn: (tx, request) => withdrawFromInbox(tx, refOf(request)),
  async context(db, request) {
    const p = request.payload as unknown as LeavePayload;
    const facts = await loadLeaveFacts(db, request.subjectEmployeeId);
    const kind = balanceKindOf(p.type as 'annual');
    const balance = facts && kind ? await readBalance(db, request.subjectEmployeeId, leaveYearOf(facts, p.startDate), kind) : null;
    // Colleagues with the same line manager who are off (pending or approved) in the same dates.
    const supervisor = facts?.assignment.supervisorEmployeeId ?? null;
    const teamOff = supervisor
      ? await db
          .select({ employeeId: leaveRequests.employeeId, firstName: employees.firstName, lastName: employees.lastName, startDate: leaveRequests.startDate, endDate: leaveRequests.endDate, status: leaveRequests.status })
          .from(leaveRequests)
          .innerJoin(assignments, eq(assignments.employeeId, leaveRequests.employeeId))
          .innerJoin(employees, eq(employees.id, leaveRequests.employeeId))
          .where(and(
            eq(assignments.supervisorEmployeeId, supervisor),
            ne(leaveRequests.employeeId, request.subjectEmployeeId),
            inArray(leaveRequests.status, ['pending', 'approved']),
            lte(leaveRequests.startDate, p.endDate),
            gte(leaveRequests.endDate, p.startDate),
          ))
          .limit(50)
      : [];
    return {
      leave: { type: p.type, startDate: p.startDate, endDate: p.endDate, minutes: p.minutes },
      balance: balance ? { kind: balance.kind, availableMinutes: balance.availableMinutes, pendingMinutes: balance.pendingMinutes } : null,
      teamMembersOff: teamOff.map((t) => ({ employeeId: t.employeeId, name: `${t.firstName} ${t.lastName}`, startDate: t.startDate, endDate: t.endDate, status: t.status })),
    };
  },
  summary(request) {
    const p = request.payload as unknown as LeavePayload;
    return `${p.employeeName ? `${p.employeeName}: ` : ''}${describeLeave(p)}`;
  },
};

registerApprovalType(leaveApprovalHandler);
