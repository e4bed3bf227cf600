export { EsrPayslip } from './esr-payslip.ts';
export { EsrPayslipLoadedEvent, type EsrPayslipLoadedEventDetail } from './events.ts';
