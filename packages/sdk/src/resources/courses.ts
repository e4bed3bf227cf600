import type { CallOptions, Transport } from '../client.ts';
import { writeIfMatch } from '../etags.ts';
import type { EtagStore } from '../etags.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type {
  ClassSession, ClassSessionPatch, Course, CourseDelivery, CourseDetail, CourseFacetCount, CoursePatch, CourseSearchItem, Enrolment, NewClassSession, NewCourse,
} from '../types.ts';
import type { UpdateOptions } from './people.ts';

/** Catalogue filters, shared by `search` and `facets`. */
export interface CourseFilter {
  /** Free text (words, "quoted phrases", -excluded, or); results are ranked by relevance, title first. */
  q?: string;
  category?: string;
  delivery?: CourseDelivery | CourseDelivery[];
  /** Only courses with a session starting in `from`–`to` (`YYYY-MM-DD`, inclusive). */
  from?: string;
  to?: string;
  venue?: string;
  /** Only courses bookable now: a session with places and booking open, or e-learning. */
  hasPlaces?: boolean;
}

export interface CourseSearchOptions extends CourseFilter, CallOptions {
  /** Page size, 1–100 (default 20). */
  limit?: number;
  cursor?: string;
}

const id = (value: string, what: string) => {
  if (typeof value !== 'string' || value === '') throw new TypeError(`A ${what} id is required`);
  return encodeURIComponent(value);
};
const coursePath = (courseId: string) => `courses/${id(courseId, 'course (crs_…)')}`;
const sessionPath = (sessionId: string) => `sessions/${id(sessionId, 'session (ses_…)')}`;

function filterParams(f: CourseFilter): Record<string, string | undefined> {
  return {
    q: f.q,
    category: f.category,
    delivery: Array.isArray(f.delivery) ? f.delivery.join(',') : f.delivery,
    from: f.from,
    to: f.to,
    venue: f.venue,
    hasPlaces: f.hasPlaces === undefined ? undefined : String(f.hasPlaces),
  };
}

/** Class sessions of classroom and virtual courses: schedule, change or cancel (learning admins), registers. */
export class SessionsResource {
  readonly #transport: Transport;
  readonly #etags: EtagStore;
  constructor(transport: Transport, etags: EtagStore) {
    this.#transport = transport;
    this.#etags = etags;
  }

  /** One session with places left and waiting-list length. Remembers its ETag for `update`. */
  async get(sessionId: string, options: CallOptions = {}): Promise<ClassSession> {
    const url = sessionPath(sessionId);
    const { data, response } = await this.#transport.send<ClassSession>('GET', url, options);
    this.#etags.remember(url, response, data);
    return data;
  }

  /** Schedules a session of a course (learning admins). Deadlines default to a day (booking) and two days (cancellation) before the start. */
  async create(courseId: string, session: NewClassSession, options: CallOptions = {}): Promise<ClassSession> {
    const { data, response } = await this.#transport.send<ClassSession>('POST', `${coursePath(courseId)}/sessions`, { ...options, json: session });
    this.#etags.remember(sessionPath(data.id), response, data);
    return data;
  }

  /** Changes a session, or cancels it with `{ status: 'cancelled' }` (learning admins; `If-Match`). Raising capacity promotes from the waiting list. */
  update(sessionId: string, patch: ClassSessionPatch, options: UpdateOptions = {}): Promise<ClassSession> {
    return writeIfMatch<ClassSession>(this.#transport, this.#etags, 'PATCH', sessionPath(sessionId), { ...options, json: patch });
  }

  /** The register: everyone with a place, then the waiting list in order (learning admins). */
  async register(sessionId: string, options: CallOptions = {}): Promise<Enrolment[]> {
    return (await this.#transport.request<PageData<Enrolment>>('GET', `${sessionPath(sessionId)}/enrolments`, options)).data;
  }
}

/** The course catalogue: search with relevance and facets, course detail with sessions, admin writes. */
export class CoursesResource {
  readonly #transport: Transport;
  readonly #etags: EtagStore;
  /** Class sessions: get, create, update (cancel), register. */
  readonly sessions: SessionsResource;
  constructor(transport: Transport, etags: EtagStore) {
    this.#transport = transport;
    this.#etags = etags;
    this.sessions = new SessionsResource(transport, etags);
  }

  /** Searches the catalogue: by relevance with `q`, else by title. The page is async-iterable over every course. */
  async search(options: CourseSearchOptions = {}): Promise<Page<CourseSearchItem>> {
    const { q, category, delivery, from, to, venue, hasPlaces, limit, cursor, ...call } = options;
    const params = filterParams({ q, category, delivery, from, to, venue, hasPlaces });
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<CourseSearchItem>>('GET', 'courses', { ...call, searchParams: { ...params, limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /** Facet counts for the same filters: each facet (category, delivery, venue, hasPlaces) counted with every filter but its own. */
  async facets(options: CourseFilter & CallOptions = {}): Promise<CourseFacetCount[]> {
    const { q, category, delivery, from, to, venue, hasPlaces, ...call } = options;
    const page = await this.#transport.request<PageData<CourseFacetCount>>('GET', 'courses/facets', { ...call, searchParams: filterParams({ q, category, delivery, from, to, venue, hasPlaces }) });
    return page.data;
  }

  /** A course with its upcoming sessions (`includePast` for all). Remembers its ETag for `update`. */
  async get(courseId: string, options: CallOptions & { includePast?: boolean } = {}): Promise<CourseDetail> {
    const { includePast, ...call } = options;
    const url = coursePath(courseId);
    const { data, response } = await this.#transport.send<CourseDetail>('GET', url, { ...call, searchParams: { includePast: includePast === undefined ? undefined : String(includePast) } });
    this.#etags.remember(url, response, data);
    return data;
  }

  /** Adds a course (learning admins). */
  async create(course: NewCourse, options: CallOptions = {}): Promise<Course> {
    const { data, response } = await this.#transport.send<Course>('POST', 'courses', { ...options, json: course });
    this.#etags.remember(coursePath(data.id), response, data);
    return data;
  }

  /** Changes a course, or withdraws it with `{ status: 'withdrawn' }` (learning admins; `If-Match`). */
  update(courseId: string, patch: CoursePatch, options: UpdateOptions = {}): Promise<Course> {
    return writeIfMatch<Course>(this.#transport, this.#etags, 'PATCH', coursePath(courseId), { ...options, json: patch });
  }
}
