// The integrators' event feed: approval and request state changes, per organisation, newest last.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/migrate.ts';
import { events } from '../../db/schema-approvals.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Tx } from './types.ts';

export interface EventInput {
  organisationId: string;
  /** Dotted, e.g. 'approval.approved', 'leave.request_cancelled'. */
  type: string;
  resourceType: string;
  resourceId: string;
  subjectEmployeeId?: string | null;
  actorEmployeeId?: string | null;
  /** Employees (besides the organisation's HR admins) who may read the event. */
  audience: Array<string | null | undefined>;
  data?: Record<string, unknown>;
}

export interface EventView {
  id: string;
  type: string;
  occurredAt: string;
  resourceType: string;
  resourceId: string;
  subjectEmployeeId: string | null;
  actorEmployeeId: string | null;
  data: Record<string, unknown>;
}

/**
 * Appends an event inside the caller's transaction. It takes a per-organisation transaction lock
 * first, so events of one organisation get ids in commit order and a cursor never skips one that
 * commits late. Call it as the last write of the transaction (after your row updates).
 */
export async function emitEvent(tx: Tx | Db, input: EventInput): Promise<number> {
  const audience = [...new Set(input.audience.filter((a): a is string => typeof a === 'string'))];
  // Lock and insert in one statement: the lock is held until commit, so every round trip saved
  // here is time the organisation's other writers do not wait. The row (and its id) is made only
  // after the lock is granted: the insert reads its one row from the lock's subquery.
  const [row] = rowsOf<{ id: number | string }>(
    await tx.execute(sql`INSERT INTO ${events} (organisation_id, type, resource_type, resource_id, subject_employee_id, actor_employee_id, audience, data)
      SELECT ${input.organisationId}, ${input.type}, ${input.resourceType}, ${input.resourceId}, ${input.subjectEmployeeId ?? null}, ${input.actorEmployeeId ?? null},
        ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(audience)}::jsonb)), ${JSON.stringify(input.data ?? {})}::jsonb
      FROM (SELECT pg_advisory_xact_lock(727275, hashtext(${input.organisationId}))) AS organisation_event_lock
      RETURNING id`),
  );
  return Number(row!.id);
}

/**
 * The newest event id of the organisation (0 when it has none): a starting point for following the
 * feed from now on. Ids of one organisation are given in commit order (see emitEvent), so nothing
 * committed later can get a smaller id. Organisation-wide, so it reveals no more than any event id.
 */
export async function latestEventId(db: Db, organisationId: string): Promise<number> {
  const [row] = await db.select({ id: sql<string | number | null>`max(${events.id})` }).from(events).where(eq(events.organisationId, organisationId));
  return Number(row?.id ?? 0);
}

/** HR admins see all of their organisation's events; others those whose audience includes them. */
export async function listEvents(db: Db, principal: Principal, options: { after: number | undefined; limit: number }) {
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.organisationId, principal.organisationId),
        options.after === undefined ? undefined : gt(events.id, options.after),
        principal.roles.includes('hr_admin') ? undefined : sql`${events.audience} @> ARRAY[${principal.employeeId}]::text[]`,
      ),
    )
    .orderBy(asc(events.id))
    .limit(options.limit + 1);
  return rows;
}

export function toEventView(row: typeof events.$inferSelect): EventView {
  return {
    id: String(row.id),
    type: row.type,
    occurredAt: new Date(row.occurredAt).toISOString(),
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    subjectEmployeeId: row.subjectEmployeeId,
    actorEmployeeId: row.actorEmployeeId,
    data: row.data,
  };
}
