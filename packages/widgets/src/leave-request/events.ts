import type { LeaveRequest, NewLeaveRequest } from '@esr/sdk';

/** Before a leave request is sent: `preventDefault()` stops it (e.g. to confirm in the page's own dialog). */
export class EsrLeaveRequestSubmitEvent extends Event {
  static readonly eventName = 'esr-leave-request-submit';
  readonly detail: { readonly request: NewLeaveRequest };
  constructor(detail: { request: NewLeaveRequest }) {
    super(EsrLeaveRequestSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/** The server accepted a leave request; `detail.leaveRequest` is it (status `pending`, or `draft`). */
export class EsrLeaveRequestSubmittedEvent extends Event {
  static readonly eventName = 'esr-leave-request-submitted';
  readonly detail: { readonly leaveRequest: LeaveRequest };
  constructor(detail: { leaveRequest: LeaveRequest }) {
    super(EsrLeaveRequestSubmittedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Before one of the person's requests is cancelled: `preventDefault()` keeps it. */
export class EsrLeaveRequestCancelEvent extends Event {
  static readonly eventName = 'esr-leave-request-cancel';
  readonly detail: { readonly leaveRequest: LeaveRequest };
  constructor(detail: { leaveRequest: LeaveRequest }) {
    super(EsrLeaveRequestCancelEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/** A request was cancelled (its time is back in the balance). */
export class EsrLeaveRequestCancelledEvent extends Event {
  static readonly eventName = 'esr-leave-request-cancelled';
  readonly detail: { readonly leaveRequest: LeaveRequest };
  constructor(detail: { leaveRequest: LeaveRequest }) {
    super(EsrLeaveRequestCancelledEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-leave-request-submit': EsrLeaveRequestSubmitEvent;
    'esr-leave-request-submitted': EsrLeaveRequestSubmittedEvent;
    'esr-leave-request-cancel': EsrLeaveRequestCancelEvent;
    'esr-leave-request-cancelled': EsrLeaveRequestCancelledEvent;
  }
}
