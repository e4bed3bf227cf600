// The Approvals engine's public types: the contract other domains (leave, learning, contracts) use.
import type { Db } from '../../db/database.ts';
import type { ApprovalStepKind, ApproverKind } from '../../db/schema-approvals.ts';

export type { ApprovalStepKind, ApproverKind };

/** A database transaction (what `db.transaction(async (tx) => …)` hands you). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type ApprovalStatus = 'pending' | 'info_requested' | 'approved' | 'rejected' | 'withdrawn';
export const terminalStatuses: readonly ApprovalStatus[] = ['approved', 'rejected', 'withdrawn'];

export interface ApprovalRequestRecord {
  id: string;
  organisationId: string;
  type: string;
  subjectEmployeeId: string;
  requestedBy: string;
  payload: Record<string, unknown>;
  /** The type's own record (e.g. `lvr_…`), when it has one. */
  subjectRef: string | null;
  status: ApprovalStatus;
  /** The steps resolved at submission, e.g. ['line_manager', 'hr']. */
  route: ApprovalStepKind[];
  /** Index into `route` of the step waiting for (or that took) the decision. */
  currentStep: number;
  /** Who decides the current step: one employee, or any HR admin of the organisation. */
  approverKind: ApproverKind | null;
  approverEmployeeId: string | null;
  /** ETag: `"v<version>"`; bumped on every transition. */
  version: number;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

export interface ApprovalTypeHandler {
  /** e.g. 'personal_details.name_change', 'leave.request', 'learning.enrolment'. */
  type: string;
  /** Apply the approved change to the underlying record — runs in the deciding transaction. */
  onApproved(tx: Tx, request: ApprovalRequestRecord): Promise<void>;
  onRejected?(tx: Tx, request: ApprovalRequestRecord): Promise<void>;
  onWithdrawn?(tx: Tx, request: ApprovalRequestRecord): Promise<void>;
  /** Extra context for the inbox detail view (dates, balances, who else is off). */
  context?(db: Db, request: ApprovalRequestRecord): Promise<Record<string, unknown>>;
  /** Human summary line for the inbox, e.g. "Annual leave 2–6 Dec (37.5 h)". */
  summary(request: ApprovalRequestRecord): string;
}

export interface SubmitApprovalInput {
  organisationId: string;
  type: string;
  subjectEmployeeId: string;
  requestedBy: string;
  payload: Record<string, unknown>;
  subjectRef?: string;
  /** ISO 8601 instant by which a decision is wanted. */
  dueAt?: string;
}

export type DecisionAction = 'approve' | 'reject' | 'request_info' | 'reassign';

export interface DecisionInput {
  action: DecisionAction;
  /** Required for reject. */
  reason?: string | undefined;
  /** Required for request_info (the question); optional otherwise. */
  comment?: string | undefined;
  /** Required for reassign: an eligible approver's employee id. */
  reassignTo?: string | undefined;
}
