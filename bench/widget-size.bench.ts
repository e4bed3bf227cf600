// Widget sizes, gzip, against the budgets: each widget alone (its define entry, with the shared
// internals and strings it pulls in, but without lit, @lit/context, the SDK and ky, which a page loads
// once) ≤ 12 KB, and the self-contained bundle (every widget + lit + SDK + ky) ≤ 60 KB. The baseline is
// a minimal Lit element bundled the same way. Figures only.
//
// Every figure comes from the widgets package's own Vite config (the same template minifier and JS
// minifier as `dist/esr-widgets.js`), so what is measured is what the build ships. Run after
// `pnpm --filter @esr/widgets build`: node bench/widget-size.bench.ts
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

const widgetsDir = new URL('../packages/widgets/', import.meta.url).pathname;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sizes = (code: Uint8Array | string) => {
  const bytes = typeof code === 'string' ? Buffer.from(code) : code;
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
};
type Sizes = ReturnType<typeof sizes>;

const VIRTUAL = 'virtual:esr-bench-entry';

/** Bundles `entry` (a file under packages/widgets, or inline module source) with the package's Vite config. */
async function bundle(entry: { file: string } | { contents: string }, external: RegExp[] = []): Promise<Sizes> {
  const result = await build({
    configFile: `${widgetsDir}vite.config.ts`,
    root: widgetsDir,
    logLevel: 'silent',
    plugins: [
      'contents' in entry && {
        name: 'esr-bench-entry',
        resolveId: (id: string) => (id.endsWith(VIRTUAL) ? `\0${VIRTUAL}` : null),
        load: (id: string) => (id === `\0${VIRTUAL}` ? entry.contents : null),
      },
    ],
    build: {
      write: false,
      sourcemap: false,
      emptyOutDir: false,
      // `formats` comes from the config (arrays would be concatenated, building everything twice).
      lib: { entry: 'file' in entry ? `${widgetsDir}${entry.file}` : VIRTUAL, fileName: () => 'entry.js' },
      rolldownOptions: { external },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  // All chunks: if the entry were split, loading it would still fetch every piece.
  const code = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk').map((c) => c.code).join('\n');
  return sizes(code);
}

const row = (label: string, s: Sizes, budget?: number) =>
  console.log(
    `${label.padEnd(40)} raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(8)}  brotli ${kb(s.brotli).padStart(8)}` +
      (budget ? `  ${s.gzip <= budget * 1024 ? 'within' : 'OVER'} ${budget} KB` : ''),
  );

const shared = [/^lit($|\/)/, /^@lit\//, /^@esr\/sdk($|\/)/, /^ky($|\/)/];
const widgets = readdirSync(`${widgetsDir}src`).filter((d) => existsSync(`${widgetsDir}src/${d}/define.ts`) && d !== 'provider' && d !== 'internal');
console.log('each widget without lit, @lit/context, SDK and ky (budget 12 KB gzip):');
for (const dir of widgets.sort()) row(`  <esr-${dir}>`, await bundle({ file: `src/${dir}/define.ts` }, shared), 12);
row('  <esr-provider>', await bundle({ file: 'src/provider/define.ts' }, shared));
row('  all widgets (shared code once)', await bundle({ file: 'src/define-all.ts' }, shared));

const bundlePath = `${widgetsDir}dist/esr-widgets.js`;
const ours = existsSync(bundlePath) ? sizes(readFileSync(bundlePath)) : undefined;
const baseline = await bundle({
  contents: "import { LitElement, html } from 'lit'; customElements.define('x-hello', class extends LitElement { render() { return html`<p>hi</p>`; } });",
});
console.log('self-contained bundle (budget 60 KB gzip):');
if (ours) row('  esr-widgets.js (all + lit + SDK + ky)', ours, 60);
else console.log('  dist/esr-widgets.js missing: run `pnpm --filter @esr/widgets build` first');
row('  baseline: minimal Lit element', baseline);
if (ours) console.log(`ratio (gzip) ours/baseline: ${(ours.gzip / baseline.gzip).toFixed(2)}×  ·  widget code over Lit: ${kb(ours.gzip - baseline.gzip)} gzip`);
