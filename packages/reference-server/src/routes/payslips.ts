import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { auditContext, auditRead } from '../audit/index.ts';
import { authorise } from '../auth/access.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { problems } from '../http/problem.ts';
import { IsoDate, Pence, jsonContent, problemResponses } from '../http/schemas.ts';
import { buildP60, isConsecutiveTaxYear, listP60TaxYears, taxYearPattern, todayUtc } from '../domain/p60/p60.ts';
import { p60FileName, renderP60Pdf } from '../domain/p60/p60-pdf.ts';
import { loadDocumentFacts } from '../domain/payslips/employer-reference.ts';
import { payslipFileName, renderPayslipPdf } from '../domain/payslips/payslip-pdf.ts';
import type { DocumentLanguage } from '../domain/payslips/payslip-pdf.ts';
import { findPayslip, latestPayslipJson, listPayslips, toSummary } from '../domain/payslips/payslip-store.ts';
import type { PayslipView } from '../domain/payslips/payslip-store.ts';
import { EmployeeIdParam } from './people.schemas.ts';

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

const PayslipSummaryPage = pageSchema(PayslipSummary, 'PayslipSummaryPage');

const listRoute = createRoute({
  method: 'get',
  path: '/me/payslips',
  operationId: 'listMyPayslips',
  tags: ['Payslips'],
  summary: 'List my payslips, newest first',
  security: [{ bearerAuth: [] }],
  request: { query: z.strictObject(pageQuery) },
  responses: {
    200: jsonContent(PayslipSummaryPage, 'A page of payslip summaries.'),
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

const PayslipIdParam = z.object({
  payslipId: z
    .string()
    .regex(/^pay_[A-Za-z0-9]{1,64}$/, 'Payslip ids look like pay_…')
    .openapi({ param: { name: 'payslipId', in: 'path' }, example: 'pay_01hq3v6k2m' }),
});

const pdfQuery = z.strictObject({
  lang: z.enum(['en', 'cy']).default('en').openapi({ param: { name: 'lang', in: 'query' }, description: 'Language of the labels: English (default) or Welsh.' }),
});

const pdfHeaders = {
  'Content-Disposition': { schema: { type: 'string' as const }, description: 'attachment; filename="payslip-2026-10-30.pdf"' },
  'Cache-Control': { schema: { type: 'string' as const }, description: 'private, no-store' },
};

const pdfContent = (description: string) => ({
  description,
  headers: pdfHeaders,
  content: { 'application/pdf': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
});

const getRoute = createRoute({
  method: 'get',
  path: '/me/payslips/{payslipId}',
  operationId: 'getMyPayslip',
  tags: ['Payslips'],
  summary: 'Get one of my payslips',
  security: [{ bearerAuth: [] }],
  request: { params: PayslipIdParam },
  responses: {
    200: jsonContent(Payslip, 'The payslip.'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const pdfRoute = createRoute({
  method: 'get',
  path: '/me/payslips/{payslipId}/pdf',
  operationId: 'getMyPayslipPdf',
  tags: ['Payslips'],
  summary: 'Download one of my payslips as a PDF (ESR layout)',
  security: [{ bearerAuth: [] }],
  request: { params: PayslipIdParam, query: pdfQuery },
  responses: {
    200: pdfContent('The payslip as an A4 PDF, for download.'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

/** A PDF download: never cached by shared caches or kept by the browser. */
function pdfResponse(c: Context, bytes: Uint8Array, fileName: string): Response {
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'private, no-store',
  });
}

async function payslipPdf(c: Context<AppEnv>, payslip: PayslipView, lang: DocumentLanguage): Promise<Response> {
  const facts = await loadDocumentFacts(c.var.db, payslip.employee.id, payslip.organisation.id);
  const { bytes } = await renderPayslipPdf(payslip, { niNumberMasked: facts.niNumberMasked, employerPayeReference: facts.employerPayeReference, lang });
  return pdfResponse(c, bytes, payslipFileName(payslip));
}

export function payslipRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const after = cursor ? (decodeCursor(cursor, ['instant', 'text']) as [string, string]) : undefined;
      const rows = await listPayslips(c.var.db, c.var.principal.employeeId, { limit, after, releasedOnly: true });
      return c.json(toPage(rows, limit, toSummary, (r) => [r.payDate, r.id]), 200);
    })
    .openapi(latestRoute, async (c) => {
      // Already the JSON of the Payslip schema, written by the database (see latestPayslipJson).
      const body = await latestPayslipJson(c.var.db, c.var.principal.employeeId);
      if (body === null) throw problems.notFound('A payslip for you');
      // Typed as the JSON it is (the route's types know only c.json); payslip-store's test holds them equal.
      return c.body(body, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<PayslipView, 200, 'json'>;
    })
    .openapi(getRoute, async (c) => {
      const { payslipId } = c.req.valid('param');
      const payslip = await findPayslip(c.var.db, c.var.principal.employeeId, { id: payslipId }, { releasedOnly: true });
      if (!payslip) throw problems.notFound(`Payslip ${payslipId}`);
      return c.json(payslip, 200);
    })
    .openapi(pdfRoute, async (c) => {
      const { payslipId } = c.req.valid('param');
      const payslip = await findPayslip(c.var.db, c.var.principal.employeeId, { id: payslipId }, { releasedOnly: true });
      if (!payslip) throw problems.notFound(`Payslip ${payslipId}`);
      return payslipPdf(c, payslip, c.req.valid('query').lang);
    });
}

// ── Payslips of a person: the person themself, or a payroll admin of their organisation (audited) ──

const peopleTags = ['Payslips'];
const peopleErrors = { 400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] };

const personListRoute = createRoute({
  method: 'get',
  path: '/people/{employeeId}/payslips',
  operationId: 'listPersonPayslips',
  tags: peopleTags,
  summary: 'A person’s payslips, newest first (self; payroll admins of the organisation, audited)',
  security: [{ bearerAuth: [] }],
  request: { params: EmployeeIdParam, query: z.strictObject(pageQuery) },
  responses: { 200: jsonContent(PayslipSummaryPage, 'A page of payslip summaries.'), ...peopleErrors },
});

const personGetRoute = createRoute({
  method: 'get',
  path: '/people/{employeeId}/payslips/{payslipId}',
  operationId: 'getPersonPayslip',
  tags: peopleTags,
  summary: 'One of a person’s payslips (self; payroll admins of the organisation, audited)',
  security: [{ bearerAuth: [] }],
  request: { params: EmployeeIdParam.extend(PayslipIdParam.shape) },
  responses: { 200: jsonContent(Payslip, 'The payslip.'), ...peopleErrors },
});

const personPdfRoute = createRoute({
  method: 'get',
  path: '/people/{employeeId}/payslips/{payslipId}/pdf',
  operationId: 'getPersonPayslipPdf',
  tags: peopleTags,
  summary: 'One of a person’s payslips as a PDF (self; payroll admins of the organisation, audited)',
  security: [{ bearerAuth: [] }],
  request: { params: EmployeeIdParam.extend(PayslipIdParam.shape), query: pdfQuery },
  responses: { 200: pdfContent('The payslip as an A4 PDF, for download.'), ...peopleErrors },
});

/**
 * Managers never see payslips (403 for those in line, who may see the profile; 404 otherwise), nor
 * do HR admins without the payroll_admin role; other organisations get 404.
 */
export function peoplePayslipRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(personListRoute, async (c) => {
      const { employeeId, relation } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'payslips');
      const { limit, cursor } = c.req.valid('query');
      const after = cursor ? (decodeCursor(cursor, ['instant', 'text']) as [string, string]) : undefined;
      const rows = await listPayslips(c.var.db, employeeId, { limit, after, releasedOnly: !c.var.principal.roles.includes('payroll_admin') });
      if (relation !== 'self') await auditRead(c.var.db, { ...auditContext(c), resource: 'payslips', subjectEmployeeId: employeeId });
      return c.json(toPage(rows, limit, toSummary, (r) => [r.payDate, r.id]), 200);
    })
    .openapi(personGetRoute, async (c) => {
      const params = c.req.valid('param');
      const { employeeId, relation } = await authorise(c.var.db, c.var.principal, params.employeeId, 'payslips');
      const payslip = await findPayslip(c.var.db, employeeId, { id: params.payslipId }, { releasedOnly: !c.var.principal.roles.includes('payroll_admin') });
      if (!payslip) throw problems.notFound(`Payslip ${params.payslipId}`);
      if (relation !== 'self') await auditRead(c.var.db, { ...auditContext(c), resource: 'payslip', subjectEmployeeId: employeeId });
      return c.json(payslip, 200);
    })
    .openapi(personPdfRoute, async (c) => {
      const params = c.req.valid('param');
      const { employeeId, relation } = await authorise(c.var.db, c.var.principal, params.employeeId, 'payslips');
      const payslip = await findPayslip(c.var.db, employeeId, { id: params.payslipId }, { releasedOnly: !c.var.principal.roles.includes('payroll_admin') });
      if (!payslip) throw problems.notFound(`Payslip ${params.payslipId}`);
      if (relation !== 'self') await auditRead(c.var.db, { ...auditContext(c), resource: 'payslip_pdf', subjectEmployeeId: employeeId });
      return payslipPdf(c, payslip, c.req.valid('query').lang);
    });
}

// ── P60 end-of-year certificates, from the stored payslips of ended tax years ──

const TaxYearParam = z.object({
  taxYear: z
    .string()
    .regex(taxYearPattern, { message: 'A tax year like 2025-26', abort: true })
    .refine(isConsecutiveTaxYear, 'The two years of a tax year must be consecutive, like 2025-26')
    .openapi({ param: { name: 'taxYear', in: 'path' }, example: '2025-26' }),
});

const P60Summary = z
  .object({
    taxYear: z.string().openapi({ example: '2025-26' }),
    taxYearEnd: IsoDate,
    employerName: z.string(),
    payslipCount: z.number().int(),
  })
  .openapi('P60Summary');

const P60 = z
  .object({
    taxYear: z.string().openapi({ example: '2025-26' }),
    taxYearEnd: IsoDate,
    employer: z.object({
      organisationId: z.string(),
      name: z.string(),
      payeReference: z.string().nullable().openapi({ description: 'Employer PAYE reference (tax office number/reference).', example: '120/R100' }),
    }),
    employee: z.object({
      id: z.string(),
      name: z.string(),
      niNumberMasked: z.string().nullable().openapi({ example: 'QQ ** ** ** C' }),
      payrollNumber: z.string().openapi({ description: 'Assignment number on the last payslip of the year.', example: '20000043-1' }),
    }),
    finalTaxCode: z.string().openapi({ example: '1257L' }),
    finalTaxBasis: z.enum(['cumulative', 'non-cumulative']),
    payInThisEmploymentPence: Pence.openapi({ description: 'Pay for income tax in this employment: the sum of each payslip’s taxable pay.' }),
    taxInThisEmploymentPence: Pence.openapi({ description: 'Income tax deducted in this employment: the sum of the payslips’ PAYE lines.' }),
    grossPayPence: Pence,
    employeeNiPence: Pence,
    nationalInsurance: z.array(
      z.object({
        category: z.string().openapi({ example: 'A' }),
        earningsAtLelPence: Pence,
        earningsLelToPtPence: Pence,
        earningsPtToUelPence: Pence,
        employeeContributionsPence: Pence,
      }),
    ).openapi({ description: 'NI earnings by band and employee contributions, per category letter.' }),
    studentLoanPence: Pence,
    postgraduateLoanPence: Pence,
    pensionContributionsPence: Pence,
    statutoryPayments: z.object({
      maternityPence: Pence,
      paternityPence: Pence,
      adoptionPence: Pence,
      sharedParentalPence: Pence,
      parentalBereavementPence: Pence,
    }),
    payslipCount: z.number().int(),
    lastPayDate: IsoDate,
  })
  .openapi('P60', { description: 'End of year certificate: every figure is the sum of the tax year’s payslips.' });

const p60ListRoute = createRoute({
  method: 'get',
  path: '/me/p60s',
  operationId: 'listMyP60s',
  tags: ['Payslips'],
  summary: 'Tax years with a P60 for me (ended years in which I was paid), newest first',
  security: [{ bearerAuth: [] }],
  request: { query: z.strictObject(pageQuery) },
  responses: {
    200: jsonContent(pageSchema(P60Summary, 'P60SummaryPage'), 'A page of tax years with a P60.'),
    400: problemResponses[400],
    401: problemResponses[401],
  },
});

const p60GetRoute = createRoute({
  method: 'get',
  path: '/me/p60s/{taxYear}',
  operationId: 'getMyP60',
  tags: ['Payslips'],
  summary: 'My P60 for an ended tax year',
  security: [{ bearerAuth: [] }],
  request: { params: TaxYearParam },
  responses: {
    200: jsonContent(P60, 'The P60.'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: { ...problemResponses[404], description: 'The tax year has not ended, or I was not paid in it.' },
  },
});

const p60PdfRoute = createRoute({
  method: 'get',
  path: '/me/p60s/{taxYear}/pdf',
  operationId: 'getMyP60Pdf',
  tags: ['Payslips'],
  summary: 'My P60 for an ended tax year as a PDF',
  security: [{ bearerAuth: [] }],
  request: { params: TaxYearParam },
  responses: {
    200: pdfContent('The P60 as an A4 PDF, for download (p60-2025-26.pdf).'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: { ...problemResponses[404], description: 'The tax year has not ended, or I was not paid in it.' },
  },
});

export interface P60RouteOptions {
  /** Today's date (YYYY-MM-DD, UTC) for "has the tax year ended?"; tests pin it. */
  today?: () => string;
}

export function p60Routes(options: P60RouteOptions = {}) {
  const today = options.today ?? todayUtc;
  const notFound = (taxYear: string) => problems.notFound(`A P60 for the tax year ${taxYear}`);
  return new OpenAPIHono<AppEnv>()
    .openapi(p60ListRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const after = cursor ? String(decodeCursor(cursor, 1)[0]) : undefined;
      const years = (await listP60TaxYears(c.var.db, c.var.principal.employeeId, today())).filter((y) => after === undefined || y.taxYear < after);
      return c.json(toPage(years.slice(0, limit + 1), limit, (y) => y, (y) => [y.taxYear]), 200);
    })
    .openapi(p60GetRoute, async (c) => {
      const { taxYear } = c.req.valid('param');
      const p60 = await buildP60(c.var.db, c.var.principal.employeeId, taxYear, today());
      if (!p60) throw notFound(taxYear);
      return c.json(p60, 200);
    })
    .openapi(p60PdfRoute, async (c) => {
      const { taxYear } = c.req.valid('param');
      const p60 = await buildP60(c.var.db, c.var.principal.employeeId, taxYear, today());
      if (!p60) throw notFound(taxYear);
      const { bytes } = await renderP60Pdf(p60);
      return pdfResponse(c, bytes, p60FileName(p60));
    });
}
