// README example: "Quick start". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
export {};

// #region readme
import { createEsrClient, EsrError, ValidationError } from '@esr/sdk';

// Demo mode only: sign in as a seeded employee. With a real identity provider, use its token instead.
const anonymous = createEsrClient({ baseUrl: 'http://localhost:8787' });
const [person] = await anonymous.demo.people({ role: 'employee', limit: 1 });
const { token } = await anonymous.demo.signIn(person!.employeeId);

const esr = createEsrClient({ baseUrl: 'http://localhost:8787', token });

// The most recent payslip, or null when the employee has none yet.
const payslip = await esr.payslips.latest();
if (payslip) {
  const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
  console.log(`${payslip.payDate}: net ${pounds.format(payslip.totals.netPence / 100)}`);
}

// Every payslip, newest first. Pages of 20 are fetched as the loop needs them.
for await (const summary of await esr.payslips.list({ limit: 20 })) {
  console.log(summary.id, summary.payDate, summary.totals.netPence);
}

// Errors are thrown; branch with instanceof.
try {
  await esr.payslips.list({ limit: 1000 });
} catch (error) {
  if (error instanceof ValidationError) {
    for (const issue of error.issues) console.log(`${issue.path}: ${issue.message}`); // query.limit: Too big…
    console.log(error.param); // 'query.limit': the first field at fault, to show beside a form field
  } else if (error instanceof EsrError) {
    console.log(error.status, error.code, error.message, `(quote ${error.requestId})`);
  } else {
    throw error;
  }
}
// #endregion
