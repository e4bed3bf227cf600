// The leave and absence business-rule refusals: 422 (or 409 for state) problem+json with a stable code
// and, where a field is at fault, errors[] naming it.
import { ApiProblem } from '../../http/problem.ts';

const rule = (code: string, title: string, detail: string, path?: string) =>
  new ApiProblem(422, code, title, detail, path ? { errors: [{ path, message: detail, code }] } : {});

export const formatMinutes = (minutes: number): string => {
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  const r = m % 60;
  return `${sign}${h} h${r ? ` ${r} min` : ''}`;
};

export const leaveProblems = {
  inPast: () => rule('leave_in_past', 'Leave cannot start in the past', 'The start date is before today: past absence is recorded by your manager, not requested.', 'json.startDate'),
  outsideEmployment: (from: string, to: string | null) =>
    rule('outside_employment', 'Outside your employment', `The dates must fall within your assignment (${from} to ${to ?? 'no end date'}).`, 'json.startDate'),
  spansLeaveYears: (yearEnd: string) =>
    rule('spans_leave_years', 'Request crosses leave years', `The leave year ends on ${yearEnd}: make one request for each leave year.`, 'json.endDate'),
  noWorkingTime: () =>
    rule('no_working_time', 'No working time in these dates', 'You are not scheduled to work on these dates (days off or bank holidays already granted), so there is nothing to request.', 'json.startDate'),
  hoursExceedDay: (scheduled: number) =>
    rule('hours_exceed_day', 'More hours than you work that day', `You are scheduled for ${formatMinutes(scheduled)} that day.`, 'json.minutes'),
  insufficientNotice: (needDays: number, earliest: string) =>
    rule('insufficient_notice', 'Not enough notice', `Annual leave of this length needs ${needDays} days’ notice: the earliest start is ${earliest}.`, 'json.startDate'),
  overlap: (otherId: string, from: string, to: string) =>
    rule('overlapping_request', 'You already have leave on these dates', `Request ${otherId} (${from} to ${to}) overlaps these dates.`, 'json.startDate'),
  insufficientBalance: (asked: number, available: number, kind: string) =>
    rule('insufficient_balance', 'Not enough leave left', `You asked for ${formatMinutes(asked)} of ${kind === 'toil' ? 'time off in lieu' : 'annual leave'}; ${formatMinutes(Math.max(0, available))} is available.`),
  alreadyStarted: () => rule('leave_already_started', 'Leave has started', 'Approved leave that has already started cannot be cancelled here: ask HR to correct the record.'),
  invalidTransition: (from: string, action: string) =>
    new ApiProblem(409, 'invalid_transition', 'Not possible in this state', `A ${from} request cannot be ${action}.`),
  notPending: (id: string, status: string) =>
    new ApiProblem(409, 'leave_request_not_pending', 'Leave request is no longer pending', `Leave request ${id} is ${status}; it can no longer be decided.`),
  noAssignment: (employeeId: string) => new ApiProblem(422, 'no_assignment', 'No assignment', `${employeeId} has no assignment to take leave from.`),
};
