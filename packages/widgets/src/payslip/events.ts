import type { Payslip } from '@esr/sdk';

export interface EsrPayslipLoadedEventDetail {
  readonly payslip: Payslip;
}

/** Fired by `<esr-payslip>` each time a payslip has loaded and rendered. Bubbles and is composed. */
export class EsrPayslipLoadedEvent extends Event {
  static readonly eventName = 'esr-payslip-loaded';
  readonly detail: EsrPayslipLoadedEventDetail;

  constructor(detail: EsrPayslipLoadedEventDetail) {
    super(EsrPayslipLoadedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

// GlobalEventHandlersEventMap feeds HTMLElementEventMap and DocumentEventMap alike, so
// `el.addEventListener('esr-payslip-loaded', e => e.detail…)` and `document.addEventListener(…)` are both typed.
declare global {
  interface GlobalEventHandlersEventMap {
    'esr-payslip-loaded': EsrPayslipLoadedEvent;
  }
}
