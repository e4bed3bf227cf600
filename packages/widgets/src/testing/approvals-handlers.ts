// Test and Storybook helper (not shipped): msw handlers that behave like the reference server's
// approvals inbox for one line manager, statefully: list (pending / decided, cursor pages of up to 100),
// detail with context and ETag, decisions with If-Match (decided exactly once), bulk approve, the
// events feed, and the team calendar. `pushDecision` plays another approver deciding meanwhile.
import { HttpResponse, delay, http } from 'msw';
import type { ApprovalDetail, ApprovalItem, EsrEvent, TeamCalendar } from '@esr/sdk';
import { problem } from '@esr/sdk/testing';
import { MANAGER, MANAGER_ID, NONE, leaveApproval } from './approval-fixtures.ts';

export { leaveApproval };

export type ApprovalsScenario = 'data' | 'empty' | 'error' | 'unauthorised' | 'slow' | 'offline';

export interface ApprovalsHandlerOptions {
  scenario?: ApprovalsScenario;
  /** How many pending leave requests (default 6). */
  pending?: number;
  /** Include a pending name change (default true). */
  nameChange?: boolean;
}


function json(body: unknown, init: { status?: number; etag?: string } = {}) {
  return HttpResponse.json(body as Record<string, unknown>, { status: init.status ?? 200, headers: init.etag ? { ETag: init.etag } : {} });
}
function problemJson(status: number, code: string, detail: string, errors?: Array<{ path: string; message: string; code: string }>) {
  return HttpResponse.json(
    { type: `urn:esr:problem:${code}`, title: detail, status, code, detail, requestId: 'req_mock0000000003', ...(errors ? { errors } : {}) },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

function nameChangeApproval(): ApprovalItem {
  return {
    ...leaveApproval(0),
    id: 'apr_name000001',
    type: 'personal_details.name_change',
    summary: 'Name change to Amelia Rhys (marriage)',
    subjectRef: null,
    payload: { title: null, firstName: 'Amelia', lastName: 'Rhys', reason: 'marriage' },
    route: ['hr'],
    currentStep: { index: 0, kind: 'hr', approverKind: 'hr_pool', approver: NONE, standIn: NONE },
  };
}

export interface ApprovalsMock {
  handlers: ReturnType<typeof http.get>[];
  /** Another approver decides `id` (or a new request arrives when `id` is new): the feed reports it. */
  pushDecision(id: string, status: ApprovalItem['status']): void;
  pending(): ApprovalItem[];
  /** How many clients have asked the feed for its newest position (`from=latest`), i.e. started following it. */
  followers(): number;
}

export function createApprovalsMock(options: ApprovalsHandlerOptions = {}): ApprovalsMock {
  const scenario = options.scenario ?? 'data';
  const count = scenario === 'empty' ? 0 : (options.pending ?? 6);
  const items = new Map<string, ApprovalItem>();
  for (let i = 0; i < count; i++) {
    const item = leaveApproval(i);
    items.set(item.id, item);
  }
  if (scenario !== 'empty' && options.nameChange !== false) items.set('apr_name000001', nameChangeApproval());
  const decided: ApprovalItem[] = scenario === 'empty' ? [] : [leaveApproval(900, 'approved'), leaveApproval(901, 'rejected')];
  const events: EsrEvent[] = [];
  const idempotent = new Map<string, unknown>();
  let followers = 0;

  const guard = async (): Promise<Response | undefined> => {
    if (scenario === 'slow') await delay('infinite');
    if (scenario === 'offline') return HttpResponse.error();
    if (scenario === 'unauthorised') return problem(401, 'unauthenticated', 'You are not signed in', 'The bearer token is invalid or has expired: sign in again.');
    if (scenario === 'error') return problem(500, 'internal_error', 'Something went wrong on our side', 'The error has been logged; quote the request id.');
    return undefined;
  };
  const pendingList = () => [...items.values()].filter((i) => i.status === 'pending' || i.status === 'info_requested');
  const emit = (item: ApprovalItem, type: string) =>
    events.push({ id: String(events.length + 1), type, occurredAt: new Date().toISOString(), resourceType: 'approval_request', resourceId: item.id, subjectEmployeeId: item.subject.id, actorEmployeeId: MANAGER_ID, data: { status: item.status } });

  const decide = (item: ApprovalItem, status: ApprovalItem['status']) => {
    const next: ApprovalItem = { ...item, status, version: item.version + 1, currentStep: status === 'pending' || status === 'info_requested' ? item.currentStep : NONE, decidedAt: new Date().toISOString(), decidedBy: MANAGER };
    items.set(item.id, next);
    if (status !== 'pending' && status !== 'info_requested') decided.unshift(next);
    emit(next, `approval.${status}`);
    return next;
  };

  const detail = (item: ApprovalItem): ApprovalDetail => {
    const p = item.payload as { startDate?: string; endDate?: string; minutes?: number; type?: string };
    const context =
      item.type === 'leave.request'
        ? {
            leave: { type: p.type, startDate: p.startDate, endDate: p.endDate, minutes: p.minutes },
            balance: { kind: 'annual', availableMinutes: 6750, pendingMinutes: p.minutes },
            teamMembersOff: [{ employeeId: 'emp_0000000200', name: 'Nia Roberts', startDate: p.startDate, endDate: p.startDate, status: 'approved' }],
          }
        : { currentName: { title: null, firstName: 'Amelia', lastName: 'Hughes' }, requestedName: item.payload, reason: 'marriage' };
    const open = item.status === 'pending' || item.status === 'info_requested';
    return {
      ...item,
      yourActions: open ? ['approve', 'reject', 'request_info', 'reassign'] : [],
      history: [{ at: item.createdAt, action: 'submitted', step: 0, actor: item.requestedBy as never, onBehalfOf: NONE, comment: null, approverKind: null, approver: NONE, standIn: NONE }],
      context,
    };
  };

  const handlers = [
    http.get('*/v1/approvals', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const url = new URL(request.url);
      const box = url.searchParams.get('box') ?? 'pending';
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const all = box === 'decided' ? decided : pendingList();
      const data = all.slice(start, start + limit);
      const hasMore = start + limit < all.length;
      return json({ data, hasMore, nextCursor: hasMore ? String(start + limit) : null });
    }),
    http.get('*/v1/approvals/:id', async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const item = items.get(String(params['id'])) ?? decided.find((d) => d.id === params['id']);
      if (!item) return problemJson(404, 'not_found', 'No such approval request.');
      return json(detail(item), { etag: `"v${item.version}"` });
    }),
    http.post('*/v1/approvals/:id/decision', async ({ params, request }) => {
      const failure = await guard();
      if (failure) return failure;
      const key = request.headers.get('idempotency-key') ?? '';
      if (idempotent.has(key)) return json(idempotent.get(key), { etag: `"v${(idempotent.get(key) as ApprovalItem).version}"` });
      const item = items.get(String(params['id']));
      if (!item) return problemJson(404, 'not_found', 'No such approval request.');
      if (item.status !== 'pending' && item.status !== 'info_requested') return problemJson(409, 'already_decided', 'Someone else has already decided this request.');
      if (request.headers.get('if-match') !== `"v${item.version}"`) return problemJson(412, 'precondition_failed', 'The request changed since you read it.');
      const body = (await request.json()) as { action: string; reason?: string; comment?: string; reassignTo?: string };
      if (body.action === 'reject' && !body.reason?.trim()) return problemJson(400, 'validation_failed', 'A reason is required to reject', [{ path: 'body.reason', message: 'Enter a reason', code: 'required' }]);
      if (body.action === 'request_info' && !body.comment?.trim()) return problemJson(400, 'validation_failed', 'A question is required', [{ path: 'body.comment', message: 'Enter your question', code: 'required' }]);
      if (body.action === 'reassign' && !/^emp_\w+$/.test(body.reassignTo ?? '')) return problemJson(400, 'validation_failed', 'Reassign needs an employee id', [{ path: 'body.reassignTo', message: 'Enter an employee ID, like emp_0000000009', code: 'invalid_format' }]);
      const status = body.action === 'approve' ? 'approved' : body.action === 'reject' ? 'rejected' : body.action === 'request_info' ? 'info_requested' : 'pending';
      const next = decide(item, status);
      if (body.action === 'reassign') items.delete(item.id);
      const outcome = body.action === 'approve' ? 'approved' : body.action === 'reject' ? 'rejected' : body.action === 'request_info' ? 'info_requested' : 'reassigned';
      const result = { ...next, outcome };
      idempotent.set(key, result);
      return json(result, { etag: `"v${next.version}"` });
    }),
    http.post('*/v1/approvals/bulk-decision', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const body = (await request.json()) as { ids: string[] };
      const results = body.ids.map((id) => {
        const item = items.get(id);
        if (!item) return { id, httpStatus: 404, code: 'not_found', detail: 'No such approval request.' };
        if (item.status !== 'pending') return { id, httpStatus: 409, code: 'already_decided', detail: 'Someone else has already decided this request.' };
        const next = decide(item, 'approved');
        return { id, httpStatus: 200, outcome: 'approved' as const, status: next.status, etag: `"v${next.version}"` };
      });
      const succeeded = results.filter((r) => r.httpStatus === 200).length;
      return json({ results, succeeded, failed: results.length - succeeded });
    }),
    http.get('*/v1/events', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const url = new URL(request.url);
      if (!url.searchParams.get('cursor') && url.searchParams.get('from') === 'latest') {
        followers++;
        return json({ data: [], hasMore: false, nextCursor: String(events.length) });
      }
      const after = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const data = events.slice(after, after + limit);
      const end = after + data.length;
      return json({ data, hasMore: end < events.length, nextCursor: String(end) });
    }),
    http.get('*/v1/me/team-calendar', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const url = new URL(request.url);
      const from = url.searchParams.get('from') ?? '';
      const to = url.searchParams.get('to') ?? '';
      const body: TeamCalendar = {
        from,
        to,
        view: 'manager',
        people: [
          { employeeId: 'emp_0000000200', name: 'Nia Roberts', absences: [{ startDate: from, endDate: from, kind: 'annual', status: 'approved', half: null }] },
          { employeeId: 'emp_0000000201', name: 'Jack Taylor', absences: [{ startDate: from, endDate: to, kind: 'sickness', status: 'open', half: null }] },
          { employeeId: 'emp_0000000202', name: 'Rhys Morgan', absences: [] },
        ],
      };
      return json(body);
    }),
  ];

  return {
    handlers: handlers as ApprovalsMock['handlers'],
    pushDecision(id, status) {
      const item = items.get(id);
      if (item) decide(item, status);
      else {
        const added = { ...leaveApproval(items.size + 500), id };
        items.set(id, added);
        emit(added, 'approval.submitted');
      }
    },
    pending: pendingList,
    followers: () => followers,
  };
}
