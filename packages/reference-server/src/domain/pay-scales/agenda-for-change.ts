// Agenda for Change (England) annual pay points, in pence, from ../shared/reference/uk-payroll-rules.md §5.1
// (2025-26, after the 3.6% award). No 2026-27 table has been published in our sources, so 2025-26 rates stay
// in force until one is added here: a new table is a data change, not a code change.
export const afcBands = ['2', '3', '4', '5', '6', '7', '8a', '8b', '8c', '8d', '9'] as const;
export type AfcBand = (typeof afcBands)[number];
export type PayPoint = 'entry' | 'intermediate' | 'top';

const pounds = (n: number) => n * 100;

interface BandScale {
  entry: number;
  intermediate: number | null;
  top: number;
}

export const afcPayScale2025: Readonly<Record<AfcBand, BandScale>> = {
  '2': { entry: pounds(24_465), intermediate: null, top: pounds(24_465) },
  '3': { entry: pounds(24_937), intermediate: null, top: pounds(26_598) },
  '4': { entry: pounds(27_485), intermediate: null, top: pounds(30_162) },
  '5': { entry: pounds(31_049), intermediate: pounds(33_487), top: pounds(37_796) },
  '6': { entry: pounds(38_682), intermediate: pounds(40_823), top: pounds(46_580) },
  '7': { entry: pounds(47_810), intermediate: pounds(50_273), top: pounds(54_710) },
  '8a': { entry: pounds(55_690), intermediate: pounds(58_487), top: pounds(62_682) },
  '8b': { entry: pounds(64_455), intermediate: pounds(68_631), top: pounds(74_896) },
  '8c': { entry: pounds(76_965), intermediate: pounds(81_652), top: pounds(88_682) },
  '8d': { entry: pounds(91_342), intermediate: pounds(96_941), top: pounds(105_337) },
  '9': { entry: pounds(109_179), intermediate: pounds(115_763), top: pounds(125_637) },
};

/** Whole-time annual salary for a band and pay point (bands without an intermediate point pay entry). */
export function annualSalaryPence(band: AfcBand, point: PayPoint): number {
  const scale = afcPayScale2025[band];
  if (point === 'intermediate') return scale.intermediate ?? scale.entry;
  return scale[point];
}

/** Full-time hours under AfC: 37.5 a week. */
export const fullTimeMinutesPerWeek = 2250;

/** AfC unsocial-hours enhancement percentages (uk-payroll-rules.md §5.3). */
export function unsocialHoursPercent(band: AfcBand): { saturdayAndNights: number; sundaysAndBankHolidays: number } {
  if (band === '2') return { saturdayAndNights: 41, sundaysAndBankHolidays: 83 };
  if (band === '3') return { saturdayAndNights: 35, sundaysAndBankHolidays: 69 };
  return { saturdayAndNights: 30, sundaysAndBankHolidays: 60 };
}

/** Basic hourly rate: annual ÷ 52.143 weeks ÷ 37.5 hours (the divisor NHSBSA uses), in pence (fractional). */
export function hourlyRatePence(annualPence: number): number {
  return annualPence / 52.143 / 37.5;
}
