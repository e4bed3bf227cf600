import type { BankDetailsUpdate, EqualityDiversity, PersonalDetails, Profile, TeamMember } from '../types.ts';

// The Band 5 staff nurse of the payslip fixtures, as the people routes describe her, with two people
// reporting to her (she leads a small team on the ward) and one below them.

export const profileFixture: Profile = {
  id: 'emp_000000123',
  employeeNumber: 'R100-0000123',
  name: { title: 'Ms', firstName: 'Amelia', lastName: 'Hughes', preferredName: null },
  email: 'amelia.hughes123@severnvale.nhs.example',
  organisation: { id: 'org_00', name: 'Severn Vale NHS Foundation Trust' },
  assignment: {
    id: 'asg_000000123',
    assignmentNumber: '20000123-1',
    jobTitle: 'Staff Nurse',
    staffGroup: 'Nursing and Midwifery Registered',
    band: '5',
    orgUnit: { id: 'ou_0000042', name: 'Acute Medicine Ward A' },
    supervisor: { id: 'emp_000000097', name: 'Grace Okafor' },
    contractedMinutesPerWeek: 2250,
    fte: 1,
    startDate: '2021-09-06',
  },
  nhsServiceStartDate: '2019-09-02',
  niNumberMasked: 'QQ ** ** ** C',
  registrations: [{ body: 'NMC', number: '19I4821E', expiresOn: '2027-08-31' }],
};

export const personalDetailsFixture: PersonalDetails = {
  employeeId: profileFixture.id,
  name: { title: 'Ms', firstName: 'Amelia', lastName: 'Hughes', preferredName: null },
  addresses: {
    home: { line1: '14 Kingsholm Road', line2: null, town: 'Gloucester', county: 'Gloucestershire', postcode: 'GL1 3AU', country: 'United Kingdom' },
    postal: null,
  },
  phones: { mobile: '07700 900123', home: null, work: '01632 960210' },
  emergencyContacts: [{ priority: 1, name: 'Daniel Hughes', relationship: 'Husband', phone: '07700 900456' }],
  version: 1,
};

/** Stored unmasked; the handlers mask it on every read, as the server does. */
export const bankDetailsFixture: BankDetailsUpdate = { accountName: 'AMELIA HUGHES', sortCode: '309634', accountNumber: '41725678' };

export const equalityDiversityFixture: EqualityDiversity = {
  ethnicity: 'A',
  sex: 'female',
  disability: 'no',
  religion: 'prefer_not_to_say',
  sexualOrientation: 'prefer_not_to_say',
  declaredAt: '2021-09-06T09:30:00.000Z',
};

export const teamFixtures: TeamMember[] = [
  { id: 'emp_000000131', name: 'Oliver Price', jobTitle: 'Healthcare Support Worker', band: '3', orgUnit: 'Acute Medicine Ward A', supervisorId: 'emp_000000123', fte: 0.8, level: 1 },
  { id: 'emp_000000132', name: 'Priya Nair', jobTitle: 'Staff Nurse', band: '5', orgUnit: 'Acute Medicine Ward A', supervisorId: 'emp_000000123', fte: 1, level: 1 },
  { id: 'emp_000000140', name: 'Tomasz Nowak', jobTitle: 'Nursing Associate', band: '4', orgUnit: 'Acute Medicine Ward A', supervisorId: 'emp_000000132', fte: 1, level: 2 },
];
