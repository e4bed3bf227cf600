// Public model types, straight from the generated OpenAPI types so they cannot drift from the server.
import type { components, operations, paths } from './generated/openapi.ts';

type Schemas = components['schemas'];

export type Payslip = Schemas['Payslip'];
export type PayslipSummary = Schemas['PayslipSummary'];
export type PayslipLine = Schemas['PayslipLine'];
export type PayPeriod = Schemas['PayPeriod'];
export type Problem = Schemas['Problem'];
export type DemoPerson = Schemas['DemoPerson'];
export type DemoToken = Schemas['DemoToken'];

// People

/** The signed-in person and what they may do. */
export type Me = Schemas['Me'];
export type Role = Me['roles'][number];
/** Name, job, band, unit, supervisor and service dates: what a line manager may see. */
export type Profile = Schemas['Profile'];
export type TeamMember = Schemas['TeamMember'];
/** Addresses, phones and emergency contacts, with the `version` the ETag names. */
export type PersonalDetails = Schemas['PersonalDetails'];
/** A postal address as the server returns it (the schema is nullable where it is used; this is the address itself). */
export type Address = NonNullable<Schemas['Address']>;
/** An address to send: `line2` and `county` default to null and `country` to "United Kingdom". */
export type AddressInput = Omit<Address, 'line2' | 'county' | 'country'> & Partial<Pick<Address, 'line2' | 'county' | 'country'>>;
export type EmergencyContact = Schemas['EmergencyContact'];
/**
 * Changes that apply at once; omitted fields stay as they are, `null` clears one. (A name change
 * needs approval: `people.requestNameChange`.)
 */
export type PersonalDetailsPatch = Omit<Schemas['PersonalDetailsPatch'], 'addresses'> & {
  addresses?: { home?: AddressInput | null; postal?: AddressInput | null };
};
export type NameChangeRequest = Schemas['NameChangeRequest'];
export type NameChangeReason = NameChangeRequest['reason'];
/** An approval request as created: `status` is `pending` until someone decides it. */
export type ApprovalRequestSummary = Schemas['ApprovalRequestSummary'];
/** Masked (`masked: true`) on every read; unmasked only in the owner's own `replaceBankDetails` response. */
export type BankDetails = Schemas['BankDetails'];
/** `sortCode` may be written `12-34-56`, `12 34 56` or `123456`; `accountNumber` is 8 digits. */
export type BankDetailsUpdate = Schemas['BankDetailsUpdate'];
export type EqualityDiversityDeclaration = Schemas['EqualityDiversityDeclaration'];
/** A stored declaration. (`people.equalityDiversity()` returns `null` when none was made.) */
export type EqualityDiversity = NonNullable<Schemas['EqualityDiversity']>;

// Payroll

/**
 * One pay period to calculate: tax year, frequency, period, tax code, gross pay and NI letter, and
 * optionally the year to date, salary sacrifice, student loans and NHS Pension. Money is integer pence.
 */
export type PayrollCalculationRequest = Schemas['PayrollCalculationRequest'];
/** Every figure of the period (tax, NI, loans, pension, net pay, employer costs) and `lines` explaining each. */
export type PayrollCalculation = Schemas['PayrollCalculation'];
/** One explained figure: `kind` is `pay`, `deduction`, `employer` or `total`. */
export type PayrollCalculationLine = Schemas['PayrollCalculationLine'];
/** A tax year with a P60 (ended, and the employee was paid in it). */
export type P60Summary = Schemas['P60Summary'];
/** An end-of-year certificate: every figure is the sum of the tax year's payslips. */
export type P60 = Schemas['P60'];

/** A payroll run and its progress (`progress.percent`, `processed` of `total`, `etaSeconds`). */
export type PayrollRun = Schemas['PayrollRun'];
export type PayrollRunStatus = Schemas['PayrollRunStatus'];
/** The tax month to pay and its pay date (which must fall in that month). */
export type StartPayrollRun = Schemas['StartPayrollRun'];
/** A run as rolled back, with how many payslips were deleted. */
export type RolledBackPayrollRun = Schemas['RolledBackPayrollRun'];

// Audit

/** One entry of the append-only audit trail; `changes` holds masked values only. */
export type AuditEvent = Schemas['AuditEvent'];

// Approvals

/** A person as approvals name them: `{ id, name }`. */
export type PersonRef = Schemas['PersonRef'];
/** The state of an approval request. */
export type ApprovalStatus = Schemas['ApprovalItem']['status'];
/** One approval request as the inbox lists it; `currentStep` is null once decided or withdrawn. */
export type ApprovalItem = Schemas['ApprovalItem'];
/** One request with `history`, `context` (what the approver needs to decide) and `yourActions`. */
export type ApprovalDetail = Schemas['ApprovalDetail'];
export type ApprovalHistoryEntry = Schemas['ApprovalHistoryEntry'];
/** An approval request after a decision; `outcome` `advanced` means approved at this step and routed on. */
export type ApprovalDecisionResult = Schemas['ApprovalDecisionResult'];
/** What `decide` sends: `reason` is required to reject, `comment` to request information, `reassignTo` to reassign. */
export type ApprovalDecision = Schemas['ApprovalDecision'];
export type ApprovalAction = ApprovalDecision['action'];
/** One result per id, in the order given, with `succeeded` and `failed` counts. */
export type ApprovalBulkResult = Schemas['ApprovalBulkResult'];
/** One item of a bulk decision: `httpStatus` 200 with `outcome`, `status` and `etag`, or the error's status with `code` and `detail`. */
export type ApprovalBulkItemResult = ApprovalBulkResult['results'][number];
/** The caller's stand-in approver for a date range (`active` when the range covers today). */
export type ApprovalDelegation = NonNullable<Schemas['ApprovalDelegation']>;
/** A stand-in to set: `delegateEmployeeId` and the inclusive `startsOn`–`endsOn` dates (`YYYY-MM-DD`). */
export type ApprovalDelegationInput = Schemas['ApprovalDelegationInput'];

// Events

/** One state change in the integrators' feed (`approval.submitted`, `approval.approved`, …), oldest first. */
export type EsrEvent = Schemas['Event'];

// Leave

/** Annual leave entitlement for a leave year, in minutes (contract, service band, bank holiday basis). */
export type LeaveEntitlement = Schemas['LeaveEntitlement'];
/** A leave year: inclusive `start` and `end` dates. */
export type LeaveYear = Schemas['LeaveYear'];
/** Annual leave and TOIL balances for one leave year. */
export type LeaveBalances = Schemas['LeaveBalances'];
/** One balance, in minutes: `pendingMinutes` are reserved by requests awaiting approval. */
export type LeaveBalance = Schemas['LeaveBalance'];
/** A person's working patterns (`standard` when none is recorded and the contract's is assumed). */
export type WorkingPatterns = Schemas['WorkingPatterns'];
export type WorkingPattern = Schemas['WorkingPattern'];
/** A working pattern to record from `effectiveFrom`: minutes per day, Monday first, 1–8 weeks. */
export type WorkingPatternWrite = Schemas['WorkingPatternWrite'];
/** A leave request, with the `version` its ETag names and, once submitted, its `approvalRequestId`. */
export type LeaveRequest = Schemas['LeaveRequest'];
export type LeaveType = LeaveRequest['type'];
export type LeaveRequestStatus = LeaveRequest['status'];
/** Leave to request: `unit` defaults to `days`, `submit` to `true` (`false` saves a draft). */
export type NewLeaveRequest = Omit<Schemas['NewLeaveRequest'], 'unit' | 'submit'> & Partial<Pick<Schemas['NewLeaveRequest'], 'unit' | 'submit'>>;
/** A balance correction (HR) or TOIL earned (line managers, HR), in minutes. */
export type LeaveAdjustment = Schemas['LeaveAdjustment'];
/** Who is off when, day by day (colleagues are shown only as absent). */
export type TeamCalendar = Schemas['TeamCalendar'];
/** One person's days: scheduled hours, bank holidays, leave and sickness. */
export type AbsenceCalendar = Schemas['AbsenceCalendar'];
/** UK bank holidays for one year and division. */
export type BankHolidays = Schemas['BankHolidays'];
export type BankHolidayDivision = BankHolidays['division'];

// Absence

/** A sickness episode (open while `endDate` is null) with its return-to-work record. */
export type SicknessEpisode = Schemas['SicknessEpisode'];
export type NewSicknessEpisode = Schemas['NewSicknessEpisode'];
/** Close an episode (`endDate`), correct its reason, or record the return-to-work interview. */
export type SicknessEpisodePatch = Schemas['SicknessEpisodePatch'];
/** Occupational sick pay (AfC 14.2) in calendar days: scale, used, remaining, per episode. */
export type SickPayEntitlement = Schemas['SickPayEntitlement'];
/** Full, half and nil pay sick days in a date range. */
export type SickPayPeriod = Schemas['SickPayPeriod'];
/** Spells² × working days absent over the 52 weeks to `to`. */
export type BradfordFactor = Schemas['BradfordFactor'];
/** Sickness absence rates by org unit and month (and reason). */
export type AbsenceRates = Schemas['AbsenceRates'];
export type AbsenceRate = Schemas['AbsenceRate'];
/** The national sickness absence reasons, level 1 with their level 2 codes. */
export type SicknessReasons = Schemas['SicknessReasons'];
export type SicknessReason = SicknessReasons[number];
/** Workforce analytics: who the figures cover (an organisation, or a manager's reporting line). */
export type AnalyticsScope = Schemas['AnalyticsScope'];
/** One line on a chart: `points` line up with the response's `months`. */
export type TimeSeries = Schemas['TimeSeries'];
export type SeriesPoint = Schemas['SeriesPoint'];
/** Headcount and FTE by org unit, staff group, band, contract type, age band and length of service. */
export type WorkforceComposition = Schemas['WorkforceComposition'];
export type WorkforceBreakdown = Schemas['WorkforceBreakdown'];
/** Starters, leavers and rolling turnover by month, with protected leaving reasons. */
export type WorkforceTurnover = Schemas['WorkforceTurnover'];
/** A diversity table with small counts withheld (`null`). */
export type WorkforceDiversity = Schemas['WorkforceDiversity'];
export type DiversityCharacteristic = WorkforceDiversity['characteristic'];
/** Sickness absence rate series and top reasons. */
export type AbsenceAnalytics = Schemas['AbsenceAnalytics'];

// Learning

/** A catalogue course (classroom, virtual or e-learning) with the CSTF subjects it records. */
export type Course = Schemas['Course'];
export type CourseDelivery = Course['delivery'];
/** A search hit: the course with its relevance, upcoming sessions and the next bookable one. */
export type CourseSearchItem = Schemas['CourseSearchItem'];
export type CourseFacetCount = Schemas['CourseFacetCount'];
/** A course with its sessions (places left, waiting-list length). */
export type CourseDetail = Schemas['CourseDetail'];
export type NewCourse = Schemas['NewCourse'];
export type CoursePatch = Schemas['CoursePatch'];
export type ClassSession = Schemas['ClassSession'];
export type NewClassSession = Schemas['NewClassSession'];
export type ClassSessionPatch = Schemas['ClassSessionPatch'];
/** An enrolment: pending_approval, waitlisted (with its position), enrolled, attended, no_show, completed, cancelled, rejected. */
export type Enrolment = Schemas['Enrolment'];
export type EnrolmentStatus = Enrolment['status'];
/** Who to enrol: yourself unless `employeeId` is given. */
export type NewEnrolment = Omit<Schemas['NewEnrolment'], 'employeeId'> & Partial<Pick<Schemas['NewEnrolment'], 'employeeId'>>;
/** A Core Skills Training Framework subject and level with its renewal period. */
export type LearningSubject = Schemas['LearningSubject'];
export type LearningRequirement = Schemas['LearningRequirement'];
export type NewLearningRequirement = Schemas['NewLearningRequirement'];
export type TrainingRecord = Schemas['TrainingRecord'];
export type NewTrainingRecord = Schemas['NewTrainingRecord'];
/** One subject of a person's red/amber/green matrix. */
export type ComplianceCell = Schemas['ComplianceCell'];
export type ComplianceStatus = ComplianceCell['status'];
export type ComplianceSummary = Schemas['ComplianceSummary'];
export type PersonCompliance = Schemas['PersonCompliance'];
/** A person's matrix row with the date and amber window it was judged on. */
export type ComplianceMatrix = Schemas['ComplianceMatrix'];
export type SubjectCompliance = Schemas['SubjectCompliance'];
export type UnitCompliance = Schemas['UnitCompliance'];
/** Compliance by subject for an organisation or org unit, with each child unit. */
export type OrganisationCompliance = Schemas['OrganisationCompliance'];

export type { components, operations, paths };
