import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.ts';
import { heading } from './states.ts';

/** One problem in the error summary: the field to focus and what to say. */
export interface SummaryError {
  id: string;
  text: string;
}

/**
 * The NHS error summary above a form: the server's refusal (if any), then every problem as a link that
 * moves focus to its field. Nothing when there is nothing to say. The widget focuses it when shown.
 */
export function errorSummary(l: LocalizeController, headingLevel: number, refusal: string, errors: readonly SummaryError[]): TemplateResult | typeof nothing {
  if (!errors.length && !refusal) return nothing;
  const go = (event: Event, id: string) => {
    event.preventDefault();
    ((event.target as Element).getRootNode() as ParentNode).querySelector<HTMLElement>(`#${id}`)?.focus();
  };
  return html`
    <div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      ${heading(headingLevel + 1, l.t('errorSummaryTitle'), 'error-summary__title', 'error-summary-title')}
      <ul class="error-summary__list">
        ${refusal ? html`<li>${refusal}</li>` : nothing}
        ${errors.map((e) => html`<li><a href=${`#${e.id}`} @click=${(event: Event) => go(event, e.id)}>${e.text}</a></li>`)}
      </ul>
    </div>
  `;
}

/** The message under a field in error, `id` for its `aria-describedby`; "Error:" is read out before it. */
export function fieldError(l: LocalizeController, id: string, text: string): TemplateResult {
  return html`<span class="error-message" id=${id}><span class="visually-hidden">${l.t('errorPrefix')}</span> ${text}</span>`;
}
