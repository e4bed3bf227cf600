import type { Messages, StringKey } from '../i18n/types.ts';
import { leaveTermsEnGB, type LeaveTermStrings } from '../internal/leave-terms.ts';

/** Strings of <esr-approval-inbox>, with the leave terms it shares with the leave request. */
export interface ApprovalInboxStrings extends LeaveTermStrings {
  inboxTitle: string;
  inboxLoading: string;
  inboxErrorLoad: string;
  inboxErrorDetail: string;
  inboxErrorMore: string;
  inboxShow: string;
  inboxTabPending: string;
  inboxTabPendingCount: string; // %{count}
  inboxTabDecided: string;
  inboxEmptyPending: string;
  inboxEmptyPendingBody: string;
  inboxEmptyDecided: string;
  inboxEmptyDecidedBody: string;
  inboxSelectAll: string;
  inboxApproveSelected: string; // %{count}
  inboxRendering: string; // %{shown} %{total}
  inboxShowMore: string;
  inboxLeaveTitle: string; // %{name} %{type} %{hours}
  inboxNameChangeTitle: string; // %{name}
  inboxRequested: string; // %{date}
  inboxStatusPending: string;
  inboxStatusInfoRequested: string;
  inboxStatusApproved: string;
  inboxStatusRejected: string;
  inboxStatusWithdrawn: string;
  inboxShortcuts: string;
  inboxKeyMove: string;
  inboxKeyEnds: string;
  inboxKeyOpen: string;
  inboxKeySelect: string;
  inboxKeySelectAll: string;
  inboxKeyApprove: string;
  inboxKeyReject: string;
  inboxKeyInfo: string;
  inboxKeyBulk: string;
  inboxKeyClose: string;
  inboxLoadingDetail: string;
  inboxClose: string;
  inboxFor: string;
  inboxRequestedBy: string;
  inboxBalance: string;
  inboxBalanceValue: string; // %{available} %{pending}
  inboxNameFromTo: string;
  inboxNameChange: string; // %{from} %{to}
  inboxSubmitted: string;
  inboxHistory: string;
  inboxSystem: string;
  inboxWhoElseOff: string;
  inboxCheckingTeam: string;
  inboxNobodyOff: string;
  inboxOffSick: string;
  inboxOffAbsent: string;
  inboxApprove: string;
  inboxReject: string;
  inboxRequestInfo: string;
  inboxReassign: string;
  inboxReasonLabel: string;
  inboxReasonHint: string;
  inboxConfirmReject: string;
  inboxQuestionLabel: string;
  inboxQuestionHint: string;
  inboxConfirmInfo: string;
  inboxReassignLabel: string;
  inboxReassignHint: string;
  inboxConfirmReassign: string;
  inboxErrorReason: string;
  inboxErrorQuestion: string;
  inboxErrorReassign: string;
  inboxErrorDecision: string;
  inboxErrorAlreadyDecided: string;
  inboxErrorChanged: string;
  inboxDoneApproved: string; // %{summary}
  inboxDoneRejected: string; // %{summary}
  inboxDoneInfo: string; // %{summary}
  inboxDoneReassigned: string; // %{summary}
  inboxBulkDone: string; // %{succeeded}
  inboxBulkPartly: string; // %{succeeded} %{failed}
  inboxUpdated: string; // %{added} %{removed}
  inboxOpenDecidedElsewhere: string;
}

/** Keys `t()` accepts in this widget: its own and the common ones. */
export type ApprovalInboxKey = StringKey<ApprovalInboxStrings>;

const enGB: ApprovalInboxStrings = {
  ...leaveTermsEnGB,
  inboxTitle: 'Approvals',
  inboxLoading: 'Loading your approvals…',
  inboxErrorLoad: 'We could not load your approvals',
  inboxErrorDetail: 'We could not load this request',
  inboxErrorMore: 'We could not load more requests. Try again.',
  inboxShow: 'Show',
  inboxTabPending: 'Waiting for you',
  inboxTabPendingCount: 'Waiting for you (%{count})',
  inboxTabDecided: 'Decided by you',
  inboxEmptyPending: 'Nothing is waiting for you',
  inboxEmptyPendingBody: 'Requests from your team will appear here.',
  inboxEmptyDecided: 'You have not decided any requests yet',
  inboxEmptyDecidedBody: 'Requests you approve or reject will be listed here.',
  inboxSelectAll: 'Select all',
  inboxApproveSelected: 'Approve selected (%{count})',
  inboxRendering: 'Showing %{shown} of %{total}…',
  inboxShowMore: 'Show more',
  inboxLeaveTitle: '%{name}: %{type}, %{hours}',
  inboxNameChangeTitle: '%{name}: name change',
  inboxRequested: 'Requested %{date}',
  inboxStatusPending: 'Waiting',
  inboxStatusInfoRequested: 'Information requested',
  inboxStatusApproved: 'Approved',
  inboxStatusRejected: 'Rejected',
  inboxStatusWithdrawn: 'Withdrawn',
  inboxShortcuts: 'Keyboard shortcuts',
  inboxKeyMove: 'Move between requests',
  inboxKeyEnds: 'First or last request',
  inboxKeyOpen: 'Open the details',
  inboxKeySelect: 'Select for bulk approval',
  inboxKeySelectAll: 'Select all',
  inboxKeyApprove: 'Approve',
  inboxKeyReject: 'Reject, with a reason',
  inboxKeyInfo: 'Ask for more information',
  inboxKeyBulk: 'Approve the selected requests',
  inboxKeyClose: 'Close the details',
  inboxLoadingDetail: 'Loading the details…',
  inboxClose: 'Close details',
  inboxFor: 'For',
  inboxRequestedBy: 'Requested by',
  inboxBalance: 'Annual leave left',
  inboxBalanceValue: '%{available} (%{pending} waiting for approval)',
  inboxNameFromTo: 'Name',
  inboxNameChange: 'From %{from} to %{to}',
  inboxSubmitted: 'Submitted',
  inboxHistory: 'History',
  inboxSystem: 'ESR',
  inboxWhoElseOff: 'Who else is off',
  inboxCheckingTeam: 'Checking your team’s calendar…',
  inboxNobodyOff: 'Nobody else in the team is off on these dates.',
  inboxOffSick: 'off sick',
  inboxOffAbsent: 'absent',
  inboxApprove: 'Approve',
  inboxReject: 'Reject',
  inboxRequestInfo: 'Ask for information',
  inboxReassign: 'Reassign',
  inboxReasonLabel: 'Why are you rejecting this request?',
  inboxReasonHint: 'The person who asked will see this.',
  inboxConfirmReject: 'Reject request',
  inboxQuestionLabel: 'What do you need to know?',
  inboxQuestionHint: 'They answer this, and the request comes back to you.',
  inboxConfirmInfo: 'Send question',
  inboxReassignLabel: 'Employee ID of the new approver',
  inboxReassignHint: 'A manager above this person, or an HR administrator, for example emp_0000000009',
  inboxConfirmReassign: 'Reassign request',
  inboxErrorReason: 'Enter why you are rejecting this request',
  inboxErrorQuestion: 'Enter your question',
  inboxErrorReassign: 'Enter the employee ID of the new approver',
  inboxErrorDecision: 'Your decision was not saved. Try again.',
  inboxErrorAlreadyDecided: 'Someone else has already decided this request.',
  inboxErrorChanged: 'This request changed since you opened it. Check it again.',
  inboxDoneApproved: 'Approved: %{summary}',
  inboxDoneRejected: 'Rejected: %{summary}',
  inboxDoneInfo: 'Question sent: %{summary}',
  inboxDoneReassigned: 'Reassigned: %{summary}',
  inboxBulkDone: '%{succeeded} requests approved.',
  inboxBulkPartly: '%{succeeded} approved; %{failed} could not be approved (someone else may have decided them).',
  inboxUpdated: 'Inbox updated: %{added} new, %{removed} gone.',
  inboxOpenDecidedElsewhere: 'The request you had open was decided by someone else.',
};

// Welsh is fetched the first time this widget renders in Welsh, so English pages never download it.
export const approvalInboxMessages: Messages<ApprovalInboxStrings> = { 'en-GB': enGB, cy: () => import('./messages.cy.ts').then((m) => m.cy) };
