// README example: "Payslip and P60 PDFs". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const esr: EsrClient;

// #region readme
import { writeFile } from 'node:fs/promises';

const { blob, filename } = await esr.p60s.pdf('2025-26');
await writeFile(filename, new Uint8Array(await blob.arrayBuffer()));
// #endregion
