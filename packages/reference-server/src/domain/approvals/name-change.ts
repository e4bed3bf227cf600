// Name change (personal details): approval updates the employee's title and names in the deciding transaction.
import { eq, sql } from 'drizzle-orm';
import { employees } from '../../db/schema.ts';
import { registerApprovalType } from './registry.ts';
import type { ApprovalRequestRecord, ApprovalTypeHandler } from './types.ts';

export const nameChangeType = 'personal_details.name_change';

interface NameChangePayload {
  title: string | null;
  firstName: string;
  lastName: string;
  reason: string;
}

const payloadOf = (request: ApprovalRequestRecord) => request.payload as unknown as NameChangePayload;
const reasons: Record<string, string> = { marriage: 'marriage', civil_partnership: 'civil partnership', divorce: 'divorce', deed_poll: 'deed poll', correction: 'correction', other: 'other' };

export const nameChangeHandler: ApprovalTypeHandler = {
  type: nameChangeType,
  async onApproved(tx, request) {
    const p = payloadOf(request);
    await tx
      .update(employees)
      .set({ title: p.title ?? null, firstName: p.firstName, lastName: p.lastName, detailsVersion: sql`${employees.detailsVersion} + 1` })
      .where(eq(employees.id, request.subjectEmployeeId));
  },
  async context(db, request) {
    const [current] = await db
      .select({ title: employees.title, firstName: employees.firstName, lastName: employees.lastName })
      .from(employees)
      .where(eq(employees.id, request.subjectEmployeeId))
      .limit(1);
    const p = payloadOf(request);
    return { currentName: current ?? null, requestedName: { title: p.title ?? null, firstName: p.firstName, lastName: p.lastName }, reason: p.reason };
  },
  summary(request) {
    const p = payloadOf(request);
    const name = [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
    return `Name change to ${name} (${reasons[p.reason] ?? p.reason})`;
  },
};

registerApprovalType(nameChangeHandler);
