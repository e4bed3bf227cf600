// Size of the SDK as an app bundles it: esbuild, minified, tree-shaken, ky included, gzip level 9 (and
// brotli). "Core" is what every use of the SDK pays: the transport (auth, token refresh, retries,
// timeouts), the error hierarchy and pagination, with ky. Each resource is then measured as what it adds
// to the core, and "everything" is createEsrClient with every resource. ky alone is the baseline.
// Figures only; 1 kB = 1024 bytes. Run: node bench/sdk-size.bench.ts
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const sdkDir = fileURLToPath(new URL('../packages/sdk/', import.meta.url));
const budget = 10 * 1024;
const kb = (n: number) => `${(n / 1024).toFixed(2)} kB`;

async function measure(label: string, contents: string, baseline?: number): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: sdkDir, loader: 'ts' },
    bundle: true, minify: true, format: 'esm', write: false, target: 'es2022', platform: 'browser', treeShaking: true,
  });
  const code = result.outputFiles[0]!.contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const extra = baseline === undefined ? '' : `  (+${kb(gzip - baseline)} over core)`;
  console.log(`${label.padEnd(44)} raw ${kb(code.length).padStart(9)}  gzip ${kb(gzip).padStart(8)}  brotli ${kb(brotliCompressSync(code).length).padStart(8)}${extra}`);
  return gzip;
}

const coreImport = "import { createTransport, Page } from './src/core.ts';";
const coreUse = 'createTransport, Page';

const ky = await measure('baseline: ky alone', "import ky from 'ky'; console.log(ky);");
const core = await measure('core: transport + errors + pagination + ky', `${coreImport} console.log(${coreUse});`);
await measure('error classes only (no transport)', "import { EsrError, NotFoundError } from './src/core.ts'; console.log(EsrError, NotFoundError);");
await measure('core + EtagStore (If-Match for updates)', `${coreImport} import { EtagStore } from './src/core.ts'; console.log(${coreUse}, EtagStore);`, core);

console.log('\nper resource (core + that resource alone, as `new XResource(createTransport(…))`):');
for (const file of readdirSync(new URL('resources/', new URL('src/', `file://${sdkDir}`))).filter((f) => f.endsWith('.ts')).sort()) {
  const source = readFileSync(`${sdkDir}src/resources/${file}`, 'utf8');
  for (const [, name] of source.matchAll(/^export class (\w+Resource)\b/gm)) {
    await measure(`  ${file.replace(/\.ts$/, '')}: ${name}`, `${coreImport} import { ${name} } from './src/resources/${file}'; console.log(${coreUse}, ${name});`, core);
  }
}

console.log('');
const whole = await measure('everything: createEsrClient (all resources)', "import { createEsrClient } from './src/index.ts'; console.log(createEsrClient);", core);
console.log(
  `\ncore ${kb(core)} gzip vs 10 kB budget (${((core / budget) * 100).toFixed(0)}%): ky ${kb(ky)} + SDK core code ${kb(core - ky)}` +
    ` · everything ${kb(whole)} (${kb(whole - ky)} over ky)`,
);
