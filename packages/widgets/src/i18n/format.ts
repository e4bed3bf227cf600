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

// Intl formatters are expensive to build and immutable, so share one per locale and options.
const moneyFormats = new Map<SupportedLocale, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats integer pence as pounds (`195239` → `£1,952.39`).
 *
 * The amount reaches Intl as a decimal string, not `pence / 100`: Intl.NumberFormat v3 formats strings
 * exactly, so no binary floating-point rounding can ever move a penny.
 */
export function formatMoney(pence: number, locale: SupportedLocale): string {
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[locale], { style: 'currency', currency: 'GBP' });
    moneyFormats.set(locale, format);
  }
  const abs = Math.abs(Math.trunc(pence));
  const decimal = `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return format.format(decimal as `${number}`);
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
  const intlLocale = spliceWelsh ? 'en-GB' : locale;
  const key = `${intlLocale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[intlLocale], { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
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

const numberFormats = new Map<SupportedLocale, Intl.NumberFormat>();

/** Minutes as decimal hours, to at most two places (`450` → `7.5`, `20` → `0.33`). */
export function formatHoursNumber(minutes: number, locale: SupportedLocale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[locale], { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(minutes / 60);
}
