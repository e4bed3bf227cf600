// Pay elements of one monthly payslip from the HR data: basic pay from the AfC pay point × FTE
// (pro-rata by calendar days for starters and leavers in the tax month), unsocial-hours enhancements
// by band, overtime and arrears from the period's claims; then the payroll engine for deductions, with
// year-to-date figures carried from the assignment's previous payslip in the tax year.
//
// The payslip has exactly the shape the seed writes (src/seed/payslip-history.ts): the same line
// codes and descriptions, the same YTD record, the same tax-code/basis handling. Pure: no I/O.
import { calculatePeriod, PayrollInputError } from '../payroll/index.ts';
import type { CalculateOptions, PeriodResult, TaxYear } from '../payroll/index.ts';
import type { StudentLoanPlan } from '../payroll/student-loans.ts';
import { afcBands, annualSalaryPence, fullTimeMinutesPerWeek, hourlyRatePence, unsocialHoursPercent } from '../pay-scales/agenda-for-change.ts';
import type { AfcBand, PayPoint } from '../pay-scales/agenda-for-change.ts';
import type { PayClaimKind, PayslipEmployerRecord, PayslipLineRecord, PayslipYearToDateRecord } from '../../db/schema.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Tax month `period` (1 = 6 April–5 May) of a tax year: first and last day, and its length in days. */
export function taxMonth(taxYear: string, period: number): { start: string; end: string; days: number } {
  const startYear = Number(taxYear.slice(0, 4));
  const start = Date.UTC(startYear, 3 + period - 1, 6);
  const next = Date.UTC(startYear, 3 + period, 6);
  return { start: iso(start), end: iso(next - DAY), days: Math.round((next - start) / DAY) };
}

/** Calendar days of `[from, to]` (inclusive ISO dates) that fall in the tax month; 0 if none. */
export function daysWorkedInMonth(month: { start: string; end: string }, from: string, to: string | null): number {
  const a = Math.max(Date.parse(`${month.start}T00:00:00Z`), Date.parse(`${from}T00:00:00Z`));
  const b = Math.min(Date.parse(`${month.end}T00:00:00Z`), to === null ? Infinity : Date.parse(`${to}T00:00:00Z`));
  return b < a ? 0 : Math.round((b - a) / DAY) + 1;
}

export function isAfcBand(band: string): band is AfcBand {
  return (afcBands as readonly string[]).includes(band);
}

/** Whole-month basic pay: annual × FTE ÷ 12, rounded to the penny (as the seed computes it). */
export function monthlyBasicPence(annualPence: number, contractedMinutesPerWeek: number): number {
  const fte = contractedMinutesPerWeek / fullTimeMinutesPerWeek;
  return Math.round((annualPence * fte) / 12);
}

/** Hours for a payslip line: `7.5`, `12`, `0.25`. */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** The basic-pay line's description: `Basic pay (Band 5, 22.5 h/wk)`, plus days when pro-rated. */
export function basicDescription(band: string, contractedMinutesPerWeek: number, proRata?: { days: number; of: number }): string {
  const fte = contractedMinutesPerWeek / fullTimeMinutesPerWeek;
  const hours = fte < 1 ? `, ${(fte * 37.5).toFixed(1)} h/wk` : '';
  const days = proRata && proRata.days < proRata.of ? `, ${proRata.days}/${proRata.of} days` : '';
  return `Basic pay (Band ${band}${hours}${days})`;
}

/** Enhancement for unsocial hours at `percent` of the basic hourly rate (ESR: hours × % × rate). */
export function enhancementPence(minutes: number, hourlyPence: number, percent: number): number {
  return Math.round((minutes * hourlyPence * percent) / 6000);
}

/** Overtime at time and a half of the basic hourly rate. */
export function overtimePence(minutes: number, hourlyPence: number): number {
  return Math.round((minutes * hourlyPence * 3) / 120);
}

/** Deduction lines from the engine's result, in the seed's order and wording. */
export function deductionLines(r: PeriodResult, sacrificePence: number, niCategory: string, studentLoanPlans: readonly string[]): PayslipLineRecord[] {
  const deductions: PayslipLineRecord[] = [];
  const add = (code: string, description: string, amountPence: number) => {
    if (amountPence !== 0) deductions.push({ code, description, amountPence });
  };
  if (sacrificePence) add('SAL_SAC', 'Cycle to work (salary sacrifice)', sacrificePence);
  add('PENSION', `NHS Pension (${(r.details.pension?.tier.rateBps ?? 0) / 100}%)`, r.pensionMemberPence);
  add('PAYE', 'Income tax', r.taxPence);
  add('NI', `National Insurance (${niCategory})`, r.employeeNiPence);
  add('SL', `Student loan (plan ${studentLoanPlans.join(', ')})`, r.studentLoanPence);
  add('PGL', 'Postgraduate loan', r.postgraduateLoanPence);
  return deductions;
}

export const emptyYearToDate = (): PayslipYearToDateRecord => ({ grossPence: 0, taxablePayPence: 0, taxPence: 0, employeeNiPence: 0, pensionPence: 0 });

/** The HR data of one assignment a payslip is computed from. */
export interface PayAssignment {
  id: string;
  employeeId: string;
  band: string;
  payPoint: string;
  contractedMinutesPerWeek: number;
  /** As stored: may carry ' M1' / ' W1' / ' X' for the non-cumulative basis. */
  taxCode: string;
  niCategory: string;
  studentLoanPlans: readonly string[];
  startDate: string;
  endDate: string | null;
}

/**
 * Sickness days in the tax month (while in post) that occupational sick pay (AfC Handbook 14.2, as
 * allocated by domain/absence allocateSickPay) pays at half pay and at nil pay. Days at full pay change
 * nothing and are not counted here. Statutory sick pay is out of scope: no SSP top-up is paid.
 */
export interface SickPayDays { halfPayDays: number; nilPayDays: number }

export interface PayClaimInput {
  kind: PayClaimKind;
  minutes: number | null;
  amountPence: number | null;
  description: string | null;
}

/** The assignment's latest earlier payslip: its YTD carries within a tax year; standing deductions carry over. */
export interface PreviousPayslip {
  taxYear: string;
  yearToDate: PayslipYearToDateRecord;
  deductions: readonly PayslipLineRecord[];
}

export interface PayslipInput {
  assignment: PayAssignment;
  taxYear: TaxYear;
  periodNumber: number;
  previous: PreviousPayslip | null;
  claims: readonly PayClaimInput[];
  /** Sickness in the tax month at reduced occupational sick pay (see SickPayDays); absent = none. */
  sickness?: SickPayDays;
  /** Engine options: runs pass `{ explain: false }` (they store their own lines; same figures, faster). */
  engineOptions?: CalculateOptions;
}

export interface ComputedPayslip {
  taxCode: string;
  taxBasis: 'cumulative' | 'non-cumulative';
  niCategory: string;
  grossPence: number;
  deductionsPence: number;
  netPence: number;
  payments: PayslipLineRecord[];
  deductions: PayslipLineRecord[];
  yearToDate: PayslipYearToDateRecord;
  employer: PayslipEmployerRecord;
}

/**
 * One monthly payslip. Throws PayrollInputError (with the offending field) for HR data the engine
 * cannot pay: an unknown band or pay point, a bad tax code or NI letter, an assignment not in the month.
 */
export function computeMonthlyPayslip(input: PayslipInput): ComputedPayslip {
  const { assignment: a, taxYear, periodNumber } = input;
  if (!isAfcBand(a.band)) throw new PayrollInputError('band', `Band '${a.band}' is not an Agenda for Change band`);
  if (a.payPoint !== 'entry' && a.payPoint !== 'intermediate' && a.payPoint !== 'top') throw new PayrollInputError('payPoint', `Pay point '${a.payPoint}' is not entry, intermediate or top`);
  const month = taxMonth(taxYear, periodNumber);
  const worked = daysWorkedInMonth(month, a.startDate, a.endDate);
  if (worked === 0) throw new PayrollInputError('startDate', `The assignment is not in post in tax month ${periodNumber} (${month.start} to ${month.end})`);

  const annual = annualSalaryPence(a.band, a.payPoint as PayPoint);
  const fullBasic = monthlyBasicPence(annual, a.contractedMinutesPerWeek);
  const basic = worked === month.days ? fullBasic : Math.round((annual * (a.contractedMinutesPerWeek / fullTimeMinutesPerWeek) * worked) / (12 * month.days));
  const hourly = hourlyRatePence(annual);
  const enh = unsocialHoursPercent(a.band);

  const payments: PayslipLineRecord[] = [{ code: 'BASIC', description: basicDescription(a.band, a.contractedMinutesPerWeek, { days: worked, of: month.days }), amountPence: basic }];
  // Occupational sick pay: the unpaid part of a sick day is taken off basic pay at the calendar-day rate
  // the starter/leaver pro-rata uses (annual × FTE ÷ 12 ÷ days in the tax month): half of it for a day at
  // half pay, all of it for a day at nil pay. Negative payment lines, so gross and pensionable pay follow.
  let sickDeduction = 0;
  const sickLine = (code: string, rate: string, days: number, halves: number) => {
    if (days <= 0) return;
    const amount = Math.round((annual * (a.contractedMinutesPerWeek / fullTimeMinutesPerWeek) * days * halves) / (2 * 12 * month.days));
    sickDeduction += amount;
    payments.push({ code, description: `Sick leave at ${rate} pay, ${days} day${days === 1 ? '' : 's'}`, amountPence: -amount });
  };
  sickLine('SICK_HALF', 'half', Math.min(input.sickness?.halfPayDays ?? 0, worked), 1);
  sickLine('SICK_NIL', 'nil', Math.min(input.sickness?.nilPayDays ?? 0, worked), 2);
  let satMinutes = 0;
  let sunMinutes = 0;
  let overtimeMinutes = 0;
  const arrears: PayslipLineRecord[] = [];
  for (const claim of input.claims) {
    if (claim.kind === 'arrears') arrears.push({ code: 'ARREARS', description: claim.description ? `Arrears: ${claim.description}` : 'Arrears of pay', amountPence: claim.amountPence ?? 0 });
    else if (claim.kind === 'unsocial_sat_night') satMinutes += claim.minutes ?? 0;
    else if (claim.kind === 'unsocial_sun_bh') sunMinutes += claim.minutes ?? 0;
    else if (claim.kind === 'overtime') overtimeMinutes += claim.minutes ?? 0;
  }
  let unsocial = 0;
  if (satMinutes) {
    const amount = enhancementPence(satMinutes, hourly, enh.saturdayAndNights);
    unsocial += amount;
    payments.push({ code: 'UNSOC_SAT', description: `Unsocial hours ${formatHours(satMinutes)} h @ ${enh.saturdayAndNights}%`, amountPence: amount });
  }
  if (sunMinutes) {
    const amount = enhancementPence(sunMinutes, hourly, enh.sundaysAndBankHolidays);
    unsocial += amount;
    payments.push({ code: 'UNSOC_SUN', description: `Unsocial hours Sun/BH ${formatHours(sunMinutes)} h @ ${enh.sundaysAndBankHolidays}%`, amountPence: amount });
  }
  let overtime = 0;
  if (overtimeMinutes) {
    overtime = overtimePence(overtimeMinutes, hourly);
    payments.push({ code: 'OVERTIME', description: `Overtime ${formatHours(overtimeMinutes)} h @ time and a half`, amountPence: overtime });
  }
  payments.push(...arrears);
  const arrearsPence = arrears.reduce((s, l) => s + l.amountPence, 0);

  const gross = payments.reduce((s, p) => s + p.amountPence, 0);
  // Overtime is not pensionable; arrears of pensionable pay are. The member tier follows the
  // whole-month rate (so a starter's part month does not drop them into a lower tier).
  // Sick-pay reductions reduce pensionable pay; the tier still follows the whole-month rate.
  const pensionable = basic - sickDeduction + unsocial + arrearsPence;
  const annualPensionable = (fullBasic + unsocial) * 12;
  // A standing salary sacrifice carries from the last payslip, unless this month's pay can't cover it.
  const standing = input.previous?.deductions.find((d) => d.code === 'SAL_SAC')?.amountPence ?? 0;
  const sacrifice = standing > 0 && standing * 2 <= gross ? standing : 0;
  const ytd = input.previous && input.previous.taxYear === taxYear ? { ...emptyYearToDate(), ...input.previous.yearToDate } : emptyYearToDate();

  const m1 = a.taxCode.endsWith(' M1');
  const r = calculatePeriod(
    {
      taxYear, frequency: 'monthly', period: periodNumber, taxCode: a.taxCode,
      grossPayPence: gross, salarySacrificePence: sacrifice,
      taxablePayToDatePence: ytd.taxablePayPence, taxToDatePence: ytd.taxPence,
      niCategory: a.niCategory, studentLoanPlans: a.studentLoanPlans as StudentLoanPlan[],
      pensionablePayPence: pensionable, annualPensionablePayPence: annualPensionable,
    },
    input.engineOptions,
  );
  const deductions = deductionLines(r, sacrifice, a.niCategory, a.studentLoanPlans);
  const deductionsPence = deductions.reduce((s, d) => s + d.amountPence, 0);
  return {
    taxCode: a.taxCode.replace(/ (M1|W1|X)$/, ''),
    taxBasis: m1 ? 'non-cumulative' : 'cumulative',
    niCategory: a.niCategory,
    grossPence: gross,
    deductionsPence,
    netPence: gross - deductionsPence,
    payments,
    deductions,
    yearToDate: {
      grossPence: ytd.grossPence + gross,
      taxablePayPence: r.taxablePayToDatePence,
      taxPence: r.taxToDatePence,
      employeeNiPence: ytd.employeeNiPence + r.employeeNiPence,
      pensionPence: ytd.pensionPence + r.pensionMemberPence,
    },
    employer: { niPence: r.employerNiPence, pensionPence: r.pensionEmployerPence },
  };
}
