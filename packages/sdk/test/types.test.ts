// Compile-time checks: `tsc --noEmit -p packages/sdk` fails if the public types drift from the
// generated OpenAPI types (wrong field names, money as something other than number, nullability).
// The runtime part only proves the values really have those shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPayslipHandlers, createPeopleHandlers } from '../src/testing/index.ts';
import { Page, RateLimitError, ValidationError } from '../src/index.ts';
import type {
  Download,
  P60,
  P60Summary,
  PayrollCalculation,
  PayrollCalculationRequest,
  PayrollRun,
  RolledBackPayrollRun,
  StartPayrollRun,
  AddressInput,
  ApprovalRequestSummary,
  AuditEvent,
  BankDetails,
  DemoPerson,
  DemoToken,
  EqualityDiversity,
  FieldIssue,
  Me,
  Payslip,
  PayslipLine,
  PayslipSummary,
  PersonalDetails,
  PersonalDetailsPatch,
  Profile,
  RedactedRequest,
  Role,
  TeamMember,
  operations,
  paths,
} from '../src/index.ts';
import { testClient, useMockServer } from './helpers.ts';

const { server } = useMockServer();

/** `Equal<A, B>` is `true` only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | undefined {
  return undefined;
}

test('payslip fields have the types the API promises', async () => {
  server.use(...createPayslipHandlers());
  const client = testClient();

  const latest: Payslip | null = await client.payslips.latest();
  assert.ok(latest);
  const p = latest;
  const id: string = p.id;
  const pence: number = p.totals.netPence;
  const gross: number = p.totals.grossPence;
  const deductions: number = p.totals.deductionsPence;
  const taxCode: string = p.taxCode;
  const basis: 'cumulative' | 'non-cumulative' = p.taxBasis;
  const frequency: 'weekly' | 'fortnightly' | 'four-weekly' | 'monthly' = p.period.frequency;
  const month: number = p.period.number;
  const firstLine: PayslipLine | undefined = p.payments[0];
  const lineAmount: number | undefined = firstLine?.amountPence;
  const ytdTax: number = p.yearToDate.taxPence;
  const employerNi: number = p.employerContributions.niPence;
  const masked: string | undefined = p.paidTo?.accountNumberMasked;
  const bacs: 'BACS' | undefined = p.paidTo?.method;
  const employeeName: string = p.employee.name;

  expectType<Equal<typeof p.paidTo, { method: 'BACS'; accountNumberMasked: string } | null>>();
  expectType<Equal<Awaited<ReturnType<typeof client.payslips.latest>>, Payslip | null>>();
  expectType<Equal<Awaited<ReturnType<typeof client.payslips.get>>, Payslip>>();
  expectType<Equal<Awaited<ReturnType<typeof client.payslips.list>>, Page<PayslipSummary>>>();
  expectType<Equal<Awaited<ReturnType<typeof client.demo.people>>, DemoPerson[]>>();
  expectType<Equal<Awaited<ReturnType<typeof client.demo.signIn>>, DemoToken>>();
  expectType<Equal<Payslip, paths['/v1/me/payslips/latest']['get']['responses'][200]['content']['application/json']>>();

  assert.equal(pence, gross - deductions);
  assert.equal(typeof id, 'string');
  assert.equal(typeof taxCode, 'string');
  assert.equal(basis, 'cumulative');
  assert.equal(frequency, 'monthly');
  assert.equal(month, 7);
  assert.equal(typeof lineAmount, 'number');
  assert.equal(typeof ytdTax, 'number');
  assert.equal(typeof employerNi, 'number');
  assert.equal(masked, '****5678');
  assert.equal(bacs, 'BACS');
  assert.equal(employeeName, 'Amelia Hughes');

  // @ts-expect-error money is integer pence, never a string
  const asText: string = p.totals.netPence;
  // @ts-expect-error there is no such field
  void p.totals.net;
  void asText;
});

test('list items and errors are typed', async () => {
  server.use(...createPayslipHandlers());
  const page = await testClient().payslips.list({ limit: 2 });
  for await (const summary of page) {
    const net: number = summary.totals.netPence;
    const payDate: string = summary.payDate;
    assert.equal(typeof net, 'number');
    assert.match(payDate, /^\d{4}-\d{2}-\d{2}$/);
    break;
  }
  const all: PayslipSummary[] = await page.toArray({ limit: 3 });
  assert.equal(all.length, 3);
  const cursor: string | null = page.nextCursor;
  assert.equal(typeof cursor, 'string');

  // Errors: the fields integrators read are typed without casts after `instanceof`.
  const error: unknown = new ValidationError({ status: 400, code: 'validation_failed', title: 'Invalid', issues: [{ path: 'body.x', message: 'Required', code: 'invalid_type' }] });
  if (error instanceof ValidationError) {
    const issues: FieldIssue[] = error.issues;
    const param: string | undefined = error.param;
    const status: number = error.status;
    const request: RedactedRequest | undefined = error.request;
    assert.equal(issues.length, 1);
    assert.equal(param, 'body.x');
    assert.equal(status, 400);
    assert.equal(request, undefined);
  }
  const limited = new RateLimitError({ status: 429, code: 'rate_limited', title: 'Slow down' });
  const retryAfter: number | undefined = limited.retryAfter;
  assert.equal(retryAfter, undefined);
});

test('people, team and audit results have the types the API promises', async () => {
  server.use(...createPeopleHandlers({ roles: ['hr_admin'] }));
  const client = testClient();
  type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
  type Body<P extends keyof paths, M extends 'get' | 'put' | 'patch' | 'post'> = paths[P][M] extends {
    responses: infer R;
  }
    ? R extends { 200: { content: { 'application/json': infer B } } }
      ? B
      : R extends { 202: { content: { 'application/json': infer B } } }
        ? B
        : never
    : never;

  expectType<Equal<Result<typeof client.me.get>, Me>>();
  expectType<Equal<Me, Body<'/v1/me', 'get'>>>();
  expectType<Equal<Result<typeof client.me.team>, Page<TeamMember>>>();
  expectType<Equal<Result<typeof client.people.get>, Profile>>();
  expectType<Equal<Profile, Body<'/v1/people/{employeeId}', 'get'>>>();
  expectType<Equal<Result<typeof client.people.personalDetails>, PersonalDetails>>();
  expectType<Equal<Result<typeof client.people.updatePersonalDetails>, PersonalDetails>>();
  expectType<Equal<PersonalDetails, Body<'/v1/people/{employeeId}/personal-details', 'patch'>>>();
  expectType<Equal<Result<typeof client.people.requestNameChange>, ApprovalRequestSummary>>();
  expectType<Equal<ApprovalRequestSummary, Body<'/v1/people/{employeeId}/name-change-requests', 'post'>>>();
  expectType<Equal<Result<typeof client.people.bankDetails>, BankDetails>>();
  expectType<Equal<Result<typeof client.people.replaceBankDetails>, BankDetails>>();
  // The OpenAPI document loses the `null` of "no declaration yet"; the SDK puts it back.
  expectType<Equal<Result<typeof client.people.equalityDiversity>, EqualityDiversity | null>>();
  expectType<Equal<Result<typeof client.people.declareEqualityDiversity>, EqualityDiversity>>();
  expectType<Equal<Result<typeof client.audit.list>, Page<AuditEvent>>>();
  expectType<Equal<Role, 'employee' | 'manager' | 'hr_admin' | 'payroll_admin' | 'learning_admin'>>();
  expectType<Equal<ReturnType<typeof client.etagOf>, string | undefined>>();

  const details = await client.people.personalDetails();
  const version: number = details.version;
  const home = details.addresses.home;
  const postcode: string | undefined = home?.postcode;
  assert.equal(typeof version, 'number');
  assert.equal(typeof postcode, 'string');

  // line2, county and country have server defaults, so an address to send may leave them out.
  const minimal: AddressInput = { line1: '1 High Street', town: 'Stroud', postcode: 'GL5 1AA' };
  const patch: PersonalDetailsPatch = { addresses: { home: minimal, postal: null }, phones: { work: null } };
  void patch;
  // @ts-expect-error a name change needs approval: it is not part of the patch
  const rename: PersonalDetailsPatch = { name: { firstName: 'X' } };
  void rename;
  // Compile-time only (never called):
  const _invalidCalls = () => [
    // @ts-expect-error the reason is one of the listed ones
    client.people.requestNameChange('me', { firstName: 'A', lastName: 'B', reason: 'whim' }),
    // @ts-expect-error ethnicity is an NHS Data Dictionary code
    client.people.declareEqualityDiversity('me', { ethnicity: 'X', sex: 'female', disability: 'no', religion: 'other', sexualOrientation: 'other' }),
    // @ts-expect-error an update needs the employee id ('me' for yourself)
    client.people.updatePersonalDetails({ preferredName: 'Amy' }),
  ];
  void _invalidCalls;

  const bank = await client.people.bankDetails();
  const isMasked: boolean = bank.masked;
  assert.equal(isMasked, true);
  const [event] = (await client.audit.list()).data;
  const changes: Record<string, { from?: string | null; to?: string | null }> | null | undefined = event?.changes;
  void changes;
});

test('payroll, P60 and download types come from the OpenAPI document', () => {
  const client = testClient();
  type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
  type Json<O extends keyof operations, S extends number> = operations[O]['responses'] extends Record<S, { content: { 'application/json': infer B } }> ? B : never;

  expectType<Equal<Parameters<typeof client.payroll.calculate>[0], PayrollCalculationRequest>>();
  expectType<Equal<PayrollCalculationRequest, operations['calculatePayrollPeriod']['requestBody']['content']['application/json']>>();
  expectType<Equal<Result<typeof client.payroll.calculate>, PayrollCalculation>>();
  expectType<Equal<PayrollCalculation, Json<'calculatePayrollPeriod', 200>>>();
  expectType<Equal<Result<typeof client.payslips.pdf>, Download>>();
  expectType<Equal<Download, { blob: Blob; filename: string }>>();
  expectType<Equal<Result<typeof client.p60s.list>, Page<P60Summary>>>();
  expectType<Equal<Result<typeof client.p60s.get>, P60>>();
  expectType<Equal<P60, Json<'getMyP60', 200>>>();
  expectType<Equal<Result<typeof client.p60s.pdf>, Download>>();
  expectType<Equal<Result<typeof client.people.payslips>, Page<PayslipSummary>>>();
  expectType<Equal<Result<typeof client.people.payslip>, Payslip>>();
  expectType<Equal<Payslip, Json<'getPersonPayslip', 200>>>();
  expectType<Equal<Result<typeof client.people.payslipPdf>, Download>>();
  expectType<Equal<NonNullable<Parameters<typeof client.payslips.pdf>[1]>['lang'], 'en' | 'cy' | undefined>>();
  expectType<Equal<Parameters<typeof client.payroll.runs.start>[0], StartPayrollRun>>();
  expectType<Equal<Result<typeof client.payroll.runs.start>, PayrollRun>>();
  expectType<Equal<PayrollRun, Json<'startPayrollRun', 202>>>();
  expectType<Equal<Result<typeof client.payroll.runs.get>, PayrollRun>>();
  expectType<Equal<Result<typeof client.payroll.runs.list>, Page<PayrollRun>>>();
  expectType<Equal<Result<typeof client.payroll.runs.rollback>, RolledBackPayrollRun>>();
  expectType<Equal<RolledBackPayrollRun, Json<'rollBackPayrollRun', 200>>>();
  expectType<Equal<Result<typeof client.payroll.runs.finalise>, PayrollRun>>();
  expectType<Equal<Result<typeof client.payroll.runs.waitFor>, PayrollRun>>();

  // Compile-time only (never called):
  const _invalidCalls = () => [
    // @ts-expect-error money is integer pence
    client.payroll.calculate({ taxYear: '2026-27', frequency: 'monthly', period: 1, taxCode: '1257L', grossPayPence: '1156.25', niCategory: 'A' }),
    // @ts-expect-error only the tax years the engine knows
    client.payroll.calculate({ taxYear: '2019-20', frequency: 'monthly', period: 1, taxCode: '1257L', grossPayPence: 1, niCategory: 'A' }),
    // @ts-expect-error PDFs come in English or Welsh
    client.payslips.pdf('pay_1', { lang: 'fr' }),
    // @ts-expect-error a run has a status filter from the API's list
    client.payroll.runs.list({ status: 'paused' }),
  ];
  void _invalidCalls;
});
