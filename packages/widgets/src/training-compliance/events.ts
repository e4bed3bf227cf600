import type { ComplianceMatrix, PersonCompliance } from '@esr/sdk';
import { esrEvent } from '../internal/esr-event.ts';

export type EsrTrainingComplianceLoadedEventDetail =
  | { readonly view: 'person'; readonly matrix: ComplianceMatrix }
  | { readonly view: 'team'; readonly people: readonly PersonCompliance[] };

/** Fired by `<esr-training-compliance>` each time its matrix has loaded and rendered. Bubbles and is composed. */
export class EsrTrainingComplianceLoadedEvent extends esrEvent<EsrTrainingComplianceLoadedEventDetail>('esr-training-compliance-loaded') {}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-training-compliance-loaded': EsrTrainingComplianceLoadedEvent;
  }
}
