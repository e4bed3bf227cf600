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

// Cymraeg; terms follow the Welsh Government's TermCymru glossary where it has one.
const cy: PersonalDetailsStrings = {
  detailsTitle: 'Eich manylion personol',
  detailsLoading: 'Wrthi’n llwytho eich manylion personol…',
  detailsErrorLoad: 'Nid oeddem yn gallu llwytho eich manylion personol',
  detailsName: 'Enw',
  detailsPreferredName: 'Enw dewisol',
  detailsPreferredHint: 'Beth rydych yn hoffi cael eich galw yn y gwaith, os nad eich enw cyntaf yw hynny',
  detailsHomeAddress: 'Cyfeiriad cartref',
  detailsPostalAddress: 'Cyfeiriad post',
  detailsPostalHint: 'Gadewch bob llinell yn wag i gael post wedi’i anfon i’ch cyfeiriad cartref.',
  detailsSameAsHome: 'Yr un fath â’r cyfeiriad cartref',
  detailsPhones: 'Rhifau ffôn',
  detailsMobile: 'Ffôn symudol',
  detailsHomePhone: 'Cartref',
  detailsWorkPhone: 'Gwaith',
  detailsPhoneHint: 'Er enghraifft, 07700 900123',
  detailsContacts: 'Cysylltiadau mewn argyfwng',
  detailsContactsHint: 'Hyd at 3 pherson, yn y drefn y dylem eu ffonio. Gadewch gyswllt yn wag i’w dynnu.',
  detailsContactN: 'Cyswllt %{n}',
  detailsContactName: 'Enw llawn',
  detailsContactRelationship: 'Perthynas â chi',
  detailsContactPhone: 'Rhif ffôn',
  detailsNotGiven: 'Heb ei roi',
  detailsChange: 'Newid',
  detailsChangeNameLink: 'Gwneud cais am newid',
  detailsChangeName: 'Newid eich enw',
  detailsNameChangeHint: 'Mae AD yn cymeradwyo newidiadau enw. Mae eich enw’n aros yr un fath nes iddynt wneud hynny.',
  detailsTitleField: 'Teitl (dewisol)',
  detailsFirstName: 'Enw cyntaf',
  detailsLastName: 'Cyfenw',
  detailsReasonLegend: 'Pam mae eich enw’n newid?',
  detailsReasonMarriage: 'Priodas',
  detailsReasonCivilPartnership: 'Partneriaeth sifil',
  detailsReasonDivorce: 'Ysgariad neu ddiddymiad',
  detailsReasonDeedPoll: 'Gweithred newid enw',
  detailsReasonCorrection: 'Cywiro camgymeriad',
  detailsReasonOther: 'Rheswm arall',
  detailsPendingTag: 'Yn aros am gymeradwyaeth',
  detailsPendingName: 'Newid i %{name}, gwnaed cais %{date}',
  detailsLine1: 'Llinell gyfeiriad 1',
  detailsLine2: 'Llinell gyfeiriad 2 (dewisol)',
  detailsTown: 'Tref neu ddinas',
  detailsCounty: 'Sir (dewisol)',
  detailsPostcode: 'Cod post',
  detailsSave: 'Cadw',
  detailsSaving: 'Wrthi’n cadw…',
  detailsSendForApproval: 'Anfon i’w gymeradwyo',
  detailsCancel: 'Canslo',
  detailsSaved: '%{section} wedi’u cadw.',
  detailsNameSent: 'Mae eich newid enw i %{name} wedi’i anfon at AD i’w gymeradwyo.',
  detailsErrorFirstName: 'Rhowch eich enw cyntaf',
  detailsErrorLastName: 'Rhowch eich cyfenw',
  detailsErrorReason: 'Dewiswch pam mae eich enw’n newid',
  detailsErrorPreferredLength: 'Rhaid i’r enw dewisol fod yn 60 nod neu lai',
  detailsErrorLine1: 'Rhowch linell gyfeiriad 1',
  detailsErrorTown: 'Rhowch y dref neu’r ddinas',
  detailsErrorPostcodeMissing: 'Rhowch god post',
  detailsErrorPostcode: 'Rhowch god post go iawn, fel LS1 4AP',
  detailsErrorPhone: 'Rhowch rif ffôn, fel 07700 900123',
  detailsErrorContactName: 'Rhowch enw llawn y cyswllt',
  detailsErrorContactRelationship: 'Rhowch sut mae’r cyswllt yn perthyn i chi',
  detailsErrorChanged: 'Newidiwyd eich manylion yn rhywle arall ers i chi agor y dudalen hon. Rydym wedi llwytho’r fersiwn ddiweddaraf: gwiriwch hi a chadwch eich newid eto.',
  detailsErrorNotSaved: 'Ni chadwyd eich newid. Rhowch gynnig arall arni.',
  detailsEmpty: 'Nid ydych wedi ychwanegu cyfeiriad, rhif ffôn na chyswllt mewn argyfwng eto. Defnyddiwch Newid i’w hychwanegu.',
};

export const personalDetailsMessages: Messages<PersonalDetailsStrings> = { 'en-GB': enGB, cy };
