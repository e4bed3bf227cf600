// `@esr/sdk/core`: the transport, errors and pagination without any resource. Pair it with the
// resources you use (`@esr/sdk/resources/payslips`, …) and a bundler keeps nothing else.
export { Transport, createTransport } from './transport.ts';
export type { CallOptions, EsrClientOptions, ReadResponse, RequestOptions, Sent } from './transport.ts';
export {
  EsrError,
  ValidationError,
  AuthenticationError,
  PermissionError,
  NotFoundError,
  ConflictError,
  PreconditionError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
} from './errors.ts';
export type { FieldIssue, RedactedRequest } from './errors.ts';
export { Page } from './pagination.ts';
export type { PageData } from './pagination.ts';
export { EtagStore } from './etags.ts';
