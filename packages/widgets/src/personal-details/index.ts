export { EsrPersonalDetails } from './esr-personal-details.ts';
export { EsrPersonalDetailsSaveEvent, EsrPersonalDetailsSavedEvent } from './events.ts';
