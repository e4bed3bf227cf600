// Leave: entitlement and balances in hours (minutes), working patterns, leave requests (draft → pending →
// approved / rejected / cancelled; decided in the Approvals inbox), team and personal absence calendars,
// UK bank holidays.
import { randomUUID } from 'node:crypto';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../app-env.ts';
import { auditContext, auditRead, recordAudit } from '../audit/index.ts';
import { authorise } from '../auth/access.ts';
import { leaveAdjustments, workingPatterns } from '../db/schema-leave.ts';
import { bankHolidays } from '../domain/calendars/bank-holidays.ts';
import { dayOf, isoOf, todayDay } from '../domain/calendars/dates.ts';
import { patternProblems } from '../domain/calendars/working-patterns.ts';
import {
  absenceCalendar, adjust, cancelLeaveRequest, createLeaveRequest, ensureBalance, entitlementOf, findLeaveRequest, leaveYearOf,
  listLeaveRequests, loadLeaveFacts, submitLeaveRequest, teamCalendar, toView,
} from '../domain/leave/index.ts';
import type { LeaveFacts } from '../domain/leave/index.ts';
import { etagFor, ifMatchVersion } from '../http/etag.ts';
import { idempotency } from '../http/idempotency.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { ApiProblem, problems } from '../http/problem.ts';
import { bearerSecurity, etagHeaders, idempotencyHeader, idempotencyResponses, ifMatchHeader, ifMatchResponses, IsoDate, jsonContent, problemContent, problemResponses } from '../http/schemas.ts';
import { EmployeeIdParam } from './people.schemas.ts';

const security = bearerSecurity;
const tags = ['Leave'];
const ruleResponses = {
  400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
  422: { description: 'A leave rule refused it (code says which: insufficient_balance, overlapping_request, insufficient_notice, leave_in_past, …).', content: problemContent },
};
const Minutes = z.number().int().openapi({ description: 'Hours held as integer minutes.', example: 450 });
const LeaveYear = z.object({ start: IsoDate, end: IsoDate }).openapi('LeaveYear');
const onQuery = z.strictObject({
  on: IsoDate.optional().openapi({ param: { name: 'on', in: 'query' }, description: 'A date in the leave year wanted (default today).' }),
});

const Entitlement = z
  .object({
    employeeId: z.string(),
    leaveYear: LeaveYear,
    fte: z.number(),
    employedDays: z.number().int(),
    daysInYear: z.number().int(),
    rates: z.array(z.object({ from: IsoDate, annualLeaveDays: z.number().int(), serviceYears: z.number().int() })),
    annualLeaveMinutes: Minutes,
    publicHolidayMinutes: Minutes,
    publicHolidayBasis: z.enum(['actual', 'eight']),
    bankHolidays: z.array(z.object({ date: IsoDate, name: z.string(), substitute: z.boolean(), workingMinutes: Minutes })),
    grantedBankHolidayMinutes: Minutes,
    bookableMinutes: Minutes,
    workingPattern: z.enum(['recorded', 'standard']),
  })
  .openapi('LeaveEntitlement', { description: 'Agenda for Change annual leave for one leave year, in minutes.' });

const Balance = z
  .object({
    kind: z.enum(['annual', 'toil']),
    leaveYear: LeaveYear,
    entitlementMinutes: Minutes,
    carriedOverMinutes: Minutes,
    adjustmentMinutes: Minutes,
    pendingMinutes: Minutes,
    approvedMinutes: Minutes,
    availableMinutes: Minutes,
  })
  .openapi('LeaveBalance');
const Balances = z.object({ employeeId: z.string(), leaveYear: LeaveYear, balances: z.array(Balance) }).openapi('LeaveBalances');

const LeaveType = z.enum(['annual', 'study', 'special', 'compassionate', 'toil']);
const LeaveStatus = z.enum(['draft', 'pending', 'approved', 'rejected', 'cancelled']);
const LeaveRequest = z
  .object({
    id: z.string().openapi({ example: 'lvr_3f2c…' }),
    employeeId: z.string(),
    type: LeaveType,
    status: LeaveStatus,
    startDate: IsoDate,
    endDate: IsoDate,
    unit: z.enum(['days', 'half_day', 'hours']),
    half: z.enum(['am', 'pm']).nullable(),
    minutes: Minutes,
    leaveYearStart: IsoDate,
    reason: z.string().nullable(),
    approvalRequestId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
  })
  .openapi('LeaveRequest');

const NewLeaveRequest = z
  .strictObject({
    type: LeaveType,
    startDate: IsoDate,
    endDate: IsoDate.optional().openapi({ description: 'Last day (inclusive); defaults to startDate. Half days and hours are one day.' }),
    unit: z.enum(['days', 'half_day', 'hours']).default('days'),
    half: z.enum(['am', 'pm']).optional().openapi({ description: 'Required for half_day.' }),
    minutes: z.number().int().min(15).max(780).optional().openapi({ description: 'Required for hours: minutes of leave on that day.' }),
    reason: z.string().max(500).optional(),
    submit: z.boolean().default(true).openapi({ description: 'false saves a draft; true (default) submits it for approval.' }),
  })
  .superRefine((v, ctx) => {
    if (v.endDate !== undefined && v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Must be on or after startDate' });
    if (v.unit !== 'days' && v.endDate !== undefined && v.endDate !== v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Half days and hours are for one day: endDate must equal startDate' });
    if (v.unit === 'half_day' && !v.half) ctx.addIssue({ code: 'custom', path: ['half'], message: 'Say which half: am or pm' });
    if (v.unit !== 'half_day' && v.half) ctx.addIssue({ code: 'custom', path: ['half'], message: 'Only for half_day' });
    if (v.unit === 'hours' && v.minutes === undefined) ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'Give the minutes of leave' });
    if (v.unit !== 'hours' && v.minutes !== undefined) ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'Only for hours' });
  })
  .openapi('NewLeaveRequest');

const LeaveRequestParams = EmployeeIdParam.extend({
  leaveRequestId: z.string().regex(/^lvr_[A-Za-z0-9]{1,64}$/, 'Leave request ids look like lvr_…').openapi({ param: { name: 'leaveRequestId', in: 'path' } }),
});

const Pattern = z
  .object({
    effectiveFrom: IsoDate,
    cycleStart: IsoDate.openapi({ description: 'A Monday: the first day of the cycle.' }),
    minutesByDay: z.array(z.number().int()).openapi({ description: 'Minutes per day, Monday first; 7 × weeks entries (1–8 weeks).', example: [450, 450, 450, 450, 450, 0, 0] }),
  })
  .openapi('WorkingPattern');
const PatternWrite = z.strictObject({ effectiveFrom: IsoDate, cycleStart: IsoDate, minutesByDay: z.array(z.number().int()).min(7).max(56) }).openapi('WorkingPatternWrite');
const Patterns = z
  .object({ employeeId: z.string(), assignmentId: z.string(), contractedMinutesPerWeek: Minutes, standard: z.boolean(), patterns: z.array(Pattern) })
  .openapi('WorkingPatterns');

const Adjustment = z
  .strictObject({
    kind: z.enum(['annual', 'toil']),
    minutes: z.number().int().min(-30000).max(30000).refine((m) => m !== 0, 'Must not be zero'),
    reason: z.string().min(1).max(200),
    on: IsoDate.optional().openapi({ description: 'A date in the leave year to adjust (default today).' }),
  })
  .openapi('LeaveAdjustment');

const rangeQuery = {
  from: IsoDate.openapi({ param: { name: 'from', in: 'query' } }),
  to: IsoDate.openapi({ param: { name: 'to', in: 'query' } }),
};

const TeamCalendar = z
  .object({
    from: IsoDate,
    to: IsoDate,
    view: z.enum(['manager', 'colleague']).openapi({ description: 'manager: your reports with the kind of absence; colleague: people with your line manager, shown only as absent.' }),
    people: z.array(z.object({
      employeeId: z.string(),
      name: z.string(),
      absences: z.array(z.object({
        startDate: IsoDate,
        endDate: IsoDate.nullable(),
        kind: z.string().openapi({ description: 'Leave type, sickness (no reason, ever), or absent.' }),
        status: z.enum(['pending', 'approved', 'open', 'closed']).nullable(),
        half: z.enum(['am', 'pm']).nullable(),
      })),
    })),
  })
  .openapi('TeamCalendar');

const AbsenceCalendar = z
  .object({
    employeeId: z.string(),
    from: IsoDate,
    to: IsoDate,
    days: z.array(z.object({
      date: IsoDate,
      scheduledMinutes: Minutes,
      bankHoliday: z.string().nullable(),
      leave: z.array(z.object({ id: z.string(), type: LeaveType, status: LeaveStatus, half: z.enum(['am', 'pm']).nullable() })),
      sickness: z.object({ id: z.string(), reasonLevel1: z.string() }).nullable(),
    })),
  })
  .openapi('AbsenceCalendar');

const BankHolidays = z
  .object({ division: z.enum(['england-and-wales', 'scotland', 'northern-ireland']), year: z.number().int(), holidays: z.array(z.object({ date: IsoDate, name: z.string(), substitute: z.boolean() })) })
  .openapi('BankHolidays');

const entitlementRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/leave-entitlement', operationId: 'getLeaveEntitlement', tags, security,
  summary: 'Annual leave entitlement for a leave year, in minutes (self, line managers, HR)',
  request: { params: EmployeeIdParam, query: onQuery },
  responses: { 200: jsonContent(Entitlement, 'The entitlement.'), ...ruleResponses },
});
const balancesRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/leave-balances', operationId: 'getLeaveBalances', tags, security,
  summary: 'Annual leave and TOIL balances for a leave year (self, line managers, HR)',
  request: { params: EmployeeIdParam, query: onQuery },
  responses: { 200: jsonContent(Balances, 'The balances.'), ...ruleResponses },
});
const patternRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/working-pattern', operationId: 'getWorkingPattern', tags, security,
  summary: 'Working patterns of the person’s assignment (self, line managers, HR)',
  request: { params: EmployeeIdParam },
  responses: { 200: jsonContent(Patterns, 'The patterns, oldest first.'), ...ruleResponses },
});
const putPatternRoute = createRoute({
  method: 'put', path: '/people/{employeeId}/working-pattern', operationId: 'setWorkingPattern', tags, security,
  summary: 'Record a working pattern from a date (HR)',
  request: { params: EmployeeIdParam, body: { required: true, content: { 'application/json': { schema: PatternWrite } } } },
  responses: { 200: jsonContent(Patterns, 'The patterns after the change.'), ...ruleResponses },
});
const listRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/leave-requests', operationId: 'listLeaveRequests', tags, security,
  summary: 'Leave requests, latest start first: history and upcoming (self, line managers, HR)',
  request: {
    params: EmployeeIdParam,
    query: z.strictObject({
      ...pageQuery,
      status: z.string().regex(/^(draft|pending|approved|rejected|cancelled)(,(draft|pending|approved|rejected|cancelled))*$/).optional()
        .openapi({ param: { name: 'status', in: 'query' }, description: 'Comma-separated statuses.' }),
      from: IsoDate.optional().openapi({ param: { name: 'from', in: 'query' } }),
      to: IsoDate.optional().openapi({ param: { name: 'to', in: 'query' } }),
    }),
  },
  responses: { 200: jsonContent(pageSchema(LeaveRequest, 'LeaveRequestPage'), 'A page of requests.'), ...ruleResponses },
});
const createRouteDef = createRoute({
  method: 'post', path: '/people/{employeeId}/leave-requests', operationId: 'createLeaveRequest', tags, security,
  summary: 'Request leave (or save a draft): counts working hours from the pattern, checks notice, overlap and balance',
  request: { params: EmployeeIdParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: NewLeaveRequest } } } },
  responses: {
    201: { ...jsonContent(LeaveRequest, 'The request (pending: waiting for approval).'), headers: { ...etagHeaders, Location: { schema: { type: 'string' as const } } } },
    ...ruleResponses,
    409: idempotencyResponses[409],
  },
});
const getRouteDef = createRoute({
  method: 'get', path: '/people/{employeeId}/leave-requests/{leaveRequestId}', operationId: 'getLeaveRequest', tags, security,
  summary: 'One leave request (self, line managers, HR)',
  request: { params: LeaveRequestParams },
  responses: { 200: { ...jsonContent(LeaveRequest, 'The request.'), headers: etagHeaders }, ...ruleResponses },
});
const transitionResponses = {
  200: { ...jsonContent(LeaveRequest, 'The request after the change.'), headers: etagHeaders },
  ...ruleResponses,
  409: { description: 'Not possible in the request’s state.', content: problemContent },
  ...ifMatchResponses,
};
const submitRouteDef = createRoute({
  method: 'post', path: '/people/{employeeId}/leave-requests/{leaveRequestId}/submit', operationId: 'submitLeaveRequest', tags, security,
  summary: 'Submit a draft for approval', request: { params: LeaveRequestParams, headers: ifMatchHeader }, responses: transitionResponses,
});
const cancelRouteDef = createRoute({
  method: 'post', path: '/people/{employeeId}/leave-requests/{leaveRequestId}/cancel', operationId: 'cancelLeaveRequest', tags, security,
  summary: 'Cancel a draft, a pending request or approved leave not yet started (the balance is restored)',
  request: { params: LeaveRequestParams, headers: ifMatchHeader }, responses: transitionResponses,
});
const adjustRoute = createRoute({
  method: 'post', path: '/people/{employeeId}/leave-adjustments', operationId: 'adjustLeaveBalance', tags, security,
  summary: 'Correct a balance (HR) or credit time off in lieu earned (line manager, HR)',
  request: { params: EmployeeIdParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: Adjustment } } } },
  responses: { 201: jsonContent(Balance, 'The balance after the adjustment.'), ...ruleResponses },
});
const teamRoute = createRoute({
  method: 'get', path: '/me/team-calendar', operationId: 'getTeamCalendar', tags, security,
  summary: 'Who is off when: my reports (managers) or my colleagues (shown only as absent)',
  request: { query: z.strictObject({ ...rangeQuery, scope: z.enum(['direct', 'all']).default('direct').openapi({ param: { name: 'scope', in: 'query' } }) }) },
  responses: { 200: jsonContent(TeamCalendar, 'The calendar.'), 400: problemResponses[400], 401: problemResponses[401] },
});
const calendarRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/absence-calendar', operationId: 'getAbsenceCalendar', tags, security,
  summary: 'A person’s days: scheduled hours, bank holidays, leave and sickness (self, line managers, HR; audited)',
  request: { params: EmployeeIdParam, query: z.strictObject(rangeQuery) },
  responses: { 200: jsonContent(AbsenceCalendar, 'Day by day.'), ...ruleResponses },
});
const bankHolidaysRoute = createRoute({
  method: 'get', path: '/calendars/bank-holidays', operationId: 'listBankHolidays', tags: ['Calendars'], security,
  summary: 'UK bank holidays for a year and division (England and Wales, Scotland, Northern Ireland)',
  request: {
    query: z.strictObject({
      division: z.enum(['england-and-wales', 'scotland', 'northern-ireland']).default('england-and-wales').openapi({ param: { name: 'division', in: 'query' } }),
      year: z.coerce.number().int().min(1980).max(2200).openapi({ param: { name: 'year', in: 'query' }, example: 2026 }),
    }),
  },
  responses: { 200: jsonContent(BankHolidays, 'The bank holidays in date order.'), 400: problemResponses[400], 401: problemResponses[401] },
});

const today = () => isoOf(todayDay());

/** Checks a date range: to ≥ from and at most `maxDays` long. */
export function checkRange(from: string, to: string, maxDays: number): void {
  if (to < from) throw problems.validation([{ path: 'query.to', message: 'Must be on or after from', code: 'invalid_range' }]);
  if (dayOf(to) - dayOf(from) + 1 > maxDays) throw problems.validation([{ path: 'query.to', message: `At most ${maxDays} days at a time`, code: 'range_too_long' }]);
}

async function factsOf(c: { var: AppEnv['Variables'] }, employeeId: string): Promise<LeaveFacts> {
  const facts = await loadLeaveFacts(c.var.db, employeeId);
  if (!facts) throw new ApiProblem(422, 'no_assignment', 'No assignment', `${employeeId} has no assignment.`);
  return facts;
}

async function patternsView(c: { var: AppEnv['Variables'] }, employeeId: string) {
  const facts = await factsOf(c, employeeId);
  return {
    employeeId,
    assignmentId: facts.assignment.id,
    contractedMinutesPerWeek: facts.assignment.contractedMinutesPerWeek,
    standard: facts.defaultPattern,
    patterns: facts.defaultPattern ? [{ ...facts.patterns[0]!, effectiveFrom: facts.assignment.startDate }] : facts.patterns,
  };
}

export function leaveRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.use('/people/:employeeId/leave-requests', idempotency());
  app.use('/people/:employeeId/leave-adjustments', idempotency());
  const ctxOf = (c: Parameters<typeof auditContext>[0]) => auditContext(c);
  return app
    .openapi(entitlementRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'leave');
      const facts = await factsOf(c, employeeId);
      const e = entitlementOf(facts, leaveYearOf(facts, c.req.valid('query').on ?? today()));
      return c.json({ employeeId, ...e, publicHolidayBasis: facts.settings.publicHolidayBasis, workingPattern: facts.defaultPattern ? ('standard' as const) : ('recorded' as const) }, 200);
    })
    .openapi(balancesRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'leave');
      const facts = await factsOf(c, employeeId);
      const leaveYear = leaveYearOf(facts, c.req.valid('query').on ?? today());
      const balances = [await ensureBalance(c.var.db, facts, leaveYear, 'annual'), await ensureBalance(c.var.db, facts, leaveYear, 'toil')];
      return c.json({ employeeId, leaveYear, balances }, 200);
    })
    .openapi(patternRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'leave');
      return c.json(await patternsView(c, employeeId), 200);
    })
    .openapi(putPatternRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'leaveAdmin');
      const body = c.req.valid('json');
      const facts = await factsOf(c, employeeId);
      const issues = patternProblems(body, facts.assignment.contractedMinutesPerWeek).map((i) => ({ ...i, path: `json.${i.path}` }));
      if (issues.length > 0) throw new ApiProblem(422, 'invalid_working_pattern', 'The working pattern does not fit', issues.map((i) => i.message).join('; '), { errors: issues });
      await c.var.db
        .insert(workingPatterns)
        .values({ id: `wkp_${randomUUID().replaceAll('-', '')}`, organisationId: facts.organisationId, assignmentId: facts.assignment.id, employeeId, ...body })
        .onConflictDoUpdate({ target: [workingPatterns.assignmentId, workingPatterns.effectiveFrom], set: { cycleStart: body.cycleStart, minutesByDay: body.minutesByDay, version: sql`${workingPatterns.version} + 1` } });
      await recordAudit(c.var.db, { ...ctxOf(c), action: 'update', resource: 'working_pattern', subjectEmployeeId: employeeId, changes: { effectiveFrom: { to: body.effectiveFrom } } });
      return c.json(await patternsView(c, employeeId), 200);
    })
    .openapi(listRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'leave');
      const q = c.req.valid('query');
      const after = q.cursor ? (decodeCursor(q.cursor, ['instant', 'text']).map(String) as [string, string]) : undefined;
      const rows = await listLeaveRequests(c.var.db, employeeId, { status: q.status?.split(',') as never, from: q.from, to: q.to, limit: q.limit, after });
      return c.json(toPage(rows, q.limit, toView, (r) => [r.startDate, r.id]), 200);
    })
    .openapi(createRouteDef, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'leaveRequestWrite');
      const body = c.req.valid('json');
      const view = await createLeaveRequest(c.var.db, ctxOf(c), employeeId, body);
      c.header('ETag', etagFor(view.version));
      c.header('Location', `/v1/people/${employeeId}/leave-requests/${view.id}`);
      return c.json(view, 201);
    })
    .openapi(getRouteDef, async (c) => {
      const p = c.req.valid('param');
      const { employeeId } = await authorise(c.var.db, c.var.principal, p.employeeId, 'leave');
      const row = await findLeaveRequest(c.var.db, employeeId, p.leaveRequestId);
      if (!row) throw problems.notFound(`Leave request ${p.leaveRequestId}`);
      c.header('ETag', etagFor(row.version));
      return c.json(toView(row), 200);
    })
    .openapi(submitRouteDef, async (c) => {
      const p = c.req.valid('param');
      const { employeeId } = await authorise(c.var.db, c.var.principal, p.employeeId, 'leaveRequestWrite');
      const view = await submitLeaveRequest(c.var.db, ctxOf(c), employeeId, p.leaveRequestId, ifMatchVersion(c));
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(cancelRouteDef, async (c) => {
      const p = c.req.valid('param');
      const { employeeId } = await authorise(c.var.db, c.var.principal, p.employeeId, 'leaveRequestWrite');
      const view = await cancelLeaveRequest(c.var.db, ctxOf(c), employeeId, p.leaveRequestId, ifMatchVersion(c));
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(adjustRoute, async (c) => {
      const body = c.req.valid('json');
      // Crediting TOIL is open to line managers; any other adjustment is HR's.
      const policy = body.kind === 'toil' && body.minutes > 0 ? 'toilCredit' : 'leaveAdmin';
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, policy);
      const facts = await factsOf(c, employeeId);
      const leaveYear = leaveYearOf(facts, body.on ?? today());
      const balance = await c.var.db.transaction(async (tx) => {
        await tx.insert(leaveAdjustments).values({
          id: `lva_${randomUUID().replaceAll('-', '')}`, organisationId: facts.organisationId, employeeId, leaveYearStart: leaveYear.start,
          kind: body.kind, minutes: body.minutes, reason: body.reason, createdBy: c.var.principal.employeeId,
        });
        const after = await adjust(tx, facts, leaveYear, body.kind, body.minutes);
        await recordAudit(tx, { ...ctxOf(c), action: 'adjust', resource: `leave_balance:${body.kind}`, subjectEmployeeId: employeeId, changes: { minutes: { to: String(body.minutes) } } });
        return after;
      });
      return c.json(balance, 201);
    })
    .openapi(teamRoute, async (c) => {
      const q = c.req.valid('query');
      checkRange(q.from, q.to, 93);
      return c.json(await teamCalendar(c.var.db, c.var.principal.employeeId, q), 200);
    })
    .openapi(calendarRoute, async (c) => {
      const { employeeId, relation } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'leave');
      const q = c.req.valid('query');
      checkRange(q.from, q.to, 366);
      const facts = await factsOf(c, employeeId);
      // The leave policy's audience (self, line managers, HR) is the sickness policy's: reasons may be shown.
      const { days, hasSickness } = await absenceCalendar(c.var.db, facts, q);
      if (hasSickness && relation !== 'self') await auditRead(c.var.db, { ...ctxOf(c), resource: 'sickness_absence', subjectEmployeeId: employeeId });
      return c.json({ employeeId, from: q.from, to: q.to, days }, 200);
    })
    .openapi(bankHolidaysRoute, async (c) => {
      const q = c.req.valid('query');
      return c.json({ division: q.division, year: q.year, holidays: bankHolidays(q.year, q.division) }, 200);
    });
}

