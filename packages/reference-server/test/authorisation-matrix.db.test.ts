// The full route × caller × ownership authorisation matrix, generated from the OpenAPI document: every
// operation is called by every kind of caller against records of one leaf employee ("self"), and the
// outcome is checked against the declared policy below. An operation missing from the policy fails
// the test, so a new route must be classified here before it ships.
//
// Allowed → not 401/403/404 (GETs must be 200). Denied → 403 or 404; callers from another organisation
// get exactly what a non-existent record gets (no existence oracle). No token → 401. Every 2xx body
// names only employees of the caller's own organisation, and no refusal carries the target's name.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../src/app.ts';
import { registerApprovalType, setApprovalRule, submitApproval } from '../src/domain/approvals/index.ts';
import { queryRows } from '../src/seed/bulk.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { castTokens, findCast } from './helpers/cast.ts';
import type { Cast, CastMember } from './helpers/cast.ts';
import { asOf, createHarness, engine, readProblem } from './helpers/harness.ts';
import type { Harness, TestResponse } from './helpers/harness.ts';
import { exampleOf, operationsOf } from './helpers/openapi-fuzz.ts';
import type { OpenApiDocument, RouteOperation } from './helpers/openapi-fuzz.ts';

type Caller = CastMember | 'anonymous';
const callers: Caller[] = ['self', 'manager', 'senior', 'outOfLine', 'peer', 'hr', 'hrOther', 'payroll', 'payrollOther', 'learning', 'anonymous'];
const otherOrg = new Set<Caller>(['hrOther', 'payrollOther']);

registerApprovalType({ type: 'test.matrix', async onApproved() {}, summary: () => 'Matrix test item' });

/** What the test knows about the target records, for building requests. */
interface Targets {
  cast: Cast;
  /** Current path parameters (fresh records per operation where a write would consume them). */
  params: Record<string, string>;
  etag(path: string, reader: Caller): Promise<string>;
}

/**
 * The declared policy, one row per operationId.
 * - allow: callers that may call it on self's records (or at all, for operations without a target);
 * - 'own': every signed-in caller, on their own records only (2xx, or 404 when they have none);
 * - 'public': anyone, even without a token (demo sign-in).
 * `body`, `ifMatch` (the path to read the ETag from) and `fresh` (new target records first) shape the request.
 */
interface PolicyRow {
  allow: Caller[] | 'own' | 'public' | ((t: { managers: Set<Caller> }) => Caller[]);
  body?: (t: Targets) => unknown;
  ifMatch?: { path: string; reader: Caller };
  fresh?: 'approval' | 'draftLeave' | 'pendingLeave' | 'session' | 'enrolment' | 'eLearningEnrolment' | 'requirement';
}
const line: Caller[] = ['self', 'manager', 'senior', 'hr'];
const learningLine: Caller[] = [...line, 'learning'];
const sameOrganisation: Caller[] = ['self', 'manager', 'senior', 'outOfLine', 'peer', 'hr', 'payroll', 'learning'];
let courseCount = 0;
const newCourse = (delivery: 'classroom' | 'e_learning') => ({ code: `MTX${courseCount++}`, title: `Matrix course ${courseCount}`, category: 'Matrix', delivery, durationMinutes: 60 });
const newSession = () => ({ startsAt: '2027-02-10T09:30:00.000Z', endsAt: '2027-02-10T12:30:00.000Z', venue: 'Education centre', capacity: 40 });
const policy: Record<string, PolicyRow> = {
  // Demo mode sign-in: public by design (demo deployments only).
  listDemoPeople: { allow: 'public' },
  demoSignIn: { allow: 'public', body: (t) => ({ employeeId: t.cast.ids.peer }) },
  // My own records.
  listMyPayslips: { allow: 'own' },
  getMyLatestPayslip: { allow: 'own' },
  getMyPayslip: { allow: ['self'] },
  getMyPayslipPdf: { allow: ['self'] },
  listMyP60s: { allow: 'own' },
  getMyP60: { allow: 'own' },
  getMyP60Pdf: { allow: 'own' },
  getMe: { allow: 'own' },
  listMyTeam: { allow: 'own' },
  getMyDelegation: { allow: 'own' },
  setMyDelegation: { allow: 'own', body: (t) => ({ delegateEmployeeId: t.cast.spare[1], startsOn: '2027-02-01', endsOn: '2027-02-05' }) },
  clearMyDelegation: { allow: 'own' },
  listEvents: { allow: 'own' },
  listApprovals: { allow: 'own' },
  bulkApprove: { allow: 'own', body: (t) => ({ action: 'approve', ids: [t.params['id']] }), fresh: 'approval' },
  getTeamCalendar: { allow: 'own' },
  listBankHolidays: { allow: 'own' },
  listSicknessReasons: { allow: 'own' },
  calculatePayrollPeriod: { allow: 'own' },
  // People: profile for the line and HR; details for self and HR; bank and diversity data for self.
  getProfile: { allow: line },
  getPersonalDetails: { allow: ['self', 'hr'] },
  updatePersonalDetails: { allow: ['self', 'hr'], body: () => ({ phones: { mobile: '07700 900123' } }), ifMatch: { path: '/v1/people/{employeeId}/personal-details', reader: 'self' } },
  requestNameChange: { allow: ['self'], body: () => ({ firstName: 'Matrix', lastName: 'Tester', reason: 'marriage' }) },
  getBankDetails: { allow: ['self', 'hr'] },
  replaceBankDetails: { allow: ['self'], body: () => ({ accountName: 'M TESTER', sortCode: '40-47-84', accountNumber: '12345678' }), ifMatch: { path: '/v1/people/{employeeId}/bank-details', reader: 'self' } },
  getEqualityDiversity: { allow: ['self'] },
  declareEqualityDiversity: { allow: ['self'] },
  // Payslips: the person and their organisation's payroll admins; never managers or HR as such.
  listPersonPayslips: { allow: ['self', 'payroll'] },
  getPersonPayslip: { allow: ['self', 'payroll'] },
  getPersonPayslipPdf: { allow: ['self', 'payroll'] },
  // Payroll runs: payroll admins of the organisation.
  // (Without a target the other trust's admins act on their own trust: allowed, and checked for leaks.)
  startPayrollRun: { allow: ['payroll', 'payrollOther'] },
  listPayrollRuns: { allow: ['payroll', 'payrollOther'] },
  getPayrollRun: { allow: ['payroll'] },
  rollBackPayrollRun: { allow: ['payroll'] },
  finalisePayrollRun: { allow: ['payroll'] },
  // Audit trail and organisation analytics: HR.
  listAuditEvents: { allow: ['hr', 'hrOther'] },
  getAbsenceRates: { allow: ['hr', 'hrOther'] },
  // Approvals: requester/subject and HR view; the current approver decides; the requester answers and withdraws.
  getApproval: { allow: ['self', 'manager', 'hr'], fresh: 'approval' },
  decideApproval: { allow: ['manager'], body: () => ({ action: 'approve' }), ifMatch: { path: '/v1/approvals/{id}', reader: 'hr' }, fresh: 'approval' },
  respondToApproval: { allow: ['self'], body: () => ({ comment: 'Here you are' }), ifMatch: { path: '/v1/approvals/{id}', reader: 'hr' }, fresh: 'approval' },
  withdrawApproval: { allow: ['self'], body: () => ({}), ifMatch: { path: '/v1/approvals/{id}', reader: 'hr' }, fresh: 'approval' },
  // Leave: the line and HR read; the person requests, submits and cancels; HR sets patterns and adjusts.
  getLeaveEntitlement: { allow: line },
  getLeaveBalances: { allow: line },
  getWorkingPattern: { allow: line },
  setWorkingPattern: { allow: ['hr'], body: () => ({ effectiveFrom: '2027-03-01', cycleStart: '2027-03-01', minutesByDay: [450, 450, 450, 450, 450, 0, 0] }) },
  listLeaveRequests: { allow: line },
  createLeaveRequest: { allow: ['self'], body: () => ({ type: 'annual', startDate: nextLeaveDay(), submit: false }) },
  getLeaveRequest: { allow: line },
  submitLeaveRequest: { allow: ['self'], ifMatch: { path: '/v1/people/{employeeId}/leave-requests/{leaveRequestId}', reader: 'self' }, fresh: 'draftLeave' },
  cancelLeaveRequest: { allow: ['self'], ifMatch: { path: '/v1/people/{employeeId}/leave-requests/{leaveRequestId}', reader: 'self' }, fresh: 'pendingLeave' },
  adjustLeaveBalance: { allow: ['hr'], body: () => ({ kind: 'annual', minutes: 30, reason: 'Matrix test' }) },
  getAbsenceCalendar: { allow: line },
  // Sickness: the person, the line and HR read (reasons are health data); the line and HR record.
  recordSicknessEpisode: { allow: ['manager', 'senior', 'hr'], body: () => { const d = `2026-06-${String(1 + sicknessCount++).padStart(2, '0')}`; return { startDate: d, endDate: d, reasonLevel1: 'S13' }; } },
  listSicknessEpisodes: { allow: line },
  getSicknessEpisode: { allow: line },
  updateSicknessEpisode: { allow: ['manager', 'senior', 'hr'], body: () => ({ reasonLevel1: 'S12' }), ifMatch: { path: '/v1/people/{employeeId}/sickness-episodes/{episodeId}', reader: 'hr' } },
  getSickPay: { allow: [...line, 'payroll'] },
  getSickPayForPeriod: { allow: [...line, 'payroll'] },
  getBradfordFactor: { allow: line },
  // Learning catalogue: anyone in the organisation reads it (other trusts: not found); learning admins write.
  searchCourses: { allow: 'own' },
  getCourseFacets: { allow: 'own' },
  getCourse: { allow: sameOrganisation },
  createCourse: { allow: ['learning'], body: () => newCourse('classroom') },
  updateCourse: { allow: ['learning'], body: () => ({ audience: 'All staff' }), ifMatch: { path: '/v1/courses/{courseId}', reader: 'learning' } },
  createClassSession: { allow: ['learning'], body: () => newSession() },
  getClassSession: { allow: sameOrganisation },
  updateClassSession: { allow: ['learning'], body: () => ({ venue: 'Seminar room 2' }), ifMatch: { path: '/v1/sessions/{sessionId}', reader: 'learning' } },
  listSessionEnrolments: { allow: ['learning'] },
  // Enrolments and training history: the person, their line, HR and learning admins (payroll admins as such: no).
  listEnrolments: { allow: learningLine },
  enrol: { allow: learningLine, body: (t) => ({ sessionId: t.params['sessionId'], employeeId: t.cast.ids.self }), fresh: 'session' },
  getEnrolment: { allow: learningLine },
  cancelEnrolment: { allow: learningLine, body: () => ({ reason: 'Matrix test' }), fresh: 'enrolment' },
  markAttendance: { allow: ['learning'], body: () => ({ attended: true }), fresh: 'enrolment' },
  // Learners record their own e-learning completion; for anyone else it is the learning admins'.
  completeEnrolment: { allow: ['self', 'learning'], body: () => ({}), fresh: 'eLearningEnrolment' },
  listLearningSubjects: { allow: 'own' },
  listLearningRequirements: { allow: 'own' },
  createLearningRequirement: { allow: ['learning'], body: () => ({ subjectCode: 'fire_safety', jobTitle: 'Matrix tester' }) },
  deleteLearningRequirement: { allow: ['learning'], fresh: 'requirement' },
  getComplianceMatrix: { allow: learningLine },
  listTrainingRecords: { allow: learningLine },
  recordTraining: { allow: ['learning'], body: () => ({ subjectCode: 'fire_safety', completedOn: '2026-11-02' }) },
  // Team compliance is for managers (whoever has reports); organisation reports for learning and HR admins.
  getTeamCompliance: { allow: (t) => [...t.managers] },
  getComplianceBySubject: { allow: ['learning', 'hr', 'hrOther'] },
};

let sicknessCount = 0; // distinct one-day sickness episodes in June 2026

// Distinct future working days for the leave requests the matrix creates (Tuesdays–Thursdays from 12 Jan 2027).
let leaveDay = 0;
function nextLeaveDay(): string {
  const base = Date.UTC(2027, 0, 12);
  const week = Math.floor(leaveDay / 3);
  const day = base + (week * 7 + (leaveDay % 3)) * 86_400_000;
  leaveDay++;
  return new Date(day).toISOString().slice(0, 10);
}

describe(`authorisation matrix: every operation × caller × ownership on ${engine}`, () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let doc: OpenApiDocument;
  let cast: Cast;
  let tokens: Record<CastMember, string>;
  const params: Record<string, string> = {};
  const orgOfEmployee = new Map<string, string>();
  let selfName: string;
  let cells = 0;
  const managers = new Set<Caller>();
  const outcomes = new Map<string, number>();

  const request = (caller: Caller, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
    app.request(path, {
      method,
      headers: { ...(caller !== 'anonymous' ? { authorization: `Bearer ${tokens[caller]}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }) as Promise<TestResponse>;
  const fill = (path: string, values: Record<string, string>) => path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? `missing_${name}`));
  const etag = async (path: string, reader: Caller) => {
    const res = await request(reader, 'GET', fill(path, params));
    assert.equal(res.status, 200, `reading the ETag of ${path} as ${reader}`);
    return res.headers.get('etag')!;
  };

  const freshApproval = async () => {
    const item = await h.database.db.transaction((tx) =>
      submitApproval(tx, { organisationId: 'org_00', type: 'test.matrix', subjectEmployeeId: cast.ids.self, requestedBy: cast.ids.self, payload: {}, subjectRef: `mtx_${Date.now()}_${Math.random()}` }),
    );
    params['id'] = item.id;
  };
  const freshLeave = async (submit: boolean) => {
    const res = await request('self', 'POST', '/v1/people/me/leave-requests', { type: 'annual', startDate: nextLeaveDay(), submit });
    assert.equal(res.status, 201, `a leave request for the matrix: ${await res.clone().text()}`);
    params['leaveRequestId'] = (await res.json()).id;
  };
  /** As the learning admin: a new course (with one session when classroom); self not enrolled yet. */
  const freshCourse = async (delivery: 'classroom' | 'e_learning'): Promise<Record<string, string>> => {
    const course = await request('learning', 'POST', '/v1/courses', newCourse(delivery));
    assert.equal(course.status, 201, await course.clone().text());
    const courseId = (await course.json()).id as string;
    if (delivery === 'e_learning') return { courseId };
    const session = await request('learning', 'POST', `/v1/courses/${courseId}/sessions`, newSession());
    assert.equal(session.status, 201, await session.clone().text());
    return { courseId, sessionId: (await session.json()).id };
  };
  /** A new course, and self enrolled on it (on its session when classroom). */
  const freshEnrolment = async (delivery: 'classroom' | 'e_learning') => {
    const { courseId, sessionId } = await freshCourse(delivery);
    const target = sessionId ? { sessionId } : { courseId: courseId! };
    const enrolment = await request('self', 'POST', '/v1/enrolments', target);
    assert.equal(enrolment.status, 201, await enrolment.clone().text());
    params['enrolmentId'] = (await enrolment.json()).id;
    return { courseId: courseId!, ...target };
  };
  const freshRequirement = async () => {
    const res = await request('learning', 'POST', '/v1/learning/requirements', { subjectCode: 'fire_safety', jobTitle: `Matrix ${Math.random()}` });
    assert.equal(res.status, 201, await res.clone().text());
    params['requirementId'] = (await res.json()).id;
  };
  const settle = async () => {
    for (let i = 0; i < 600; i++) {
      const [row] = await queryRows<{ n: number | string }>(h.database, `SELECT count(*) AS n FROM payroll_runs WHERE status = 'running'`);
      if (Number(row!.n) === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  before(async () => {
    h = await createHarness({ seed: false });
    await seedDatabase(h.database, { staff: 150, organisations: 2, asOf, payslipMonths: 2 });
    app = createApp({ database: h.database, verifier: h.demo, demo: h.demo, rateLimit: false });
    doc = (await (await app.request('/openapi.json')).json()) as OpenApiDocument;
    cast = await findCast(h.database, { withPayslips: true });
    tokens = await castTokens(h.demo, cast);
    await setApprovalRule(h.database.db, 'org_00', 'test.matrix', 'line_manager');
    for (const e of await queryRows<{ id: string; org: string }>(h.database, `SELECT id, organisation_id AS org FROM employees`)) orgOfEmployee.set(e.id, e.org);
    const [me] = await queryRows<{ last: string }>(h.database, `SELECT last_name AS last FROM employees WHERE id = $1`, [cast.ids.self]);
    selfName = me!.last;

    // Self's records to aim at.
    params['employeeId'] = cast.ids.self;
    const [slip] = await queryRows<{ id: string }>(h.database, `SELECT id FROM payslips WHERE employee_id = $1 ORDER BY pay_date LIMIT 1`, [cast.ids.self]);
    params['payslipId'] = slip!.id;
    params['taxYear'] = '2025-26';
    await freshLeave(true);
    const episode = await request('manager', 'POST', `/v1/people/${cast.ids.self}/sickness-episodes`, { startDate: '2026-05-04', endDate: '2026-05-05', reasonLevel1: 'S13' });
    assert.equal(episode.status, 201, await episode.clone().text());
    params['episodeId'] = (await episode.json()).id;
    await freshApproval();
    // Learning: a course with a session self is enrolled on (the session keeps places for the enrol cells).
    Object.assign(params, await freshEnrolment('classroom'));
    await freshRequirement();
    for (const c of callers) {
      if (c !== 'anonymous' && (await queryRows(h.database, `SELECT 1 FROM assignments WHERE supervisor_employee_id = $1 LIMIT 1`, [cast.ids[c]])).length > 0) managers.add(c);
    }
    const run = await request('payroll', 'POST', '/v1/payroll/runs', { taxYear: '2026-27', periodNumber: 9, payDate: '2026-12-24' });
    assert.equal(run.status, 202, await run.clone().text());
    params['runId'] = (await run.json()).id;
    await settle();
  });
  after(async () => {
    console.log(`authorisation matrix on ${engine}: ${cells} cells (${operationsOf(doc).length} operations × ${callers.length} callers); ${[...outcomes].map(([k, n]) => `${k}×${n}`).join(' ')}`);
    await h.close();
  });

  test('every operation in the document has a declared policy (classify new routes here)', () => {
    const missing = operationsOf(doc).map((r) => r.op.operationId).filter((id) => !(id in policy));
    assert.deepEqual(missing, [], 'operations without a row in the policy table');
    const stale = Object.keys(policy).filter((id) => !operationsOf(doc).some((r) => r.op.operationId === id));
    assert.deepEqual(stale, [], 'policy rows for operations that no longer exist');
  });

  /** Employee ids in a body must all belong to the caller's organisation. */
  const assertOwnOrganisation = (caller: Caller, text: string, where: string) => {
    if (caller === 'anonymous') return;
    const mine = cast.org[caller];
    for (const id of new Set(text.match(/emp_[A-Za-z0-9]+/g) ?? [])) {
      const org = orgOfEmployee.get(id);
      if (org) assert.equal(org, mine, `${where}: ${caller} (${mine}) was shown ${id} of ${org}`);
    }
  };

  const callCell = (route: RouteOperation, row: PolicyRow, caller: Caller, values: Record<string, string>, headers: Record<string, string>) => {
    const body = row.body ? row.body({ cast, params: values, etag }) : route.op.requestBody ? exampleOf(doc, route.op.requestBody.content['application/json']!.schema) : undefined;
    // Required query parameters from the document's examples (date ranges, years).
    const query = (route.op.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(String(exampleOf(doc, p.schema ?? {})))}`);
    return request(caller, route.method, fill(route.path, values) + (query.length ? `?${query.join('&')}` : ''), body, headers);
  };

  test('every cell: allowed callers get in, everyone else is refused, nothing leaks across organisations', async (t) => {
    for (const route of operationsOf(doc)) {
      const row = policy[route.op.operationId];
      if (!row) continue; // reported by the test above
      await t.test(`${route.op.operationId}`, async () => {
        const allow = typeof row.allow === 'function' ? row.allow({ managers }) : row.allow;
        const allowed = (c: Caller) => (allow === 'public' ? true : c === 'anonymous' ? false : allow === 'own' ? true : allow.includes(c));
        // Refusals first, so an allowed write cannot change what a refused caller would have met.
        const order = [...callers].sort((a, b) => Number(allowed(a)) - Number(allowed(b)));
        for (const caller of order) {
          if (row.fresh === 'approval') await freshApproval();
          if (row.fresh === 'draftLeave') await freshLeave(false);
          if (row.fresh === 'pendingLeave') await freshLeave(true);
          if (row.fresh === 'session') params['sessionId'] = (await freshCourse('classroom'))['sessionId']!;
          if (row.fresh === 'enrolment') await freshEnrolment('classroom');
          if (row.fresh === 'eLearningEnrolment') await freshEnrolment('e_learning');
          if (row.fresh === 'requirement') await freshRequirement();
          const where = `${route.op.operationId} as ${caller}`;
          const headers: Record<string, string> = row.ifMatch ? { 'if-match': await etag(row.ifMatch.path, row.ifMatch.reader) } : {};
          const res = await callCell(route, row, caller, params, headers);
          cells++;
          const verdict = allowed(caller) ? 'allow' : 'deny';
          outcomes.set(`${verdict}:${res.status}`, (outcomes.get(`${verdict}:${res.status}`) ?? 0) + 1);
          const text = await res.clone().text();
          assert.ok(res.status < 500, `${where}: ${res.status} ${text}`);
          if (caller === 'anonymous' && row.allow !== 'public') {
            assert.equal(res.status, 401, where);
            continue;
          }
          if (verdict === 'allow') {
            const ownEmpty = row.allow === 'own' && res.status === 404;
            if (process.env['ESR_MATRIX_DEBUG'] && res.status >= 300) console.log('allowed but', res.status, where, text.slice(0, 300));
            assert.ok(![401, 403, 404].includes(res.status) || ownEmpty, `${where} should be allowed: ${res.status} ${text}`);
            if (route.method === 'GET' && !ownEmpty) assert.equal(res.status, 200, `${where}: ${text}`);
            // Demo sign-in lists and signs in seeded people of every trust by design (demo deployments only).
            if (res.status < 300 && row.allow !== 'public') assertOwnOrganisation(caller, text, where);
            if (route.op.operationId === 'startPayrollRun') await settle();
          } else {
            assert.ok([403, 404].includes(res.status), `${where} must be refused (403/404), got ${res.status}: ${text}`);
            const problem = await readProblem(res);
            assert.ok(!String(problem['detail']).includes(selfName), `${where}: a refusal names the person`);
            if (otherOrg.has(caller)) {
              // The same answer as for a record that does not exist: no existence oracle across organisations.
              const ghost = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.includes('_') ? `${v.split('_')[0]}_zz0000000` : v]));
              const baseline = await callCell(route, row, caller, ghost, headers);
              assert.equal(res.status, baseline.status, `${where}: ${res.status} for a real record, ${baseline.status} for a missing one`);
            }
          }
        }
      });
    }
  });
});
