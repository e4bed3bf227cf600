// Approvals engine over HTTP: every action and rule, delegation, multi-level routing, who may see and
// decide which item, and the exactly-once property — on PGlite, or PostgreSQL with DATABASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import type { Principal } from '../src/auth/principal.ts';
import { rowsOf } from '../src/db/migrate.ts';
import { approvalRequests, auditEvents, employees } from '../src/db/schema.ts';
import { approvalHistory, events } from '../src/db/schema-approvals.ts';
import { decideApproval, registerApprovalType, setApprovalRule, submitApproval } from '../src/domain/approvals/index.ts';
import type { ApprovalRequestRecord } from '../src/domain/approvals/index.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { asOf, createHarness, engine, readProblem } from './helpers/harness.ts';
import type { Harness, TestResponse } from './helpers/harness.ts';

type Who = 'self' | 'manager' | 'senior' | 'peer' | 'standIn' | 'hrA' | 'hrB' | 'hrLead' | 'hrOther';

const applied: string[] = [];
registerApprovalType({
  type: 'test.simple',
  async onApproved(_tx, request) {
    applied.push(request.id);
  },
  summary: (r) => `Simple ${String(r.payload['n'] ?? '')}`,
  context: async () => ({ extra: 'from the handler' }),
});

describe(`approvals engine on ${engine}`, () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const ids = {} as Record<Who, string>;
  const tokens = {} as Record<Who, string>;
  const principals = {} as Record<Who, Principal>;
  const today = new Date().toISOString().slice(0, 10);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

  before(async () => {
    h = await createHarness({ seed: false });
    await seedDatabase(h.database, { staff: 150, organisations: 2, asOf, payslipMonths: 0 });
    app = createApp({ database: h.database, verifier: h.demo, rateLimit: false });

    const q = async (query: ReturnType<typeof sql>) => rowsOf<Record<string, string>>(await h.database.db.execute(query));
    // A leaf with a line manager and a manager's manager, none of them HR, the senior not at the top.
    const [leaf] = await q(sql`
      SELECT a.employee_id AS self, a.supervisor_employee_id AS manager, s.supervisor_employee_id AS senior
        FROM assignments a JOIN assignments s ON s.employee_id = a.supervisor_employee_id
        JOIN assignments t ON t.employee_id = s.supervisor_employee_id
       WHERE a.organisation_id = 'org_00' AND t.supervisor_employee_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM assignments r WHERE r.supervisor_employee_id = a.employee_id)
         AND NOT EXISTS (SELECT 1 FROM employees e WHERE e.id IN (a.employee_id, a.supervisor_employee_id, s.supervisor_employee_id) AND cardinality(e.roles) > 0)
       ORDER BY a.employee_id LIMIT 1`);
    ids.self = leaf!['self']!;
    ids.manager = leaf!['manager']!;
    ids.senior = leaf!['senior']!;
    const chain = new Set([ids.self, ids.manager, ids.senior]);
    const others = await q(sql`
      SELECT e.id FROM employees e WHERE e.organisation_id = 'org_00' AND cardinality(e.roles) = 0
         AND NOT EXISTS (SELECT 1 FROM assignments r WHERE r.supervisor_employee_id = e.id)
       ORDER BY e.id DESC LIMIT 10`);
    const free = others.map((r) => r['id']!).filter((id) => !chain.has(id));
    ids.peer = free[0]!;
    ids.standIn = free[1]!;
    const hrs = await q(sql`
      SELECT e.id FROM employees e JOIN assignments a ON a.employee_id = e.id
       WHERE e.organisation_id = 'org_00' AND 'hr_admin' = ANY(e.roles) AND a.supervisor_employee_id IS NOT NULL
       ORDER BY e.id`);
    assert.ok(hrs.length >= 2, 'the seed has at least two HR admins');
    ids.hrA = hrs[0]!['id']!;
    ids.hrB = hrs[1]!['id']!;
    const [lead] = await q(sql`SELECT supervisor_employee_id AS id FROM assignments WHERE employee_id = ${ids.hrA}`);
    ids.hrLead = lead!['id']!;
    const [other] = await q(sql`SELECT id FROM employees WHERE organisation_id = 'org_01' AND 'hr_admin' = ANY(roles) LIMIT 1`);
    ids.hrOther = other!['id']!;
    for (const who of Object.keys(ids) as Who[]) {
      const [row] = await h.database.db.select({ roles: employees.roles, org: employees.organisationId }).from(employees).where(eq(employees.id, ids[who]));
      principals[who] = { employeeId: ids[who], organisationId: row!.org, roles: row!.roles as Principal['roles'] };
      tokens[who] = await h.demo.sign({ sub: ids[who], org: row!.org, roles: row!.roles as Principal['roles'] });
    }
  });
  after(() => h.close());

  const call = async (who: Who, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const etagOf = async (who: Who, id: string) => {
    const res = await call(who, 'GET', `/v1/approvals/${id}`);
    assert.equal(res.status, 200, `${who} reads ${id}`);
    return res.headers.get('etag')!;
  };
  const decide = async (who: Who, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call(who, 'POST', `/v1/approvals/${id}/decision`, body, { 'if-match': await etagOf(who, id), ...headers });
  const nameChange = async (who: Who = 'self', firstName = 'Annabel') => {
    const res = await call(who, 'POST', `/v1/people/${ids[who]}/name-change-requests`, { firstName, lastName: 'Tester', reason: 'marriage' });
    // Mounted by createApp: people routes.
    assert.equal(res.status, 202);
    return (await res.json()).id as string;
  };
  const simple = (n: number, requestedBy: Who = 'self', subject: Who = requestedBy): Promise<ApprovalRequestRecord> =>
    h.database.db.transaction((tx) =>
      submitApproval(tx, { organisationId: 'org_00', type: 'test.simple', subjectEmployeeId: ids[subject], requestedBy: ids[requestedBy], payload: { n }, subjectRef: `tst_${n}` }),
    );
  const nameOf = async (who: Who) => (await h.database.db.select().from(employees).where(eq(employees.id, ids[who])))[0]!;

  test('a name change is an approval item routed to the line manager, with summary, context and ETag', async () => {
    const id = await nameChange();
    const res = await call('manager', 'GET', `/v1/approvals/${id}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('etag')!, /^"v\d+"$/);
    const item = await res.json();
    assert.equal(item.type, 'personal_details.name_change');
    assert.equal(item.status, 'pending');
    assert.deepEqual(item.route, ['line_manager', 'hr']);
    assert.equal(item.currentStep.kind, 'line_manager');
    assert.equal(item.currentStep.approver.id, ids.manager);
    assert.match(item.summary, /Name change to Annabel Tester \(marriage\)/);
    assert.equal(item.context.requestedName.firstName, 'Annabel');
    assert.ok(item.context.subjectAssignment.jobTitle);
    assert.deepEqual(item.yourActions, ['approve', 'reject', 'request_info', 'reassign']);
    assert.deepEqual(item.history.map((e: { action: string }) => e.action), ['submitted', 'routed']);
    const inbox = await (await call('manager', 'GET', '/v1/approvals?box=pending')).json();
    assert.ok(inbox.data.some((i: { id: string }) => i.id === id));
    const hrInbox = await (await call('hrA', 'GET', '/v1/approvals?box=pending')).json();
    assert.ok(!hrInbox.data.some((i: { id: string }) => i.id === id), 'not HR’s until the line manager approves');
    const mine = await (await call('self', 'GET', '/v1/approvals?box=mine&type=personal_details.name_change')).json();
    assert.ok(mine.data.some((i: { id: string }) => i.id === id));
  });

  test('who may see and decide: requester, approver, HR, outsider, other organisation', async () => {
    const id = await nameChange('self', 'Visibility');
    const expectations: Array<[Who, number, number]> = [
      // who, GET status, approve status
      ['self', 200, 403], // self-approval forbidden
      ['hrA', 200, 403], // HR sees every request of the organisation, decides only the HR step
      ['peer', 404, 404], // outsider in the same organisation
      ['senior', 404, 404], // above the manager, but not the approver
      ['hrOther', 404, 404], // another organisation
    ];
    const managerTag = await etagOf('manager', id);
    for (const [who, read, approve] of expectations) {
      assert.equal((await call(who, 'GET', `/v1/approvals/${id}`)).status, read, `${who} GET`);
      const res = await call(who, 'POST', `/v1/approvals/${id}/decision`, { action: 'approve' }, { 'if-match': managerTag });
      assert.equal(res.status, approve, `${who} approve`);
      await readProblem(res);
    }
    const self = await (await call('self', 'GET', `/v1/approvals/${id}`)).json();
    assert.deepEqual(self.yourActions, ['withdraw']);
    assert.equal((await call('manager', 'POST', `/v1/approvals/${id}/decision`, { action: 'approve' }, { 'if-match': managerTag })).status, 200);
  });

  test('reject needs a reason (400 naming the field); a decided request is final (409); If-Match is required (428) and checked (412)', async () => {
    const id = await nameChange('self', 'Rejected');
    const noReason = await decide('manager', id, { action: 'reject' });
    assert.equal(noReason.status, 400);
    const problem = await readProblem(noReason);
    assert.equal(problem.errors![0]!.path, 'json.reason');
    const unknown = await decide('manager', id, { action: 'approve', colour: 'red' });
    assert.equal(unknown.status, 400);
    assert.equal((await readProblem(unknown)).errors![0]!.path, 'json.colour');
    const noIfMatch = await call('manager', 'POST', `/v1/approvals/${id}/decision`, { action: 'approve' });
    assert.equal(noIfMatch.status, 428);
    const stale = await call('manager', 'POST', `/v1/approvals/${id}/decision`, { action: 'approve' }, { 'if-match': '"v999"' });
    assert.equal(stale.status, 412);
    const before = await nameOf('self');
    const res = await decide('manager', id, { action: 'reject', reason: 'Please attach the marriage certificate' });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.status, 'rejected');
    assert.equal(body.outcome, 'rejected');
    assert.equal(body.currentStep, null);
    assert.equal(res.headers.get('etag'), `"v${body.version}"`);
    const again = await call('manager', 'POST', `/v1/approvals/${id}/decision`, { action: 'approve' }, { 'if-match': res.headers.get('etag')! });
    assert.equal(again.status, 409);
    assert.equal((await readProblem(again)).code, 'already_decided');
    assert.equal((await nameOf('self')).firstName, before.firstName, 'a rejected change is not applied');
    const detail = await (await call('self', 'GET', `/v1/approvals/${id}`)).json();
    assert.equal(detail.history.at(-1).comment, 'Please attach the marriage certificate');
    const decided = await (await call('manager', 'GET', '/v1/approvals?box=decided')).json();
    assert.ok(decided.data.some((i: { id: string }) => i.id === id));
  });

  test('multi-level: line manager, then any HR admin; approval applies the change in the same transaction', async () => {
    const id = await nameChange('self', 'Multilevel');
    const step1 = await decide('manager', id, { action: 'approve', comment: 'Fine by me' });
    assert.equal(step1.status, 200);
    const advanced = await step1.json();
    assert.equal(advanced.outcome, 'advanced');
    assert.equal(advanced.status, 'pending');
    assert.equal(advanced.currentStep.kind, 'hr');
    assert.equal(advanced.currentStep.approverKind, 'hr_pool');
    assert.equal((await nameOf('self')).firstName === 'Multilevel', false, 'not applied after the first level');
    // The manager can still see it (they acted on it) but no longer decide it.
    assert.equal((await decide('manager', id, { action: 'approve' })).status, 403);
    const hrInbox = await (await call('hrB', 'GET', '/v1/approvals?box=pending&type=personal_details.name_change')).json();
    assert.ok(hrInbox.data.some((i: { id: string }) => i.id === id), 'in every HR admin’s inbox');
    const before = await nameOf('self');
    const step2 = await decide('hrB', id, { action: 'approve' });
    assert.equal(step2.status, 200);
    assert.equal((await step2.json()).outcome, 'approved');
    const after = await nameOf('self');
    assert.equal(after.firstName, 'Multilevel');
    assert.equal(after.lastName, 'Tester');
    assert.equal(after.detailsVersion, before.detailsVersion + 1);
  });

  test('request more information → the requester answers and resubmits → back to the same approver', async () => {
    const id = await nameChange('self', 'Info');
    const noQuestion = await decide('manager', id, { action: 'request_info' });
    assert.equal(noQuestion.status, 400);
    assert.equal((await readProblem(noQuestion)).errors![0]!.path, 'json.comment');
    const asked = await decide('manager', id, { action: 'request_info', comment: 'Which date did it take effect?' });
    assert.equal(asked.status, 200);
    assert.equal((await asked.json()).status, 'info_requested');
    const blocked = await decide('manager', id, { action: 'approve' });
    assert.equal(blocked.status, 409);
    assert.equal((await readProblem(blocked)).code, 'awaiting_information');
    assert.ok(!(await (await call('manager', 'GET', '/v1/approvals')).json()).data.some((i: { id: string }) => i.id === id));
    const notRequester = await call('manager', 'POST', `/v1/approvals/${id}/respond`, { comment: 'x' }, { 'if-match': await etagOf('manager', id) });
    assert.equal(notRequester.status, 403);
    const mineDetail = await (await call('self', 'GET', `/v1/approvals/${id}`)).json();
    assert.deepEqual(mineDetail.yourActions, ['respond', 'withdraw']);
    const answered = await call('self', 'POST', `/v1/approvals/${id}/respond`, { comment: '1 October' }, { 'if-match': await etagOf('self', id) });
    assert.equal(answered.status, 200);
    const body = await answered.json();
    assert.equal(body.status, 'pending');
    assert.equal(body.currentStep.approver.id, ids.manager);
    assert.ok((await (await call('manager', 'GET', '/v1/approvals')).json()).data.some((i: { id: string }) => i.id === id));
    const history = (await (await call('manager', 'GET', `/v1/approvals/${id}`)).json()).history;
    assert.deepEqual(history.map((e: { action: string }) => e.action), ['submitted', 'routed', 'info_requested', 'responded']);
    assert.equal(history[3].comment, '1 October');
  });

  test('reassign only to an eligible approver (a manager above the subject, or HR)', async () => {
    const id = await nameChange('self', 'Reassign');
    const toPeer = await decide('manager', id, { action: 'reassign', reassignTo: ids.peer });
    assert.equal(toPeer.status, 400);
    const p = await readProblem(toPeer);
    assert.equal(p.errors![0]!.path, 'json.reassignTo');
    assert.equal(p.errors![0]!.code, 'ineligible_approver');
    for (const who of ['self', 'hrOther'] as const) {
      const res = await decide('manager', id, { action: 'reassign', reassignTo: ids[who] });
      assert.equal(res.status, 400, `reassign to ${who}`);
    }
    const ok = await decide('manager', id, { action: 'reassign', reassignTo: ids.senior, comment: 'I am conflicted' });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).currentStep.approver.id, ids.senior);
    const managerTag = `"v${(await h.database.db.select().from(approvalRequests).where(eq(approvalRequests.id, id)))[0]!.version}"`;
    assert.equal((await call('manager', 'POST', `/v1/approvals/${id}/decision`, { action: 'approve' }, { 'if-match': managerTag })).status, 403);
    const senior = await decide('senior', id, { action: 'approve' });
    assert.equal(senior.status, 200);
    assert.equal((await senior.json()).outcome, 'advanced');
  });

  test('withdraw: the requester only, before a decision', async () => {
    const id = await nameChange('self', 'Withdrawn');
    const byManager = await call('manager', 'POST', `/v1/approvals/${id}/withdraw`, {}, { 'if-match': await etagOf('manager', id) });
    assert.equal(byManager.status, 403);
    const byOutsider = await call('peer', 'POST', `/v1/approvals/${id}/withdraw`, {}, { 'if-match': '"v1"' });
    assert.equal(byOutsider.status, 404);
    const res = await call('self', 'POST', `/v1/approvals/${id}/withdraw`, { comment: 'Changed my mind' }, { 'if-match': await etagOf('self', id) });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'withdrawn');
    const late = await call('manager', 'POST', `/v1/approvals/${id}/decision`, { action: 'approve' }, { 'if-match': await etagOf('manager', id) });
    assert.equal(late.status, 409);
  });

  test('rules: per organisation and type; a step that lands on the requester escalates; self-approval is impossible', async () => {
    // Default for an unknown type: the line manager.
    const a = await simple(1);
    assert.equal(a.approverEmployeeId, ids.manager);
    // The manager raising it for their report: escalates to the manager's manager.
    const b = await simple(2, 'manager', 'self');
    assert.equal(b.approverEmployeeId, ids.senior);
    await setApprovalRule(h.database.db, 'org_00', 'test.simple', ['managers_manager']);
    const c = await simple(3);
    assert.equal(c.approverEmployeeId, ids.senior);
    await setApprovalRule(h.database.db, 'org_00', 'test.simple', 'hr');
    const d = await simple(4);
    assert.equal(d.approverKind, 'hr_pool');
    await setApprovalRule(h.database.db, 'org_00', 'test.simple', ['line_manager', 'managers_manager', 'hr']);
    const e = await simple(5);
    assert.deepEqual(e.route, ['line_manager', 'managers_manager', 'hr']);
    const r1 = await decideApproval(h.database.db, principals.manager, e.id, { action: 'approve' });
    assert.equal(r1.request.approverEmployeeId, ids.senior);
    const r2 = await decideApproval(h.database.db, principals.senior, e.id, { action: 'approve' });
    assert.equal(r2.request.approverKind, 'hr_pool');
    const r3 = await decideApproval(h.database.db, principals.hrA, e.id, { action: 'approve' });
    assert.equal(r3.outcome, 'approved');
    assert.deepEqual(applied.filter((x) => x === e.id), [e.id]);
    // An HR admin's own name change: the HR step is decided by another HR admin, never by them.
    const own = await nameChange('hrA', 'Hrself');
    const line = await decide('hrLead', own, { action: 'approve' });
    assert.equal(line.status, 200);
    assert.ok(!(await (await call('hrA', 'GET', '/v1/approvals')).json()).data.some((i: { id: string }) => i.id === own));
    const selfApprove = await decide('hrA', own, { action: 'approve' });
    assert.equal(selfApprove.status, 403);
    assert.equal((await decide('hrB', own, { action: 'approve' })).status, 200);
    assert.equal((await nameOf('hrA')).firstName, 'Hrself');
  });

  test('delegation: a stand-in gets new and pending items during the range; both appear in the audit trail', async () => {
    const pendingBefore = await nameChange('self', 'Delegated');
    assert.equal((await call('standIn', 'GET', `/v1/approvals/${pendingBefore}`)).status, 404, 'not theirs before the delegation');
    const selfDelegate = await call('manager', 'PUT', '/v1/me/delegation', { delegateEmployeeId: ids.manager, startsOn: today, endsOn: inAWeek });
    assert.equal(selfDelegate.status, 400);
    assert.equal((await readProblem(selfDelegate)).errors![0]!.path, 'json.delegateEmployeeId');
    const otherOrg = await call('manager', 'PUT', '/v1/me/delegation', { delegateEmployeeId: ids.hrOther, startsOn: today, endsOn: inAWeek });
    assert.equal(otherOrg.status, 400);
    const backwards = await call('manager', 'PUT', '/v1/me/delegation', { delegateEmployeeId: ids.standIn, startsOn: inAWeek, endsOn: today });
    assert.equal(backwards.status, 400);
    const set = await call('manager', 'PUT', '/v1/me/delegation', { delegateEmployeeId: ids.standIn, startsOn: today, endsOn: inAWeek });
    assert.equal(set.status, 200);
    const delegation = await set.json();
    assert.equal(delegation.active, true);
    assert.equal(delegation.delegateEmployeeId, ids.standIn);
    assert.deepEqual(await (await call('manager', 'GET', '/v1/me/delegation')).json(), delegation);
    const audit = await h.database.db.select().from(auditEvents).where(and(eq(auditEvents.resource, 'approval_delegation'), eq(auditEvents.actorEmployeeId, ids.manager)));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.subjectEmployeeId, ids.standIn);

    const pendingAfter = await nameChange('self', 'Delegated2');
    const inbox = await (await call('standIn', 'GET', '/v1/approvals?box=pending')).json();
    const inboxIds = inbox.data.map((i: { id: string }) => i.id);
    assert.ok(inboxIds.includes(pendingBefore) && inboxIds.includes(pendingAfter), 'pending and new items');
    const detail = await (await call('standIn', 'GET', `/v1/approvals/${pendingAfter}`)).json();
    assert.equal(detail.currentStep.approver.id, ids.manager);
    assert.equal(detail.currentStep.standIn.id, ids.standIn);
    // The list builds its items in one statement, the detail from separate lookups: the same item either way.
    const listed = inbox.data.find((i: { id: string }) => i.id === pendingAfter);
    const { yourActions: _actions, history: _history, context: _context, ...detailItem } = detail;
    assert.deepEqual(listed, detailItem);
    assert.match(listed.currentStep.standIn.name, /\S+ \S+/, 'the stand-in by name');
    assert.equal(detail.history.find((e: { action: string }) => e.action === 'routed').standIn.id, ids.standIn);
    const res = await decide('standIn', pendingBefore, { action: 'approve' });
    assert.equal(res.status, 200);
    const [approved] = await h.database.db.select().from(approvalHistory).where(and(eq(approvalHistory.requestId, pendingBefore), eq(approvalHistory.action, 'approved')));
    assert.equal(approved!.actorEmployeeId, ids.standIn);
    assert.equal(approved!.onBehalfOf, ids.manager);
    const standInAudit = await h.database.db.select().from(auditEvents).where(and(eq(auditEvents.actorEmployeeId, ids.standIn), eq(auditEvents.action, 'approve_step')));
    assert.equal(standInAudit.length, 1);
    assert.equal(standInAudit[0]!.changes!['role']!.to, 'stand_in');

    assert.equal((await call('manager', 'DELETE', '/v1/me/delegation')).status, 204);
    assert.equal(await (await call('manager', 'GET', '/v1/me/delegation')).json(), null);
    assert.equal((await call('standIn', 'GET', `/v1/approvals/${pendingAfter}`)).status, 404, 'back with the manager');
    assert.equal((await decide('manager', pendingAfter, { action: 'approve' })).status, 200);
  });

  test('exactly once: 20 parallel approvals → one 200, the rest 409/412; the name changes once, one approved event', async () => {
    const id = await nameChange('self', 'Raced');
    assert.equal((await decide('manager', id, { action: 'approve' })).status, 200);
    const before = await nameOf('self');
    const tag = await etagOf('hrA', id);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(i % 2 === 0 ? 'hrA' : 'hrB', 'POST', `/v1/approvals/${id}/decision`, { action: 'approve' }, { 'if-match': tag })),
    );
    const statuses = results.map((r) => r.status).sort();
    assert.equal(statuses.filter((s) => s === 200).length, 1, `statuses: ${statuses.join(',')}`);
    assert.ok(statuses.every((s) => s === 200 || s === 409 || s === 412), `statuses: ${statuses.join(',')}`);
    const after = await nameOf('self');
    assert.equal(after.firstName, 'Raced');
    assert.equal(after.detailsVersion, before.detailsVersion + 1, 'applied exactly once');
    const approvedEvents = await h.database.db.select().from(events).where(and(eq(events.resourceId, id), eq(events.type, 'approval.approved')));
    assert.equal(approvedEvents.length, 1);
    const approvals = await h.database.db.select().from(approvalHistory).where(and(eq(approvalHistory.requestId, id), eq(approvalHistory.action, 'approved')));
    assert.equal(approvals.length, 2, 'one per level');
  });

  test('exactly once without If-Match races: 20 parallel engine decisions on one single-step item', async () => {
    await setApprovalRule(h.database.db, 'org_00', 'test.simple', 'line_manager');
    const item = await simple(20);
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => decideApproval(h.database.db, principals.manager, item.id, { action: 'approve' })));
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    for (const o of outcomes) if (o.status === 'rejected') assert.ok([409, 412].includes((o.reason as { status: number }).status), String(o.reason));
    assert.equal(applied.filter((x) => x === item.id).length, 1);
  });

  test('idempotent retry of a decision replays the first response', async () => {
    const id = await nameChange('self', 'Idem');
    const tag = await etagOf('manager', id);
    const first = await call('manager', 'POST', `/v1/approvals/${id}/decision`, { action: 'approve' }, { 'if-match': tag, 'idempotency-key': 'decide-1' });
    assert.equal(first.status, 200);
    const body = await first.json();
    const replay = await call('manager', 'POST', `/v1/approvals/${id}/decision`, { action: 'approve' }, { 'if-match': tag, 'idempotency-key': 'decide-1' });
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replay.json(), body);
    const other = await call('manager', 'POST', `/v1/approvals/${id}/decision`, { action: 'reject', reason: 'x' }, { 'if-match': tag, 'idempotency-key': 'decide-1' });
    assert.equal(other.status, 422);
    const [row] = await h.database.db.select().from(approvalRequests).where(eq(approvalRequests.id, id));
    assert.equal(row!.version, body.version, 'decided once');
  });

  test('bulk approve: per-item results, each exactly once', async () => {
    await setApprovalRule(h.database.db, 'org_00', 'test.simple', 'line_manager');
    const mineA = await simple(31);
    const mineB = await simple(32);
    const notMine = await simple(33, 'peer'); // routed to the peer's manager
    const done = await simple(34);
    await decideApproval(h.database.db, principals.manager, done.id, { action: 'reject', reason: 'no' });
    const res = await call('manager', 'POST', '/v1/approvals/bulk-decision', { action: 'approve', ids: [mineA.id, notMine.id, done.id, 'apr_missing', mineB.id] });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.deepEqual(body.results.map((r: { id: string; httpStatus: number }) => [r.id, r.httpStatus]), [
      [mineA.id, 200], [notMine.id, notMine.approverEmployeeId === ids.manager ? 200 : 404], [done.id, 409], ['apr_missing', 404], [mineB.id, 200],
    ]);
    assert.equal(body.results[0].outcome, 'approved');
    assert.equal(body.results[2].code, 'already_decided');
    assert.ok(applied.includes(mineA.id) && applied.includes(mineB.id) && !applied.includes(done.id));
    const again = await call('manager', 'POST', '/v1/approvals/bulk-decision', { action: 'approve', ids: [mineA.id] });
    assert.equal((await again.json()).results[0].httpStatus, 409);
    assert.equal(applied.filter((x) => x === mineA.id).length, 1);
    const reject = await call('manager', 'POST', '/v1/approvals/bulk-decision', { action: 'reject', ids: [mineA.id] });
    assert.equal(reject.status, 400);
  });

  test('inbox paging with a cursor', async () => {
    await setApprovalRule(h.database.db, 'org_00', 'test.simple', 'line_manager');
    for (let n = 40; n < 45; n++) await simple(n);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ id: string; type: string }>; nextCursor: string | null; hasMore: boolean } = await (
        await call('manager', 'GET', `/v1/approvals?box=pending&type=test.simple&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      assert.ok(page.data.length <= 2);
      seen.push(...page.data.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length);
    assert.ok(seen.length >= 5);
    assert.equal((await call('manager', 'GET', '/v1/approvals?box=all')).status, 400);
    assert.equal((await call('manager', 'GET', '/v1/approvals?cursor=nonsense')).status, 400);
  });

  test('events feed: cursor paging, newest last; HR sees the organisation, others their own, other organisations nothing', async () => {
    const all: Array<{ id: string; type: string; resourceId: string }> = [];
    let cursor: string | null = null;
    for (;;) {
      const res = await call('hrA', 'GET', `/v1/events?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200);
      const page: { data: typeof all; hasMore: boolean; nextCursor: string | null } = await res.json();
      all.push(...page.data);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const numeric = all.map((e) => Number(e.id));
    assert.deepEqual(numeric, [...numeric].sort((a, b) => a - b), 'oldest first, newest last');
    assert.equal(new Set(numeric).size, numeric.length);
    const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM events WHERE organisation_id = 'org_00'`));
    assert.equal(all.length, n);
    for (const t of ['approval.submitted', 'approval.step_approved', 'approval.approved', 'approval.rejected', 'approval.info_requested', 'approval.resubmitted', 'approval.reassigned', 'approval.withdrawn']) {
      assert.ok(all.some((e) => e.type === t), `has ${t}`);
    }
    // Polling from the last cursor: nothing new until something happens.
    const idle = await (await call('hrA', 'GET', `/v1/events?cursor=${cursor}`)).json();
    assert.deepEqual(idle.data, []);
    const id = await nameChange('self', 'Evented');
    const fresh = await (await call('hrA', 'GET', `/v1/events?cursor=${cursor}`)).json();
    assert.deepEqual(fresh.data.map((e: { type: string; resourceId: string }) => [e.type, e.resourceId]), [['approval.submitted', id]]);

    const selfEvents = await (await call('self', 'GET', '/v1/events?limit=100')).json();
    assert.ok(selfEvents.data.length > 0);
    const peerEvents = await (await call('peer', 'GET', '/v1/events?limit=100')).json();
    const peerOwn = await h.database.db.select().from(events).where(sql`${events.audience} @> ARRAY[${ids.peer}]::text[]`);
    assert.equal(peerEvents.data.length, Math.min(100, peerOwn.length), 'an outsider sees only events that involve them');
    const otherOrg = await (await call('hrOther', 'GET', '/v1/events?limit=100')).json();
    assert.deepEqual(otherOrg.data, []);
    const seniorEvents = await (await call('senior', 'GET', '/v1/events?limit=100')).json();
    assert.ok(seniorEvents.data.some((e: { type: string }) => e.type === 'approval.reassigned'), 'approvers see items they approve');
  });
});
