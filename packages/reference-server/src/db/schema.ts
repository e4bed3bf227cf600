// Typed mirror of the SQL migrations (src/db/migrations) for drizzle's query builder.
// The SQL files are the source of truth for constraints; keep column names in step.
import { bigint, date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
});

export const schema = { organisations, orgUnits, employees, assignments, bankDetails, payslips };
