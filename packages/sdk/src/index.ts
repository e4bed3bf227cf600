export { createEsrClient } from './client.ts';
export type { EsrClient, EsrClientOptions, RequestOptions } from './client.ts';
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
export type { PayslipsResource } from './resources/payslips.ts';
export type { DemoResource, DemoRole } from './resources/demo.ts';
export type * from './types.ts';
