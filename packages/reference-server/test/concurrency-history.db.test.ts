// Concurrent runs recorded as histories (invoke / ok / fail / info) and checked for the invariants:
// no double approval, no negative leave balance (and a ledger that matches its requests), one payslip
// per employee and period, no over-capacity enrolment once the learning tables exist.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { decideApproval, registerApprovalType, setApprovalRule, submitApproval } from '../src/domain/approvals/index.ts';
import { ApiProblem } from '../src/http/problem.ts';
import { queryRows } from '../src/seed/bulk.ts';
import { engine } from './helpers/harness.ts';
import type { TestResponse } from './helpers/harness.ts';
import {
  History, checkAllInvariants, checkDefiniteAnswers, checkLeaveLedger, checkNoDoubleApproval, checkNoNegativeBalance, checkNoOverCapacity,
  checkOnePayslipPerPeriod, learningTablesExist,
} from './helpers/history.ts';
import type { HttpOutcome, Violation } from './helpers/history.ts';
import { leaveFixture } from './helpers/leave-fixture.ts';
import type { LeaveFixture, Who } from './helpers/leave-fixture.ts';

registerApprovalType({ type: 'test.history', async onApproved() {}, summary: () => 'History test (two levels)' });
registerApprovalType({ type: 'test.history_single', async onApproved() {}, summary: () => 'History test (one level)' });

const outcome = async (res: TestResponse): Promise<HttpOutcome> => ({ status: res.status, body: await res.json().catch(() => undefined) });
const noViolations = (violations: Violation[]) => assert.deepEqual(violations.map((v) => `${v.invariant}: ${v.detail}`), []);

describe(`concurrency histories on ${engine}`, () => {
  let f: LeaveFixture;
  let secondHrToken: string;

  before(async () => {
    f = await leaveFixture();
    const [hr2] = await f.q<{ id: string }>(
      sql`SELECT id FROM employees WHERE organisation_id = 'org_00' AND 'hr_admin' = ANY(roles) AND id <> ${f.ids.hr} AND id <> ${f.ids.self} ORDER BY id LIMIT 1`,
    );
    secondHrToken = await f.h.demo.sign({ sub: hr2!.id, org: 'org_00', roles: ['hr_admin'] });
    await setApprovalRule(f.h.database.db, 'org_00', 'test.history', ['line_manager', 'hr']);
    await setApprovalRule(f.h.database.db, 'org_00', 'test.history_single', 'line_manager');
  });
  after(() => f.h.close());

  const asHr2 = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    f.app.request(path, { method, headers: { authorization: `Bearer ${secondHrToken}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }) as Promise<TestResponse>;
  const approvalEtag = async (id: string) => (await f.call('hr', 'GET', `/v1/approvals/${id}`)).headers.get('etag')!;
  const newItem = (type: string, n: number) =>
    f.h.database.db.transaction((tx) =>
      submitApproval(tx, { organisationId: 'org_00', type, subjectEmployeeId: f.ids.self, requestedBy: f.ids.self, payload: { n }, subjectRef: `hst_${type}_${n}` }),
    );

  test('the checker itself: pairs invokes with completions, flags what it should', async () => {
    const h = new History();
    await Promise.all([
      h.run('a', 'decide', { id: 'apr_1', ifMatch: '"v1"', action: 'approve' }, async () => ({ status: 200 })),
      h.run('b', 'decide', { id: 'apr_1', ifMatch: '"v1"', action: 'approve' }, async () => ({ status: 200 })),
      h.run('c', 'read-balance', {}, async () => ({ status: 200, body: { availableMinutes: -15 } })),
      h.run('d', 'start-run', {}, async () => { throw new Error('connection reset'); }),
    ]);
    assert.equal(h.operations().length, 4);
    assert.equal(h.maxConcurrency(), 4);
    assert.deepEqual(checkDefiniteAnswers(h).length, 1, 'the thrown call is indeterminate');
    assert.ok((await checkNoDoubleApproval(h, f.h.database)).some((v) => v.detail.includes('2 decisions on apr_1')));
    assert.ok((await checkNoNegativeBalance(h, f.h.database)).some((v) => v.detail.includes('-15')));
    const enrolments = new History();
    await Promise.all(['a', 'b', 'c'].map((p) => enrolments.run(p, 'enrol', { sessionId: 'ses_1' }, async () => ({ status: 201, body: { status: 'enrolled' } }))));
    assert.ok((await checkNoOverCapacity(enrolments, f.h.database, new Map([['ses_1', 2]]))).some((v) => v.detail.includes('3 enrolled on ses_1')));
  });

  test('approvals: racing deciders, a withdrawal and two HR admins — every version is decided exactly once', async () => {
    const history = new History();
    const items = await Promise.all(Array.from({ length: 6 }, (_, n) => newItem('test.history', n)));
    // Step 1: six manager decisions (approve and reject mixed) and the requester's withdrawal race on each item, all with one ETag.
    const step1 = new Map<string, string>();
    for (const item of items) step1.set(item.id, await approvalEtag(item.id));
    await Promise.all(items.flatMap((item) => [
      ...Array.from({ length: 6 }, (_, i) => {
        const action = i % 2 === 0 ? 'approve' : 'reject';
        const input = { id: item.id, ifMatch: step1.get(item.id), action, step: 1 };
        return history.run(`manager-${item.id}-${i}`, 'decide', input, async () =>
          outcome(await f.call('manager', 'POST', `/v1/approvals/${item.id}/decision`, action === 'reject' ? { action, reason: 'Not now' } : { action }, { 'if-match': step1.get(item.id)! })));
      }),
      history.run(`self-${item.id}`, 'withdraw', { id: item.id, ifMatch: step1.get(item.id) }, async () =>
        outcome(await f.call('self', 'POST', `/v1/approvals/${item.id}/withdraw`, {}, { 'if-match': step1.get(item.id)! }))),
    ]));
    // Exactly one winner per item at step 1; the losers got 409/412, never 403 or 5xx.
    for (const item of items) {
      const ops = history.operations().filter((o) => o.input['id'] === item.id);
      assert.equal(ops.filter((o) => o.type === 'ok').length, 1, `step 1 of ${item.id}: ${ops.map((o) => o.output['status']).join(',')}`);
      for (const o of ops.filter((x) => x.type === 'fail')) assert.ok([409, 412].includes(Number(o.output['status'])), `${o.process}: ${String(o.output['status'])}`);
    }
    // Step 2 (the HR pool) for the items the manager approved: two HR admins race, four calls each.
    const atHr = [];
    for (const item of items) {
      const res = await f.call('hr', 'GET', `/v1/approvals/${item.id}`);
      const view = await res.json();
      if (view.status === 'pending') atHr.push({ id: item.id, etag: res.headers.get('etag')! });
    }
    assert.ok(atHr.length > 0 || items.length > 0);
    await Promise.all(atHr.flatMap(({ id, etag }) => Array.from({ length: 8 }, (_, i) => {
      const action = i % 3 === 2 ? 'reject' : 'approve';
      const input = { id, ifMatch: etag, action, step: 2 };
      const body = action === 'reject' ? { action, reason: 'No' } : { action };
      return history.run(`hr${i % 2}-${id}-${i}`, 'decide', input, async () =>
        outcome(i % 2 === 0 ? await f.call('hr', 'POST', `/v1/approvals/${id}/decision`, body, { 'if-match': etag }) : await asHr2('POST', `/v1/approvals/${id}/decision`, body, { 'if-match': etag })));
    })));
    for (const { id } of atHr) {
      const wins = history.operations().filter((o) => o.input['id'] === id && o.input['step'] === 2 && o.type === 'ok');
      assert.equal(wins.length, 1, `step 2 of ${id}`);
      const [row] = await queryRows<{ status: string }>(f.h.database, `SELECT status FROM approval_requests WHERE id = $1`, [id]);
      assert.equal(row!.status, wins[0]!.input['action'] === 'approve' ? 'approved' : 'rejected', `${id} ends as its one winner decided`);
    }
    assert.ok(history.maxConcurrency() >= 10, `only ${history.maxConcurrency()} calls overlapped`);
    noViolations([...checkDefiniteAnswers(history), ...(await checkNoDoubleApproval(history, f.h.database))]);
  });

  test('approvals without If-Match: ten engine decisions race on each one-step item, one wins', async () => {
    const history = new History();
    const items = await Promise.all(Array.from({ length: 3 }, (_, n) => newItem('test.history_single', n)));
    await Promise.all(items.flatMap((item) => Array.from({ length: 10 }, (_, i) =>
      history.run(`engine-${item.id}-${i}`, 'decide', { id: item.id, action: 'approve' }, async () => {
        try {
          await decideApproval(f.h.database.db, f.principals.manager, item.id, { action: 'approve' });
          return { status: 200 };
        } catch (error) {
          if (error instanceof ApiProblem) return { status: error.status, body: { code: error.code } };
          throw error;
        }
      }))));
    for (const item of items) {
      const ops = history.operations().filter((o) => o.input['id'] === item.id);
      assert.equal(ops.filter((o) => o.type === 'ok').length, 1, `${item.id}: ${ops.map((o) => o.output['status']).join(',')}`);
    }
    noViolations([...checkDefiniteAnswers(history), ...(await checkNoDoubleApproval(history, f.h.database))]);
  });

  test('leave: requests race for the last five days while HR credits one and readers watch; then approvals race cancellations', async () => {
    const history = new History();
    const who: Who = 'self';
    const me = f.ids[who];
    const balance = async () => (await (await f.call('hr', 'GET', `/v1/people/${me}/leave-balances`)).json()).balances.find((b: { kind: string }) => b.kind === 'annual');
    const days = f.workingDays('2027-01-11', 14);
    const perDay = 450; // the fixture's self works 7.5 h Monday to Friday
    const b0 = await balance();
    const target = 5 * perDay;
    const adj = await f.call('hr', 'POST', `/v1/people/${me}/leave-adjustments`, { kind: 'annual', minutes: target - b0.availableMinutes, reason: 'History test: five days left' });
    assert.equal(adj.status, 201, await adj.clone().text());

    const reader = (name: string, reads: number) => (async () => {
      for (let i = 0; i < reads; i++) {
        await history.run(name, 'read-balance', {}, async () => ({ status: 200, body: await balance() }));
      }
    })();
    await Promise.all([
      ...days.slice(0, 12).map((d, i) => history.run(`request-${i}`, 'request-leave', { startDate: d, minutes: perDay }, async () =>
        outcome(await f.call(who, 'POST', '/v1/people/me/leave-requests', { type: 'annual', startDate: d })))),
      history.run('hr-credit', 'adjust', { minutes: perDay }, async () =>
        outcome(await f.call('hr', 'POST', `/v1/people/${me}/leave-adjustments`, { kind: 'annual', minutes: perDay, reason: 'History test: one more day' }))),
      reader('reader-0', 6), reader('reader-1', 6), reader('reader-2', 6),
    ]);
    const requested = history.operations().filter((o) => o.op === 'request-leave');
    const granted = requested.filter((o) => o.type === 'ok');
    const credited = history.operations().filter((o) => o.op === 'adjust' && o.type === 'ok').length * perDay;
    assert.ok(granted.length * perDay <= target + credited, `${granted.length} days granted from ${target + credited} minutes`);
    // The five days there from the start were all bookable; the credited day only if it landed before the last request.
    assert.ok(granted.length * perDay >= target, `${granted.length} days granted, five were there`);
    for (const o of requested.filter((x) => x.type === 'fail')) assert.equal((o.output['body'] as { code?: string }).code, 'insufficient_balance');

    // The manager approves each pending request while the employee cancels the same one.
    const created = granted.map((o) => o.output['body'] as { id: string; approvalRequestId: string });
    await Promise.all([
      ...created.flatMap((lr) => [
        (async () => {
          const tag = await approvalEtag(lr.approvalRequestId);
          await history.run(`approve-${lr.id}`, 'decide', { id: lr.approvalRequestId, ifMatch: tag, action: 'approve' }, async () =>
            outcome(await f.call('manager', 'POST', `/v1/approvals/${lr.approvalRequestId}/decision`, { action: 'approve' }, { 'if-match': tag })));
        })(),
        (async () => {
          const tag = (await f.call(who, 'GET', `/v1/people/me/leave-requests/${lr.id}`)).headers.get('etag')!;
          await history.run(`cancel-${lr.id}`, 'cancel-leave', { id: lr.id, ifMatch: tag }, async () =>
            outcome(await f.call(who, 'POST', `/v1/people/me/leave-requests/${lr.id}/cancel`, undefined, { 'if-match': tag })));
        })(),
      ]),
      reader('reader-3', 6),
    ]);
    const end = await balance();
    const [counts] = await queryRows<{ live: number | string }>(f.h.database, `SELECT coalesce(sum(minutes), 0) AS live FROM leave_requests WHERE employee_id = $1 AND status IN ('pending', 'approved') AND start_date >= '2027-01-11'`, [me]);
    assert.equal(end.availableMinutes, target + credited - Number(counts!.live), 'what is left is what was granted and not cancelled');
    noViolations([
      ...checkDefiniteAnswers(history),
      ...(await checkNoNegativeBalance(history, f.h.database)),
      ...(await checkLeaveLedger(f.h.database, [me])),
      ...(await checkNoDoubleApproval(history, f.h.database)),
    ]);
  });

  test('payroll: six starts for one period race (two admins), then roll-backs race restarts — one payslip per employee and period', async () => {
    const history = new History();
    const admins = [await f.h.demo.sign({ sub: f.ids.payroll, org: 'org_00', roles: ['payroll_admin'] }), await f.h.demo.sign({ sub: f.ids.manager, org: 'org_00', roles: ['payroll_admin'] })];
    const start = { taxYear: '2026-27', periodNumber: 9, payDate: '2026-12-24' };
    const post = (token: string, path: string, body?: unknown) =>
      f.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }) as Promise<TestResponse>;
    const settle = async () => {
      for (let i = 0; i < 1200; i++) {
        const [row] = await queryRows<{ n: number | string }>(f.h.database, `SELECT count(*) AS n FROM payroll_runs WHERE status = 'running'`);
        if (Number(row!.n) === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('payroll runs still running after 60 s');
    };
    await Promise.all(Array.from({ length: 6 }, (_, i) =>
      history.run(`start-${i}`, 'start-run', { organisation: 'org_00', ...start }, async () => outcome(await post(admins[i % 2]!, '/v1/payroll/runs', start)))));
    const starts = history.operations().filter((o) => o.op === 'start-run');
    assert.equal(starts.filter((o) => o.type === 'ok').length, 1, starts.map((o) => o.output['status']).join(','));
    await settle();
    const runId = (starts.find((o) => o.type === 'ok')!.output['body'] as { id: string }).id;

    // Three roll-backs of that run race three new starts of the same period.
    await Promise.all([
      ...Array.from({ length: 3 }, (_, i) => history.run(`rollback-${i}`, 'rollback-run', { runId }, async () => outcome(await post(admins[i % 2]!, `/v1/payroll/runs/${runId}/rollback`)))),
      ...Array.from({ length: 3 }, (_, i) => history.run(`restart-${i}`, 'restart-run', { organisation: 'org_00', ...start }, async () => outcome(await post(admins[i % 2]!, '/v1/payroll/runs', start)))),
    ]);
    await settle();
    const rollbacks = history.operations().filter((o) => o.op === 'rollback-run');
    assert.equal(rollbacks.filter((o) => o.type === 'ok').length, 1, `roll-backs: ${rollbacks.map((o) => o.output['status']).join(',')}`);
    assert.ok(history.operations().filter((o) => o.op === 'restart-run' && o.type === 'ok').length <= 1, 'at most one restart wins');
    noViolations([...checkDefiniteAnswers(history), ...(await checkOnePayslipPerPeriod(history, f.h.database))]);
  });

  test('learning: twenty enrolments race for five places while enrolled learners cancel — never over capacity, the waiting list promoted', async () => {
    assert.ok(await learningTablesExist(f.h.database), 'the learning tables are migrated');
    const history = new History();
    const admin = await f.h.demo.sign({ sub: f.ids.hr, org: 'org_00', roles: ['learning_admin'] });
    const asAdmin = (method: string, path: string, body?: unknown) =>
      f.app.request(path, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }) as Promise<TestResponse>;
    const course = await asAdmin('POST', '/v1/courses', { code: 'HIST1', title: 'History test course', category: 'Test', delivery: 'classroom', durationMinutes: 60 });
    assert.equal(course.status, 201, await course.clone().text());
    const capacity = 5;
    const session = await asAdmin('POST', `/v1/courses/${(await course.json()).id}/sessions`, { startsAt: '2027-02-10T09:30:00.000Z', endsAt: '2027-02-10T12:30:00.000Z', venue: 'Room 1', capacity });
    assert.equal(session.status, 201, await session.clone().text());
    const sessionId = (await session.json()).id as string;
    const learners = (await f.q<{ id: string }>(sql`SELECT id FROM employees WHERE organisation_id = 'org_00' ORDER BY id LIMIT 20`)).map((r) => r.id);
    const enrolOne = (employeeId: string, process: string) =>
      history.run(process, 'enrol', { sessionId, employeeId }, async () => outcome(await asAdmin('POST', '/v1/enrolments', { sessionId, employeeId })));
    // First wave: twenty at once.
    await Promise.all(learners.map((id, i) => enrolOne(id, `enrol-${i}`)));
    const placed = history.operations().filter((o) => o.op === 'enrol' && o.type === 'ok' && (o.output['body'] as { status?: string }).status === 'enrolled');
    assert.equal(placed.length, capacity, 'exactly the places there were');
    // Second wave: three enrolled learners cancel while the waiting list is promoted and two retries race in.
    await Promise.all([
      ...placed.slice(0, 3).map((o, i) => history.run(`cancel-${i}`, 'cancel-enrolment', { id: (o.output['body'] as { id: string }).id, sessionId, wasEnrolled: true }, async () =>
        outcome(await asAdmin('POST', `/v1/enrolments/${(o.output['body'] as { id: string }).id}/cancel`, { reason: 'Race' })))),
      ...learners.slice(0, 2).map((id, i) => enrolOne(id, `retry-${i}`)),
    ]);
    const [taken] = await queryRows<{ n: number | string }>(f.h.database, `SELECT count(*) AS n FROM enrolments WHERE session_id = $1 AND status = 'enrolled'`, [sessionId]);
    assert.equal(Number(taken!.n), capacity, 'cancelled places were filled from the waiting list');
    noViolations([...checkDefiniteAnswers(history), ...(await checkNoOverCapacity(history, f.h.database, new Map([[sessionId, capacity]])))]);
  });

  test('every invariant holds over the database this suite left behind', async () => {
    noViolations(await checkAllInvariants(new History(), f.h.database));
  });
});
