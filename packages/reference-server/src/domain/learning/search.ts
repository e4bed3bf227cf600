// Catalogue search: PostgreSQL full-text search over the courses' generated tsvector (title weighted
// above description, above category and audience; GIN index), filters on the course and on its
// sessions, keyset paging, and facet counts over the same filters.
import { and, asc, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { rowsOf } from '../../db/migrate.ts';
import { courses } from '../../db/schema-learning.ts';
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

const c = alias(courses, 'c');

/** The columns of a course view, read through the alias `c` that the filters use. */
const courseViewColumns = {
  id: c.id, code: c.code, title: c.title, description: c.description, category: c.category, delivery: c.delivery,
  durationMinutes: c.durationMinutes, competencies: c.competencies, audience: c.audience, requiresApproval: c.requiresApproval,
  status: c.status, version: c.version, createdAt: c.createdAt, updatedAt: c.updatedAt,
};

/** Scheduled sessions of course `c` starting after `at`, for the correlated subqueries below. */
const upcomingOf = (at: string) => sql`s.course_id = c.id AND s.status = 'scheduled' AND s.starts_at > ${at}::timestamptz`;

/**
 * One page of courses with their upcoming sessions, in one statement: the session count and the soonest
 * bookable session are correlated subqueries that PostgreSQL evaluates for the page's rows only (after
 * the sort and limit), instead of a second and third round trip that fetched every upcoming session.
 */
export async function searchCourses(
  db: Queryable,
  organisationId: string,
  f: CourseFilter,
  page: { limit: number; after?: SearchCursor | undefined; now: Date },
): Promise<{ items: CourseSearchItem[]; keys: SearchCursor[] }> {
  const at = page.now.toISOString();
  const score = f.q ? scoreOf(f.q) : null;
  let after: SQL | undefined;
  if (page.after && score) {
    const [s, id] = [Number(page.after[0]), page.after[1]];
    after = sql`(${score} < ${s} OR (${score} = ${s} AND c.id > ${id}))`;
  } else if (page.after) {
    const [title, id] = [String(page.after[0]), page.after[1]];
    after = sql`(c.title > ${title} OR (c.title = ${title} AND c.id > ${id}))`;
  }
  const rows = await db
    .select({
      ...courseViewColumns,
      score: score ? sql<number>`${score}`.mapWith(Number) : sql<null>`NULL`,
      upcomingSessions: sql<number>`(SELECT count(*)::int FROM class_sessions s WHERE ${upcomingOf(at)})`.mapWith(Number),
      // As text, parsed here: the drivers differ in whether they parse json themselves.
      nextSession: sql<NextSession | null>`(SELECT json_build_object('id', s.id, 'startsAt', s.starts_at, 'venue', s.venue, 'placesLeft', s.capacity - s.enrolled_count)::text
          FROM class_sessions s WHERE ${upcomingOf(at)} AND s.enrolled_count < s.capacity AND s.booking_deadline > ${at}::timestamptz
          ORDER BY s.starts_at, s.id LIMIT 1)`.mapWith((text: string) => {
        const next = JSON.parse(text) as NextSession;
        return { ...next, startsAt: isoInstant(next.startsAt) };
      }),
    })
    .from(c)
    .where(and(courseWhere(organisationId, f, page.now), after))
    .orderBy(...(score ? [sql`${score} DESC`, asc(c.id)] : [asc(c.title), asc(c.id)]))
    .limit(page.limit + 1);
  const items = rows.map(({ score: relevance, upcomingSessions, nextSession, ...course }) => ({
    ...toCourseView(course),
    relevance: relevance === null ? null : relevance / 100000,
    upcomingSessions,
    nextSession,
  }));
  const keys = rows.map((r): SearchCursor => [r.score === null ? r.title : r.score, r.id]);
  return { items, keys };
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
