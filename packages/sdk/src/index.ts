export { createEsrClient } from './client.ts';
// The core (transport, errors, pages, ETags), as `@esr/sdk/core` exports it. For tree-shaken apps: one
// transport, and only the resources used (`@esr/sdk/resources/<name>`).
export * from './core.ts';
export type { EsrClient } from './client.ts';
export { filenameFromContentDisposition } from './download.ts';
export type { Download, DocumentLanguage, PdfOptions } from './download.ts';
export type { PayslipsResource } from './resources/payslips.ts';
export type { P60sResource } from './resources/p60s.ts';
export type { PayrollResource } from './resources/payroll.ts';
export type { PayrollRunsResource, PayrollRunListOptions, WaitForOptions } from './resources/payroll-runs.ts';
export type { MeResource, TeamOptions, TeamCalendarQuery } from './resources/me.ts';
export type { LeaveResource, LeaveRequestsResource, LeaveYearOptions, LeaveRequestListOptions } from './resources/leave.ts';
export type { AbsenceResource, SicknessResource, AsOfOptions, AbsenceRatesQuery, DateRange } from './resources/absence.ts';
export type { AnalyticsResource, AnalyticsScopeOptions, AsOfScopeOptions, MonthSeriesOptions } from './resources/analytics.ts';
export type { CalendarsResource, BankHolidaysQuery } from './resources/calendars.ts';
export type { DelegationResource } from './resources/delegation.ts';
export type { ApprovalsResource, ApprovalBox, ApprovalListOptions, ApprovalWriteOptions } from './resources/approvals.ts';
export type { EventsResource, EventFeedStart, EventListOptions, EventPollOptions } from './resources/events.ts';
export type { PeopleResource, EmployeeRef, UpdateOptions, CreateOptions } from './resources/people.ts';
export type { AuditResource, AuditListOptions } from './resources/audit.ts';
export type { DemoResource, DemoRole } from './resources/demo.ts';
export type { CoursesResource, SessionsResource, CourseFilter, CourseSearchOptions } from './resources/courses.ts';
export type { EnrolmentsResource, EnrolmentListOptions } from './resources/enrolments.ts';
export type { ComplianceResource, LearningRequirementsResource, TrainingRecordsResource, ComplianceOptions } from './resources/compliance.ts';
export type * from './types.ts';
