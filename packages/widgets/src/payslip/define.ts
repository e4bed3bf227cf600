/** Side-effect entry: registers `<esr-payslip>`. Importing `./esr-payslip.ts` alone registers nothing. */
import { defineElement } from '../internal/define.ts';
import { EsrPayslip } from './esr-payslip.ts';

defineElement('esr-payslip', EsrPayslip);
export { EsrPayslip };
