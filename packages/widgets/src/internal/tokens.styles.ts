import { css } from 'lit';

/**
 * Design tokens, NHS.UK frontend by default.
 *
 * Each private `--_*` token resolves: the public `--esr-*` property (set by the page, `::part` users or the
 * provider's `appearance`) → the page's own `--nhsuk-*` property (nhsuk-frontend 10 publishes these)
 * → the literal NHS.UK hex. Custom properties inherit into shadow roots, so a page that already
 * themes nhsuk-frontend themes the widgets for free, and nothing here leaks out (no global CSS).
 */
export const tokens = css`
  :host {
    --_color-text: var(--esr-color-text, var(--nhsuk-text-colour, #212b32));
    --_color-text-secondary: var(--esr-color-text-secondary, var(--nhsuk-secondary-text-colour, #4c6272));
    --_color-brand: var(--esr-color-brand, var(--nhsuk-brand-colour, #005eb8));
    --_color-border: var(--esr-color-border, var(--nhsuk-border-colour, #d8dde0));
    --_color-input-border: var(--esr-color-input-border, var(--nhsuk-input-border-colour, #4c6272));
    --_color-error: var(--esr-color-error, var(--nhsuk-error-colour, #d5281b));
    --_color-success: var(--esr-color-success, var(--nhsuk-success-colour, #007f3b));
    --_color-focus: var(--esr-color-focus, var(--nhsuk-focus-colour, #ffeb3b));
    --_color-focus-text: var(--esr-color-focus-text, var(--nhsuk-focus-text-colour, #212b32));
    --_color-link: var(--esr-color-link, var(--nhsuk-link-colour, #005eb8));
    --_color-surface: var(--esr-color-surface, var(--nhsuk-card-background-colour, #ffffff));
    --_color-panel: var(--esr-color-panel, var(--nhsuk-background-colour, #f0f4f5));
    --_color-skeleton: var(--esr-color-skeleton, #e8edee);
    --_font-family: var(--esr-font-family, inherit);
    --_radius: var(--esr-radius, 4px);
    --_focus-width: var(--esr-focus-width, 4px);
    /* NHS.UK spacing scale (4px based): 0 4 8 16 24 32 40 48 56 64 */
    --_space-1: var(--esr-space-1, 4px);
    --_space-2: var(--esr-space-2, 8px);
    --_space-3: var(--esr-space-3, 16px);
    --_space-4: var(--esr-space-4, 24px);
    --_space-5: var(--esr-space-5, 32px);
    --_space-6: var(--esr-space-6, 40px);
  }
`;
