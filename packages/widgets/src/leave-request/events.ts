import type { LeaveRequest, NewLeaveRequest } from '@esr/sdk';
import { esrEvent } from '../internal/esr-event.ts';

/** Before a leave request is sent: `preventDefault()` stops it (e.g. to confirm in the page's own dialog). */
export class EsrLeaveRequestSubmitEvent extends esrEvent<{ readonly request: NewLeaveRequest }>('esr-leave-request-submit', true) {}

/** The server accepted a leave request; `detail.leaveRequest` is it (status `pending`, or `draft`). */
export class EsrLeaveRequestSubmittedEvent extends esrEvent<{ readonly leaveRequest: LeaveRequest }>('esr-leave-request-submitted') {}

/** Before one of the person's requests is cancelled: `preventDefault()` keeps it. */
export class EsrLeaveRequestCancelEvent extends esrEvent<{ readonly leaveRequest: LeaveRequest }>('esr-leave-request-cancel', true) {}

/** A request was cancelled (its time is back in the balance). */
export class EsrLeaveRequestCancelledEvent extends esrEvent<{ readonly leaveRequest: LeaveRequest }>('esr-leave-request-cancelled') {}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-leave-request-submit': EsrLeaveRequestSubmitEvent;
    'esr-leave-request-submitted': EsrLeaveRequestSubmittedEvent;
    'esr-leave-request-cancel': EsrLeaveRequestCancelEvent;
    'esr-leave-request-cancelled': EsrLeaveRequestCancelledEvent;
  }
}
