/**
 * Entry of the self-contained `dist/esr-widgets.js` for plain HTML pages:
 * `<script type="module" src="/widgets/esr-widgets.js">` registers all tags, and
 * `import { createEsrClient } from '/widgets/esr-widgets.js'` gives the SDK client to set on `client`.
 */
import './define-all.ts';

export * from './index.ts';
export { createEsrClient } from '@esr/sdk';
export type { EsrClient, Payslip, PayslipSummary } from '@esr/sdk';
