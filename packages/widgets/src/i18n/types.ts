/** Locales with a full string table. Anything else falls back to en-GB. */
export const SUPPORTED_LOCALES = ['en-GB', 'cy'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * A widget's strings (`src/<widget>/messages.ts`): the en-GB table, bundled, and the Welsh one behind a
 * dynamic import (`messages.cy.ts`), fetched the first time anything renders in Welsh. Both are typed
 * with the widget's own interface, so a missing Welsh string is a type error, and a widget's bundle
 * carries only its own strings plus the common ones.
 */
export interface Messages<S> {
  readonly 'en-GB': S;
  readonly cy: () => Promise<S>;
}

/** The keys of a table whose values are templates (`%{name}` placeholders), i.e. what `t()` accepts. */
export type StringKeyOf<S> = { [K in keyof S]-?: S[K] extends string ? K : never }[keyof S] & string;

/** Keys `t()` accepts in a widget with table `S`: the common ones plus its own. */
export type StringKey<S = unknown> = keyof CommonStrings | StringKeyOf<S>;

/** Per-instance overrides (the `i18n` property), e.g. a trust's own wording. */
export type EsrStringOverrides<S = unknown> = Partial<Record<StringKey<S>, string>>;

/**
 * Strings every widget may use: the shared loading/error states, the error summary, hours and date
 * ranges. Anything only one widget says belongs in that widget's messages, not here.
 */
export interface CommonStrings {
  errorGenericBody: string;
  errorSignedOutTitle: string;
  errorConnectionTitle: string;
  errorConnectionBody: string;
  errorTimeoutTitle: string;
  errorTimeoutBody: string;
  errorRateLimitedTitle: string;
  errorRateLimitedBody: string;
  errorServerTitle: string;
  errorServerBody: string;
  errorNoClientBody: string;
  errorReference: string; // %{requestId}
  retry: string;
  hoursValue: string; // %{hours}
  hoursValueOne: string; // %{hours}
  errorSignInAgain: string;
  errorNotConnectedTitle: string;
  errorNoPermissionTitle: string;
  errorNoPermissionBody: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  dateRange: string; // %{start} %{end}
}
