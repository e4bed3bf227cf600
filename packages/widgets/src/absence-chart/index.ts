export { EsrAbsenceChart, type AbsenceChartView } from './esr-absence-chart.ts';
export { EsrAbsenceChartLoadedEvent, type EsrAbsenceChartLoadedEventDetail } from './events.ts';
export type { OrgMonth, OrgReason, PersonMonth } from './absence-data.ts';
