// README example: "Payslip and P60 PDFs". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const esr: EsrClient;

// #region readme
async function downloadPayslip(payslipId: string) {
  const { blob, filename } = await esr.payslips.pdf(payslipId, { lang: 'en' }); // 'cy': Welsh labels
  const url = URL.createObjectURL(blob);
  try {
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 0); // after the click has started the download
  }
}

// Or show it in a new tab (the browser's PDF viewer): window.open(URL.createObjectURL(blob)).
// #endregion
