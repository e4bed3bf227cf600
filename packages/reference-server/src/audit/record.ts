// The audit trail: who did or read what, to whom, when (UTC, the database clock) and from where.
// `audit_events` is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
import type { Context } from 'hono';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { auditEvents } from '../db/schema.ts';
import { maskChanges } from './masking.ts';
import type { FieldChange } from './masking.ts';

/** A database handle or a transaction: record inside the write's transaction when there is one. */
export type AuditDb = Pick<Db, 'insert'>;

export interface AuditEntry {
  principal: Principal;
  /** What happened: `read`, `create`, `update`, `delete`, `request`, `approve`, … */
  action: string;
  /** Which kind of record: `personal_details`, `bank_details`, `name_change`, … */
  resource: string;
  /** Whose record it is, when it is a person's. */
  subjectEmployeeId?: string | null | undefined;
  /** Field → { from, to }; every value is masked before it is stored. */
  changes?: Record<string, FieldChange> | null | undefined;
  ip?: string | null | undefined;
  requestId?: string | null | undefined;
}

/** Appends one audit event; returns its id. Values in `changes` are masked (see maskValue). */
export async function recordAudit(db: AuditDb, entry: AuditEntry): Promise<number> {
  const [row] = await db.insert(auditEvents).values(auditRowOf(entry)).returning({ id: auditEvents.id });
  return row!.id;
}

/** The audit_events row of an entry, values masked: for writes that insert it in their own SQL. */
export function auditRowOf(entry: AuditEntry) {
  if (!entry.action || !entry.resource) throw new Error('recordAudit: action and resource are required');
  const changes = entry.changes && Object.keys(entry.changes).length > 0 ? maskChanges(entry.changes) : null;
  return {
    organisationId: entry.principal.organisationId,
    actorEmployeeId: entry.principal.employeeId,
    action: entry.action,
    resource: entry.resource,
    subjectEmployeeId: entry.subjectEmployeeId ?? null,
    changes,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
  };
}

/**
 * Audits a read of someone else's sensitive data (action `read`). Reading your own record is not
 * audited. Returns whether an event was written.
 */
export async function auditRead(
  db: AuditDb,
  entry: Omit<AuditEntry, 'action' | 'changes' | 'subjectEmployeeId'> & { subjectEmployeeId: string },
): Promise<boolean> {
  if (entry.subjectEmployeeId === entry.principal.employeeId) return false;
  await recordAudit(db, { ...entry, action: 'read' });
  return true;
}

/** The who / from where of the current request: spread it into recordAudit / auditRead. */
export function auditContext(c: Context): { principal: Principal; requestId: string | null; ip: string | null } {
  return {
    principal: c.get('principal') as Principal,
    requestId: (c.get('requestId') as string | undefined) ?? null,
    ip: (c.get('clientIp') as string | null | undefined) ?? null,
  };
}
