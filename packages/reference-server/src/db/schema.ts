// Typed mirror of the SQL migrations (src/db/migrations) for drizzle's query builder.
// The SQL files are the source of truth for constraints; keep column names in step.
import { bigint, bigserial, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { PayFrequency, TaxBasis } from '../domain/payroll/index.ts';

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nation: text('nation').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const orgUnits = pgTable('org_units', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  parentId: text('parent_id'),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  costCentre: text('cost_centre').notNull(),
});

export const employees = pgTable('employees', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  employeeNumber: text('employee_number').notNull(),
  title: text('title'),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  email: text('email').notNull(),
  dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
  nhsServiceStartDate: date('nhs_service_start_date', { mode: 'string' }).notNull(),
  niNumber: text('ni_number'),
  roles: text('roles').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  preferredName: text('preferred_name'),
  detailsVersion: integer('details_version').notNull().default(1),
});

export const assignments = pgTable('assignments', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  employeeId: text('employee_id').notNull(),
  assignmentNumber: text('assignment_number').notNull(),
  jobTitle: text('job_title').notNull(),
  staffGroup: text('staff_group').notNull(),
  band: text('band').notNull(),
  payPoint: text('pay_point').notNull(),
  orgUnitId: text('org_unit_id').notNull(),
  supervisorEmployeeId: text('supervisor_employee_id'),
  contractedMinutesPerWeek: integer('contracted_minutes_per_week').notNull(),
  taxCode: text('tax_code').notNull(),
  niCategory: text('ni_category').notNull(),
  studentLoanPlans: text('student_loan_plans').array().notNull().default([]),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  /** Why the assignment ended (migration 0008; domain/analytics/categories.ts). */
  leavingReason: text('leaving_reason'),
});

export const bankDetails = pgTable('bank_details', {
  employeeId: text('employee_id').primaryKey(),
  accountName: text('account_name').notNull(),
  sortCode: text('sort_code').notNull(),
  accountNumber: text('account_number').notNull(),
});

export interface PayslipLineRecord {
  code: string;
  description: string;
  amountPence: number;
}
export interface PayslipYearToDateRecord {
  grossPence: number;
  taxablePayPence: number;
  taxPence: number;
  employeeNiPence: number;
  pensionPence: number;
}
export interface PayslipEmployerRecord {
  niPence: number;
  pensionPence: number;
}

/** The payslip's header as at the pay date. */
export interface PayslipHeaderRecord {
  employeeName: string;
  assignmentNumber: string;
  jobTitle: string;
  band: string;
  orgUnit: string;
  organisationName: string;
  paidTo: { method: 'BACS'; accountNumberMasked: string } | null;
}

export const payslips = pgTable('payslips', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  employeeId: text('employee_id').notNull(),
  assignmentId: text('assignment_id').notNull(),
  payDate: date('pay_date', { mode: 'string' }).notNull(),
  taxYear: text('tax_year').notNull(),
  frequency: text('frequency').$type<PayFrequency>().notNull(),
  periodNumber: integer('period_number').notNull(),
  taxCode: text('tax_code').notNull(),
  taxBasis: text('tax_basis').$type<TaxBasis>().notNull(),
  niCategory: text('ni_category').notNull(),
  grossPence: bigint('gross_pence', { mode: 'number' }).notNull(),
  deductionsPence: bigint('deductions_pence', { mode: 'number' }).notNull(),
  netPence: bigint('net_pence', { mode: 'number' }).notNull(),
  payments: jsonb('payments').$type<PayslipLineRecord[]>().notNull(),
  deductions: jsonb('deductions').$type<PayslipLineRecord[]>().notNull(),
  yearToDate: jsonb('year_to_date').$type<PayslipYearToDateRecord>().notNull(),
  employer: jsonb('employer').$type<PayslipEmployerRecord>().notNull(),
  header: jsonb('header').$type<PayslipHeaderRecord>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  /** The payroll run that wrote it (migration 0004); null for seeded history. */
  payrollRunId: text('payroll_run_id'),
});

export const addresses = pgTable(
  'addresses',
  {
    employeeId: text('employee_id').notNull(),
    kind: text('kind').$type<'home' | 'postal'>().notNull(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    town: text('town').notNull(),
    county: text('county'),
    postcode: text('postcode').notNull(),
    country: text('country').notNull().default('United Kingdom'),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.kind] })],
);

export const phones = pgTable(
  'phones',
  {
    employeeId: text('employee_id').notNull(),
    kind: text('kind').$type<'mobile' | 'home' | 'work'>().notNull(),
    number: text('number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.kind] })],
);

export const emergencyContacts = pgTable(
  'emergency_contacts',
  {
    employeeId: text('employee_id').notNull(),
    priority: integer('priority').notNull(),
    name: text('name').notNull(),
    relationship: text('relationship').notNull(),
    phone: text('phone').notNull(),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.priority] })],
);

export type Sex = 'female' | 'male' | 'prefer_not_to_say';
export type YesNoUndeclared = 'yes' | 'no' | 'prefer_not_to_say';
export type Religion = 'atheism' | 'buddhism' | 'christianity' | 'hinduism' | 'islam' | 'jainism' | 'judaism' | 'sikhism' | 'other' | 'prefer_not_to_say';
export type SexualOrientation = 'bisexual' | 'gay_or_lesbian' | 'heterosexual' | 'other' | 'prefer_not_to_say';

export const equalityDiversity = pgTable('equality_diversity', {
  employeeId: text('employee_id').primaryKey(),
  /** NHS Data Dictionary ethnic category code (A–S, Z = not stated). */
  ethnicity: text('ethnicity').notNull(),
  sex: text('sex').$type<Sex>().notNull(),
  disability: text('disability').$type<YesNoUndeclared>().notNull(),
  religion: text('religion').$type<Religion>().notNull(),
  sexualOrientation: text('sexual_orientation').$type<SexualOrientation>().notNull(),
  declaredAt: timestamp('declared_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const professionalRegistrations = pgTable('professional_registrations', {
  id: text('id').primaryKey(),
  employeeId: text('employee_id').notNull(),
  body: text('body').$type<'NMC' | 'HCPC' | 'GMC' | 'GPhC' | 'SWE'>().notNull(),
  number: text('number').notNull(),
  expiresOn: date('expires_on', { mode: 'string' }),
});

export const approvalRequests = pgTable('approval_requests', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  type: text('type').notNull(),
  subjectEmployeeId: text('subject_employee_id').notNull(),
  requestedBy: text('requested_by').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  status: text('status').$type<'pending' | 'info_requested' | 'approved' | 'rejected' | 'withdrawn'>().notNull().default('pending'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  // Approvals engine (migration 0005).
  subjectRef: text('subject_ref'),
  route: text('route').array().$type<Array<'line_manager' | 'managers_manager' | 'hr'>>().notNull().default(['line_manager']),
  currentStep: integer('current_step').notNull().default(0),
  approverKind: text('approver_kind').$type<'employee' | 'hr_pool'>(),
  approverEmployeeId: text('approver_employee_id'),
  version: integer('version').notNull().default(1),
  dueAt: timestamp('due_at', { withTimezone: true, mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  decidedBy: text('decided_by'),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principalId: text('principal_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state').$type<'in_flight' | 'done'>().notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    responseType: text('response_type'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.principalId, t.key] })],
);

export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  organisationId: text('organisation_id').notNull(),
  actorEmployeeId: text('actor_employee_id').notNull(),
  action: text('action').notNull(),
  subjectEmployeeId: text('subject_employee_id'),
  resource: text('resource').notNull(),
  changes: jsonb('changes').$type<Record<string, { from?: string | null; to?: string | null }>>(),
  ip: text('ip'),
  requestId: text('request_id'),
});

export const schema = {
  organisations, orgUnits, employees, assignments, bankDetails, payslips, addresses, phones, emergencyContacts,
  equalityDiversity, professionalRegistrations, approvalRequests, idempotencyKeys, auditEvents,
};

// Payroll runs (migration 0004). Not in `schema` above: only the query builder uses them.
export type PayrollRunStatus = 'running' | 'completed' | 'failed' | 'rolled_back' | 'finalised';

export const payrollRuns = pgTable('payroll_runs', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  taxYear: text('tax_year').notNull(),
  frequency: text('frequency').$type<'monthly'>().notNull().default('monthly'),
  periodNumber: integer('period_number').notNull(),
  payDate: date('pay_date', { mode: 'string' }).notNull(),
  status: text('status').$type<PayrollRunStatus>().notNull().default('running'),
  total: integer('total').notNull(),
  processed: integer('processed').notNull().default(0),
  payslipsWritten: integer('payslips_written').notNull().default(0),
  resumeAfter: text('resume_after'),
  startedBy: text('started_by').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  finalisedAt: timestamp('finalised_at', { withTimezone: true, mode: 'string' }),
  rolledBackAt: timestamp('rolled_back_at', { withTimezone: true, mode: 'string' }),
  error: text('error'),
});

export type PayClaimKind = 'unsocial_sat_night' | 'unsocial_sun_bh' | 'overtime' | 'arrears';

export const payClaims = pgTable('pay_claims', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  employeeId: text('employee_id').notNull(),
  assignmentId: text('assignment_id').notNull(),
  taxYear: text('tax_year').notNull(),
  periodNumber: integer('period_number').notNull(),
  kind: text('kind').$type<PayClaimKind>().notNull(),
  /** Hours claimed, in minutes (unsocial hours, overtime). */
  minutes: integer('minutes'),
  /** Arrears only. */
  amountPence: bigint('amount_pence', { mode: 'number' }),
  description: text('description'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
