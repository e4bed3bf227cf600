import type { Messages, StringKey } from '../i18n/types.ts';

/** Strings of <esr-course-catalogue>. `%{name}` marks a placeholder. */
export interface CourseCatalogueStrings {
  catalogueHeading: string;
  catalogueLoading: string;
  catalogueSearchLabel: string;
  catalogueSearchHint: string;
  catalogueSearchButton: string;
  catalogueFilters: string;
  catalogueCategory: string;
  catalogueAllCategories: string;
  catalogueDelivery: string;
  catalogueAvailability: string;
  catalogueHasPlaces: string;
  catalogueFacetCount: string; // %{label} %{count}
  deliveryClassroom: string;
  deliveryVirtual: string;
  deliveryELearning: string;
  catalogueResultsOne: string;
  catalogueResultsOther: string; // %{count}
  catalogueResultsMore: string; // %{shown}
  catalogueShowMore: string;
  catalogueEmptyTitle: string;
  catalogueEmptyBody: string;
  catalogueErrorTitle: string;
  catalogueForbiddenBody: string;
  catalogueNotFoundTitle: string;
  minutesCount: string; // %{count}
  hoursMinutes: string; // %{hours} %{minutes}
  hoursCount: string; // %{hours}
  approvalRequired: string;
  nextSession: string; // %{date} %{venue} %{places}
  noUpcomingSessions: string;
  eLearningAnyTime: string;
  viewSessions: string; // %{count}
  hideSessions: string;
  sessionsLoading: string;
  sessionsFailed: string;
  sessionsNone: string;
  sessionWhen: string; // %{date} %{start} %{end}
  sessionTrainer: string; // %{trainer}
  placesLeftOne: string;
  placesLeftOther: string; // %{count}
  sessionFull: string; // %{count}
  bookingCloses: string; // %{date}
  bookingClosed: string;
  bookPlace: string;
  joinWaitingList: string;
  requestPlace: string;
  startELearning: string;
  youAreBooked: string;
  youAreWaitlisted: string; // %{position}
  youArePending: string;
  bookedOtherSession: string;
  cancelBooking: string;
  leaveWaitingList: string;
  withdrawRequest: string;
  enrolledMessage: string; // %{course}
  waitlistedMessage: string; // %{position} %{course}
  pendingMessage: string; // %{course}
  cancelledMessage: string; // %{course}
  bookingRefusedClosed: string;
  bookingRefusedAlready: string;
  cancellationClosed: string;
  actionFailed: string;
}

/** Keys `t()` accepts in this widget: its own and the common ones. */
export type CourseCatalogueKey = StringKey<CourseCatalogueStrings>;

const enGB: CourseCatalogueStrings = {
  catalogueHeading: 'Find a course',
  catalogueLoading: 'Loading courses…',
  catalogueSearchLabel: 'Search courses',
  catalogueSearchHint: 'For example, sepsis, "basic life support" or leadership',
  catalogueSearchButton: 'Search',
  catalogueFilters: 'Filter courses',
  catalogueCategory: 'Category',
  catalogueAllCategories: 'All categories',
  catalogueDelivery: 'How it is taught',
  catalogueAvailability: 'Availability',
  catalogueHasPlaces: 'Only courses I can book now',
  catalogueFacetCount: '%{label} (%{count})',
  deliveryClassroom: 'Classroom',
  deliveryVirtual: 'Online, live',
  deliveryELearning: 'E-learning',
  catalogueResultsOne: '1 course',
  catalogueResultsOther: '%{count} courses',
  catalogueResultsMore: 'Showing %{shown} courses. There are more.',
  catalogueShowMore: 'Show more courses',
  catalogueEmptyTitle: 'No courses match your search',
  catalogueEmptyBody: 'Try other words, or remove some filters.',
  catalogueErrorTitle: 'We could not load the course catalogue',
  catalogueForbiddenBody: 'Contact your learning and development team.',
  catalogueNotFoundTitle: 'We could not find that course',
  minutesCount: '%{count} minutes',
  hoursMinutes: '%{hours} h %{minutes} min',
  hoursCount: '%{hours} hours',
  approvalRequired: 'Your line manager must approve a place on this course. When you book, we ask them for you.',
  nextSession: 'Next: %{date}, %{venue}, %{places}',
  noUpcomingSessions: 'No sessions with places at the moment',
  eLearningAnyTime: 'Online, at your own pace',
  viewSessions: 'View sessions (%{count})',
  hideSessions: 'Hide sessions',
  sessionsLoading: 'Loading sessions…',
  sessionsFailed: 'We could not load the sessions. Try again.',
  sessionsNone: 'There are no upcoming sessions.',
  sessionWhen: '%{date}, %{start} to %{end}',
  sessionTrainer: 'Trainer: %{trainer}',
  placesLeftOne: '1 place left',
  placesLeftOther: '%{count} places left',
  sessionFull: 'Full, %{count} on the waiting list',
  bookingCloses: 'Book by %{date}',
  bookingClosed: 'Booking has closed',
  bookPlace: 'Book a place',
  joinWaitingList: 'Join the waiting list',
  requestPlace: 'Ask for a place',
  startELearning: 'Enrol on this e-learning',
  youAreBooked: 'You have a place',
  youAreWaitlisted: 'You are number %{position} on the waiting list',
  youArePending: 'Waiting for your line manager to approve',
  bookedOtherSession: 'You are already booked on another session of this course.',
  cancelBooking: 'Cancel my place',
  leaveWaitingList: 'Leave the waiting list',
  withdrawRequest: 'Withdraw my request',
  enrolledMessage: 'You have a place on %{course}.',
  waitlistedMessage: 'You are number %{position} on the waiting list for %{course}.',
  pendingMessage: 'We have asked your line manager to approve your place on %{course}.',
  cancelledMessage: 'You are no longer booked on %{course}.',
  bookingRefusedClosed: 'Booking for this session has closed.',
  bookingRefusedAlready: 'You already have a place or are on the waiting list.',
  cancellationClosed: 'It is too late to cancel online. Contact the training team.',
  actionFailed: 'That did not work. Try again.',
};

// Welsh is fetched the first time this widget renders in Welsh, so English pages never download it.
export const courseCatalogueMessages: Messages<CourseCatalogueStrings> = { 'en-GB': enGB, cy: () => import('./messages.cy.ts').then((m) => m.cy) };
