export { auditContext, auditRead, auditRowOf, recordAudit } from './record.ts';
export type { AuditDb, AuditEntry } from './record.ts';
export { maskChanges, maskEmail, maskPhone, maskValue, redactText } from './masking.ts';
export type { FieldChange } from './masking.ts';
export { listAuditEvents } from './query.ts';
export type { AuditCursor, AuditEventRow, AuditFilter } from './query.ts';
