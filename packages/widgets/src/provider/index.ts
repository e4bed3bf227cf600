export { EsrProvider } from './esr-provider.ts';
export { clientContext, localeContext, appearanceContext } from './context.ts';
export { applyAppearance, toCustomProperty, type EsrAppearance, type AppearanceVariable } from './appearance.ts';
