import type { ApprovalAction, ApprovalBulkResult, ApprovalDecisionResult } from '@esr/sdk';
import { esrEvent } from '../internal/esr-event.ts';

export interface EsrApprovalDecideEventDetail {
  /** One id, or several for bulk approve. */
  readonly ids: readonly string[];
  readonly action: ApprovalAction;
  /** The reason (reject), question (request information) or comment sent with it. */
  readonly text?: string;
  /** The new approver's employee id (reassign). */
  readonly reassignTo?: string;
}

/** Before a decision is sent: `preventDefault()` stops it (e.g. to confirm in the page's own dialog). */
export class EsrApprovalDecideEvent extends esrEvent<EsrApprovalDecideEventDetail>('esr-approval-decide', true) {}

export interface EsrApprovalDecidedEventDetail {
  readonly action: ApprovalAction;
  /** A single decision's result. */
  readonly result?: ApprovalDecisionResult;
  /** A bulk approval's per-item results. */
  readonly bulk?: ApprovalBulkResult;
}

/** A decision (or bulk approval) was recorded by the server. */
export class EsrApprovalDecidedEvent extends esrEvent<EsrApprovalDecidedEventDetail>('esr-approval-decided') {}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-approval-decide': EsrApprovalDecideEvent;
    'esr-approval-decided': EsrApprovalDecidedEvent;
  }
}
