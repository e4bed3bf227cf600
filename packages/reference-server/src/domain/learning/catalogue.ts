// The course catalogue: courses and their class sessions, written by learning admins and searched by
// everyone in the organisation. Places left and waiting-list length are read live from the session's
// counter and its waiting list.
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import { classSessions, courses, enrolments } from '../../db/schema-learning.ts';
import type { CourseStatus, Delivery, SessionStatus } from '../../db/schema-learning.ts';
import { conditionalUpdate, preconditionFailed } from '../../http/etag.ts';
import type { FieldIssue } from '../../http/problem.ts';
import { problems } from '../../http/problem.ts';
import { cancelAllOnSession, promoteWaitlist } from './enrolment.ts';
import { learningProblems } from './problems.ts';
import { subjectByCode } from './subjects.ts';
import { isoInstant, newId, nowOf } from './types.ts';
import type { LearningContext, Queryable } from './types.ts';

export type CourseRow = typeof courses.$inferSelect;
export type SessionRow = typeof classSessions.$inferSelect;

export interface CourseView {
  id: string;
  code: string;
  title: string;
  description: string;
  category: string;
  delivery: Delivery;
  durationMinutes: number;
  competencies: string[];
  audience: string;
  requiresApproval: boolean;
  status: CourseStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SessionView {
  id: string;
  courseId: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  capacity: number;
  trainer: string;
  bookingDeadline: string;
  cancellationDeadline: string;
  status: SessionStatus;
  enrolled: number;
  placesLeft: number;
  waitlistLength: number;
  /** Open for booking now: scheduled and before its booking deadline. */
  bookable: boolean;
  version: number;
}

/** The columns a course view is made of (the search vector and organisation stay in the database). */
export type CourseViewRow = Omit<CourseRow, 'search' | 'organisationId'>;

export function toCourseView(row: CourseViewRow): CourseView {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    category: row.category,
    delivery: row.delivery,
    durationMinutes: row.durationMinutes,
    competencies: row.competencies,
    audience: row.audience,
    requiresApproval: row.requiresApproval,
    status: row.status,
    version: row.version,
    createdAt: isoInstant(row.createdAt),
    updatedAt: isoInstant(row.updatedAt),
  };
}

export function toSessionView(row: SessionRow, waitlistLength: number, now: Date): SessionView {
  return {
    id: row.id,
    courseId: row.courseId,
    startsAt: isoInstant(row.startsAt),
    endsAt: isoInstant(row.endsAt),
    venue: row.venue,
    capacity: row.capacity,
    trainer: row.trainer,
    bookingDeadline: isoInstant(row.bookingDeadline),
    cancellationDeadline: isoInstant(row.cancellationDeadline),
    status: row.status,
    enrolled: row.enrolledCount,
    placesLeft: Math.max(0, row.capacity - row.enrolledCount),
    waitlistLength,
    bookable: row.status === 'scheduled' && new Date(row.bookingDeadline).getTime() > now.getTime(),
    version: row.version,
  };
}

/** Waiting-list lengths of these sessions (absent: none waiting). */
export async function waitlistLengths(db: Queryable, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .select({ sessionId: enrolments.sessionId, n: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(inArray(enrolments.sessionId, sessionIds), eq(enrolments.status, 'waitlisted')))
    .groupBy(enrolments.sessionId);
  return new Map(rows.map((r) => [r.sessionId!, Number(r.n)]));
}

export async function sessionViews(db: Queryable, rows: SessionRow[], now: Date): Promise<SessionView[]> {
  const waiting = await waitlistLengths(db, rows.map((r) => r.id));
  return rows.map((r) => toSessionView(r, waiting.get(r.id) ?? 0, now));
}

/** A course of the caller's organisation, or 404. */
export async function findCourse(db: Queryable, organisationId: string, courseId: string): Promise<CourseRow> {
  const [row] = await db.select().from(courses).where(and(eq(courses.id, courseId), eq(courses.organisationId, organisationId))).limit(1);
  if (!row) throw learningProblems.courseNotFound(courseId);
  return row;
}

/** A session of the caller's organisation, or 404. */
export async function findSession(db: Queryable, organisationId: string, sessionId: string): Promise<SessionRow> {
  const [row] = await db.select().from(classSessions).where(and(eq(classSessions.id, sessionId), eq(classSessions.organisationId, organisationId))).limit(1);
  if (!row) throw learningProblems.sessionNotFound(sessionId);
  return row;
}

export interface CourseInput {
  code: string;
  title: string;
  description?: string | undefined;
  category: string;
  delivery: Delivery;
  durationMinutes: number;
  competencies?: string[] | undefined;
  audience?: string | undefined;
  requiresApproval?: boolean | undefined;
}
export type CoursePatch = Partial<Omit<CourseInput, 'delivery'>> & { status?: CourseStatus | undefined };

async function checkCompetencies(db: Queryable, competencies: string[] | undefined): Promise<void> {
  if (!competencies) return;
  const known = await subjectByCode(db);
  const issues: FieldIssue[] = competencies
    .map((code, i) => ({ code, i }))
    .filter(({ code }) => !known.has(code))
    .map(({ code, i }) => ({ path: `json.competencies.${i}`, message: `${code} is not a Core Skills Training Framework subject code`, code: 'unknown_subject' }));
  if (issues.length > 0) throw problems.validation(issues);
}

const isUniqueViolation = (e: unknown) => {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) if ((x as { code?: unknown }).code === '23505') return true;
  return false;
};

export async function createCourse(db: Queryable, ctx: LearningContext, input: CourseInput): Promise<CourseView> {
  await checkCompetencies(db, input.competencies);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(courses)
        .values({
          id: newId('crs'),
          organisationId: ctx.principal.organisationId,
          code: input.code,
          title: input.title,
          description: input.description ?? '',
          category: input.category,
          delivery: input.delivery,
          durationMinutes: input.durationMinutes,
          competencies: [...new Set(input.competencies ?? [])],
          audience: input.audience ?? '',
          requiresApproval: input.requiresApproval ?? false,
        })
        .returning();
      await recordAudit(tx, { ...ctx, action: 'create', resource: 'course', changes: { code: { to: input.code }, title: { to: input.title } } });
      return toCourseView(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw learningProblems.duplicateCourseCode(input.code);
    throw e;
  }
}

export async function updateCourse(db: Queryable, ctx: LearningContext, courseId: string, expectedVersion: number, patch: CoursePatch): Promise<CourseView> {
  await findCourse(db, ctx.principal.organisationId, courseId);
  await checkCompetencies(db, patch.competencies);
  const set = Object.fromEntries(Object.entries({ ...patch, competencies: patch.competencies ? [...new Set(patch.competencies)] : undefined }).filter(([, v]) => v !== undefined));
  try {
    return await db.transaction(async (tx) => {
      const [row] = await conditionalUpdate(
        () => tx
          .update(courses)
          .set({ ...set, version: sql`${courses.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(courses.id, courseId), eq(courses.organisationId, ctx.principal.organisationId), eq(courses.version, expectedVersion)))
          .returning(),
        async () => (await findCourse(tx, ctx.principal.organisationId, courseId)).version,
      );
      await recordAudit(tx, { ...ctx, action: 'update', resource: 'course', changes: Object.fromEntries(Object.keys(set).map((k) => [k, { to: String(set[k]) }])) });
      return toCourseView(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw learningProblems.duplicateCourseCode(patch.code ?? '');
    throw e;
  }
}

export interface SessionInput {
  startsAt: string;
  endsAt: string;
  venue: string;
  capacity: number;
  trainer?: string | undefined;
  bookingDeadline?: string | undefined;
  cancellationDeadline?: string | undefined;
}
export type SessionPatch = Partial<SessionInput> & { status?: 'cancelled' | undefined };

const hours = (n: number) => n * 3600_000;

/** Field checks of a session's times (after defaults): deadlines not after the start, end after start. */
function checkTimes(s: { startsAt: string; endsAt: string; bookingDeadline: string; cancellationDeadline: string }): void {
  const t = (v: string) => new Date(v).getTime();
  const issues: FieldIssue[] = [];
  if (t(s.endsAt) <= t(s.startsAt)) issues.push({ path: 'json.endsAt', message: 'Must be after startsAt', code: 'invalid_range' });
  if (t(s.bookingDeadline) > t(s.startsAt)) issues.push({ path: 'json.bookingDeadline', message: 'Must not be after startsAt', code: 'invalid_range' });
  if (t(s.cancellationDeadline) > t(s.startsAt)) issues.push({ path: 'json.cancellationDeadline', message: 'Must not be after startsAt', code: 'invalid_range' });
  if (issues.length > 0) throw problems.validation(issues);
}

export async function createSession(db: Queryable, ctx: LearningContext, courseId: string, input: SessionInput): Promise<SessionView> {
  const course = await findCourse(db, ctx.principal.organisationId, courseId);
  if (course.delivery === 'e_learning') throw learningProblems.sessionsNotForELearning();
  const start = new Date(input.startsAt).getTime();
  // Defaults: booking closes a day before, cancellation two days before (common trust practice).
  const times = {
    startsAt: isoInstant(input.startsAt),
    endsAt: isoInstant(input.endsAt),
    bookingDeadline: isoInstant(input.bookingDeadline ?? new Date(start - hours(24)).toISOString()),
    cancellationDeadline: isoInstant(input.cancellationDeadline ?? new Date(start - hours(48)).toISOString()),
  };
  checkTimes(times);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(classSessions)
      .values({ id: newId('ses'), organisationId: course.organisationId, courseId, ...times, venue: input.venue, capacity: input.capacity, trainer: input.trainer ?? '' })
      .returning();
    await recordAudit(tx, { ...ctx, action: 'create', resource: 'class_session', changes: { courseId: { to: courseId }, startsAt: { to: times.startsAt } } });
    return toSessionView(row!, 0, nowOf(ctx));
  });
}

/**
 * Changes a session (If-Match). Capacity can't drop below the places taken; raising it promotes from
 * the waiting list; status `cancelled` cancels every live enrolment on it.
 */
export async function updateSession(db: Queryable, ctx: LearningContext, sessionId: string, expectedVersion: number, patch: SessionPatch): Promise<SessionView> {
  return db.transaction(async (tx) => {
    // Locked like an enrolment, so the capacity check and the counter agree.
    const [current] = await tx
      .select()
      .from(classSessions)
      .where(and(eq(classSessions.id, sessionId), eq(classSessions.organisationId, ctx.principal.organisationId)))
      .for('update');
    if (!current) throw learningProblems.sessionNotFound(sessionId);
    if (current.version !== expectedVersion) throw preconditionFailed(current.version);
    if (current.status === 'cancelled') throw learningProblems.invalidTransition('cancelled session', 'changed');
    const times = {
      startsAt: isoInstant(patch.startsAt ?? current.startsAt),
      endsAt: isoInstant(patch.endsAt ?? current.endsAt),
      bookingDeadline: isoInstant(patch.bookingDeadline ?? current.bookingDeadline),
      cancellationDeadline: isoInstant(patch.cancellationDeadline ?? current.cancellationDeadline),
    };
    checkTimes(times);
    if (patch.capacity !== undefined && patch.capacity < current.enrolledCount) throw learningProblems.capacityBelowEnrolled(current.enrolledCount);
    const [updated] = await tx
      .update(classSessions)
      .set({
        ...times,
        ...(patch.venue !== undefined ? { venue: patch.venue } : {}),
        ...(patch.trainer !== undefined ? { trainer: patch.trainer } : {}),
        ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
        ...(patch.status ? { status: patch.status } : {}),
        version: sql`${classSessions.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(classSessions.id, sessionId))
      .returning();
    if (patch.status === 'cancelled') await cancelAllOnSession(tx, ctx, updated!);
    else if (patch.capacity !== undefined && patch.capacity > current.capacity) await promoteWaitlist(tx, ctx, sessionId);
    await recordAudit(tx, { ...ctx, action: patch.status === 'cancelled' ? 'cancel' : 'update', resource: 'class_session', changes: Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, { to: String(v) }])) });
    const [final] = await tx.select().from(classSessions).where(eq(classSessions.id, sessionId));
    return (await sessionViews(tx, [final!], nowOf(ctx)))[0]!;
  });
}

/** A course's sessions in start order: upcoming only unless `includePast`. */
export async function listCourseSessions(db: Queryable, course: CourseRow, options: { includePast: boolean; now: Date }): Promise<SessionView[]> {
  const rows = await db
    .select()
    .from(classSessions)
    .where(and(eq(classSessions.courseId, course.id), options.includePast ? undefined : gte(classSessions.startsAt, options.now.toISOString())))
    .orderBy(asc(classSessions.startsAt), asc(classSessions.id))
    .limit(500);
  return sessionViews(db, rows, options.now);
}
