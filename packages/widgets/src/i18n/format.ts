import type { SupportedLocale } from './types.ts';

/**
 * The Intl locales each supported locale asks for, best first. en-GB is the fallback because Intl would
 * otherwise fall back to the browser's default (often en-US: "October 30, 2026").
 */
const INTL_LOCALES: Record<SupportedLocale, string[]> = { 'en-GB': ['en-GB'], cy: ['cy-GB', 'en-GB'] };

// Chromium and Chrome builds with reduced ICU data have no Welsh; Welsh dates then get these names
// spliced into the en-GB parts (same day-month-year order: "30 Hydref 2026").
const WELSH_MONTHS = [
  'Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin',
  'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr',
] as const;
let welshIntl: boolean | undefined;
const hasWelshIntl = () => (welshIntl ??= Intl.DateTimeFormat.supportedLocalesOf(['cy']).length > 0);

// Intl formatters are expensive to build and immutable, so share one per kind, locale and options.
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function intl<F extends Intl.NumberFormat | Intl.DateTimeFormat>(Kind: new (locales: string[], options: object) => F, locale: SupportedLocale, options: object): F {
  const key = `${Kind.name}|${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key) as F | undefined;
  if (!format) formats.set(key, (format = new Kind(INTL_LOCALES[locale], options)));
  return format;
}

/**
 * Formats integer pence as pounds (`195239` → `£1,952.39`).
 *
 * The amount reaches Intl as a decimal string, not `pence / 100`: Intl.NumberFormat v3 formats strings
 * exactly, so no binary floating-point rounding can ever move a penny.
 */
export function formatMoney(pence: number, locale: SupportedLocale): string {
  const abs = Math.abs(Math.trunc(pence));
  const decimal = `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return intl(Intl.NumberFormat, locale, { style: 'currency', currency: 'GBP' }).format(decimal as `${number}`);
}

/**
 * Formats an ISO calendar date (`2026-10-30`). It is read and printed as UTC so that a
 * browser west of Greenwich never shows the day before.
 */
export function formatDate(
  isoDate: string,
  locale: SupportedLocale,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' },
): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const spliceWelsh = locale === 'cy' && !hasWelshIntl();
  const format = intl(Intl.DateTimeFormat, spliceWelsh ? 'en-GB' : locale, { ...options, timeZone: 'UTC' });
  if (!spliceWelsh || options.month !== 'long') return format.format(date);
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'month' ? WELSH_MONTHS[date.getUTCMonth()] : part.value))
    .join('');
}

/** "October 2026" / "Hydref 2026". */
export function formatMonthYear(isoDate: string, locale: SupportedLocale): string {
  return formatDate(isoDate, locale, { month: 'long', year: 'numeric' });
}

/** Minutes as decimal hours, to at most two places (`450` → `7.5`, `20` → `0.33`). */
export function formatHoursNumber(minutes: number, locale: SupportedLocale): string {
  return formatNumber(minutes / 60, locale, { maximumFractionDigits: 2 });
}

/** A number in the locale's digits and grouping (`1234` → `1,234`). */
export function formatNumber(value: number, locale: SupportedLocale, options: Intl.NumberFormatOptions = {}): string {
  return intl(Intl.NumberFormat, locale, options).format(value);
}
