// Approvals engine: one inbox for every approval-required action, decided exactly once.
// Other domains plug in with registerApprovalType + submitApproval (see types.ts for the contract).
import './name-change.ts';

export type {
  ApprovalRequestRecord, ApprovalStatus, ApprovalStepKind, ApprovalTypeHandler, ApproverKind, DecisionAction, DecisionInput,
  SubmitApprovalInput, Tx,
} from './types.ts';
export { terminalStatuses } from './types.ts';
export { approvalHandler, registerApprovalType, registeredApprovalTypes } from './registry.ts';
export { activeStandIn, defaultRules, fallbackRule, resolveStep, ruleFor, setApprovalRule, supervisorChain } from './rules.ts';
export {
  decideApproval, findApprovalBySubjectRef, loadApproval, respondToApproval, submitApproval, submitApprovalDeferringEvent, toRecord, validateDecision, withdrawApproval,
} from './engine.ts';
export type { DecisionOutcome, RequestContext } from './engine.ts';
export { approvalAccess } from './access.ts';
export type { ApprovalAccess } from './access.ts';
export { emitEvent, latestEventId, listEvents, toEventView } from './events.ts';
export type { EventInput, EventView } from './events.ts';
export { clearDelegation, getDelegation, setDelegation } from './delegation.ts';
export type { DelegationView } from './delegation.ts';
export { listInbox, loadApprovalDetail, summaryOf, toItemViews } from './inbox.ts';
export type { ApprovalHistoryView, ApprovalItemView, InboxBox, InboxCursor, YourAction } from './inbox.ts';
export { nameChangeHandler, nameChangeType } from './name-change.ts';
export { approvalProblems } from './problems.ts';
