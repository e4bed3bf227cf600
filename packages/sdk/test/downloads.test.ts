// PDFs (payslips, P60s, a person's payslips), the P60 list and the payroll calculator, against msw.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse, http } from 'msw';
import { EsrError, NotFoundError, PermissionError, ServerError, ValidationError, filenameFromContentDisposition } from '../src/index.ts';
import type { P60Summary, PayrollCalculation, PayrollCalculationRequest } from '../src/index.ts';
import { payslipFixture, payslipSummaryFixtures, problem } from '../src/testing/index.ts';
import { pathOf, rejection, testClient, useMockServer } from './helpers.ts';

const { server, seen } = useMockServer();

/** A PDF-looking body holding every byte value, so any text decoding or re-encoding would show. */
const pdfBytes = (() => {
  const header = new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n');
  const bytes = new Uint8Array(header.length + 512);
  bytes.set(header);
  for (let i = 0; i < 512; i++) bytes[header.length + i] = (i * 7 + 3) % 256;
  return bytes;
})();

const pdf = (filename: string | null = 'payslip-2026-10-30.pdf', extra: Record<string, string> = {}) => () =>
  new HttpResponse(pdfBytes.slice().buffer, {
    headers: {
      'Content-Type': 'application/pdf',
      ...(filename === null ? {} : { 'Content-Disposition': `attachment; filename="${filename}"` }),
      'Cache-Control': 'private, no-store',
      ...extra,
    },
  });

const unavailable = () => problem(503, 'unavailable', 'Unavailable', 'Try again');

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('payslips.pdf', () => {
  test('the body arrives byte for byte, as a Blob of type application/pdf, with the server\'s file name', async () => {
    server.use(http.get('*/v1/me/payslips/:payslipId/pdf', pdf()));
    const { blob, filename } = await testClient().payslips.pdf(payslipFixture.id);
    assert.ok(blob instanceof Blob);
    assert.equal(blob.type, 'application/pdf');
    assert.equal(blob.size, pdfBytes.length);
    assert.deepEqual(await bytesOf(blob), pdfBytes);
    assert.equal(filename, 'payslip-2026-10-30.pdf');
    assert.equal(pathOf(seen[0]!), `/v1/me/payslips/${payslipFixture.id}/pdf`);
    assert.match(seen[0]!.headers.get('accept') ?? '', /^application\/pdf\b/);
    assert.match(seen[0]!.headers.get('accept') ?? '', /application\/problem\+json/);
  });

  test('lang is sent only when given; the id is one encoded path segment', async () => {
    server.use(http.get('*/v1/me/payslips/:payslipId/pdf', pdf()));
    await testClient().payslips.pdf('pay_1', { lang: 'cy' });
    await testClient().payslips.pdf('pay_1/../x');
    assert.deepEqual(seen.map(pathOf), ['/v1/me/payslips/pay_1/pdf?lang=cy', '/v1/me/payslips/pay_1%2F..%2Fx/pdf']);
  });

  test('without Content-Disposition (e.g. not exposed through CORS) the file name is made from the id', async () => {
    server.use(http.get('*/v1/me/payslips/:payslipId/pdf', pdf(null)));
    const { filename, blob } = await testClient().payslips.pdf('pay_0000001232607');
    assert.equal(filename, 'payslip-pay_0000001232607.pdf');
    assert.deepEqual(await bytesOf(blob), pdfBytes);
  });

  test('404 problem+json → NotFoundError with the server\'s code, detail and request id (not a PDF)', async () => {
    server.use(http.get('*/v1/me/payslips/:payslipId/pdf', ({ params }) => problem(404, 'not_found', 'Not found', `Payslip ${String(params['payslipId'])} was not found.`)));
    const error = await rejection(testClient().payslips.pdf('pay_nope'));
    assert.ok(error instanceof NotFoundError, `got ${String(error)}`);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not_found');
    assert.equal(error.detail, 'Payslip pay_nope was not found.');
    assert.equal(error.requestId, 'req_mock0000000001');
    assert.equal(error.request?.url, 'https://esr.test/v1/me/payslips/pay_nope/pdf');
    assert.equal(error.request?.headers['authorization'], '[redacted]');
  });

  test('a 400 names the field (bad lang)', async () => {
    server.use(
      http.get('*/v1/me/payslips/:payslipId/pdf', () =>
        HttpResponse.json(
          { title: 'Your request is not valid', status: 400, code: 'validation_failed', errors: [{ path: 'query.lang', message: 'Invalid option', code: 'invalid_value' }] },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const error = await rejection(testClient().payslips.pdf('pay_1', { lang: 'fr' as never }));
    assert.ok(error instanceof ValidationError);
    assert.equal(error.param, 'query.lang');
  });

  test('a download is a GET: retried on 503, and the retried body is still intact', async () => {
    let calls = 0;
    server.use(http.get('*/v1/me/payslips/:payslipId/pdf', () => (calls++ === 0 ? unavailable() : pdf()())));
    const { blob } = await testClient({ retry: 1 }).payslips.pdf('pay_1');
    assert.deepEqual(await bytesOf(blob), pdfBytes);
    assert.equal(seen.length, 2);
  });

  test('a 5xx HTML page from a gateway is a ServerError, not a download', async () => {
    server.use(http.get('*/v1/me/payslips/:payslipId/pdf', () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } })));
    const error = await rejection(testClient().payslips.pdf('pay_1'));
    assert.ok(error instanceof ServerError);
    assert.equal(error.status, 502);
  });

  test('a 200 that is not a PDF (a proxy\'s sign-in page) is an EsrError, never saved as a .pdf', async () => {
    server.use(http.get('*/v1/me/payslips/:payslipId/pdf', () => new HttpResponse('<html>Sign in</html>', { headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Request-Id': 'req_proxy' } })));
    const error = await rejection(testClient().payslips.pdf('pay_1'));
    assert.ok(error instanceof EsrError, `got ${String(error)}`);
    assert.equal(error.constructor, EsrError);
    assert.equal(error.status, 200);
    assert.equal(error.code, 'unexpected_content_type');
    assert.match(error.message, /application\/pdf.*text\/html/);
    assert.equal(error.requestId, 'req_proxy');
    assert.equal(error.request?.url, 'https://esr.test/v1/me/payslips/pay_1/pdf');
    assert.equal(error.request?.headers['authorization'], '[redacted]');
  });

  test('media type parameters and case do not matter', async () => {
    server.use(http.get('*/v1/me/payslips/:payslipId/pdf', pdf('a.pdf', { 'Content-Type': 'Application/PDF; qs=1' })));
    const { blob, filename } = await testClient().payslips.pdf('pay_1');
    assert.deepEqual(await bytesOf(blob), pdfBytes);
    assert.equal(filename, 'a.pdf');
  });
});

describe('Content-Disposition file names', () => {
  const cases: Array<[string | null | undefined, string | undefined]> = [
    ['attachment; filename="payslip-2026-10-30.pdf"', 'payslip-2026-10-30.pdf'],
    ['attachment; filename=p60-2025-26.pdf', 'p60-2025-26.pdf'],
    ['attachment;filename = "spaced.pdf" ; size=10', 'spaced.pdf'],
    ['ATTACHMENT; FILENAME="upper.pdf"', 'upper.pdf'],
    ['attachment; filename="say \\"hi\\".pdf"', 'say "hi".pdf'],
    ['attachment; filename="a;b.pdf"', 'a;b.pdf'],
    // filename* (RFC 8187) wins over filename, whatever the order.
    ['attachment; filename="slip.pdf"; filename*=UTF-8\'\'slip%20%E2%80%93%20Ebrill.pdf', 'slip – Ebrill.pdf'],
    ["attachment; filename*=utf-8'cy'cyflog%20Mai.pdf; filename=\"fallback.pdf\"", 'cyflog Mai.pdf'],
    ["attachment; filename*=iso-8859-1''caf%E9.pdf", 'café.pdf'],
    // A broken filename* falls back to filename.
    ["attachment; filename*=UTF-8''%E2%ZZ.pdf; filename=\"plain.pdf\"", 'plain.pdf'],
    // Never a path: only the last segment, without control characters.
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="C:\\\\Windows\\\\evil.pdf"', 'evil.pdf'],
    ['attachment; filename="bad\u0007name.pdf"', 'badname.pdf'],
    ['attachment; filename=".."', undefined],
    ['attachment; filename=""', undefined],
    ['attachment', undefined],
    ['inline', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ];
  for (const [header, expected] of cases) {
    test(`${JSON.stringify(header)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(filenameFromContentDisposition(header), expected);
    });
  }
});

describe('p60s', () => {
  const summaries: P60Summary[] = [
    { taxYear: '2025-26', taxYearEnd: '2026-04-05', employerName: 'Severn Vale NHS Foundation Trust', payslipCount: 12 },
    { taxYear: '2024-25', taxYearEnd: '2025-04-05', employerName: 'Severn Vale NHS Foundation Trust', payslipCount: 12 },
  ];

  test('list() pages through the years; get() and pdf() name the tax year in the path', async () => {
    server.use(
      http.get('*/v1/me/p60s', ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json(cursor ? { data: [summaries[1]], hasMore: false, nextCursor: null } : { data: [summaries[0]], hasMore: true, nextCursor: 'c1' });
      }),
      http.get('*/v1/me/p60s/:taxYear', ({ params }) => HttpResponse.json({ taxYear: params['taxYear'], taxInThisEmploymentPence: 123 })),
      http.get('*/v1/me/p60s/:taxYear/pdf', pdf('p60-2025-26.pdf')),
    );
    const esr = testClient();
    assert.deepEqual(await (await esr.p60s.list({ limit: 1 })).toArray(), summaries);
    assert.equal((await esr.p60s.get('2025-26')).taxInThisEmploymentPence, 123);
    const { blob, filename } = await esr.p60s.pdf('2025-26');
    assert.equal(filename, 'p60-2025-26.pdf');
    assert.deepEqual(await bytesOf(blob), pdfBytes);
    assert.deepEqual(seen.map(pathOf), ['/v1/me/p60s?limit=1', '/v1/me/p60s?limit=1&cursor=c1', '/v1/me/p60s/2025-26', '/v1/me/p60s/2025-26/pdf']);
  });

  test('a year not ended → NotFoundError for the data and the PDF; the fallback file name is p60-<year>.pdf', async () => {
    server.use(
      http.get('*/v1/me/p60s/:taxYear', () => problem(404, 'not_found', 'Not found', 'A P60 for the tax year 2026-27 was not found.')),
      http.get('*/v1/me/p60s/:taxYear/pdf', ({ params }) => (params['taxYear'] === '2026-27' ? problem(404, 'not_found', 'Not found', 'No P60.') : pdf(null)())),
    );
    assert.ok((await rejection(testClient().p60s.get('2026-27'))) instanceof NotFoundError);
    assert.ok((await rejection(testClient().p60s.pdf('2026-27'))) instanceof NotFoundError);
    assert.equal((await testClient().p60s.pdf('2024-25')).filename, 'p60-2024-25.pdf');
  });
});

describe('people.payslips, payslip, payslipPdf', () => {
  const forbidden = () => problem(403, 'forbidden', 'Not allowed', "Your role does not allow this on emp_000000200's record.");

  test('list, get and PDF of another person, by id', async () => {
    server.use(
      http.get('*/v1/people/:employeeId/payslips', ({ request }) => {
        const limit = Number(new URL(request.url).searchParams.get('limit') ?? 20);
        return HttpResponse.json({ data: payslipSummaryFixtures.slice(0, limit), hasMore: false, nextCursor: null });
      }),
      http.get('*/v1/people/:employeeId/payslips/:payslipId', () => HttpResponse.json(payslipFixture)),
      http.get('*/v1/people/:employeeId/payslips/:payslipId/pdf', pdf()),
    );
    const esr = testClient();
    const page = await esr.people.payslips('emp_000000123', { limit: 3 });
    assert.deepEqual(page.data, payslipSummaryFixtures.slice(0, 3));
    assert.deepEqual(await esr.people.payslip('emp_000000123', payslipFixture.id), payslipFixture);
    const { blob, filename } = await esr.people.payslipPdf('emp_000000123', payslipFixture.id, { lang: 'en' });
    assert.deepEqual(await bytesOf(blob), pdfBytes);
    assert.equal(filename, 'payslip-2026-10-30.pdf');
    await esr.people.payslips();
    assert.deepEqual(seen.map(pathOf), [
      '/v1/people/emp_000000123/payslips?limit=3',
      `/v1/people/emp_000000123/payslips/${payslipFixture.id}`,
      `/v1/people/emp_000000123/payslips/${payslipFixture.id}/pdf?lang=en`,
      '/v1/people/me/payslips',
    ]);
  });

  test('403 → PermissionError for the list, the payslip and the PDF; 404 → NotFoundError', async () => {
    server.use(
      http.get('*/v1/people/emp_000000200/payslips', forbidden),
      http.get('*/v1/people/emp_000000200/payslips/:payslipId', forbidden),
      http.get('*/v1/people/emp_000000200/payslips/:payslipId/pdf', forbidden),
      http.get('*/v1/people/emp_000000999/payslips/:payslipId/pdf', () => problem(404, 'not_found', 'Not found', 'Employee emp_000000999 was not found.')),
    );
    const esr = testClient();
    const calls = [() => esr.people.payslips('emp_000000200'), () => esr.people.payslip('emp_000000200', 'pay_1'), () => esr.people.payslipPdf('emp_000000200', 'pay_1')];
    for (const call of calls) {
      const error = await rejection(call());
      assert.ok(error instanceof PermissionError, `got ${String(error)}`);
      assert.equal(error.code, 'forbidden');
    }
    const missing = await rejection(esr.people.payslipPdf('emp_000000999', 'pay_1'));
    assert.ok(missing instanceof NotFoundError);
    assert.equal(missing.detail, 'Employee emp_000000999 was not found.');
  });

  test('an employee id is required for one payslip', () => {
    assert.throws(() => testClient().people.payslip('', 'pay_1'), TypeError);
  });
});

describe('payroll.calculate', () => {
  const input: PayrollCalculationRequest = { taxYear: '2026-27', frequency: 'monthly', period: 1, taxCode: '1257L', grossPayPence: 115_625, niCategory: 'A' };
  const answer = { taxYear: '2026-27', taxPence: 2140, lines: [{ code: 'PAYE', label: 'Income tax (PAYE)', kind: 'deduction', amountPence: 2140, explanation: '…' }] } as unknown as PayrollCalculation;

  test('POSTs the input as JSON, without an Idempotency-Key, and returns the calculation', async () => {
    let body: unknown;
    server.use(http.post('*/v1/payroll/calculate', async ({ request }) => {
      body = await request.json();
      return HttpResponse.json(answer);
    }));
    const result = await testClient().payroll.calculate(input);
    assert.deepEqual(result, answer);
    assert.deepEqual(body, input);
    assert.equal(seen[0]?.method, 'POST');
    assert.equal(pathOf(seen[0]!), '/v1/payroll/calculate');
    assert.equal(seen[0]?.headers.get('content-type'), 'application/json');
    assert.equal(seen[0]?.headers.has('idempotency-key'), false);
  });

  test('it has no side effects, so it is retried like a read (503, then success), resending the same body', async () => {
    const bodies: unknown[] = [];
    server.use(http.post('*/v1/payroll/calculate', async ({ request }) => {
      bodies.push(await request.json());
      return bodies.length === 1 ? unavailable() : HttpResponse.json(answer);
    }));
    assert.deepEqual(await testClient({ retry: 2 }).payroll.calculate(input), answer);
    assert.deepEqual(bodies, [input, input]);
    assert.equal(seen.length, 2);
  });

  test('per-call retry: 0 sends it once', async () => {
    server.use(http.post('*/v1/payroll/calculate', unavailable));
    assert.ok((await rejection(testClient({ retry: 2 }).payroll.calculate(input, { retry: 0 }))) instanceof ServerError);
    assert.equal(seen.length, 1);
  });

  test('an input the engine refuses → ValidationError naming json.<field>', async () => {
    server.use(http.post('*/v1/payroll/calculate', () =>
      HttpResponse.json(
        { title: 'Your request is not valid', status: 400, code: 'validation_failed', errors: [{ path: 'json.taxCode', message: 'Not a tax code', code: 'invalid_payroll_input' }] },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      )));
    const error = await rejection(testClient({ retry: 2 }).payroll.calculate({ ...input, taxCode: 'XYZ' }));
    assert.ok(error instanceof ValidationError);
    assert.equal(error.param, 'json.taxCode');
    assert.equal(seen.length, 1, 'a 400 is not retried');
  });
});
