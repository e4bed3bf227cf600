/** Locales with a full string table. Anything else falls back to en-GB. */
export const SUPPORTED_LOCALES = ['en-GB', 'cy'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * Every user-facing string. `%{name}` marks a placeholder filled by `LocalizeController.t()`.
 * Both tables must implement the whole interface, so a missing Welsh string is a type error.
 */
export interface EsrStrings {
  payslipHeading: string; // %{month} %{period}
  taxMonth: string; // %{number}
  taxWeek: string; // %{number}
  payslipLoading: string;
  payslipEmptyTitle: string;
  payslipEmptyBody: string;

  errorGenericTitle: string;
  errorGenericBody: string;
  errorSignedOutTitle: string;
  errorSignedOutBody: string;
  errorForbiddenTitle: string;
  errorForbiddenBody: string;
  errorNotFoundTitle: string;
  errorNotFoundBody: string;
  errorConnectionTitle: string;
  errorConnectionBody: string;
  errorTimeoutTitle: string;
  errorTimeoutBody: string;
  errorRateLimitedTitle: string;
  errorRateLimitedBody: string;
  errorServerTitle: string;
  errorServerBody: string;
  errorNoClientTitle: string;
  errorNoClientBody: string;
  errorReference: string; // %{requestId}
  retry: string;

  name: string;
  assignmentNumber: string;
  job: string;
  jobAndBand: string; // %{jobTitle} %{band}
  department: string;
  payDate: string;
  taxCode: string;
  taxBasisCumulative: string;
  taxBasisNonCumulative: string;
  niCategory: string;
  paidTo: string;
  paidToAccount: string; // %{method} %{last4}

  netPay: string;
  netPayHint: string;
  payments: string;
  deductions: string;
  description: string;
  amount: string;
  totalPayments: string;
  totalDeductions: string;
  yearToDate: string; // %{start} %{end}
  grossPay: string;
  taxablePay: string;
  incomeTax: string;
  nationalInsurance: string;
  nhsPension: string;
  employerContributions: string;
  employerContributionsHint: string;
  choosePayslip: string;
  choosePayslipHint: string;
  payslipOption: string; // %{date} %{period}

  /**
   * Names for payment and deduction codes, used instead of the server's English description when set.
   * en-GB leaves this empty: the payroll system's own wording is authoritative in English.
   */
  lineCodes: Readonly<Record<string, string>>;

  // <esr-personal-details>
  detailsTitle: string;
  detailsLoading: string;
  detailsErrorLoad: string;
  detailsName: string;
  detailsPreferredName: string;
  detailsPreferredHint: string;
  detailsHomeAddress: string;
  detailsPostalAddress: string;
  detailsPostalHint: string;
  detailsSameAsHome: string;
  detailsPhones: string;
  detailsMobile: string;
  detailsHomePhone: string;
  detailsWorkPhone: string;
  detailsPhoneHint: string;
  detailsContacts: string;
  detailsContactsHint: string;
  detailsContactN: string; // %{n}
  detailsContactName: string;
  detailsContactRelationship: string;
  detailsContactPhone: string;
  detailsNotGiven: string;
  detailsChange: string;
  detailsChangeNameLink: string;
  detailsChangeName: string;
  detailsNameChangeHint: string;
  detailsTitleField: string;
  detailsFirstName: string;
  detailsLastName: string;
  detailsReasonLegend: string;
  detailsReasonMarriage: string;
  detailsReasonCivilPartnership: string;
  detailsReasonDivorce: string;
  detailsReasonDeedPoll: string;
  detailsReasonCorrection: string;
  detailsReasonOther: string;
  detailsPendingTag: string;
  detailsPendingName: string; // %{name} %{date}
  detailsLine1: string;
  detailsLine2: string;
  detailsTown: string;
  detailsCounty: string;
  detailsPostcode: string;
  detailsSave: string;
  detailsSaving: string;
  detailsSendForApproval: string;
  detailsCancel: string;
  detailsSaved: string; // %{section}
  detailsNameSent: string; // %{name}
  detailsErrorFirstName: string;
  detailsErrorLastName: string;
  detailsErrorReason: string;
  detailsErrorPreferredLength: string;
  detailsErrorLine1: string;
  detailsErrorTown: string;
  detailsErrorPostcodeMissing: string;
  detailsErrorPostcode: string;
  detailsErrorPhone: string;
  detailsErrorContactName: string;
  detailsErrorContactRelationship: string;
  detailsErrorChanged: string;
  detailsErrorNotSaved: string;
  detailsEmpty: string;

  // <esr-approval-inbox>
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

  // Shared by every widget (states, forms, dates, hours)
  hoursValue: string; // %{hours}
  hoursValueOne: string; // %{hours}
  errorSignInAgain: string;
  errorNotConnectedTitle: string;
  errorNoPermissionTitle: string;
  errorNoPermissionBody: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  dateHint: string;
  dateDay: string;
  dateMonth: string;
  dateYear: string;
  dateRange: string; // %{start} %{end}

  // <esr-leave-request>
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
  leaveTypeAnnual: string;
  leaveTypeStudy: string;
  leaveTypeSpecial: string;
  leaveTypeCompassionate: string;
  leaveTypeToil: string;
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
  leaveColDates: string;
  leaveColType: string;
  leaveColTime: string;
  leaveColStatus: string;
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

/** Per-instance overrides (the `i18n` property), e.g. a trust's own wording. */
export type EsrStringOverrides = Partial<Omit<EsrStrings, 'lineCodes'>>;
export type StringKey = Exclude<keyof EsrStrings, 'lineCodes'>;
