// @ts-check
// Unit tests run in real headless Chromium (Debian's /usr/bin/chromium, no Playwright browser download),
// with msw's *service worker* answering the SDK's HTTP calls, so the widgets exercise the real SDK and ky.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { summaryReporter, defaultReporter } from '@web/test-runner';
import { isShippedSource, minifyTemplateSource } from './build/minify-templates.ts';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const args = [
  '--headless=new',
  '--no-sandbox', // root in CI containers (toolchain probe pitfall 12)
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export default {
  files: 'src/**/*.test.ts',
  hostname: '127.0.0.1',
  // The `browser` condition is required: otherwise @mswjs/interceptors resolves to its Node build (pitfall 8).
  nodeResolve: { exportConditions: ['browser', 'development'] },
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, headless: true, args } })],
  concurrency: 1,
  // Lit's dev build announces itself once per test file; that is noise, not a finding.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false })],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // The build minifies html`` and css`` templates (build/minify-templates.ts); the tests run the same
    // minified templates, so a binding the minifier broke would fail here, not in production.
    {
      name: 'esr-minify-templates',
      async transform(context) {
        if (typeof context.body !== 'string' || !isShippedSource(context.path)) return undefined;
        const result = await minifyTemplateSource(context.body, context.path);
        return result ? { body: result.code } : undefined;
      },
    },
  ],
  // The worker must be served from the root so its scope covers the test pages.
  middleware: [
    (ctx, next) => {
      if (ctx.url === '/mockServiceWorker.js') ctx.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
};
