// Integer-pence helpers. Everything money-shaped in the engine is an integer number of pence
// (or, inside PAYE band maths, hundredths of a penny) so results are exact and reproducible.

import { PayrollInputError } from './errors.ts';

/** Largest amount (pence) accepted for any single input: £1bn keeps every intermediate product below 2^53. */
export const MAX_INPUT_PENCE = 100_000_000_000;

/** ⌈a / b⌉ for non-negative integers, without trusting floating-point division near integers. */
export function ceilDiv(a: number, b: number): number {
  const q = Math.floor(a / b);
  return q * b < a ? q + 1 : q;
}

/** ⌊a / b⌋ for integers of either sign (b > 0), corrected for floating-point error. */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/** "£1,234.56" / "−£12.00": for human-readable calculation lines. */
export function formatPence(pence: number): string {
  const abs = pence < 0 ? -pence : pence;
  const pounds = Math.floor(abs / 100);
  const pennies = abs - pounds * 100;
  // Hand-rolled grouping: toLocaleString goes through Intl and dominated the engine's run time,
  // and string slicing was still the engine's biggest single cost when explaining.
  const text = `£${groupThousands(pounds)}.${pennies < 10 ? '0' : ''}${pennies}`;
  return pence < 0 ? `−${text}` : text;
}

function groupThousands(n: number): string {
  if (n < 1_000) return `${n}`;
  const head = Math.floor(n / 1_000);
  const tail = n - head * 1_000;
  return `${groupThousands(head)},${tail < 10 ? '00' : tail < 100 ? '0' : ''}${tail}`;
}

/** "8%", "1.85%" from basis points (1 bp = 0.01%). */
export function formatBps(bps: number): string {
  return `${bps / 100}%`;
}

export function assertPence(field: string, value: unknown, opts: { allowNegative?: boolean } = {}): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new PayrollInputError(field, `${field} must be an integer number of pence`);
  }
  if (!opts.allowNegative && value < 0) {
    throw new PayrollInputError(field, `${field} must not be negative`);
  }
  if (Math.abs(value) > MAX_INPUT_PENCE) {
    throw new PayrollInputError(field, `${field} exceeds the supported maximum of ${formatPence(MAX_INPUT_PENCE)}`);
  }
  return value;
}
