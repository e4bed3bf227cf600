// The P60 end-of-year certificate as a PDF, laid out like HMRC's P60 (employee's details; pay and
// income tax; NI contributions by table letter; statutory payments; other details; employer's
// details; certificate). Pure: a P60View in, bytes out.
import { A4, PdfCanvas, colours, formatLongDate, formatPounds } from '../payslips/pdf-kit.ts';
import type { RenderedPdf } from '../payslips/pdf-kit.ts';
import type { P60View } from './p60.ts';

const M = 40;
const W = A4.width - 2 * M;
const HEAD = 16;

/** `p60-2025-26.pdf` */
export function p60FileName(p60: Pick<P60View, 'taxYear'>): string {
  return `p60-${p60.taxYear}.pdf`;
}

/** `Catrin Mair Parker` → { surname: 'Parker', forenames: 'Catrin Mair' }. */
function splitName(name: string): { surname: string; forenames: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { surname: name, forenames: '' };
  return { surname: parts.at(-1)!, forenames: parts.slice(0, -1).join(' ') };
}

export async function renderP60Pdf(p60: P60View): Promise<RenderedPdf> {
  const yearEnd = formatLongDate(p60.taxYearEnd);
  const pdf = await PdfCanvas.create({
    title: `P60 End of Year Certificate, tax year to ${yearEnd}, ${p60.employee.name}`,
    author: p60.employer.name,
    subject: `P60 for the tax year ${p60.taxYear}`,
    keywords: ['P60', p60.taxYear, p60.employee.payrollNumber],
    language: 'en-GB',
    date: new Date(`${p60.taxYearEnd}T12:00:00Z`),
  });
  pdf.addPage();

  const heading = (x: number, y: number, width: number, title: string): number => {
    pdf.rect(x, y - HEAD, width, HEAD, { fill: colours.fill, border: colours.border });
    pdf.text(title, x + 6, y - 11.5, { size: 9, bold: true, maxWidth: width - 12 });
    return y - HEAD;
  };
  /** A labelled field: small label above a boxed value. */
  const field = (x: number, y: number, width: number, label: string, value: string, options: { align?: 'left' | 'right'; bold?: boolean } = {}) => {
    pdf.text(label, x, y - 8, { size: 7.5, colour: colours.secondary, maxWidth: width });
    pdf.rect(x, y - 30, width, 18, { border: colours.border });
    if (options.align === 'right') pdf.text(value, x + width - 6, y - 24.5, { size: 10, bold: options.bold ?? false, align: 'right' });
    else pdf.text(value, x + 6, y - 24.5, { size: 10, bold: options.bold ?? false, maxWidth: width - 12 });
  };

  // ── Title ─────────────────────────────────────────────────────────────────
  let y = A4.height - M;
  pdf.text('P60 End of Year Certificate', M, y - 16, { size: 20, bold: true });
  pdf.text(`Tax year to ${yearEnd}`, M + W, y - 16, { size: 12, bold: true, colour: colours.blue, align: 'right' });
  pdf.text(`(${p60.taxYear})`, M + W, y - 30, { size: 9, colour: colours.secondary, align: 'right' });
  y -= 38;
  pdf.line(M, y, M + W, y, { thickness: 2, colour: colours.blue });
  y -= 14;
  const intro =
    'To the employee: please keep this certificate in a safe place as you will need it if you have to fill in a tax return. ' +
    'You can also use it to check that your employer is using the correct National Insurance number and deducting the right rate of ' +
    'National Insurance contributions. By law you are required to tell HM Revenue and Customs about any income that is not fully taxed, ' +
    'even if you are not sent a tax return.';
  for (const line of pdf.wrap(intro, 8.5, W)) {
    pdf.text(line, M, y, { size: 8.5 });
    y -= 11;
  }
  y -= 8;

  // ── Employee's details ────────────────────────────────────────────────────
  y = heading(M, y, W, "Employee's details");
  const { surname, forenames } = splitName(p60.employee.name);
  const q = (W - 3 * 10) / 4;
  y -= 6;
  field(M, y, q, 'Surname', surname, { bold: true });
  field(M + q + 10, y, q, 'Forenames or initials', forenames);
  field(M + 2 * (q + 10), y, q, 'National Insurance number', p60.employee.niNumberMasked ?? 'Not held');
  field(M + 3 * (q + 10), y, q, 'Works/payroll number', p60.employee.payrollNumber);
  y -= 44;

  // ── Pay and income tax details | Final tax code ──────────────────────────
  const left = W * 0.66;
  y = heading(M, y, W, 'Pay and Income Tax details');
  const colPay = M + left * 0.7;
  const colTax = M + left;
  const rowY0 = y - 14;
  pdf.text('Pay', colPay - 6, rowY0, { size: 8, bold: true, colour: colours.secondary, align: 'right' });
  pdf.text('Tax deducted', colTax - 6, rowY0, { size: 8, bold: true, colour: colours.secondary, align: 'right' });
  const rows: Array<[string, string, string, boolean]> = [
    ['In previous employment(s)', '-', '-', false],
    ['In this employment*', formatPounds(p60.payInThisEmploymentPence), formatPounds(p60.taxInThisEmploymentPence), true],
    ['Total for year', formatPounds(p60.payInThisEmploymentPence), formatPounds(p60.taxInThisEmploymentPence), false],
  ];
  rows.forEach(([label, pay, tax, bold], i) => {
    const ry = rowY0 - 18 - i * 18;
    pdf.text(label, M + 8, ry, { size: 9, bold });
    pdf.rect(colPay - left * 0.28, ry - 5, left * 0.28 - 2, 16, { border: colours.border });
    pdf.rect(colTax - left * 0.28, ry - 5, left * 0.28 - 2, 16, { border: colours.border });
    pdf.text(pay, colPay - 8, ry, { size: 9, bold, align: 'right' });
    pdf.text(tax, colTax - 8, ry, { size: 9, bold, align: 'right' });
  });
  const payBoxBottom = rowY0 - 18 - 2 * 18 - 20;
  pdf.text('*This figure should be used for your tax return, if you get one.', M + 8, payBoxBottom + 4, { size: 7.5, colour: colours.secondary });
  const codeX = M + left + 14;
  const codeW = W - left - 22;
  pdf.text('Final tax code', codeX, rowY0, { size: 8, bold: true, colour: colours.secondary });
  pdf.rect(codeX, rowY0 - 40, codeW, 30, { border: colours.blue, borderWidth: 1 });
  pdf.text(p60.finalTaxCode, codeX + codeW / 2, rowY0 - 30, { size: 16, bold: true, align: 'center' });
  if (p60.finalTaxBasis === 'non-cumulative') pdf.text('Week 1/Month 1 basis', codeX + codeW / 2, rowY0 - 52, { size: 8, colour: colours.secondary, align: 'center' });
  pdf.rect(M, payBoxBottom - 4, W, y - payBoxBottom + 4, { border: colours.border });
  y = payBoxBottom - 16;

  // ── National Insurance contributions in this employment ──────────────────
  y = heading(M, y, W, 'National Insurance contributions in this employment');
  const niCols = [
    { title: 'NIC table letter', w: 0.12 },
    { title: 'Earnings at the LEL (where earnings are equal to or exceed the LEL)', w: 0.22 },
    { title: 'Earnings above the LEL, up to and including the PT', w: 0.22 },
    { title: 'Earnings above the PT, up to and including the UEL', w: 0.22 },
    { title: "Employee's contributions due on all earnings above the PT", w: 0.22 },
  ];
  let cx = M;
  const headTop = y;
  const headLines = niCols.map((c) => pdf.wrap(c.title, 7.5, c.w * W - 10, true));
  const headH = Math.max(...headLines.map((l) => l.length)) * 9 + 8;
  pdf.rect(M, headTop - headH, W, headH, { border: colours.border });
  niCols.forEach((c, i) => {
    headLines[i]!.forEach((line, j) => pdf.text(line, cx + 5, headTop - 10 - j * 9, { size: 7.5, bold: true, colour: colours.secondary }));
    if (i > 0) pdf.line(cx, headTop, cx, headTop - headH, { colour: colours.border });
    cx += c.w * W;
  });
  y = headTop - headH;
  const niRows = p60.nationalInsurance.length > 0 ? p60.nationalInsurance : [];
  for (const band of niRows) {
    const values = [band.category, formatPounds(band.earningsAtLelPence), formatPounds(band.earningsLelToPtPence), formatPounds(band.earningsPtToUelPence), formatPounds(band.employeeContributionsPence)];
    pdf.rect(M, y - 18, W, 18, { border: colours.border });
    cx = M;
    values.forEach((v, i) => {
      const w = niCols[i]!.w * W;
      if (i === 0) pdf.text(v, cx + w / 2, y - 13, { size: 10, bold: true, align: 'center' });
      else pdf.text(v, cx + w - 6, y - 13, { size: 9.5, align: 'right' });
      if (i > 0) pdf.line(cx, y, cx, y - 18, { colour: colours.border });
      cx += w;
    });
    y -= 18;
  }
  y -= 16;

  // ── Statutory payments | Other details ────────────────────────────────────
  const half = (W - 12) / 2;
  const statutory: Array<[string, number]> = [
    ['Statutory Maternity Pay', p60.statutoryPayments.maternityPence],
    ['Statutory Paternity Pay', p60.statutoryPayments.paternityPence],
    ['Statutory Adoption Pay', p60.statutoryPayments.adoptionPence],
    ['Statutory Shared Parental Pay', p60.statutoryPayments.sharedParentalPence],
    ['Statutory Parental Bereavement Pay', p60.statutoryPayments.parentalBereavementPence],
  ];
  const boxTop = y;
  let sy = heading(M, y, half, 'Statutory payments (included in the pay above)');
  const boxH = HEAD + statutory.length * 16 + 8;
  pdf.rect(M, boxTop - boxH, half, boxH - HEAD, { border: colours.border });
  statutory.forEach(([label, pence], i) => {
    const ry = sy - 14 - i * 16;
    pdf.text(label, M + 8, ry, { size: 9 });
    pdf.text(formatPounds(pence), M + half - 8, ry, { size: 9, align: 'right' });
  });
  const ox = M + half + 12;
  sy = heading(ox, y, half, 'Other details');
  pdf.rect(ox, boxTop - boxH, half, boxH - HEAD, { border: colours.border });
  const other: Array<[string, number]> = [
    ['Student Loan deductions', p60.studentLoanPence],
    ['Postgraduate Loan deductions', p60.postgraduateLoanPence],
  ];
  other.forEach(([label, pence], i) => {
    const ry = sy - 14 - i * 16;
    pdf.text(label, ox + 8, ry, { size: 9, maxWidth: half - 80 });
    pdf.text(formatPounds(pence), ox + half - 8, ry, { size: 9, align: 'right' });
  });
  pdf.text(`Total NI (employee) in this employment: ${formatPounds(p60.employeeNiPence)}`, ox + 8, sy - 14 - 2 * 16 - 6, { size: 8, colour: colours.secondary });
  pdf.text(`Pay periods: ${p60.payslipCount}, last paid ${formatLongDate(p60.lastPayDate)}`, ox + 8, sy - 14 - 3 * 16 - 6, { size: 8, colour: colours.secondary });
  y = boxTop - boxH - 16;

  // ── Employer's details and certificate ───────────────────────────────────
  y = heading(M, y, W, "Employer's details");
  y -= 6;
  field(M, y, W * 0.64, 'Employer name', p60.employer.name, { bold: true });
  field(M + W * 0.64 + 10, y, W * 0.36 - 10, 'Employer PAYE reference', p60.employer.payeReference ?? 'Not held');
  y -= 48;
  y = heading(M, y, W, 'Certificate by Employer/Paying Office');
  const certificate =
    'This form shows your total pay for Income Tax purposes in this employment for the year. Any overtime, bonus, commission etc, ' +
    'Statutory Sick Pay, Statutory Maternity Pay, Statutory Paternity Pay, Statutory Shared Parental Pay, Statutory Adoption Pay or ' +
    'Statutory Parental Bereavement Pay is included.';
  const certLines = pdf.wrap(certificate, 8.5, W - 16);
  const certH = certLines.length * 11 + 10;
  pdf.rect(M, y - certH, W, certH, { border: colours.border });
  certLines.forEach((line, i) => pdf.text(line, M + 8, y - 13 - i * 11, { size: 8.5 }));

  return pdf.finish((i, count) => {
    pdf.line(M, 46, M + W, 46, { thickness: 0.75, colour: colours.border });
    pdf.text(`P60 ${p60.taxYear} · ${p60.employer.name} · ${p60.employee.payrollNumber}`, M, 34, { size: 7.5, colour: colours.secondary, maxWidth: W - 90 });
    pdf.text(`Page ${i + 1} of ${count}`, M + W, 34, { size: 7.5, colour: colours.secondary, align: 'right' });
  });
}
