// Personal details of a synthetic person: who they are (sex, ethnic background → name), where they
// live, how to reach them and their equality & diversity declaration. Phone numbers come only from
// Ofcom's ranges reserved for drama (07700 900000–900999, 01632 960000–960999), so none is real.
import type { Religion, SexualOrientation, YesNoUndeclared } from '../db/schema.ts';
import { backgroundsByEthnicity, namePools } from './names.ts';
import type { Background } from './names.ts';
import { homeAddress } from './places.ts';
import type { GeneratedAddress, Region } from './places.ts';
import type { Random } from './random.ts';

/**
 * NHS Data Dictionary ethnic categories, weighted like the NHS workforce (NHS Digital, 2024–25): about
 * three quarters White (A/B/C), a tenth Asian (H/J/K/L), 7% Black (M/N/P), the rest Mixed (D–G),
 * Chinese (R), any other (S) and about 4% not stated (Z).
 */
export const ethnicityWeights = [
  ['A', 63], ['B', 2], ['C', 10],
  ['H', 5], ['J', 1.5], ['K', 0.7], ['L', 2.8],
  ['M', 1.4], ['N', 5.1], ['P', 0.5],
  ['D', 0.6], ['E', 0.5], ['F', 0.5], ['G', 0.8],
  ['R', 0.6], ['S', 1], ['Z', 4],
] as const;

/** Declared religion by ethnic category; `default` for everyone else. */
const religionWeights: Record<string, ReadonlyArray<readonly [Religion, number]>> = {
  default: [['christianity', 47], ['atheism', 24], ['islam', 1.5], ['hinduism', 0.5], ['buddhism', 0.8], ['judaism', 0.5], ['sikhism', 0.2], ['jainism', 0.05], ['other', 4], ['prefer_not_to_say', 21.5]],
  H: [['hinduism', 45], ['sikhism', 14], ['christianity', 18], ['islam', 6], ['jainism', 2], ['atheism', 4], ['prefer_not_to_say', 11]],
  J: [['islam', 88], ['prefer_not_to_say', 10], ['atheism', 2]],
  K: [['islam', 90], ['prefer_not_to_say', 9], ['hinduism', 1]],
  L: [['christianity', 70], ['buddhism', 6], ['hinduism', 6], ['islam', 4], ['prefer_not_to_say', 14]],
  N: [['christianity', 80], ['islam', 8], ['prefer_not_to_say', 11], ['atheism', 1]],
  M: [['christianity', 62], ['atheism', 14], ['prefer_not_to_say', 24]],
  R: [['atheism', 42], ['christianity', 20], ['buddhism', 18], ['prefer_not_to_say', 20]],
};
const orientationWeights: ReadonlyArray<readonly [SexualOrientation, number]> = [['heterosexual', 80], ['gay_or_lesbian', 2.2], ['bisexual', 1.6], ['other', 0.4], ['prefer_not_to_say', 15.8]];
const disabilityWeights: ReadonlyArray<readonly [YesNoUndeclared, number]> = [['yes', 5], ['no', 83], ['prefer_not_to_say', 12]];

/** Share of staff with no equality & diversity record at all (never asked or never answered). */
export const undeclaredShare = 0.08;

export interface Identity {
  sex: 'female' | 'male';
  ethnicity: string;
  background: Background;
  title: string;
  firstName: string;
  lastName: string;
}

export function identity(rnd: Random, femaleShare: number): Identity {
  const sex = rnd.chance(femaleShare) ? 'female' : 'male';
  const ethnicity = rnd.weighted(ethnicityWeights);
  const background = rnd.pick(backgroundsByEthnicity[ethnicity]!);
  const pool = namePools[background];
  const firstName = rnd.pick(sex === 'female' ? pool.female : pool.male);
  // Mixed heritage: the surname often comes from the other parent's side.
  const lastName = rnd.pick(namePools[rnd.pick(backgroundsByEthnicity[ethnicity]!)].last);
  const title = rnd.chance(0.02) ? 'Dr' : rnd.chance(0.005) ? 'Mx' : sex === 'male' ? 'Mr' : rnd.weighted([['Ms', 40], ['Mrs', 40], ['Miss', 20]] as const);
  return { sex, ethnicity, background, title, firstName, lastName };
}

export interface GeneratedPhone { kind: 'mobile' | 'home'; number: string }
export interface GeneratedEmergencyContact { priority: number; name: string; relationship: string; phone: string }
export interface GeneratedEquality {
  ethnicity: string;
  sex: 'female' | 'male' | 'prefer_not_to_say';
  disability: YesNoUndeclared;
  religion: Religion;
  sexualOrientation: SexualOrientation;
  declaredAt: string;
}

export const dramaMobile = (rnd: Random) => `07700 900${String(rnd.int(0, 999)).padStart(3, '0')}`;
export const dramaLandline = (rnd: Random) => `01632 960${String(rnd.int(0, 999)).padStart(3, '0')}`;

const relationships = [
  ['Partner', 24, null], ['Wife', 12, 'female'], ['Husband', 14, 'male'], ['Mother', 16, 'female'], ['Father', 7, 'male'],
  ['Sister', 8, 'female'], ['Brother', 5, 'male'], ['Daughter', 6, 'female'], ['Son', 4, 'male'], ['Friend', 4, null],
] as const;
const relationshipTable = relationships.map((r) => [r, r[1]] as const);

export interface PersonalDetails {
  address: GeneratedAddress;
  phones: GeneratedPhone[];
  contacts: GeneratedEmergencyContact[];
  equality: GeneratedEquality | null;
}

/** Address, phones, 1–2 emergency contacts and (for ~92%) an E&D declaration. */
export function personalDetails(rnd: Random, who: Identity, region: Region, declaredOn: string): PersonalDetails {
  const address = homeAddress(rnd, region);
  const phones: GeneratedPhone[] = [{ kind: 'mobile', number: dramaMobile(rnd) }];
  const homePhone = rnd.chance(0.25) ? dramaLandline(rnd) : null;
  if (homePhone) phones.push({ kind: 'home', number: homePhone });
  const contacts: GeneratedEmergencyContact[] = [];
  const count = rnd.chance(0.4) ? 2 : 1;
  for (let priority = 1; priority <= count; priority++) {
    const [relationship, , fixedSex] = rnd.weighted(relationshipTable);
    const partnerSex = rnd.chance(0.95) ? (who.sex === 'female' ? 'male' : 'female') : who.sex;
    const sex = fixedSex ?? (relationship === 'Partner' ? partnerSex : rnd.chance(0.5) ? 'female' : 'male');
    const pool = namePools[rnd.chance(0.85) ? who.background : 'british'];
    const family = relationship !== 'Friend' && (relationship !== 'Partner' || rnd.chance(0.5));
    const lastName = family && rnd.chance(0.85) ? who.lastName : rnd.pick(pool.last);
    // Family at home share the landline sometimes; otherwise a mobile.
    const phone = homePhone && family && rnd.chance(0.3) ? homePhone : dramaMobile(rnd);
    contacts.push({ priority, name: `${rnd.pick(sex === 'female' ? pool.female : pool.male)} ${lastName}`, relationship, phone });
  }
  let equality: GeneratedEquality | null = null;
  if (!rnd.chance(undeclaredShare)) {
    equality = {
      ethnicity: who.ethnicity,
      sex: rnd.chance(0.006) ? 'prefer_not_to_say' : who.sex,
      disability: rnd.weighted(disabilityWeights),
      religion: rnd.weighted(religionWeights[who.ethnicity] ?? religionWeights['default']!),
      sexualOrientation: rnd.weighted(orientationWeights),
      declaredAt: `${declaredOn}T09:${String(rnd.int(0, 59)).padStart(2, '0')}:00.000Z`,
    };
  }
  return { address, phones, contacts, equality };
}
