import { css } from 'lit';

/** Select (nhsuk-select), for the widgets with one. */
export const nhsSelect = css`
  :where(select) {
    min-width: 12em;
    max-width: 100%;
    height: 2.5em;
    padding: var(--_space-1);
    border: 2px solid var(--_color-input-border);
    border-radius: 0;
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }
  :where(select:focus-visible) {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
    border-color: var(--_color-focus-text);
    box-shadow: inset 0 0 0 2px var(--_color-focus-text);
  }
  @media (forced-colors: active) {
    :where(select:focus-visible) {
      outline-color: Highlight;
    }
  }
`;
