// README example: "Payroll runs (payroll admins)". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const payrollAdmin: EsrClient;

// #region readme
const run = await payrollAdmin.payroll.runs.start({ taxYear: '2026-27', periodNumber: 9, payDate: '2026-12-23' });

const done = await payrollAdmin.payroll.runs.waitFor(run.id, {
  interval: 1_000,                       // ms between polls (default)
  signal: AbortSignal.timeout(10 * 60_000),
  onProgress: ({ progress }) => {
    console.log(`${progress.percent}% (${progress.processed}/${progress.total}), about ${progress.etaSeconds ?? '?'} s left`);
  },
});

if (done.status === 'completed') {
  await payrollAdmin.payroll.runs.finalise(done.id);        // exactly once; payslips reach employees
} else if (done.status === 'failed') {
  console.error(done.error);                                // names the employee who could not be paid
  await payrollAdmin.payroll.runs.rollback(done.id);        // deletes exactly this run's payslips
}
// #endregion
