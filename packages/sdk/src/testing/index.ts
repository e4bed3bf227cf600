// Test helpers for integrators and for ESR Kit's own widget tests and stories.
export { payslipFixture, payslipSummaryFixtures } from './fixtures.ts';
export { createPayslipHandlers, problem } from './handlers.ts';
export type { PayslipHandlerOptions, PayslipScenario } from './handlers.ts';
