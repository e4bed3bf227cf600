// Event feed for integrators: the caller's organisation's approval and request state changes,
// oldest first; the cursor is the last event id seen (ids only grow), so polling resumes exactly.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { listEvents, toEventView } from '../domain/approvals/index.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { jsonContent, problemResponses } from '../http/schemas.ts';

const Event = z
  .object({
    id: z.string().openapi({ description: 'Increasing; opaque.', example: '1042' }),
    type: z.string().openapi({ example: 'approval.approved' }),
    occurredAt: z.string(),
    resourceType: z.string().openapi({ example: 'approval_request' }),
    resourceId: z.string().openapi({ example: 'apr_01hq3v6k2m' }),
    subjectEmployeeId: z.string().nullable(),
    actorEmployeeId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('Event');

const listRoute = createRoute({
  method: 'get', path: '/events', operationId: 'listEvents', tags: ['Events'], security: [{ bearerAuth: [] }],
  summary: 'State changes of approvals and requests, newest last (HR admins: the whole organisation; others: their own requests and items they approve)',
  request: { query: z.strictObject({ ...pageQuery }) },
  responses: { 200: jsonContent(pageSchema(Event, 'EventPage'), 'A page of events; keep the last nextCursor to poll for more.'), 400: problemResponses[400], 401: problemResponses[401] },
});

export function eventRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const after = cursor ? Number(decodeCursor(cursor, 1)[0]) : undefined;
    const rows = await listEvents(c.var.db, c.var.principal, { after: Number.isSafeInteger(after) ? after : undefined, limit });
    const page = toPage(rows, limit, toEventView, (r) => [r.id]);
    // Polling needs a cursor even on the last page: where to resume from.
    const last = rows.slice(0, limit).at(-1);
    return c.json({ ...page, nextCursor: page.nextCursor ?? (last ? Buffer.from(JSON.stringify([last.id])).toString('base64url') : cursor ?? null) }, 200);
  });
}
