// Sickness episodes: recorded by the person's line manager or HR, open-ended until the last day of
// absence is known, with national reason categories and a return-to-work record.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Principal } from '../../auth/principal.ts';
import { recordAudit } from '../../audit/index.ts';
import { employees } from '../../db/schema.ts';
import { returnToWork, sicknessEpisodes } from '../../db/schema-leave.ts';
import { preconditionFailed } from '../../http/etag.ts';
import { ApiProblem, problems } from '../../http/problem.ts';
import { isoOf, todayDay } from '../calendars/dates.ts';
import { loadLeaveFacts } from '../leave/facts.ts';
import type { Queryable, Tx } from '../leave/facts.ts';
import { reasonName, reasonProblems } from './reasons.ts';

export type EpisodeRow = typeof sicknessEpisodes.$inferSelect;
export type ReturnToWorkRow = typeof returnToWork.$inferSelect;

export interface WriteContext { principal: Principal; requestId: string | null; ip: string | null; today?: string }

export interface EpisodeView {
  id: string;
  employeeId: string;
  startDate: string;
  endDate: string | null;
  open: boolean;
  /** null when the caller may not see it. */
  reason: { level1: string; level1Name: string; level2: string | null; level2Name: string | null } | null;
  returnToWork: {
    interviewDate: string; conductedBy: string; fitNoteReceived: boolean; phasedReturn: boolean; adjustments: string | null; notes: string | null;
  } | null;
  recordedBy: string;
  version: number;
}

export function toEpisodeView(row: EpisodeRow, rtw: ReturnToWorkRow | null, showReason: boolean): EpisodeView {
  return {
    id: row.id,
    employeeId: row.employeeId,
    startDate: row.startDate,
    endDate: row.endDate,
    open: row.endDate === null,
    reason: showReason
      ? { level1: row.reasonLevel1, level1Name: reasonName.get(row.reasonLevel1)!, level2: row.reasonLevel2, level2Name: row.reasonLevel2 ? reasonName.get(row.reasonLevel2) ?? null : null }
      : null,
    returnToWork: showReason && rtw
      ? { interviewDate: rtw.interviewDate, conductedBy: rtw.conductedBy, fitNoteReceived: rtw.fitNoteReceived, phasedReturn: rtw.phasedReturn, adjustments: rtw.adjustments, notes: rtw.notes }
      : null,
    recordedBy: row.recordedBy,
    version: row.version,
  };
}

const rule = (code: string, title: string, detail: string, path?: string) =>
  new ApiProblem(422, code, title, detail, path ? { errors: [{ path, message: detail, code }] } : {});

export const sicknessProblems = {
  future: () => rule('sickness_in_future', 'Sickness cannot start in the future', 'Record sickness from its first day, once it has happened.', 'json.startDate'),
  overlap: (id: string) => rule('overlapping_sickness', 'Overlaps another episode', `Episode ${id} covers some of these dates: change that episode instead.`, 'json.startDate'),
  endBeforeStart: () => rule('end_before_start', 'Ends before it starts', 'The last day of absence must be on or after the first.', 'json.endDate'),
  beforeEmployment: (start: string) => rule('outside_employment', 'Before the assignment', `The assignment started on ${start}.`, 'json.startDate'),
};

const invalidReason = (issues: ReturnType<typeof reasonProblems>) => problems.validation(issues);

async function lockPerson(tx: Tx, employeeId: string) {
  // NO KEY UPDATE: excludes every other writer for this person just the same, but unlike UPDATE it does
  // not block rows that merely reference the person (an approval routed to them takes KEY SHARE via its
  // foreign key), so one manager's own request does not stall their whole team's.
  await tx.select({ id: employees.id }).from(employees).where(eq(employees.id, employeeId)).for('no key update');
}

async function checkOverlap(tx: Queryable, employeeId: string, start: string, end: string | null, exceptId?: string) {
  const [clash] = await tx
    .select({ id: sicknessEpisodes.id })
    .from(sicknessEpisodes)
    .where(and(
      eq(sicknessEpisodes.employeeId, employeeId),
      exceptId ? ne(sicknessEpisodes.id, exceptId) : undefined,
      end === null ? undefined : lte(sicknessEpisodes.startDate, end),
      or(isNull(sicknessEpisodes.endDate), gte(sicknessEpisodes.endDate, start)),
    ))
    .limit(1);
  if (clash) throw sicknessProblems.overlap(clash.id);
}

export interface NewEpisode { startDate: string; endDate?: string | null | undefined; reasonLevel1: string; reasonLevel2?: string | null | undefined }

export async function recordEpisode(db: Queryable, ctx: WriteContext, employeeId: string, input: NewEpisode): Promise<EpisodeRow> {
  const issues = reasonProblems(input.reasonLevel1, input.reasonLevel2);
  if (issues.length) throw invalidReason(issues);
  const today = ctx.today ?? isoOf(todayDay());
  if (input.startDate > today) throw sicknessProblems.future();
  const end = input.endDate ?? null;
  if (end !== null && end < input.startDate) throw sicknessProblems.endBeforeStart();
  return db.transaction(async (tx) => {
    await lockPerson(tx, employeeId);
    const facts = await loadLeaveFacts(tx, employeeId);
    if (!facts) throw problems.notFound(`Assignment of ${employeeId}`);
    if (input.startDate < facts.assignment.startDate) throw sicknessProblems.beforeEmployment(facts.assignment.startDate);
    await checkOverlap(tx, employeeId, input.startDate, end);
    const [row] = await tx
      .insert(sicknessEpisodes)
      .values({
        id: `sck_${randomUUID().replaceAll('-', '')}`,
        organisationId: facts.organisationId,
        employeeId,
        assignmentId: facts.assignment.id,
        orgUnitId: facts.assignment.orgUnitId,
        contractedMinutes: facts.assignment.contractedMinutesPerWeek,
        startDate: input.startDate,
        endDate: end,
        reasonLevel1: input.reasonLevel1,
        reasonLevel2: input.reasonLevel2 ?? null,
        recordedBy: ctx.principal.employeeId,
      })
      .returning();
    // The reason is health data: the audit says a reason was recorded, never which.
    await recordAudit(tx, { ...ctx, action: 'create', resource: 'sickness_episode', subjectEmployeeId: employeeId, changes: { startDate: { to: input.startDate }, reason: { to: '[recorded]' } } });
    return row!;
  });
}

export interface EpisodePatch {
  endDate?: string | null | undefined;
  reasonLevel1?: string | undefined;
  reasonLevel2?: string | null | undefined;
  returnToWork?: { interviewDate: string; fitNoteReceived?: boolean | undefined; phasedReturn?: boolean | undefined; adjustments?: string | null | undefined; notes?: string | null | undefined } | undefined;
}

export async function updateEpisode(db: Queryable, ctx: WriteContext, employeeId: string, id: string, expectedVersion: number, patch: EpisodePatch): Promise<EpisodeRow> {
  return db.transaction(async (tx) => {
    await lockPerson(tx, employeeId);
    const [row] = await tx.select().from(sicknessEpisodes).where(and(eq(sicknessEpisodes.id, id), eq(sicknessEpisodes.employeeId, employeeId))).limit(1);
    if (!row) throw problems.notFound(`Sickness episode ${id}`);
    if (row.version !== expectedVersion) throw preconditionFailed(row.version);
    const level1 = patch.reasonLevel1 ?? row.reasonLevel1;
    const level2 = patch.reasonLevel2 !== undefined ? patch.reasonLevel2 : patch.reasonLevel1 && patch.reasonLevel1 !== row.reasonLevel1 ? null : row.reasonLevel2;
    const issues = reasonProblems(level1, level2);
    if (issues.length) throw invalidReason(issues);
    const end = patch.endDate !== undefined ? patch.endDate : row.endDate;
    if (end !== null && end < row.startDate) throw sicknessProblems.endBeforeStart();
    if (patch.endDate !== undefined) await checkOverlap(tx, employeeId, row.startDate, end, id);
    const [updated] = await tx
      .update(sicknessEpisodes)
      .set({ endDate: end, reasonLevel1: level1, reasonLevel2: level2, version: sql`${sicknessEpisodes.version} + 1`, updatedAt: sql`now()` })
      .where(eq(sicknessEpisodes.id, id))
      .returning();
    if (patch.returnToWork) {
      const r = patch.returnToWork;
      const values = { interviewDate: r.interviewDate, conductedBy: ctx.principal.employeeId, fitNoteReceived: r.fitNoteReceived ?? false, phasedReturn: r.phasedReturn ?? false, adjustments: r.adjustments ?? null, notes: r.notes ?? null };
      await tx.insert(returnToWork).values({ episodeId: id, ...values }).onConflictDoUpdate({ target: returnToWork.episodeId, set: { ...values, recordedAt: sql`now()` } });
    }
    const changes: Record<string, { from?: string | null; to?: string | null }> = {};
    if (patch.endDate !== undefined) changes['endDate'] = { from: row.endDate, to: end };
    if (patch.reasonLevel1 !== undefined || patch.reasonLevel2 !== undefined) changes['reason'] = { to: '[changed]' };
    if (patch.returnToWork) changes['returnToWork'] = { to: '[recorded]' };
    await recordAudit(tx, { ...ctx, action: 'update', resource: 'sickness_episode', subjectEmployeeId: employeeId, changes });
    return updated!;
  });
}

export async function listEpisodes(db: Queryable, employeeId: string, options: { limit?: number; after?: [string, string] } = {}): Promise<EpisodeRow[]> {
  const t = sicknessEpisodes;
  return db
    .select()
    .from(t)
    .where(and(eq(t.employeeId, employeeId), options.after ? or(sql`${t.startDate} < ${options.after[0]}`, and(eq(t.startDate, options.after[0]), sql`${t.id} < ${options.after[1]}`)) : undefined))
    .orderBy(desc(t.startDate), desc(t.id))
    .limit(options.limit === undefined ? 10_000 : options.limit + 1);
}

export async function returnToWorkOf(db: Queryable, ids: string[]): Promise<Map<string, ReturnToWorkRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(returnToWork).where(sql`${returnToWork.episodeId} IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.episodeId, r]));
}
