import { calculatePeriod } from '../domain/payroll/index.ts';
import type { TaxYear } from '../domain/payroll/index.ts';
import type { StudentLoanPlan } from '../domain/payroll/student-loans.ts';
import { annualSalaryPence, fullTimeMinutesPerWeek, hourlyRatePence, unsocialHoursPercent } from '../domain/pay-scales/agenda-for-change.ts';
import type { PayslipLineRecord } from '../db/schema.ts';
import type { ComputedPayslip } from '../domain/payroll-runs/pay-elements.ts';
import type { GeneratedAssignment } from './trust-generator.ts';
import { Random } from './random.ts';

// England and Wales bank holidays that can move a month-end pay day (gov.uk/bank-holidays).
// The leave issue brings full calendars; pay dates only need these.
const bankHolidays = new Set([
  '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25',
  '2026-08-31', '2026-12-25', '2026-12-28', '2027-03-26', '2027-03-29',
]);

/** NHS trusts commonly pay monthly on the last working day of the calendar month. */
export function payDayOf(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)); // last day of `month` (1-based)
  for (;;) {
    const iso = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !bankHolidays.has(iso)) return iso;
    d.setUTCDate(d.getUTCDate() - 1);
  }
}

/** A seeded payslip: what a payroll run computes (ComputedPayslip), plus where it belongs. */
export interface MonthlyPayslip extends ComputedPayslip {
  assignmentId: string;
  employeeId: string;
  payDate: string;
  taxYear: TaxYear;
  periodNumber: number;
}

const supportedYears: readonly TaxYear[] = ['2025-26', '2026-27'];

const payDatesCache = new Map<string, Array<{ taxYear: TaxYear; period: number; payDate: string }>>();

/** Pay dates of every supported monthly period up to `asOf`, oldest first. */
export function payDatesUpTo(asOf: string): ReadonlyArray<{ taxYear: TaxYear; period: number; payDate: string }> {
  const cached = payDatesCache.get(asOf);
  if (cached) return cached;
  const out: Array<{ taxYear: TaxYear; period: number; payDate: string }> = [];
  payDatesCache.set(asOf, out);
  for (const taxYear of supportedYears) {
    const startYear = Number(taxYear.slice(0, 4));
    for (let period = 1; period <= 12; period++) {
      const calendarMonth = ((period + 2) % 12) + 1; // tax month 1 is paid in April
      const payDate = payDayOf(startYear + (calendarMonth < 4 ? 1 : 0), calendarMonth);
      if (payDate > asOf) return out;
      out.push({ taxYear, period, payDate });
    }
  }
  return out;
}

/**
 * Monthly payslips for one assignment up to `asOf`, computed by the payroll engine with year-to-date
 * figures carried between periods. `months` keeps only the newest pay dates (undefined: all of them
 * since April 2025); the tax year's earlier periods are still computed so year-to-date figures are
 * right, but no earlier tax year is. Each period draws from its own random stream, so a payslip is
 * the same whatever `months` is. Ward staff get unsocial-hours enhancements that vary month to month,
 * so payslips differ like real ones do.
 */
export function payslipHistory(a: GeneratedAssignment, asOf: string, seed: number, months?: number): MonthlyPayslip[] {
  const all = payDatesUpTo(asOf);
  const wanted = months === undefined ? all : months <= 0 ? [] : all.slice(-months);
  if (wanted.length === 0) return [];
  const firstWanted = wanted[0]!.payDate;
  const idHash = hash(a.id);
  const rnd = new Random(seed ^ idHash);
  const annual = annualSalaryPence(a.band, a.payPoint);
  const fte = a.contractedMinutesPerWeek / fullTimeMinutesPerWeek;
  const basic = Math.round((annual * fte) / 12);
  const hourly = hourlyRatePence(annual);
  const enh = unsocialHoursPercent(a.band);
  const onWards = a.staffGroup.startsWith('Nursing') || a.staffGroup.startsWith('Support to Clinical');
  const sacrifice = rnd.chance(0.08) ? 5000 : 0; // cycle-to-work scheme, £50 a month
  const out: MonthlyPayslip[] = [];
  // Tax years before the first wanted pay date need no computing at all.
  const wantedYears = new Set(wanted.map((w) => w.taxYear));
  let ytd = { grossPence: 0, taxablePayPence: 0, taxPence: 0, employeeNiPence: 0, pensionPence: 0 };
  let ytdYear: TaxYear | null = null;
  for (const { taxYear, period, payDate } of all) {
    if (!wantedYears.has(taxYear) || payDate < a.startDate) continue;
    if (ytdYear !== taxYear) {
      ytd = { grossPence: 0, taxablePayPence: 0, taxPence: 0, employeeNiPence: 0, pensionPence: 0 };
      ytdYear = taxYear;
    }
    const prnd = new Random(Math.imul(seed ^ idHash, 31) + period * 7919 + Number(taxYear.slice(0, 4)));
    const payments: PayslipLineRecord[] = [{ code: 'BASIC', description: `Basic pay (Band ${a.band}${fte < 1 ? `, ${(fte * 37.5).toFixed(1)} h/wk` : ''})`, amountPence: basic }];
    if (onWards) {
      const satHours = prnd.int(0, 16);
      const sunHours = prnd.int(0, 12);
      if (satHours) payments.push({ code: 'UNSOC_SAT', description: `Unsocial hours ${satHours} h @ ${enh.saturdayAndNights}%`, amountPence: Math.round((satHours * hourly * enh.saturdayAndNights) / 100) });
      if (sunHours) payments.push({ code: 'UNSOC_SUN', description: `Unsocial hours Sun/BH ${sunHours} h @ ${enh.sundaysAndBankHolidays}%`, amountPence: Math.round((sunHours * hourly * enh.sundaysAndBankHolidays) / 100) });
    }
    const gross = payments.reduce((s, p) => s + p.amountPence, 0);
    const pensionable = gross;
    const m1 = a.taxCode.endsWith(' M1');
    const r = calculatePeriod({
      taxYear, frequency: 'monthly', period, taxCode: a.taxCode,
      grossPayPence: gross, salarySacrificePence: sacrifice,
      taxablePayToDatePence: ytd.taxablePayPence, taxToDatePence: ytd.taxPence,
      niCategory: a.niCategory, studentLoanPlans: a.studentLoanPlans as StudentLoanPlan[],
      pensionablePayPence: pensionable, annualPensionablePayPence: pensionable * 12,
    });
    const deductions: PayslipLineRecord[] = [];
    const add = (code: string, description: string, amountPence: number) => { if (amountPence !== 0) deductions.push({ code, description, amountPence }); };
    if (sacrifice) add('SAL_SAC', 'Cycle to work (salary sacrifice)', sacrifice);
    add('PENSION', `NHS Pension (${(r.details.pension?.tier.rateBps ?? 0) / 100}%)`, r.pensionMemberPence);
    add('PAYE', 'Income tax', r.taxPence);
    add('NI', `National Insurance (${a.niCategory})`, r.employeeNiPence);
    add('SL', `Student loan (plan ${a.studentLoanPlans.join(', ')})`, r.studentLoanPence);
    add('PGL', 'Postgraduate loan', r.postgraduateLoanPence);
    const deductionsPence = deductions.reduce((s, d) => s + d.amountPence, 0);
    ytd.grossPence += gross;
    ytd.taxablePayPence = r.taxablePayToDatePence;
    ytd.taxPence = r.taxToDatePence;
    ytd.employeeNiPence += r.employeeNiPence;
    ytd.pensionPence += r.pensionMemberPence;
    if (payDate < firstWanted) continue;
    out.push({
      assignmentId: a.id, employeeId: a.employeeId, payDate, taxYear, periodNumber: period,
      taxCode: a.taxCode.replace(/ (M1|W1|X)$/, ''), taxBasis: m1 ? 'non-cumulative' : 'cumulative', niCategory: a.niCategory,
      grossPence: gross, deductionsPence, netPence: gross - deductionsPence,
      payments, deductions, yearToDate: { ...ytd },
      employer: { niPence: r.employerNiPence, pensionPence: r.pensionEmployerPence },
    });
  }
  return out;
}

/** FNV-1a: a stable 32-bit hash of an id, to derive per-person random streams. */
export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
