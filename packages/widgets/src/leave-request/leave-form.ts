import type { AbsenceCalendar, LeaveType, NewLeaveRequest } from '@esr/sdk';
import type { LeaveRequestKey } from './messages.ts';

export const LEAVE_TYPES: readonly LeaveType[] = ['annual', 'study', 'special', 'compassionate', 'toil'];
export type LeaveUnit = 'days' | 'half_day' | 'hours';

/** Day, month and year exactly as typed (NHS date input), so the form can say which part is wrong. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface LeaveFormValues {
  type: LeaveType | '';
  unit: LeaveUnit;
  start: DateParts;
  end: DateParts;
  half: 'am' | 'pm' | '';
  /** Hours as typed: `7.5` or `7:30`. */
  hours: string;
  reason: string;
}

export const emptyDate = (): DateParts => ({ day: '', month: '', year: '' });
export const emptyForm = (): LeaveFormValues => ({
  type: 'annual',
  unit: 'days',
  start: emptyDate(),
  end: emptyDate(),
  half: '',
  hours: '',
  reason: '',
});

/** A field the error summary can link to: its id inside the widget's shadow root. */
export type LeaveField = 'type' | 'start' | 'end' | 'half' | 'hours' | 'reason';

export interface FieldError {
  field: LeaveField;
  /** The input inside the field that gets focus from the summary link (`start-day`, `hours`, …). */
  focus: string;
  key: LeaveRequestKey;
  /** The server's own wording, when the server found the problem. */
  message?: string;
}

const isoOf = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Reads day/month/year the way NHS.UK asks for dates: each part must be a whole number and the date
 * must exist. Returns an ISO date, or which part is missing or wrong.
 */
export function parseDate(parts: DateParts): { iso: string } | { problem: 'missing' | 'day' | 'month' | 'year' | 'invalid' } {
  const d = parts.day.trim();
  const m = parts.month.trim();
  const y = parts.year.trim();
  if (!d && !m && !y) return { problem: 'missing' };
  if (!/^\d{1,2}$/.test(d)) return { problem: 'day' };
  if (!/^\d{1,2}$/.test(m)) return { problem: 'month' };
  if (!/^\d{4}$/.test(y)) return { problem: 'year' };
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return { problem: 'invalid' };
  return { iso: isoOf(year, month, day) };
}

/** ISO date → parts for the inputs (`2027-03-05` → `5`, `3`, `2027`). */
export function partsOf(iso: string): DateParts {
  const [y = '', m = '', d = ''] = iso.split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y };
}

/** `7.5`, `7,5` or `7:30` → 450 minutes; undefined when not a time. */
export function parseHours(text: string): number | undefined {
  const t = text.trim();
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  if (!/^\d{1,2}([.,]\d{1,2})?$/.test(t)) return undefined;
  return Math.round(Number(t.replace(',', '.')) * 60);
}

const DATE_KEYS = {
  start: { missing: 'leaveErrorStartMissing', day: 'leaveErrorDatePart', month: 'leaveErrorDatePart', year: 'leaveErrorYear', invalid: 'leaveErrorDateReal' },
  end: { missing: 'leaveErrorEndMissing', day: 'leaveErrorDatePart', month: 'leaveErrorDatePart', year: 'leaveErrorYear', invalid: 'leaveErrorDateReal' },
} as const;

export interface Validated {
  errors: FieldError[];
  request?: NewLeaveRequest;
}

/**
 * Checks the form as NHS.UK validation does (every problem at once, in page order) and, when it is
 * valid, builds the SDK request. The server checks notice, overlap and balance; this only catches what
 * can be known without asking.
 */
export function validate(values: LeaveFormValues): Validated {
  const errors: FieldError[] = [];
  if (!values.type) errors.push({ field: 'type', focus: `type-${LEAVE_TYPES[0]}`, key: 'leaveErrorType' });

  const start = parseDate(values.start);
  if ('problem' in start) {
    const focus = start.problem === 'month' ? 'start-month' : start.problem === 'year' ? 'start-year' : 'start-day';
    errors.push({ field: 'start', focus, key: DATE_KEYS.start[start.problem] });
  }
  let endIso: string | undefined;
  if (values.unit === 'days') {
    const blank = !values.end.day.trim() && !values.end.month.trim() && !values.end.year.trim();
    if (!blank) {
      const end = parseDate(values.end);
      if ('problem' in end) {
        const focus = end.problem === 'month' ? 'end-month' : end.problem === 'year' ? 'end-year' : 'end-day';
        errors.push({ field: 'end', focus, key: DATE_KEYS.end[end.problem] });
      } else {
        endIso = end.iso;
        if ('iso' in start && end.iso < start.iso) errors.push({ field: 'end', focus: 'end-day', key: 'leaveErrorEndBeforeStart' });
      }
    }
  }
  if (values.unit === 'half_day' && !values.half) errors.push({ field: 'half', focus: 'half-am', key: 'leaveErrorHalf' });
  let minutes: number | undefined;
  if (values.unit === 'hours') {
    minutes = parseHours(values.hours);
    if (minutes === undefined) errors.push({ field: 'hours', focus: 'hours', key: values.hours.trim() ? 'leaveErrorHoursFormat' : 'leaveErrorHoursMissing' });
    else if (minutes < 15 || minutes > 780 || minutes % 15 !== 0) errors.push({ field: 'hours', focus: 'hours', key: 'leaveErrorHoursRange' });
  }
  if (values.reason.length > 500) errors.push({ field: 'reason', focus: 'reason', key: 'leaveErrorReasonLength' });

  if (errors.length || !('iso' in start) || !values.type) return { errors };
  const request: NewLeaveRequest = { type: values.type, startDate: start.iso, unit: values.unit };
  if (values.unit === 'days') request.endDate = endIso ?? start.iso;
  if (values.unit === 'half_day') request.half = values.half as 'am' | 'pm';
  if (values.unit === 'hours' && minutes !== undefined) request.minutes = minutes;
  if (values.reason.trim()) request.reason = values.reason.trim();
  return { errors, request };
}

/** Which form field a server validation issue is about (`body.startDate` → `start`). */
export function fieldOfIssue(path: string): LeaveField | undefined {
  const last = path.split('.').pop() ?? '';
  const map: Record<string, LeaveField> = { type: 'type', startDate: 'start', endDate: 'end', half: 'half', minutes: 'hours', reason: 'reason' };
  return map[last];
}

/**
 * The working time a request takes, counted as the server counts it (domain/leave/counting.ts): each
 * day's scheduled minutes from the person's absence calendar, bank holidays excluded, half a day
 * rounded up, the given minutes for hours.
 */
export function countMinutes(calendar: AbsenceCalendar, request: Pick<NewLeaveRequest, 'unit' | 'minutes'>): { minutes: number; days: number } {
  let minutes = 0;
  let days = 0;
  for (const day of calendar.days) {
    let m = day.bankHoliday ? 0 : day.scheduledMinutes;
    if (request.unit === 'half_day') m = Math.ceil(m / 2);
    if (request.unit === 'hours' && m > 0) m = request.minutes ?? 0;
    if (m > 0) days++;
    minutes += m;
  }
  return { minutes, days };
}
