import { defineConfig } from 'vite';

/**
 * Library build: one self-contained ES module, `dist/esr-widgets.js`, with lit, @lit/context, the SDK
 * and ky bundled in, so a plain HTML page (no bundler, no import map) can load it from its own origin.
 * Legacy decorators (tsconfig `experimentalDecorators`) are lowered by Vite 8's Oxc transform.
 */
export default defineConfig({
  // public/ only holds mockServiceWorker.js for tests and Storybook; it must never ship in dist/.
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: {
      entry: { 'esr-widgets': 'src/bundle.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
});
