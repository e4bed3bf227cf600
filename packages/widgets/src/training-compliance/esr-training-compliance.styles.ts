import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.ts';
import { nhsBase } from '../internal/nhs.styles.ts';
import { nhsTable } from '../internal/table.styles.ts';
import { stateStyles } from '../internal/states.styles.ts';

const compliance = css`
  :where(.summary) {
    margin: var(--_space-3) 0 var(--_space-4);
    padding: var(--_space-3);
    border-left: 8px solid var(--_color-brand);
    background: var(--_color-panel);
  }
  :where(.summary p) {
    margin: 0;
  }
  :where(.summary__main) {
    font-weight: 600;
    font-size: 1.25em;
  }
  /* NHS.UK tags: darker text on a pale fill with a matching border. The word and symbol carry the meaning. */
  :where(.tag) {
    display: inline-block;
    padding: 2px var(--_space-2);
    border: 1px solid currentColor;
    font-weight: 600;
    white-space: nowrap;
  }
  :where(.tag--green) {
    color: #005a2c;
    background: #cce5d8;
  }
  :where(.tag--amber) {
    color: #4d3300;
    background: #fff2b3;
  }
  :where(.tag--red) {
    color: #6b140e;
    background: #f7d4d1;
  }
  :where(.tag--not_required) {
    color: #333f48;
    background: #f0f4f5;
    border-style: dashed;
    font-weight: 400;
  }
  :where(.relative, .matrix__job, .matrix__date) {
    display: block;
  }
  :where(.scroll) {
    overflow-x: auto;
  }
  :where(.scroll:focus-visible) {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  :where(.matrix th, .matrix td) {
    min-width: 8em;
    vertical-align: top;
  }
  @media (forced-colors: active) {
    :where(.tag) {
      border-color: CanvasText;
    }
  }
`;

export const styles = [tokens, nhsBase, nhsTable, stateStyles, compliance];
