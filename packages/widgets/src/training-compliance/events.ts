import type { ComplianceMatrix, PersonCompliance } from '@esr/sdk';

export type EsrTrainingComplianceLoadedEventDetail =
  | { readonly view: 'person'; readonly matrix: ComplianceMatrix }
  | { readonly view: 'team'; readonly people: readonly PersonCompliance[] };

/** Fired by `<esr-training-compliance>` each time its matrix has loaded and rendered. Bubbles and is composed. */
export class EsrTrainingComplianceLoadedEvent extends Event {
  static readonly eventName = 'esr-training-compliance-loaded';
  readonly detail: EsrTrainingComplianceLoadedEventDetail;

  constructor(detail: EsrTrainingComplianceLoadedEventDetail) {
    super(EsrTrainingComplianceLoadedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-training-compliance-loaded': EsrTrainingComplianceLoadedEvent;
  }
}
