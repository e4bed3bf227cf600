export { LocalizeController, resolveLocale, interpolate } from './localize-controller.ts';
export { formatMoney, formatDate, formatMonthYear, formatHoursNumber } from './format.ts';
export { enGB } from './en-GB.ts';
export { cy } from './cy.ts';
export { SUPPORTED_LOCALES } from './types.ts';
export type { CommonStrings, EsrStringOverrides, Messages, StringKey, StringKeyOf, SupportedLocale } from './types.ts';
