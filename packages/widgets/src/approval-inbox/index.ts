export { EsrApprovalInbox } from './esr-approval-inbox.ts';
export { EsrApprovalDecideEvent, EsrApprovalDecidedEvent, type EsrApprovalDecideEventDetail, type EsrApprovalDecidedEventDetail } from './events.ts';
