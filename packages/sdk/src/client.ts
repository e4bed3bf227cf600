import ky, { HTTPError, NetworkError, TimeoutError as KyTimeoutError, isHTTPError } from 'ky';
import type { KyInstance } from 'ky';
import { ConnectionError, EsrError, TimeoutError, errorFromResponse, redactRequest } from './errors.ts';
import { DemoResource } from './resources/demo.ts';
import { PayslipsResource } from './resources/payslips.ts';

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
  /** Retries for safe requests on 408/429/5xx and network errors (default 2; 0 disables). */
  retry?: number;
  hooks?: {
    /** Before each attempt (telemetry); must not change the request. */
    onRequest?: (request: Request) => void;
    /** After each response, including errors. */
    onResponse?: (response: Response, request: Request) => void;
  };
}

export interface RequestOptions {
  searchParams?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** The low-level transport every resource shares: auth, retries, timeouts and the error model. */
export class Transport {
  readonly #ky: KyInstance;

  constructor(options: EsrClientOptions) {
    const { getToken, token } = options;
    this.#ky = ky.create({
      // Keep any path on baseUrl so a server behind a proxy prefix (https://intranet/esr) works.
      baseUrl: new URL('v1/', options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`).href,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeout: options.timeout ?? 15_000,
      retry: {
        limit: options.retry ?? 2,
        methods: ['get', 'head', 'put', 'delete', 'options'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        afterStatusCodes: [429, 503],
        maxRetryAfter: 30_000,
        backoffLimit: 5_000,
        delay: (attempt) => 500 * 2 ** (attempt - 1),
        jitter: true,
      },
      hooks: {
        beforeRequest: [
          async ({ request }) => {
            const bearer = getToken ? await getToken() : token;
            if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
            options.hooks?.onRequest?.(request);
          },
        ],
        // ky runs beforeRequest once per call; retries go through beforeRetry, so telemetry sees every attempt.
        beforeRetry: [
          ({ request }) => {
            options.hooks?.onRequest?.(request);
          },
        ],
        afterResponse: [
          ({ request, response }) => {
            options.hooks?.onResponse?.(response, request);
          },
        ],
      },
    });
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const searchParams: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.searchParams ?? {})) {
      if (value !== undefined) searchParams[key] = String(value);
    }
    try {
      const response = await this.#ky(path.replace(/^\//, ''), {
        method,
        searchParams,
        json: options.json,
        headers: options.headers,
        signal: options.signal,
      });
      if (response.status === 204) return undefined as T;
      return (await response.json()) as T;
    } catch (error) {
      throw toEsrError(error);
    }
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
  readonly payslips: PayslipsResource;
  /** Demo sign-in (only on servers running in demo mode). */
  readonly demo: DemoResource;
  /** Escape hatch: call any endpoint with the client's auth, retries and error model. */
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
}

export function createEsrClient(options: EsrClientOptions): EsrClient {
  if (!options?.baseUrl) throw new TypeError('createEsrClient: baseUrl is required');
  const transport = new Transport(options);
  return {
    payslips: new PayslipsResource(transport),
    demo: new DemoResource(transport),
    request: (method, path, requestOptions) => transport.request(method, path, requestOptions),
  };
}
