import { defineConfig } from 'vite';
import { minifyTemplates } from './build/minify-templates.ts';

/**
 * Library build: one self-contained ES module, `dist/esr-widgets.js`, with lit, @lit/context, the SDK
 * and ky bundled in, so a plain HTML page (no bundler, no import map) can load it from its own origin.
 * The Welsh string tables sit beside it in one chunk (`esr-widgets.cy-<hash>.js`) that it imports on
 * the first Welsh render, so serve the whole `dist/` folder.
 * Legacy decorators (tsconfig `experimentalDecorators`) are lowered by Vite 8's Oxc transform.
 */
export default defineConfig({
  plugins: [minifyTemplates()],
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
    rolldownOptions: {
      // Vite keeps whitespace in ES library builds so that a consumer's bundler can still read the pure
      // annotations. This file is loaded as is by plain pages, never re-bundled, so minify it fully.
      // Every Welsh string table in one chunk beside the bundle, fetched on the first Welsh render.
      output: {
        minify: true,
        codeSplitting: { groups: [{ name: 'esr-widgets.cy', test: /(\.cy|\/i18n\/cy)\.ts$/ }] },
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
