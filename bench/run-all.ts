// Runs every benchmark in turn and prints their figures (`npm run bench`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, [here + file], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = 1;
}
