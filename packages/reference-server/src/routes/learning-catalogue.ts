// Learning catalogue: search (full text with relevance, filters, facets), course detail with sessions,
// and learning admins' course and session writes.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { auditContext } from '../audit/index.ts';
import { requireLearningAdmin } from '../auth/access.ts';
import {
  courseFacets, createCourse, createSession, findCourse, findSession, listCourseSessions, searchCourses, sessionRegister, sessionViews, toCourseView,
  updateCourse, updateSession,
} from '../domain/learning/index.ts';
import type { CourseFilter, SearchCursor } from '../domain/learning/index.ts';
import { etagFor, ifMatchVersion } from '../http/etag.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { problems } from '../http/problem.ts';
import { bearerSecurity, etagHeaders, ifMatchHeader, IsoDate, jsonContent } from '../http/schemas.ts';
import {
  conditionalResponses, conflictResponse, Course, CourseDetail, CourseIdParam, CourseSearchItem, Delivery, Enrolment, Instant,
  learningResponses, learningTags, Session, SessionIdParam, SubjectCode,
} from './learning-schemas.ts';

const security = bearerSecurity;
const tags = learningTags.catalogue;

const filterQuery = {
  q: z.string().trim().max(200).optional().openapi({ param: { name: 'q', in: 'query' }, description: 'Free text: words, "quoted phrases", -excluded, or. Ranked by relevance (title first).', example: 'fire safety' }),
  category: z.string().max(100).optional().openapi({ param: { name: 'category', in: 'query' }, example: 'Statutory and mandatory' }),
  delivery: z.string().regex(/^(classroom|virtual|e_learning)(,(classroom|virtual|e_learning))*$/, 'Comma-separated: classroom, virtual, e_learning').optional()
    .openapi({ param: { name: 'delivery', in: 'query' }, description: 'Comma-separated delivery methods.' }),
  from: IsoDate.optional().openapi({ param: { name: 'from', in: 'query' }, description: 'Only courses with a session starting on or after this date.' }),
  to: IsoDate.optional().openapi({ param: { name: 'to', in: 'query' }, description: 'Only courses with a session starting on or before this date.' }),
  venue: z.string().max(200).optional().openapi({ param: { name: 'venue', in: 'query' } }),
  hasPlaces: z.enum(['true', 'false']).optional().openapi({ param: { name: 'hasPlaces', in: 'query' }, description: 'true: only courses bookable now (a session with places and booking open, or e-learning).' }),
};
const filterOf = (q: { q?: string | undefined; category?: string | undefined; delivery?: string | undefined; from?: string | undefined; to?: string | undefined; venue?: string | undefined; hasPlaces?: string | undefined }): CourseFilter => {
  if (q.from && q.to && q.to < q.from) throw problems.validation([{ path: 'query.to', message: 'Must be on or after from', code: 'invalid_range' }]);
  return {
    q: q.q || undefined,
    category: q.category,
    delivery: q.delivery?.split(',') as CourseFilter['delivery'],
    from: q.from,
    to: q.to,
    venue: q.venue,
    hasPlaces: q.hasPlaces === 'true',
  };
};

const FacetCount = z.object({ facet: z.enum(['category', 'delivery', 'venue', 'hasPlaces']), value: z.string(), count: z.number().int() }).openapi('CourseFacetCount');

const CourseWrite = z.strictObject({
  code: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  category: z.string().trim().min(1).max(100),
  delivery: Delivery,
  durationMinutes: z.number().int().min(5).max(60 * 24 * 10),
  competencies: z.array(SubjectCode).max(20).optional(),
  audience: z.string().max(500).optional(),
  requiresApproval: z.boolean().optional(),
}).openapi('NewCourse');
const CoursePatch = z.strictObject({
  code: z.string().trim().min(1).max(40).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  category: z.string().trim().min(1).max(100).optional(),
  durationMinutes: z.number().int().min(5).max(60 * 24 * 10).optional(),
  competencies: z.array(SubjectCode).max(20).optional(),
  audience: z.string().max(500).optional(),
  requiresApproval: z.boolean().optional(),
  status: z.enum(['active', 'withdrawn']).optional(),
}).openapi('CoursePatch');

const SessionWrite = z.strictObject({
  startsAt: Instant,
  endsAt: Instant,
  venue: z.string().trim().min(1).max(200),
  capacity: z.number().int().min(1).max(1000),
  trainer: z.string().max(200).optional(),
  bookingDeadline: Instant.optional().openapi({ description: 'Default: a day before the start.' }),
  cancellationDeadline: Instant.optional().openapi({ description: 'Default: two days before the start.' }),
}).openapi('NewClassSession');
const SessionPatch = z.strictObject({
  startsAt: Instant.optional(),
  endsAt: Instant.optional(),
  venue: z.string().trim().min(1).max(200).optional(),
  capacity: z.number().int().min(1).max(1000).optional().openapi({ description: 'Not below the places taken; raising it promotes from the waiting list.' }),
  trainer: z.string().max(200).optional(),
  bookingDeadline: Instant.optional(),
  cancellationDeadline: Instant.optional(),
  status: z.literal('cancelled').optional().openapi({ description: 'cancelled: cancels every live enrolment on the session.' }),
}).openapi('ClassSessionPatch');

const searchRoute = createRoute({
  method: 'get', path: '/courses', operationId: 'searchCourses', tags, security,
  summary: 'Search the catalogue: full text ranked by relevance (title first), filters, cursor paging',
  request: { query: z.strictObject({ ...pageQuery, ...filterQuery }) },
  responses: { 200: jsonContent(pageSchema(CourseSearchItem, 'CourseSearchPage'), 'A page of courses: by relevance with q, else by title.'), ...learningResponses },
});
const facetsRoute = createRoute({
  method: 'get', path: '/courses/facets', operationId: 'getCourseFacets', tags, security,
  summary: 'Facet counts (courses) for the same filters: each facet counted with every filter but its own',
  request: { query: z.strictObject(filterQuery) },
  responses: { 200: jsonContent(pageSchema(FacetCount, 'CourseFacetPage'), 'Counts by facet (category, delivery, venue, hasPlaces), largest first; always one page.'), ...learningResponses },
});
const getCourseRoute = createRoute({
  method: 'get', path: '/courses/{courseId}', operationId: 'getCourse', tags, security,
  summary: 'A course with its sessions (places left, waiting list)',
  request: { params: CourseIdParam, query: z.strictObject({ includePast: z.enum(['true', 'false']).default('false').openapi({ param: { name: 'includePast', in: 'query' } }) }) },
  responses: { 200: { ...jsonContent(CourseDetail, 'The course.'), headers: etagHeaders }, ...learningResponses },
});
const createCourseRoute = createRoute({
  method: 'post', path: '/courses', operationId: 'createCourse', tags, security,
  summary: 'Add a course to the catalogue (learning admins)',
  request: { body: { required: true, content: { 'application/json': { schema: CourseWrite } } } },
  responses: { 201: { ...jsonContent(Course, 'The course.'), headers: etagHeaders }, ...learningResponses, ...conflictResponse },
});
const updateCourseRoute = createRoute({
  method: 'patch', path: '/courses/{courseId}', operationId: 'updateCourse', tags, security,
  summary: 'Change a course (learning admins; If-Match)',
  request: { params: CourseIdParam, headers: ifMatchHeader, body: { required: true, content: { 'application/json': { schema: CoursePatch } } } },
  responses: { 200: { ...jsonContent(Course, 'The course after the change.'), headers: etagHeaders }, ...learningResponses, ...conditionalResponses },
});
const createSessionRoute = createRoute({
  method: 'post', path: '/courses/{courseId}/sessions', operationId: 'createClassSession', tags, security,
  summary: 'Schedule a class session of a classroom or virtual course (learning admins)',
  request: { params: CourseIdParam, body: { required: true, content: { 'application/json': { schema: SessionWrite } } } },
  responses: { 201: { ...jsonContent(Session, 'The session.'), headers: etagHeaders }, ...learningResponses },
});
const getSessionRoute = createRoute({
  method: 'get', path: '/sessions/{sessionId}', operationId: 'getClassSession', tags, security,
  summary: 'A class session with places left and waiting-list length',
  request: { params: SessionIdParam },
  responses: { 200: { ...jsonContent(Session, 'The session.'), headers: etagHeaders }, ...learningResponses },
});
const updateSessionRoute = createRoute({
  method: 'patch', path: '/sessions/{sessionId}', operationId: 'updateClassSession', tags, security,
  summary: 'Change or cancel a session (learning admins; If-Match)',
  request: { params: SessionIdParam, headers: ifMatchHeader, body: { required: true, content: { 'application/json': { schema: SessionPatch } } } },
  responses: { 200: { ...jsonContent(Session, 'The session after the change.'), headers: etagHeaders }, ...learningResponses, ...conditionalResponses },
});
const registerRoute = createRoute({
  method: 'get', path: '/sessions/{sessionId}/enrolments', operationId: 'listSessionEnrolments', tags, security,
  summary: 'The session’s register: places, then the waiting list in order (learning admins)',
  request: { params: SessionIdParam },
  responses: { 200: jsonContent(pageSchema(Enrolment, 'SessionRegisterPage'), 'Everyone on the session; always one page.'), ...learningResponses },
});

export function learningCatalogueRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const ctxOf = (c: Parameters<typeof auditContext>[0]) => auditContext(c);
  return app
    .openapi(searchRoute, async (c) => {
      const q = c.req.valid('query');
      const f = filterOf(q);
      const after = q.cursor ? (decodeCursor(q.cursor, 2) as SearchCursor) : undefined;
      if (after && (typeof after[1] !== 'string' || (f.q ? typeof after[0] !== 'number' : typeof after[0] !== 'string'))) {
        throw problems.validation([{ path: 'query.cursor', message: 'Not a cursor of this search', code: 'invalid_cursor' }]);
      }
      const { items, keys } = await searchCourses(c.var.db, c.var.principal.organisationId, f, { limit: q.limit, after, now: new Date() });
      const keyOf = new Map(items.map((item, i) => [item.id, keys[i]!]));
      return c.json(toPage(items, q.limit, (i) => i, (i) => keyOf.get(i.id)!), 200);
    })
    .openapi(facetsRoute, async (c) => {
      const data = await courseFacets(c.var.db, c.var.principal.organisationId, filterOf(c.req.valid('query')), new Date());
      return c.json({ data, hasMore: false, nextCursor: null }, 200);
    })
    .openapi(getCourseRoute, async (c) => {
      const course = await findCourse(c.var.db, c.var.principal.organisationId, c.req.valid('param').courseId);
      const sessions = await listCourseSessions(c.var.db, course, { includePast: c.req.valid('query').includePast === 'true', now: new Date() });
      c.header('ETag', etagFor(course.version));
      return c.json({ ...toCourseView(course), sessions }, 200);
    })
    .openapi(createCourseRoute, async (c) => {
      requireLearningAdmin(c.var.principal);
      const view = await createCourse(c.var.db, ctxOf(c), c.req.valid('json'));
      c.header('ETag', etagFor(view.version));
      c.header('Location', `/v1/courses/${view.id}`);
      return c.json(view, 201);
    })
    .openapi(updateCourseRoute, async (c) => {
      requireLearningAdmin(c.var.principal);
      const view = await updateCourse(c.var.db, ctxOf(c), c.req.valid('param').courseId, ifMatchVersion(c), c.req.valid('json'));
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(createSessionRoute, async (c) => {
      requireLearningAdmin(c.var.principal);
      const view = await createSession(c.var.db, ctxOf(c), c.req.valid('param').courseId, c.req.valid('json'));
      c.header('ETag', etagFor(view.version));
      c.header('Location', `/v1/sessions/${view.id}`);
      return c.json(view, 201);
    })
    .openapi(getSessionRoute, async (c) => {
      const row = await findSession(c.var.db, c.var.principal.organisationId, c.req.valid('param').sessionId);
      const [view] = await sessionViews(c.var.db, [row], new Date());
      c.header('ETag', etagFor(row.version));
      return c.json(view!, 200);
    })
    .openapi(updateSessionRoute, async (c) => {
      requireLearningAdmin(c.var.principal);
      const view = await updateSession(c.var.db, ctxOf(c), c.req.valid('param').sessionId, ifMatchVersion(c), c.req.valid('json'));
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(registerRoute, async (c) => {
      requireLearningAdmin(c.var.principal);
      const session = await findSession(c.var.db, c.var.principal.organisationId, c.req.valid('param').sessionId);
      return c.json({ data: await sessionRegister(c.var.db, session.id), hasMore: false, nextCursor: null }, 200);
    });
}
