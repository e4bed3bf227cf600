import { css } from 'lit';

/**
 * NHS.UK form patterns inside shadow DOM, shared by every widget with a form: form groups, labels, hints,
 * inputs, a checkbox, textareas, error messages, primary and warning buttons, and tags. Zero-specificity
 * `:where()` like `nhsBase`. Whole forms add `nhsFieldsets` and `nhsErrorSummary`.
 */
export const nhsForms = css`
  :where(.form-group) {
    margin: 0 0 var(--_space-4);
  }
  :where(.form-group--error) {
    padding-left: var(--_space-3);
    border-left: 4px solid var(--_color-error);
  }
  :where(.hint) {
    display: block;
    margin-bottom: var(--_space-3);
  }
  :where(.error-message) {
    display: block;
    margin: 0 0 var(--_space-3);
    color: var(--_color-error);
    font-weight: 600;
  }
  :where(input[type='text'], input[type='number'], input[type='tel'], input[type='search'], textarea) {
    display: block;
    width: 100%;
    max-width: 100%;
    min-height: 2.5em;
    padding: var(--_space-1);
    border: 2px solid var(--_color-input-border);
    border-radius: 0;
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    appearance: none;
  }
  :where(textarea) {
    min-height: 5em;
    resize: vertical;
  }
  :where(.input--error, .form-group--error select) {
    border-color: var(--_color-error);
  }
  :where(.width-2) {
    max-width: 5.4ex;
  }
  :where(.width-4) {
    max-width: 9ex;
  }
  :where(.width-10) {
    max-width: 23ex;
  }
  :where(.width-20) {
    max-width: 41ex;
  }

  :where(.choice) {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-height: 40px;
  }
  :where(.choice input) {
    flex: none;
    width: 32px;
    height: 32px;
    margin: 0;
    accent-color: var(--_color-text);
  }
  :where(.choice label) {
    cursor: pointer;
  }
  :where(.link, a) {
    color: var(--_color-link);
    text-decoration: underline;
  }
  :where(.link-button) {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-link);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }

  /* Primary (green) and warning (red) buttons; .button is the secondary one in nhsBase. */
  :where(.button--primary) {
    border-color: transparent;
    background: var(--esr-color-button, var(--nhsuk-button-colour, #007f3b));
    box-shadow: 0 4px 0 var(--esr-color-button-shadow, var(--nhsuk-button-shadow-colour, #00401e));
    color: #fff;
  }
  :where(.button--primary:hover) {
    background: #00662f;
  }
  :where(.button--warning) {
    border-color: transparent;
    background: var(--_color-error);
    box-shadow: 0 4px 0 #6b140e;
    color: #fff;
  }
  :where(.button--warning:hover) {
    background: #aa2016;
  }
  :where(.button--small) {
    padding: var(--_space-1) var(--_space-2);
    font-size: 0.9em;
  }
  :where(.button[disabled]) {
    opacity: 0.5;
    cursor: not-allowed;
  }
  :where(.button-group) {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    margin-bottom: var(--_space-3);
  }

  /* Tags (nhsuk-tag) */
  :where(.tag) {
    display: inline-block;
    padding: 2px var(--_space-2);
    border: 1px solid #005eb8;
    background: #e8f1f8;
    color: #003087;
    font-size: 0.875em;
    line-height: 1.4;
    white-space: nowrap;
  }
  :where(.tag--green) {
    border-color: #007f3b;
    background: #e6f2eb;
    color: #00401e;
  }
  :where(.tag--red) {
    border-color: #d5281b;
    background: #f7e9e8;
    color: #6b140e;
  }
  :where(.tag--yellow) {
    border-color: #ffb81c;
    background: #fff9e8;
    color: #4d3708;
  }
  :where(.tag--grey) {
    border-color: #4c6272;
    background: #eef1f3;
    color: #212b32;
  }

  :where(input:focus-visible, textarea:focus-visible) {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
    border-color: var(--_color-focus-text);
    box-shadow: inset 0 0 0 2px var(--_color-focus-text);
  }
  :where(.choice input:focus-visible) {
    box-shadow: 0 0 0 var(--_focus-width) var(--_color-focus-text);
  }
  :where(a:focus-visible, .link-button:focus-visible) {
    outline: var(--_focus-width) solid transparent;
    background: var(--_color-focus);
    box-shadow: 0 -2px var(--_color-focus), 0 4px var(--_color-focus-text);
    color: var(--_color-focus-text);
    text-decoration: none;
  }
  :where(.button--primary:focus-visible, .button--warning:focus-visible) {
    outline: var(--_focus-width) solid transparent;
    border-color: var(--_color-focus);
    background: var(--_color-focus);
    box-shadow: 0 4px 0 var(--_color-focus-text);
    color: var(--_color-focus-text);
  }
  @media (forced-colors: active) {
    :where(input:focus-visible, textarea:focus-visible, a:focus-visible, .link-button:focus-visible) {
      outline-color: Highlight;
    }
  }
`;
