import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { listAuditEvents } from '../audit/query.ts';
import type { AuditCursor, AuditEventRow } from '../audit/query.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { problems } from '../http/problem.ts';
import { jsonContent, problemResponses } from '../http/schemas.ts';

const employeeId = z.string().regex(/^emp_[A-Za-z0-9]{1,64}$/, 'An employee id (emp_…)');
const instant = z.iso.datetime({ offset: true });

/** `occurred_at` as the database writes it (what our cursors carry); anything else is a tampered cursor. */
function isDatabaseInstant(value: string): boolean {
  const m = value.match(/^(\d{4})-(\d{2})-(\d{2})[ T]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,6})?(Z|[+-](0\d|1[0-4])(:?[0-5]\d)?)$/);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const AuditEvent = z
  .object({
    id: z.string().openapi({ example: 'aud_1042' }),
    occurredAt: z.string().openapi({ description: 'When it happened (ISO 8601, UTC).', example: '2026-11-25T09:14:03.512Z' }),
    actorEmployeeId: z.string().openapi({ description: 'Who did it.', example: 'emp_00042' }),
    action: z.string().openapi({ description: 'What was done: read, create, update, request, approve, …', example: 'update' }),
    resource: z.string().openapi({ description: 'Which kind of record.', example: 'bank_details' }),
    subjectEmployeeId: z.string().nullable().openapi({ description: 'Whose record, when it is a person’s.', example: 'emp_00107' }),
    changes: z
      .record(z.string(), z.object({ from: z.string().nullable().optional(), to: z.string().nullable().optional() }))
      .nullable()
      .openapi({ description: 'Changed fields with masked old and new values.', example: { accountNumber: { from: '****1234', to: '****5678' } } }),
    ip: z.string().nullable().openapi({ description: 'Client IP address, when known.', example: '10.2.3.4' }),
    requestId: z.string().nullable().openapi({ description: 'The X-Request-Id of the request.', example: 'req_3f2a…' }),
  })
  .openapi('AuditEvent');

const listRoute = createRoute({
  method: 'get',
  path: '/audit-events',
  operationId: 'listAuditEvents',
  tags: ['Audit'],
  summary: 'Search the audit trail of my organisation, newest first (HR admins)',
  security: [{ bearerAuth: [] }],
  request: {
    query: z.strictObject({
      ...pageQuery,
      subjectEmployeeId: employeeId.optional().openapi({ param: { name: 'subjectEmployeeId', in: 'query' }, description: 'Only events about this person.' }),
      actorEmployeeId: employeeId.optional().openapi({ param: { name: 'actorEmployeeId', in: 'query' }, description: 'Only events by this person.' }),
      action: z
        .string()
        .regex(/^[a-z][a-z_.]{0,63}$/, 'An action such as read or update')
        .optional()
        .openapi({ param: { name: 'action', in: 'query' }, description: 'Only this action.', example: 'read' }),
      from: instant.optional().openapi({ param: { name: 'from', in: 'query' }, description: 'Events at or after this instant (ISO 8601).', example: '2026-11-01T00:00:00Z' }),
      to: instant.optional().openapi({ param: { name: 'to', in: 'query' }, description: 'Events before this instant (ISO 8601).', example: '2026-12-01T00:00:00Z' }),
    }),
  },
  responses: {
    200: jsonContent(pageSchema(AuditEvent, 'AuditEventPage'), 'A page of audit events, newest first.'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: { ...problemResponses[403], description: 'Only HR admins may read the audit trail.' },
  },
});

function toItem(row: AuditEventRow): z.infer<typeof AuditEvent> {
  return {
    id: `aud_${row.id}`,
    occurredAt: new Date(row.occurredAt).toISOString(),
    actorEmployeeId: row.actorEmployeeId,
    action: row.action,
    resource: row.resource,
    subjectEmployeeId: row.subjectEmployeeId,
    changes: row.changes ?? null,
    ip: row.ip,
    requestId: row.requestId,
  };
}

export function auditRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
    const principal = c.var.principal;
    if (!principal) throw problems.unauthenticated();
    if (!principal.roles.includes('hr_admin')) throw problems.forbidden('Only HR admins may read the audit trail.');
    const { limit, cursor, subjectEmployeeId, actorEmployeeId, action, from, to } = c.req.valid('query');
    let after: AuditCursor | undefined;
    if (cursor) {
      const [at, id] = decodeCursor(cursor, 2);
      if (typeof at !== 'string' || !isDatabaseInstant(at) || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
        throw problems.validation([{ path: 'query.cursor', message: 'Not a cursor this API issued', code: 'invalid_cursor' }]);
      }
      after = [at, id];
    }
    const rows = await listAuditEvents(
      c.var.db,
      {
        organisationId: principal.organisationId,
        subjectEmployeeId,
        actorEmployeeId,
        action,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      },
      { limit, after },
    );
    return c.json(toPage(rows, limit, toItem, (r) => [r.occurredAt, r.id]), 200);
  });
}
