// Enrolment: pending_approval → enrolled / waitlisted → attended / no_show → completed, or cancelled /
// rejected. Every write on a session first locks the session row, so places, the waiting list and the
// "already enrolled" check see each other's effects; the session's CHECK (enrolled_count <= capacity)
// and the unique index on live enrolments per course and person are the backstops under any race.
import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import type { Relation } from '../../auth/access.ts';
import { employees } from '../../db/schema.ts';
import { classSessions, courses, enrolments, liveEnrolmentStatuses, trainingRecords } from '../../db/schema-learning.ts';
import type { EnrolmentStatus } from '../../db/schema-learning.ts';
import { problems } from '../../http/problem.ts';
import { emitEvent, submitApproval, withdrawApproval } from '../approvals/index.ts';
import type { CourseRow, SessionRow } from './catalogue.ts';
import { learningProblems } from './problems.ts';
import { expiryOf, subjectByCode } from './subjects.ts';
import { isoInstant, newId, nowOf, todayOf } from './types.ts';
import type { LearningContext, Queryable, Tx } from './types.ts';

export const enrolmentApprovalType = 'learning.enrolment';

type EnrolmentRow = typeof enrolments.$inferSelect;

export interface EnrolmentView {
  id: string;
  employeeId: string;
  employeeName: string;
  courseId: string;
  courseTitle: string;
  delivery: CourseRow['delivery'];
  sessionId: string | null;
  session: { startsAt: string; endsAt: string; venue: string; cancellationDeadline: string } | null;
  status: EnrolmentStatus;
  /** 1 = next to be offered a place; null unless waitlisted. */
  waitlistPosition: number | null;
  enrolledBy: string;
  approvalRequestId: string | null;
  cancellationReason: string | null;
  completedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Enrolment rows with their course, session and person, as views (waiting-list positions included). */
export async function enrolmentViews(db: Queryable, rows: EnrolmentRow[]): Promise<EnrolmentView[]> {
  if (rows.length === 0) return [];
  const courseIds = [...new Set(rows.map((r) => r.courseId))];
  const sessionIds = [...new Set(rows.flatMap((r) => (r.sessionId ? [r.sessionId] : [])))];
  const people = [...new Set(rows.map((r) => r.employeeId))];
  const [courseRows, sessionRows, personRows] = await Promise.all([
    db.select({ id: courses.id, title: courses.title, delivery: courses.delivery }).from(courses).where(inArray(courses.id, courseIds)),
    sessionIds.length ? db.select().from(classSessions).where(inArray(classSessions.id, sessionIds)) : Promise.resolve([] as SessionRow[]),
    db.select({ id: employees.id, firstName: employees.firstName, lastName: employees.lastName }).from(employees).where(inArray(employees.id, people)),
  ]);
  const courseOf = new Map(courseRows.map((c) => [c.id, c]));
  const sessionOf = new Map(sessionRows.map((s) => [s.id, s]));
  const nameOf = new Map(personRows.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const positions = new Map<string, number>();
  for (const r of rows.filter((r) => r.status === 'waitlisted')) positions.set(r.id, await waitlistPosition(db, r));
  return rows.map((r) => {
    const s = r.sessionId ? sessionOf.get(r.sessionId) : undefined;
    const c = courseOf.get(r.courseId)!;
    return {
      id: r.id,
      employeeId: r.employeeId,
      employeeName: nameOf.get(r.employeeId) ?? '',
      courseId: r.courseId,
      courseTitle: c.title,
      delivery: c.delivery,
      sessionId: r.sessionId,
      session: s ? { startsAt: isoInstant(s.startsAt), endsAt: isoInstant(s.endsAt), venue: s.venue, cancellationDeadline: isoInstant(s.cancellationDeadline) } : null,
      status: r.status,
      waitlistPosition: positions.get(r.id) ?? null,
      enrolledBy: r.enrolledBy,
      approvalRequestId: r.approvalRequestId,
      cancellationReason: r.cancellationReason,
      completedOn: r.completedOn,
      version: r.version,
      createdAt: isoInstant(r.createdAt),
      updatedAt: isoInstant(r.updatedAt),
    };
  });
}

async function waitlistPosition(db: Queryable, row: EnrolmentRow): Promise<number> {
  const [ahead] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(
      eq(enrolments.sessionId, row.sessionId!),
      eq(enrolments.status, 'waitlisted'),
      or(lt(enrolments.waitlistedAt, row.waitlistedAt!), and(eq(enrolments.waitlistedAt, row.waitlistedAt!), lt(enrolments.id, row.id))),
    ));
  return Number(ahead?.n ?? 0) + 1;
}

export async function findEnrolment(db: Queryable, organisationId: string, id: string): Promise<EnrolmentRow> {
  const [row] = await db.select().from(enrolments).where(and(eq(enrolments.id, id), eq(enrolments.organisationId, organisationId))).limit(1);
  if (!row) throw learningProblems.enrolmentNotFound(id);
  return row;
}

async function lockSession(tx: Tx, sessionId: string): Promise<SessionRow> {
  const [row] = await tx.select().from(classSessions).where(eq(classSessions.id, sessionId)).for('update');
  return row!;
}

/**
 * Takes one of the session's places if any is left (the session row must be locked): the conditional
 * UPDATE never lets the counter pass capacity.
 */
async function takePlace(tx: Tx, sessionId: string): Promise<boolean> {
  const rows = await tx
    .update(classSessions)
    .set({ enrolledCount: sql`${classSessions.enrolledCount} + 1` })
    .where(and(eq(classSessions.id, sessionId), lt(classSessions.enrolledCount, classSessions.capacity)))
    .returning({ id: classSessions.id });
  return rows.length === 1;
}

async function releasePlace(tx: Tx, sessionId: string): Promise<void> {
  await tx.update(classSessions).set({ enrolledCount: sql`greatest(${classSessions.enrolledCount} - 1, 0)` }).where(eq(classSessions.id, sessionId));
}

/** A place if one is free, else the end of the waiting list. */
async function placeOrWaitlist(tx: Tx, enrolmentId: string, sessionId: string): Promise<EnrolmentStatus> {
  const placed = await takePlace(tx, sessionId);
  await tx
    .update(enrolments)
    .set(placed
      ? { status: 'enrolled', waitlistedAt: null, updatedAt: sql`now()`, version: sql`${enrolments.version} + 1` }
      // clock_timestamp, not now(): the order in which the session lock was granted, not when each transaction began.
      : { status: 'waitlisted', waitlistedAt: sql`clock_timestamp()`, updatedAt: sql`now()`, version: sql`${enrolments.version} + 1` })
    .where(eq(enrolments.id, enrolmentId));
  return placed ? 'enrolled' : 'waitlisted';
}

const isUniqueViolation = (e: unknown) => {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) if ((x as { code?: unknown }).code === '23505') return true;
  return false;
};

export interface EnrolInput {
  employeeId: string;
  /** How the caller relates to the learner: learners asking for themselves need approval where the course requires it. */
  relation: Relation;
  sessionId?: string | undefined;
  courseId?: string | undefined;
}

/** Enrols on a session (or an e-learning course): a place, the waiting list, or a request for approval. */
export async function enrol(db: Queryable, ctx: LearningContext, input: EnrolInput): Promise<EnrolmentView> {
  const org = ctx.principal.organisationId;
  const now = nowOf(ctx);
  try {
    const id = await db.transaction(async (tx) => {
      let session: SessionRow | null = null;
      if (input.sessionId) {
        const [found] = await tx.select().from(classSessions).where(and(eq(classSessions.id, input.sessionId), eq(classSessions.organisationId, org))).for('update');
        if (!found) throw learningProblems.sessionNotFound(input.sessionId);
        session = found;
        if (input.courseId && input.courseId !== found.courseId) {
          throw problems.validation([{ path: 'json.courseId', message: 'Not the course of this session', code: 'session_course_mismatch' }]);
        }
      }
      const courseId = session?.courseId ?? input.courseId!;
      const [course] = await tx.select().from(courses).where(and(eq(courses.id, courseId), eq(courses.organisationId, org))).limit(1);
      if (!course) throw learningProblems.courseNotFound(courseId);
      if (course.status !== 'active') throw learningProblems.courseWithdrawn();
      if (course.delivery === 'e_learning' && session) throw learningProblems.sessionsNotForELearning();
      if (course.delivery !== 'e_learning' && !session) throw learningProblems.sessionRequired();
      if (session) {
        if (session.status !== 'scheduled') throw learningProblems.sessionCancelled();
        if (new Date(session.bookingDeadline).getTime() <= now.getTime()) throw learningProblems.bookingClosed(isoInstant(session.bookingDeadline));
      }
      const [existing] = await tx
        .select({ id: enrolments.id })
        .from(enrolments)
        .where(and(eq(enrolments.courseId, courseId), eq(enrolments.employeeId, input.employeeId), inArray(enrolments.status, [...liveEnrolmentStatuses])))
        .limit(1);
      if (existing) throw learningProblems.alreadyEnrolled(existing.id);

      const id = newId('enr');
      const needsApproval = course.requiresApproval && input.relation === 'self';
      await tx.insert(enrolments).values({
        id, organisationId: org, employeeId: input.employeeId, courseId, sessionId: session?.id ?? null,
        status: needsApproval ? 'pending_approval' : 'enrolled', enrolledBy: ctx.principal.employeeId,
      });
      let status: EnrolmentStatus = needsApproval ? 'pending_approval' : 'enrolled';
      if (needsApproval) {
        const [person] = await tx.select({ firstName: employees.firstName, lastName: employees.lastName }).from(employees).where(eq(employees.id, input.employeeId));
        const approval = await submitApproval(tx, {
          organisationId: org,
          type: enrolmentApprovalType,
          subjectEmployeeId: input.employeeId,
          requestedBy: ctx.principal.employeeId,
          subjectRef: id,
          payload: {
            enrolmentId: id, courseId, courseTitle: course.title, sessionId: session?.id ?? null,
            startsAt: session ? isoInstant(session.startsAt) : null, venue: session?.venue ?? null,
            employeeName: person ? `${person.firstName} ${person.lastName}` : undefined,
          },
          ...(session ? { dueAt: isoInstant(session.bookingDeadline) } : {}),
        });
        await tx.update(enrolments).set({ approvalRequestId: approval.id }).where(eq(enrolments.id, id));
      } else if (session) {
        status = await placeOrWaitlist(tx, id, session.id);
      }
      await recordAudit(tx, { ...ctx, action: 'enrol', resource: 'enrolment', subjectEmployeeId: input.employeeId, changes: { status: { to: status }, course: { to: courseId } } });
      return id;
    });
    return (await enrolmentViews(db, [await findEnrolment(db, org, id)]))[0]!;
  } catch (e) {
    // Two requests for the same person that raced past the check (different sessions of one course).
    if (isUniqueViolation(e)) throw learningProblems.alreadyEnrolled('another request');
    throw e;
  }
}

/**
 * Fills free places from the waiting list, first come first served (the session row must be locked).
 * Only before the session starts; a promoted learner gets a `learning.enrolment_promoted` event.
 */
export async function promoteWaitlist(tx: Tx, ctx: LearningContext, sessionId: string): Promise<string[]> {
  const [s] = await tx.select().from(classSessions).where(eq(classSessions.id, sessionId));
  if (!s || s.status !== 'scheduled' || new Date(s.startsAt).getTime() <= nowOf(ctx).getTime()) return [];
  const free = s.capacity - s.enrolledCount;
  if (free <= 0) return [];
  const next = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, 'waitlisted')))
    .orderBy(asc(enrolments.waitlistedAt), asc(enrolments.id))
    .limit(free);
  const promoted: string[] = [];
  for (const e of next) {
    if (!(await takePlace(tx, sessionId))) break;
    await tx.update(enrolments).set({ status: 'enrolled', waitlistedAt: null, updatedAt: sql`now()`, version: sql`${enrolments.version} + 1` }).where(eq(enrolments.id, e.id));
    await emitEvent(tx, {
      organisationId: e.organisationId, type: 'learning.enrolment_promoted', resourceType: 'enrolment', resourceId: e.id,
      subjectEmployeeId: e.employeeId, actorEmployeeId: null, audience: [e.employeeId, e.enrolledBy], data: { sessionId, courseId: e.courseId },
    });
    promoted.push(e.id);
  }
  return promoted;
}

/** The session was cancelled: every live enrolment on it is cancelled and its places released. */
export async function cancelAllOnSession(tx: Tx, ctx: LearningContext, session: SessionRow): Promise<void> {
  await tx
    .update(enrolments)
    .set({ status: 'cancelled', cancelledBy: ctx.principal.employeeId, cancellationReason: 'Session cancelled', waitlistedAt: null, updatedAt: sql`now()`, version: sql`${enrolments.version} + 1` })
    .where(and(eq(enrolments.sessionId, session.id), inArray(enrolments.status, [...liveEnrolmentStatuses])));
  // Places still held after the cancellation (attendance already recorded stays).
  await tx
    .update(classSessions)
    .set({ enrolledCount: sql`(SELECT count(*) FROM enrolments e WHERE e.session_id = ${session.id} AND e.status IN ('enrolled', 'attended', 'no_show', 'completed'))::int` })
    .where(eq(classSessions.id, session.id));
}

/**
 * Cancels a live enrolment. A place given up goes to the first on the waiting list. Learners and their
 * managers must cancel a place before the cancellation deadline; learning admins may cancel at any time.
 * A request still waiting for approval is withdrawn from the approver's inbox.
 */
export async function cancelEnrolment(db: Queryable, ctx: LearningContext, id: string, options: { asAdmin: boolean; reason?: string | undefined }): Promise<EnrolmentView> {
  const org = ctx.principal.organisationId;
  const now = nowOf(ctx);
  await db.transaction(async (tx) => {
    const first = await findEnrolment(tx, org, id);
    // Lock order as in enrol: the session, then the enrolment.
    const session = first.sessionId ? await lockSession(tx, first.sessionId) : null;
    const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, id)).for('update');
    if (!row || !liveEnrolmentStatuses.includes(row.status)) throw learningProblems.invalidTransition(row?.status ?? 'missing', 'cancelled');
    if (row.status === 'enrolled' && session && !options.asAdmin && new Date(session.cancellationDeadline).getTime() <= now.getTime()) {
      throw learningProblems.cancellationClosed(isoInstant(session.cancellationDeadline));
    }
    if (row.status === 'pending_approval' && row.approvalRequestId && row.enrolledBy === ctx.principal.employeeId) {
      // The engine calls onWithdrawn in this transaction, which cancels the enrolment.
      await withdrawApproval(tx, ctx.principal, row.approvalRequestId, { context: { requestId: ctx.requestId, ip: ctx.ip }, comment: options.reason ?? 'Enrolment cancelled' });
    }
    await tx
      .update(enrolments)
      .set({ status: 'cancelled', cancelledBy: ctx.principal.employeeId, cancellationReason: options.reason ?? null, waitlistedAt: null, updatedAt: sql`now()`, version: sql`${enrolments.version} + 1` })
      .where(eq(enrolments.id, id));
    if (row.status === 'enrolled' && session) {
      await releasePlace(tx, session.id);
      await promoteWaitlist(tx, ctx, session.id);
    }
    await recordAudit(tx, { ...ctx, action: 'cancel', resource: 'enrolment', subjectEmployeeId: row.employeeId, changes: { status: { from: row.status, to: 'cancelled' } } });
  });
  return (await enrolmentViews(db, [await findEnrolment(db, org, id)]))[0]!;
}

/** Learning admins mark the register: enrolled (or a mark being corrected) → attended / no_show. */
export async function markAttendance(db: Queryable, ctx: LearningContext, id: string, attended: boolean): Promise<EnrolmentView> {
  const org = ctx.principal.organisationId;
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(enrolments).where(and(eq(enrolments.id, id), eq(enrolments.organisationId, org))).for('update');
    if (!row) throw learningProblems.enrolmentNotFound(id);
    if (!row.sessionId || !['enrolled', 'attended', 'no_show'].includes(row.status)) throw learningProblems.invalidTransition(row.status, 'marked attended');
    const to = attended ? 'attended' : 'no_show';
    await tx.update(enrolments).set({ status: to, updatedAt: sql`now()`, version: sql`${enrolments.version} + 1` }).where(eq(enrolments.id, id));
    await recordAudit(tx, { ...ctx, action: 'mark_attendance', resource: 'enrolment', subjectEmployeeId: row.employeeId, changes: { status: { from: row.status, to } } });
  });
  return (await enrolmentViews(db, [await findEnrolment(db, org, id)]))[0]!;
}

/**
 * Records completion and writes the training record of each CSTF subject the course records (with its
 * expiry). Classroom and virtual: learning admins, after attendance (or straight from enrolled).
 * E-learning: the learner (the course player reports completion) or a learning admin.
 */
export async function completeEnrolment(db: Queryable, ctx: LearningContext, id: string, options: { asAdmin: boolean; completedOn?: string | undefined }): Promise<EnrolmentView> {
  const org = ctx.principal.organisationId;
  const today = todayOf(ctx);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(enrolments).where(and(eq(enrolments.id, id), eq(enrolments.organisationId, org))).for('update');
    if (!row) throw learningProblems.enrolmentNotFound(id);
    const [course] = await tx.select().from(courses).where(eq(courses.id, row.courseId));
    if (!options.asAdmin && course!.delivery !== 'e_learning') throw learningProblems.notELearning();
    if (!['enrolled', 'attended'].includes(row.status)) throw learningProblems.invalidTransition(row.status, 'completed');
    let completedOn = options.completedOn;
    if (!completedOn) {
      const [s] = row.sessionId ? await tx.select({ endsAt: classSessions.endsAt }).from(classSessions).where(eq(classSessions.id, row.sessionId)) : [];
      const sessionDay = s ? isoInstant(s.endsAt).slice(0, 10) : today;
      completedOn = sessionDay < today ? sessionDay : today;
    }
    if (completedOn > today) throw learningProblems.completionInFuture();
    await tx.update(enrolments).set({ status: 'completed', completedOn, updatedAt: sql`now()`, version: sql`${enrolments.version} + 1` }).where(eq(enrolments.id, id));
    const subjects = await subjectByCode(tx);
    const records = course!.competencies.length > 0
      ? course!.competencies.map((code) => ({ subjectCode: code, expiresOn: subjects.has(code) ? expiryOf(completedOn, subjects.get(code)!.renewalMonths) : null }))
      : [{ subjectCode: null, expiresOn: null }];
    await tx.insert(trainingRecords).values(records.map((r) => ({
      id: newId('trn'), organisationId: org, employeeId: row.employeeId, subjectCode: r.subjectCode, courseId: course!.id, enrolmentId: id,
      title: course!.title, completedOn, expiresOn: r.expiresOn, source: course!.delivery, recordedBy: ctx.principal.employeeId,
    })));
    await recordAudit(tx, { ...ctx, action: 'complete', resource: 'enrolment', subjectEmployeeId: row.employeeId, changes: { status: { from: row.status, to: 'completed' }, completedOn: { to: completedOn } } });
  });
  return (await enrolmentViews(db, [await findEnrolment(db, org, id)]))[0]!;
}

export interface EnrolmentListFilter {
  status?: EnrolmentStatus[] | undefined;
  limit: number;
  /** Keyset: (createdAt, id) of the last row of the previous page. */
  after?: [string, string] | undefined;
}

/** A person's enrolments, newest first. */
export async function listEnrolments(db: Queryable, employeeId: string, f: EnrolmentListFilter): Promise<EnrolmentRow[]> {
  const t = enrolments;
  return db
    .select()
    .from(t)
    .where(and(
      eq(t.employeeId, employeeId),
      f.status && f.status.length > 0 ? inArray(t.status, f.status) : undefined,
      f.after ? or(lt(t.createdAt, f.after[0]), and(eq(t.createdAt, f.after[0]), lt(t.id, f.after[1]))) : undefined,
    ))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(f.limit + 1);
}

/** A session's register: places first (by name order of enrolment), then the waiting list in order. */
export async function sessionRegister(db: Queryable, sessionId: string): Promise<EnrolmentView[]> {
  const rows = await db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), inArray(enrolments.status, ['pending_approval', 'enrolled', 'attended', 'no_show', 'completed', 'waitlisted'])))
    .orderBy(sql`CASE WHEN ${enrolments.status} = 'waitlisted' THEN 1 ELSE 0 END`, asc(enrolments.waitlistedAt), asc(enrolments.createdAt), asc(enrolments.id));
  return enrolmentViews(db, rows);
}

// --- the approval type's side (approval-type.ts registers it) ---

/** Approved: the learner takes a place if one is left, else joins the waiting list. */
export async function approveFromInbox(tx: Tx, enrolmentId: string): Promise<void> {
  const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
  // Cancelled meanwhile (by a learning admin): nothing to apply.
  if (!row || row.status !== 'pending_approval') return;
  if (!row.sessionId) {
    await tx.update(enrolments).set({ status: 'enrolled', updatedAt: sql`now()`, version: sql`${enrolments.version} + 1` }).where(eq(enrolments.id, enrolmentId));
    return;
  }
  const session = await lockSession(tx, row.sessionId);
  if (session.status !== 'scheduled' || new Date(session.startsAt).getTime() <= Date.now()) {
    await tx
      .update(enrolments)
      .set({ status: 'cancelled', cancellationReason: 'The session was no longer available when approved', updatedAt: sql`now()`, version: sql`${enrolments.version} + 1` })
      .where(eq(enrolments.id, enrolmentId));
    return;
  }
  await placeOrWaitlist(tx, enrolmentId, row.sessionId);
}

async function closePending(tx: Tx, enrolmentId: string, to: 'rejected' | 'cancelled'): Promise<void> {
  await tx
    .update(enrolments)
    .set({ status: to, updatedAt: sql`now()`, version: sql`${enrolments.version} + 1` })
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.status, 'pending_approval')));
}

export const rejectFromInbox = (tx: Tx, enrolmentId: string) => closePending(tx, enrolmentId, 'rejected');
export const withdrawFromInbox = (tx: Tx, enrolmentId: string) => closePending(tx, enrolmentId, 'cancelled');
