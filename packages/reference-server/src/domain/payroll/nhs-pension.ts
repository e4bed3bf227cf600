// NHS Pension Scheme (England & Wales) contributions (rules file §4).

import { assertPence, formatBps, formatPence } from './money.ts';
import { ratesFor } from './rates.ts';
import type { NhsPensionRates, NhsPensionTier, TaxYear, TaxYearRates } from './rates.ts';

export interface NhsPensionTierResult {
  /** 1-based tier number. */
  tier: number;
  rateBps: number;
  /** Inclusive pay range of the tier in pence; toPence null = no upper limit. */
  fromPence: number;
  toPence: number | null;
  provisional: boolean;
}

/**
 * Member tier from *actual* (not whole-time-equivalent) annual pensionable pay, the basis since
 * 1 October 2022. The published bands are whole pounds ("up to £13,259", "£13,260 – £27,797"),
 * so a tier runs up to just below the next tier's starting pound.
 */
export function nhsPensionTier(taxYear: TaxYear, annualPensionablePayPence: number): NhsPensionTierResult {
  const pensionRates = ratesFor(taxYear).nhsPension;
  const pay = assertPence('annualPensionablePayPence', annualPensionablePayPence);
  return tierFor(pensionRates, pay);
}

function tierFor(pensionRates: NhsPensionRates, pay: number): NhsPensionTierResult {
  const tiers: readonly NhsPensionTier[] = pensionRates.tiers;
  let i = 0;
  while (i + 1 < tiers.length && pay >= tiers[i + 1]!.fromPence) i += 1;
  const next = tiers[i + 1];
  return {
    tier: i + 1,
    rateBps: tiers[i]!.rateBps,
    fromPence: tiers[i]!.fromPence,
    toPence: next ? next.fromPence - 1 : null,
    provisional: pensionRates.provisional,
  };
}

/** Percentage of pay to the nearest penny (halves up): pension contributions are not HMRC-rounded. */
function percentOfPence(pence: number, bps: number): number {
  return Math.floor((pence * bps + 5_000) / 10_000);
}

export interface NhsPensionInput {
  taxYear: TaxYear;
  /** Pensionable pay this period. */
  pensionablePayPence: number;
  /** Actual annual pensionable pay that decides the member tier. */
  annualPensionablePayPence: number;
}

export interface NhsPensionResult {
  tier: NhsPensionTierResult;
  memberPence: number;
  /** Employer contribution charged through the employer's payroll (14.38%). */
  employerPence: number;
  /** Full employer rate incl. levy and the share NHS England pays centrally (23.78%), for information. */
  employerTotalBps: number;
  memberExplanation: string;
  employerExplanation: string;
}

export function calculateNhsPension(input: NhsPensionInput): NhsPensionResult {
  const rates = ratesFor(input.taxYear);
  const pay = assertPence('pensionablePayPence', input.pensionablePayPence);
  const annual = assertPence('annualPensionablePayPence', input.annualPensionablePayPence);
  return nhsPensionCore(rates, pay, annual, true);
}

/**
 * Contributions on already validated inputs (calculatePeriod validates once and calls this).
 * `explain` false leaves the explanation strings empty; every figure is the same.
 */
export function nhsPensionCore(rates: TaxYearRates, pay: number, annualPensionablePayPence: number, explain: boolean): NhsPensionResult {
  const pensionRates = rates.nhsPension;
  const tier = tierFor(pensionRates, annualPensionablePayPence);
  const memberPence = percentOfPence(pay, tier.rateBps);
  const employerPence = percentOfPence(pay, pensionRates.employerPayrollBps);
  let memberExplanation = '';
  let employerExplanation = '';
  if (explain) {
    const provisionalNote = pensionRates.provisional ? ` (${rates.taxYear} tiers not yet published: previous year's table applied)` : '';
    const range = tier.toPence === null ? `${formatPence(tier.fromPence)} and above` : `${formatPence(tier.fromPence)}–${formatPence(tier.toPence)}`;
    memberExplanation =
      `NHS Pension tier ${tier.tier} (${range}) for annual pensionable pay ${formatPence(annualPensionablePayPence)}${provisionalNote}: ` +
      `${formatBps(tier.rateBps)} of ${formatPence(pay)} = ${formatPence(memberPence)}, deducted before tax (net pay arrangement), not before NI`;
    employerExplanation =
      `NHS Pension employer: ${formatBps(pensionRates.employerPayrollBps)} of ${formatPence(pay)} = ${formatPence(employerPence)} ` +
      `(14.3% + 0.08% admin levy; the rest of the ${formatBps(pensionRates.employerTotalBps)} total is paid centrally by NHS England)`;
  }
  return {
    tier,
    memberPence,
    employerPence,
    employerTotalBps: pensionRates.employerTotalBps,
    memberExplanation,
    employerExplanation,
  };
}
