export { EsrTrainingCompliance, type TrainingComplianceView } from './esr-training-compliance.ts';
export { EsrTrainingComplianceLoadedEvent, type EsrTrainingComplianceLoadedEventDetail } from './events.ts';
