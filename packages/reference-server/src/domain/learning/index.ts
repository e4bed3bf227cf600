// Learning (ESR's Oracle Learning Management): catalogue, sessions, enrolment with waiting lists and
// approvals, training records and CSTF compliance.
import './approval-type.ts';

export * from './catalogue.ts';
export * from './compliance.ts';
export * from './enrolment.ts';
export * from './problems.ts';
export * from './search.ts';
export * from './subjects.ts';
export * from './types.ts';
export { enrolmentApprovalHandler } from './approval-type.ts';
