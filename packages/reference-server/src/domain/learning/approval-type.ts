// The enrolment approval type: the Approvals engine calls these in the deciding transaction.
import { registerApprovalType } from '../approvals/index.ts';
import type { ApprovalRequestRecord, ApprovalTypeHandler } from '../approvals/index.ts';
import { approveFromInbox, enrolmentApprovalType, rejectFromInbox, withdrawFromInbox } from './enrolment.ts';

interface EnrolmentPayload { enrolmentId: string; courseId: string; courseTitle: string; sessionId: string | null; startsAt: string | null; venue: string | null; employeeName?: string }

const payloadOf = (request: ApprovalRequestRecord) => request.payload as unknown as EnrolmentPayload;
const refOf = (request: ApprovalRequestRecord) => request.subjectRef ?? payloadOf(request).enrolmentId;

export const enrolmentApprovalHandler: ApprovalTypeHandler = {
  type: enrolmentApprovalType,
  onApproved: (tx, request) => approveFromInbox(tx, refOf(request)),
  onRejected: (tx, request) => rejectFromInbox(tx, refOf(request)),
  onWithdrawn: (tx, request) => withdrawFromInbox(tx, refOf(request)),
  async context(_db, request) {
    const p = payloadOf(request);
    return { course: { id: p.courseId, title: p.courseTitle }, session: p.sessionId ? { id: p.sessionId, startsAt: p.startsAt, venue: p.venue } : null };
  },
  summary(request) {
    const p = payloadOf(request);
    const when = p.startsAt ? ` on ${p.startsAt.slice(0, 10)}${p.venue ? ` at ${p.venue}` : ''}` : ' (e-learning)';
    return `${p.employeeName ? `${p.employeeName}: ` : ''}Course enrolment: ${p.courseTitle}${when}`;
  },
};

registerApprovalType(enrolmentApprovalHandler);
