/** Side-effect entry: registers `<esr-approval-inbox>`. Importing `./esr-approval-inbox.ts` alone registers nothing. */
import { defineElement } from '../internal/define.ts';
import { EsrApprovalInbox } from './esr-approval-inbox.ts';

defineElement('esr-approval-inbox', EsrApprovalInbox);
export { EsrApprovalInbox };
