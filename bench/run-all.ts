// Runs every benchmark in turn and prints their figures (`npm run bench`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
for (const file of ['payroll-engine.bench.ts', 'payslip-api.bench.ts', 'widget-size.bench.ts']) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, [here + file], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = 1;
}
