// Payroll runs: pay elements from the HR data, batch execution (resumable), and the run records.
export {
  basicDescription, computeMonthlyPayslip, daysWorkedInMonth, deductionLines, emptyYearToDate, enhancementPence, formatHours, isAfcBand,
  monthlyBasicPence, overtimePence, taxMonth,
} from './pay-elements.ts';
export type { ComputedPayslip, PayAssignment, PayClaimInput, PayslipInput, PreviousPayslip, SickPayDays } from './pay-elements.ts';
export {
  PayrollRunEmployeeError, countEligibleAssignments, databaseOf, defaultBatchSize, releaseStaleLeases, resumeInterruptedRuns, startPayrollWorkers, startRunWorker,
  stopPayrollRuns, waitForRun, waitForRunEnd,
} from './runner.ts';
export type { PayrollRunOptions, PayrollWorkers, RunDatabase, RunOutcome } from './runner.ts';
export { finaliseRun, findRun, listRuns, requirePayrollAdmin, rollBackRun, runProblems, startRun, toRunView } from './run-store.ts';
export type { PayrollRunRow, PayrollRunView, StartRunInput } from './run-store.ts';
