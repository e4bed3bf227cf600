// Reading the audit trail (HR admins): one organisation's events, newest first, keyset-paged.
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { auditEvents } from '../db/schema.ts';

export interface AuditFilter {
  organisationId: string;
  subjectEmployeeId?: string | undefined;
  actorEmployeeId?: string | undefined;
  action?: string | undefined;
  /** Inclusive lower bound. */
  from?: Date | undefined;
  /** Exclusive upper bound. */
  to?: Date | undefined;
}

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** Cursor key: the row's `occurred_at` exactly as the database wrote it (microseconds), and its id. */
export type AuditCursor = [occurredAt: string, id: number];

export async function listAuditEvents(db: Db, filter: AuditFilter, page: { limit: number; after?: AuditCursor | undefined }): Promise<AuditEventRow[]> {
  const t = auditEvents;
  const where: SQL[] = [eq(t.organisationId, filter.organisationId)];
  if (filter.subjectEmployeeId) where.push(eq(t.subjectEmployeeId, filter.subjectEmployeeId));
  if (filter.actorEmployeeId) where.push(eq(t.actorEmployeeId, filter.actorEmployeeId));
  if (filter.action) where.push(eq(t.action, filter.action));
  if (filter.from) where.push(gte(t.occurredAt, filter.from.toISOString()));
  if (filter.to) where.push(lt(t.occurredAt, filter.to.toISOString()));
  if (page.after) {
    const [at, id] = page.after;
    where.push(sql`(${t.occurredAt}, ${t.id}) < (${at}::timestamptz, ${id}::bigint)`);
  }
  return db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.occurredAt), desc(t.id))
    .limit(page.limit + 1);
}
