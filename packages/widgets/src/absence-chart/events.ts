import type { BradfordFactor } from '@esr/sdk';
import type { OrgMonth, OrgReason, PersonMonth } from './absence-data.ts';

export type EsrAbsenceChartLoadedEventDetail =
  | { readonly view: 'person'; readonly months: readonly PersonMonth[]; readonly bradford: BradfordFactor }
  | { readonly view: 'organisation'; readonly months: readonly OrgMonth[]; readonly reasons: readonly OrgReason[] };

/** Fired by `<esr-absence-chart>` each time its figures have loaded and rendered. Bubbles and is composed. */
export class EsrAbsenceChartLoadedEvent extends Event {
  static readonly eventName = 'esr-absence-chart-loaded';
  readonly detail: EsrAbsenceChartLoadedEventDetail;

  constructor(detail: EsrAbsenceChartLoadedEventDetail) {
    super(EsrAbsenceChartLoadedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-absence-chart-loaded': EsrAbsenceChartLoadedEvent;
  }
}
