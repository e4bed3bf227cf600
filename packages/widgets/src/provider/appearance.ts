/** The public theming tokens an `appearance.variables` object may set (each becomes `--esr-<kebab-name>`). */
export type AppearanceVariable =
  | 'colorBrand'
  | 'colorText'
  | 'colorTextSecondary'
  | 'colorBorder'
  | 'colorInputBorder'
  | 'colorError'
  | 'colorSuccess'
  | 'colorFocus'
  | 'colorFocusText'
  | 'colorLink'
  | 'colorSurface'
  | 'colorPanel'
  | 'colorButton'
  | 'colorButtonShadow'
  | 'colorSkeleton'
  | 'fontFamily'
  | 'radius'
  | 'focusWidth'
  | 'space1'
  | 'space2'
  | 'space3'
  | 'space4'
  | 'space5'
  | 'space6';

/**
 * Theming in script, for pages that cannot ship CSS (a CMS with locked stylesheets).
 * `variables` keys map to the same `--esr-*` custom properties that CSS can set:
 * `{ colorBrand: '#330072' }` sets `--esr-color-brand: #330072` on the provider.
 * Component hooks are allowed too, in camelCase: `payslipNetPayBorder` → `--esr-payslip-net-pay-border`.
 */
export interface EsrAppearance {
  variables?: Partial<Record<AppearanceVariable, string>> & Record<string, string | undefined>;
}

/** `colorTextSecondary` → `--esr-color-text-secondary`; `space4` → `--esr-space-4`. */
export function toCustomProperty(name: string): string {
  return `--esr-${name.replace(/[A-Z]|\d+/g, (m) => `-${m.toLowerCase()}`)}`;
}

const VALID_NAME = /^[a-z][a-zA-Z0-9]*$/;

/**
 * Writes the appearance onto `host.style` as custom properties and removes the ones a previous
 * appearance set. Returns the names now set. Custom properties inherit into every widget's shadow root.
 * Setting them through CSSOM is allowed under a strict CSP (it is not an inline style attribute).
 */
export function applyAppearance(
  host: HTMLElement,
  appearance: EsrAppearance | undefined,
  previous: ReadonlySet<string>,
): Set<string> {
  const next = new Set<string>();
  for (const [name, value] of Object.entries(appearance?.variables ?? {})) {
    if (!VALID_NAME.test(name) || value === undefined || value === '') continue;
    const property = toCustomProperty(name);
    host.style.setProperty(property, value);
    next.add(property);
  }
  for (const property of previous) if (!next.has(property)) host.style.removeProperty(property);
  return next;
}
