// README example: "P60s". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const esr: EsrClient;
declare const pounds: Intl.NumberFormat;

// #region readme
for await (const year of await esr.p60s.list()) {
  console.log(year.taxYear, year.employerName, `${year.payslipCount} payslips`);
}

const p60 = await esr.p60s.get('2025-26');
console.log(p60.finalTaxCode, pounds.format(p60.payInThisEmploymentPence / 100), pounds.format(p60.taxInThisEmploymentPence / 100));
for (const ni of p60.nationalInsurance) console.log(ni.category, ni.earningsPtToUelPence, ni.employeeContributionsPence);
// #endregion
