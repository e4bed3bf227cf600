import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.ts';
import { nhsBase } from '../internal/nhs.styles.ts';
import { nhsSelect } from '../internal/select.styles.ts';
import { stateStyles } from '../internal/states.styles.ts';

const catalogue = css`
  :where(.state) {
    outline: none;
    min-width: 0;
  }
  :where(.search) {
    margin-bottom: var(--_space-4);
  }
  :where(.search .hint) {
    margin-bottom: var(--_space-2);
  }
  :where(.search__row) {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: flex-start;
  }
  :where(.input) {
    flex: 1 1 16em;
    height: 2.5em;
    padding: var(--_space-1);
    border: 2px solid var(--_color-input-border);
    border-radius: 0;
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-surface);
  }
  :where(.input:focus-visible, input[type='checkbox']:focus-visible) {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_color-focus-text);
  }
  /* Primary button (nhsuk-button): green, white text. */
  :where(.button--primary) {
    border-color: var(--esr-color-button, #007f3b);
    background: var(--esr-color-button, #007f3b);
    box-shadow: 0 4px 0 #00401e;
    color: #fff;
  }
  :where(.button--primary:hover) {
    background: #00662f;
  }
  :where(.button[aria-disabled='true']) {
    opacity: 0.6;
    cursor: progress;
  }
  :where(.layout) {
    display: grid;
    gap: var(--_space-4);
  }
  @container (min-width: 48em) {
    :where(.layout) {
      grid-template-columns: 16em 1fr;
      align-items: start;
    }
  }
  :where(.filters) {
    padding: var(--_space-3);
    background: var(--_color-panel);
  }
  :where(.filters__title) {
    margin-bottom: var(--_space-3);
  }
  :where(.form-group, .fieldset) {
    margin: 0 0 var(--_space-3);
  }
  :where(.fieldset) {
    padding: 0;
    border: 0;
  }
  :where(.filters select) {
    width: 100%;
    min-width: 0;
  }
  :where(.checkbox) {
    display: flex;
    gap: var(--_space-2);
    align-items: flex-start;
    margin-bottom: var(--_space-2);
  }
  :where(.checkbox input) {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    flex: none;
    accent-color: var(--_color-text);
  }
  :where(.results__count) {
    font-weight: 600;
  }
  :where(.results, .sessions__list) {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :where(.course) {
    padding: var(--_space-3) 0;
    border-bottom: 1px solid var(--_color-border);
    /* Courses off screen skip layout and paint (their content stays in the accessibility tree):
       otherwise each frame of a growing 1,000-course list re-lays and repaints every course. */
    content-visibility: auto;
    contain-intrinsic-size: auto 240px;
  }
  :where(.course__title) {
    outline: none;
  }
  :where(.course__title:focus-visible) {
    background: var(--_color-focus);
    box-shadow: 0 4px var(--_color-focus-text);
  }
  :where(.course__meta) {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    align-items: baseline;
    color: var(--_color-text-secondary);
  }
  :where(.tag) {
    display: inline-block;
    padding: 0 var(--_space-2);
    border: 1px solid #005eb8;
    color: #003087;
    background: #e6eff8;
    font-weight: 600;
  }
  :where(.tag--booked) {
    border-color: #005a2c;
    color: #005a2c;
    background: #cce5d8;
  }
  :where(.inset) {
    margin: var(--_space-3) 0;
    padding: var(--_space-2) var(--_space-3);
    border-left: 8px solid var(--_color-brand);
  }
  :where(.inset p) {
    margin: 0;
  }
  :where(.link-button) {
    /* WCAG 2.2 target size: at least 24px tall. */
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-link);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  :where(.link-button:focus-visible) {
    outline: var(--_focus-width) solid transparent;
    background: var(--_color-focus);
    color: var(--_color-focus-text);
    box-shadow: 0 -2px var(--_color-focus), 0 4px var(--_color-focus-text);
    text-decoration: none;
  }
  :where(.sessions) {
    margin-top: var(--_space-3);
  }
  :where(.session) {
    margin-bottom: var(--_space-3);
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
  }
  :where(.session p) {
    margin: 0 0 var(--_space-2);
  }
  :where(.places--full) {
    color: #6b140e;
  }
  :where(.error-message) {
    margin: var(--_space-2) 0 0;
    color: var(--_color-error);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    :where(.tag, .inset) {
      border-color: CanvasText;
    }
  }
`;

export const styles = [tokens, nhsBase, nhsSelect, stateStyles, catalogue];
