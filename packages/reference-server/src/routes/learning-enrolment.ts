// Learning enrolment: enrol (self, a manager for a reportee, learning admins), waiting lists, cancel,
// attendance and completion, and a person's enrolments.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { auditContext } from '../audit/index.ts';
import { authorise, requireLearningAdmin } from '../auth/access.ts';
import type { Relation } from '../auth/access.ts';
import { cancelEnrolment, completeEnrolment, enrol, enrolmentViews, findEnrolment, listEnrolments, markAttendance } from '../domain/learning/index.ts';
import { etagFor } from '../http/etag.ts';
import { idempotency } from '../http/idempotency.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { problems } from '../http/problem.ts';
import { bearerSecurity, etagHeaders, idempotencyHeader, IsoDate, jsonContent } from '../http/schemas.ts';
import { EmployeeIdParam } from './people.schemas.ts';
import { conflictResponse, Enrolment, EnrolmentIdParam, learningResponses, learningTags } from './learning-schemas.ts';

const security = bearerSecurity;
const tags = learningTags.enrolment;

const NewEnrolment = z
  .strictObject({
    sessionId: z.string().regex(/^ses_[A-Za-z0-9]{1,64}$/, 'Session ids look like ses_…').optional().openapi({ description: 'The session to book (classroom and virtual courses).' }),
    courseId: z.string().regex(/^crs_[A-Za-z0-9]{1,64}$/, 'Course ids look like crs_…').optional().openapi({ description: 'The course, for e-learning (which has no sessions).' }),
    employeeId: z.string().regex(/^(me|emp_[A-Za-z0-9]{1,64})$/, 'An employee id (emp_…) or "me"').default('me')
      .openapi({ description: 'Who to enrol: yourself (default), someone in your reporting line, or anyone in your organisation (learning admins).' }),
  })
  .superRefine((v, ctx) => {
    if (!v.sessionId && !v.courseId) ctx.addIssue({ code: 'custom', path: ['sessionId'], message: 'Give sessionId (classroom, virtual) or courseId (e-learning)' });
  })
  .openapi('NewEnrolment');

const listRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/enrolments', operationId: 'listEnrolments', tags, security,
  summary: 'A person’s enrolments, newest first (self, line managers, HR, learning admins)',
  request: {
    params: EmployeeIdParam,
    query: z.strictObject({
      ...pageQuery,
      status: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/).optional().openapi({ param: { name: 'status', in: 'query' }, description: 'Comma-separated statuses, e.g. enrolled,waitlisted.' }),
    }),
  },
  responses: { 200: jsonContent(pageSchema(Enrolment, 'EnrolmentPage'), 'A page of enrolments.'), ...learningResponses },
});
const enrolRoute = createRoute({
  method: 'post', path: '/enrolments', operationId: 'enrol', tags, security,
  summary: 'Enrol on a session or e-learning course: a place, the waiting list when full, or a request for approval when the course requires it',
  request: { headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: NewEnrolment } } } },
  responses: {
    201: { ...jsonContent(Enrolment, 'The enrolment: enrolled, waitlisted or pending_approval.'), headers: { ...etagHeaders, Location: { schema: { type: 'string' as const } } } },
    ...learningResponses,
    ...conflictResponse,
  },
});
const getRoute = createRoute({
  method: 'get', path: '/enrolments/{enrolmentId}', operationId: 'getEnrolment', tags, security,
  summary: 'One enrolment, with its waiting-list position (self, line managers, HR, learning admins)',
  request: { params: EnrolmentIdParam },
  responses: { 200: { ...jsonContent(Enrolment, 'The enrolment.'), headers: etagHeaders }, ...learningResponses },
});
const transitionResponses = { 200: { ...jsonContent(Enrolment, 'The enrolment after the change.'), headers: etagHeaders }, ...learningResponses, ...conflictResponse };
const cancelRoute = createRoute({
  method: 'post', path: '/enrolments/{enrolmentId}/cancel', operationId: 'cancelEnrolment', tags, security,
  summary: 'Cancel an enrolment (before the cancellation deadline unless a learning admin); the place goes to the waiting list',
  request: { params: EnrolmentIdParam, body: { required: false, content: { 'application/json': { schema: z.strictObject({ reason: z.string().max(500).optional() }).openapi('CancelEnrolment') } } } },
  responses: transitionResponses,
});
const attendanceRoute = createRoute({
  method: 'post', path: '/enrolments/{enrolmentId}/attendance', operationId: 'markAttendance', tags, security,
  summary: 'Mark the register: attended or no-show (learning admins)',
  request: { params: EnrolmentIdParam, body: { required: true, content: { 'application/json': { schema: z.strictObject({ attended: z.boolean() }).openapi('Attendance') } } } },
  responses: transitionResponses,
});
const completeRoute = createRoute({
  method: 'post', path: '/enrolments/{enrolmentId}/complete', operationId: 'completeEnrolment', tags, security,
  summary: 'Record completion and the training records it earns: learning admins, or the learner for e-learning',
  request: {
    params: EnrolmentIdParam,
    body: { required: false, content: { 'application/json': { schema: z.strictObject({ completedOn: IsoDate.optional().openapi({ description: 'Default: the session’s last day, or today for e-learning.' }) }).openapi('CompleteEnrolment') } } },
  },
  responses: transitionResponses,
});

/** The caller's relation to the enrolment's learner for `policy` (404 outside it, like any person's record). */
async function relationToLearner(c: { var: AppEnv['Variables'] }, employeeId: string, policy: 'learning' | 'enrolmentWrite'): Promise<Relation> {
  return (await authorise(c.var.db, c.var.principal, employeeId, policy)).relation;
}

export function learningEnrolmentRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.use('/enrolments', idempotency());
  const ctxOf = (c: Parameters<typeof auditContext>[0]) => auditContext(c);
  return app
    .openapi(listRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'learning');
      const q = c.req.valid('query');
      const statuses = q.status?.split(',');
      const allowed = ['pending_approval', 'waitlisted', 'enrolled', 'attended', 'no_show', 'completed', 'cancelled', 'rejected'];
      const bad = statuses?.findIndex((s) => !allowed.includes(s)) ?? -1;
      if (bad >= 0) throw problems.validation([{ path: 'query.status', message: `${statuses![bad]} is not an enrolment status`, code: 'invalid_enum_value' }]);
      const after = q.cursor ? (decodeCursor(q.cursor, ['instant', 'text']).map(String) as [string, string]) : undefined;
      const rows = await listEnrolments(c.var.db, employeeId, { status: statuses as never, limit: q.limit, after });
      const page = toPage(rows, q.limit, (r) => r, (r) => [r.createdAt, r.id]);
      return c.json({ ...page, data: await enrolmentViews(c.var.db, page.data) }, 200);
    })
    .openapi(enrolRoute, async (c) => {
      const body = c.req.valid('json');
      const { employeeId, relation } = await authorise(c.var.db, c.var.principal, body.employeeId, 'enrolmentWrite');
      const view = await enrol(c.var.db, ctxOf(c), { employeeId, relation, sessionId: body.sessionId, courseId: body.courseId });
      c.header('ETag', etagFor(view.version));
      c.header('Location', `/v1/enrolments/${view.id}`);
      return c.json(view, 201);
    })
    .openapi(getRoute, async (c) => {
      const row = await findEnrolment(c.var.db, c.var.principal.organisationId, c.req.valid('param').enrolmentId);
      await relationToLearner(c, row.employeeId, 'learning');
      c.header('ETag', etagFor(row.version));
      return c.json((await enrolmentViews(c.var.db, [row]))[0]!, 200);
    })
    .openapi(cancelRoute, async (c) => {
      const row = await findEnrolment(c.var.db, c.var.principal.organisationId, c.req.valid('param').enrolmentId);
      const relation = await relationToLearner(c, row.employeeId, 'enrolmentWrite');
      const body = c.req.valid('json') ?? {};
      const view = await cancelEnrolment(c.var.db, ctxOf(c), row.id, { asAdmin: relation === 'learning_admin' || c.var.principal.roles.includes('learning_admin'), reason: body.reason });
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(attendanceRoute, async (c) => {
      requireLearningAdmin(c.var.principal);
      const view = await markAttendance(c.var.db, ctxOf(c), c.req.valid('param').enrolmentId, c.req.valid('json').attended);
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(completeRoute, async (c) => {
      const row = await findEnrolment(c.var.db, c.var.principal.organisationId, c.req.valid('param').enrolmentId);
      const asAdmin = c.var.principal.roles.includes('learning_admin');
      // Learners record their own e-learning completion; everything else is the learning admins'.
      if (!asAdmin && row.employeeId !== c.var.principal.employeeId) {
        await relationToLearner(c, row.employeeId, 'learning');
        throw problems.forbidden('Only learning admins record completion for someone else.');
      }
      const body = c.req.valid('json') ?? {};
      const view = await completeEnrolment(c.var.db, ctxOf(c), row.id, { asAdmin, completedOn: body.completedOn });
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    });
}
