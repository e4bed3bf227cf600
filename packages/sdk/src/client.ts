import ky, { HTTPError, NetworkError, TimeoutError as KyTimeoutError, isHTTPError } from 'ky';
import type { KyInstance } from 'ky';
import { ConnectionError, EsrError, TimeoutError, errorFromResponse, redactRequest } from './errors.ts';
import { EtagStore } from './etags.ts';
import { AbsenceResource } from './resources/absence.ts';
import { ApprovalsResource } from './resources/approvals.ts';
import { AuditResource } from './resources/audit.ts';
import { CalendarsResource } from './resources/calendars.ts';
import { ComplianceResource } from './resources/compliance.ts';
import { CoursesResource } from './resources/courses.ts';
import { DemoResource } from './resources/demo.ts';
import { EnrolmentsResource } from './resources/enrolments.ts';
import { EventsResource } from './resources/events.ts';
import { LeaveResource } from './resources/leave.ts';
import { MeResource } from './resources/me.ts';
import { P60sResource } from './resources/p60s.ts';
import { PayrollResource } from './resources/payroll.ts';
import { PayslipsResource } from './resources/payslips.ts';
import { PeopleResource } from './resources/people.ts';

export interface EsrClientOptions {
  /** Where the ESR API is mounted (the SDK adds `/v1`), e.g. `https://esr.trust.nhs.uk` or `https://intranet.trust/esr`. */
  baseUrl: string;
  /** A bearer token, or… */
  token?: string;
  /** …a function returning a fresh one for each request (refresh it however your app signs in). */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Custom fetch (tests, proxies). Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default 15,000). */
  timeout?: number;
  /**
   * Retries on 408/429/5xx and network errors (default 2; 0 disables), for requests that are safe to
   * repeat: reads, PUT/DELETE, POST with an Idempotency-Key, PATCH with If-Match. Each call can override it.
   */
  retry?: number;
  hooks?: {
    /** Before each attempt (telemetry); must not change the request. */
    onRequest?: (request: Request) => void;
    /** After each response, including errors. */
    onResponse?: (response: Response, request: Request) => void;
  };
}

/** Options every SDK method takes, for this one call. */
export interface CallOptions {
  /** Aborts the call (and any retry wait); rejects with the platform's `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms for this call, overriding the client's `timeout`. */
  timeout?: number | undefined;
  /**
   * Retries for this call, overriding the client's `retry` (0 disables). Only calls that are safe to
   * repeat are ever retried: reads, PUT/DELETE, POST with an `Idempotency-Key`, PATCH with `If-Match`.
   */
  retry?: number | undefined;
}

export interface RequestOptions extends CallOptions {
  searchParams?: Record<string, string | number | boolean | undefined> | undefined;
  json?: unknown;
  headers?: Record<string, string> | undefined;
  /** Sent as `Idempotency-Key`: the server replays the first response, so a POST with one may be retried. */
  idempotencyKey?: string | undefined;
  /** Sent as `If-Match`: the update applies only to that version, so a PATCH with one may be retried. */
  ifMatch?: string | undefined;
  /**
   * This request has no side effects (a calculation sent as POST because it has a body), so it is
   * retried like a read. Only set it for endpoints that read and write nothing.
   */
  idempotent?: boolean | undefined;
}

/** What a download asks for: the media type it expects. */
export interface DownloadOptions extends RequestOptions {
  /** The media type expected on success, sent in `Accept` and checked on the response (e.g. `application/pdf`). */
  accept: string;
}

/** A parsed body with the response it came from (for headers such as `ETag`). */
export interface Sent<T> {
  data: T;
  response: Response;
}

const allMethods = ['get', 'head', 'options', 'put', 'delete', 'post', 'patch'] as const;
const retryStatusCodes = [408, 429, 500, 502, 503, 504];

/**
 * May this request be sent twice? Reads and PUT/DELETE are idempotent by HTTP's rules. A POST is, when
 * it carries an Idempotency-Key the server replays; a PATCH is, when If-Match pins it to one version
 * (a second attempt after a lost response fails with 412 instead of applying twice).
 */
function isRepeatable(method: string, headers: Headers, idempotent: boolean): boolean {
  if (idempotent) return true;
  switch (method.toUpperCase()) {
    case 'GET': case 'HEAD': case 'OPTIONS': case 'PUT': case 'DELETE':
      return true;
    case 'POST':
      return headers.has('idempotency-key');
    case 'PATCH':
      return headers.has('if-match');
    default:
      return false;
  }
}

function checkRetryAndTimeout(where: string, options: { retry?: number | undefined; timeout?: number | undefined }): void {
  if (options.retry !== undefined && !(Number.isInteger(options.retry) && options.retry >= 0)) {
    throw new TypeError(`${where}retry must be a whole number of retries (0 or more), not ${String(options.retry)}`);
  }
  if (options.timeout !== undefined && !(Number.isFinite(options.timeout) && options.timeout > 0)) {
    throw new TypeError(`${where}timeout must be a positive number of milliseconds, not ${String(options.timeout)}`);
  }
}

/** The low-level transport every resource shares: auth, retries, timeouts and the error model. */
export class Transport {
  readonly #ky: KyInstance;
  readonly #retry: number;
  /** With getToken, a 401 is answered by asking for a token once more and repeating the call once. */
  readonly #refreshOn401: boolean;

  constructor(options: EsrClientOptions) {
    const { getToken, token } = options;
    this.#retry = options.retry ?? 2;
    this.#refreshOn401 = getToken !== undefined;
    checkRetryAndTimeout('createEsrClient: ', options);
    // Called before every attempt, retries included, so a token refreshed meanwhile is the one sent.
    const authorise = async (request: Request, retry: boolean) => {
      const bearer = getToken ? await getToken() : token;
      if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
      else if (retry) request.headers.delete('Authorization'); // the token given for the last attempt is withdrawn
      options.hooks?.onRequest?.(request);
    };
    this.#ky = ky.create({
      // Keep any path on baseUrl so a server behind a proxy prefix (https://intranet/esr) works.
      baseUrl: new URL('v1/', options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`).href,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeout: options.timeout ?? 15_000,
      hooks: {
        beforeRequest: [({ request }) => authorise(request, false)],
        // ky runs beforeRequest once per call; every retry goes through beforeRetry.
        beforeRetry: [({ request }) => authorise(request, true)],
        afterResponse: [
          ({ request, response }) => {
            options.hooks?.onResponse?.(response, request);
          },
        ],
      },
    });
  }

  /** Sends one call (with its retries) and returns the parsed body and the final response. */
  async send<T>(method: string, path: string, options: RequestOptions = {}): Promise<Sent<T>> {
    return this.#exchange(method, path, options, async (response) => ({
      data: (response.status === 204 ? undefined : await response.json()) as T,
      response,
    }));
  }

  /**
   * A GET whose success body is binary (a PDF): read as a `Blob`, never parsed as JSON. Failures are
   * still problem+json and become the same typed errors. A 2xx of another media type (a proxy's HTML
   * sign-in page, say) is an `EsrError` with code `unexpected_content_type`, not a corrupt download.
   */
  async download(path: string, options: DownloadOptions): Promise<{ blob: Blob; response: Response }> {
    const { accept, ...rest } = options;
    const headers = new Headers(rest.headers);
    headers.set('Accept', `${accept}, application/problem+json;q=0.9`);
    return this.#exchange('GET', path, { ...rest, headers: Object.fromEntries(headers) }, async (response, request) => {
      const type = response.headers.get('content-type');
      if (type !== null && type.split(';')[0]!.trim().toLowerCase() !== accept.toLowerCase()) {
        void response.body?.cancel().catch(() => {});
        throw new EsrError({
          status: response.status,
          code: 'unexpected_content_type',
          title: 'Unexpected response type',
          detail: `Expected ${accept} but the server answered ${type}.`,
          requestId: response.headers.get('x-request-id') ?? undefined,
          request: request && redactRequest(request),
          headers: response.headers,
        });
      }
      return { blob: await response.blob(), response };
    });
  }

  /** One call with its retries; `read` turns the successful response into the result, inside the error mapping. */
  async #exchange<R>(method: string, path: string, options: RequestOptions, read: (response: Response, request: Request | undefined) => Promise<R>, refreshed = false): Promise<R> {
    const searchParams: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.searchParams ?? {})) {
      if (value !== undefined) searchParams[key] = String(value);
    }
    const headers = new Headers(options.headers);
    if (options.idempotencyKey !== undefined) headers.set('Idempotency-Key', options.idempotencyKey);
    if (options.ifMatch !== undefined) headers.set('If-Match', options.ifMatch);
    const keyed = method.toUpperCase() === 'POST' && headers.has('idempotency-key');
    const repeatable = isRepeatable(method, headers, options.idempotent === true);
    // Checked here: inside the try, a TypeError would be reported as a ConnectionError.
    checkRetryAndTimeout('', options);
    let sent: Request | undefined; // the final attempt, for errors raised while reading a 2xx
    try {
      const response = await this.#ky(path.replace(/^\//, ''), {
        method,
        searchParams,
        json: options.json,
        headers,
        signal: options.signal,
        ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
        hooks: { afterResponse: [({ request }) => void (sent = request)] },
        retry: {
          // The key (generated once per call, before the first attempt) is the same on every attempt.
          limit: repeatable ? (options.retry ?? this.#retry) : 0,
          methods: [...allMethods],
          // A keyed POST may also meet 409 idempotency_request_in_flight: its first attempt is still
          // running on the server. Waiting Retry-After and asking again gets the replayed response.
          statusCodes: keyed ? [...retryStatusCodes, 409] : retryStatusCodes,
          afterStatusCodes: keyed ? [409, 429, 503] : [429, 503],
          shouldRetry: ({ error }) => {
            if (isHTTPError(error) && error.response.status === 409) {
              const code = (error.data as { code?: unknown } | undefined)?.code;
              return code === 'idempotency_request_in_flight' ? undefined : false;
            }
            return undefined;
          },
          maxRetryAfter: 30_000,
          backoffLimit: 5_000,
          delay: (attempt) => 500 * 2 ** (attempt - 1),
          jitter: true,
        },
      });
      return await read(response, sent);
    } catch (error) {
      // The token may have expired between getToken and the server: the server did nothing with a
      // 401, so one repeat with a freshly fetched token is safe for any method.
      if (!refreshed && this.#refreshOn401 && isHTTPError(error) && error.response.status === 401) {
        return this.#exchange(method, path, options, read, true);
      }
      throw toEsrError(error);
    }
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.send<T>(method, path, options)).data;
  }
}

function toEsrError(error: unknown): unknown {
  if (error instanceof EsrError) return error;
  if (isHTTPError(error) || error instanceof HTTPError) {
    return errorFromResponse(error.response, error.data, error.request);
  }
  if (error instanceof KyTimeoutError) {
    // Not `cause: error`: ky's errors hold the unredacted Request, and `console.log(error)` prints causes.
    return new TimeoutError({ status: 0, code: 'timeout', title: 'The server did not answer in time', request: redactRequest(error.request) });
  }
  if (error instanceof NetworkError) {
    return new ConnectionError({ status: 0, code: 'connection_failed', title: 'Could not reach the server', detail: describeCause(error.cause), request: redactRequest(error.request), cause: error.cause });
  }
  if (error instanceof TypeError) {
    // Runtimes that ky does not recognise report network failures as a bare TypeError.
    return new ConnectionError({ status: 0, code: 'connection_failed', title: 'Could not reach the server', detail: error.message, cause: error });
  }
  return error; // AbortError and programming errors pass through unchanged
}

function describeCause(cause: unknown): string | undefined {
  return cause instanceof Error ? cause.message : undefined;
}

/** The ESR API, by resource. */
export interface EsrClient {
  /** The signed-in person: who they are, their roles, their team. */
  readonly me: MeResource;
  /** People's records: profile, personal details, name changes, bank details, equality and diversity. */
  readonly people: PeopleResource;
  /** The signed-in employee's payslips, as data and as PDFs. */
  readonly payslips: PayslipsResource;
  /** The signed-in employee's P60 end-of-year certificates, as data and as PDFs. */
  readonly p60s: P60sResource;
  /** Payroll: the period calculator (anyone signed in) and payroll runs (payroll admins). */
  readonly payroll: PayrollResource;
  /** The organisation's audit trail (HR admins). */
  readonly audit: AuditResource;
  /** The approvals inbox: list, read, decide (with If-Match), respond, withdraw, bulk approve. */
  readonly approvals: ApprovalsResource;
  /** Annual leave and TOIL: entitlement, balances, working patterns and requests (create, submit, cancel). */
  readonly leave: LeaveResource;
  /** Sickness absence: episodes, sick pay, Bradford factor, rates, reasons and a person's absence calendar. */
  readonly absence: AbsenceResource;
  /** Shared calendars: UK bank holidays. */
  readonly calendars: CalendarsResource;
  /** The course catalogue: search with relevance and facets, courses and class sessions. */
  readonly courses: CoursesResource;
  /** Enrolments: enrol, waiting lists, cancel, attendance, completion. */
  readonly enrolments: EnrolmentsResource;
  /** Statutory and mandatory training (CSTF): red/amber/green matrix, history, team and organisation figures. */
  readonly compliance: ComplianceResource;
  /** The integrators' feed of approval and request state changes, with a poller that follows it. */
  readonly events: EventsResource;
  /** Demo sign-in (only on servers running in demo mode). */
  readonly demo: DemoResource;
  /**
   * The ETag of the response an object came from (`esr.etagOf(await esr.people.personalDetails())`),
   * or undefined when it had none. Pass it as `ifMatch` to update exactly the version you showed.
   */
  etagOf(value: unknown): string | undefined;
  /**
   * Forgets the ETags remembered for automatic `If-Match` (all of them, or one path such as
   * `people/me/personal-details`). Call it when the signed-in user changes on a shared client.
   */
  forgetEtags(path?: string): void;
  /** Escape hatch: call any endpoint with the client's auth, retries and error model. */
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
}

export function createEsrClient(options: EsrClientOptions): EsrClient {
  if (!options?.baseUrl) throw new TypeError('createEsrClient: baseUrl is required');
  const transport = new Transport(options);
  const etags = new EtagStore();
  return {
    me: new MeResource(transport),
    people: new PeopleResource(transport, etags),
    payslips: new PayslipsResource(transport),
    p60s: new P60sResource(transport),
    payroll: new PayrollResource(transport),
    audit: new AuditResource(transport),
    approvals: new ApprovalsResource(transport, etags),
    leave: new LeaveResource(transport, etags),
    absence: new AbsenceResource(transport, etags),
    calendars: new CalendarsResource(transport),
    courses: new CoursesResource(transport, etags),
    enrolments: new EnrolmentsResource(transport),
    compliance: new ComplianceResource(transport),
    events: new EventsResource(transport),
    demo: new DemoResource(transport),
    etagOf: (value) => etags.of(value),
    forgetEtags: (path) => etags.forget(path?.replace(/^\//, '')),
    request: (method, path, requestOptions) => transport.request(method, path, requestOptions),
  };
}
