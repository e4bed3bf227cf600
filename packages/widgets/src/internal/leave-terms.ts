/**
 * Leave vocabulary that both <esr-leave-request> and <esr-approval-inbox> show (leave types, the
 * requests table's headings). Kept out of the common table so the other widgets do not carry it.
 */
export interface LeaveTermStrings {
  leaveTypeAnnual: string;
  leaveTypeStudy: string;
  leaveTypeSpecial: string;
  leaveTypeCompassionate: string;
  leaveTypeToil: string;
  leaveColDates: string;
  leaveColType: string;
  leaveColTime: string;
  leaveColStatus: string;
}

export const leaveTermsEnGB: LeaveTermStrings = {
  leaveTypeAnnual: 'Annual leave',
  leaveTypeStudy: 'Study leave',
  leaveTypeSpecial: 'Special leave',
  leaveTypeCompassionate: 'Compassionate leave',
  leaveTypeToil: 'Time off in lieu (TOIL)',
  leaveColDates: 'Dates',
  leaveColType: 'Type',
  leaveColTime: 'Time',
  leaveColStatus: 'Status',
};
