// A small drawing layer over pdf-lib for the payroll documents (payslip, P60): A4 pages, the two
// standard Helvetica faces, text that never throws on characters the fonts lack, and a record of
// every text run drawn so tests can assert on a document's words without a PDF text extractor.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 } as const;

/** NHS identity colours (service-manual.nhs.uk/design-system/styles/colour). */
export const colours = {
  blue: rgb(0 / 255, 94 / 255, 184 / 255),
  darkBlue: rgb(0 / 255, 48 / 255, 135 / 255),
  text: rgb(33 / 255, 43 / 255, 50 / 255),
  secondary: rgb(76 / 255, 98 / 255, 114 / 255),
  border: rgb(174 / 255, 183 / 255, 189 / 255),
  rule: rgb(216 / 255, 221 / 255, 224 / 255),
  fill: rgb(240 / 255, 244 / 255, 245 / 255),
  white: rgb(1, 1, 1),
} as const;

/** One piece of text as drawn: page (0-based), baseline position in points, size and face. */
export interface TextRun {
  page: number;
  x: number;
  y: number;
  /** Width in points: x + width is the right edge (right-aligned columns share it). */
  width: number;
  size: number;
  bold: boolean;
  text: string;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** Every text run, in drawing order (the footers last). */
  runs: TextRun[];
}

export interface PdfMetadata {
  title: string;
  /** Who issues the document: the organisation, never a person. */
  author: string;
  subject: string;
  keywords: string[];
  language: 'en-GB' | 'cy';
  /** Fixed dates keep the bytes deterministic for the same payslip. */
  date: Date;
}

export interface TextOptions {
  size?: number;
  bold?: boolean;
  colour?: RGB;
  align?: 'left' | 'right' | 'center';
  /** Truncate with an ellipsis to fit (points). */
  maxWidth?: number;
}

export class PdfCanvas {
  readonly doc: PDFDocument;
  readonly pages: PDFPage[] = [];
  readonly runs: TextRun[] = [];
  private readonly regular: PDFFont;
  private readonly boldFont: PDFFont;
  private readonly charset: Set<number>;
  private current = -1;

  private constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.regular = regular;
    this.boldFont = bold;
    this.charset = new Set(regular.getCharacterSet());
  }

  static async create(meta: PdfMetadata): Promise<PdfCanvas> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const canvas = new PdfCanvas(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
    doc.setTitle(canvas.clean(meta.title), { showInWindowTitleBar: true });
    doc.setAuthor(canvas.clean(meta.author));
    doc.setSubject(canvas.clean(meta.subject));
    doc.setKeywords(meta.keywords.map((k) => canvas.clean(k)));
    doc.setLanguage(meta.language);
    doc.setCreator('ESR Kit reference server');
    doc.setProducer('ESR Kit reference server (pdf-lib)');
    doc.setCreationDate(meta.date);
    doc.setModificationDate(meta.date);
    return canvas;
  }

  /** The page being drawn on. */
  get page(): PDFPage {
    const page = this.pages[this.current];
    if (!page) throw new Error('PdfCanvas: add a page first');
    return page;
  }

  addPage(): PDFPage {
    const page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(page);
    this.current = this.pages.length - 1;
    return page;
  }

  /** Text the standard fonts can draw: unknown characters lose their accents, else become '?'. */
  clean(text: string): string {
    let out = '';
    for (const ch of text.replace(/[\t\r\n]+/g, ' ')) {
      const cp = ch.codePointAt(0)!;
      if (this.charset.has(cp)) out += ch;
      else {
        const base = ch.normalize('NFD').codePointAt(0)!;
        out += this.charset.has(base) ? String.fromCodePoint(base) : (fallbacks[ch] ?? '?');
      }
    }
    return out;
  }

  width(text: string, size: number, bold = false): number {
    return (bold ? this.boldFont : this.regular).widthOfTextAtSize(this.clean(text), size);
  }

  /** Draws `text` with its baseline at y; x is the left, right or centre edge per `align`. */
  text(text: string, x: number, y: number, options: TextOptions = {}): void {
    const size = options.size ?? 9;
    const bold = options.bold ?? false;
    const font = bold ? this.boldFont : this.regular;
    let clean = this.clean(text);
    if (options.maxWidth !== undefined && font.widthOfTextAtSize(clean, size) > options.maxWidth) {
      while (clean.length > 1 && font.widthOfTextAtSize(`${clean}…`, size) > options.maxWidth) clean = clean.slice(0, -1);
      clean = `${clean.trimEnd()}…`;
    }
    const w = font.widthOfTextAtSize(clean, size);
    const left = options.align === 'right' ? x - w : options.align === 'center' ? x - w / 2 : x;
    this.page.drawText(clean, { x: left, y, size, font, color: options.colour ?? colours.text });
    this.runs.push({ page: this.current, x: round2(left), y: round2(y), width: round2(w), size, bold, text: clean });
  }

  /** Greedy word wrap to `maxWidth`. */
  wrap(text: string, size: number, maxWidth: number, bold = false): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of this.clean(text).split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && this.width(next, size, bold) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  }

  rect(x: number, y: number, width: number, height: number, options: { fill?: RGB; border?: RGB; borderWidth?: number } = {}): void {
    this.page.drawRectangle({
      x, y, width, height,
      ...(options.fill ? { color: options.fill } : {}),
      ...(options.border ? { borderColor: options.border, borderWidth: options.borderWidth ?? 0.75 } : {}),
    });
  }

  line(x1: number, y1: number, x2: number, y2: number, options: { thickness?: number; colour?: RGB } = {}): void {
    this.page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: options.thickness ?? 0.5, color: options.colour ?? colours.rule });
  }

  /** Draws footers on every page (they know the page count) and serialises the document. */
  async finish(footer: (pageIndex: number, pageCount: number) => void): Promise<RenderedPdf> {
    for (let i = 0; i < this.pages.length; i++) {
      this.current = i;
      footer(i, this.pages.length);
    }
    const bytes = await this.doc.save({ useObjectStreams: false });
    return { bytes, pageCount: this.pages.length, runs: this.runs };
  }
}

/** Letters with no Unicode decomposition to a WinAnsi letter. */
const fallbacks: Record<string, string> = { 'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd', 'Ħ': 'H', 'ħ': 'h', 'ı': 'i', 'Ŧ': 'T', 'ŧ': 't', '\u2212': '-', '\u2011': '-' };

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Integer pence → `£1,234.56` (negative: `-£12.34`), exact (no floating point). */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(pence));
  const pounds = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}£${pounds}.${(abs % 100).toString().padStart(2, '0')}`;
}

const months = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
} as const;

/** `2026-10-30` → `30 October 2026` (or `30 Hydref 2026`). */
export function formatLongDate(iso: string, lang: 'en' | 'cy' = 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[lang][(m ?? 1) - 1]} ${y}`;
}
