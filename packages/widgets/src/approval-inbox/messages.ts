import type { Messages, StringKey } from '../i18n/types.ts';
import { leaveTerms, type LeaveTermStrings } from '../internal/leave-terms.ts';

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
  ...leaveTerms['en-GB'],
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

// Cymraeg; terms follow the Welsh Government's TermCymru glossary where it has one.
const cy: ApprovalInboxStrings = {
  ...leaveTerms.cy,
  inboxTitle: 'Cymeradwyaethau',
  inboxLoading: 'Wrthi’n llwytho eich cymeradwyaethau…',
  inboxErrorLoad: 'Nid oeddem yn gallu llwytho eich cymeradwyaethau',
  inboxErrorDetail: 'Nid oeddem yn gallu llwytho’r cais hwn',
  inboxErrorMore: 'Nid oeddem yn gallu llwytho rhagor o geisiadau. Rhowch gynnig arall arni.',
  inboxShow: 'Dangos',
  inboxTabPending: 'Yn aros amdanoch chi',
  inboxTabPendingCount: 'Yn aros amdanoch chi (%{count})',
  inboxTabDecided: 'Wedi’u penderfynu gennych chi',
  inboxEmptyPending: 'Does dim yn aros amdanoch chi',
  inboxEmptyPendingBody: 'Bydd ceisiadau gan eich tîm yn ymddangos yma.',
  inboxEmptyDecided: 'Nid ydych wedi penderfynu ar unrhyw geisiadau eto',
  inboxEmptyDecidedBody: 'Bydd ceisiadau rydych yn eu cymeradwyo neu’n eu gwrthod yn cael eu rhestru yma.',
  inboxSelectAll: 'Dewis y cyfan',
  inboxApproveSelected: 'Cymeradwyo’r rhai a ddewiswyd (%{count})',
  inboxRendering: 'Yn dangos %{shown} o %{total}…',
  inboxShowMore: 'Dangos rhagor',
  inboxLeaveTitle: '%{name}: %{type}, %{hours}',
  inboxNameChangeTitle: '%{name}: newid enw',
  inboxRequested: 'Gwnaed cais %{date}',
  inboxStatusPending: 'Yn aros',
  inboxStatusInfoRequested: 'Gofynnwyd am wybodaeth',
  inboxStatusApproved: 'Wedi’i gymeradwyo',
  inboxStatusRejected: 'Wedi’i wrthod',
  inboxStatusWithdrawn: 'Wedi’i dynnu’n ôl',
  inboxShortcuts: 'Llwybrau byr y bysellfwrdd',
  inboxKeyMove: 'Symud rhwng ceisiadau',
  inboxKeyEnds: 'Y cais cyntaf neu olaf',
  inboxKeyOpen: 'Agor y manylion',
  inboxKeySelect: 'Dewis ar gyfer cymeradwyo swmp',
  inboxKeySelectAll: 'Dewis y cyfan',
  inboxKeyApprove: 'Cymeradwyo',
  inboxKeyReject: 'Gwrthod, gyda rheswm',
  inboxKeyInfo: 'Gofyn am ragor o wybodaeth',
  inboxKeyBulk: 'Cymeradwyo’r ceisiadau a ddewiswyd',
  inboxKeyClose: 'Cau’r manylion',
  inboxLoadingDetail: 'Wrthi’n llwytho’r manylion…',
  inboxClose: 'Cau’r manylion',
  inboxFor: 'Ar gyfer',
  inboxRequestedBy: 'Gwnaed cais gan',
  inboxBalance: 'Gwyliau blynyddol ar ôl',
  inboxBalanceValue: '%{available} (%{pending} yn aros am gymeradwyaeth)',
  inboxNameFromTo: 'Enw',
  inboxNameChange: 'O %{from} i %{to}',
  inboxSubmitted: 'Cyflwynwyd',
  inboxHistory: 'Hanes',
  inboxSystem: 'ESR',
  inboxWhoElseOff: 'Pwy arall sydd i ffwrdd',
  inboxCheckingTeam: 'Wrthi’n gwirio calendr eich tîm…',
  inboxNobodyOff: 'Does neb arall yn y tîm i ffwrdd ar y dyddiadau hyn.',
  inboxOffSick: 'yn sâl',
  inboxOffAbsent: 'absennol',
  inboxApprove: 'Cymeradwyo',
  inboxReject: 'Gwrthod',
  inboxRequestInfo: 'Gofyn am wybodaeth',
  inboxReassign: 'Ailbennu',
  inboxReasonLabel: 'Pam ydych chi’n gwrthod y cais hwn?',
  inboxReasonHint: 'Bydd y sawl a wnaeth y cais yn gweld hyn.',
  inboxConfirmReject: 'Gwrthod y cais',
  inboxQuestionLabel: 'Beth sydd angen i chi ei wybod?',
  inboxQuestionHint: 'Maen nhw’n ateb hyn, ac mae’r cais yn dod yn ôl atoch chi.',
  inboxConfirmInfo: 'Anfon y cwestiwn',
  inboxReassignLabel: 'Rhif gweithiwr y cymeradwywr newydd',
  inboxReassignHint: 'Rheolwr uwchben y person hwn, neu weinyddwr AD, er enghraifft emp_0000000009',
  inboxConfirmReassign: 'Ailbennu’r cais',
  inboxErrorReason: 'Rhowch pam rydych yn gwrthod y cais hwn',
  inboxErrorQuestion: 'Rhowch eich cwestiwn',
  inboxErrorReassign: 'Rhowch rif gweithiwr y cymeradwywr newydd',
  inboxErrorDecision: 'Ni chadwyd eich penderfyniad. Rhowch gynnig arall arni.',
  inboxErrorAlreadyDecided: 'Mae rhywun arall eisoes wedi penderfynu ar y cais hwn.',
  inboxErrorChanged: 'Mae’r cais hwn wedi newid ers i chi ei agor. Gwiriwch ef eto.',
  inboxDoneApproved: 'Wedi’i gymeradwyo: %{summary}',
  inboxDoneRejected: 'Wedi’i wrthod: %{summary}',
  inboxDoneInfo: 'Cwestiwn wedi’i anfon: %{summary}',
  inboxDoneReassigned: 'Wedi’i ailbennu: %{summary}',
  inboxBulkDone: '%{succeeded} cais wedi’u cymeradwyo.',
  inboxBulkPartly: '%{succeeded} wedi’u cymeradwyo; nid oedd modd cymeradwyo %{failed} (efallai fod rhywun arall wedi penderfynu arnynt).',
  inboxUpdated: 'Mewnflwch wedi’i ddiweddaru: %{added} newydd, %{removed} wedi mynd.',
  inboxOpenDecidedElsewhere: 'Mae rhywun arall wedi penderfynu ar y cais a oedd gennych ar agor.',
};

export const approvalInboxMessages: Messages<ApprovalInboxStrings> = { 'en-GB': enGB, cy };
