// Learning's business-rule refusals: 422 (or 409 for state) problem+json with a stable code and, where a
// field is at fault, errors[] naming it.
import { ApiProblem } from '../../http/problem.ts';

const rule = (code: string, title: string, detail: string, path?: string) =>
  new ApiProblem(422, code, title, detail, path ? { errors: [{ path, message: detail, code }] } : {});
const conflict = (code: string, title: string, detail: string) => new ApiProblem(409, code, title, detail);

export const learningProblems = {
  courseNotFound: (id: string) => new ApiProblem(404, 'not_found', 'Not found', `Course ${id} was not found.`),
  sessionNotFound: (id: string) => new ApiProblem(404, 'not_found', 'Not found', `Session ${id} was not found.`),
  enrolmentNotFound: (id: string) => new ApiProblem(404, 'not_found', 'Not found', `Enrolment ${id} was not found.`),
  learningAdminOnly: () => new ApiProblem(403, 'forbidden', 'Not allowed', 'Only learning admins of this organisation may do this.'),
  duplicateCourseCode: (code: string) => conflict('duplicate_course_code', 'Course code in use', `Another course of your organisation has code ${code}.`),
  unknownSubject: (path: string, code: string) => rule('unknown_subject', 'Unknown subject', `${code} is not a Core Skills Training Framework subject code.`, path),
  sessionsNotForELearning: () =>
    rule('e_learning_has_no_sessions', 'E-learning has no sessions', 'E-learning courses are enrolled on directly: give courseId, not a session.', 'json.sessionId'),
  sessionRequired: () =>
    rule('session_required', 'Choose a session', 'Classroom and virtual courses are booked on a session: give sessionId.', 'json.courseId'),
  courseWithdrawn: () => rule('course_withdrawn', 'Course withdrawn', 'This course is no longer offered.', 'json.courseId'),
  sessionCancelled: () => rule('session_cancelled', 'Session cancelled', 'This session has been cancelled: choose another.', 'json.sessionId'),
  bookingClosed: (deadline: string) =>
    rule('booking_closed', 'Booking has closed', `Bookings for this session closed at ${deadline}.`, 'json.sessionId'),
  cancellationClosed: (deadline: string) =>
    rule('cancellation_closed', 'Too late to cancel', `Cancellations closed at ${deadline}: ask your learning and development team.`),
  alreadyEnrolled: (existing: string) =>
    conflict('already_enrolled', 'Already enrolled', `There is already a live enrolment (${existing}) on this course for this person.`),
  invalidTransition: (from: string, action: string) =>
    conflict('invalid_transition', 'Not possible in this state', `A ${from.replaceAll('_', ' ')} enrolment cannot be ${action}.`),
  capacityBelowEnrolled: (enrolled: number) =>
    rule('capacity_below_enrolled', 'Capacity below places taken', `${enrolled} places are already taken: capacity cannot be lower.`, 'json.capacity'),
  notELearning: () => rule('not_e_learning', 'Not e-learning', 'Only e-learning completion is recorded by the learner; classroom completion is recorded by learning admins.'),
  completionInFuture: () => rule('completion_in_future', 'Completion date in the future', 'completedOn cannot be after today.', 'json.completedOn'),
  noAssignment: (employeeId: string) => new ApiProblem(422, 'no_assignment', 'No assignment', `${employeeId} has no current assignment.`),
};
