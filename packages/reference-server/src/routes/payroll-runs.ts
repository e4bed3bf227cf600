// Payroll runs: payroll administrators start a run for their organisation and a pay period, watch its
// progress, roll it back before it is finalised, and finalise it once. Mount under `/v1` after
// `requireAuth` on `/v1/payroll/*`.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { auditContext } from '../audit/index.ts';
import { idempotency } from '../http/idempotency.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { problems } from '../http/problem.ts';
import { bearerSecurity, idempotencyHeader, IsoDate, jsonContent, problemResponses } from '../http/schemas.ts';
import { TAX_YEARS, taxPeriodForPayDate, taxYearForPayDate } from '../domain/payroll/index.ts';
import { findRun, finaliseRun, listRuns, requirePayrollAdmin, rollBackRun, startRun, toRunView } from '../domain/payroll-runs/run-store.ts';
import type { PayrollRunOptions } from '../domain/payroll-runs/runner.ts';

const tags = ['Payroll runs'];
const security = bearerSecurity;
const conflict = (description: string) => ({ description, content: problemResponses[400].content });

const RunStatus = z.enum(['running', 'completed', 'failed', 'rolled_back', 'finalised']).openapi('PayrollRunStatus');

const PayrollRun = z
  .object({
    id: z.string().openapi({ example: 'prn_3f0c9a7e5b2d4c1e8a6f0b9d7c5e3a1f' }),
    organisationId: z.string().openapi({ example: 'org_00' }),
    taxYear: z.string().openapi({ example: '2026-27' }),
    frequency: z.literal('monthly'),
    periodNumber: z.number().int().openapi({ description: 'Tax month (1 = 6 April–5 May).', example: 8 }),
    payDate: IsoDate,
    status: RunStatus,
    progress: z.object({
      total: z.number().int().openapi({ description: 'Assignments to pay (settled when the run completes).', example: 2000 }),
      processed: z.number().int().openapi({ example: 1500 }),
      percent: z.number().openapi({ example: 75 }),
      payslipsWritten: z.number().int().openapi({ description: 'Payslips this run wrote (an assignment already paid for the period is processed but not written again).', example: 1500 }),
      payslipsPerSecond: z.number().int().nullable().openapi({ example: 8200 }),
      etaSeconds: z.number().int().nullable().openapi({ description: 'Seconds left at the current rate; null once finished.', example: 1 }),
    }),
    startedBy: z.string().openapi({ example: 'emp_000000042' }),
    startedAt: z.string().openapi({ example: '2026-11-20T09:00:00.000Z' }),
    finishedAt: z.string().nullable(),
    finalisedAt: z.string().nullable(),
    rolledBackAt: z.string().nullable(),
    error: z.string().nullable().openapi({ description: 'Why a failed run stopped, naming the employee it could not pay.' }),
  })
  .openapi('PayrollRun');

const StartPayrollRun = z
  .strictObject({
    taxYear: z.enum(TAX_YEARS).openapi({ example: '2026-27' }),
    periodNumber: z.number().int().min(1).max(12).openapi({ description: 'Tax month to pay.', example: 8 }),
    payDate: IsoDate.openapi({ description: 'Must fall in that tax month.', example: '2026-11-27' }),
  })
  .openapi('StartPayrollRun');

const RunIdParam = z.object({
  runId: z
    .string()
    .regex(/^prn_[A-Za-z0-9]{1,64}$/, 'Payroll run ids look like prn_…')
    .openapi({ param: { name: 'runId', in: 'path' }, example: 'prn_3f0c9a7e5b2d4c1e8a6f0b9d7c5e3a1f' }),
});


const startRoute = createRoute({
  method: 'post', path: '/payroll/runs', operationId: 'startPayrollRun', tags, security,
  summary: 'Start a payroll run for my organisation and a pay period (payroll admins)',
  description: 'Returns at once (202); the run computes and stores a payslip per assignment in the background. Poll the run for progress.',
  request: { headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: StartPayrollRun } } } },
  responses: {
    202: { ...jsonContent(PayrollRun, 'The run, started.'), headers: z.object({ Location: z.string() }) },
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403],
    409: conflict('A run for this period already exists (roll it back first), or a request with this Idempotency-Key is still in progress.'),
    422: conflict('This Idempotency-Key was used for a different request.'),
  },
});

const listRoute = createRoute({
  method: 'get', path: '/payroll/runs', operationId: 'listPayrollRuns', tags, security,
  summary: "My organisation's payroll runs, newest first (payroll admins)",
  request: { query: z.strictObject({ ...pageQuery, status: RunStatus.optional().openapi({ param: { name: 'status', in: 'query' } }) }) },
  responses: {
    200: jsonContent(pageSchema(PayrollRun, 'PayrollRunPage'), 'A page of runs.'),
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403],
  },
});

const getRoute = createRoute({
  method: 'get', path: '/payroll/runs/{runId}', operationId: 'getPayrollRun', tags, security,
  summary: 'A payroll run with its progress (payroll admins)',
  request: { params: RunIdParam },
  responses: {
    200: jsonContent(PayrollRun, 'The run.'),
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
  },
});

const rollbackRoute = createRoute({
  method: 'post', path: '/payroll/runs/{runId}/rollback', operationId: 'rollBackPayrollRun', tags, security,
  summary: "Roll back a run before it is finalised: deletes exactly this run's payslips (payroll admins)",
  request: { params: RunIdParam },
  responses: {
    200: jsonContent(PayrollRun.extend({ payslipsDeleted: z.number().int() }).openapi('RolledBackPayrollRun'), 'The run, rolled back.'),
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
    409: conflict('The run is finalised or already rolled back.'),
  },
});

const finaliseRoute = createRoute({
  method: 'post', path: '/payroll/runs/{runId}/finalise', operationId: 'finalisePayrollRun', tags, security,
  summary: 'Finalise a completed run, exactly once (payroll admins)',
  request: { params: RunIdParam },
  responses: {
    200: jsonContent(PayrollRun, 'The run, finalised.'),
    400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404],
    409: conflict('The run is not completed (still running, failed, rolled back) or already finalised.'),
  },
});

/** The payroll-run routes; `options` tune the background worker (batch size, test hooks). */
export function payrollRunRoutes(options: PayrollRunOptions = {}) {
  const app = new OpenAPIHono<AppEnv>();
  // A run is committed before it answers (its id goes to a background worker); a second start of the
  // same period is refused by the one-live-run rule, so the key need not share its transaction.
  app.use('/payroll/runs', idempotency({ separateTransactions: true }));
  return app
    .openapi(startRoute, async (c) => {
      requirePayrollAdmin(c.var.principal);
      const body = c.req.valid('json');
      if (taxYearForPayDate(body.payDate) !== body.taxYear || taxPeriodForPayDate(body.payDate, 'monthly') !== body.periodNumber) {
        throw problems.validation([{ path: 'body.payDate', message: `Must fall in tax month ${body.periodNumber} of ${body.taxYear}`, code: 'pay_date_outside_period' }]);
      }
      const run = await startRun(c.var.db, auditContext(c), body, options);
      c.header('Location', `/v1/payroll/runs/${run.id}`);
      return c.json(toRunView(run), 202);
    })
    .openapi(listRoute, async (c) => {
      requirePayrollAdmin(c.var.principal);
      const { limit, cursor, status } = c.req.valid('query');
      const after = cursor ? (decodeCursor(cursor, ['instant', 'text']) as [string, string]) : undefined;
      const rows = await listRuns(c.var.db, c.var.principal.organisationId, { limit, after, status });
      return c.json(toPage(rows, limit, toRunView, (r) => [r.startedAt, r.id]), 200);
    })
    .openapi(getRoute, async (c) => {
      requirePayrollAdmin(c.var.principal);
      const { runId } = c.req.valid('param');
      const run = await findRun(c.var.db, c.var.principal, runId);
      if (!run) throw problems.notFound(`Payroll run ${runId}`);
      return c.json(toRunView(run), 200);
    })
    .openapi(rollbackRoute, async (c) => {
      requirePayrollAdmin(c.var.principal);
      const { runId } = c.req.valid('param');
      const { row, payslipsDeleted } = await rollBackRun(c.var.db, auditContext(c), runId);
      return c.json({ ...toRunView(row), payslipsDeleted }, 200);
    })
    .openapi(finaliseRoute, async (c) => {
      requirePayrollAdmin(c.var.principal);
      const { runId } = c.req.valid('param');
      const { row } = await finaliseRun(c.var.db, auditContext(c), runId);
      return c.json(toRunView(row), 200);
    });
}
