// README example: "Leave and absence". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const esr: EsrClient;
declare const managerClient: EsrClient;

// #region readme
const balances = await esr.leave.balances();
const annual = balances.balances.find((b) => b.kind === 'annual')!;
console.log(`${annual.availableMinutes / 60} h available`);

// Refusals (not enough notice, not enough leave) are ValidationErrors with a `code`.
const request = await esr.leave.requests.create('me', { type: 'annual', startDate: '2026-12-15' });
console.log(request.status, request.minutes); // 'pending' 450: reserved from the balance until decided

// The line manager decides it in their inbox (get first: the decision is sent with its ETag)…
await managerClient.approvals.get(request.approvalRequestId!);
await managerClient.approvals.approve(request.approvalRequestId!);
console.log((await esr.leave.requests.get('me', request.id)).status); // 'approved'

// …or, changed your mind while it is pending? cancel sends the ETag remembered from create as If-Match.
// await esr.leave.requests.cancel('me', request.id);
// #endregion
