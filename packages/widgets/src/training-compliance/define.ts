/** Side-effect entry: registers `<esr-training-compliance>`. */
import { defineElement } from '../internal/define.ts';
import { EsrTrainingCompliance } from './esr-training-compliance.ts';

defineElement('esr-training-compliance', EsrTrainingCompliance);
export { EsrTrainingCompliance };
