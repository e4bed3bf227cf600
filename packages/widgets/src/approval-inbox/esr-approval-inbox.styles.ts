import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.ts';
import { nhsBase } from '../internal/nhs.styles.ts';
import { nhsForms } from '../internal/forms.styles.ts';
import { stateStyles } from '../internal/states.styles.ts';

const inbox = css`
  :where(.tabs) {
    display: flex;
    gap: var(--_space-2);
    margin-bottom: var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }
  :where(.tab) {
    margin-bottom: -1px;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid transparent;
    border-bottom: 0;
    background: none;
    color: var(--_color-link);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  :where(.tab--current) {
    border-color: var(--_color-border);
    background: var(--_color-surface);
    color: var(--_color-text);
    font-weight: 600;
    text-decoration: none;
  }
  :where(.tab:focus-visible) {
    outline: var(--_focus-width) solid transparent;
    background: var(--_color-focus);
    box-shadow: 0 4px var(--_color-focus-text);
    color: var(--_color-focus-text);
  }
  :where(.toolbar) {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    margin-bottom: var(--_space-3);
  }
  :where(.toolbar .button) {
    margin: 0;
  }
  :where(.layout) {
    display: grid;
    gap: var(--_space-4);
  }
  @container (min-width: 56em) {
    :where(.layout) {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
  }
  :where(.list) {
    margin: 0 0 var(--_space-3);
    padding: 0;
    list-style: none;
    border-top: 1px solid var(--_color-border);
  }
  :where(.item) {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    min-height: 48px;
    padding: var(--_space-2);
    border-bottom: 1px solid var(--_color-border);
    border-left: 4px solid transparent;
    cursor: pointer;
    /* Off-screen rows are neither laid out nor painted: a 1,000-row inbox costs what the visible rows cost. */
    content-visibility: auto;
    contain-intrinsic-size: auto 64px;
  }
  :where(.item--selected) {
    background: var(--esr-approval-row-selected, #e8f1f8);
  }
  :where(.item--open) {
    border-left-color: var(--_color-brand);
  }
  :where(.item:focus-visible) {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: calc(-1 * var(--_focus-width));
    border-left-color: var(--_color-focus-text);
  }
  :where(.item__main) {
    display: grid;
    flex: 1;
    min-width: 0;
  }
  :where(.item__title) {
    font-weight: 600;
  }
  :where(.item__meta) {
    color: var(--_color-text-secondary);
  }
  :where(.check) {
    flex: none;
    width: 28px;
    height: 28px;
    border: 2px solid var(--_color-input-border);
    background: var(--_color-surface);
  }
  :where(.check--on) {
    background: var(--_color-text);
    box-shadow: inset 0 0 0 5px var(--_color-surface);
  }
  :where(.detail) {
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-top: 4px solid var(--_color-brand);
    background: var(--_color-surface);
  }
  :where(.detail:focus) {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  :where(.history, .team-off) {
    margin: 0 0 var(--_space-4);
    padding-left: var(--_space-4);
  }
  :where(.shortcuts) {
    margin-top: var(--_space-3);
  }
  :where(.shortcuts summary) {
    color: var(--_color-link);
    text-decoration: underline;
    cursor: pointer;
  }
  :where(.shortcuts summary:focus-visible) {
    outline: var(--_focus-width) solid transparent;
    background: var(--_color-focus);
    color: var(--_color-focus-text);
  }
  :where(.shortcuts__list) {
    display: grid;
    gap: var(--_space-1);
    margin: var(--_space-2) 0 0;
  }
  :where(.shortcuts__list div) {
    display: flex;
    gap: var(--_space-3);
  }
  :where(.shortcuts__list dt) {
    min-width: 9em;
  }
  :where(.shortcuts__list dd) {
    margin: 0;
  }
  :where(kbd) {
    padding: 0 var(--_space-1);
    border: 1px solid var(--_color-border);
    border-radius: 2px;
    font: inherit;
  }
  @media (forced-colors: active) {
    :where(.check--on) {
      background: CanvasText;
    }
    :where(.item--selected) {
      outline: 2px solid Highlight;
    }
  }
`;

export const styles = [tokens, nhsBase, nhsForms, stateStyles, inbox];
