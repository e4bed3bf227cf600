// Every operation in the server's OpenAPI document has an SDK method: a new route without one fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createEsrClient } from '../src/index.ts';
import type { EsrClient } from '../src/index.ts';

const document = JSON.parse(readFileSync(new URL('../../reference-server/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string }>>;
};

/** operationId → the SDK method that calls it. */
const methods: Record<string, (c: EsrClient) => unknown> = {
  listDemoPeople: (c) => c.demo.people,
  demoSignIn: (c) => c.demo.signIn,
  listMyPayslips: (c) => c.payslips.list,
  getMyLatestPayslip: (c) => c.payslips.latest,
  getMyPayslip: (c) => c.payslips.get,
  getMyPayslipPdf: (c) => c.payslips.pdf,
  listMyP60s: (c) => c.p60s.list,
  getMyP60: (c) => c.p60s.get,
  getMyP60Pdf: (c) => c.p60s.pdf,
  getMe: (c) => c.me.get,
  listMyTeam: (c) => c.me.team,
  getProfile: (c) => c.people.get,
  getPersonalDetails: (c) => c.people.personalDetails,
  updatePersonalDetails: (c) => c.people.updatePersonalDetails,
  requestNameChange: (c) => c.people.requestNameChange,
  getBankDetails: (c) => c.people.bankDetails,
  replaceBankDetails: (c) => c.people.replaceBankDetails,
  getEqualityDiversity: (c) => c.people.equalityDiversity,
  declareEqualityDiversity: (c) => c.people.declareEqualityDiversity,
  listPersonPayslips: (c) => c.people.payslips,
  getPersonPayslip: (c) => c.people.payslip,
  getPersonPayslipPdf: (c) => c.people.payslipPdf,
  calculatePayrollPeriod: (c) => c.payroll.calculate,
  startPayrollRun: (c) => c.payroll.runs.start,
  listPayrollRuns: (c) => c.payroll.runs.list,
  getPayrollRun: (c) => c.payroll.runs.get,
  rollBackPayrollRun: (c) => c.payroll.runs.rollback,
  finalisePayrollRun: (c) => c.payroll.runs.finalise,
  listAuditEvents: (c) => c.audit.list,
  listApprovals: (c) => c.approvals.list,
  getApproval: (c) => c.approvals.get,
  decideApproval: (c) => c.approvals.decide,
  respondToApproval: (c) => c.approvals.respond,
  withdrawApproval: (c) => c.approvals.withdraw,
  bulkApprove: (c) => c.approvals.bulkApprove,
  getMyDelegation: (c) => c.me.delegation.get,
  setMyDelegation: (c) => c.me.delegation.set,
  clearMyDelegation: (c) => c.me.delegation.clear,
  listEvents: (c) => c.events.list,
  searchCourses: (c) => c.courses.search,
  getCourseFacets: (c) => c.courses.facets,
  getCourse: (c) => c.courses.get,
  createCourse: (c) => c.courses.create,
  updateCourse: (c) => c.courses.update,
  createClassSession: (c) => c.courses.sessions.create,
  getClassSession: (c) => c.courses.sessions.get,
  updateClassSession: (c) => c.courses.sessions.update,
  listSessionEnrolments: (c) => c.courses.sessions.register,
  enrol: (c) => c.enrolments.enrol,
  listEnrolments: (c) => c.enrolments.list,
  getEnrolment: (c) => c.enrolments.get,
  cancelEnrolment: (c) => c.enrolments.cancel,
  markAttendance: (c) => c.enrolments.markAttendance,
  completeEnrolment: (c) => c.enrolments.complete,
  listLearningSubjects: (c) => c.compliance.subjects,
  listLearningRequirements: (c) => c.compliance.requirements.list,
  createLearningRequirement: (c) => c.compliance.requirements.create,
  deleteLearningRequirement: (c) => c.compliance.requirements.delete,
  getComplianceMatrix: (c) => c.compliance.matrix,
  listTrainingRecords: (c) => c.compliance.trainingRecords.list,
  recordTraining: (c) => c.compliance.trainingRecords.record,
  getTeamCompliance: (c) => c.compliance.team,
  getComplianceBySubject: (c) => c.compliance.bySubject,
  getLeaveEntitlement: (c) => c.leave.entitlement,
  getLeaveBalances: (c) => c.leave.balances,
  getWorkingPattern: (c) => c.leave.workingPattern,
  setWorkingPattern: (c) => c.leave.setWorkingPattern,
  listLeaveRequests: (c) => c.leave.requests.list,
  createLeaveRequest: (c) => c.leave.requests.create,
  getLeaveRequest: (c) => c.leave.requests.get,
  submitLeaveRequest: (c) => c.leave.requests.submit,
  cancelLeaveRequest: (c) => c.leave.requests.cancel,
  adjustLeaveBalance: (c) => c.leave.adjustBalance,
  getTeamCalendar: (c) => c.me.teamCalendar,
  getAbsenceCalendar: (c) => c.absence.calendar,
  listBankHolidays: (c) => c.calendars.bankHolidays,
  recordSicknessEpisode: (c) => c.absence.sickness.record,
  listSicknessEpisodes: (c) => c.absence.sickness.list,
  getSicknessEpisode: (c) => c.absence.sickness.get,
  updateSicknessEpisode: (c) => c.absence.sickness.update,
  getSickPay: (c) => c.absence.sickPay,
  getSickPayForPeriod: (c) => c.absence.sickPayForPeriod,
  getBradfordFactor: (c) => c.absence.bradfordFactor,
  getAbsenceRates: (c) => c.absence.rates,
  listSicknessReasons: (c) => c.absence.reasons,
  getWorkforceComposition: (c) => c.analytics.composition,
  getWorkforceTurnover: (c) => c.analytics.turnover,
  getWorkforceDiversity: (c) => c.analytics.diversity,
  getAbsenceAnalytics: (c) => c.analytics.absence,
};

test('every route in the OpenAPI document has an SDK method', () => {
  const client = createEsrClient({ baseUrl: 'http://esr.test' });
  const operations = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
  const missing = operations.filter((id) => !(id in methods));
  assert.deepEqual(missing, [], `operations without an SDK method: ${missing.join(', ')}`);
  for (const id of operations) assert.equal(typeof methods[id]!(client), 'function', `${id} maps to no function`);
  const stale = Object.keys(methods).filter((id) => !operations.includes(id));
  assert.deepEqual(stale, [], 'methods mapped to operations the server no longer has');
});
