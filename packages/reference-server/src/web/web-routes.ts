import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

const assetsDir = fileURLToPath(new URL('./assets/', import.meta.url));
const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

// Strict CSP: no inline script or style anywhere, so a widget that needed either fails here first.
const pageCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

// Swagger UI sets inline styles on its own elements; scripts stay strict.
const docsCsp = pageCsp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

const strip = (prefix: string) => (path: string) => path.slice(prefix.length - 1);

/** The demo intranet page, the interactive API reference and the built widget bundle. */
export function webRoutes(options: { widgetsDir: string }) {
  const page = (file: string, csp = pageCsp) => {
    const body = readFileSync(assetsDir + file, 'utf8');
    return (c: Context) => {
      c.header('Content-Security-Policy', csp);
      return c.html(body);
    };
  };
  return new Hono()
    .get('/', page('demo.html'))
    .get('/docs', page('docs.html', docsCsp))
    .get('/assets/*', serveStatic({ root: assetsDir, rewriteRequestPath: strip('/assets/') }))
    .get('/docs/ui/*', serveStatic({ root: swaggerUiDir, rewriteRequestPath: strip('/docs/ui/') }))
    .get(
      '/widgets/*',
      serveStatic({
        root: options.widgetsDir,
        rewriteRequestPath: strip('/widgets/'),
        onNotFound: (path) => console.warn(`widget bundle file missing: ${path} (build @esr/widgets)`),
      }),
    );
}
