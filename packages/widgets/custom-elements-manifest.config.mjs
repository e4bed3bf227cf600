// Custom Elements Manifest (custom-elements.json): read by Storybook's docs pages, IDEs and the JSX/Vue
// typings. `pnpm build` regenerates it from the classes' JSDoc (@summary @event @csspart @cssproperty @slot).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**', 'src/**/*.styles.ts', 'vite.config.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
