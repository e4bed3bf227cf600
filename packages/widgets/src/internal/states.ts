import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.ts';
import type { StringKey } from '../i18n/types.ts';
import { describeError, type ErrorKind } from './describe-error.ts';

/** A heading at the widget's `heading-level` (a `role="heading"` div, so the level can change at runtime). */
export function heading(level: number, text: string, cls = 'heading-m', id?: string): TemplateResult {
  const l = Math.min(6, Math.max(1, Math.trunc(level) || 2));
  return html`<div role="heading" aria-level=${l} class=${cls} id=${id ?? nothing} part="heading">${text}</div>`;
}

/**
 * The loading skeleton; the widget's live region announces `text`, so the visible copy is aria-hidden.
 * `block` adds a tall bar standing in for a table or chart.
 */
export function loadingState(text: string, block = false): TemplateResult {
  return html`
    <div class="loading" part="loading">
      <p class="loading__text" aria-hidden="true">${text}</p>
      <div class="skeleton" aria-hidden="true">
        <span class="skeleton__bar skeleton__bar--heading"></span>
        <span class="skeleton__bar"></span><span class="skeleton__bar"></span>
        <span class="skeleton__bar skeleton__bar--short"></span>
        ${block ? html`<span class="skeleton__bar skeleton__bar--block"></span>` : nothing}
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
  /** The widget's own title and body for kinds where the shared words would be too vague ("We could not find that payslip"). */
  own?: Partial<Record<ErrorKind, readonly [title: string, body: string]>> | undefined;
}

/** The error box: what went wrong, what to do, the request id for the service desk, and Try again. */
export function errorState({ l, error, title, headingLevel, onRetry, own }: ErrorStateOptions): TemplateResult {
  const { kind, requestId } = describeError(error);
  const shared = SHARED[kind];
  const [ownTitle, ownBody] = own?.[kind] ?? [];
  return html`
    <div class="error" part="error">
      <div role="alert">
        ${heading(headingLevel, ownTitle ?? (shared ? l.t(shared[0]) : title))}
        <p>${ownBody ?? l.t(shared ? shared[1] : 'errorGenericBody')}</p>
        ${requestId ? html`<p class="hint error__reference">${l.t('errorReference', { requestId })}</p>` : nothing}
      </div>
      ${kind === 'no-client' || !onRetry
        ? nothing
        : html`<button type="button" class="button no-print" part="retry-button" @click=${onRetry}>${l.t('retry')}</button>`}
    </div>
  `;
}

/** A problem+json's `detail` when the server sent one (validation refusals name what is wrong). */
export function problemDetail(error: unknown): string | undefined {
  const e = error as { detail?: unknown; problem?: { detail?: unknown } } | null;
  const detail = e?.problem?.detail ?? e?.detail;
  return typeof detail === 'string' && detail ? detail : undefined;
}
