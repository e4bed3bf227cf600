export { LocalizeController, resolveLocale, interpolate } from './localize-controller.ts';
export { formatMoney, formatDate, formatMonthYear, formatHoursNumber, formatNumber } from './format.ts';
// The Welsh tables are loaded on demand, so they are not re-exported here (that would bundle them).
export { enGB } from './en-GB.ts';
export { SUPPORTED_LOCALES } from './types.ts';
export type { CommonStrings, EsrStringOverrides, Messages, StringKey, StringKeyOf, SupportedLocale } from './types.ts';
