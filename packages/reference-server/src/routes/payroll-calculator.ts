// Stateless payroll calculator: one employee, one pay period, every figure explained.
// Any signed-in caller may use it; it reads and writes no stored data.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import {
  MAX_INPUT_PENCE,
  NI_CATEGORIES,
  PAY_FREQUENCIES,
  PayrollInputError,
  STUDENT_LOAN_PLANS,
  TAX_YEARS,
  calculatePeriod,
} from '../domain/payroll/index.ts';
import type { PeriodInput, PeriodResult } from '../domain/payroll/index.ts';
import { problems } from '../http/problem.ts';
import { jsonContent, problemResponses } from '../http/schemas.ts';

const NI_LETTERS = Object.keys(NI_CATEGORIES) as [string, ...string[]];

/** An input amount: integer pence, not negative, at most £1bn (keeps the engine's arithmetic exact). */
const InputPence = (description: string, example?: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(MAX_INPUT_PENCE)
    .openapi({ description: `${description} Integer pence.`, ...(example !== undefined ? { example } : {}) });

const ResultPence = (description: string, example?: number) =>
  z.number().int().openapi({ description: `${description} Integer pence.`, ...(example !== undefined ? { example } : {}) });

export const PayrollCalculationRequest = z
  .strictObject({
    taxYear: z.enum(TAX_YEARS).openapi({ example: '2025-26' }),
    frequency: z.enum(PAY_FREQUENCIES).openapi({ example: 'monthly' }),
    period: z
      .number()
      .int()
      .min(1)
      .max(53)
      .openapi({
        description: 'Tax period: month 1–12 (month 1 runs 6 April–5 May), week 1–53, fortnight 1–27 or four-week period 1–14.',
        example: 7,
      }),
    taxCode: z
      .string()
      .min(1)
      .max(20)
      .openapi({
        description:
          "HMRC tax code, e.g. 1257L, K475, BR, D0, NT, 0T. An S prefix selects Scottish rates and a C prefix Welsh ones; a ' W1', ' M1' or ' X' suffix means non-cumulative.",
        example: '1257L',
      }),
    basis: z
      .enum(['cumulative', 'non-cumulative'])
      .optional()
      .openapi({ description: 'Cumulative by default; non-cumulative is week 1/month 1. A W1/M1/X marker on the code is non-cumulative whatever is asked.' }),
    grossPayPence: InputPence('Gross pay this period, before salary sacrifice.', 258_741),
    salarySacrificePence: InputPence('Salary sacrifice this period: reduces pay for tax, NI and student loans.', 0).optional(),
    taxablePayToDatePence: InputPence('Taxable pay in earlier periods of this tax year and employment (cumulative basis).', 1_489_476).optional(),
    taxToDatePence: InputPence('Tax deducted in earlier periods of this tax year and employment.', 141_040).optional(),
    niCategory: z.enum(NI_LETTERS).openapi({ description: 'Class 1 NI category letter.', example: 'A' }),
    studentLoanPlans: z
      .array(z.enum(STUDENT_LOAN_PLANS))
      .max(STUDENT_LOAN_PLANS.length)
      .optional()
      .openapi({ description: 'Undergraduate plans held; one deduction above the lowest repaying threshold.', example: ['2'] }),
    postgraduateLoan: z.boolean().optional().openapi({ description: 'Repaying a postgraduate loan (6% above its threshold).' }),
    studentLoanThresholdOverridePence: InputPence(
      "Per-period student loan threshold replacing the tax year's own, with exactly one plan: for reproducing a worked example from another year. Normally omitted.",
    ).optional(),
    pensionablePayPence: InputPence('Pensionable pay this period; omitted or 0 = not in the NHS Pension Scheme.', 258_741).optional(),
    annualPensionablePayPence: InputPence(
      "Actual annual pensionable pay, which decides the member's contribution tier; defaults to this period's pensionable pay annualised.",
      3_104_900,
    ).optional(),
  })
  .openapi('PayrollCalculationRequest');

const CalculationLine = z
  .object({
    code: z.string().openapi({ example: 'PAYE' }),
    label: z.string().openapi({ example: 'Income tax (PAYE)' }),
    kind: z.enum(['pay', 'deduction', 'employer', 'total']).openapi({
      description: 'pay adds to gross; deduction is taken from the employee; employer is an employer cost; total is a derived figure.',
    }),
    amountPence: ResultPence('The figure on this line.', 23_580),
    explanation: z.string().openapi({ description: 'How the figure was worked out, in words.' }),
  })
  .openapi('PayrollCalculationLine');

export const PayrollCalculation = z
  .object({
    taxYear: z.enum(TAX_YEARS),
    frequency: z.enum(PAY_FREQUENCIES),
    period: z.number().int(),
    taxCode: z.string().openapi({ description: 'The tax code as normalised by the engine.', example: '1257L' }),
    jurisdiction: z.enum(['rest_of_uk', 'scotland', 'wales']).openapi({ description: 'Income-tax rates applied, from the code prefix (S, C or none).' }),
    basis: z.enum(['cumulative', 'non-cumulative']),
    basisReason: z.string().openapi({ example: 'cumulative (default)' }),
    niCategory: z.string().openapi({ example: 'A' }),
    grossPayPence: ResultPence('Gross pay this period.'),
    salarySacrificePence: ResultPence('Salary sacrifice this period.'),
    niablePayPence: ResultPence('Pay for NI and student loans: gross less salary sacrifice.'),
    pensionMemberPence: ResultPence('Employee NHS Pension contribution (before tax, not before NI).'),
    taxablePayPence: ResultPence('Taxable pay this period: NI-able pay less the pension contribution.'),
    taxPence: ResultPence('Income tax this period; negative is a refund.'),
    employeeNiPence: ResultPence('Employee Class 1 NI.'),
    studentLoanPence: ResultPence('Undergraduate student loan deduction (whole pounds).'),
    postgraduateLoanPence: ResultPence('Postgraduate loan deduction (whole pounds).'),
    netPayPence: ResultPence('Take-home pay.'),
    employerNiPence: ResultPence('Employer Class 1 NI.'),
    pensionEmployerPence: ResultPence('Employer NHS Pension contribution charged through payroll.'),
    taxablePayToDatePence: ResultPence('Taxable pay to date, including this period.'),
    taxToDatePence: ResultPence('Tax to date, including this period.'),
    regulatoryLimitApplied: z.boolean().openapi({ description: "Tax was capped at 50% of this period's pay." }),
    earningsAtLelPence: ResultPence('NI earnings at the lower earnings limit (RTI).'),
    earningsLelToPtPence: ResultPence('NI earnings above the LEL up to the primary threshold (RTI).'),
    earningsPtToUelPence: ResultPence('NI earnings above the primary threshold up to the UEL (RTI).'),
    studentLoanThresholdPence: ResultPence('Per-period threshold used for the student loan, or null.').nullable(),
    postgraduateLoanThresholdPence: ResultPence('Per-period threshold used for the postgraduate loan, or null.').nullable(),
    pensionTier: z
      .object({
        tier: z.number().int().openapi({ example: 3 }),
        rateBps: z.number().int().openapi({ description: 'Member rate in basis points (830 = 8.3%).', example: 830 }),
        provisional: z.boolean().openapi({ description: "The tax year's tiers are not published; the previous year's apply." }),
      })
      .nullable(),
    lines: z.array(CalculationLine).openapi({ description: 'Every figure, in payslip order, with its explanation.' }),
  })
  .openapi('PayrollCalculation');

export type PayrollCalculationRequestBody = z.infer<typeof PayrollCalculationRequest>;
export type PayrollCalculationBody = z.infer<typeof PayrollCalculation>;

const calculateRoute = createRoute({
  method: 'post',
  path: '/payroll/calculate',
  operationId: 'calculatePayrollPeriod',
  tags: ['Payroll'],
  summary: 'Calculate one pay period (PAYE, NI, student loans, NHS Pension) with every figure explained',
  description:
    'Stateless: nothing is read or stored. Follows HMRC’s PAYE tax-table routines, Class 1 NI by category letter, ' +
    'student and postgraduate loans and NHS Pension tiers for the tax year given. Any signed-in user may call it.',
  security: [{ bearerAuth: [] }],
  request: {
    body: { required: true, content: { 'application/json': { schema: PayrollCalculationRequest } } },
  },
  responses: {
    200: jsonContent(PayrollCalculation, 'The period calculated.'),
    400: problemResponses[400],
    401: problemResponses[401],
    429: problemResponses[429],
  },
});

const REQUEST_FIELDS = new Set(Object.keys(PayrollCalculationRequest.shape));

/** Engine result → response body. */
export function toPayrollCalculation(input: PeriodInput, r: PeriodResult): PayrollCalculationBody {
  const { paye, ni, studentLoans, pension } = r.details;
  return {
    taxYear: input.taxYear,
    frequency: input.frequency,
    period: input.period,
    taxCode: paye.taxCode.code,
    jurisdiction: paye.taxCode.jurisdiction,
    basis: paye.basis,
    basisReason: paye.basisReason,
    niCategory: ni.category.letter,
    grossPayPence: input.grossPayPence,
    salarySacrificePence: input.salarySacrificePence ?? 0,
    niablePayPence: r.niablePayPence,
    pensionMemberPence: r.pensionMemberPence,
    taxablePayPence: r.taxablePayPence,
    taxPence: r.taxPence,
    employeeNiPence: r.employeeNiPence,
    studentLoanPence: r.studentLoanPence,
    postgraduateLoanPence: r.postgraduateLoanPence,
    netPayPence: r.netPayPence,
    employerNiPence: r.employerNiPence,
    pensionEmployerPence: r.pensionEmployerPence,
    taxablePayToDatePence: r.taxablePayToDatePence,
    taxToDatePence: r.taxToDatePence,
    regulatoryLimitApplied: paye.regulatoryLimitApplied,
    earningsAtLelPence: ni.earningsAtLelPence,
    earningsLelToPtPence: ni.earningsLelToPtPence,
    earningsPtToUelPence: ni.earningsPtToUelPence,
    studentLoanThresholdPence: studentLoans.studentLoanThresholdPence,
    postgraduateLoanThresholdPence: studentLoans.postgraduateThresholdPence,
    pensionTier: pension ? { tier: pension.tier.tier, rateBps: pension.tier.rateBps, provisional: pension.tier.provisional } : null,
    lines: r.lines.map((l) => ({ code: l.code, label: l.label, kind: l.kind, amountPence: l.amountPence, explanation: l.explanation })),
  };
}

/**
 * `POST /payroll/calculate` (mount under `/v1`, behind `requireAuth` for `/v1/payroll/*`).
 * Engine input errors (a tax code that does not exist, period 13 of a monthly payroll, salary
 * sacrifice above gross pay…) become 400 problems naming `json.<field>`.
 */
export function payrollCalculatorRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(calculateRoute, (c) => {
    const body = c.req.valid('json');
    let result: PeriodResult;
    try {
      result = calculatePeriod(body);
    } catch (error) {
      if (error instanceof PayrollInputError) {
        const path = REQUEST_FIELDS.has(error.field) ? `json.${error.field}` : 'json';
        throw problems.validation([{ path, message: error.message, code: 'invalid_payroll_input' }]);
      }
      throw error;
    }
    return c.json(toPayrollCalculation(body, result), 200);
  });
}
