// Payslip PDF: the endpoint serves a valid, parseable PDF whose text carries the payslip's figures.
// Text is checked through the renderer's record of drawn runs (the served bytes are byte-identical
// to a fresh render of the same payslip), and with pdftotext (poppler-utils, which `npm test` installs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { bankDetails, employees, payslips } from '../src/db/schema.ts';
import { loadDocumentFacts } from '../src/domain/payslips/employer-reference.ts';
import { formatPounds } from '../src/domain/payslips/pdf-kit.ts';
import type { RenderedPdf } from '../src/domain/payslips/pdf-kit.ts';
import { renderPayslipPdf } from '../src/domain/payslips/payslip-pdf.ts';
import { findPayslip } from '../src/domain/payslips/payslip-store.ts';
import type { PayslipView } from '../src/domain/payslips/payslip-store.ts';
import { createHarness, engine, readProblem } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function pdftotext(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'esr-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const textOf = (rendered: RenderedPdf) => rendered.runs.map((r) => r.text);

describe(`payslip PDF on ${engine}`, () => {
  let h: Harness;
  let alice: string;
  let bob: string;
  let aliceToken: string;
  let slip: PayslipView; // alice's latest, with several payments and deductions

  before(async () => {
    h = await createHarness();
    // Someone with enhancements and several deductions makes the fullest payslip.
    const people = await h.database.db.select({ id: employees.id }).from(employees).orderBy(asc(employees.id));
    for (const p of people.slice(20)) {
      const s = await findPayslip(h.database.db, p.id, 'latest', { releasedOnly: false });
      if (s && s.payments.length >= 2 && s.deductions.length >= 3 && s.paidTo) {
        alice = p.id;
        slip = s;
        break;
      }
    }
    assert.ok(slip, 'a seeded payslip with enhancements');
    bob = people.find((p) => p.id !== alice)!.id;
    aliceToken = await h.tokenFor({ sub: alice });
  });
  after(() => h.close());

  const fetchPdf = async (path: string, token = aliceToken) => {
    const res = await h.get(path, token);
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  test('GET /v1/me/payslips/{id}/pdf: a PDF download, private and not stored', async () => {
    const { res, bytes } = await fetchPdf(`/v1/me/payslips/${slip.id}/pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="payslip-${slip.payDate}.pdf"`);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    assert.match(Buffer.from(bytes.subarray(-6)).toString('latin1'), /%%EOF\s*$/);
  });

  test('the PDF parses back: one A4 page, metadata names the payslip and the trust, no other person', async () => {
    const { bytes } = await fetchPdf(`/v1/me/payslips/${slip.id}/pdf`);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    assert.equal(doc.getPageCount(), 1);
    const { width, height } = doc.getPage(0).getSize();
    assert.deepEqual([Math.round(width), Math.round(height)], [595, 842]);
    assert.match(doc.getTitle() ?? '', /^Payslip 30 October 2026, /);
    assert.ok(doc.getTitle()!.endsWith(slip.employee.name));
    assert.equal(doc.getAuthor(), slip.organisation.name);
    assert.match(doc.getSubject() ?? '', /Month 7, 2026-27/);
    assert.equal(doc.getCreator(), 'ESR Kit reference server');
  });

  test('the served bytes are exactly a render of the payslip, whose text carries every figure', async () => {
    const { bytes } = await fetchPdf(`/v1/me/payslips/${slip.id}/pdf`);
    const facts = await loadDocumentFacts(h.database.db, alice, slip.organisation.id);
    const rendered = await renderPayslipPdf(slip, { niNumberMasked: facts.niNumberMasked, employerPayeReference: facts.employerPayeReference });
    assert.deepEqual(bytes, rendered.bytes, 'deterministic render');
    const text = textOf(rendered);
    const has = (s: string) => assert.ok(text.includes(s), `missing ${JSON.stringify(s)}`);
    has('Payslip');
    has(slip.organisation.name);
    for (const heading of ['Employee and PAYE information', 'Pay and allowances', 'Deductions', 'Year to date balances (2026-27)', 'This period summary', 'Messages from employer']) has(heading);
    has(slip.employee.name);
    has(slip.employee.assignmentNumber);
    has(slip.employee.jobTitle);
    has(slip.employee.orgUnit);
    has('30 October 2026');
    has('Month 7, 2026-27');
    has(`${slip.taxCode} (cumulative)`);
    has(slip.niCategory);
    assert.match(facts.niNumberMasked ?? '', /^[A-Z]{2} \*\* \*\* \*\* [A-Z]$/);
    has(facts.niNumberMasked!);
    assert.match(facts.employerPayeReference ?? '', /^\d{3}\/R\d{3}$/);
    has(facts.employerPayeReference!);
    for (const line of [...slip.payments, ...slip.deductions]) {
      has(line.description);
      has(formatPounds(line.amountPence));
    }
    has(formatPounds(slip.totals.grossPence));
    has(formatPounds(slip.totals.deductionsPence));
    has(formatPounds(slip.totals.netPence));
    for (const v of Object.values(slip.yearToDate)) has(formatPounds(v));
    has(slip.paidTo!.accountNumberMasked);
    has('Page 1 of 1');
  });

  test('amounts are £1,234.56 and right-aligned in their column', async () => {
    assert.equal(formatPounds(123456), '£1,234.56');
    assert.equal(formatPounds(5), '£0.05');
    assert.equal(formatPounds(-1234), '-£12.34');
    assert.equal(formatPounds(100_000_000), '£1,000,000.00');
    const rendered = await renderPayslipPdf(slip);
    const rightEdges = (lines: Array<{ amountPence: number }>) =>
      lines.map((l) => {
        const run = rendered.runs.find((r) => r.text === formatPounds(l.amountPence))!;
        return Math.round((run.x + run.width) * 10) / 10;
      });
    const payments = rightEdges(slip.payments);
    assert.equal(new Set(payments).size, 1, `payments right edges ${payments}`);
    const deductions = rightEdges(slip.deductions);
    assert.equal(new Set(deductions).size, 1, `deductions right edges ${deductions}`);
    assert.ok(deductions[0]! > payments[0]!, 'deductions sit right of payments');
  });

  test('sensitive values stay masked: no full account or NI number anywhere in the PDF', async () => {
    const { bytes } = await fetchPdf(`/v1/me/payslips/${slip.id}/pdf`);
    const [bank] = await h.database.db.select().from(bankDetails).where(eq(bankDetails.employeeId, alice));
    const [person] = await h.database.db.select({ ni: employees.niNumber }).from(employees).where(eq(employees.id, alice));
    const facts = await loadDocumentFacts(h.database.db, alice, slip.organisation.id);
    const text = textOf(await renderPayslipPdf(slip, { niNumberMasked: facts.niNumberMasked })).join('\n');
    assert.ok(!text.includes(bank!.accountNumber));
    assert.ok(!text.includes(person!.ni!));
    assert.ok(!Buffer.from(bytes).toString('latin1').includes(bank!.accountNumber));
  });

  test('pdftotext reads the figures from the served PDF', async () => {
    assert.ok(hasPdftotext, 'pdftotext (Debian poppler-utils) is needed: `npm test` installs it');
    const { bytes } = await fetchPdf(`/v1/me/payslips/${slip.id}/pdf`);
    const text = pdftotext(bytes);
    for (const s of ['Payslip', slip.employee.name, slip.employee.assignmentNumber, formatPounds(slip.totals.netPence), formatPounds(slip.totals.grossPence), formatPounds(slip.yearToDate.taxPence), 'Page 1 of 1']) {
      assert.ok(text.includes(s), `pdftotext lacks ${s}`);
    }
  });

  test('?lang=cy gives Welsh labels with the same figures; another language is a 400 naming query.lang', async () => {
    const { res, bytes } = await fetchPdf(`/v1/me/payslips/${slip.id}/pdf?lang=cy`);
    assert.equal(res.status, 200);
    const facts = await loadDocumentFacts(h.database.db, alice, slip.organisation.id);
    const rendered = await renderPayslipPdf(slip, { ...facts, lang: 'cy' });
    assert.deepEqual(bytes, rendered.bytes);
    const text = textOf(rendered);
    for (const s of ['Slip cyflog', 'Tâl a lwfansau', 'Didyniadau', 'Tâl net', '30 Hydref 2026', 'Tudalen 1 o 1', formatPounds(slip.totals.netPence)]) assert.ok(text.includes(s), s);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    assert.match(doc.getTitle() ?? '', /^Slip cyflog 30 Hydref 2026/);
    const bad = await h.get(`/v1/me/payslips/${slip.id}/pdf?lang=fr`, aliceToken);
    assert.equal(bad.status, 400);
    assert.equal((await readProblem(bad)).errors?.[0]?.path, 'query.lang');
  });

  test('another person’s payslip is 404; a malformed id is 400; no token is 401', async () => {
    const [bobs] = await h.database.db.select({ id: payslips.id }).from(payslips).where(eq(payslips.employeeId, bob)).limit(1);
    const other = await h.get(`/v1/me/payslips/${bobs!.id}/pdf`, aliceToken);
    assert.equal(other.status, 404);
    assert.equal((await readProblem(other))['code'], 'not_found');
    const malformed = await h.get('/v1/me/payslips/not-a-payslip/pdf', aliceToken);
    assert.equal(malformed.status, 400);
    assert.equal((await readProblem(malformed)).errors?.[0]?.path, 'param.payslipId');
    const anonymous = await h.get(`/v1/me/payslips/${slip.id}/pdf`);
    assert.equal(anonymous.status, 401);
  });

  test('a long payslip flows onto more pages, each numbered "Page n of N"', async () => {
    const long: PayslipView = {
      ...slip,
      payments: Array.from({ length: 90 }, (_, i) => ({ code: 'OT', description: `Overtime ${i + 1} h @ time and a half on a long shift pattern`, amountPence: 1000 + i })),
    };
    const rendered = await renderPayslipPdf(long);
    assert.ok(rendered.pageCount >= 3, `pages: ${rendered.pageCount}`);
    const doc = await PDFDocument.load(rendered.bytes);
    assert.equal(doc.getPageCount(), rendered.pageCount);
    for (let n = 1; n <= rendered.pageCount; n++) {
      const footer = rendered.runs.find((r) => r.text === `Page ${n} of ${rendered.pageCount}`);
      assert.equal(footer?.page, n - 1);
    }
    // Every line is drawn once, and nothing runs into the footer.
    for (const line of long.payments) assert.equal(rendered.runs.filter((r) => r.text === formatPounds(line.amountPence)).length, 1);
    const footerY = rendered.runs.find((r) => r.text.startsWith('Page 1 of'))!.y;
    for (const run of rendered.runs) if (run.y !== footerY && run.y < 58) assert.fail(`run in the footer area: ${run.text} at ${run.y}`);
    assert.ok(textOf(rendered).includes('Pay and allowances (continued)'));
  });

  test('characters the standard fonts lack are drawn without them, never an error', async () => {
    const rendered = await renderPayslipPdf({ ...slip, employee: { ...slip.employee, name: 'Łucja Wróbel-Ŵyn 李' } });
    assert.ok(textOf(rendered).includes('Lucja Wróbel-Wyn ?'));
  });
});
