import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.ts';
import { nhsBase } from '../internal/nhs.styles.ts';
import { nhsTable } from '../internal/table.styles.ts';
import { stateStyles } from '../internal/states.styles.ts';

const chart = css`
  :host {
    --_bar: var(--esr-absence-chart-bar, var(--_color-brand));
    --_bar-active: var(--esr-absence-chart-bar-active, #003087);
  }
  :where(.bradford) {
    margin: var(--_space-3) 0 var(--_space-4);
    padding: var(--_space-3);
    border-left: 8px solid var(--_color-brand);
    background: var(--_color-panel);
  }
  :where(.bradford__figures) {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3) var(--_space-5);
    margin: 0 0 var(--_space-2);
  }
  :where(.bradford__figure dt) {
    font-weight: 600;
  }
  :where(.bradford__figure dd) {
    margin: 0;
    font-size: 1.5em;
    font-weight: 600;
  }
  :where(.bradford__figure--score dd) {
    font-size: 2em;
    line-height: 1.2;
  }
  :where(.bradford .hint) {
    margin: 0;
  }

  :where(.chart) {
    margin: 0 0 var(--_space-3);
    min-width: 0;
  }
  :where(.chart__hint) {
    margin-bottom: var(--_space-2);
  }
  :where(.chart__svg) {
    display: block;
    overflow: visible;
    font-size: 14px;
  }
  :where(.chart__grid) {
    stroke: var(--_color-border);
    stroke-width: 1;
  }
  :where(.chart__axis) {
    stroke: var(--_color-text);
    stroke-width: 1;
  }
  :where(.chart__tick, .chart__label) {
    fill: var(--_color-text-secondary);
  }
  :where(.chart__value) {
    fill: var(--_color-text);
    font-weight: 600;
  }
  :where(.chart__fill) {
    fill: var(--_bar);
  }
  :where(.chart__highlight) {
    fill: transparent;
  }
  :where(.chart__point) {
    fill: transparent;
    outline: none;
    cursor: default;
  }
  :where(.chart__bar--active .chart__fill) {
    fill: var(--_bar-active);
  }
  :where(.chart__bar--active .chart__highlight) {
    fill: var(--_color-panel);
  }
  /* NHS focus style: yellow behind, a thick dark edge below; never colour alone (the readout names the bar). */
  :where(.chart__bar:has(.chart__point:focus-visible) .chart__highlight) {
    fill: var(--_color-focus);
  }
  :where(.chart__bar:has(.chart__point:focus-visible) .chart__fill) {
    fill: var(--_color-focus-text);
  }
  :where(.chart__bar:has(.chart__point:focus-visible) .chart__label) {
    fill: var(--_color-focus-text);
    font-weight: 600;
    text-decoration: underline;
  }
  :where(.chart__readout) {
    min-height: 1.5em;
    margin: var(--_space-2) 0 0;
    font-weight: 600;
  }

  :where(.details) {
    margin-bottom: var(--_space-4);
  }
  :where(.details summary) {
    display: inline-block;
    color: var(--_color-link);
    text-decoration: underline;
    cursor: pointer;
    padding-left: 1.2em;
    position: relative;
  }
  :where(.details summary)::marker,
  :where(.details summary)::-webkit-details-marker {
    content: '';
    display: none;
  }
  :where(.details summary)::before {
    content: '▸';
    position: absolute;
    left: 0;
  }
  :where(.details[open] summary)::before {
    content: '▾';
  }
  :where(.details summary:focus-visible) {
    outline: var(--_focus-width) solid transparent;
    background: var(--_color-focus);
    color: var(--_color-focus-text);
    box-shadow: 0 -2px var(--_color-focus), 0 4px var(--_color-focus-text);
    text-decoration: none;
  }
  :where(.details[open] summary) {
    margin-bottom: var(--_space-3);
  }

  :where(.reasons__share) {
    white-space: nowrap;
  }
  :where(.reasons__bar) {
    display: inline-block;
    width: 4em;
    height: 0.6em;
    margin-right: var(--_space-2);
    vertical-align: middle;
    background: var(--_color-panel);
  }
  :where(.reasons__bar rect) {
    fill: var(--_bar);
  }
  :where(.tag) {
    display: inline-block;
    padding: 0 var(--_space-2);
    border: 1px solid #6b140e;
    color: #6b140e;
    background: #f7d4d1;
    font-weight: 600;
  }

  @media (forced-colors: active) {
    :where(.chart__fill, .reasons__bar rect) {
      fill: CanvasText;
    }
    :where(.chart__bar:has(.chart__point:focus-visible) .chart__highlight) {
      fill: Highlight;
    }
    :where(.chart__tick, .chart__label, .chart__value) {
      fill: CanvasText;
    }
  }
`;

export const styles = [tokens, nhsBase, nhsTable, stateStyles, chart];
