// README example: "Pagination". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const esr: EsrClient;

// #region readme
const page = await esr.payslips.list({ limit: 50 });
page.data; page.hasMore; page.nextCursor;           // this page only

for await (const s of page) { /* every item of every page, fetched lazily */ }
const first100 = await page.toArray({ limit: 100 });  // stops fetching once it has 100 (default cap 10,000)
await page.each((s) => s.payDate >= '2026-04-06');    // return false to stop
const following = await page.next();                  // the next Page, or null after the last
// #endregion
