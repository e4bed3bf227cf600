import { css } from 'lit';

/** Loading skeleton, empty and error boxes shared by the data widgets. */
export const stateStyles = css`
  :where(.state) {
    /* Focused by script after Try again so focus is not lost; it is not itself interactive. */
    outline: none;
  }
  :where(.error) {
    margin-bottom: var(--_space-4);
    padding: var(--_space-3);
    border: 4px solid var(--_color-error);
  }
  :where(.error__reference) {
    font-variant-numeric: tabular-nums;
  }
  :where(.empty) {
    padding: var(--_space-3) 0;
  }
  :where(.loading__text) {
    color: var(--_color-text-secondary);
  }
  :where(.skeleton) {
    display: grid;
    gap: var(--_space-3);
  }
  :where(.skeleton__bar) {
    display: block;
    height: 1em;
    border-radius: var(--_radius);
    background: var(--_color-skeleton);
    animation: esr-pulse 1.5s ease-in-out infinite;
  }
  :where(.skeleton__bar--heading) {
    width: 60%;
    height: 1.75em;
  }
  :where(.skeleton__bar--short) {
    width: 40%;
  }
  :where(.skeleton__bar--block) {
    width: auto;
    height: 8em;
  }
  @keyframes esr-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :where(.skeleton__bar) {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    :where(.skeleton__bar) {
      background: GrayText;
    }
  }
`;
