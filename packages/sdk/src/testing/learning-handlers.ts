import { HttpResponse, delay, http } from 'msw';
import type { ClassSession, ComplianceMatrix, CourseFacetCount, CourseSearchItem, Enrolment, NewEnrolment, PersonCompliance } from '../types.ts';
import { complianceMatrixFixture, teamComplianceFixtures } from './compliance-fixtures.ts';
import { problem } from './handlers.ts';

export type LearningScenario = 'data' | 'empty' | 'error' | 'unauthorised' | 'forbidden' | 'slow' | 'offline';

export interface LearningHandlerOptions {
  scenario?: LearningScenario;
  /** How many catalogue courses to generate (default 24). */
  courseCount?: number;
  matrix?: ComplianceMatrix;
  team?: PersonCompliance[];
  /** Delay for the `slow` scenario, in ms (default: forever, to show the loading state). */
  delayMs?: number | 'infinite';
}

const TOPICS = [
  ['Adult Basic Life Support – Resuscitation Level 2', 'Statutory and mandatory', 'classroom', false, 'High-quality CPR, defibrillation with an AED, choking and the recovery position.'],
  ['Fire Safety', 'Statutory and mandatory', 'e_learning', false, 'Fire prevention, evacuation and using extinguishers safely.'],
  ['Acute kidney injury', 'Clinical skills', 'virtual', false, 'Recognising AKI, fluid balance and nephrotoxic medicines.'],
  ['Intravenous therapy', 'Clinical skills', 'classroom', true, 'Cannula care, infusion devices and preventing line infections.'],
  ['Coaching skills', 'Leadership and management', 'virtual', true, 'Coaching conversations that help colleagues find their own answers.'],
  ['Sepsis recognition', 'Patient safety', 'classroom', false, 'Spotting sepsis early with NEWS2 and the sepsis six.'],
  ['Blood transfusion', 'Clinical skills', 'e_learning', true, 'Safe transfusion practice from sample to bedside.'],
  ['Finance for budget holders', 'Leadership and management', 'classroom', true, 'Budgets, variance and business cases in an NHS trust.'],
] as const;
const VENUES = ['Education Centre, Room 2', 'Postgraduate Centre, Room 5', 'Microsoft Teams'];

/** A catalogue of `count` courses: the topics above, numbered after the first round. */
export function courseFixtures(count = 24): CourseSearchItem[] {
  return Array.from({ length: count }, (_, i) => {
    const [title, category, delivery, requiresApproval, description] = TOPICS[i % TOPICS.length]!;
    const round = Math.floor(i / TOPICS.length);
    const id = `crs_mock${String(i).padStart(4, '0')}`;
    const sessions = delivery === 'e_learning' ? [] : sessionFixtures(id, delivery === 'virtual');
    const next = sessions.find((s) => s.bookable && s.placesLeft > 0) ?? null;
    return {
      id, code: `C${String(i).padStart(5, '0')}`, title: round ? `${title} (${round + 1})` : title, description, category, delivery,
      durationMinutes: delivery === 'e_learning' ? 45 : 120, competencies: [], audience: 'All staff', requiresApproval, status: 'active',
      version: 1, createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z', relevance: null,
      upcomingSessions: sessions.length, nextSession: next && { id: next.id, startsAt: next.startsAt, venue: next.venue, placesLeft: next.placesLeft },
    };
  });
}

/** Three sessions: places left, full with a waiting list, and booking closed. */
function sessionFixtures(courseId: string, virtual: boolean): ClassSession[] {
  const base = { courseId, trainer: 'Practice education team', status: 'scheduled' as const, version: 1 };
  const venue = (n: number) => (virtual ? 'Microsoft Teams' : VENUES[n % 2]!);
  return [
    { ...base, id: `ses_${courseId.slice(4)}a`, startsAt: '2027-01-12T09:30:00.000Z', endsAt: '2027-01-12T11:30:00.000Z', venue: venue(0), capacity: 12, enrolled: 9, placesLeft: 3, waitlistLength: 0, bookable: true, bookingDeadline: '2027-01-11T09:30:00.000Z', cancellationDeadline: '2027-01-10T09:30:00.000Z' },
    { ...base, id: `ses_${courseId.slice(4)}b`, startsAt: '2027-02-03T13:00:00.000Z', endsAt: '2027-02-03T15:00:00.000Z', venue: venue(1), capacity: 10, enrolled: 10, placesLeft: 0, waitlistLength: 2, bookable: true, bookingDeadline: '2027-02-02T13:00:00.000Z', cancellationDeadline: '2027-02-01T13:00:00.000Z' },
    { ...base, id: `ses_${courseId.slice(4)}c`, startsAt: '2026-11-26T09:30:00.000Z', endsAt: '2026-11-26T11:30:00.000Z', venue: venue(0), capacity: 12, enrolled: 6, placesLeft: 6, waitlistLength: 0, bookable: false, bookingDeadline: '2026-11-25T09:30:00.000Z', cancellationDeadline: '2026-11-24T09:30:00.000Z' },
  ];
}

/**
 * msw handlers that behave like the reference server's learning routes: catalogue search with filters and
 * facet counts, course detail with sessions, enrol (places, waiting list, approval), cancel, my enrolments,
 * and CSTF compliance (a person's matrix, a manager's team). Enrolments are kept in memory per handler set.
 */
export function createLearningHandlers(options: LearningHandlerOptions = {}) {
  const scenario = options.scenario ?? 'data';
  const courses = scenario === 'empty' ? [] : courseFixtures(options.courseCount);
  const sessions = new Map<string, ClassSession>();
  for (const c of courses) if (c.delivery !== 'e_learning') for (const s of sessionFixtures(c.id, c.delivery === 'virtual')) sessions.set(s.id, s);
  const enrolments: Enrolment[] = [];
  let nextId = 1;

  const guard = async (): Promise<Response | undefined> => {
    if (scenario === 'slow') await delay(options.delayMs ?? 'infinite');
    if (scenario === 'offline') return HttpResponse.error();
    if (scenario === 'unauthorised') return problem(401, 'unauthenticated', 'You are not signed in', 'The bearer token is invalid or has expired: sign in again.');
    if (scenario === 'forbidden') return problem(403, 'forbidden', 'Not allowed', 'Only line managers can see a team.');
    if (scenario === 'error') return problem(500, 'internal_error', 'Something went wrong on our side', 'The error has been logged; quote the request id.');
    return undefined;
  };

  const filtered = (url: URL, except?: string) => {
    const q = url.searchParams.get('q')?.toLowerCase().trim();
    const category = url.searchParams.get('category');
    const delivery = url.searchParams.get('delivery')?.split(',').filter(Boolean);
    const hasPlaces = url.searchParams.get('hasPlaces') === 'true';
    return courses.filter(
      (c) =>
        (!q || `${c.title} ${c.description}`.toLowerCase().includes(q)) &&
        (except === 'category' || !category || c.category === category) &&
        (except === 'delivery' || !delivery?.length || delivery.includes(c.delivery)) &&
        (except === 'hasPlaces' || !hasPlaces || c.delivery === 'e_learning' || c.nextSession !== null),
    );
  };
  const count = (facet: CourseFacetCount['facet'], values: string[]): CourseFacetCount[] => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, n]) => ({ facet, value, count: n }));
  };

  return [
    http.get('*/v1/courses/facets', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const url = new URL(request.url);
      const data = [
        ...count('category', filtered(url, 'category').map((c) => c.category)),
        ...count('delivery', filtered(url, 'delivery').map((c) => c.delivery)),
        ...count('hasPlaces', filtered(url, 'hasPlaces').filter((c) => c.delivery === 'e_learning' || c.nextSession).map(() => 'true')),
      ];
      return HttpResponse.json({ data, hasMore: false, nextCursor: null });
    }),
    http.get('*/v1/courses/:courseId', async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const course = courses.find((c) => c.id === params['courseId']);
      if (!course) return problem(404, 'not_found', 'Not found', `Course ${String(params['courseId'])} was not found.`);
      const { relevance: _r, upcomingSessions: _u, nextSession: _n, ...rest } = course;
      return HttpResponse.json({ ...rest, sessions: [...sessions.values()].filter((s) => s.courseId === course.id) });
    }),
    http.get('*/v1/courses', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const url = new URL(request.url);
      const all = filtered(url);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const hasMore = start + limit < all.length;
      return HttpResponse.json({ data: all.slice(start, start + limit), hasMore, nextCursor: hasMore ? String(start + limit) : null });
    }),
    http.get('*/v1/people/:employeeId/enrolments', async () => {
      const failure = await guard();
      if (failure) return failure;
      return HttpResponse.json({ data: [...enrolments].reverse(), hasMore: false, nextCursor: null });
    }),
    http.post('*/v1/enrolments', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const body = (await request.json()) as NewEnrolment;
      const session = body.sessionId ? sessions.get(body.sessionId) : undefined;
      const course = courses.find((c) => c.id === (session?.courseId ?? body.courseId));
      if (!course) return problem(422, 'validation_failed', 'Invalid request', 'json.sessionId: no such session or course');
      if (session && !session.bookable) return problem(409, 'booking_closed', 'Booking has closed', 'Booking for this session has closed.');
      if (enrolments.some((e) => e.courseId === course.id && e.sessionId === (session?.id ?? null) && e.status !== 'cancelled')) {
        return problem(409, 'already_enrolled', 'Already enrolled', 'You already have a place or are on the waiting list.');
      }
      let status: Enrolment['status'] = 'enrolled';
      let waitlistPosition: number | null = null;
      if (course.requiresApproval) status = 'pending_approval';
      else if (session && session.placesLeft === 0) {
        status = 'waitlisted';
        waitlistPosition = ++session.waitlistLength;
      } else if (session) {
        session.enrolled++;
        session.placesLeft--;
      }
      const now = '2026-11-25T10:00:00.000Z';
      const enrolment: Enrolment = {
        id: `enr_mock${nextId++}`, employeeId: 'emp_000000030', employeeName: 'Amy Davies', courseId: course.id, courseTitle: course.title,
        delivery: course.delivery, sessionId: session?.id ?? null,
        session: session ? { startsAt: session.startsAt, endsAt: session.endsAt, venue: session.venue, cancellationDeadline: session.cancellationDeadline } : null,
        status, waitlistPosition, enrolledBy: 'emp_000000030', approvalRequestId: status === 'pending_approval' ? 'apr_mock1' : null,
        cancellationReason: null, completedOn: null, version: 1, createdAt: now, updatedAt: now,
      };
      enrolments.push(enrolment);
      return HttpResponse.json(enrolment, { status: 201 });
    }),
    http.post('*/v1/enrolments/:enrolmentId/cancel', async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const e = enrolments.find((x) => x.id === params['enrolmentId']);
      if (!e) return problem(404, 'not_found', 'Not found', 'No such enrolment.');
      const session = e.sessionId ? sessions.get(e.sessionId) : undefined;
      if (session && e.status === 'enrolled') {
        session.enrolled--;
        session.placesLeft++;
      }
      if (session && e.status === 'waitlisted') session.waitlistLength--;
      Object.assign(e, { status: 'cancelled', waitlistPosition: null, version: e.version + 1 });
      return HttpResponse.json(e);
    }),
    http.get('*/v1/people/:employeeId/compliance', async () => {
      const failure = await guard();
      if (failure) return failure;
      const matrix = options.matrix ?? complianceMatrixFixture;
      return HttpResponse.json(scenario === 'empty' ? { ...matrix, subjects: [], summary: { required: 0, compliant: 0, expiring: 0, nonCompliant: 0, compliancePercent: null } } : matrix);
    }),
    http.get('*/v1/learning/compliance/team', async () => {
      const failure = await guard();
      if (failure) return failure;
      return HttpResponse.json({ data: scenario === 'empty' ? [] : (options.team ?? teamComplianceFixtures), hasMore: false, nextCursor: null });
    }),
  ];
}
