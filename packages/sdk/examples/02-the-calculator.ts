// README example: "The calculator". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const esr: EsrClient;

// #region readme
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

const result = await esr.payroll.calculate({
  taxYear: '2026-27',
  frequency: 'monthly',
  period: 1,              // month 1: 6 April to 5 May
  taxCode: '1257L',
  grossPayPence: 115_625, // £1,156.25
  niCategory: 'A',
  // optional: basis, taxablePayToDatePence, taxToDatePence, salarySacrificePence, studentLoanPlans: ['2'],
  // postgraduateLoan, pensionablePayPence (NHS Pension), annualPensionablePayPence
});

console.log(pounds.format(result.taxPence / 100));    // £21.40
console.log(pounds.format(result.netPayPence / 100)); // £1,126.19
for (const line of result.lines) {
  console.log(`${line.label.padEnd(28)} ${pounds.format(line.amountPence / 100).padStart(10)}  ${line.explanation}`);
}
// Income tax (PAYE)                £21.40  Tax code 1257L month 1 cumulative: free pay to date £1,048.26; …
// #endregion
