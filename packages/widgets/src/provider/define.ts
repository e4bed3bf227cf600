/** Side-effect entry: registers `<esr-provider>`. Importing `./esr-provider.ts` alone registers nothing. */
import { defineElement } from '../internal/define.ts';
import { EsrProvider } from './esr-provider.ts';

defineElement('esr-provider', EsrProvider);
export { EsrProvider };
