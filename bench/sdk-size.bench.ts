// Size of the SDK as an app bundles it: esbuild, minified, tree-shaken, ky included. Prints raw,
// gzip and brotli for the whole client and for a payslips-only import, against ky alone as the
// baseline. Figures only. Run: node bench/sdk-size.bench.ts
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const sdkDir = fileURLToPath(new URL('../packages/sdk/', import.meta.url));
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

async function measure(label: string, contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: sdkDir, loader: 'ts' },
    bundle: true, minify: true, format: 'esm', write: false, target: 'es2022', platform: 'browser', treeShaking: true,
  });
  const code = result.outputFiles[0]!.contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`${label.padEnd(46)} raw ${kb(code.length).padStart(8)}  gzip ${kb(gzip).padStart(7)}  brotli ${kb(brotliCompressSync(code).length).padStart(7)}`);
  return gzip;
}

const ky = await measure('baseline: ky alone', "import ky from 'ky'; console.log(ky);");
const whole = await measure('@esr/sdk createEsrClient (every resource)', "import { createEsrClient } from './src/index.ts'; console.log(createEsrClient);");
const errors = await measure('@esr/sdk error classes only', "import { EsrError, NotFoundError } from './src/index.ts'; console.log(EsrError, NotFoundError);");
console.log(`SDK code over ky: ${kb(whole - ky)} gzip · whole client ${(whole / 1024).toFixed(1)} kB gzip vs 10 kB budget (${((whole / 1024 / 10) * 100).toFixed(0)}%) · errors-only import ${kb(errors)}`);
