export { EsrCourseCatalogue } from './esr-course-catalogue.ts';
export {
  EsrCourseEnrolEvent,
  EsrCourseEnrolledEvent,
  EsrCourseEnrolmentCancelEvent,
  EsrCourseEnrolmentCancelledEvent,
  type EsrCourseEnrolEventDetail,
  type EsrCourseEnrolmentEventDetail,
} from './events.ts';
