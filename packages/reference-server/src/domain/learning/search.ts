// Catalogue search: PostgreSQL full-text search over the courses' generated tsvector (title weighted
// above description, above category and audience; GIN index), filters on the course and on its
// sessions, keyset paging, and facet counts over the same filters.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { rowsOf } from '../../db/migrate.ts';
import { classSessions, courses } from '../../db/schema-learning.ts';
import type { Delivery } from '../../db/schema-learning.ts';
import { toCourseView } from './catalogue.ts';
import type { CourseView } from './catalogue.ts';
import { isoInstant } from './types.ts';
import type { Queryable } from './types.ts';

export interface CourseFilter {
  /** Free text, web-search syntax: words, "quoted phrases", -excluded, or. */
  q?: string | undefined;
  category?: string | undefined;
  delivery?: Delivery[] | undefined;
  /** Sessions starting on or after this date (UTC). */
  from?: string | undefined;
  /** Sessions starting on or before this date (UTC). */
  to?: string | undefined;
  venue?: string | undefined;
  /** Only courses that can be booked now: a session with a place and booking open, or e-learning. */
  hasPlaces?: boolean | undefined;
}

export type Facet = 'category' | 'delivery' | 'venue' | 'hasPlaces';

/** Relevance as an integer, so it round-trips through a cursor exactly. */
const scoreOf = (q: string) => sql`(ts_rank(c.search, websearch_to_tsquery('english', ${q})) * 100000)::int`;
const dayStart = (d: string) => sql`((${d})::date::timestamp AT TIME ZONE 'UTC')`;

/** The conditions on sessions implied by the filter (date range, venue, places), without `except`. */
function sessionConditions(f: CourseFilter, now: Date, except?: Facet): SQL[] {
  const parts: SQL[] = [sql`s.status = 'scheduled'`];
  if (f.from) parts.push(sql`s.starts_at >= ${dayStart(f.from)}`);
  if (f.to) parts.push(sql`s.starts_at < ${dayStart(f.to)} + interval '1 day'`);
  if (f.venue && except !== 'venue') parts.push(sql`s.venue = ${f.venue}`);
  if (f.hasPlaces && except !== 'hasPlaces') parts.push(sql`s.enrolled_count < s.capacity AND s.booking_deadline > ${now.toISOString()}::timestamptz`);
  return parts;
}

/**
 * The session conditions of `f` without a date range, answered from course_venue_summary (one row per
 * course and venue, migration 0008) instead of the sessions: "a scheduled session at the venue" is a
 * row with last_start, "a place open for booking" is open_until > now.
 */
function summaryCondition(f: CourseFilter, now: Date, except?: Facet): SQL | null {
  const venue = f.venue && except !== 'venue' ? f.venue : undefined;
  const places = Boolean(f.hasPlaces && except !== 'hasPlaces');
  if (!venue && !places) return null;
  const parts: SQL[] = [sql`v.course_id = c.id`];
  if (venue) parts.push(sql`v.venue = ${venue}`, sql`v.last_start IS NOT NULL`);
  if (places) parts.push(sql`v.open_until > ${now.toISOString()}::timestamptz`);
  const rows = sql`SELECT 1 FROM course_venue_summary v WHERE ${sql.join(parts, sql` AND `)}`;
  return venue ? sql`EXISTS (${rows})` : sql`EXISTS (SELECT 1 WHERE c.delivery = 'e_learning' UNION ALL ${rows})`;
}

/**
 * WHERE for courses matching `f` in the organisation, leaving out the facet `except` (for its counts).
 * `useSummary`: answer venue and places from the summary (only without a date range, which needs the sessions).
 */
function courseWhere(organisationId: string, f: CourseFilter, now: Date, except?: Facet, useSummary = false): SQL {
  const parts: SQL[] = [sql`c.organisation_id = ${organisationId}`, sql`c.status = 'active'`];
  if (f.q) parts.push(sql`c.search @@ websearch_to_tsquery('english', ${f.q})`);
  if (f.category && except !== 'category') parts.push(sql`c.category = ${f.category}`);
  if (f.delivery && f.delivery.length > 0 && except !== 'delivery') parts.push(sql`c.delivery IN (${sql.join(f.delivery.map((d) => sql`${d}`), sql`, `)})`);
  if (useSummary && !f.from && !f.to) {
    const summary = summaryCondition(f, now, except);
    if (summary) parts.push(summary);
    return sql.join(parts, sql` AND `);
  }
  const bySession = Boolean(f.from || f.to || (f.venue && except !== 'venue'));
  const byPlaces = Boolean(f.hasPlaces && except !== 'hasPlaces');
  if (bySession || byPlaces) {
    const sessions = sql`SELECT 1 FROM class_sessions s WHERE s.course_id = c.id AND ${sql.join(sessionConditions(f, now, except), sql` AND `)}`;
    // E-learning has no sessions and never runs out of places; it drops out only when asked for dates or a
    // venue. Written as one correlated EXISTS, not `delivery = … OR EXISTS`: PostgreSQL would hash the whole
    // session table for the OR (140 ms at 100k sessions) instead of probing the index per course (5 ms).
    parts.push(bySession ? sql`EXISTS (${sessions})` : sql`EXISTS (SELECT 1 WHERE c.delivery = 'e_learning' UNION ALL ${sessions})`);
  }
  return sql.join(parts, sql` AND `);
}

export interface NextSession {
  id: string;
  startsAt: string;
  venue: string;
  placesLeft: number;
}

export interface CourseSearchItem extends CourseView {
  /** Relevance to `q` (higher is better); null without `q`. */
  relevance: number | null;
  /** Upcoming scheduled sessions (from now). */
  upcomingSessions: number;
  /** The soonest upcoming session still open for booking, with places left. */
  nextSession: NextSession | null;
}

/** Keyset of the last row: [relevance, id] when ranking by `q`, else [title, id]. */
export type SearchCursor = [number | string, string];

export async function searchCourses(
  db: Queryable,
  organisationId: string,
  f: CourseFilter,
  page: { limit: number; after?: SearchCursor | undefined; now: Date },
): Promise<{ items: CourseSearchItem[]; keys: SearchCursor[] }> {
  const where = courseWhere(organisationId, f, page.now);
  let ranked: Array<{ id: string; score: number | null }>;
  if (f.q) {
    const after = page.after ? sql`WHERE (score < ${Number(page.after[0])} OR (score = ${Number(page.after[0])} AND id > ${page.after[1]}))` : sql``;
    ranked = rowsOf<{ id: string; score: number }>(await db.execute(sql`
      SELECT id, score FROM (SELECT c.id, ${scoreOf(f.q)} AS score FROM courses c WHERE ${where}) ranked
      ${after} ORDER BY score DESC, id LIMIT ${page.limit + 1}`));
  } else {
    const after = page.after ? sql`AND (c.title > ${String(page.after[0])} OR (c.title = ${String(page.after[0])} AND c.id > ${page.after[1]}))` : sql``;
    ranked = rowsOf<{ id: string }>(await db.execute(sql`
      SELECT c.id FROM courses c WHERE ${where} ${after} ORDER BY c.title, c.id LIMIT ${page.limit + 1}`)).map((r) => ({ id: r.id, score: null }));
  }
  const ids = ranked.map((r) => r.id);
  if (ids.length === 0) return { items: [], keys: [] };
  const rows = await db.select().from(courses).where(inArray(courses.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const upcoming = await upcomingSessionsOf(db, ids, page.now);
  const items = ranked.map(({ id, score }) => ({
    ...toCourseView(byId.get(id)!),
    relevance: score === null ? null : Number(score) / 100000,
    ...(upcoming.get(id) ?? { upcomingSessions: 0, nextSession: null }),
  }));
  const keys = ranked.map(({ id, score }): SearchCursor => [score === null ? byId.get(id)!.title : Number(score), id]);
  return { items, keys };
}

/** Per course: how many sessions are coming up, and the soonest one that can still be booked. */
async function upcomingSessionsOf(db: Queryable, courseIds: string[], now: Date): Promise<Map<string, { upcomingSessions: number; nextSession: NextSession | null }>> {
  const rows = await db
    .select()
    .from(classSessions)
    .where(and(inArray(classSessions.courseId, courseIds), eq(classSessions.status, 'scheduled'), gt(classSessions.startsAt, now.toISOString())))
    .orderBy(asc(classSessions.startsAt), asc(classSessions.id));
  const out = new Map<string, { upcomingSessions: number; nextSession: NextSession | null }>();
  for (const s of rows) {
    const entry = out.get(s.courseId) ?? { upcomingSessions: 0, nextSession: null };
    entry.upcomingSessions++;
    const open = s.enrolledCount < s.capacity && new Date(s.bookingDeadline).getTime() > now.getTime();
    if (!entry.nextSession && open) entry.nextSession = { id: s.id, startsAt: isoInstant(s.startsAt), venue: s.venue, placesLeft: s.capacity - s.enrolledCount };
    out.set(s.courseId, entry);
  }
  return out;
}

export interface FacetCount {
  facet: Facet;
  value: string;
  count: number;
}

/**
 * Facet counts (courses) for the same filter. Each facet is counted with every filter except its own,
 * so a list of categories still shows the others while one is chosen. `venue` counts courses with an
 * upcoming (or in-range) session at each venue; `hasPlaces` has one value, `true`.
 *
 * Without a date range the counts come from course_venue_summary (kept in step with the sessions by
 * triggers): the venue facet reads one row per course and venue instead of every upcoming session.
 * `source: 'sessions'` counts from the sessions themselves (date ranges always do); tests compare the two.
 */
export async function courseFacets(db: Queryable, organisationId: string, f: CourseFilter, now: Date, source: 'summary' | 'sessions' = 'summary'): Promise<FacetCount[]> {
  const count = async (facet: Facet, query: SQL) => rowsOf<{ value: string; count: number }>(await db.execute(query)).map((r) => ({ facet, value: String(r.value), count: Number(r.count) }));
  const summary = source === 'summary' && !f.from && !f.to;
  const where = (except?: Facet, filter: CourseFilter = f) => courseWhere(organisationId, filter, now, except, summary);
  const [category, delivery, venue, places] = await Promise.all([
    count('category', sql`SELECT c.category AS value, count(*)::int AS count FROM courses c WHERE ${where('category')} GROUP BY 1`),
    count('delivery', sql`SELECT c.delivery AS value, count(*)::int AS count FROM courses c WHERE ${where('delivery')} GROUP BY 1`),
    // From the summary, the row's own open_until already says "with a place", so the course filter leaves it out.
    count('venue', summary ? venueFacetFromSummary(organisationId, f, now, where('venue', { ...f, hasPlaces: undefined })) : venueFacetFromSessions(f, now, where('venue'))),
    count('hasPlaces', sql`SELECT 'true' AS value, count(*)::int AS count FROM courses c WHERE ${where(undefined, { ...f, hasPlaces: true })}`),
  ]);
  const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || a.value.localeCompare(b.value);
  return [...category.sort(byCount), ...delivery.sort(byCount), ...venue.sort(byCount), ...places];
}

/** Courses per venue with an upcoming session there (with a place, when asked): one summary row each. */
function venueFacetFromSummary(organisationId: string, f: CourseFilter, now: Date, courseFilter: SQL): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`SELECT v.venue AS value, count(*)::int AS count
    FROM course_venue_summary v JOIN courses c ON c.id = v.course_id
   WHERE v.organisation_id = ${organisationId} AND v.last_start > ${at} ${f.hasPlaces ? sql`AND v.open_until > ${at}` : sql``} AND ${courseFilter}
   GROUP BY 1`;
}

function venueFacetFromSessions(f: CourseFilter, now: Date, courseFilter: SQL): SQL {
  const venueSessions = [...sessionConditions(f, now, 'venue'), ...(f.from ? [] : [sql`s.starts_at > ${now.toISOString()}::timestamptz`])];
  // Distinct (venue, course) pairs first: hashed, where count(DISTINCT …) would sort every session.
  return sql`SELECT venue AS value, count(*)::int AS count FROM (
    SELECT DISTINCT s.venue, s.course_id FROM courses c JOIN class_sessions s ON s.course_id = c.id AND ${sql.join(venueSessions, sql` AND `)}
     WHERE ${courseFilter}) v GROUP BY 1`;
}
