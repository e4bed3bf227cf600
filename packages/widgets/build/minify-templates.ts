import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';

// Lightning CSS would otherwise assume every CSS feature is available and rewrite, say, `min-width`
// media queries into range syntax. These are the browsers the es2022 JS target already needs.
const version = (major: number, minor = 0) => (major << 16) | (minor << 8);
const CSS_TARGETS = { chrome: version(94), edge: version(94), firefox: version(93), safari: version(16, 4), ios_saf: version(16, 4) };

/** This package's shipped sources: `src/**` without tests and test helpers. */
export const isShippedSource = (id: string) =>
  /\/src\/.*\.ts$/.test(id) && !/\.test\.ts$/.test(id) && !/\/src\/testing\//.test(id);

/**
 * Minifies the markup inside `html`…`` and `css`…`` templates (whitespace, comments, CSS shorthands)
 * with minify-literals (html-minifier-next + Lightning CSS). Lit bindings survive as placeholders. The JS
 * minifier cannot do this itself: to it, template text is data. Returns null when nothing changed.
 */
export async function minifyTemplateSource(code: string, fileName: string): Promise<{ code: string; map?: unknown } | null> {
  if (!/\b(html|css|svg)`/.test(code)) return null;
  return minifyHTMLLiterals(code, {
    fileName,
    css: { minify: true, targets: CSS_TARGETS },
    html: { minifyCSS: { targets: CSS_TARGETS } },
  });
}

/**
 * The build's template minifier. web-test-runner.config.mjs applies the same function, so the widget
 * tests exercise the minified templates that ship. Only this package's sources are touched; Lit and the
 * SDK ship their own builds.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'esr:minify-templates',
    apply: 'build',
    async transform(code, id) {
      if (!id.includes('/packages/widgets/src/') || !isShippedSource(id)) return null;
      const result = await minifyTemplateSource(code, id);
      return result ? { code: result.code, map: (result.map as never) ?? null } : null;
    },
  };
}
