import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { problems } from '../http/problem.ts';
import { IsoDate, Pence, jsonContent, problemResponses } from '../http/schemas.ts';
import { findPayslip, listPayslips, toSummary } from '../domain/payslips/payslip-store.ts';

const Line = z
  .object({
    code: z.string().openapi({ example: 'BASIC' }),
    description: z.string().openapi({ example: 'Basic pay' }),
    amountPence: Pence,
  })
  .openapi('PayslipLine');

const Period = z
  .object({
    frequency: z.enum(['weekly', 'fortnightly', 'four-weekly', 'monthly']),
    number: z.number().int().openapi({ description: 'Tax period within the tax year (month 1 runs 6 April–5 May).', example: 7 }),
  })
  .openapi('PayPeriod');

const Totals = z
  .object({ grossPence: Pence, deductionsPence: Pence, netPence: Pence })
  .openapi('PayslipTotals');

const PayslipSummary = z
  .object({
    id: z.string().openapi({ example: 'pay_01hq3v6k2m' }),
    payDate: IsoDate,
    taxYear: z.string().openapi({ example: '2026-27' }),
    period: Period,
    totals: Totals,
  })
  .openapi('PayslipSummary');

const Payslip = z
  .object({
    id: z.string().openapi({ example: 'pay_01hq3v6k2m' }),
    employee: z.object({
      id: z.string(),
      name: z.string(),
      assignmentNumber: z.string(),
      jobTitle: z.string(),
      band: z.string(),
      orgUnit: z.string(),
    }),
    organisation: z.object({ id: z.string(), name: z.string() }),
    payDate: IsoDate,
    taxYear: z.string(),
    period: Period,
    taxCode: z.string().openapi({ example: '1257L' }),
    taxBasis: z.enum(['cumulative', 'non-cumulative']),
    niCategory: z.string().openapi({ example: 'A' }),
    payments: z.array(Line),
    deductions: z.array(Line),
    totals: Totals,
    yearToDate: z.object({
      grossPence: Pence,
      taxablePayPence: Pence,
      taxPence: Pence,
      employeeNiPence: Pence,
      pensionPence: Pence,
    }),
    employerContributions: z.object({ niPence: Pence, pensionPence: Pence }),
    paidTo: z
      .object({ method: z.literal('BACS'), accountNumberMasked: z.string().openapi({ example: '****5678' }) })
      .nullable(),
  })
  .openapi('Payslip');

const listRoute = createRoute({
  method: 'get',
  path: '/me/payslips',
  operationId: 'listMyPayslips',
  tags: ['Payslips'],
  summary: 'List my payslips, newest first',
  security: [{ bearerAuth: [] }],
  request: { query: z.strictObject(pageQuery) },
  responses: {
    200: jsonContent(pageSchema(PayslipSummary, 'PayslipSummaryPage'), 'A page of payslip summaries.'),
    400: problemResponses[400],
    401: problemResponses[401],
  },
});

const latestRoute = createRoute({
  method: 'get',
  path: '/me/payslips/latest',
  operationId: 'getMyLatestPayslip',
  tags: ['Payslips'],
  summary: 'Get my most recent payslip',
  security: [{ bearerAuth: [] }],
  responses: {
    200: jsonContent(Payslip, 'The payslip with the latest pay date.'),
    401: problemResponses[401],
    404: { ...problemResponses[404], description: 'The caller has no payslips yet.' },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/me/payslips/{payslipId}',
  operationId: 'getMyPayslip',
  tags: ['Payslips'],
  summary: 'Get one of my payslips',
  security: [{ bearerAuth: [] }],
  request: {
    params: z.object({
      payslipId: z
        .string()
        .regex(/^pay_[A-Za-z0-9]{1,64}$/, 'Payslip ids look like pay_…')
        .openapi({ param: { name: 'payslipId', in: 'path' }, example: 'pay_01hq3v6k2m' }),
    }),
  },
  responses: {
    200: jsonContent(Payslip, 'The payslip.'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

export function payslipRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const after = cursor ? (decodeCursor(cursor, 2) as [string, string]) : undefined;
      const rows = await listPayslips(c.var.db, c.var.principal.employeeId, { limit, after });
      return c.json(toPage(rows, limit, toSummary, (r) => [r.payDate, r.id]), 200);
    })
    .openapi(latestRoute, async (c) => {
      const payslip = await findPayslip(c.var.db, c.var.principal.employeeId, 'latest');
      if (!payslip) throw problems.notFound('A payslip for you');
      return c.json(payslip, 200);
    })
    .openapi(getRoute, async (c) => {
      const { payslipId } = c.req.valid('param');
      const payslip = await findPayslip(c.var.db, c.var.principal.employeeId, { id: payslipId });
      if (!payslip) throw problems.notFound(`Payslip ${payslipId}`);
      return c.json(payslip, 200);
    });
}
