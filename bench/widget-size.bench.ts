// Widget sizes, gzip, against the budgets: each widget alone (its define entry, with the shared
// internals and strings it pulls in, but without lit, @lit/context, the SDK and ky, which a page loads
// once) ≤ 12 KB, and the self-contained bundle (every widget + lit + SDK + ky) ≤ 60 KB. The baseline is
// a minimal Lit element bundled the same way. Figures only. Run after `pnpm --filter @esr/widgets build`:
// node bench/widget-size.bench.ts
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const widgetsDir = new URL('../packages/widgets/', import.meta.url).pathname;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sizes = (code: Uint8Array) => ({ raw: code.length, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code).length });
type Sizes = ReturnType<typeof sizes>;

async function bundle(contents: string, external: string[] = []): Promise<Sizes> {
  const result = await build({
    stdin: { contents, resolveDir: widgetsDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    external,
    tsconfig: `${widgetsDir}tsconfig.json`,
    logLevel: 'silent',
  });
  return sizes(result.outputFiles[0]!.contents);
}

const row = (label: string, s: Sizes, budget?: number) =>
  console.log(
    `${label.padEnd(40)} raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(8)}  brotli ${kb(s.brotli).padStart(8)}` +
      (budget ? `  ${s.gzip <= budget * 1024 ? 'within' : 'OVER'} ${budget} KB` : ''),
  );

const shared = ['lit', 'lit/*', '@lit/*', '@esr/sdk', 'ky'];
const widgets = readdirSync(`${widgetsDir}src`).filter((d) => existsSync(`${widgetsDir}src/${d}/define.ts`) && d !== 'provider' && d !== 'internal');
console.log('each widget without lit, @lit/context, SDK and ky (budget 12 KB gzip):');
for (const dir of widgets.sort()) row(`  <esr-${dir}>`, await bundle(`import './src/${dir}/define.ts';`, shared), 12);
row('  <esr-provider>', await bundle(`import './src/provider/define.ts';`, shared));
row('  all widgets (shared code once)', await bundle(`import './src/define-all.ts';`, shared));

const bundlePath = `${widgetsDir}dist/esr-widgets.js`;
const ours = existsSync(bundlePath) ? sizes(readFileSync(bundlePath)) : undefined;
const baseline = await bundle("import { LitElement, html } from 'lit'; customElements.define('x-hello', class extends LitElement { render() { return html`<p>hi</p>`; } });");
console.log('self-contained bundle (budget 60 KB gzip):');
if (ours) row('  esr-widgets.js (all + lit + SDK + ky)', ours, 60);
else console.log('  dist/esr-widgets.js missing: run `pnpm --filter @esr/widgets build` first');
row('  baseline: minimal Lit element', baseline);
if (ours) console.log(`ratio (gzip) ours/baseline: ${(ours.gzip / baseline.gzip).toFixed(2)}×  ·  widget code over Lit: ${kb(ours.gzip - baseline.gzip)} gzip`);
