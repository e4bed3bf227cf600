import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { addresses, bankDetails, emergencyContacts, employees, equalityDiversity, phones } from '../../db/schema.ts';
import type { Religion, Sex, SexualOrientation, YesNoUndeclared } from '../../db/schema.ts';
import { maskAccountNumber, maskSortCode } from '../masking.ts';

export interface Address {
  line1: string;
  line2: string | null;
  town: string;
  county: string | null;
  postcode: string;
  country: string;
}
export interface EmergencyContact {
  priority: number;
  name: string;
  relationship: string;
  phone: string;
}
type PhoneKind = 'mobile' | 'home' | 'work';
type AddressKind = 'home' | 'postal';

export interface PersonalDetailsView {
  employeeId: string;
  name: { title: string | null; firstName: string; lastName: string; preferredName: string | null };
  addresses: Record<AddressKind, Address | null>;
  phones: Record<PhoneKind, string | null>;
  emergencyContacts: EmergencyContact[];
  version: number;
}

export async function loadPersonalDetails(db: Db, employeeId: string): Promise<PersonalDetailsView | null> {
  const [person] = await db.select().from(employees).where(eq(employees.id, employeeId)).limit(1);
  if (!person) return null;
  const [addressRows, phoneRows, contacts] = await Promise.all([
    db.select().from(addresses).where(eq(addresses.employeeId, employeeId)),
    db.select().from(phones).where(eq(phones.employeeId, employeeId)),
    db.select().from(emergencyContacts).where(eq(emergencyContacts.employeeId, employeeId)).orderBy(asc(emergencyContacts.priority)),
  ]);
  const address = (kind: AddressKind): Address | null => {
    const a = addressRows.find((r) => r.kind === kind);
    return a ? { line1: a.line1, line2: a.line2, town: a.town, county: a.county, postcode: a.postcode, country: a.country } : null;
  };
  const phone = (kind: PhoneKind) => phoneRows.find((r) => r.kind === kind)?.number ?? null;
  return {
    employeeId,
    name: { title: person.title, firstName: person.firstName, lastName: person.lastName, preferredName: person.preferredName },
    addresses: { home: address('home'), postal: address('postal') },
    phones: { mobile: phone('mobile'), home: phone('home'), work: phone('work') },
    emergencyContacts: contacts.map(({ priority, name, relationship, phone: p }) => ({ priority, name, relationship, phone: p })),
    version: person.detailsVersion,
  };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The optimistic lock of every personal-details write: bumps the version only if it is still the
 * one the caller read (their If-Match). False when another write got there first.
 */
async function bumpDetailsVersion(tx: Tx, employeeId: string, expectedVersion: number, extra: { preferredName?: string | null } = {}): Promise<boolean> {
  const bumped = await tx
    .update(employees)
    .set({ detailsVersion: sql`${employees.detailsVersion} + 1`, ...extra })
    .where(and(eq(employees.id, employeeId), eq(employees.detailsVersion, expectedVersion)))
    .returning({ version: employees.detailsVersion });
  return bumped.length > 0;
}

export interface PersonalDetailsPatch {
  preferredName?: string | null | undefined;
  addresses?: Partial<Record<AddressKind, Address | null>> | undefined;
  phones?: Partial<Record<PhoneKind, string | null>> | undefined;
  emergencyContacts?: EmergencyContact[] | undefined;
}

/**
 * Applies changes that take effect at once, only if the record is still at `expectedVersion`
 * (the caller's If-Match): the version bump is the lock, so of two writers holding the same ETag
 * exactly one wins. Returns the names of the changed fields, or null when the version moved on.
 */
export async function updatePersonalDetails(db: Db, employeeId: string, expectedVersion: number, patch: PersonalDetailsPatch): Promise<string[] | null> {
  return db.transaction(async (tx) => {
    const extra = patch.preferredName !== undefined ? { preferredName: patch.preferredName } : {};
    if (!(await bumpDetailsVersion(tx, employeeId, expectedVersion, extra))) return null;
    const changed: string[] = [];
    if (patch.preferredName !== undefined) changed.push('preferredName');
    for (const [kind, value] of Object.entries(patch.addresses ?? {}) as Array<[AddressKind, Address | null | undefined]>) {
      if (value === undefined) continue;
      await tx.delete(addresses).where(and(eq(addresses.employeeId, employeeId), eq(addresses.kind, kind)));
      if (value) await tx.insert(addresses).values({ employeeId, kind, ...value });
      changed.push(`addresses.${kind}`);
    }
    for (const [kind, value] of Object.entries(patch.phones ?? {}) as Array<[PhoneKind, string | null | undefined]>) {
      if (value === undefined) continue;
      await tx.delete(phones).where(and(eq(phones.employeeId, employeeId), eq(phones.kind, kind)));
      if (value) await tx.insert(phones).values({ employeeId, kind, number: value });
      changed.push(`phones.${kind}`);
    }
    if (patch.emergencyContacts) {
      await tx.delete(emergencyContacts).where(eq(emergencyContacts.employeeId, employeeId));
      if (patch.emergencyContacts.length) await tx.insert(emergencyContacts).values(patch.emergencyContacts.map((c) => ({ employeeId, ...c })));
      changed.push('emergencyContacts');
    }
    return changed;
  });
}

export interface BankDetailsView {
  accountName: string;
  sortCode: string;
  accountNumber: string;
  masked: boolean;
}

export async function loadBankDetails(db: Db, employeeId: string): Promise<BankDetailsView | null> {
  const [row] = await db.select().from(bankDetails).where(eq(bankDetails.employeeId, employeeId)).limit(1);
  if (!row) return null;
  return { accountName: row.accountName, sortCode: maskSortCode(row.sortCode), accountNumber: maskAccountNumber(row.accountNumber), masked: true };
}

/** Replaces bank details under the same version lock as other personal details. */
export async function replaceBankDetails(db: Db, employeeId: string, expectedVersion: number, details: { accountName: string; sortCode: string; accountNumber: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await bumpDetailsVersion(tx, employeeId, expectedVersion))) return false;
    await tx
      .insert(bankDetails)
      .values({ employeeId, ...details })
      .onConflictDoUpdate({ target: bankDetails.employeeId, set: details });
    return true;
  });
}

/** NHS Data Dictionary ethnic category codes; Z = not stated. */
export type EthnicCategory = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'J' | 'K' | 'L' | 'M' | 'N' | 'P' | 'R' | 'S' | 'Z';

export interface EqualityDiversityView {
  ethnicity: EthnicCategory;
  sex: Sex;
  disability: YesNoUndeclared;
  religion: Religion;
  sexualOrientation: SexualOrientation;
  declaredAt: string;
}

export async function loadEqualityDiversity(db: Db, employeeId: string): Promise<EqualityDiversityView | null> {
  const [row] = await db.select().from(equalityDiversity).where(eq(equalityDiversity.employeeId, employeeId)).limit(1);
  if (!row) return null;
  const { employeeId: _id, ...view } = row;
  // The column's CHECK constraint admits only these codes.
  return { ...view, ethnicity: view.ethnicity as EthnicCategory, declaredAt: new Date(view.declaredAt).toISOString() };
}

export async function declareEqualityDiversity(db: Db, employeeId: string, declaration: Omit<EqualityDiversityView, 'declaredAt'>): Promise<void> {
  // A fresh declaration replaces the old one and restamps it.
  await db
    .insert(equalityDiversity)
    .values({ employeeId, ...declaration })
    .onConflictDoUpdate({ target: equalityDiversity.employeeId, set: { ...declaration, declaredAt: sql`now()` } });
}
