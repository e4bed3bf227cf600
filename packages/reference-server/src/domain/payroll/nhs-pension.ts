// NHS Pension Scheme (England & Wales) contributions (rules file §4).

import { assertPence, formatBps, formatPence } from './money.ts';
import { ratesFor } from './rates.ts';
import type { NhsPensionTier, TaxYear } from './rates.ts';

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
  const pensionRates = ratesFor(input.taxYear).nhsPension;
  const pay = assertPence('pensionablePayPence', input.pensionablePayPence);
  const tier = nhsPensionTier(input.taxYear, input.annualPensionablePayPence);
  const memberPence = percentOfPence(pay, tier.rateBps);
  const employerPence = percentOfPence(pay, pensionRates.employerPayrollBps);
  const provisionalNote = pensionRates.provisional ? ` (${input.taxYear} tiers not yet published: previous year's table applied)` : '';
  const range = tier.toPence === null ? `${formatPence(tier.fromPence)} and above` : `${formatPence(tier.fromPence)}–${formatPence(tier.toPence)}`;
  return {
    tier,
    memberPence,
    employerPence,
    employerTotalBps: pensionRates.employerTotalBps,
    memberExplanation:
      `NHS Pension tier ${tier.tier} (${range}) for annual pensionable pay ${formatPence(input.annualPensionablePayPence)}${provisionalNote}: ` +
      `${formatBps(tier.rateBps)} of ${formatPence(pay)} = ${formatPence(memberPence)}, deducted before tax (net pay arrangement), not before NI`,
    employerExplanation:
      `NHS Pension employer: ${formatBps(pensionRates.employerPayrollBps)} of ${formatPence(pay)} = ${formatPence(employerPence)} ` +
      `(14.3% + 0.08% admin levy; the rest of the ${formatBps(pensionRates.employerTotalBps)} total is paid centrally by NHS England)`,
  };
}
