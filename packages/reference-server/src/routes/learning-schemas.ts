// OpenAPI schemas shared by the learning routes (catalogue, enrolment, compliance).
import { z } from '@hono/zod-openapi';
import { ifMatchResponses, IsoDate, problemContent, problemResponses } from '../http/schemas.ts';

export const learningTags = { catalogue: ['Learning catalogue'], enrolment: ['Learning enrolment'], compliance: ['Learning compliance'] };

export const learningResponses = {
  400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
  422: { description: 'A learning rule refused it (code says which: booking_closed, cancellation_closed, e_learning_has_no_sessions, …).', content: problemContent },
};
export const conflictResponse = { 409: { description: 'Not possible in the current state (already_enrolled, invalid_transition, duplicate_course_code, …).', content: problemContent } };
export const conditionalResponses = {
  409: conflictResponse[409],
  ...ifMatchResponses,
};

export const Instant = z.iso.datetime({ offset: true }).openapi({ example: '2026-12-03T09:30:00.000Z' });
export const Delivery = z.enum(['classroom', 'virtual', 'e_learning']);
export const SubjectCode = z.string().regex(/^[a-z_0-9]{2,64}$/, 'A CSTF subject code, e.g. fire_safety').openapi({ example: 'resuscitation_l2' });

const id = (prefix: string, name: string, what: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`), `${what} ids look like ${prefix}_…`).openapi({ param: { name, in: 'path' } });
export const CourseIdParam = z.object({ courseId: id('crs', 'courseId', 'Course') });
export const SessionIdParam = z.object({ sessionId: id('ses', 'sessionId', 'Session') });
export const EnrolmentIdParam = z.object({ enrolmentId: id('enr', 'enrolmentId', 'Enrolment') });
export const RequirementIdParam = z.object({ requirementId: id('lrq', 'requirementId', 'Requirement') });

export const Course = z
  .object({
    id: z.string().openapi({ example: 'crs_3f2c…' }),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    delivery: Delivery,
    durationMinutes: z.number().int(),
    competencies: z.array(z.string()).openapi({ description: 'CSTF subject codes a completion records.' }),
    audience: z.string(),
    requiresApproval: z.boolean().openapi({ description: 'Learners asking for themselves need their line manager’s approval.' }),
    status: z.enum(['active', 'withdrawn']),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Course');

export const NextSession = z.object({ id: z.string(), startsAt: z.string(), venue: z.string(), placesLeft: z.number().int() }).openapi('NextSession');
export const CourseSearchItem = Course.extend({
  relevance: z.number().nullable().openapi({ description: 'Relevance to q (higher is better); null without q.' }),
  upcomingSessions: z.number().int(),
  nextSession: NextSession.nullable().openapi({ description: 'The soonest upcoming session still open for booking with places left.' }),
}).openapi('CourseSearchItem');

export const Session = z
  .object({
    id: z.string().openapi({ example: 'ses_9a1b…' }),
    courseId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string(),
    capacity: z.number().int(),
    trainer: z.string(),
    bookingDeadline: z.string(),
    cancellationDeadline: z.string(),
    status: z.enum(['scheduled', 'cancelled']),
    enrolled: z.number().int(),
    placesLeft: z.number().int(),
    waitlistLength: z.number().int(),
    bookable: z.boolean(),
    version: z.number().int(),
  })
  .openapi('ClassSession');

export const CourseDetail = Course.extend({ sessions: z.array(Session) }).openapi('CourseDetail');

export const EnrolmentStatus = z.enum(['pending_approval', 'waitlisted', 'enrolled', 'attended', 'no_show', 'completed', 'cancelled', 'rejected']);
export const Enrolment = z
  .object({
    id: z.string().openapi({ example: 'enr_77c0…' }),
    employeeId: z.string(),
    employeeName: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    delivery: Delivery,
    sessionId: z.string().nullable(),
    session: z.object({ startsAt: z.string(), endsAt: z.string(), venue: z.string(), cancellationDeadline: z.string() }).nullable(),
    status: EnrolmentStatus,
    waitlistPosition: z.number().int().nullable().openapi({ description: '1 = next to be offered a place; null unless waitlisted.' }),
    enrolledBy: z.string(),
    approvalRequestId: z.string().nullable(),
    cancellationReason: z.string().nullable(),
    completedOn: IsoDate.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Enrolment');

export const ComplianceStatus = z.enum(['green', 'amber', 'red', 'not_required']);
export const ComplianceSummary = z
  .object({
    required: z.number().int(),
    compliant: z.number().int().openapi({ description: 'Green plus amber: in date.' }),
    expiring: z.number().int().openapi({ description: 'Amber: in date, expiring within the amber window.' }),
    nonCompliant: z.number().int(),
    compliancePercent: z.number().nullable().openapi({ description: 'compliant ÷ required × 100, one decimal; null when nothing is required.' }),
  })
  .openapi('ComplianceSummary');
export const ComplianceCell = z
  .object({
    family: z.string().openapi({ example: 'resuscitation' }),
    name: z.string(),
    subjectCode: z.string().nullable(),
    requiredLevel: z.number().int().nullable(),
    heldLevel: z.number().int().nullable(),
    status: ComplianceStatus,
    completedOn: IsoDate.nullable(),
    expiresOn: IsoDate.nullable().openapi({ description: 'The last day the training is valid.' }),
    daysToExpiry: z.number().int().nullable(),
    renewalMonths: z.number().int().nullable(),
  })
  .openapi('ComplianceCell');
export const PersonCompliance = z
  .object({
    employeeId: z.string(),
    name: z.string(),
    jobTitle: z.string(),
    staffGroup: z.string(),
    orgUnitId: z.string(),
    summary: ComplianceSummary,
    subjects: z.array(ComplianceCell),
  })
  .openapi('PersonCompliance');
export const ComplianceMatrix = PersonCompliance.extend({ asOf: IsoDate, amberDays: z.number().int() }).openapi('ComplianceMatrix');
export const SubjectCompliance = ComplianceSummary.extend({ family: z.string(), name: z.string() }).openapi('SubjectCompliance');
const UnitComplianceBase = z.object({
  orgUnitId: z.string(),
  name: z.string(),
  headcount: z.number().int(),
  overall: ComplianceSummary,
  subjects: z.array(SubjectCompliance),
});
export const UnitCompliance = UnitComplianceBase.openapi('UnitCompliance');
export const OrganisationCompliance = UnitComplianceBase.extend({
  asOf: IsoDate,
  amberDays: z.number().int(),
  units: z.array(UnitCompliance).openapi({ description: 'Each direct child unit with its whole subtree.' }),
}).openapi('OrganisationCompliance');

export const Subject = z
  .object({ code: z.string(), family: z.string(), level: z.number().int(), name: z.string(), renewalMonths: z.number().int() })
  .openapi('LearningSubject');
export const Requirement = z
  .object({ id: z.string(), subjectCode: z.string(), staffGroup: z.string().nullable(), jobTitle: z.string().nullable(), orgUnitId: z.string().nullable() })
  .openapi('LearningRequirement');
export const TrainingRecord = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    subjectCode: z.string().nullable(),
    courseId: z.string().nullable(),
    enrolmentId: z.string().nullable(),
    title: z.string(),
    completedOn: IsoDate,
    expiresOn: IsoDate.nullable(),
    source: z.enum(['classroom', 'virtual', 'e_learning', 'recorded']),
    recordedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('TrainingRecord');

/** as-of date and amber window of the compliance reads. */
export const complianceQuery = {
  asOf: IsoDate.optional().openapi({ param: { name: 'asOf', in: 'query' }, description: 'The date to judge compliance on (default today).' }),
  amberDays: z.coerce.number().int().min(0).max(365).default(30).openapi({ param: { name: 'amberDays', in: 'query' }, description: 'Amber window: in date but expiring within this many days (default 30).' }),
};
