import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.ts';
import type { StringKey } from '../i18n/types.ts';
import { describeError, type ErrorKind } from './describe-error.ts';

/** A heading at the widget's `heading-level` (a `role="heading"` div, so the level can change at runtime). */
export function heading(level: number, text: string, cls = 'heading-m', id?: string): TemplateResult {
  const l = Math.min(6, Math.max(1, Math.trunc(level) || 2));
  return html`<div role="heading" aria-level=${l} class=${cls} id=${id ?? nothing} part="heading">${text}</div>`;
}

/** The loading skeleton; the widget's live region announces `text`, so the visible copy is aria-hidden. */
export function loadingState(text: string): TemplateResult {
  return html`
    <div class="loading" part="loading">
      <p class="loading__text" aria-hidden="true">${text}</p>
      <div class="skeleton" aria-hidden="true">
        <span class="skeleton__bar skeleton__bar--heading"></span>
        <span class="skeleton__bar"></span><span class="skeleton__bar"></span>
        <span class="skeleton__bar skeleton__bar--short"></span>
      </div>
    </div>
  `;
}

// Kinds whose wording does not depend on what was being loaded use the shared strings; the rest take the
// widget's own title ("We could not load your leave requests") and a generic next step.
const SHARED: Partial<Record<ErrorKind, readonly [StringKey, StringKey]>> = {
  'signed-out': ['errorSignedOutTitle', 'errorSignInAgain'],
  connection: ['errorConnectionTitle', 'errorConnectionBody'],
  timeout: ['errorTimeoutTitle', 'errorTimeoutBody'],
  'rate-limited': ['errorRateLimitedTitle', 'errorRateLimitedBody'],
  server: ['errorServerTitle', 'errorServerBody'],
  'no-client': ['errorNotConnectedTitle', 'errorNoClientBody'],
  forbidden: ['errorNoPermissionTitle', 'errorNoPermissionBody'],
};

export interface ErrorStateOptions {
  l: LocalizeController;
  error: unknown;
  /** What failed, in the widget's words: "We could not load your leave requests". */
  title: string;
  headingLevel: number;
  onRetry?: (() => void) | undefined;
}

/** The error box: what went wrong, what to do, the request id for the service desk, and Try again. */
export function errorState({ l, error, title, headingLevel, onRetry }: ErrorStateOptions): TemplateResult {
  const { kind, requestId } = describeError(error);
  const shared = SHARED[kind];
  return html`
    <div class="error" part="error">
      <div role="alert">
        ${heading(headingLevel, shared ? l.t(shared[0]) : title)}
        <p>${l.t(shared ? shared[1] : 'errorGenericBody')}</p>
        ${requestId ? html`<p class="hint error__reference">${l.t('errorReference', { requestId })}</p>` : nothing}
      </div>
      ${kind === 'no-client' || !onRetry
        ? nothing
        : html`<button type="button" class="button" part="retry-button" @click=${onRetry}>${l.t('retry')}</button>`}
    </div>
  `;
}

/** A problem+json's `detail` when the server sent one (validation refusals name what is wrong). */
export function problemDetail(error: unknown): string | undefined {
  const e = error as { detail?: unknown; problem?: { detail?: unknown } } | null;
  const detail = e?.problem?.detail ?? e?.detail;
  return typeof detail === 'string' && detail ? detail : undefined;
}
