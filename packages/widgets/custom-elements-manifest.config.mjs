// Custom Elements Manifest (custom-elements.json): read by Storybook's docs pages, IDEs and the JSX/Vue
// typings. `pnpm build` regenerates it from the classes' JSDoc (@summary @event @csspart @cssproperty @slot).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**', 'src/**/*.styles.ts', 'vite.config.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [
    {
      // The analyzer also guesses events from `dispatchEvent(new SomeEvent(detail))` calls and gets their
      // names wrong (null, "detail"); the classes' @event JSDoc is the documented list.
      name: 'esr-documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name?.startsWith('esr-'));
          }
        }
      },
    },
    {
      // Widgets declare Lit properties in `static properties`; the analyzer reads `{ state: true }` there
      // as an attribute. Internal state is `private` in TypeScript: it has no attribute.
      name: 'esr-private-state-has-no-attribute',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            const internal = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name));
            for (const member of declaration.members ?? []) if (internal.has(member.name)) delete member.attribute;
            if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !internal.has(a.fieldName));
          }
        }
      },
    },
  ],
};
