import type { Payslip } from '@esr/sdk';
import { esrEvent } from '../internal/esr-event.ts';

export interface EsrPayslipLoadedEventDetail {
  readonly payslip: Payslip;
}

/** Fired by `<esr-payslip>` each time a payslip has loaded and rendered. Bubbles and is composed. */
export class EsrPayslipLoadedEvent extends esrEvent<EsrPayslipLoadedEventDetail>('esr-payslip-loaded') {}

// GlobalEventHandlersEventMap feeds HTMLElementEventMap and DocumentEventMap alike, so
// `el.addEventListener('esr-payslip-loaded', e => e.detail…)` and `document.addEventListener(…)` are both typed.
declare global {
  interface GlobalEventHandlersEventMap {
    'esr-payslip-loaded': EsrPayslipLoadedEvent;
  }
}

export interface EsrPayslipDownloadedEventDetail {
  /** `payslip` (this payslip's PDF) or `p60` (a tax year's P60). */
  readonly kind: 'payslip' | 'p60';
  /** The file name it was saved under (the server's). */
  readonly filename: string;
  /** The PDF itself. */
  readonly blob: Blob;
}

/** Fired by `<esr-payslip>` after a payslip or P60 PDF has downloaded and been handed to the browser to save. */
export class EsrPayslipDownloadedEvent extends esrEvent<EsrPayslipDownloadedEventDetail>('esr-payslip-downloaded') {}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-payslip-downloaded': EsrPayslipDownloadedEvent;
  }
}
