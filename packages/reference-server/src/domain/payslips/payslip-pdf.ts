// The payslip as a PDF, in the layout of an NHS ESR payslip (rules file §7): employee and PAYE
// information, pay and allowances, deductions, year-to-date balances, this period summary, messages
// from the employer. Pure: a PayslipView (and the few header facts it lacks) in, bytes out.
import { A4, PdfCanvas, colours, formatLongDate, formatPounds } from './pdf-kit.ts';
import type { RenderedPdf } from './pdf-kit.ts';
import type { PayslipView } from './payslip-store.ts';

export type DocumentLanguage = 'en' | 'cy';

export interface PayslipPdfOptions {
  /** Already masked (`AB ** ** ** C`); null when not held. */
  niNumberMasked?: string | null;
  /** The employer's PAYE reference (`120/R100`). */
  employerPayeReference?: string | null;
  lang?: DocumentLanguage;
}

const labels = {
  en: {
    payslip: 'Payslip', confidential: 'Private and confidential', continued: 'continued',
    employeeInfo: 'Employee and PAYE information', name: 'Name', assignment: 'Assignment number', jobTitle: 'Job title',
    payscale: 'Payscale description', department: 'Department', frequency: 'Pay frequency',
    payDate: 'Pay date', taxPeriod: 'Tax period', month: 'Month', week: 'Week', period: 'Period', taxCode: 'Tax code',
    cumulative: 'cumulative', nonCumulative: 'non-cumulative (Month 1/Week 1)', niCategory: 'NI category', niNumber: 'NI number',
    payeRef: 'Employer PAYE reference', notHeld: 'Not held',
    payments: 'Pay and allowances', deductions: 'Deductions', description: 'Description', amount: 'Amount',
    totalPayments: 'Total pay and allowances', totalDeductions: 'Total deductions',
    ytd: 'Year to date balances', ytdGross: 'Gross pay', ytdTaxable: 'Taxable pay', ytdTax: 'Income tax',
    ytdNi: 'Employee NI', ytdPension: 'NHS Pension (employee)',
    summary: 'This period summary', netPay: 'Net pay', method: 'Payment method', account: 'Bank account', notBacs: 'Not paid by BACS',
    messages: 'Messages from employer',
    employerLine: (ni: string, pension: string) => `Your employer also paid ${pension} into the NHS Pension Scheme and ${ni} employer National Insurance for you this period. These are not deducted from your pay.`,
    keepLine: 'Please keep this payslip: it shows your pay and deductions for the period and you may need it as proof of income. For questions about your pay, contact your payroll service quoting your assignment number.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    frequencies: { weekly: 'Weekly', fortnightly: 'Fortnightly', 'four-weekly': 'Four-weekly', monthly: 'Monthly' },
  },
  cy: {
    payslip: 'Slip cyflog', confidential: 'Preifat a chyfrinachol', continued: 'parhad',
    employeeInfo: 'Gwybodaeth y gweithiwr a TWE', name: 'Enw', assignment: 'Rhif aseiniad', jobTitle: 'Teitl swydd',
    payscale: 'Graddfa gyflog', department: 'Adran', frequency: 'Amlder talu',
    payDate: 'Dyddiad talu', taxPeriod: 'Cyfnod treth', month: 'Mis', week: 'Wythnos', period: 'Cyfnod', taxCode: 'Cod treth',
    cumulative: 'cronnol', nonCumulative: 'anghronnol (Mis 1/Wythnos 1)', niCategory: 'Categori YG', niNumber: 'Rhif YG',
    payeRef: 'Cyfeirnod TWE y cyflogwr', notHeld: 'Heb ei gadw',
    payments: 'Tâl a lwfansau', deductions: 'Didyniadau', description: 'Disgrifiad', amount: 'Swm',
    totalPayments: 'Cyfanswm tâl a lwfansau', totalDeductions: 'Cyfanswm didyniadau',
    ytd: "Balansau'r flwyddyn hyd yma", ytdGross: 'Tâl gros', ytdTaxable: 'Tâl trethadwy', ytdTax: 'Treth incwm',
    ytdNi: 'YG y gweithiwr', ytdPension: 'Pensiwn y GIG (gweithiwr)',
    summary: "Crynodeb y cyfnod hwn", netPay: 'Tâl net', method: 'Dull talu', account: 'Cyfrif banc', notBacs: 'Heb ei dalu drwy BACS',
    messages: 'Negeseuon gan y cyflogwr',
    employerLine: (ni: string, pension: string) => `Talodd eich cyflogwr ${pension} hefyd i Gynllun Pensiwn y GIG a ${ni} o Yswiriant Gwladol y cyflogwr ar eich rhan y cyfnod hwn. Nid yw'r rhain yn cael eu didynnu o'ch tâl.`,
    keepLine: "Cadwch y slip cyflog hwn: mae'n dangos eich tâl a'ch didyniadau ar gyfer y cyfnod ac efallai y bydd ei angen arnoch fel prawf o incwm. Os oes gennych gwestiynau am eich tâl, cysylltwch â'ch gwasanaeth cyflogres gan nodi rhif eich aseiniad.",
    page: (n: number, of: number) => `Tudalen ${n} o ${of}`,
    frequencies: { weekly: 'Wythnosol', fortnightly: 'Pythefnosol', 'four-weekly': 'Bob pedair wythnos', monthly: 'Misol' },
  },
} as const;

const M = 40; // page margin
const W = A4.width - 2 * M;
const GAP = 12;
const COL = (W - GAP) / 2;
const ROW = 14;
const HEAD = 17;
const FOOTER_TOP = 58; // content stays above this

/** `payslip-2026-10-30.pdf` */
export function payslipFileName(payslip: Pick<PayslipView, 'payDate'>): string {
  return `payslip-${payslip.payDate}.pdf`;
}

export function taxPeriodLabel(payslip: Pick<PayslipView, 'period' | 'taxYear'>, lang: DocumentLanguage = 'en'): string {
  const t = labels[lang];
  const unit = payslip.period.frequency === 'monthly' ? t.month : payslip.period.frequency === 'weekly' ? t.week : t.period;
  return `${unit} ${payslip.period.number}, ${payslip.taxYear}`;
}

export async function renderPayslipPdf(payslip: PayslipView, options: PayslipPdfOptions = {}): Promise<RenderedPdf> {
  const lang = options.lang ?? 'en';
  const t = labels[lang];
  const payDateText = formatLongDate(payslip.payDate, lang);
  const pdf = await PdfCanvas.create({
    title: `${t.payslip} ${payDateText}, ${payslip.employee.name}`,
    author: payslip.organisation.name,
    subject: `${t.payslip}: ${taxPeriodLabel(payslip, lang)}`,
    keywords: ['payslip', payslip.taxYear, payslip.employee.assignmentNumber],
    language: lang === 'cy' ? 'cy' : 'en-GB',
    date: new Date(`${payslip.payDate}T12:00:00Z`),
  });

  // ── Page header ────────────────────────────────────────────────────────────
  const firstPageHeader = (): number => {
    pdf.addPage();
    const top = A4.height - M;
    pdf.text(t.confidential.toUpperCase(), M, top, { size: 7, bold: true, colour: colours.secondary });
    const orgLines = pdf.wrap(payslip.organisation.name, 14, 330, true).slice(0, 2);
    orgLines.forEach((line, i) => pdf.text(line, M, top - 18 - i * 16, { size: 14, bold: true }));
    pdf.text(t.payslip, M + W, top - 20, { size: 24, bold: true, colour: colours.blue, align: 'right' });
    pdf.text(`${t.payDate} ${payDateText}`, M + W, top - 36, { size: 9, colour: colours.secondary, align: 'right' });
    const ruleY = top - 24 - orgLines.length * 16;
    const y = Math.min(ruleY, top - 46);
    pdf.line(M, y, M + W, y, { thickness: 2, colour: colours.blue });
    return y - 14;
  };
  const continuationHeader = (): number => {
    pdf.addPage();
    const top = A4.height - M;
    pdf.text(payslip.organisation.name, M, top - 8, { size: 10, bold: true, maxWidth: 300 });
    pdf.text(`${t.payslip} (${t.continued})`, M + W, top - 8, { size: 10, bold: true, colour: colours.blue, align: 'right' });
    pdf.text(`${payslip.employee.name} · ${payslip.employee.assignmentNumber} · ${payDateText}`, M + W, top - 21, { size: 8, colour: colours.secondary, align: 'right' });
    pdf.line(M, top - 28, M + W, top - 28, { thickness: 1.5, colour: colours.blue });
    return top - 42;
  };

  const heading = (x: number, y: number, width: number, title: string): number => {
    pdf.rect(x, y - HEAD, width, HEAD, { fill: colours.blue });
    pdf.text(title, x + 6, y - 12, { size: 9, bold: true, colour: colours.white });
    return y - HEAD;
  };

  let y = firstPageHeader();

  // ── Employee and PAYE information ──────────────────────────────────────────
  const na = t.notHeld;
  const left: Array<[string, string]> = [
    [t.name, payslip.employee.name],
    [t.assignment, payslip.employee.assignmentNumber],
    [t.jobTitle, payslip.employee.jobTitle],
    [t.payscale, /^band\b/i.test(payslip.employee.band) ? payslip.employee.band : `Band ${payslip.employee.band}`],
    [t.department, payslip.employee.orgUnit],
    [t.frequency, t.frequencies[payslip.period.frequency]],
  ];
  const right: Array<[string, string]> = [
    [t.payDate, payDateText],
    [t.taxPeriod, taxPeriodLabel(payslip, lang)],
    [t.taxCode, `${payslip.taxCode} (${payslip.taxBasis === 'cumulative' ? t.cumulative : t.nonCumulative})`],
    [t.niCategory, payslip.niCategory],
    [t.niNumber, options.niNumberMasked ?? na],
    [t.payeRef, options.employerPayeReference ?? na],
  ];
  y = heading(M, y, W, t.employeeInfo);
  const infoH = left.length * 15 + 8;
  pdf.rect(M, y - infoH, W, infoH, { border: colours.border });
  pdf.line(M + W / 2, y - infoH + 4, M + W / 2, y - 4);
  left.forEach(([label, value], i) => {
    const by = y - 15 - i * 15;
    pdf.text(label, M + 8, by, { size: 8, colour: colours.secondary });
    pdf.text(value, M + 104, by, { size: 9, bold: i === 0, maxWidth: W / 2 - 112 });
  });
  right.forEach(([label, value], i) => {
    const by = y - 15 - i * 15;
    pdf.text(label, M + W / 2 + 8, by, { size: 8, colour: colours.secondary });
    pdf.text(value, M + W / 2 + 120, by, { size: 9, maxWidth: W / 2 - 128 });
  });
  y -= infoH + 14;

  // ── Pay and allowances | Deductions (side by side; continue on the next page if long) ──
  const tables = [
    { x: M, title: t.payments, lines: payslip.payments, totalLabel: t.totalPayments, total: payslip.totals.grossPence },
    { x: M + COL + GAP, title: t.deductions, lines: payslip.deductions, totalLabel: t.totalDeductions, total: payslip.totals.deductionsPence },
  ];
  const rowsWanted = Math.max(6, payslip.payments.length, payslip.deductions.length);
  let drawn = 0;
  let firstChunk = true;
  while (drawn < rowsWanted || firstChunk) {
    const tableTop = y;
    const headerH = HEAD + ROW;
    const room = Math.floor((y - headerH - ROW - FOOTER_TOP - 6) / ROW); // rows that fit with a total row
    const remaining = rowsWanted - drawn;
    if (room < Math.min(3, remaining)) {
      y = continuationHeader();
      continue;
    }
    const take = Math.min(room, remaining);
    const last = drawn + take >= rowsWanted;
    for (const table of tables) {
      let ty = heading(table.x, tableTop, COL, firstChunk ? table.title : `${table.title} (${t.continued})`);
      pdf.rect(table.x, ty - ROW, COL, ROW, { fill: colours.fill });
      pdf.text(t.description, table.x + 6, ty - 10, { size: 8, bold: true, colour: colours.secondary });
      pdf.text(t.amount, table.x + COL - 6, ty - 10, { size: 8, bold: true, colour: colours.secondary, align: 'right' });
      ty -= ROW;
      for (let r = drawn; r < drawn + take; r++) {
        const line = table.lines[r];
        if (line) {
          pdf.text(line.description, table.x + 6, ty - 10, { size: 9, maxWidth: COL - 72 });
          pdf.text(formatPounds(line.amountPence), table.x + COL - 6, ty - 10, { size: 9, align: 'right' });
        }
        ty -= ROW;
        if (r < drawn + take - 1) pdf.line(table.x + 4, ty, table.x + COL - 4, ty);
      }
      if (last) {
        pdf.rect(table.x, ty - ROW - 2, COL, ROW + 2, { fill: colours.fill });
        pdf.line(table.x, ty, table.x + COL, ty, { thickness: 0.75, colour: colours.border });
        pdf.text(table.totalLabel, table.x + 6, ty - 11, { size: 9, bold: true });
        pdf.text(formatPounds(table.total), table.x + COL - 6, ty - 11, { size: 9, bold: true, align: 'right' });
        ty -= ROW + 2;
      }
      const bodyTop = tableTop - HEAD;
      pdf.rect(table.x, ty, COL, bodyTop - ty, { border: colours.border });
      y = ty;
    }
    drawn += take;
    firstChunk = false;
    y -= 14;
    if (!last) y = continuationHeader();
  }

  // ── Year to date balances | This period summary ───────────────────────────
  const summaryH = HEAD + 6 * 16 + 4;
  if (y - summaryH < FOOTER_TOP) y = continuationHeader();
  const ytd: Array<[string, number]> = [
    [t.ytdGross, payslip.yearToDate.grossPence],
    [t.ytdTaxable, payslip.yearToDate.taxablePayPence],
    [t.ytdTax, payslip.yearToDate.taxPence],
    [t.ytdNi, payslip.yearToDate.employeeNiPence],
    [t.ytdPension, payslip.yearToDate.pensionPence],
  ];
  let ly = heading(M, y, COL, `${t.ytd} (${payslip.taxYear})`);
  pdf.rect(M, y - summaryH, COL, summaryH - HEAD, { border: colours.border });
  ytd.forEach(([label, pence], i) => {
    const by = ly - 15 - i * 16;
    pdf.text(label, M + 8, by, { size: 9 });
    pdf.text(formatPounds(pence), M + COL - 8, by, { size: 9, align: 'right' });
    if (i < ytd.length - 1) pdf.line(M + 4, by - 5, M + COL - 4, by - 5);
  });

  const sx = M + COL + GAP;
  ly = heading(sx, y, COL, t.summary);
  pdf.rect(sx, y - summaryH, COL, summaryH - HEAD, { border: colours.border });
  pdf.text(t.totalPayments, sx + 8, ly - 15, { size: 9 });
  pdf.text(formatPounds(payslip.totals.grossPence), sx + COL - 8, ly - 15, { size: 9, align: 'right' });
  pdf.line(sx + 4, ly - 20, sx + COL - 4, ly - 20);
  pdf.text(t.totalDeductions, sx + 8, ly - 31, { size: 9 });
  pdf.text(formatPounds(payslip.totals.deductionsPence), sx + COL - 8, ly - 31, { size: 9, align: 'right' });
  pdf.rect(sx + 4, ly - 58, COL - 8, 22, { fill: colours.fill, border: colours.blue, borderWidth: 1 });
  pdf.text(t.netPay, sx + 10, ly - 51, { size: 11, bold: true, colour: colours.darkBlue });
  pdf.text(formatPounds(payslip.totals.netPence), sx + COL - 10, ly - 51, { size: 13, bold: true, colour: colours.darkBlue, align: 'right' });
  pdf.text(t.method, sx + 8, ly - 73, { size: 8, colour: colours.secondary });
  pdf.text(payslip.paidTo ? payslip.paidTo.method : t.notBacs, sx + COL - 8, ly - 73, { size: 9, align: 'right' });
  pdf.text(t.account, sx + 8, ly - 88, { size: 8, colour: colours.secondary });
  pdf.text(payslip.paidTo?.accountNumberMasked ?? '-', sx + COL - 8, ly - 88, { size: 9, align: 'right' });
  y -= summaryH + 14;

  // ── Messages from employer ────────────────────────────────────────────────
  const paragraphs = [
    t.employerLine(formatPounds(payslip.employerContributions.niPence), formatPounds(payslip.employerContributions.pensionPence)),
    t.keepLine,
  ].map((p) => pdf.wrap(p, 8.5, W - 16));
  const lineCount = paragraphs.reduce((n, p) => n + p.length, 0);
  const msgH = HEAD + lineCount * 11 + (paragraphs.length - 1) * 4 + 12;
  if (y - msgH < FOOTER_TOP) y = continuationHeader();
  let my = heading(M, y, W, t.messages);
  pdf.rect(M, y - msgH, W, msgH - HEAD, { border: colours.border });
  my -= 13;
  for (const para of paragraphs) {
    for (const line of para) {
      pdf.text(line, M + 8, my, { size: 8.5 });
      my -= 11;
    }
    my -= 4;
  }

  return pdf.finish((i, count) => {
    pdf.line(M, 46, M + W, 46, { thickness: 0.75, colour: colours.border });
    pdf.text(`${payslip.organisation.name} · ${payslip.employee.assignmentNumber} · ${payslip.id}`, M, 34, { size: 7.5, colour: colours.secondary, maxWidth: W - 90 });
    pdf.text(t.page(i + 1, count), M + W, 34, { size: 7.5, colour: colours.secondary, align: 'right' });
  });
}
