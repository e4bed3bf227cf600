// The SDK core: one HTTP transport on ky that every resource shares (auth, token refresh, retries with
// backoff and Retry-After, timeouts, the error model). Resources are separate modules built on it, so an
// app that uses one resource bundles only that one (see `createTransport` in the README).
import ky, { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import type { KyInstance } from 'ky';
import { ConnectionError, TimeoutError, errorFromResponse, redactRequest } from './errors.ts';

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

/** A parsed body with the response it came from (for headers such as `ETag`). */
export interface Sent<T> {
  data: T;
  response: Response;
}

/** Turns a successful response into a result; `request` is the attempt that got it. Throwing here is reported like any failure. */
export type ReadResponse<R> = (response: Response, request: Request | undefined) => Promise<R>;

const retryStatusCodes = [408, 429, 500, 502, 503, 504];

// Checked before anything is sent, so a bad value is a TypeError and never a ConnectionError.
function checkOptions(options: CallOptions): void {
  const { retry, timeout } = options;
  if ((retry !== undefined && !(Number.isInteger(retry) && retry >= 0)) || (timeout !== undefined && !(timeout > 0))) {
    throw new TypeError(`retry must be a whole number (0 or more) and timeout a positive number of ms, not ${retry}/${timeout}`);
  }
}

/** The low-level transport every resource shares: auth, retries, timeouts and the error model. */
export class Transport {
  readonly #ky: KyInstance;
  readonly #retry: number;
  /** With getToken, a 401 is answered by asking for a token once more and repeating the call once. */
  readonly #refreshOn401: boolean;

  constructor(options: EsrClientOptions) {
    if (!options?.baseUrl) throw new TypeError('createEsrClient: baseUrl is required');
    checkOptions(options);
    const { getToken, token, hooks } = options;
    this.#retry = options.retry ?? 2;
    this.#refreshOn401 = getToken !== undefined;
    // Called before every attempt, retries included, so a token refreshed meanwhile is the one sent.
    const authorise = async (request: Request, retry: boolean) => {
      const bearer = getToken ? await getToken() : token;
      if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
      else if (retry) request.headers.delete('Authorization'); // the token given for the last attempt is withdrawn
      hooks?.onRequest?.(request);
    };
    this.#ky = ky.create({
      // Keep any path on baseUrl so a server behind a proxy prefix (https://intranet/esr) works.
      baseUrl: new URL('v1/', options.baseUrl.replace(/\/?$/, '/')).href,
      fetch: options.fetch, // undefined: ky takes the global fetch at each request (msw patches it late)
      timeout: options.timeout ?? 15_000,
      // ky runs beforeRequest once per call; every retry goes through beforeRetry.
      hooks: {
        beforeRequest: [({ request }) => authorise(request, false)],
        beforeRetry: [({ request }) => authorise(request, true)],
        afterResponse: [({ request, response }) => void hooks?.onResponse?.(response, request)],
      },
    });
  }

  /** Sends one call (with its retries) and returns the parsed body and the final response. */
  send<T>(method: string, path: string, options: RequestOptions = {}): Promise<Sent<T>> {
    return this.call(method, path, options, async (response) => ({
      data: (response.status === 204 ? undefined : await response.json()) as T,
      response,
    }));
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.send<T>(method, path, options)).data;
  }

  /** One call with its retries; `read` turns the successful response into the result, inside the error mapping. */
  async call<R>(method: string, path: string, options: RequestOptions, read: ReadResponse<R>, refreshed = false): Promise<R> {
    checkOptions(options);
    const headers = new Headers(options.headers);
    if (options.idempotencyKey !== undefined) headers.set('Idempotency-Key', options.idempotencyKey);
    if (options.ifMatch !== undefined) headers.set('If-Match', options.ifMatch);
    const verb = method.toUpperCase();
    const keyed = verb === 'POST' && headers.has('idempotency-key');
    // May this request be sent twice? Reads and PUT/DELETE are idempotent by HTTP's rules. A POST is when
    // it carries an Idempotency-Key the server replays; a PATCH is when If-Match pins it to one version
    // (a second attempt after a lost response fails with 412 instead of applying twice).
    const repeatable = options.idempotent || keyed || /^(GET|HEAD|OPTIONS|PUT|DELETE)$/.test(verb) || (verb === 'PATCH' && headers.has('if-match'));
    let sent: Request | undefined; // the final attempt, for errors raised while reading a 2xx
    try {
      const response = await this.#ky(path.replace(/^\//, ''), {
        method,
        searchParams: options.searchParams, // ky drops undefined values
        json: options.json,
        headers,
        signal: options.signal,
        ...(options.timeout && { timeout: options.timeout }), // an undefined key would replace the client's
        hooks: { afterResponse: [({ request }) => void (sent = request)] },
        retry: {
          // The key (generated once per call, before the first attempt) is the same on every attempt.
          limit: repeatable ? (options.retry ?? this.#retry) : 0,
          methods: [verb.toLowerCase()],
          // A keyed POST may also meet 409 idempotency_request_in_flight: its first attempt is still
          // running on the server. Waiting Retry-After and asking again gets the replayed response.
          statusCodes: keyed ? [...retryStatusCodes, 409] : retryStatusCodes,
          afterStatusCodes: [409, 429, 503],
          shouldRetry: ({ error }) =>
            isHTTPError(error) && error.response.status === 409 && (error.data as { code?: unknown } | undefined)?.code !== 'idempotency_request_in_flight' ? false : undefined,
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
        return this.call(method, path, options, read, true);
      }
      throw toEsrError(error);
    }
  }
}

/** The core on its own: `new PayslipsResource(createTransport({ baseUrl, getToken }))` bundles nothing else. */
export function createTransport(options: EsrClientOptions): Transport {
  return new Transport(options);
}

function toEsrError(error: unknown): unknown {
  if (isHTTPError(error)) return errorFromResponse(error.response, error.data, error.request);
  const timedOut = isTimeoutError(error);
  if (timedOut || isNetworkError(error)) {
    // Not `cause: error`: ky's errors hold the unredacted Request, and `console.log(error)` prints causes.
    const cause = timedOut ? undefined : error.cause;
    return new (timedOut ? TimeoutError : ConnectionError)({
      status: 0,
      code: timedOut ? 'timeout' : 'connection_failed',
      title: timedOut ? 'The server did not answer in time' : 'Could not reach the server',
      detail: cause instanceof Error ? cause.message : undefined,
      request: redactRequest(error.request),
      cause,
    });
  }
  return error; // AbortError, errors of getToken and programming errors pass through unchanged
}
