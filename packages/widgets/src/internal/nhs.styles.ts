import { css } from 'lit';

/**
 * NHS.UK frontend primitives re-created inside shadow DOM (no global CSS reaches in, none leaks out).
 * Selectors are wrapped in `:where()` so their specificity is zero: anything a page sets through
 * `::part()` or the `--esr-*` hooks wins without `!important`.
 */
export const nhsBase = css`
  :host {
    display: block;
    /* Trust pages keep their own Frutiger/Arial stack and text size. */
    font: inherit;
    color: inherit;
    /* Layout follows the widget's width, not the viewport: it may sit in a narrow sidebar. */
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  :where(*, *::before, *::after) {
    box-sizing: border-box;
  }
  :where(.root) {
    font-family: var(--_font-family);
    color: var(--_color-text);
    line-height: 1.5;
  }

  :where(h2, h3, .heading-l, .heading-m, .heading-s) {
    margin: 0 0 var(--_space-3);
    font-weight: 600;
    line-height: 1.25;
    color: var(--_color-text);
  }
  :where(.heading-l) {
    font-size: 1.5em;
  }
  :where(.heading-m) {
    font-size: 1.25em;
  }
  :where(.heading-s) {
    font-size: 1em;
  }
  @container (min-width: 40em) {
    :where(.heading-l) {
      font-size: 1.7em;
    }
    :where(.heading-m) {
      font-size: 1.35em;
    }
  }
  :where(p) {
    margin: 0 0 var(--_space-3);
  }
  :where(.caption) {
    display: block;
    margin-bottom: var(--_space-1);
    color: var(--_color-text-secondary);
    font-weight: 400;
  }
  :where(.hint) {
    color: var(--_color-text-secondary);
  }
  :where(.visually-hidden) {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }

  /* Summary list (nhsuk-summary-list) */
  :where(.summary-list) {
    margin: 0 0 var(--_space-4);
    padding: 0;
  }
  :where(.summary-list__row) {
    border-bottom: 1px solid var(--_color-border);
    padding: var(--_space-2) 0;
  }
  :where(.summary-list__key) {
    margin: 0 0 var(--_space-1);
    font-weight: 600;
  }
  :where(.summary-list__value) {
    margin: 0;
  }
  @container (min-width: 40em) {
    :where(.summary-list__row) {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 7fr);
      gap: var(--_space-4);
      padding: 0;
    }
    :where(.summary-list__key, .summary-list__value) {
      margin: 0;
      padding: var(--_space-2) 0;
    }
  }

  /* Secondary button (nhsuk-button--secondary, nhsuk-frontend 10) */
  :where(.button) {
    display: inline-block;
    position: relative;
    margin: 0 0 var(--_space-1);
    padding: calc(var(--_space-2) + 2px) var(--_space-3);
    border: 2px solid var(--_color-brand);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    box-shadow: 0 4px 0 var(--_color-brand);
    color: var(--_color-brand);
    font: inherit;
    font-weight: 600;
    line-height: 1.5;
    cursor: pointer;
  }
  :where(.button:hover) {
    background: #e6eff8;
  }
  :where(.button:active) {
    top: 4px;
    box-shadow: none;
  }

  :where(.label) {
    display: block;
    margin-bottom: var(--_space-2);
    font-weight: 600;
  }
  /* NHS yellow focus. The transparent outline is invisible normally and is drawn by the
     system in forced-colours mode, where backgrounds and shadows are dropped. */
  :where(.button:focus-visible) {
    outline: var(--_focus-width) solid transparent;
    outline-offset: var(--_focus-width);
    border-color: var(--_color-focus);
    background: var(--_color-focus);
    box-shadow: 0 4px 0 var(--_color-focus-text);
    color: var(--_color-focus-text);
  }
  @media (forced-colors: active) {
    :where(.button:focus-visible) {
      outline-color: Highlight;
    }
    :where(.button) {
      border-color: ButtonText;
    }
  }
  @media print {
    :where(.no-print) {
      display: none !important;
    }
  }
`;
