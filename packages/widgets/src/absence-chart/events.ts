import type { BradfordFactor } from '@esr/sdk';
import type { OrgMonth, OrgReason, PersonMonth } from './absence-data.ts';
import { esrEvent } from '../internal/esr-event.ts';

export type EsrAbsenceChartLoadedEventDetail =
  | { readonly view: 'person'; readonly months: readonly PersonMonth[]; readonly bradford: BradfordFactor }
  | { readonly view: 'organisation'; readonly months: readonly OrgMonth[]; readonly reasons: readonly OrgReason[] };

/** Fired by `<esr-absence-chart>` each time its figures have loaded and rendered. Bubbles and is composed. */
export class EsrAbsenceChartLoadedEvent extends esrEvent<EsrAbsenceChartLoadedEventDetail>('esr-absence-chart-loaded') {}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-absence-chart-loaded': EsrAbsenceChartLoadedEvent;
  }
}
