import type { Messages, StringKey } from '../i18n/types.ts';
import { leaveTerms, type LeaveTermStrings } from '../internal/leave-terms.ts';

/** Strings of <esr-leave-request>, with the leave terms it shares with the approval inbox. */
export interface LeaveRequestStrings extends LeaveTermStrings {
  dateHint: string;
  dateDay: string;
  dateMonth: string;
  dateYear: string;
  leaveLoading: string;
  leaveErrorLoad: string;
  leaveBalanceTitle: string;
  leaveYearRange: string; // %{start} %{end}
  leaveAnnualLeft: string;
  leaveEntitlement: string;
  leaveBooked: string;
  leaveAwaiting: string;
  leaveToilLeft: string;
  leaveNoBalance: string;
  leaveFormTitle: string;
  leaveTypeLegend: string;
  leaveUnitLegend: string;
  leaveUnitDays: string;
  leaveUnitHalf: string;
  leaveUnitHours: string;
  leaveStartDate: string;
  leaveEndDate: string;
  leaveDate: string;
  leaveHalfLegend: string;
  leaveHalfAm: string;
  leaveHalfPm: string;
  leaveHoursLabel: string;
  leaveHoursHint: string;
  leaveReasonLabel: string;
  leaveReasonHint: string;
  leaveSubmit: string;
  leaveSubmitting: string;
  leaveCounting: string;
  leaveCountFailed: string;
  leaveCountNone: string;
  leaveCount: string; // %{hours} %{days}
  leaveCountLeft: string; // %{hours}
  leaveCountOver: string; // %{hours}
  leaveCountNoBalance: string;
  leaveErrorType: string;
  leaveErrorStartMissing: string;
  leaveErrorEndMissing: string;
  leaveErrorDatePart: string; // %{field} %{part}
  leaveErrorYear: string;
  leaveErrorDateReal: string; // %{field}
  leaveErrorEndBeforeStart: string;
  leaveErrorHalf: string;
  leaveErrorHoursMissing: string;
  leaveErrorHoursFormat: string;
  leaveErrorHoursRange: string;
  leaveErrorReasonLength: string;
  leaveErrorNotSent: string;
  leaveSentTitle: string;
  leaveSavedTitle: string;
  leaveSentBody: string; // %{type} %{dates} %{hours}
  leaveRequestsTitle: string;
  leaveRequestsEmpty: string;
  leaveColActions: string;
  leaveStatusDraft: string;
  leaveStatusPending: string;
  leaveStatusApproved: string;
  leaveStatusRejected: string;
  leaveStatusCancelled: string;
  leaveCancel: string;
  leaveCancelling: string;
  leaveCancelWhich: string; // %{dates}
  leaveCancelledAnnouncement: string; // %{dates}
  leaveCancelFailed: string; // %{dates}
}

/** Keys `t()` accepts in this widget: its own and the common ones. */
export type LeaveRequestKey = StringKey<LeaveRequestStrings>;

const enGB: LeaveRequestStrings = {
  ...leaveTerms['en-GB'],
  dateHint: 'For example, 27 3 2027',
  dateDay: 'Day',
  dateMonth: 'Month',
  dateYear: 'Year',
  leaveLoading: 'Loading your leave…',
  leaveErrorLoad: 'We could not load your leave',
  leaveBalanceTitle: 'Your leave balance',
  leaveYearRange: 'Leave year %{start} to %{end}',
  leaveAnnualLeft: 'Annual leave left',
  leaveEntitlement: 'Entitlement this year',
  leaveBooked: 'Approved',
  leaveAwaiting: 'Waiting for approval',
  leaveToilLeft: 'Time off in lieu left',
  leaveNoBalance: 'You have no annual leave balance for this year.',
  leaveFormTitle: 'Request leave',
  leaveTypeLegend: 'What type of leave is it?',
  leaveUnitLegend: 'How much time?',
  leaveUnitDays: 'Whole days',
  leaveUnitHalf: 'Half a day',
  leaveUnitHours: 'Hours',
  leaveStartDate: 'First day of leave',
  leaveEndDate: 'Last day of leave',
  leaveDate: 'Date of leave',
  leaveHalfLegend: 'Which half of the day?',
  leaveHalfAm: 'Morning',
  leaveHalfPm: 'Afternoon',
  leaveHoursLabel: 'How many hours?',
  leaveHoursHint: 'In quarter hours, for example 3.5 or 3:30',
  leaveReasonLabel: 'Note for your manager (optional)',
  leaveReasonHint: 'Up to 500 characters',
  leaveSubmit: 'Submit request',
  leaveSubmitting: 'Sending…',
  leaveCounting: 'Counting your working hours…',
  leaveCountFailed: 'We could not count the hours just now. We will count them when you submit.',
  leaveCountNone: 'You are not working on these dates, so this takes no leave.',
  leaveCount: 'This request takes %{hours} over %{days} working days.',
  leaveCountLeft: 'You will have %{hours} left.',
  leaveCountOver: 'That is %{hours} more than you have left.',
  leaveCountNoBalance: 'This type of leave does not come out of your annual leave.',
  leaveErrorType: 'Select the type of leave',
  leaveErrorStartMissing: 'Enter the first day of leave',
  leaveErrorEndMissing: 'Enter the last day of leave',
  leaveErrorDatePart: '%{field} must include a %{part}',
  leaveErrorYear: 'Year must include 4 numbers',
  leaveErrorDateReal: '%{field} must be a real date',
  leaveErrorEndBeforeStart: 'Last day of leave must be the same as or after the first day',
  leaveErrorHalf: 'Select morning or afternoon',
  leaveErrorHoursMissing: 'Enter how many hours',
  leaveErrorHoursFormat: 'Enter hours as a number, like 3.5 or 3:30',
  leaveErrorHoursRange: 'Hours must be in quarter hours, between 0.25 and 13',
  leaveErrorReasonLength: 'Note must be 500 characters or fewer',
  leaveErrorNotSent: 'Your request was not sent. Try again.',
  leaveSentTitle: 'Leave requested',
  leaveSavedTitle: 'Request saved as a draft',
  leaveSentBody: 'Your %{type} for %{dates} (%{hours}) has been sent to your manager to approve.',
  leaveRequestsTitle: 'Your leave requests',
  leaveRequestsEmpty: 'You have not requested any leave yet.',
  leaveColActions: 'Actions',
  leaveStatusDraft: 'Draft',
  leaveStatusPending: 'Waiting for approval',
  leaveStatusApproved: 'Approved',
  leaveStatusRejected: 'Rejected',
  leaveStatusCancelled: 'Cancelled',
  leaveCancel: 'Cancel',
  leaveCancelling: 'Cancelling…',
  leaveCancelWhich: ' leave on %{dates}',
  leaveCancelledAnnouncement: 'Your leave on %{dates} is cancelled.',
  leaveCancelFailed: 'Your leave on %{dates} could not be cancelled. Try again.',
};

// Cymraeg; terms follow the Welsh Government's TermCymru glossary where it has one.
const cy: LeaveRequestStrings = {
  ...leaveTerms.cy,
  dateHint: 'Er enghraifft, 27 3 2027',
  dateDay: 'Diwrnod',
  dateMonth: 'Mis',
  dateYear: 'Blwyddyn',
  leaveLoading: 'Wrthi’n llwytho eich gwyliau…',
  leaveErrorLoad: 'Nid oeddem yn gallu llwytho eich gwyliau',
  leaveBalanceTitle: 'Eich balans gwyliau',
  leaveYearRange: 'Blwyddyn wyliau %{start} i %{end}',
  leaveAnnualLeft: 'Gwyliau blynyddol ar ôl',
  leaveEntitlement: 'Hawl eleni',
  leaveBooked: 'Wedi’i gymeradwyo',
  leaveAwaiting: 'Yn aros am gymeradwyaeth',
  leaveToilLeft: 'Amser o’r gwaith yn lle tâl ar ôl',
  leaveNoBalance: 'Nid oes gennych falans gwyliau blynyddol ar gyfer eleni.',
  leaveFormTitle: 'Gwneud cais am wyliau',
  leaveTypeLegend: 'Pa fath o wyliau ydyw?',
  leaveUnitLegend: 'Faint o amser?',
  leaveUnitDays: 'Diwrnodau cyfan',
  leaveUnitHalf: 'Hanner diwrnod',
  leaveUnitHours: 'Oriau',
  leaveStartDate: 'Diwrnod cyntaf y gwyliau',
  leaveEndDate: 'Diwrnod olaf y gwyliau',
  leaveDate: 'Dyddiad y gwyliau',
  leaveHalfLegend: 'Pa hanner o’r diwrnod?',
  leaveHalfAm: 'Bore',
  leaveHalfPm: 'Prynhawn',
  leaveHoursLabel: 'Faint o oriau?',
  leaveHoursHint: 'Mewn chwarteri awr, er enghraifft 3.5 neu 3:30',
  leaveReasonLabel: 'Nodyn i’ch rheolwr (dewisol)',
  leaveReasonHint: 'Hyd at 500 nod',
  leaveSubmit: 'Cyflwyno’r cais',
  leaveSubmitting: 'Wrthi’n anfon…',
  leaveCounting: 'Wrthi’n cyfrif eich oriau gwaith…',
  leaveCountFailed: 'Nid oeddem yn gallu cyfrif yr oriau nawr. Byddwn yn eu cyfrif pan fyddwch yn cyflwyno.',
  leaveCountNone: 'Nid ydych yn gweithio ar y dyddiadau hyn, felly nid yw hyn yn defnyddio gwyliau.',
  leaveCount: 'Mae’r cais hwn yn defnyddio %{hours} dros %{days} diwrnod gwaith.',
  leaveCountLeft: 'Bydd gennych %{hours} ar ôl.',
  leaveCountOver: 'Mae hynny %{hours} yn fwy na’r hyn sydd gennych ar ôl.',
  leaveCountNoBalance: 'Nid yw’r math hwn o wyliau’n dod o’ch gwyliau blynyddol.',
  leaveErrorType: 'Dewiswch y math o wyliau',
  leaveErrorStartMissing: 'Rhowch ddiwrnod cyntaf y gwyliau',
  leaveErrorEndMissing: 'Rhowch ddiwrnod olaf y gwyliau',
  leaveErrorDatePart: 'Rhaid i %{field} gynnwys %{part}',
  leaveErrorYear: 'Rhaid i’r flwyddyn gynnwys 4 rhif',
  leaveErrorDateReal: 'Rhaid i %{field} fod yn ddyddiad go iawn',
  leaveErrorEndBeforeStart: 'Rhaid i ddiwrnod olaf y gwyliau fod yr un fath â’r diwrnod cyntaf neu ar ei ôl',
  leaveErrorHalf: 'Dewiswch y bore neu’r prynhawn',
  leaveErrorHoursMissing: 'Rhowch faint o oriau',
  leaveErrorHoursFormat: 'Rhowch yr oriau fel rhif, fel 3.5 neu 3:30',
  leaveErrorHoursRange: 'Rhaid i’r oriau fod mewn chwarteri awr, rhwng 0.25 a 13',
  leaveErrorReasonLength: 'Rhaid i’r nodyn fod yn 500 nod neu lai',
  leaveErrorNotSent: 'Ni anfonwyd eich cais. Rhowch gynnig arall arni.',
  leaveSentTitle: 'Cais am wyliau wedi’i wneud',
  leaveSavedTitle: 'Cais wedi’i gadw fel drafft',
  leaveSentBody: 'Mae eich cais am %{type} ar gyfer %{dates} (%{hours}) wedi’i anfon at eich rheolwr i’w gymeradwyo.',
  leaveRequestsTitle: 'Eich ceisiadau am wyliau',
  leaveRequestsEmpty: 'Nid ydych wedi gwneud cais am unrhyw wyliau eto.',
  leaveColActions: 'Camau gweithredu',
  leaveStatusDraft: 'Drafft',
  leaveStatusPending: 'Yn aros am gymeradwyaeth',
  leaveStatusApproved: 'Wedi’i gymeradwyo',
  leaveStatusRejected: 'Wedi’i wrthod',
  leaveStatusCancelled: 'Wedi’i ganslo',
  leaveCancel: 'Canslo',
  leaveCancelling: 'Wrthi’n canslo…',
  leaveCancelWhich: ' gwyliau ar %{dates}',
  leaveCancelledAnnouncement: 'Mae eich gwyliau ar %{dates} wedi’u canslo.',
  leaveCancelFailed: 'Nid oedd modd canslo eich gwyliau ar %{dates}. Rhowch gynnig arall arni.',
};

export const leaveRequestMessages: Messages<LeaveRequestStrings> = { 'en-GB': enGB, cy };
