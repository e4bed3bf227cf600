// One error hierarchy for every failure the SDK can report. Methods throw these; `instanceof` picks the case.

/** The request as it is safe to log: method, URL and headers with credentials redacted. */
export interface RedactedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

export interface FieldIssue {
  /** Where the problem is, e.g. `body.address.postcode` or `query.limit`. */
  path: string;
  message: string;
  code: string;
}

export interface EsrErrorInit {
  status: number;
  code: string;
  title: string;
  detail?: string | undefined;
  type?: string | undefined;
  requestId?: string | undefined;
  issues?: FieldIssue[] | undefined;
  request?: RedactedRequest | undefined;
  headers?: Headers | undefined;
  cause?: unknown;
}

export class EsrError extends Error {
  override name = 'EsrError';
  /** HTTP status; 0 when no response arrived (connection, timeout). */
  declare readonly status: number;
  /** Stable machine-readable code from the server's problem+json (`validation_failed`, `not_found`, …). */
  declare readonly code: string;
  declare readonly title: string;
  declare readonly detail: string | undefined;
  declare readonly type: string | undefined;
  /** Quote this to support: the server logs it with the failure. */
  declare readonly requestId: string | undefined;
  /** Each field at fault (validation errors); empty otherwise. */
  declare readonly issues: FieldIssue[];
  /** The request that failed, safe to log: credentials in headers and query are redacted. */
  declare readonly request: RedactedRequest | undefined;
  declare readonly headers: Headers | undefined;

  constructor({ cause, ...init }: EsrErrorInit) {
    super(init.detail ?? init.title, { cause });
    // `declare`d fields and one assign keep the class small: it is in every bundle that uses the SDK.
    Object.assign(this, { issues: [] }, init);
  }

  /** The first field path at fault, if the server named one. */
  get param(): string | undefined {
    return this.issues[0]?.path;
  }
}

/** 400 / 422: the request was not valid; `issues` names each field. */
export class ValidationError extends EsrError { override name = 'ValidationError'; }
/** 401: not signed in, or the token expired. */
export class AuthenticationError extends EsrError { override name = 'AuthenticationError'; }
/** 403: signed in, but not allowed. */
export class PermissionError extends EsrError { override name = 'PermissionError'; }
/** 404: does not exist, or is not visible to the caller. */
export class NotFoundError extends EsrError { override name = 'NotFoundError'; }
/** 409: conflicts with the current state (already decided, in flight, full). */
export class ConflictError extends EsrError { override name = 'ConflictError'; }
/** 412 / 428: the record changed since it was read, or `If-Match` is required. */
export class PreconditionError extends EsrError { override name = 'PreconditionError'; }
/** 429: slow down; `retryAfter` is in seconds when the server said. */
export class RateLimitError extends EsrError {
  override name = 'RateLimitError';
  get retryAfter(): number | undefined {
    const value = this.headers?.get('retry-after') ?? '';
    const date = Date.parse(value); // an HTTP-date; checked second, as "120" parses as the year 120
    return /^\d+$/.test(value) ? Number(value) : date ? Math.max(0, Math.ceil((date - Date.now()) / 1000)) : undefined;
  }
}
/** 5xx: the server failed; safe to retry reads. */
export class ServerError extends EsrError { override name = 'ServerError'; }
/** No response: DNS, refused connection, offline, CORS. */
export class ConnectionError extends EsrError { override name = 'ConnectionError'; }
/** No response in time. */
export class TimeoutError extends EsrError { override name = 'TimeoutError'; }

type ErrorClass = new (init: EsrErrorInit) => EsrError;

const classByStatus: Record<number, ErrorClass> = {
  400: ValidationError, 422: ValidationError, 401: AuthenticationError, 403: PermissionError, 404: NotFoundError,
  409: ConflictError, 412: PreconditionError, 428: PreconditionError, 429: RateLimitError,
};

/** Header and query parameter names that carry credentials: their values never reach an error. */
const secret = /auth|cookie|token|secret|password|api.?key|signature/i;

export function redactRequest(request: Request): RedactedRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = secret.test(name) ? '[redacted]' : value;
  });
  const url = new URL(request.url);
  // Set in a second pass: changing a URLSearchParams while iterating it skips entries.
  for (const name of [...url.searchParams.keys()]) if (secret.test(name)) url.searchParams.set(name, '[redacted]');
  return { method: request.method, url: url.href, headers };
}

/** Builds the typed error for an HTTP error response from its (problem+json) body. */
export function errorFromResponse(response: Response, body: unknown, request: Request): EsrError {
  const { status, headers } = response;
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const errors = problem['errors'];
  const ErrorType = classByStatus[status] ?? (status >= 500 ? ServerError : EsrError);
  return new ErrorType({
    status,
    code: str(problem['code']) ?? `http_${status}`,
    title: str(problem['title']) ?? (response.statusText || `HTTP ${status}`),
    detail: str(problem['detail']) ?? (typeof body === 'string' && body.length < 500 ? body : undefined),
    type: str(problem['type']),
    requestId: str(problem['requestId']) ?? headers.get('x-request-id') ?? undefined,
    issues: Array.isArray(errors) ? errors.filter((e): e is FieldIssue => typeof e?.path === 'string') : [],
    request: redactRequest(request),
    headers,
  });
}
