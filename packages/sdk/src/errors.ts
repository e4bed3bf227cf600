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
  readonly status: number;
  /** Stable machine-readable code from the server's problem+json (`validation_failed`, `not_found`, …). */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  /** Quote this to support: the server logs it with the failure. */
  readonly requestId: string | undefined;
  readonly issues: FieldIssue[];
  readonly request: RedactedRequest | undefined;
  readonly headers: Headers | undefined;

  constructor(init: EsrErrorInit) {
    super(init.detail ?? init.title, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.requestId = init.requestId;
    this.issues = init.issues ?? [];
    this.request = init.request;
    this.headers = init.headers;
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
    const value = this.headers?.get('retry-after');
    if (!value) return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return seconds;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
}
/** 5xx: the server failed; safe to retry reads. */
export class ServerError extends EsrError { override name = 'ServerError'; }
/** No response: DNS, refused connection, offline, CORS. */
export class ConnectionError extends EsrError { override name = 'ConnectionError'; }
/** No response in time. */
export class TimeoutError extends EsrError { override name = 'TimeoutError'; }

type ErrorClass = new (init: EsrErrorInit) => EsrError;

function classFor(status: number): ErrorClass {
  if (status === 400 || status === 422) return ValidationError;
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 412 || status === 428) return PreconditionError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return EsrError;
}

const secretHeaders = new Set(['authorization', 'cookie', 'proxy-authorization', 'x-api-key']);

export function redactRequest(request: Request): RedactedRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = secretHeaders.has(name.toLowerCase()) ? '[redacted]' : value;
  });
  return { method: request.method, url: request.url, headers };
}

/** Builds the typed error for an HTTP error response from its (problem+json) body. */
export function errorFromResponse(response: Response, body: unknown, request: Request): EsrError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const issues = Array.isArray(problem['errors'])
    ? (problem['errors'] as unknown[]).filter((e): e is FieldIssue => typeof e === 'object' && e !== null && 'path' in e)
    : undefined;
  const ErrorType = classFor(response.status);
  return new ErrorType({
    status: response.status,
    code: str(problem['code']) ?? `http_${response.status}`,
    title: str(problem['title']) ?? (response.statusText || `HTTP ${response.status}`),
    detail: str(problem['detail']) ?? (typeof body === 'string' && body.length < 500 ? body : undefined),
    type: str(problem['type']),
    requestId: str(problem['requestId']) ?? response.headers.get('x-request-id') ?? undefined,
    issues,
    request: redactRequest(request),
    headers: response.headers,
  });
}
