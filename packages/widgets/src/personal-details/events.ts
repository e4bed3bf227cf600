import type { ApprovalRequestSummary, NameChangeRequest, PersonalDetails, PersonalDetailsPatch } from '@esr/sdk';
import { esrEvent } from '../internal/esr-event.ts';

/** Before a change is sent: `preventDefault()` stops it. `patch` (applies at once) or `nameChange` (needs approval). */
export class EsrPersonalDetailsSaveEvent extends esrEvent<{ readonly patch?: PersonalDetailsPatch; readonly nameChange?: NameChangeRequest }>('esr-personal-details-save', true) {}

/** A change was saved (`details` is the record now), or a name change was sent for approval (`nameChange`). */
export class EsrPersonalDetailsSavedEvent extends esrEvent<{ readonly details?: PersonalDetails; readonly nameChange?: ApprovalRequestSummary }>('esr-personal-details-saved') {}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-personal-details-save': EsrPersonalDetailsSaveEvent;
    'esr-personal-details-saved': EsrPersonalDetailsSavedEvent;
  }
}
