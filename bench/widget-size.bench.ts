// Widget sizes, gzip, against the budgets: each widget alone (its define entry, with the shared
// internals and strings it pulls in, but without lit, @lit/context, the SDK and ky, which a page loads
// once) ≤ 12 KB, and the self-contained bundle (every widget + lit + SDK + ky) ≤ 60 KB. The baseline is
// a minimal Lit element bundled the same way. Figures only.
//
// Every figure comes from the widgets package's own Vite config (the same template minifier and JS
// minifier as `dist/esr-widgets.js`), so what is measured is what the build ships. Welsh string tables
// are chunks fetched on the first Welsh render: "en" is what an English page loads, "+cy" adds the Welsh
// chunks a Welsh page fetches as well. Each chunk is gzipped on its own, as it travels. Run after
// `pnpm --filter @esr/widgets build`: node bench/widget-size.bench.ts
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Rolldown } from 'vite';
import { buildWithWidgetsConfig, widgetsDir } from './widget-build.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sizes = (code: Uint8Array | string) => {
  const bytes = typeof code === 'string' ? Buffer.from(code) : code;
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
};
type Sizes = ReturnType<typeof sizes>;
const sum = (all: Sizes[]): Sizes => all.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
interface Loaded {
  en: Sizes;
  cy: Sizes;
}

/** Bundles `entry` (a file under packages/widgets, or inline module source) with the package's Vite config. */
async function bundle(entry: { file: string } | { contents: string }, external: RegExp[] = []): Promise<Loaded> {
  const chunks = await buildWithWidgetsConfig(entry, external);
  // English: the entry and every chunk it imports statically. Welsh: every chunk, the dynamic ones too.
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const english = new Set<Rolldown.OutputChunk>();
  const visit = (c: Rolldown.OutputChunk | undefined) => {
    if (!c || english.has(c)) return;
    english.add(c);
    c.imports.forEach((name) => visit(byName.get(name)));
  };
  chunks.filter((c) => c.isEntry).forEach(visit);
  return { en: sum([...english].map((c) => sizes(c.code))), cy: sum(chunks.map((c) => sizes(c.code))) };
}

const verdict = (s: Sizes, budget?: number) => (budget ? (s.gzip <= budget * 1024 ? 'within' : 'OVER') : '');
const row = (label: string, { en, cy }: Loaded, budget?: number) =>
  console.log(
    `${label.padEnd(40)} raw ${kb(en.raw).padStart(9)}  gzip en ${kb(en.gzip).padStart(8)} ${verdict(en, budget).padEnd(6)}` +
      ` +cy ${kb(cy.gzip).padStart(8)} ${verdict(cy, budget).padEnd(6)}  brotli en ${kb(en.brotli).padStart(8)}` +
      (budget ? `  (budget ${budget} KB gzip)` : ''),
  );

const shared = [/^lit($|\/)/, /^@lit\//, /^@esr\/sdk($|\/)/, /^ky($|\/)/];
const widgets = readdirSync(`${widgetsDir}src`).filter((d) => existsSync(`${widgetsDir}src/${d}/define.ts`) && d !== 'provider' && d !== 'internal');
console.log('each widget without lit, @lit/context, SDK and ky (budget 12 KB gzip):');
for (const dir of widgets.sort()) row(`  <esr-${dir}>`, await bundle({ file: `src/${dir}/define.ts` }, shared), 12);
row('  <esr-provider>', await bundle({ file: 'src/provider/define.ts' }, shared));
row('  all widgets (shared code once)', await bundle({ file: 'src/define-all.ts' }, shared));

const distDir = `${widgetsDir}dist/`;
const ours: Loaded | undefined = existsSync(`${distDir}esr-widgets.js`)
  ? {
      en: sizes(readFileSync(`${distDir}esr-widgets.js`)),
      // A Welsh page showing every widget fetches every Welsh chunk beside the bundle.
      cy: sum(readdirSync(distDir).filter((f) => f.endsWith('.js')).map((f) => sizes(readFileSync(distDir + f)))),
    }
  : undefined;
const baseline = await bundle({
  contents: "import { LitElement, html } from 'lit'; customElements.define('x-hello', class extends LitElement { render() { return html`<p>hi</p>`; } });",
});
console.log('self-contained bundle (budget 60 KB gzip):');
if (ours) row('  esr-widgets.js (all + lit + SDK + ky)', ours, 60);
else console.log('  dist/esr-widgets.js missing: run `pnpm --filter @esr/widgets build` first');
row('  baseline: minimal Lit element', baseline);
if (ours) console.log(`ratio (gzip, English page) ours/baseline: ${(ours.en.gzip / baseline.en.gzip).toFixed(2)}×  ·  widget code over Lit: ${kb(ours.en.gzip - baseline.en.gzip)} gzip`);
