import type { ApprovalRequestSummary, NameChangeRequest, PersonalDetails, PersonalDetailsPatch } from '@esr/sdk';

/** Before a change is sent: `preventDefault()` stops it. `patch` (applies at once) or `nameChange` (needs approval). */
export class EsrPersonalDetailsSaveEvent extends Event {
  static readonly eventName = 'esr-personal-details-save';
  readonly detail: { readonly patch?: PersonalDetailsPatch; readonly nameChange?: NameChangeRequest };
  constructor(detail: { patch?: PersonalDetailsPatch; nameChange?: NameChangeRequest }) {
    super(EsrPersonalDetailsSaveEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/** A change was saved (`details` is the record now), or a name change was sent for approval (`nameChange`). */
export class EsrPersonalDetailsSavedEvent extends Event {
  static readonly eventName = 'esr-personal-details-saved';
  readonly detail: { readonly details?: PersonalDetails; readonly nameChange?: ApprovalRequestSummary };
  constructor(detail: { details?: PersonalDetails; nameChange?: ApprovalRequestSummary }) {
    super(EsrPersonalDetailsSavedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'esr-personal-details-save': EsrPersonalDetailsSaveEvent;
    'esr-personal-details-saved': EsrPersonalDetailsSavedEvent;
  }
}
