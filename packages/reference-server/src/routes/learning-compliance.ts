// Learning compliance: CSTF subjects, requirements, a person's red/amber/green matrix and training
// history, a manager's team, and organisation (or org unit) compliance by subject.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { auditContext } from '../audit/index.ts';
import { authorise, isManager, requireLearningAdmin } from '../auth/access.ts';
import {
  complianceOf, createRequirement, deleteRequirement, learningProblems, listTrainingRecords, loadLearners, loadRequirements, loadSubjects, organisationCompliance,
  recordTraining, reportingLine, toTrainingView,
} from '../domain/learning/index.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { problems } from '../http/problem.ts';
import { bearerSecurity, IsoDate, jsonContent } from '../http/schemas.ts';
import { EmployeeIdParam } from './people.schemas.ts';
import {
  ComplianceMatrix, complianceQuery, conflictResponse, learningResponses, learningTags, OrganisationCompliance, PersonCompliance, Requirement, RequirementIdParam,
  Subject, SubjectCode, TrainingRecord,
} from './learning-schemas.ts';

const security = bearerSecurity;
const tags = learningTags.compliance;
const today = () => new Date().toISOString().slice(0, 10);

const subjectsRoute = createRoute({
  method: 'get', path: '/learning/subjects', operationId: 'listLearningSubjects', tags, security,
  summary: 'Core Skills Training Framework subjects and levels with their renewal periods',
  responses: { 200: jsonContent(pageSchema(Subject, 'LearningSubjectPage'), 'Every subject; always one page.'), ...learningResponses },
});
const requirementsRoute = createRoute({
  method: 'get', path: '/learning/requirements', operationId: 'listLearningRequirements', tags, security,
  summary: 'Who must hold which subject in your organisation (by staff group, job title, org unit)',
  responses: { 200: jsonContent(pageSchema(Requirement, 'LearningRequirementPage'), 'Every requirement; always one page.'), ...learningResponses },
});
const createRequirementRoute = createRoute({
  method: 'post', path: '/learning/requirements', operationId: 'createLearningRequirement', tags, security,
  summary: 'Require a subject of a staff group, job title and/or org unit and below (learning admins)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            subjectCode: SubjectCode,
            staffGroup: z.string().trim().min(1).max(100).optional(),
            jobTitle: z.string().trim().min(1).max(200).optional(),
            orgUnitId: z.string().regex(/^ou_[A-Za-z0-9_]{1,64}$/, 'Org unit ids look like ou_…').optional(),
          }).openapi('NewLearningRequirement'),
        },
      },
    },
  },
  responses: { 201: jsonContent(Requirement, 'The requirement.'), ...learningResponses, ...conflictResponse },
});
const deleteRequirementRoute = createRoute({
  method: 'delete', path: '/learning/requirements/{requirementId}', operationId: 'deleteLearningRequirement', tags, security,
  summary: 'Remove a requirement (learning admins)',
  request: { params: RequirementIdParam },
  responses: { 204: { description: 'Removed.' }, ...learningResponses },
});
const matrixRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/compliance', operationId: 'getComplianceMatrix', tags, security,
  summary: 'A person’s red/amber/green compliance per CSTF subject (self, line managers, HR, learning admins)',
  request: { params: EmployeeIdParam, query: z.strictObject(complianceQuery) },
  responses: { 200: jsonContent(ComplianceMatrix, 'The matrix row.'), ...learningResponses },
});
const recordsRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/training-records', operationId: 'listTrainingRecords', tags, security,
  summary: 'Training history, latest completion first (self, line managers, HR, learning admins)',
  request: {
    params: EmployeeIdParam,
    query: z.strictObject({ ...pageQuery, subjectCode: SubjectCode.optional().openapi({ param: { name: 'subjectCode', in: 'query' } }) }),
  },
  responses: { 200: jsonContent(pageSchema(TrainingRecord, 'TrainingRecordPage'), 'A page of records.'), ...learningResponses },
});
const recordTrainingRoute = createRoute({
  method: 'post', path: '/people/{employeeId}/training-records', operationId: 'recordTraining', tags, security,
  summary: 'Record training done elsewhere (CSTF portability, external providers) (learning admins)',
  request: {
    params: EmployeeIdParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            subjectCode: SubjectCode.optional(),
            title: z.string().trim().min(1).max(200).optional().openapi({ description: 'Default: the subject’s name.' }),
            completedOn: IsoDate,
          }).openapi('NewTrainingRecord'),
        },
      },
    },
  },
  responses: { 201: jsonContent(TrainingRecord, 'The record (expiry from the subject’s renewal period).'), ...learningResponses },
});
const teamRoute = createRoute({
  method: 'get', path: '/learning/compliance/team', operationId: 'getTeamCompliance', tags, security,
  summary: 'Compliance of everyone in my reporting line (managers), by employee id',
  request: { query: z.strictObject({ ...pageQuery, ...complianceQuery }) },
  responses: { 200: jsonContent(pageSchema(PersonCompliance, 'TeamCompliancePage'), 'A page of matrix rows.'), ...learningResponses },
});
const organisationRoute = createRoute({
  method: 'get', path: '/learning/compliance/by-subject', operationId: 'getComplianceBySubject', tags, security,
  summary: 'Compliance percentage by subject for the organisation or an org unit and below, with each child unit (learning and HR admins)',
  request: {
    query: z.strictObject({
      ...complianceQuery,
      orgUnitId: z.string().regex(/^ou_[A-Za-z0-9_]{1,64}$/, 'Org unit ids look like ou_…').optional().openapi({ param: { name: 'orgUnitId', in: 'query' }, description: 'Default: the whole organisation.' }),
    }),
  },
  responses: { 200: jsonContent(OrganisationCompliance, 'Figures by subject.'), ...learningResponses },
});

export function learningComplianceRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const ctxOf = (c: Parameters<typeof auditContext>[0]) => auditContext(c);
  return app
    .openapi(subjectsRoute, async (c) => {
      const data = (await loadSubjects(c.var.db)).map(({ code, family, level, name, renewalMonths }) => ({ code, family, level, name, renewalMonths }));
      return c.json({ data, hasMore: false, nextCursor: null }, 200);
    })
    .openapi(requirementsRoute, async (c) => {
      return c.json({ data: await loadRequirements(c.var.db, c.var.principal.organisationId), hasMore: false, nextCursor: null }, 200);
    })
    .openapi(createRequirementRoute, async (c) => {
      requireLearningAdmin(c.var.principal);
      return c.json(await createRequirement(c.var.db, ctxOf(c), c.req.valid('json')), 201);
    })
    .openapi(deleteRequirementRoute, async (c) => {
      requireLearningAdmin(c.var.principal);
      await deleteRequirement(c.var.db, ctxOf(c), c.req.valid('param').requirementId);
      return c.body(null, 204);
    })
    .openapi(matrixRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'learning');
      const q = c.req.valid('query');
      const asOf = q.asOf ?? today();
      const [learner] = await loadLearners(c.var.db, c.var.principal.organisationId, asOf, { employeeIds: [employeeId] });
      if (!learner) throw learningProblems.noAssignment(employeeId);
      const [row] = await complianceOf(c.var.db, c.var.principal.organisationId, [learner], { asOf, amberDays: q.amberDays });
      return c.json({ ...row!, asOf, amberDays: q.amberDays }, 200);
    })
    .openapi(recordsRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'learning');
      const q = c.req.valid('query');
      const after = q.cursor ? (decodeCursor(q.cursor, ['instant', 'text']).map(String) as [string, string]) : undefined;
      const rows = await listTrainingRecords(c.var.db, employeeId, { limit: q.limit, after, subjectCode: q.subjectCode });
      return c.json(toPage(rows, q.limit, toTrainingView, (r) => [r.completedOn, r.id]), 200);
    })
    .openapi(recordTrainingRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'trainingRecordWrite');
      return c.json(await recordTraining(c.var.db, { ...ctxOf(c), today: today() }, employeeId, c.req.valid('json')), 201);
    })
    .openapi(teamRoute, async (c) => {
      const q = c.req.valid('query');
      const me = c.var.principal.employeeId;
      if (!(await isManager(c.var.db, me))) throw problems.forbidden('Team compliance is for managers: nobody reports to you.');
      const after = q.cursor ? String(decodeCursor(q.cursor, 1)[0]) : undefined;
      const ids = await reportingLine(c.var.db, me, { limit: q.limit, after });
      const asOf = q.asOf ?? today();
      const page = toPage(ids, q.limit, (id) => id, (id) => [id]);
      const learners = await loadLearners(c.var.db, c.var.principal.organisationId, asOf, { employeeIds: page.data });
      const rows = await complianceOf(c.var.db, c.var.principal.organisationId, learners, { asOf, amberDays: q.amberDays });
      return c.json({ ...page, data: rows }, 200);
    })
    .openapi(organisationRoute, async (c) => {
      requireLearningAdmin(c.var.principal, { orHrAdmin: true });
      const q = c.req.valid('query');
      return c.json(await organisationCompliance(c.var.db, c.var.principal.organisationId, q.orgUnitId, { asOf: q.asOf ?? today(), amberDays: q.amberDays }), 200);
    });
}
