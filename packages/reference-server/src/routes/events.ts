// Event feed for integrators: the caller's organisation's approval and request state changes,
// oldest first; the cursor is the last event id seen (ids only grow), so polling resumes exactly.
// `from=latest` answers at once with an empty page whose cursor is the newest event, for a client that
// only cares about changes from now on (a newly opened inbox) and should not replay the whole backlog.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { latestEventId, listEvents, toEventView } from '../domain/approvals/index.ts';
import { decodeCursor, encodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
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
  request: {
    query: z.strictObject({
      ...pageQuery,
      from: z
        .enum(['oldest', 'latest'])
        .default('oldest')
        .openapi({
          param: { name: 'from', in: 'query' },
          description: 'Where to start without a cursor: the oldest event, or the latest (an empty page whose nextCursor is the newest event, to follow changes from now on). Ignored with a cursor.',
        }),
    }),
  },
  responses: { 200: jsonContent(pageSchema(Event, 'EventPage'), 'A page of events; keep the last nextCursor to poll for more.'), 400: problemResponses[400], 401: problemResponses[401] },
});

export function eventRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
    const { limit, cursor, from } = c.req.valid('query');
    if (!cursor && from === 'latest') {
      const latest = await latestEventId(c.var.db, c.var.principal.organisationId);
      return c.json({ data: [], hasMore: false, nextCursor: encodeCursor([latest]) }, 200);
    }
    const after = cursor ? Number(decodeCursor(cursor, 1)[0]) : undefined;
    const rows = await listEvents(c.var.db, c.var.principal, { after: Number.isSafeInteger(after) ? after : undefined, limit });
    const page = toPage(rows, limit, toEventView, (r) => [r.id]);
    // Polling needs a cursor even on the last page: where to resume from.
    const last = rows.slice(0, limit).at(-1);
    return c.json({ ...page, nextCursor: page.nextCursor ?? (last ? encodeCursor([last.id]) : cursor ?? null) }, 200);
  });
}
