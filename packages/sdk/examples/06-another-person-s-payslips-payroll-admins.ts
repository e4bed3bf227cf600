// README example: "Another person's payslips (payroll admins)". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const payrollAdmin: EsrClient;

// #region readme
const page = await payrollAdmin.people.payslips('emp_000000123', { limit: 12 });
const payslip = await payrollAdmin.people.payslip('emp_000000123', page.data[0]!.id);
const { blob, filename } = await payrollAdmin.people.payslipPdf('emp_000000123', payslip.id);
// #endregion
