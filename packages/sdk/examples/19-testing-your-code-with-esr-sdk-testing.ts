// README example: "Testing your code with `@esr/sdk/testing`". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
export {};

// #region readme
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { createEsrClient, AuthenticationError } from '@esr/sdk';
import { createPayslipHandlers, payslipFixture, payslipSummaryFixtures } from '@esr/sdk/testing';

const server = setupServer();
before(() => server.listen({ onUnhandledFrame: 'error' })); // msw 3: not onUnhandledRequest
afterEach(() => server.resetHandlers());
after(() => server.close());

const esr = createEsrClient({ baseUrl: 'https://esr.test', token: 'test', retry: 0 });

test('shows the latest payslip', async () => {
  server.use(...createPayslipHandlers());
  assert.equal((await esr.payslips.latest())?.totals.netPence, payslipFixture.totals.netPence);
});

test('pages through the history', async () => {
  server.use(...createPayslipHandlers());
  const all = await (await esr.payslips.list({ limit: 2 })).toArray();
  assert.equal(all.length, payslipSummaryFixtures.length);
});

test('handles a signed-out user', async () => {
  server.use(...createPayslipHandlers({ scenario: 'unauthorised' }));
  await assert.rejects(esr.payslips.latest(), AuthenticationError);
});
// #endregion
