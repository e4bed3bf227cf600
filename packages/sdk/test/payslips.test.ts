import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse, http } from 'msw';
import { AuthenticationError, NotFoundError, Page } from '../src/index.ts';
import { createPayslipHandlers, payslipFixture, payslipSummaryFixtures } from '../src/testing/index.ts';
import { pathOf, rejection, testClient, useMockServer } from './helpers.ts';

const { server, seen } = useMockServer();
const allIds = payslipSummaryFixtures.map((s) => s.id);

describe('payslips.latest', () => {
  test('returns the payslip the server sent', async () => {
    server.use(...createPayslipHandlers());
    const payslip = await testClient().payslips.latest();
    assert.deepEqual(payslip, payslipFixture);
    assert.equal(seen.length, 1);
    assert.equal(pathOf(seen[0]!), '/v1/me/payslips/latest');
  });

  test('returns null when the employee has no payslips (404)', async () => {
    server.use(...createPayslipHandlers({ scenario: 'empty' }));
    assert.equal(await testClient().payslips.latest(), null);
  });

  test('a 404 that is not the API\'s not_found (missing route, proxy page) is thrown, not read as "no payslips"', async () => {
    server.use(
      http.get('*/v1/me/payslips/latest', () =>
        HttpResponse.json(
          { type: 'urn:esr:problem:route_not_found', title: 'No such endpoint', status: 404, code: 'route_not_found', detail: 'There is no GET /v1/me/payslips/latest.' },
          { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const routeMissing = await rejection(testClient().payslips.latest());
    assert.ok(routeMissing instanceof NotFoundError);
    assert.equal(routeMissing.code, 'route_not_found');

    server.use(http.get('*/v1/me/payslips/latest', () => new HttpResponse('<h1>Not Found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } })));
    const proxyPage = await rejection(testClient().payslips.latest());
    assert.ok(proxyPage instanceof NotFoundError);
    assert.equal(proxyPage.code, 'http_404');
  });

  test('still throws for failures other than 404', async () => {
    server.use(...createPayslipHandlers({ scenario: 'unauthorised' }));
    const error = await rejection(testClient().payslips.latest());
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.status, 401);
  });
});

describe('payslips.get', () => {
  test('returns one payslip by id', async () => {
    server.use(...createPayslipHandlers());
    const payslip = await testClient().payslips.get(payslipFixture.id);
    assert.deepEqual(payslip, payslipFixture);
  });

  test('throws NotFoundError with status, code, detail and requestId for an unknown id', async () => {
    server.use(...createPayslipHandlers());
    const error = await rejection(testClient().payslips.get('pay_doesnotexist'));
    assert.ok(error instanceof NotFoundError, `got ${String(error)}`);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not_found');
    assert.equal(error.title, 'Not found');
    assert.equal(error.detail, 'Payslip pay_doesnotexist was not found.');
    assert.equal(error.message, 'Payslip pay_doesnotexist was not found.');
    assert.equal(error.requestId, 'req_mock0000000001');
    assert.equal(error.type, 'urn:esr:problem:not_found');
    assert.deepEqual(error.issues, []);
    assert.equal(error.param, undefined);
    assert.equal(error.request?.method, 'GET');
    assert.equal(error.request?.url, 'https://esr.test/v1/me/payslips/pay_doesnotexist');
  });

  test('encodes the id into a single path segment', async () => {
    server.use(...createPayslipHandlers());
    await rejection(testClient().payslips.get('pay_1/../../demo/people?x=1'));
    assert.equal(pathOf(seen[0]!), '/v1/me/payslips/pay_1%2F..%2F..%2Fdemo%2Fpeople%3Fx%3D1');
  });
});

describe('payslips.list', () => {
  test('returns the first page with data, hasMore and nextCursor', async () => {
    server.use(...createPayslipHandlers());
    const page = await testClient().payslips.list({ limit: 3 });
    assert.ok(page instanceof Page);
    assert.deepEqual(page.data, payslipSummaryFixtures.slice(0, 3));
    assert.equal(page.hasMore, true);
    assert.equal(page.nextCursor, '3');
    assert.equal(pathOf(seen[0]!), '/v1/me/payslips?limit=3');
  });

  test('omits limit and cursor when not given', async () => {
    server.use(...createPayslipHandlers());
    const page = await testClient().payslips.list();
    assert.equal(page.data.length, payslipSummaryFixtures.length);
    assert.equal(page.hasMore, false);
    assert.equal(page.nextCursor, null);
    assert.equal(await page.next(), null);
    assert.equal(pathOf(seen[0]!), '/v1/me/payslips');
  });

  test('for await walks every item across several pages, fetching lazily with the same limit', async () => {
    server.use(...createPayslipHandlers());
    const ids: string[] = [];
    for await (const summary of await testClient().payslips.list({ limit: 2 })) ids.push(summary.id);
    assert.deepEqual(ids, allIds);
    // 7 items in pages of 2: 4 requests, each passing the previous page's cursor.
    assert.deepEqual(seen.map(pathOf), [
      '/v1/me/payslips?limit=2',
      '/v1/me/payslips?limit=2&cursor=2',
      '/v1/me/payslips?limit=2&cursor=4',
      '/v1/me/payslips?limit=2&cursor=6',
    ]);
  });

  test('next() steps page by page and returns null after the last', async () => {
    server.use(...createPayslipHandlers());
    let page: Page<{ id: string }> | null = await testClient().payslips.list({ limit: 3 });
    const sizes: number[] = [];
    while (page) {
      sizes.push(page.data.length);
      page = await page.next();
    }
    assert.deepEqual(sizes, [3, 3, 1]);
  });

  test('starts from a given cursor', async () => {
    server.use(...createPayslipHandlers());
    const page = await testClient().payslips.list({ limit: 2, cursor: '4' });
    assert.deepEqual(page.data.map((s) => s.id), allIds.slice(4, 6));
  });

  test('toArray({ limit }) stops early without fetching further pages', async () => {
    server.use(...createPayslipHandlers());
    const items = await (await testClient().payslips.list({ limit: 2 })).toArray({ limit: 3 });
    assert.deepEqual(items.map((s) => s.id), allIds.slice(0, 3));
    assert.equal(seen.length, 2, 'only the two pages holding the first three items');
  });

  test('toArray({ limit }) that fits in the first page makes no further request', async () => {
    server.use(...createPayslipHandlers());
    const items = await (await testClient().payslips.list({ limit: 5 })).toArray({ limit: 5 });
    assert.equal(items.length, 5);
    assert.equal(seen.length, 1);
  });

  test('toArray() without a limit collects everything; limit 0 collects nothing', async () => {
    server.use(...createPayslipHandlers());
    const page = await testClient().payslips.list({ limit: 3 });
    assert.deepEqual((await page.toArray()).map((s) => s.id), allIds);
    assert.deepEqual(await page.toArray({ limit: 0 }), []);
  });

  test('each() visits items in order and stops when the callback returns false', async () => {
    server.use(...createPayslipHandlers());
    const visited: string[] = [];
    await (await testClient().payslips.list({ limit: 2 })).each((summary) => {
      visited.push(summary.id);
      return visited.length < 3 ? undefined : false;
    });
    assert.deepEqual(visited, allIds.slice(0, 3));
    assert.equal(seen.length, 2);
  });

  test('each() awaits async callbacks and visits everything when never stopped', async () => {
    server.use(...createPayslipHandlers());
    const visited: string[] = [];
    await (await testClient().payslips.list({ limit: 4 })).each(async (summary) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      visited.push(summary.id);
    });
    assert.deepEqual(visited, allIds);
  });

  test('an empty list is an empty page that iterates nothing', async () => {
    server.use(...createPayslipHandlers({ scenario: 'empty' }));
    const page = await testClient().payslips.list();
    assert.deepEqual(page.data, []);
    assert.deepEqual(await page.toArray(), []);
  });
});
