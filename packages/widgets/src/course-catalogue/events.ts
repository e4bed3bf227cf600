import type { ClassSession, CourseSearchItem, Enrolment } from '@esr/sdk';
import { esrEvent } from '../internal/esr-event.ts';

export interface EsrCourseEnrolEventDetail {
  readonly course: CourseSearchItem;
  /** The session to book; undefined for e-learning. */
  readonly session: ClassSession | undefined;
}

/** Fired by `<esr-course-catalogue>` before it books a place. Cancelable: `preventDefault()` stops the booking. */
export class EsrCourseEnrolEvent extends esrEvent<EsrCourseEnrolEventDetail>('esr-course-enrol', true) {}

export interface EsrCourseEnrolmentEventDetail {
  /** The enrolment as the server answered: `enrolled`, `waitlisted`, `pending_approval` or `cancelled`. */
  readonly enrolment: Enrolment;
}

/** Fired after a place was booked, a waiting list joined or approval asked for. */
export class EsrCourseEnrolledEvent extends esrEvent<EsrCourseEnrolmentEventDetail>('esr-course-enrolled') {}

/** Fired before cancelling a place (or leaving a waiting list). Cancelable. */
export class EsrCourseEnrolmentCancelEvent extends esrEvent<EsrCourseEnrolmentEventDetail>('esr-course-enrolment-cancel', true) {}

/** Fired after a place was cancelled (or a waiting list left, or a request withdrawn). */
export class EsrCourseEnrolmentCancelledEvent extends esrEvent<EsrCourseEnrolmentEventDetail>('esr-course-enrolment-cancelled') {}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-course-enrol': EsrCourseEnrolEvent;
    'esr-course-enrolled': EsrCourseEnrolledEvent;
    'esr-course-enrolment-cancel': EsrCourseEnrolmentCancelEvent;
    'esr-course-enrolment-cancelled': EsrCourseEnrolmentCancelledEvent;
  }
}
