/** Side-effect entry: registers `<esr-absence-chart>`. Importing `./esr-absence-chart.ts` alone registers nothing. */
import { defineElement } from '../internal/define.ts';
import { EsrAbsenceChart } from './esr-absence-chart.ts';

defineElement('esr-absence-chart', EsrAbsenceChart);
export { EsrAbsenceChart };
