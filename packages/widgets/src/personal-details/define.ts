/** Side-effect entry: registers `<esr-personal-details>`. Importing `./esr-personal-details.ts` alone registers nothing. */
import { defineElement } from '../internal/define.ts';
import { EsrPersonalDetails } from './esr-personal-details.ts';

defineElement('esr-personal-details', EsrPersonalDetails);
export { EsrPersonalDetails };
