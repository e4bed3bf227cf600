// Throughput of the pure payroll engine: calculatePeriod over a mixed population of
// employee-periods (codes, NI letters, frequencies, loans, pension). Prints figures only.
//
// Both modes: explain true (the calculator endpoint's default, with lines and explanations) and
// explain false (bulk payroll runs, figures only), against the target of 200,000 payslips/s
// per core. The engine is synchronous (one thread); on Linux the bench re-runs itself under
// `taskset` so V8's GC and compiler threads share that one core too (ESR_BENCH_CPU picks it, default 0).
// Run from the repo root: node bench/payroll-engine.bench.ts [employeePeriods]

import { spawnSync } from 'node:child_process';
import { calculatePeriod } from '../packages/reference-server/src/domain/payroll/index.ts';
import type { PayFrequency, PeriodInput } from '../packages/reference-server/src/domain/payroll/index.ts';

const cpu = process.env['ESR_BENCH_CPU'] ?? '0';
if (process.platform === 'linux' && process.env['ESR_BENCH_PINNED'] === undefined) {
  const pinned = spawnSync('taskset', ['-c', cpu, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, ESR_BENCH_PINNED: cpu },
  });
  if (!pinned.error) process.exit(pinned.status ?? 1);
  console.log(`(taskset unavailable: ${pinned.error.message}; running unpinned)`);
  process.env['ESR_BENCH_PINNED'] = 'none';
}

const COUNT = Number(process.argv[2] ?? 100_000);
const ROUNDS = 5;

const CODES = ['1257L', '1257L', '1257L', 'S1257L', 'C1257L', '1257L M1', 'K475', 'BR', 'D0', 'SD2', 'NT', '0T', '1383M', '1131N W1'];
const CATEGORIES = ['A', 'A', 'A', 'B', 'C', 'H', 'J', 'M', 'V', 'Z', 'F', 'N'];
const FREQUENCIES: Array<[PayFrequency, number]> = [['monthly', 12], ['monthly', 12], ['monthly', 12], ['weekly', 52], ['fortnightly', 26], ['four-weekly', 13]];

/** Deterministic pseudo-random numbers so every run measures the same population. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function population(n: number): PeriodInput[] {
  const rnd = lcg(20250406);
  const inputs: PeriodInput[] = [];
  for (let i = 0; i < n; i++) {
    const [frequency, perYear] = FREQUENCIES[i % FREQUENCIES.length]!;
    const annualPence = 2_000_000 + Math.floor(rnd() * 10_000_000); // £20k–£120k
    const gross = Math.floor(annualPence / perYear);
    const period = 1 + Math.floor(rnd() * perYear);
    const inPension = rnd() < 0.85;
    inputs.push({
      taxYear: i % 2 === 0 ? '2025-26' : '2026-27',
      frequency,
      period,
      taxCode: CODES[i % CODES.length]!,
      grossPayPence: gross,
      salarySacrificePence: rnd() < 0.2 ? Math.floor(gross * 0.05) : 0,
      taxablePayToDatePence: gross * (period - 1),
      taxToDatePence: Math.floor(gross * (period - 1) * 0.15),
      niCategory: CATEGORIES[i % CATEGORIES.length]!,
      studentLoanPlans: rnd() < 0.3 ? [rnd() < 0.5 ? '2' : '1'] : [],
      postgraduateLoan: rnd() < 0.05,
      pensionablePayPence: inPension ? gross : 0,
      annualPensionablePayPence: inPension ? annualPence : 0,
    });
  }
  return inputs;
}

const inputs = population(COUNT);
const TARGET_PER_SECOND = 200_000;
const fmt = (x: number): string => Math.round(x).toLocaleString('en-GB');

interface ModeResult {
  label: string;
  medianMs: number;
  bestMs: number;
  checksum: number;
}

/** Times one mode: warm-up, then ROUNDS passes over the whole population; median and best. */
function measure(label: string, explain: boolean): ModeResult {
  const options = { explain };
  let checksum = 0;
  // Warm-up so the JIT has optimised the hot paths before timing.
  for (let i = 0; i < Math.min(20_000, COUNT); i++) checksum += calculatePeriod(inputs[i]!, options).netPayPence;
  checksum = 0;
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < COUNT; i++) {
      const r = calculatePeriod(inputs[i]!, options);
      checksum += r.netPayPence + r.employerNiPence + r.lines.length;
    }
    timings.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  timings.sort((a, b) => a - b);
  return { label, medianMs: timings[Math.floor(ROUNDS / 2)]!, bestMs: timings[0]!, checksum };
}

function report(m: ModeResult): void {
  const perSecond = (ms: number): number => (COUNT / ms) * 1000;
  const median = perSecond(m.medianMs);
  console.log(`  ${m.label}`);
  console.log(`    median ${m.medianMs.toFixed(1)} ms → ${fmt(median)} payslips/s, ${((m.medianMs * 1000) / COUNT).toFixed(2)} µs each, ${(median / TARGET_PER_SECOND).toFixed(2)}× the ${fmt(TARGET_PER_SECOND)}/s target`);
  console.log(`    best   ${m.bestMs.toFixed(1)} ms → ${fmt(perSecond(m.bestMs))} payslips/s, ${((m.bestMs * 1000) / COUNT).toFixed(2)} µs each`);
  console.log(`    1.4M-employee monthly payroll ≈ ${(1_400_000 / median).toFixed(1)} s of engine time on one core`);
}

const where = process.env['ESR_BENCH_PINNED'] === 'none' ? 'unpinned' : `pinned to CPU ${process.env['ESR_BENCH_PINNED'] ?? cpu}`;
console.log(`payroll-engine: calculatePeriod × ${fmt(COUNT)} employee-periods, ${ROUNDS} rounds, one core (${where}; node ${process.version})`);
const explained = measure('explain: true  (calculator: lines and explanations)', true);
const bulk = measure('explain: false (payroll runs: figures only)', false);
report(explained);
report(bulk);
console.log(`  explain: false is ${(explained.medianMs / bulk.medianMs).toFixed(2)}× faster`);
// Checksums exclude the lines so the two modes must agree on every figure they add up.
const figures = (explain: boolean): number => {
  let sum = 0;
  for (let i = 0; i < COUNT; i++) {
    const r = calculatePeriod(inputs[i]!, { explain });
    sum += r.netPayPence + r.employerNiPence;
  }
  return sum;
};
console.log(`  (figure checksum ${figures(true)} / ${figures(false)})`);
