import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** One field-level problem, as in RFC 9457 `errors[]`. `path` is a JSON-pointer-like dotted path. */
export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/**
 * The one error type of the server. Handlers throw it; `app.onError` renders it as
 * `application/problem+json` (RFC 9457). Nothing else may write an error body.
 */
export class ApiProblem extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly title: string;
  readonly errors: FieldIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    title: string,
    detail?: string,
    extra: { errors?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? title);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
  }
}

export const problems = {
  validation: (errors: FieldIssue[], detail = describeIssues(errors)) =>
    new ApiProblem(400, 'validation_failed', 'Your request is not valid', detail, { errors }),
  unauthenticated: (detail = 'Sign in: this request needs a valid bearer token.') =>
    new ApiProblem(401, 'unauthenticated', 'You are not signed in', detail, {
      headers: { 'WWW-Authenticate': 'Bearer realm="esr"' },
    }),
  forbidden: (detail = 'You may not do this.') => new ApiProblem(403, 'forbidden', 'Not allowed', detail),
  notFound: (what: string) => new ApiProblem(404, 'not_found', 'Not found', `${what} was not found.`),
  routeNotFound: (method: string, path: string) =>
    new ApiProblem(404, 'route_not_found', 'No such endpoint', `There is no ${method} ${path}.`),
  methodNotAllowed: (method: string, path: string) =>
    new ApiProblem(405, 'method_not_allowed', 'Method not allowed', `${method} is not supported on ${path}.`),
  unavailable: (detail = 'The database is not reachable right now (restarting or failing over): retry shortly.') =>
    new ApiProblem(503, 'service_unavailable', 'Temporarily unavailable', detail, { headers: { 'Retry-After': '5' } }),
  internal: () =>
    new ApiProblem(500, 'internal_error', 'Something went wrong on our side', 'The error has been logged; quote the request id.'),
};

export function describeIssues(errors: FieldIssue[]): string {
  return errors.map((e) => `${e.path || '(request)'}: ${e.message}`).join('; ');
}

/** zod issues → our field issues, prefixed with where the value came from (query, body, …). */
export function issuesFromZod(error: ZodError, target: string): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const base = [target, ...issue.path.map(String)].filter(Boolean);
    // Unknown keys are reported per key so the caller sees exactly which field was rejected.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'Unknown field', code: 'unknown_field' }));
    }
    return [{ path: base.join('.'), message: issue.message, code: issue.code }];
  });
}

export function renderProblem(c: Context, problem: ApiProblem): Response {
  const body = {
    type: `urn:esr:problem:${problem.code}`,
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    code: problem.code,
    instance: c.req.path,
    requestId: c.get('requestId') as string | undefined,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  for (const [name, value] of Object.entries(problem.headers)) c.header(name, value);
  return c.body(JSON.stringify(body), problem.status, { 'Content-Type': 'application/problem+json' });
}
