/** What went wrong, in the terms a member of staff can act on. Widgets map each kind to their own words. */
export type ErrorKind =
  | 'signed-out'
  | 'forbidden'
  | 'not-found'
  | 'connection'
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'no-client'
  | 'unknown';

export interface ErrorDescription {
  kind: ErrorKind;
  /** The server's request id, for the service desk. */
  requestId?: string;
}

/** Thrown (and reported through `esr-error`) when a widget has neither a `client` nor a provider. */
export class MissingClientError extends Error {
  override name = 'MissingClientError';
  constructor() {
    super('No ESR client: set the `client` property or wrap the widget in <esr-provider base-url="…">.');
  }
}

/**
 * Classifies an SDK error. It reads `status` and `name` rather than using `instanceof`, so errors from
 * a second copy of the SDK on the page (another bundle) are still recognised.
 */
export function describeError(error: unknown): ErrorDescription {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    status?: unknown;
    requestId?: unknown;
  };
  const name = typeof e.name === 'string' ? e.name : '';
  const status = typeof e.status === 'number' ? e.status : undefined;
  const requestId = typeof e.requestId === 'string' && e.requestId ? e.requestId : undefined;
  const withId = (kind: ErrorKind): ErrorDescription => (requestId ? { kind, requestId } : { kind });

  if (error instanceof MissingClientError) return { kind: 'no-client' };
  if (name === 'TimeoutError') return withId('timeout');
  if (name === 'ConnectionError' || (name === 'TypeError' && status === undefined)) return withId('connection');
  if (name === 'AbortError') return withId('connection');
  switch (status) {
    case 401:
      return withId('signed-out');
    case 403:
      return withId('forbidden');
    case 404:
      return withId('not-found');
    case 408:
      return withId('timeout');
    case 429:
      return withId('rate-limited');
    case 0:
      return withId('connection');
  }
  if (status !== undefined && status >= 500) return withId('server');
  return withId('unknown');
}
