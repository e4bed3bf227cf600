// Approvals inbox API: list, detail (with the type's context), decide exactly once, answer an
// information request, withdraw, bulk approve, and the caller's stand-in (delegation).
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { auditContext } from '../audit/index.ts';
import {
  clearDelegation, decideApproval, getDelegation, listInbox, loadApprovalDetail, respondToApproval, setDelegation, toItemViews, withdrawApproval,
} from '../domain/approvals/index.ts';
import type { ApprovalRequestRecord, InboxCursor, RequestContext } from '../domain/approvals/index.ts';
import { etagFor, ifMatchVersion } from '../http/etag.ts';
import { idempotency } from '../http/idempotency.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { ApiProblem } from '../http/problem.ts';
import { bearerSecurity, etagHeaders, idempotencyHeader, idempotencyResponses, ifMatchHeader, ifMatchResponses, IsoDate, jsonContent, problemContent, problemResponses } from '../http/schemas.ts';

const security = bearerSecurity;
const tags = ['Approvals'];

const statusEnum = z.enum(['pending', 'info_requested', 'approved', 'rejected', 'withdrawn']);
const stepEnum = z.enum(['line_manager', 'managers_manager', 'hr']);
const PersonRef = z.object({ id: z.string(), name: z.string() }).openapi('PersonRef');

const ApprovalItem = z
  .object({
    id: z.string().openapi({ example: 'apr_01hq3v6k2m' }),
    type: z.string().openapi({ example: 'leave.request' }),
    status: statusEnum,
    summary: z.string().openapi({ example: 'Annual leave 2–6 Dec (37.5 h)' }),
    subject: PersonRef,
    requestedBy: PersonRef,
    subjectRef: z.string().nullable().openapi({ description: 'The record the request is about (e.g. a leave request id).' }),
    payload: z.record(z.string(), z.unknown()),
    route: z.array(stepEnum).openapi({ description: 'The approval steps, in order (multi-level when more than one).' }),
    currentStep: z
      .object({
        index: z.number().int(),
        kind: stepEnum,
        approverKind: z.enum(['employee', 'hr_pool']).nullable(),
        approver: PersonRef.nullable().openapi({ description: 'Null for the HR pool (any HR admin decides).' }),
        standIn: PersonRef.nullable().openapi({ description: 'The approver’s stand-in while they are away.' }),
      })
      .nullable()
      .openapi({ description: 'Null once decided or withdrawn.' }),
    version: z.number().int(),
    dueAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedBy: PersonRef.nullable(),
  })
  .openapi('ApprovalItem');

const HistoryEntry = z
  .object({
    at: z.string(),
    action: z.enum(['submitted', 'routed', 'approved', 'rejected', 'info_requested', 'responded', 'reassigned', 'withdrawn']),
    step: z.number().int(),
    actor: PersonRef.nullable(),
    onBehalfOf: PersonRef.nullable().openapi({ description: 'The approver a stand-in acted for.' }),
    comment: z.string().nullable(),
    approverKind: z.enum(['employee', 'hr_pool']).nullable(),
    approver: PersonRef.nullable(),
    standIn: PersonRef.nullable(),
  })
  .openapi('ApprovalHistoryEntry');

const ApprovalDetail = ApprovalItem.extend({
  yourActions: z.array(z.enum(['approve', 'reject', 'request_info', 'reassign', 'respond', 'withdraw'])),
  history: z.array(HistoryEntry),
  context: z.record(z.string(), z.unknown()).openapi({ description: 'What the approver needs to decide (dates, balances, who else is off, …).' }),
}).openapi('ApprovalDetail');

const DecisionResult = ApprovalItem.extend({
  outcome: z.enum(['approved', 'advanced', 'rejected', 'info_requested', 'reassigned']).openapi({ description: '`advanced`: approved at this step, routed to the next.' }),
}).openapi('ApprovalDecisionResult');

const Decision = z
  .strictObject({
    action: z.enum(['approve', 'reject', 'request_info', 'reassign']),
    reason: z.string().trim().min(1).max(1000).optional().openapi({ description: 'Required to reject.' }),
    comment: z.string().trim().min(1).max(2000).optional().openapi({ description: 'Required for request_info (your question).' }),
    reassignTo: z.string().max(64).optional().openapi({ description: 'Required for reassign: a manager above the subject, or an HR admin.' }),
  })
  .openapi('ApprovalDecision');

const Respond = z.strictObject({ comment: z.string().trim().min(1).max(2000) }).openapi('ApprovalResponse');
const Withdraw = z.strictObject({ comment: z.string().trim().min(1).max(2000).optional() }).openapi('ApprovalWithdrawal');

const BulkDecision = z
  .strictObject({
    action: z.literal('approve'),
    ids: z.array(z.string().max(64)).min(1).max(100).refine((ids) => new Set(ids).size === ids.length, 'Ids must be unique'),
    comment: z.string().trim().min(1).max(2000).optional(),
  })
  .openapi('ApprovalBulkDecision');

const BulkResult = z
  .object({
    results: z.array(
      z.object({
        id: z.string(),
        httpStatus: z.number().int().openapi({ description: '200 on success, else the status a single decision would have had.' }),
        outcome: z.enum(['approved', 'advanced']).optional(),
        status: statusEnum.optional(),
        etag: z.string().optional(),
        code: z.string().optional(),
        detail: z.string().optional(),
      }),
    ),
    succeeded: z.number().int(),
    failed: z.number().int(),
  })
  .openapi('ApprovalBulkResult');

const Delegation = z
  .object({
    delegateEmployeeId: z.string(),
    delegateName: z.string(),
    startsOn: IsoDate,
    endsOn: IsoDate,
    active: z.boolean().openapi({ description: 'Whether the range covers today.' }),
    createdAt: z.string(),
  })
  .openapi('ApprovalDelegation');

const DelegationInput = z
  .strictObject({ delegateEmployeeId: z.string().max(64), startsOn: IsoDate, endsOn: IsoDate })
  .openapi('ApprovalDelegationInput');

const IdParam = z.object({ id: z.string().max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'apr_01hq3v6k2m' }) });
const ifMatchAndKeyHeaders = ifMatchHeader.extend(idempotencyHeader.shape);
const writeProblems = {
  400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
  409: { description: 'Already decided (`already_decided`), waiting for information, or the Idempotency-Key is in flight.', content: problemContent },
  422: idempotencyResponses[422],
  ...ifMatchResponses,
};

const listRoute = createRoute({
  method: 'get', path: '/approvals', operationId: 'listApprovals', tags, security,
  summary: 'My approvals inbox: waiting on me (or those I stand in for), decided by me, or requested by me',
  request: {
    query: z.strictObject({
      ...pageQuery,
      box: z.enum(['pending', 'decided', 'mine']).default('pending').openapi({ param: { name: 'box', in: 'query' } }),
      type: z.string().max(100).optional().openapi({ param: { name: 'type', in: 'query' }, example: 'leave.request' }),
    }),
  },
  responses: { 200: jsonContent(pageSchema(ApprovalItem, 'ApprovalItemPage'), 'A page of approval requests.'), 400: problemResponses[400], 401: problemResponses[401] },
});

const getRoute = createRoute({
  method: 'get', path: '/approvals/{id}', operationId: 'getApproval', tags, security,
  summary: 'One approval request with its history and context',
  request: { params: IdParam },
  responses: {
    200: { ...jsonContent(ApprovalDetail, 'The request, with an ETag for decisions.'), headers: etagHeaders },
    400: problemResponses[400], 401: problemResponses[401], 404: problemResponses[404],
  },
});

const decideRoute = createRoute({
  method: 'post', path: '/approvals/{id}/decision', operationId: 'decideApproval', tags, security,
  summary: 'Approve, reject (reason required), request more information, or reassign — exactly once',
  request: { params: IdParam, headers: ifMatchAndKeyHeaders, body: { required: true, content: { 'application/json': { schema: Decision } } } },
  responses: { 200: { ...jsonContent(DecisionResult, 'The request after the decision, with its new ETag.'), headers: etagHeaders }, ...writeProblems },
});

const respondRoute = createRoute({
  method: 'post', path: '/approvals/{id}/respond', operationId: 'respondToApproval', tags, security,
  summary: 'Answer an information request and resubmit (requester only)',
  request: { params: IdParam, headers: ifMatchAndKeyHeaders, body: { required: true, content: { 'application/json': { schema: Respond } } } },
  responses: { 200: { ...jsonContent(ApprovalItem, 'The request, pending again with the same approver.'), headers: etagHeaders }, ...writeProblems },
});

const withdrawRoute = createRoute({
  method: 'post', path: '/approvals/{id}/withdraw', operationId: 'withdrawApproval', tags, security,
  summary: 'Withdraw a request that is not decided yet (requester only)',
  request: { params: IdParam, headers: ifMatchAndKeyHeaders, body: { required: true, content: { 'application/json': { schema: Withdraw } } } },
  responses: { 200: { ...jsonContent(ApprovalItem, 'The withdrawn request.'), headers: etagHeaders }, ...writeProblems },
});

const bulkRoute = createRoute({
  method: 'post', path: '/approvals/bulk-decision', operationId: 'bulkApprove', tags, security,
  summary: 'Approve many requests: each decided exactly once, with a result per item',
  request: { headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: BulkDecision } } } },
  responses: {
    200: jsonContent(BulkResult, 'One result per id, in the order given.'),
    400: problemResponses[400], 401: problemResponses[401],
    409: writeProblems[409], 422: writeProblems[422],
  },
});

const getDelegationRoute = createRoute({
  method: 'get', path: '/me/delegation', operationId: 'getMyDelegation', tags, security,
  summary: 'My stand-in approver, if I set one',
  responses: { 200: jsonContent(Delegation.nullable(), 'The delegation, or null.'), 401: problemResponses[401] },
});

const putDelegationRoute = createRoute({
  method: 'put', path: '/me/delegation', operationId: 'setMyDelegation', tags, security,
  summary: 'Set my stand-in for a date range: my new and pending items go to them meanwhile (audited)',
  request: { body: { required: true, content: { 'application/json': { schema: DelegationInput } } } },
  responses: { 200: jsonContent(Delegation, 'The delegation.'), 400: problemResponses[400], 401: problemResponses[401] },
});

const deleteDelegationRoute = createRoute({
  method: 'delete', path: '/me/delegation', operationId: 'clearMyDelegation', tags, security,
  summary: 'Remove my stand-in (audited)',
  responses: { 204: { description: 'Removed (or there was none).' }, 401: problemResponses[401] },
});

const requestContext = (c: Context<AppEnv>): RequestContext => {
  const { requestId, ip } = auditContext(c);
  return { requestId, ip };
};

async function itemOf(c: Context<AppEnv>, request: ApprovalRequestRecord) {
  const [item] = await toItemViews(c.var.db, [request]);
  c.header('ETag', etagFor(request.version));
  return item!;
}

export function approvalRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  for (const path of ['/approvals/:id/decision', '/approvals/:id/respond', '/approvals/:id/withdraw', '/approvals/bulk-decision']) app.use(path, idempotency());
  return app
    .openapi(listRoute, async (c) => {
      const { box, type, limit, cursor } = c.req.valid('query');
      const after = cursor ? (decodeCursor(cursor, ['instant', 'text']).map(String) as InboxCursor) : undefined;
      const { items, keys } = await listInbox(c.var.db, c.var.principal, { box, type, limit, after });
      const page = toPage(
        items.map((v, i) => ({ v, k: keys[i]! })),
        limit,
        (r) => r.v,
        (r) => r.k,
      );
      return c.json(page, 200);
    })
    .openapi(getRoute, async (c) => {
      const { request, view } = await loadApprovalDetail(c.var.db, c.var.principal, c.req.valid('param').id);
      c.header('ETag', etagFor(request.version));
      c.header('Cache-Control', 'no-store');
      return c.json(view, 200);
    })
    .openapi(decideRoute, async (c) => {
      const expectedVersion = ifMatchVersion(c);
      const { request, outcome } = await decideApproval(c.var.db, c.var.principal, c.req.valid('param').id, c.req.valid('json'), {
        expectedVersion,
        context: requestContext(c),
      });
      return c.json({ ...(await itemOf(c, request)), outcome }, 200);
    })
    .openapi(respondRoute, async (c) => {
      const expectedVersion = ifMatchVersion(c);
      const request = await respondToApproval(c.var.db, c.var.principal, c.req.valid('param').id, c.req.valid('json'), { expectedVersion, context: requestContext(c) });
      return c.json(await itemOf(c, request), 200);
    })
    .openapi(withdrawRoute, async (c) => {
      const expectedVersion = ifMatchVersion(c);
      const request = await withdrawApproval(c.var.db, c.var.principal, c.req.valid('param').id, {
        expectedVersion,
        comment: c.req.valid('json').comment ?? null,
        context: requestContext(c),
      });
      return c.json(await itemOf(c, request), 200);
    })
    .openapi(bulkRoute, async (c) => {
      const { ids, comment } = c.req.valid('json');
      const results: z.infer<typeof BulkResult>['results'] = [];
      // One transaction per item: each is decided exactly once, and one refusal does not undo the others.
      for (const id of ids) {
        try {
          const { request, outcome } = await decideApproval(c.var.db, c.var.principal, id, { action: 'approve', comment }, { context: requestContext(c) });
          results.push({ id, httpStatus: 200, outcome: outcome as 'approved' | 'advanced', status: request.status, etag: etagFor(request.version) });
        } catch (error) {
          if (!(error instanceof ApiProblem)) throw error;
          results.push({ id, httpStatus: error.status, code: error.code, detail: error.message });
        }
      }
      const succeeded = results.filter((r) => r.httpStatus === 200).length;
      return c.json({ results, succeeded, failed: results.length - succeeded }, 200);
    })
    .openapi(getDelegationRoute, async (c) => c.json(await getDelegation(c.var.db, c.var.principal.employeeId), 200))
    .openapi(putDelegationRoute, async (c) => c.json(await setDelegation(c.var.db, c.var.principal, c.req.valid('json'), requestContext(c)), 200))
    .openapi(deleteDelegationRoute, async (c) => {
      await clearDelegation(c.var.db, c.var.principal, requestContext(c));
      return c.body(null, 204);
    });
}

