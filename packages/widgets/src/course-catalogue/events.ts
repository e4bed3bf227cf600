import type { ClassSession, CourseSearchItem, Enrolment } from '@esr/sdk';

export interface EsrCourseEnrolEventDetail {
  readonly course: CourseSearchItem;
  /** The session to book; undefined for e-learning. */
  readonly session: ClassSession | undefined;
}

/** Fired by `<esr-course-catalogue>` before it books a place. Cancelable: `preventDefault()` stops the booking. */
export class EsrCourseEnrolEvent extends Event {
  static readonly eventName = 'esr-course-enrol';
  readonly detail: EsrCourseEnrolEventDetail;
  constructor(detail: EsrCourseEnrolEventDetail) {
    super(EsrCourseEnrolEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

export interface EsrCourseEnrolmentEventDetail {
  /** The enrolment as the server answered: `enrolled`, `waitlisted`, `pending_approval` or `cancelled`. */
  readonly enrolment: Enrolment;
}

/** Fired after a place was booked, a waiting list joined or approval asked for. */
export class EsrCourseEnrolledEvent extends Event {
  static readonly eventName = 'esr-course-enrolled';
  readonly detail: EsrCourseEnrolmentEventDetail;
  constructor(detail: EsrCourseEnrolmentEventDetail) {
    super(EsrCourseEnrolledEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Fired before cancelling a place (or leaving a waiting list). Cancelable. */
export class EsrCourseEnrolmentCancelEvent extends Event {
  static readonly eventName = 'esr-course-enrolment-cancel';
  readonly detail: EsrCourseEnrolmentEventDetail;
  constructor(detail: EsrCourseEnrolmentEventDetail) {
    super(EsrCourseEnrolmentCancelEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/** Fired after a place was cancelled (or a waiting list left, or a request withdrawn). */
export class EsrCourseEnrolmentCancelledEvent extends Event {
  static readonly eventName = 'esr-course-enrolment-cancelled';
  readonly detail: EsrCourseEnrolmentEventDetail;
  constructor(detail: EsrCourseEnrolmentEventDetail) {
    super(EsrCourseEnrolmentCancelledEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-course-enrol': EsrCourseEnrolEvent;
    'esr-course-enrolled': EsrCourseEnrolledEvent;
    'esr-course-enrolment-cancel': EsrCourseEnrolmentCancelEvent;
    'esr-course-enrolment-cancelled': EsrCourseEnrolmentCancelledEvent;
  }
}
