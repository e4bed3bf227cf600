export { EsrPayslip } from './esr-payslip.ts';
export { EsrPayslipDownloadedEvent, EsrPayslipLoadedEvent, type EsrPayslipDownloadedEventDetail, type EsrPayslipLoadedEventDetail } from './events.ts';
