// The README's examples cannot drift: each ```ts block is a region of an examples/*.ts file, which
// `tsc -p packages/sdk` typechecks against the real types (the CI typecheck stage). Fix a failure here
// with `node scripts/readme-examples.ts --write`, then declare what the new example assumes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEsrClient } from '../src/index.ts';
import { exampleRegions, readmeBlocks } from '../scripts/readme-examples.ts';

const blocks = readmeBlocks();
const regions = exampleRegions();

test('every TypeScript block of the README is, byte for byte, a typechecked example', () => {
  const known = new Set([...regions.values()].flat());
  const missing = blocks.filter((block) => !known.has(block.code)).map((block) => `README.md:${block.line} (${block.heading})`);
  assert.deepEqual(missing, [], 'README blocks without an identical examples/*.ts region: run node scripts/readme-examples.ts --write');
});

test('every example is still in the README (none left behind when the README changes)', () => {
  const inReadme = new Set(blocks.map((block) => block.code));
  const stale = [...regions].flatMap(([file, codes]) => (codes.length === 0 ? [`${file} (no region)`] : codes.filter((code) => !inReadme.has(code)).map(() => file)));
  assert.deepEqual(stale, []);
});

test('the README has an example for each resource of the client', () => {
  const client = createEsrClient({ baseUrl: 'https://esr.test' });
  const resources = Object.entries(client).filter(([, value]) => typeof value === 'object' && value !== null).map(([name]) => name);
  assert.ok(resources.length >= 12, `resources: ${resources.join(', ')}`);
  const code = blocks.map((block) => block.code).join('\n');
  const without = resources.filter((name) => !new RegExp(`\\.${name}\\.\\w+\\(`).test(code));
  assert.deepEqual(without, [], 'resources with no call in any README example');
});
