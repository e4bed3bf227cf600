import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { localeContext } from '../provider/context.ts';
import { closestComposed } from '../internal/dom.ts';
import { formatDate, formatHoursNumber, formatMoney, formatMonthYear, formatNumber } from './format.ts';
import { enGB } from './en-GB.ts';
import type { CommonStrings, EsrStringOverrides, Messages, StringKey, SupportedLocale } from './types.ts';

const COMMON: Messages<CommonStrings> = { 'en-GB': enGB, cy: () => import('./cy.ts').then((m) => m.cy) };

// Welsh tables by loader, shared by every element: fetched once, on the first Welsh render.
type Loader = () => Promise<object>;
const welsh = new Map<Loader, object>();
const loading = new Map<Loader, Promise<void>>();
function loadWelsh(load: Loader): Promise<void> {
  let pending = loading.get(load);
  if (!pending) {
    pending = load().then(
      (table) => void welsh.set(load, table),
      // A Welsh chunk that cannot be fetched (offline, a missing file) leaves the widget in English
      // rather than blank; the next Welsh render tries again.
      (error: unknown) => {
        loading.delete(load);
        console.warn('[esr] Welsh strings could not be loaded; showing English.', error);
      },
    );
    loading.set(load, pending);
  }
  return pending;
}

/** Maps any BCP 47 tag onto a supported locale: `cy`, `cy-GB` → `cy`; everything else → `en-GB`. */
export function resolveLocale(tag: string | null | undefined): SupportedLocale {
  return tag && /^cy(-|$)/i.test(tag.trim()) ? 'cy' : 'en-GB';
}

/** Replaces `%{name}` placeholders; unknown names stay visible so a typo is noticed, not hidden. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/%\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

type Host<S = unknown> = ReactiveControllerHost & HTMLElement & { i18n?: EsrStringOverrides<S> | undefined };

// One MutationObserver for the whole page rather than one per element: a page of 50 widgets
// pays for a single observer, and `lang` changes anywhere in the document re-render them.
const hosts = new Set<Host>();
let observer: MutationObserver | undefined;
function watch(host: Host) {
  hosts.add(host);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}
function unwatch(host: Host) {
  hosts.delete(host);
  if (hosts.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/**
 * Gives an element its locale, strings and Intl formatters. `messages` are the widget's own tables
 * (`src/<widget>/messages.ts`); `t()` looks there first, then in the common table, so a widget's bundle
 * holds only the strings it uses.
 *
 * Locale order: the element's own `lang`, then the `locale` of an enclosing `<esr-provider>`, then the
 * closest ancestor with `lang` (through shadow roots), then `<html lang>`, then en-GB.
 */
export class LocalizeController<S extends object = object> implements ReactiveController {
  readonly #host: Host<S>;
  readonly #messages: Messages<S> | undefined;
  readonly #provided: ContextConsumer<typeof localeContext, Host<S>>;

  constructor(host: Host<S>, messages?: Messages<S>) {
    this.#host = host;
    this.#messages = messages;
    host.addController(this);
    this.#provided = new ContextConsumer(host, { context: localeContext, subscribe: true });
  }

  hostConnected(): void {
    watch(this.#host);
  }

  hostDisconnected(): void {
    unwatch(this.#host);
  }

  /** The resolved locale, computed on each call so it is never stale. */
  get locale(): SupportedLocale {
    const host = this.#host;
    const own = host.getAttribute('lang');
    if (own) return resolveLocale(own);
    if (this.#provided.value) return resolveLocale(this.#provided.value);
    // The host has no `lang` itself (checked above), so this finds the nearest ancestor's.
    const ancestor = closestComposed(host, '[lang]');
    return resolveLocale(ancestor?.getAttribute('lang') ?? document.documentElement.lang);
  }

  /** The `lang` to put on rendered content, so screen readers switch voice. */
  get lang(): string {
    return this.locale === 'cy' ? 'cy' : 'en-GB';
  }

  /**
   * Resolves once the current locale's tables are here: undefined (render now) for English or Welsh
   * already loaded, else a promise for the Welsh chunks. `EsrElement` awaits it before each update, so
   * a switch to Welsh renders Welsh (a moment later) rather than English first.
   */
  ready(): Promise<void> | undefined {
    if (this.locale !== 'cy') return undefined;
    const loaders: Array<Loader | undefined> = [COMMON.cy, this.#messages?.cy];
    const missing = loaders.filter((load): load is Loader => !!load && !welsh.has(load));
    return missing.length ? Promise.all(missing.map(loadWelsh)).then(() => undefined) : undefined;
  }

  #table<T extends object>(messages: Messages<T>, locale: SupportedLocale): T {
    // English stands in until (or if) the Welsh table arrives.
    return locale === 'cy' ? ((welsh.get(messages.cy) as T | undefined) ?? messages['en-GB']) : messages['en-GB'];
  }

  /** The widget's own table in the current locale (for non-template entries such as payslip line codes). */
  get strings(): S {
    return (this.#messages ? this.#table(this.#messages, this.locale) : {}) as S;
  }

  /** A string by key, with the host's `i18n` overrides applied and placeholders filled. */
  t(key: StringKey<S>, params?: Record<string, string | number>): string {
    const locale = this.locale;
    const own = this.#messages ? (this.#table(this.#messages, locale) as Record<string, string>) : undefined;
    const template = this.#host.i18n?.[key] ?? own?.[key] ?? (this.#table(COMMON, locale) as unknown as Record<string, string>)[key]!;
    return interpolate(template, params);
  }

  money(pence: number): string {
    return formatMoney(pence, this.locale);
  }

  date(isoDate: string, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(isoDate, this.locale, options);
  }

  /** Working time held as minutes, in words: "37.5 hours", "1 hour", "7.5 awr". */
  hours(minutes: number): string {
    const hours = formatHoursNumber(minutes, this.locale);
    return this.t(minutes === 60 ? 'hoursValueOne' : 'hoursValue', { hours });
  }

  /** A number in the locale's digits and separators. */
  number(value: number): string {
    return formatNumber(value, this.locale);
  }

  monthYear(isoDate: string): string {
    return formatMonthYear(isoDate, this.locale);
  }
}
