import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.ts';
import { nhsBase } from '../internal/nhs.styles.ts';
import { nhsTable } from '../internal/table.styles.ts';
import { nhsSelect } from '../internal/select.styles.ts';
import { stateStyles } from '../internal/states.styles.ts';

const payslip = css`
  :where(.picker) {
    margin-bottom: var(--_space-4);
  }
  :where(.picker__hint) {
    margin-bottom: var(--_space-2);
  }

  :where(.net-pay) {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-1) var(--_space-3);
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3);
    border-left: 8px solid var(--esr-payslip-net-pay-border, var(--_color-brand));
    background: var(--esr-payslip-net-pay-background, var(--_color-panel));
  }
  :where(.net-pay__label) {
    font-weight: 600;
    font-size: 1.25em;
  }
  :where(.net-pay__amount) {
    font-weight: 600;
    font-size: 2em;
    line-height: 1.2;
  }
  :where(.net-pay .hint) {
    flex-basis: 100%;
  }

  /* Payments beside deductions when the widget is wide enough; stacked otherwise. */
  :where(.tables) {
    display: grid;
    gap: 0 var(--_space-5);
    /* Each table keeps its natural height; stretching would pad out the shorter table's rows. */
    align-items: start;
  }
  @container (min-width: 48em) {
    :where(.tables) {
      grid-template-columns: 1fr 1fr;
    }
  }

  /* The employer note belongs to its table: pull it up under it. */
  :where(table + .hint) {
    margin-top: calc(-1 * var(--_space-4));
  }

  /* "How was this worked out?": a link-looking button under the deduction's name. */
  :where(.link-button) {
    /* WCAG 2.2 target size: at least 24px tall. */
    min-height: 24px;
    display: block;
    margin: var(--_space-1) 0 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-link);
    font: inherit;
    font-weight: 400;
    font-size: 0.875em;
    text-decoration: underline;
    text-align: left;
    cursor: pointer;
  }
  :where(.link-button:focus-visible) {
    outline: var(--_focus-width) solid transparent;
    background: var(--_color-focus);
    color: var(--_color-focus-text);
    box-shadow: 0 -2px var(--_color-focus), 0 4px var(--_color-focus-text);
    text-decoration: none;
  }
  :where(.explanation) {
    padding: var(--_space-2) var(--_space-3);
    border-left: 4px solid var(--_color-border);
    background: var(--_color-panel);
  }
  :where(.explanation p) {
    margin: 0 0 var(--_space-2);
  }
  :where(.explanation p:last-child) {
    margin-bottom: 0;
  }
  :where(.explanation__mismatch) {
    font-weight: 600;
  }
  :where(.this-period) {
    max-width: 32em;
  }
  :where(.downloads) {
    margin-bottom: var(--_space-4);
  }
  :where(.error-message) {
    margin: var(--_space-2) 0 0;
    color: var(--_color-error);
    font-weight: 600;
  }
  :where(.p60s) {
    margin-top: var(--_space-4);
  }
  :where(.p60s__list) {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :where(.p60s__list li) {
    margin-bottom: var(--_space-3);
  }

  @media (forced-colors: active) {
    :where(.net-pay) {
      border: 1px solid CanvasText;
      border-left-width: 8px;
    }
  }
`;

export const styles = [tokens, nhsBase, nhsTable, nhsSelect, stateStyles, payslip];
