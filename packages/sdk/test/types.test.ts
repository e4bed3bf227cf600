// Compile-time checks: `tsc --noEmit -p packages/sdk` fails if the public types drift from the
// generated OpenAPI types (wrong field names, money as something other than number, nullability).
// The runtime part only proves the values really have those shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPayslipHandlers } from '../src/testing/index.ts';
import { Page, RateLimitError, ValidationError } from '../src/index.ts';
import type { DemoPerson, DemoToken, FieldIssue, Payslip, PayslipLine, PayslipSummary, RedactedRequest, paths } from '../src/index.ts';
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
