import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { auditContext, auditRead, recordAudit } from '../audit/index.ts';
import { authorise, isManager } from '../auth/access.ts';
import { employees } from '../db/schema.ts';
import { nameChangeType, submitApproval } from '../domain/approvals/index.ts';
import { loadProfile, listTeam } from '../domain/people/profile.ts';
import {
  declareEqualityDiversity,
  loadBankDetails,
  loadEqualityDiversity,
  loadPersonalDetails,
  replaceBankDetails,
  updatePersonalDetails,
} from '../domain/people/personal-details.ts';
import { maskAccountNumber, maskSortCode } from '../domain/masking.ts';
import { etagFor, preconditionFailed, requireIfMatch } from '../http/etag.ts';
import { idempotency } from '../http/idempotency.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { problems } from '../http/problem.ts';
import { bearerSecurity, etagHeaders, idempotencyHeader, idempotencyResponses, ifMatchHeader, ifMatchResponses, jsonContent, problemResponses } from '../http/schemas.ts';
import { eq } from 'drizzle-orm';
import {
  ApprovalRequestCreated,
  BankDetails,
  BankDetailsUpdate,
  EmployeeIdParam,
  EqualityDiversity,
  EqualityDiversityDeclaration,
  Me,
  NameChangeRequest,
  PersonalDetails,
  PersonalDetailsPatch,
  Profile,
  TeamMember,
} from './people.schemas.ts';

const security = bearerSecurity;
const tags = ['People'];

const meRoute = createRoute({
  method: 'get', path: '/me', operationId: 'getMe', tags, security, summary: 'Who am I: my profile and roles',
  responses: { 200: jsonContent(Me, 'The signed-in person.'), 401: problemResponses[401] },
});

const profileRoute = createRoute({
  method: 'get', path: '/people/{employeeId}', operationId: 'getProfile', tags, security,
  summary: 'A person’s profile (self, their line managers, HR admins)',
  request: { params: EmployeeIdParam },
  responses: { 200: jsonContent(Profile, 'The profile.'), 400: problemResponses[400], 401: problemResponses[401], 404: problemResponses[404] },
});

const detailsRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/personal-details', operationId: 'getPersonalDetails', tags, security,
  summary: 'Addresses, phones and emergency contacts (self, HR admins)',
  request: { params: EmployeeIdParam },
  responses: {
    200: { ...jsonContent(PersonalDetails, 'The personal details, with an ETag.'), headers: etagHeaders },
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
  },
});

const patchDetailsRoute = createRoute({
  method: 'patch', path: '/people/{employeeId}/personal-details', operationId: 'updatePersonalDetails', tags, security,
  summary: 'Change addresses, phones or emergency contacts (apply at once)',
  request: {
    params: EmployeeIdParam,
    headers: ifMatchHeader,
    body: { required: true, content: { 'application/json': { schema: PersonalDetailsPatch } } },
  },
  responses: {
    200: { ...jsonContent(PersonalDetails, 'The updated details, with the new ETag.'), headers: etagHeaders },
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
    ...ifMatchResponses,
  },
});

const nameChangeRoute = createRoute({
  method: 'post', path: '/people/{employeeId}/name-change-requests', operationId: 'requestNameChange', tags, security,
  summary: 'Ask for a name change (needs approval)',
  request: {
    params: EmployeeIdParam,
    headers: idempotencyHeader,
    body: { required: true, content: { 'application/json': { schema: NameChangeRequest } } },
  },
  responses: {
    202: jsonContent(ApprovalRequestCreated, 'The request, waiting for approval.'),
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
    ...idempotencyResponses,
  },
});

const bankRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/bank-details', operationId: 'getBankDetails', tags, security,
  summary: 'Bank details, masked (self; HR admins, audited)',
  request: { params: EmployeeIdParam },
  responses: {
    200: { ...jsonContent(BankDetails, 'Masked bank details.'), headers: etagHeaders },
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
  },
});

const putBankRoute = createRoute({
  method: 'put', path: '/people/{employeeId}/bank-details', operationId: 'replaceBankDetails', tags, security,
  summary: 'Change my bank details (self only)',
  request: {
    params: EmployeeIdParam,
    headers: ifMatchHeader,
    body: { required: true, content: { 'application/json': { schema: BankDetailsUpdate } } },
  },
  responses: {
    200: { ...jsonContent(BankDetails, 'The new details, unmasked in this one response to their owner.'), headers: etagHeaders },
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
    ...ifMatchResponses,
  },
});

const edRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/equality-diversity', operationId: 'getEqualityDiversity', tags, security,
  summary: 'My equality and diversity declaration (self only)',
  request: { params: EmployeeIdParam },
  responses: {
    200: jsonContent(EqualityDiversity.nullable(), 'The declaration, or null if none was made.'),
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
  },
});

const putEdRoute = createRoute({
  method: 'put', path: '/people/{employeeId}/equality-diversity', operationId: 'declareEqualityDiversity', tags, security,
  summary: 'Declare my equality and diversity information (self only)',
  request: { params: EmployeeIdParam, body: { required: true, content: { 'application/json': { schema: EqualityDiversityDeclaration } } } },
  responses: {
    200: jsonContent(EqualityDiversity, 'The stored declaration.'),
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
  },
});

const teamRoute = createRoute({
  method: 'get', path: '/me/team', operationId: 'listMyTeam', tags, security,
  summary: 'People who report to me (directly, or all the way down)',
  request: {
    query: z.strictObject({
      ...pageQuery,
      scope: z.enum(['direct', 'all']).default('direct').openapi({ param: { name: 'scope', in: 'query' } }),
    }),
  },
  responses: { 200: jsonContent(pageSchema(TeamMember, 'TeamMemberPage'), 'A page of team members.'), 400: problemResponses[400], 401: problemResponses[401] },
});

export function peopleRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.use('/people/:employeeId/name-change-requests', idempotency());
  return app
    .openapi(meRoute, async (c) => {
      const { employeeId, roles } = c.var.principal;
      const profile = await loadProfile(c.var.db, employeeId);
      if (!profile) throw problems.unauthenticated('Your account no longer exists.');
      const manager = await isManager(c.var.db, employeeId);
      return c.json({ profile, roles: ['employee' as const, ...(manager ? (['manager'] as const) : []), ...roles] }, 200);
    })
    .openapi(profileRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'profile');
      const profile = await loadProfile(c.var.db, employeeId);
      if (!profile) throw problems.notFound(`Employee ${employeeId}`);
      return c.json(profile, 200);
    })
    .openapi(detailsRoute, async (c) => {
      const { employeeId, relation } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'personalDetails');
      const details = await loadPersonalDetails(c.var.db, employeeId);
      if (!details) throw problems.notFound(`Employee ${employeeId}`);
      if (relation !== 'self') await auditRead(c.var.db, { ...auditContext(c), resource: 'personal_details', subjectEmployeeId: employeeId });
      c.header('ETag', etagFor(details.version));
      return c.json(details, 200);
    })
    .openapi(patchDetailsRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'personalDetails');
      const patch = c.req.valid('json');
      const current = await loadPersonalDetails(c.var.db, employeeId);
      if (!current) throw problems.notFound(`Employee ${employeeId}`);
      requireIfMatch(c, current.version);
      const changed = await updatePersonalDetails(c.var.db, employeeId, current.version, patch);
      if (changed === null) throw preconditionFailed(current.version + 1); // another writer with the same ETag won
      await recordAudit(c.var.db, {
        ...auditContext(c),
        action: 'update',
        resource: 'personal_details',
        subjectEmployeeId: employeeId,
        changes: Object.fromEntries((changed ?? []).map((field) => [field, { to: '[changed]' }])),
      });
      const updated = (await loadPersonalDetails(c.var.db, employeeId))!;
      c.header('ETag', etagFor(updated.version));
      return c.json(updated, 200);
    })
    .openapi(nameChangeRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'changeRequest');
      const body = c.req.valid('json');
      const principal = c.var.principal;
      const created = await c.var.db.transaction(async (tx) => {
        // A real approval item: the engine routes it (line manager, then HR) and applies it when approved.
        const request = await submitApproval(tx, {
          organisationId: principal.organisationId,
          type: nameChangeType,
          subjectEmployeeId: employeeId,
          requestedBy: principal.employeeId,
          payload: { title: body.title ?? null, firstName: body.firstName, lastName: body.lastName, reason: body.reason },
        });
        await recordAudit(tx, { ...auditContext(c), action: 'request', resource: 'name_change', subjectEmployeeId: employeeId, changes: { name: { to: '[requested]' } } });
        return request;
      });
      return c.json(
        { id: created.id, type: created.type, status: 'pending' as const, subjectEmployeeId: employeeId, createdAt: created.createdAt },
        202,
      );
    })
    .openapi(bankRoute, async (c) => {
      const { employeeId, relation } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'bankDetailsRead');
      const bank = await loadBankDetails(c.var.db, employeeId);
      if (!bank) throw problems.notFound(`Bank details for ${employeeId}`);
      if (relation !== 'self') await auditRead(c.var.db, { ...auditContext(c), resource: 'bank_details', subjectEmployeeId: employeeId });
      const [row] = await c.var.db.select({ v: employees.detailsVersion }).from(employees).where(eq(employees.id, employeeId));
      c.header('ETag', etagFor(row!.v));
      return c.json(bank, 200);
    })
    .openapi(putBankRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'bankDetailsWrite');
      const update = c.req.valid('json');
      const [row] = await c.var.db.select({ v: employees.detailsVersion }).from(employees).where(eq(employees.id, employeeId));
      requireIfMatch(c, row!.v);
      const previous = await loadBankDetails(c.var.db, employeeId);
      if (!(await replaceBankDetails(c.var.db, employeeId, row!.v, update))) throw preconditionFailed(row!.v + 1);
      await recordAudit(c.var.db, {
        ...auditContext(c),
        action: 'update',
        resource: 'bank_details',
        subjectEmployeeId: employeeId,
        changes: {
          sortCode: { from: previous?.sortCode ?? null, to: maskSortCode(update.sortCode) },
          accountNumber: { from: previous?.accountNumber ?? null, to: maskAccountNumber(update.accountNumber) },
        },
      });
      c.header('ETag', etagFor(row!.v + 1));
      c.header('Cache-Control', 'no-store');
      return c.json({ ...update, masked: false }, 200);
    })
    .openapi(edRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'equalityDiversity');
      return c.json(await loadEqualityDiversity(c.var.db, employeeId), 200);
    })
    .openapi(putEdRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'equalityDiversity');
      await declareEqualityDiversity(c.var.db, employeeId, c.req.valid('json'));
      await recordAudit(c.var.db, { ...auditContext(c), action: 'update', resource: 'equality_diversity', subjectEmployeeId: employeeId });
      return c.json((await loadEqualityDiversity(c.var.db, employeeId))!, 200);
    })
    .openapi(teamRoute, async (c) => {
      const { limit, cursor, scope } = c.req.valid('query');
      const after = cursor ? String(decodeCursor(cursor, 1)[0]) : undefined;
      const rows = await listTeam(c.var.db, c.var.principal.employeeId, { scope, limit, after });
      return c.json(toPage(rows, limit, (r) => r, (r) => [r.id]), 200);
    });
}
