// Size of the self-contained widget bundle (raw, gzip, brotli) against a baseline: a minimal Lit
// element bundled the same way. Figures only. Run after `pnpm --filter @esr/widgets build`:
// node bench/widget-size.bench.ts
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sizes = (code: Uint8Array) => ({ raw: code.length, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code).length });

const bundlePath = new URL('../packages/widgets/dist/esr-widgets.js', import.meta.url);
const ours = sizes(readFileSync(bundlePath));

const baselineBuild = await build({
  stdin: {
    contents: "import { LitElement, html } from 'lit'; customElements.define('x-hello', class extends LitElement { render() { return html`<p>hi</p>`; } });",
    resolveDir: new URL('../packages/widgets/', import.meta.url).pathname,
  },
  bundle: true, minify: true, format: 'esm', write: false, target: 'es2022',
});
const baseline = sizes(baselineBuild.outputFiles[0]!.contents);

const row = (label: string, s: typeof ours) => console.log(`${label.padEnd(34)} raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(8)}  brotli ${kb(s.brotli).padStart(8)}`);
row('esr-widgets.js (all widgets, SDK)', ours);
row('baseline: minimal Lit element', baseline);
console.log(`ratio (gzip) ours/baseline: ${(ours.gzip / baseline.gzip).toFixed(2)}×  ·  widget code over Lit: ${kb(ours.gzip - baseline.gzip)} gzip`);
