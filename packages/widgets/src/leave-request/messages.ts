import type { Messages, StringKey } from '../i18n/types.ts';
import { leaveTermsEnGB, type LeaveTermStrings } from '../internal/leave-terms.ts';

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
  ...leaveTermsEnGB,
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

// Welsh is fetched the first time this widget renders in Welsh, so English pages never download it.
export const leaveRequestMessages: Messages<LeaveRequestStrings> = { 'en-GB': enGB, cy: () => import('./messages.cy.ts').then((m) => m.cy) };
