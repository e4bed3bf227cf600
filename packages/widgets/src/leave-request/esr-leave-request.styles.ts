import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.ts';
import { nhsBase } from '../internal/nhs.styles.ts';
import { nhsTable } from '../internal/table.styles.ts';
import { nhsForms } from '../internal/forms.styles.ts';
import { nhsFieldsets } from '../internal/fieldsets.styles.ts';
import { nhsErrorSummary } from '../internal/error-summary.styles.ts';
import { stateStyles } from '../internal/states.styles.ts';

const leaveRequest = css`
  :where(section) {
    margin-bottom: var(--_space-5);
  }
  :where(.balance) {
    padding: var(--_space-3);
    border-left: 8px solid var(--esr-leave-balance-border, var(--_color-brand));
    background: var(--esr-leave-balance-background, var(--_color-panel));
  }
  :where(.balance .summary-list) {
    margin-bottom: 0;
  }
  :where(.balance__figure) {
    font-size: 1.25em;
  }
  :where(.confirmation) {
    margin-bottom: var(--_space-5);
    padding: var(--_space-3);
    border: 4px solid var(--_color-success);
  }
  :where(.confirmation:focus) {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  :where(.count) {
    margin-bottom: var(--_space-4);
    padding: var(--_space-2) var(--_space-3);
    border-left: 4px solid var(--_color-brand);
    background: var(--_color-panel);
  }
  :where(.count[hidden]) {
    display: none;
  }
  :where(caption:focus, #requests-caption:focus) {
    outline: none;
  }
  :where(td .button) {
    margin: 0;
  }
`;

export const styles = [tokens, nhsBase, nhsTable, nhsForms, nhsFieldsets, nhsErrorSummary, stateStyles, leaveRequest];
