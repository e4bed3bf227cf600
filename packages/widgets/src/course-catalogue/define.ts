/** Side-effect entry: registers `<esr-course-catalogue>`. */
import { defineElement } from '../internal/define.ts';
import { EsrCourseCatalogue } from './esr-course-catalogue.ts';

defineElement('esr-course-catalogue', EsrCourseCatalogue);
export { EsrCourseCatalogue };
