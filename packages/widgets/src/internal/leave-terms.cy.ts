import type { LeaveTermStrings } from './leave-terms.ts';

/** Welsh leave terms, spread into the Welsh tables of the leave request and the approval inbox. */
export const leaveTermsCy: LeaveTermStrings = {
  leaveTypeAnnual: 'Gwyliau blynyddol',
  leaveTypeStudy: 'Absenoldeb astudio',
  leaveTypeSpecial: 'Absenoldeb arbennig',
  leaveTypeCompassionate: 'Absenoldeb tosturiol',
  leaveTypeToil: 'Amser o’r gwaith yn lle tâl (TOIL)',
  leaveColDates: 'Dyddiadau',
  leaveColType: 'Math',
  leaveColTime: 'Amser',
  leaveColStatus: 'Statws',
};
