import { createContext } from '@lit/context';
import type { EsrClient } from '@esr/sdk';
import type { EsrAppearance } from './appearance.ts';

// `| undefined` in each type: consumers start without a value until a provider answers
// (see toolchain-probe pitfall 10). Symbol.for keys let two bundles on one page share contexts.

/** The SDK client that widgets load their data through. */
export const clientContext = /* @__PURE__ */ createContext<EsrClient | undefined>(Symbol.for('esr:client'));
/** A BCP 47 locale (`en-GB`, `cy`) chosen by the provider; an element's own `lang` still wins. */
export const localeContext = /* @__PURE__ */ createContext<string | undefined>(Symbol.for('esr:locale'));
/** The appearance object, for widgets that need a value in script (CSS reads the custom properties). */
export const appearanceContext = /* @__PURE__ */ createContext<EsrAppearance | undefined>(Symbol.for('esr:appearance'));
