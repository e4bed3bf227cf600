export { EsrLeaveRequest } from './esr-leave-request.ts';
export {
  EsrLeaveRequestSubmitEvent,
  EsrLeaveRequestSubmittedEvent,
  EsrLeaveRequestCancelEvent,
  EsrLeaveRequestCancelledEvent,
} from './events.ts';
export { validate as validateLeaveForm, parseDate, parseHours, countMinutes } from './leave-form.ts';
export type { LeaveFormValues, DateParts, FieldError } from './leave-form.ts';
