// Professional registration numbers that look like the real ones and never collide.
//
// (body, number) is unique across the whole database, and the national register formats are small
// (HCPC: two letters and six digits, so a million numbers per profession). Random numbers would collide
// at national scale, so each series hands out the next index of a counter, scrambled by a bijection of
// the series' number space (a Feistel network over the next power of four, cycle-walking back into
// range): numbers look random, are unique by construction and deterministic.
//
// The counters start at the number of registrations of that series already in the database. Seeding
// runs organisation by organisation, each in one transaction, so the database always holds a prefix
// of the run: a resumed run therefore continues the counters exactly where the interrupted one stood,
// and appending to a seeded database continues after what is there.
import type { Random } from './random.ts';

export type RegistrationBody = 'NMC' | 'HCPC' | 'GPhC';

interface Series {
  body: RegistrationBody;
  /** Numbers available. */
  size: number;
  format: (n: number, rnd: Random) => string;
}

/** A keyed permutation of [0, size): 4 Feistel rounds on 2×half bits, repeated until in range. */
function permute(index: number, size: number, key: number): number {
  let half = 1;
  while (4 ** half < size) half++;
  const mask = (1 << half) - 1;
  let x = index;
  do {
    let left = Math.floor(x / (mask + 1));
    let right = x & mask;
    for (let round = 0; round < 4; round++) {
      let h = Math.imul(right ^ key ^ Math.imul(round + 1, 0x9e3779b1), 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      [left, right] = [right, (left ^ h) & mask];
    }
    x = left * (mask + 1) + right;
  } while (x >= size);
  return x;
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** NMC PIN: 2 digits, a letter, 4 digits and a country letter (E, W, S, N or O), e.g. 12A3456E. */
const nmc: Series = {
  body: 'NMC',
  size: 100 * 26 * 10_000,
  format: (n, rnd) =>
    `${pad(n % 100, 2)}${letters[Math.floor(n / 100) % 26]}${pad(Math.floor(n / 2600), 4)}${rnd.weighted([['E', 85], ['O', 9], ['W', 3], ['S', 2], ['N', 1]] as const)}`,
};
/** HCPC: the profession's two-letter prefix and 6 digits, e.g. PH123456. */
const hcpc = (prefix: string): Series => ({ body: 'HCPC', size: 1_000_000, format: (n) => `${prefix}${pad(n, 6)}` });
/** GPhC: 7 digits; pharmacists' start with 20, pharmacy technicians' with 50. */
const gphc = (prefix: string): Series => ({ body: 'GPhC', size: 100_000, format: (n) => `${prefix}${pad(n, 5)}` });

export const registrationSeries = {
  NMC: nmc,
  'HCPC:PH': hcpc('PH'), // physiotherapists
  'HCPC:OT': hcpc('OT'), // occupational therapists
  'HCPC:RA': hcpc('RA'), // radiographers
  'HCPC:SL': hcpc('SL'), // speech and language therapists
  'HCPC:DT': hcpc('DT'), // dietitians
  'HCPC:CH': hcpc('CH'), // podiatrists (chiropodists)
  'HCPC:BS': hcpc('BS'), // biomedical scientists
  'HCPC:CS': hcpc('CS'), // clinical scientists
  'GPhC:20': gphc('20'),
  'GPhC:50': gphc('50'),
} as const satisfies Record<string, Series>;

export type SeriesKey = keyof typeof registrationSeries;

/** The series a stored registration belongs to (for counting what a database already holds). */
export function seriesOf(body: string, number: string): string {
  return body === 'NMC' ? 'NMC' : `${body}:${number.slice(0, 2)}`;
}

export class RegistrationAllocator {
  readonly #next = new Map<string, number>();
  readonly #key: number;
  constructor(seed: number, existing: ReadonlyMap<string, number> = new Map()) {
    this.#key = Math.imul(seed + 1, 2654435761);
    for (const [key, n] of existing) this.#next.set(key, n);
  }
  issue(key: SeriesKey, rnd: Random): { body: RegistrationBody; number: string } {
    const series = registrationSeries[key];
    const index = this.#next.get(key) ?? 0;
    if (index >= series.size) throw new Error(`registration series ${key} is exhausted (${series.size} numbers)`);
    this.#next.set(key, index + 1);
    return { body: series.body, number: series.format(permute(index, series.size, this.#key), rnd) };
  }
}
