import { css } from 'lit';

/** The error summary (nhsuk-error-summary) above a form. */
export const nhsErrorSummary = css`
  /* Error summary (nhsuk-error-summary): focused when shown, links move focus to the field. */
  :where(.error-summary) {
    margin-bottom: var(--_space-5);
    padding: var(--_space-3);
    border: 4px solid var(--_color-error);
  }
  :where(.error-summary:focus) {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
  }
  :where(.error-summary__title) {
    margin: 0 0 var(--_space-3);
    font-size: 1.25em;
    font-weight: 600;
  }
  :where(.error-summary__list) {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :where(.error-summary__list a) {
    color: var(--_color-error);
    font-weight: 600;
  }
`;
