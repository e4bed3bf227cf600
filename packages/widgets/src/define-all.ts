/**
 * Registers every ESR tag. The provider goes first so widgets already in the page find it the
 * moment they upgrade. Safe to load twice (guarded define).
 */
import './provider/define.ts';
import './payslip/define.ts';
import './leave-request/define.ts';
import './approval-inbox/define.ts';
import './personal-details/define.ts';
import './absence-chart/define.ts';
import './training-compliance/define.ts';
import './course-catalogue/define.ts';
