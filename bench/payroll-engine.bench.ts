// Throughput of the pure payroll engine: calculatePeriod over a mixed population of
// employee-periods (codes, NI letters, frequencies, loans, pension). Prints figures only.
// Run from the repo root: node bench/payroll-engine.bench.ts [employeePeriods]

import { calculatePeriod } from '../packages/reference-server/src/domain/payroll/index.ts';
import type { PayFrequency, PeriodInput } from '../packages/reference-server/src/domain/payroll/index.ts';

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
let checksum = 0;
// Warm-up so the JIT has optimised the hot paths before timing.
for (let i = 0; i < Math.min(20_000, COUNT); i++) checksum += calculatePeriod(inputs[i]!).netPayPence;

const timings: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < COUNT; i++) checksum += calculatePeriod(inputs[i]!).netPayPence;
  timings.push(Number(process.hrtime.bigint() - start) / 1e6);
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(ROUNDS / 2)]!;
const best = timings[0]!;

const fmt = (x: number): string => Math.round(x).toLocaleString('en-GB');
console.log(`payroll-engine: calculatePeriod × ${fmt(COUNT)} employee-periods, ${ROUNDS} rounds (node ${process.version})`);
console.log(`  median ${median.toFixed(1)} ms  → ${fmt((COUNT / median) * 1000)} ops/s, ${((median * 1000) / COUNT).toFixed(2)} µs/period`);
console.log(`  best   ${best.toFixed(1)} ms  → ${fmt((COUNT / best) * 1000)} ops/s, ${((best * 1000) / COUNT).toFixed(2)} µs/period`);
console.log(`  1.4M-employee monthly payroll at the median rate ≈ ${((1_400_000 / (COUNT / median)) / 1000).toFixed(1)} s of engine time (single core)`);
console.log(`  (checksum ${checksum})`);
