/**
 * @esr/widgets: framework-agnostic web components for NHS workforce self-service.
 *
 * Importing this module registers nothing (classes only, ready for scoped registries);
 * import `@esr/widgets/define-all.ts` or a widget's `define.ts` to register tags.
 */
export { EsrElement, HOST_STATES, type HostState } from './internal/esr-element.ts';
export { defineElement } from './internal/define.ts';
export { describeError, MissingClientError, type ErrorKind, type ErrorDescription } from './internal/describe-error.ts';
export { VERSION } from './internal/version.ts';
export * from './provider/index.ts';
export * from './payslip/index.ts';
export * from './leave-request/index.ts';
export * from './approval-inbox/index.ts';
export * from './personal-details/index.ts';
export * from './absence-chart/index.ts';
export * from './training-compliance/index.ts';
export * from './course-catalogue/index.ts';
export { EsrErrorEvent, type EsrErrorEventDetail } from './events/esr-error.ts';
export * from './i18n/index.ts';
