import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.ts';
import { nhsBase } from '../internal/nhs.styles.ts';
import { nhsForms } from '../internal/forms.styles.ts';
import { nhsFieldsets } from '../internal/fieldsets.styles.ts';
import { nhsErrorSummary } from '../internal/error-summary.styles.ts';
import { stateStyles } from '../internal/states.styles.ts';

const details = css`
  :where(.summary-list__actions) {
    margin: 0;
  }
  @container (min-width: 40em) {
    :where(.summary-list__row) {
      grid-template-columns: minmax(0, 3fr) minmax(0, 6fr) minmax(0, 2fr);
    }
    :where(.summary-list__actions) {
      padding: var(--_space-2) 0;
      text-align: right;
    }
  }
  :where(.pending) {
    margin: var(--_space-2) 0 0;
  }
  :where(.contacts) {
    margin: 0;
    padding-left: var(--_space-4);
  }
  :where(.contact) {
    margin-bottom: var(--_space-3);
  }
  :where(form) {
    padding: var(--_space-2) 0;
  }
`;

export const styles = [tokens, nhsBase, nhsForms, nhsFieldsets, nhsErrorSummary, stateStyles, details];
