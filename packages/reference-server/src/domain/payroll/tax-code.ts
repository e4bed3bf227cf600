// Parsing of HMRC PAYE tax codes (rules file §1.1).

import { PayrollInputError } from './errors.ts';
import type { Jurisdiction } from './rates.ts';

export type TaxCodeKind =
  | 'allowance' //  nnnnL/M/N/T and 0T: free pay deducted from pay
  | 'k' //          Knnn: additional pay added to pay
  | 'basic-rate' // BR: everything at the basic rate
  | 'flat-rate' //  D0..D3: everything at a higher rate
  | 'no-tax'; //    NT

export interface ParsedTaxCode {
  /** Normalised code as HMRC writes it, e.g. 'S1257L M1'. */
  code: string;
  /** Code without the basis marker, e.g. 'S1257L'. */
  baseCode: string;
  jurisdiction: Jurisdiction;
  kind: TaxCodeKind;
  /** Code number for allowance and K codes (1257 in 1257L, 475 in K475); 0 otherwise. */
  number: number;
  /** L, M, N or T for allowance codes; null otherwise. */
  suffix: 'L' | 'M' | 'N' | 'T' | null;
  /** 0–3 for D codes; null otherwise. */
  dIndex: number | null;
  /** The code carries a W1 / M1 / X marker: taxed on a non-cumulative basis. */
  nonCumulativeMarker: 'W1' | 'M1' | 'X' | null;
}

const TAX_CODE =
  /^(?<country>[SC])?(?:(?<br>BR)|(?<nt>NT)|D(?<d>\d)|K(?<k>\d{1,5})|(?<num>\d{1,5})(?<suffix>[LMNT]))(?:[\s/]*(?<basis>W1|M1|X))?$/;

/**
 * Parses a tax code such as '1257L', 'S1257L', 'C1257L M1', 'K475', 'SK475 W1', 'BR', 'SD2', 'NT', '0T'.
 * Case and surrounding white space are ignored. Throws PayrollInputError(field 'taxCode') otherwise.
 */
export function parseTaxCode(input: unknown): ParsedTaxCode {
  if (typeof input !== 'string') {
    throw new PayrollInputError('taxCode', 'taxCode must be a string such as 1257L');
  }
  // A payroll sees a handful of distinct codes many thousands of times: parse each once.
  const cached = parsed.get(input);
  if (cached) return cached;
  const result = Object.freeze(parse(input));
  if (parsed.size >= MAX_CACHED_CODES) parsed.clear();
  parsed.set(input, result);
  return result;
}

/** Parsed codes by their exact input text; results are frozen because every caller shares them. */
const parsed = new Map<string, ParsedTaxCode>();
const MAX_CACHED_CODES = 1_000;

function parse(input: string): ParsedTaxCode {
  const text = input.trim().toUpperCase();
  const m = TAX_CODE.exec(text);
  const g = m?.groups;
  if (!g) {
    throw new PayrollInputError('taxCode', `Unrecognised tax code ${JSON.stringify(input)}`);
  }
  const country = g['country'];
  const jurisdiction: Jurisdiction = country === 'S' ? 'scotland' : country === 'C' ? 'wales' : 'rest_of_uk';
  const prefix = country ?? '';
  const nonCumulativeMarker = (g['basis'] ?? null) as ParsedTaxCode['nonCumulativeMarker'];

  let kind: TaxCodeKind;
  let number = 0;
  let suffix: ParsedTaxCode['suffix'] = null;
  let dIndex: number | null = null;
  let body: string;
  if (g['br'] !== undefined) {
    kind = 'basic-rate';
    body = 'BR';
  } else if (g['nt'] !== undefined) {
    kind = 'no-tax';
    body = 'NT';
  } else if (g['d'] !== undefined) {
    kind = 'flat-rate';
    dIndex = Number(g['d']);
    // Only Scotland has D2 (advanced) and D3 (top); rUK and Wales stop at D1 (additional).
    const maxD = jurisdiction === 'scotland' ? 3 : 1;
    if (dIndex > maxD) {
      throw new PayrollInputError('taxCode', `Tax code ${JSON.stringify(input)}: ${prefix}D${dIndex} does not exist (highest is ${prefix}D${maxD})`);
    }
    body = `D${dIndex}`;
  } else if (g['k'] !== undefined) {
    kind = 'k';
    number = Number(g['k']);
    if (number === 0) {
      throw new PayrollInputError('taxCode', `Tax code ${JSON.stringify(input)}: a K code needs a number of at least 1`);
    }
    body = `K${number}`;
  } else {
    kind = 'allowance';
    number = Number(g['num']);
    suffix = g['suffix'] as ParsedTaxCode['suffix'];
    body = `${number}${suffix}`;
  }
  const baseCode = `${prefix}${body}`;
  return {
    code: nonCumulativeMarker ? `${baseCode} ${nonCumulativeMarker}` : baseCode,
    baseCode,
    jurisdiction,
    kind,
    number,
    suffix,
    dIndex,
    nonCumulativeMarker,
  };
}
