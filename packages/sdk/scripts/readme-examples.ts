// The README's TypeScript examples live in examples/*.ts, where `tsc -p packages/sdk` checks them
// against the real types; test/readme-examples.test.ts fails if a README block and its file differ.
// `node scripts/readme-examples.ts` lists them; `--write` creates a file for each README block that has
// none (then declare, above its region, whatever the example assumes, e.g. `declare const esr: EsrClient`).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('../', import.meta.url));
export const examplesDir = `${packageDir}examples/`;

export interface ReadmeBlock {
  heading: string;
  code: string;
  line: number;
}

/** Every ```ts block of the README, with the heading it sits under. */
export function readmeBlocks(readme = readFileSync(`${packageDir}README.md`, 'utf8')): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const lines = readme.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,4} /.test(line)) heading = line.replace(/^#+ /, '');
    if (line.trim() !== '```ts') continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1]!.trim() !== '```') i++;
    blocks.push({ heading, code: lines.slice(start, i + 1).join('\n'), line: start });
    i++;
  }
  return blocks;
}

const regionPattern = /^\/\/ #region readme\n([\s\S]*?)\n\/\/ #endregion$/gm;

/** The README regions of every example file, by file name. */
export function exampleRegions(): Map<string, string[]> {
  const regions = new Map<string, string[]>();
  for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.ts')).sort()) {
    const source = readFileSync(`${examplesDir}${file}`, 'utf8');
    regions.set(file, [...source.matchAll(regionPattern)].map((m) => m[1]!));
  }
  return regions;
}

const slug = (text: string) => text.toLowerCase().replace(/`[^`]*`/g, (m) => m.slice(1, -1)).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

if (import.meta.url === `file://${process.argv[1]}`) {
  const known = new Set([...exampleRegions().values()].flat());
  const blocks = readmeBlocks();
  blocks.forEach((block, index) => {
    const covered = known.has(block.code);
    console.log(`${covered ? 'ok     ' : 'MISSING'} README.md:${block.line} (${block.heading})`);
    if (covered || !process.argv.includes('--write')) return;
    let name = `${String(index + 1).padStart(2, '0')}-${slug(block.heading)}.ts`;
    if (existsSync(`${examplesDir}${name}`)) name = name.replace(/\.ts$/, `-${block.line}.ts`);
    writeFileSync(`${examplesDir}${name}`, `// README example: "${block.heading}". Typechecked with the package; keep the region identical to the\n// README block (test/readme-examples.test.ts). Above it, only what the example assumes.\nexport {};\n\n// #region readme\n${block.code}\n// #endregion\n`);
    console.log(`        wrote examples/${name}`);
  });
}
