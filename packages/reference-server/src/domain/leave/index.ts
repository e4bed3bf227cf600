// Leave: AfC entitlement in hours, balances, requests and their approval, calendars.
import './approval-type.ts';

export * from './entitlement.ts';
export * from './facts.ts';
export * from './counting.ts';
export * from './balances.ts';
export * from './requests.ts';
export * from './calendar.ts';
export { leaveProblems, formatMinutes } from './problems.ts';
export { leaveApprovalHandler } from './approval-type.ts';
