import type { Address, EmergencyContact, NameChangeReason, PersonalDetails, PersonalDetailsPatch } from '@esr/sdk';
import type { PersonalDetailsKey } from './messages.ts';

/** The part of the record being edited: each is saved on its own, so one bad field never blocks another. */
export type Section = 'name' | 'preferredName' | 'home' | 'postal' | 'phones' | 'contacts';

export const NAME_CHANGE_REASONS: readonly NameChangeReason[] = ['marriage', 'civil_partnership', 'divorce', 'deed_poll', 'correction', 'other'];

/** Every editable field as text, keyed by the input's id (`home-postcode`, `contact-2-phone`, …). */
export type Draft = Record<string, string>;

export interface DraftError {
  /** The input's id, which the error summary links to. */
  id: string;
  key?: PersonalDetailsKey;
  /** The server's own wording, when it found the problem. */
  message?: string;
}

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;
const PHONE = /^\+?[0-9 ]{7,20}$/;

const addressDraft = (prefix: string, a: Address | null): Draft => ({
  [`${prefix}-line1`]: a?.line1 ?? '',
  [`${prefix}-line2`]: a?.line2 ?? '',
  [`${prefix}-town`]: a?.town ?? '',
  [`${prefix}-county`]: a?.county ?? '',
  [`${prefix}-postcode`]: a?.postcode ?? '',
});

/** The form's starting values for a section, from the record on screen. */
export function draftOf(section: Section, d: PersonalDetails): Draft {
  switch (section) {
    case 'name':
      return { 'name-title': d.name.title ?? '', 'name-first': d.name.firstName, 'name-last': d.name.lastName, 'name-reason': '' };
    case 'preferredName':
      return { preferred: d.name.preferredName ?? '' };
    case 'home':
      return addressDraft('home', d.addresses.home);
    case 'postal':
      return addressDraft('postal', d.addresses.postal);
    case 'phones':
      return { 'phone-mobile': d.phones.mobile ?? '', 'phone-home': d.phones.home ?? '', 'phone-work': d.phones.work ?? '' };
    case 'contacts': {
      const draft: Draft = {};
      for (let i = 1; i <= 3; i++) {
        const c = d.emergencyContacts.find((e) => e.priority === i);
        draft[`contact-${i}-name`] = c?.name ?? '';
        draft[`contact-${i}-relationship`] = c?.relationship ?? '';
        draft[`contact-${i}-phone`] = c?.phone ?? '';
      }
      return draft;
    }
  }
}

const t = (draft: Draft, id: string) => (draft[id] ?? '').trim();

function readAddress(prefix: string, draft: Draft, errors: DraftError[], optional: boolean): Address | null {
  const fields = ['line1', 'line2', 'town', 'county', 'postcode'].map((f) => t(draft, `${prefix}-${f}`));
  if (optional && fields.every((f) => !f)) return null; // a blank postal address means "use my home address"
  const [line1, line2, town, county, postcodeRaw] = fields as [string, string, string, string, string];
  if (!line1) errors.push({ id: `${prefix}-line1`, key: 'detailsErrorLine1' });
  if (!town) errors.push({ id: `${prefix}-town`, key: 'detailsErrorTown' });
  const postcode = postcodeRaw.toUpperCase().replace(/\s+/g, ' ');
  if (!postcode) errors.push({ id: `${prefix}-postcode`, key: 'detailsErrorPostcodeMissing' });
  else if (!POSTCODE.test(postcode)) errors.push({ id: `${prefix}-postcode`, key: 'detailsErrorPostcode' });
  return { line1, line2: line2 || null, town, county: county || null, postcode, country: 'United Kingdom' };
}

/**
 * Checks a section's draft and builds what to send: a patch that applies at once, or a name change that
 * needs approval. Every problem is reported at once, in page order (NHS error summary).
 */
export function readSection(
  section: Section,
  draft: Draft,
): { errors: DraftError[]; patch?: PersonalDetailsPatch; nameChange?: { title: string | null; firstName: string; lastName: string; reason: NameChangeReason } } {
  const errors: DraftError[] = [];
  switch (section) {
    case 'name': {
      const firstName = t(draft, 'name-first');
      const lastName = t(draft, 'name-last');
      const reason = t(draft, 'name-reason') as NameChangeReason | '';
      if (!firstName) errors.push({ id: 'name-first', key: 'detailsErrorFirstName' });
      if (!lastName) errors.push({ id: 'name-last', key: 'detailsErrorLastName' });
      if (!reason) errors.push({ id: `name-reason-${NAME_CHANGE_REASONS[0]}`, key: 'detailsErrorReason' });
      if (errors.length || !reason) return { errors };
      return { errors, nameChange: { title: t(draft, 'name-title') || null, firstName, lastName, reason } };
    }
    case 'preferredName': {
      const preferred = t(draft, 'preferred');
      if (preferred.length > 60) errors.push({ id: 'preferred', key: 'detailsErrorPreferredLength' });
      return errors.length ? { errors } : { errors, patch: { preferredName: preferred || null } };
    }
    case 'home':
    case 'postal': {
      const address = readAddress(section, draft, errors, section === 'postal');
      return errors.length ? { errors } : { errors, patch: { addresses: { [section]: address } } };
    }
    case 'phones': {
      const phones: Record<'mobile' | 'home' | 'work', string | null> = { mobile: null, home: null, work: null };
      for (const kind of ['mobile', 'home', 'work'] as const) {
        const value = t(draft, `phone-${kind}`);
        if (value && !PHONE.test(value)) errors.push({ id: `phone-${kind}`, key: 'detailsErrorPhone' });
        phones[kind] = value || null;
      }
      return errors.length ? { errors } : { errors, patch: { phones } };
    }
    case 'contacts': {
      const contacts: EmergencyContact[] = [];
      for (let i = 1; i <= 3; i++) {
        const name = t(draft, `contact-${i}-name`);
        const relationship = t(draft, `contact-${i}-relationship`);
        const phone = t(draft, `contact-${i}-phone`);
        if (!name && !relationship && !phone) continue;
        if (!name) errors.push({ id: `contact-${i}-name`, key: 'detailsErrorContactName' });
        if (!relationship) errors.push({ id: `contact-${i}-relationship`, key: 'detailsErrorContactRelationship' });
        if (!PHONE.test(phone)) errors.push({ id: `contact-${i}-phone`, key: 'detailsErrorPhone' });
        contacts.push({ priority: contacts.length + 1, name, relationship, phone });
      }
      return errors.length ? { errors } : { errors, patch: { emergencyContacts: contacts } };
    }
  }
}

/** Which input a server issue is about (`body.addresses.home.postcode` → `home-postcode`). */
export function inputOfIssue(section: Section, path: string): string | undefined {
  const parts = path.split('.').filter((p) => p !== 'body' && p !== 'json');
  const last = parts.at(-1) ?? '';
  if (section === 'home' || section === 'postal') return `${section}-${last}`;
  if (section === 'phones') return `phone-${last}`;
  if (section === 'preferredName') return 'preferred';
  if (section === 'name') return { firstName: 'name-first', lastName: 'name-last', title: 'name-title', reason: `name-reason-${NAME_CHANGE_REASONS[0]}` }[last];
  if (section === 'contacts') {
    const index = parts.find((p) => /^\d+$/.test(p));
    return index === undefined ? undefined : `contact-${Number(index) + 1}-${last}`;
  }
  return undefined;
}
