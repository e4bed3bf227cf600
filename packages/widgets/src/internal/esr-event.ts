/**
 * Base class of every ESR event, so each one is a line: `class EsrXEvent extends esrEvent<Detail>('esr-x') {}`.
 * The event bubbles and is composed (one listener on `document` hears every widget); the present-tense
 * events sent before an action pass `cancelable` so `preventDefault()` can stop it. `eventName` is on
 * the class for `addEventListener(EsrXEvent.eventName, …)`.
 */
export function esrEvent<D>(name: string, cancelable = false) {
  return class EsrEvent extends Event {
    static readonly eventName = name;
    readonly detail: D;

    constructor(detail: D) {
      super(name, { bubbles: true, composed: true, cancelable });
      this.detail = detail;
    }
  };
}
