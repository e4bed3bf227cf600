// Typed mirror of migration 0006 (leave and absence) for drizzle's query builder.
import { boolean, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export type PublicHolidayBasis = 'actual' | 'eight';
export type LeaveType = 'annual' | 'study' | 'special' | 'compassionate' | 'toil';
export type LeaveStatus = 'draft' | 'pending' | 'approved' | 'rejected' | 'cancelled';
export type LeaveUnit = 'days' | 'half_day' | 'hours';
export type BalanceKind = 'annual' | 'toil';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

export const leaveSettings = pgTable('leave_settings', {
  organisationId: text('organisation_id').primaryKey(),
  leaveYearStartMonth: integer('leave_year_start_month').notNull().default(4),
  leaveYearStartDay: integer('leave_year_start_day').notNull().default(1),
  carryOverMaxMinutes: integer('carry_over_max_minutes').notNull().default(2250),
  publicHolidayBasis: text('public_holiday_basis').$type<PublicHolidayBasis>().notNull().default('actual'),
  noticeMultiplier: integer('notice_multiplier').notNull().default(2),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const workingPatterns = pgTable('working_patterns', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  assignmentId: text('assignment_id').notNull(),
  employeeId: text('employee_id').notNull(),
  effectiveFrom: day('effective_from').notNull(),
  cycleStart: day('cycle_start').notNull(),
  minutesByDay: integer('minutes_by_day').array().notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const leaveBalances = pgTable(
  'leave_balances',
  {
    employeeId: text('employee_id').notNull(),
    organisationId: text('organisation_id').notNull(),
    leaveYearStart: day('leave_year_start').notNull(),
    kind: text('kind').$type<BalanceKind>().notNull(),
    entitlementMinutes: integer('entitlement_minutes').notNull().default(0),
    carriedOverMinutes: integer('carried_over_minutes').notNull().default(0),
    adjustmentMinutes: integer('adjustment_minutes').notNull().default(0),
    pendingMinutes: integer('pending_minutes').notNull().default(0),
    approvedMinutes: integer('approved_minutes').notNull().default(0),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.leaveYearStart, t.kind] })],
);

export const leaveAdjustments = pgTable('leave_adjustments', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  employeeId: text('employee_id').notNull(),
  leaveYearStart: day('leave_year_start').notNull(),
  kind: text('kind').$type<BalanceKind>().notNull(),
  minutes: integer('minutes').notNull(),
  reason: text('reason').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const leaveRequests = pgTable('leave_requests', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  employeeId: text('employee_id').notNull(),
  assignmentId: text('assignment_id').notNull(),
  type: text('type').$type<LeaveType>().notNull(),
  status: text('status').$type<LeaveStatus>().notNull(),
  startDate: day('start_date').notNull(),
  endDate: day('end_date').notNull(),
  unit: text('unit').$type<LeaveUnit>().notNull(),
  half: text('half').$type<'am' | 'pm'>(),
  minutes: integer('minutes').notNull(),
  leaveYearStart: day('leave_year_start').notNull(),
  reason: text('reason'),
  requestedBy: text('requested_by').notNull(),
  approvalRequestId: text('approval_request_id'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  submittedAt: ts('submitted_at'),
  decidedAt: ts('decided_at'),
  cancelledAt: ts('cancelled_at'),
});

export const sicknessEpisodes = pgTable('sickness_episodes', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  employeeId: text('employee_id').notNull(),
  assignmentId: text('assignment_id').notNull(),
  orgUnitId: text('org_unit_id').notNull(),
  contractedMinutes: integer('contracted_minutes').notNull(),
  startDate: day('start_date').notNull(),
  endDate: day('end_date'),
  reasonLevel1: text('reason_level1').notNull(),
  reasonLevel2: text('reason_level2'),
  recordedBy: text('recorded_by').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const returnToWork = pgTable('return_to_work', {
  episodeId: text('episode_id').primaryKey(),
  interviewDate: day('interview_date').notNull(),
  conductedBy: text('conducted_by').notNull(),
  fitNoteReceived: boolean('fit_note_received').notNull().default(false),
  phasedReturn: boolean('phased_return').notNull().default(false),
  adjustments: text('adjustments'),
  notes: text('notes'),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});
