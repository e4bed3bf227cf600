import { esrEvent } from '../internal/esr-event.ts';

/** Detail of {@link EsrErrorEvent}: the SDK error (an `EsrError` subclass, or whatever was thrown). */
export interface EsrErrorEventDetail {
  readonly error: unknown;
}

/**
 * Fired by any widget when loading or an action fails, after the widget has rendered its own error
 * message. Bubbles and is composed, so one listener on `document` can log every widget's failures.
 */
export class EsrErrorEvent extends esrEvent<EsrErrorEventDetail>('esr-error') {}

// GlobalEventHandlersEventMap feeds HTMLElementEventMap and DocumentEventMap alike, so
// `el.addEventListener('esr-error', e => e.detail…)` and `document.addEventListener(…)` are both typed.
declare global {
  interface GlobalEventHandlersEventMap {
    'esr-error': EsrErrorEvent;
  }
}
