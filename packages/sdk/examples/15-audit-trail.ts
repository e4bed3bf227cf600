// README example: "People and personal details". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const hr: EsrClient;

// #region readme
const lastWeek = new Date(Date.now() - 7 * 24 * 3600 * 1000);
for await (const event of await hr.audit.list({ subjectEmployeeId: 'emp_000000023', from: lastWeek })) {
  console.log(event.occurredAt, event.actorEmployeeId, event.action, event.resource, event.changes);
}
// #endregion
