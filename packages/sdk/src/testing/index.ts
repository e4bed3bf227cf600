// Test helpers for integrators and for ESR Kit's own widget tests and stories.
export { p60SummaryFixtures, payslipCalculationFixture, payslipFixture, payslipSummaryFixtures } from './fixtures.ts';
export { createPayslipHandlers, problem } from './handlers.ts';
export type { PayslipHandlerOptions, PayslipScenario } from './handlers.ts';
export { bankDetailsFixture, equalityDiversityFixture, personalDetailsFixture, profileFixture, teamFixtures } from './people-fixtures.ts';
export { createPeopleHandlers } from './people-handlers.ts';
export type { PeopleHandlerOptions, PeopleScenario } from './people-handlers.ts';
export { absenceAsOf, absenceRateFixtures, bradfordFor, sicknessEpisodeFixtures } from './absence-fixtures.ts';
export { createAbsenceHandlers } from './absence-handlers.ts';
export type { AbsenceHandlerOptions, AbsenceScenario } from './absence-handlers.ts';
export { complianceMatrixFixture, teamComplianceFixtures } from './compliance-fixtures.ts';
export { courseFixtures, createLearningHandlers } from './learning-handlers.ts';
export type { LearningHandlerOptions, LearningScenario } from './learning-handlers.ts';
