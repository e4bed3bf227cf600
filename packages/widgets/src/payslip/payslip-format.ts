import type { LocalizeController } from '../i18n/localize-controller.ts';
import type { PayslipStrings } from './messages.ts';

/** A payslip's place in the tax year: `{ frequency: 'monthly', number: 7 }` → "tax month 7". */
export function periodLabel(l: LocalizeController<PayslipStrings>, period: { frequency: string; number: number }): string {
  // Weekly, fortnightly and four-weekly payrolls all count tax weeks (HMRC numbers weeks 1–56).
  return l.t(period.frequency === 'monthly' ? 'taxMonth' : 'taxWeek', { number: period.number });
}

/**
 * The label for a payment or deduction line. English uses the payroll system's own wording. Other
 * locales translate known codes and keep the server's specifics: a trailing bracket ("NHS Pension (9.8%)"
 * → "Pensiwn y GIG (9.8%)") or, failing that, the figures ("Unsocial hours 8 h @ 30%" →
 * "Oriau anghymdeithasol (8 h @ 30%)"). Unknown codes keep the server's text.
 */
export function lineLabel(l: LocalizeController<PayslipStrings>, line: { code: string; description: string }): string {
  const translated = l.strings.lineCodes[line.code];
  if (!translated) return line.description;
  const detail =
    /\(([^()]*)\)\s*$/.exec(line.description)?.[1] ?? /\d.*$/.exec(line.description)?.[0].trim();
  return detail ? `${translated} (${detail})` : translated;
}

/** "****5678" → "5678": screen readers would otherwise read four asterisks aloud. */
export function paidToLast4(masked: string | null | undefined): string {
  return (masked ?? '').replace(/\D/g, '').slice(-4);
}

/** "2026-27" → { start: "2026", end: "2027" }, for "2026 to 2027 tax year" (GOV.UK style). */
export function taxYearBounds(taxYear: string): { start: string; end: string } {
  const start = /^(\d{4})-\d{2,4}$/.exec(taxYear)?.[1];
  return start ? { start, end: String(Number(start) + 1) } : { start: taxYear, end: '' };
}
