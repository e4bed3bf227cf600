import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { addYears, dayOf, isoOf } from '../calendars/dates.ts';

// Labels and orders for the categories analytics report by: protected characteristics (from the
// equality & diversity declaration), leaving reasons, age bands and length-of-service bands.

export interface Category { key: string; label: string }

/** No equality & diversity record at all (never asked or never answered). */
export const notDeclared: Category = { key: 'not_declared', label: 'Not declared' };

/** NHS Data Dictionary ethnic categories grouped as NHS workforce statistics (WRES) report them. */
export const ethnicGroups: Array<Category & { codes: string[] }> = [
  { key: 'white', label: 'White', codes: ['A', 'B', 'C'] },
  { key: 'mixed', label: 'Mixed or multiple ethnic groups', codes: ['D', 'E', 'F', 'G'] },
  { key: 'asian', label: 'Asian or Asian British', codes: ['H', 'J', 'K', 'L'] },
  { key: 'black', label: 'Black or Black British', codes: ['M', 'N', 'P'] },
  { key: 'other', label: 'Other ethnic groups', codes: ['R', 'S'] },
  { key: 'not_stated', label: 'Not stated', codes: ['Z'] },
];

export const characteristics = {
  ethnicity: [...ethnicGroups.map(({ key, label }) => ({ key, label })), notDeclared],
  sex: [{ key: 'female', label: 'Female' }, { key: 'male', label: 'Male' }, { key: 'prefer_not_to_say', label: 'Prefer not to say' }, notDeclared],
  disability: [{ key: 'yes', label: 'Disabled' }, { key: 'no', label: 'Not disabled' }, { key: 'prefer_not_to_say', label: 'Prefer not to say' }, notDeclared],
  religion: [
    { key: 'atheism', label: 'Atheism' }, { key: 'buddhism', label: 'Buddhism' }, { key: 'christianity', label: 'Christianity' },
    { key: 'hinduism', label: 'Hinduism' }, { key: 'islam', label: 'Islam' }, { key: 'jainism', label: 'Jainism' },
    { key: 'judaism', label: 'Judaism' }, { key: 'sikhism', label: 'Sikhism' }, { key: 'other', label: 'Other' },
    { key: 'prefer_not_to_say', label: 'Prefer not to say' }, notDeclared,
  ],
  sexualOrientation: [
    { key: 'bisexual', label: 'Bisexual' }, { key: 'gay_or_lesbian', label: 'Gay or lesbian' }, { key: 'heterosexual', label: 'Heterosexual or straight' },
    { key: 'other', label: 'Other sexual orientation' }, { key: 'prefer_not_to_say', label: 'Prefer not to say' }, notDeclared,
  ],
} satisfies Record<string, Category[]>;

export type Characteristic = keyof typeof characteristics;

/**
 * Why people leave: ESR's leaving reasons, grouped (NHS Digital publishes reasons for leaving in these
 * groups). Stored on the ended assignment (assignments.leaving_reason).
 */
export const leavingReasons: Category[] = [
  { key: 'work_life_balance', label: 'Voluntary resignation - work-life balance' },
  { key: 'relocation', label: 'Voluntary resignation - relocation' },
  { key: 'promotion', label: 'Voluntary resignation - promotion' },
  { key: 'better_reward', label: 'Voluntary resignation - better reward package' },
  { key: 'health', label: 'Voluntary resignation - health' },
  { key: 'other_voluntary', label: 'Voluntary resignation - other or not known' },
  { key: 'retirement', label: 'Retirement (age or ill health)' },
  { key: 'end_of_fixed_term', label: 'End of fixed-term contract' },
  { key: 'dismissal', label: 'Dismissal' },
  { key: 'redundancy', label: 'Redundancy' },
  { key: 'death_in_service', label: 'Death in service' },
  { key: 'not_recorded', label: 'Not recorded' },
];
export const leavingReasonKeys = new Set(leavingReasons.map((r) => r.key));

/** Age in whole years at the date, lower bounds. */
export const ageBands: Array<Category & { from: number }> = [
  { key: 'under_25', label: 'Under 25', from: 0 },
  { key: '25_34', label: '25 to 34', from: 25 },
  { key: '35_44', label: '35 to 44', from: 35 },
  { key: '45_54', label: '45 to 54', from: 45 },
  { key: '55_64', label: '55 to 64', from: 55 },
  { key: '65_plus', label: '65 and over', from: 65 },
];

/** Reckonable NHS service in whole years at the date, lower bounds. */
export const serviceBands: Array<Category & { from: number }> = [
  { key: 'under_1', label: 'Under 1 year', from: 0 },
  { key: '1_2', label: '1 to 2 years', from: 1 },
  { key: '2_5', label: '2 to 5 years', from: 2 },
  { key: '5_10', label: '5 to 10 years', from: 5 },
  { key: '10_20', label: '10 to 20 years', from: 10 },
  { key: '20_plus', label: '20 years and over', from: 20 },
];

/**
 * SQL CASE mapping a date column (birth, service start) to the band of whole years between it and `on`.
 * "At least n years" is "on or before `on` less n years", worked out here, so the database compares dates
 * rather than computing an age per row.
 */
export function bandCase(column: SQL, on: string, bands: Array<{ key: string; from: number }>): SQL {
  const by = (b: { from: number }) => isoOf(addYears(dayOf(on), -b.from));
  return sql`CASE ${sql.join([...bands].reverse().map((b) => sql`WHEN ${column} <= ${by(b)}::date THEN ${b.key}`), sql` `)} END`;
}

export const contractTypes: Category[] = [
  { key: 'full_time', label: 'Full time' },
  { key: 'part_time', label: 'Part time' },
];
