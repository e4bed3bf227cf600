// Typed mirror of migration 0005 (Approvals engine) for drizzle's query builder. The request table
// itself is `approvalRequests` in schema.ts.
import { bigserial, date, jsonb, pgTable, primaryKey, text, timestamp, integer } from 'drizzle-orm/pg-core';

export type ApprovalStepKind = 'line_manager' | 'managers_manager' | 'hr';
export type ApproverKind = 'employee' | 'hr_pool';
export type ApprovalHistoryAction = 'submitted' | 'routed' | 'approved' | 'rejected' | 'info_requested' | 'responded' | 'reassigned' | 'withdrawn';

export const approvalHistory = pgTable('approval_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  requestId: text('request_id').notNull(),
  organisationId: text('organisation_id').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  actorEmployeeId: text('actor_employee_id'),
  onBehalfOf: text('on_behalf_of'),
  action: text('action').$type<ApprovalHistoryAction>().notNull(),
  step: integer('step').notNull(),
  comment: text('comment'),
  approverKind: text('approver_kind').$type<ApproverKind>(),
  approverEmployeeId: text('approver_employee_id'),
  standInEmployeeId: text('stand_in_employee_id'),
});

export const approvalRules = pgTable(
  'approval_rules',
  {
    organisationId: text('organisation_id').notNull(),
    type: text('type').notNull(),
    steps: text('steps').array().$type<ApprovalStepKind[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.type] })],
);

export const approvalDelegations = pgTable('approval_delegations', {
  delegatorEmployeeId: text('delegator_employee_id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  delegateEmployeeId: text('delegate_employee_id').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const events = pgTable('events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  organisationId: text('organisation_id').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  type: text('type').notNull(),
  resourceType: text('resource_type').notNull(),
  resourceId: text('resource_id').notNull(),
  subjectEmployeeId: text('subject_employee_id'),
  actorEmployeeId: text('actor_employee_id'),
  audience: text('audience').array().notNull().default([]),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
});
