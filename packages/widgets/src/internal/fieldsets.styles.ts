import { css } from 'lit';

/** Fieldsets with legends, the day/month/year date input, and groups of radios or checkboxes. */
export const nhsFieldsets = css`
  :where(fieldset) {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  :where(legend) {
    margin-bottom: var(--_space-2);
    padding: 0;
    font-weight: 600;
  }
  :where(.legend--m) {
    font-size: 1.25em;
  }
  /* Date input (nhsuk-date-input): day, month, year side by side. */
  :where(.date-input) {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
  :where(.date-input__item) {
    margin: 0;
  }
  :where(.date-input__label) {
    display: block;
    margin-bottom: var(--_space-1);
  }

  /* Radios and checkboxes (nhsuk-radios, nhsuk-checkboxes): 40px targets (WCAG 2.5.8). */
  :where(.choices) {
    display: grid;
    gap: var(--_space-2);
  }
  :where(.choices--inline) {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
  }
  :where(.choice__hint) {
    display: block;
    padding-left: calc(32px + var(--_space-2));
    margin-top: calc(-1 * var(--_space-1));
  }
`;
