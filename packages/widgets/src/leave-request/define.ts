/** Side-effect entry: registers `<esr-leave-request>`. Importing `./esr-leave-request.ts` alone registers nothing. */
import { defineElement } from '../internal/define.ts';
import { EsrLeaveRequest } from './esr-leave-request.ts';

defineElement('esr-leave-request', EsrLeaveRequest);
export { EsrLeaveRequest };
