import type { Messages, StringKey } from '../i18n/types.ts';

/** Strings of <esr-personal-details>. `%{name}` marks a placeholder. */
export interface PersonalDetailsStrings {
  detailsTitle: string;
  detailsLoading: string;
  detailsErrorLoad: string;
  detailsName: string;
  detailsPreferredName: string;
  detailsPreferredHint: string;
  detailsHomeAddress: string;
  detailsPostalAddress: string;
  detailsPostalHint: string;
  detailsSameAsHome: string;
  detailsPhones: string;
  detailsMobile: string;
  detailsHomePhone: string;
  detailsWorkPhone: string;
  detailsPhoneHint: string;
  detailsContacts: string;
  detailsContactsHint: string;
  detailsContactN: string; // %{n}
  detailsContactName: string;
  detailsContactRelationship: string;
  detailsContactPhone: string;
  detailsNotGiven: string;
  detailsChange: string;
  detailsChangeNameLink: string;
  detailsChangeName: string;
  detailsNameChangeHint: string;
  detailsTitleField: string;
  detailsFirstName: string;
  detailsLastName: string;
  detailsReasonLegend: string;
  detailsReasonMarriage: string;
  detailsReasonCivilPartnership: string;
  detailsReasonDivorce: string;
  detailsReasonDeedPoll: string;
  detailsReasonCorrection: string;
  detailsReasonOther: string;
  detailsPendingTag: string;
  detailsPendingName: string; // %{name} %{date}
  detailsLine1: string;
  detailsLine2: string;
  detailsTown: string;
  detailsCounty: string;
  detailsPostcode: string;
  detailsSave: string;
  detailsSaving: string;
  detailsSendForApproval: string;
  detailsCancel: string;
  detailsSaved: string; // %{section}
  detailsNameSent: string; // %{name}
  detailsErrorFirstName: string;
  detailsErrorLastName: string;
  detailsErrorReason: string;
  detailsErrorPreferredLength: string;
  detailsErrorLine1: string;
  detailsErrorTown: string;
  detailsErrorPostcodeMissing: string;
  detailsErrorPostcode: string;
  detailsErrorPhone: string;
  detailsErrorContactName: string;
  detailsErrorContactRelationship: string;
  detailsErrorChanged: string;
  detailsErrorNotSaved: string;
  detailsEmpty: string;
}

/** Keys `t()` accepts in this widget: its own and the common ones. */
export type PersonalDetailsKey = StringKey<PersonalDetailsStrings>;

const enGB: PersonalDetailsStrings = {
  detailsTitle: 'Your personal details',
  detailsLoading: 'Loading your personal details…',
  detailsErrorLoad: 'We could not load your personal details',
  detailsName: 'Name',
  detailsPreferredName: 'Preferred name',
  detailsPreferredHint: 'What you like to be called at work, if it is not your first name',
  detailsHomeAddress: 'Home address',
  detailsPostalAddress: 'Postal address',
  detailsPostalHint: 'Leave every line blank to have post sent to your home address.',
  detailsSameAsHome: 'Same as home address',
  detailsPhones: 'Phone numbers',
  detailsMobile: 'Mobile',
  detailsHomePhone: 'Home',
  detailsWorkPhone: 'Work',
  detailsPhoneHint: 'For example, 07700 900123',
  detailsContacts: 'Emergency contacts',
  detailsContactsHint: 'Up to 3 people, in the order we should call them. Leave a contact blank to remove it.',
  detailsContactN: 'Contact %{n}',
  detailsContactName: 'Full name',
  detailsContactRelationship: 'Relationship to you',
  detailsContactPhone: 'Phone number',
  detailsNotGiven: 'Not given',
  detailsChange: 'Change',
  detailsChangeNameLink: 'Request a change',
  detailsChangeName: 'Change your name',
  detailsNameChangeHint: 'HR approve name changes. Your name stays the same until they do.',
  detailsTitleField: 'Title (optional)',
  detailsFirstName: 'First name',
  detailsLastName: 'Last name',
  detailsReasonLegend: 'Why is your name changing?',
  detailsReasonMarriage: 'Marriage',
  detailsReasonCivilPartnership: 'Civil partnership',
  detailsReasonDivorce: 'Divorce or dissolution',
  detailsReasonDeedPoll: 'Deed poll',
  detailsReasonCorrection: 'Correcting a mistake',
  detailsReasonOther: 'Another reason',
  detailsPendingTag: 'Waiting for approval',
  detailsPendingName: 'Change to %{name}, requested %{date}',
  detailsLine1: 'Address line 1',
  detailsLine2: 'Address line 2 (optional)',
  detailsTown: 'Town or city',
  detailsCounty: 'County (optional)',
  detailsPostcode: 'Postcode',
  detailsSave: 'Save',
  detailsSaving: 'Saving…',
  detailsSendForApproval: 'Send for approval',
  detailsCancel: 'Cancel',
  detailsSaved: '%{section} saved.',
  detailsNameSent: 'Your name change to %{name} has been sent to HR to approve.',
  detailsErrorFirstName: 'Enter your first name',
  detailsErrorLastName: 'Enter your last name',
  detailsErrorReason: 'Select why your name is changing',
  detailsErrorPreferredLength: 'Preferred name must be 60 characters or fewer',
  detailsErrorLine1: 'Enter address line 1',
  detailsErrorTown: 'Enter the town or city',
  detailsErrorPostcodeMissing: 'Enter a postcode',
  detailsErrorPostcode: 'Enter a real postcode, like LS1 4AP',
  detailsErrorPhone: 'Enter a phone number, like 07700 900123',
  detailsErrorContactName: 'Enter the contact’s full name',
  detailsErrorContactRelationship: 'Enter how the contact is related to you',
  detailsErrorChanged: 'Your details were changed somewhere else since you opened this page. We have loaded the latest version: check it and save your change again.',
  detailsErrorNotSaved: 'Your change was not saved. Try again.',
  detailsEmpty: 'You have not added an address, phone number or emergency contact yet. Use Change to add them.',
};

// Welsh is fetched the first time this widget renders in Welsh, so English pages never download it.
export const personalDetailsMessages: Messages<PersonalDetailsStrings> = { 'en-GB': enGB, cy: () => import('./messages.cy.ts').then((m) => m.cy) };
