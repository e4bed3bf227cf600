// Request and response schemas of the people routes (the OpenAPI document is generated from these).
import { z } from '@hono/zod-openapi';
import { IsoDate } from '../http/schemas.ts';

export const EmployeeIdParam = z.object({
  employeeId: z
    .string()
    .regex(/^(me|emp_[A-Za-z0-9]{1,64})$/, 'An employee id (emp_…) or "me"')
    .openapi({ param: { name: 'employeeId', in: 'path' }, example: 'me' }),
});

const PersonName = z.object({
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string().nullable(),
});

export const Profile = z
  .object({
    id: z.string(),
    employeeNumber: z.string(),
    name: PersonName,
    email: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }),
    assignment: z
      .object({
        id: z.string(),
        assignmentNumber: z.string(),
        jobTitle: z.string(),
        staffGroup: z.string(),
        band: z.string().openapi({ example: '5' }),
        orgUnit: z.object({ id: z.string(), name: z.string() }),
        supervisor: z.object({ id: z.string(), name: z.string() }).nullable(),
        contractedMinutesPerWeek: z.number().int().openapi({ example: 2250 }),
        fte: z.number().openapi({ example: 1 }),
        startDate: IsoDate,
      })
      .nullable(),
    nhsServiceStartDate: IsoDate,
    niNumberMasked: z.string().nullable().openapi({ example: 'QQ ** ** ** C' }),
    registrations: z.array(z.object({ body: z.string(), number: z.string(), expiresOn: IsoDate.nullable() })),
  })
  .openapi('Profile');

export const Me = z
  .object({
    profile: Profile,
    roles: z.array(z.enum(['employee', 'manager', 'hr_admin', 'payroll_admin', 'learning_admin'])),
  })
  .openapi('Me');

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const UkPostcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, 'Enter a real UK postcode, like LS1 4AP')
  .transform((p) => (p.includes(' ') ? p : `${p.slice(0, -3)} ${p.slice(-3)}`));
const PhoneNumber = z.string().trim().regex(/^\+?[0-9 ]{7,20}$/, 'Enter a phone number, like 07700 900123');

export const Address = z
  .strictObject({
    line1: trimmed(100),
    line2: z.string().trim().max(100).nullable().default(null),
    town: trimmed(60),
    county: z.string().trim().max(60).nullable().default(null),
    postcode: UkPostcode,
    country: z.string().trim().min(1).max(60).default('United Kingdom'),
  })
  .openapi('Address');

export const EmergencyContact = z
  .strictObject({
    priority: z.number().int().min(1).max(3),
    name: trimmed(100),
    relationship: trimmed(40),
    phone: PhoneNumber,
  })
  .openapi('EmergencyContact');

export const PersonalDetails = z
  .object({
    employeeId: z.string(),
    name: PersonName,
    addresses: z.object({ home: Address.nullable(), postal: Address.nullable() }),
    phones: z.object({ mobile: z.string().nullable(), home: z.string().nullable(), work: z.string().nullable() }),
    emergencyContacts: z.array(EmergencyContact),
    version: z.number().int().openapi({ description: 'Also sent as the ETag; send it back in If-Match to update.' }),
  })
  .openapi('PersonalDetails');

export const PersonalDetailsPatch = z
  .strictObject({
    preferredName: z.string().trim().min(1).max(60).nullable().optional(),
    addresses: z.strictObject({ home: Address.nullable().optional(), postal: Address.nullable().optional() }).optional(),
    phones: z
      .strictObject({ mobile: PhoneNumber.nullable().optional(), home: PhoneNumber.nullable().optional(), work: PhoneNumber.nullable().optional() })
      .optional(),
    emergencyContacts: z
      .array(EmergencyContact)
      .max(3)
      .refine((list) => new Set(list.map((c) => c.priority)).size === list.length, 'Each emergency contact needs its own priority')
      .optional(),
  })
  .openapi('PersonalDetailsPatch', {
    description: 'Changes that apply at once. A name change needs approval: POST …/name-change-requests.',
  });

export const NameChangeRequest = z
  .strictObject({
    title: z.string().trim().max(20).nullable().optional(),
    firstName: trimmed(60),
    lastName: trimmed(60),
    reason: z.enum(['marriage', 'civil_partnership', 'divorce', 'deed_poll', 'correction', 'other']),
  })
  .openapi('NameChangeRequest');

export const ApprovalRequestCreated = z
  .object({
    id: z.string().openapi({ example: 'apr_01hq3v6k2m' }),
    type: z.string().openapi({ example: 'personal_details.name_change' }),
    status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
    subjectEmployeeId: z.string(),
    createdAt: z.string(),
  })
  .openapi('ApprovalRequestSummary');

export const BankDetails = z
  .object({
    accountName: z.string(),
    sortCode: z.string().openapi({ example: '**-**-84' }),
    accountNumber: z.string().openapi({ example: '****5678' }),
    masked: z.boolean().openapi({ description: 'False only in the owner’s own response to a change.' }),
  })
  .openapi('BankDetails');

export const BankDetailsUpdate = z
  .strictObject({
    accountName: trimmed(70),
    sortCode: z.string().trim().transform((s) => s.replaceAll('-', '').replaceAll(' ', '')).pipe(z.string().regex(/^[0-9]{6}$/, 'A sort code is 6 digits')),
    accountNumber: z.string().trim().regex(/^[0-9]{8}$/, 'An account number is 8 digits'),
  })
  .openapi('BankDetailsUpdate');

const ethnicCategories = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'Z'] as const;
export const EqualityDiversityDeclaration = z
  .strictObject({
    ethnicity: z.enum(ethnicCategories).openapi({ description: 'NHS Data Dictionary ethnic category code; Z = not stated.' }),
    sex: z.enum(['female', 'male', 'prefer_not_to_say']),
    disability: z.enum(['yes', 'no', 'prefer_not_to_say']),
    religion: z.enum(['atheism', 'buddhism', 'christianity', 'hinduism', 'islam', 'jainism', 'judaism', 'sikhism', 'other', 'prefer_not_to_say']),
    sexualOrientation: z.enum(['bisexual', 'gay_or_lesbian', 'heterosexual', 'other', 'prefer_not_to_say']),
  })
  .openapi('EqualityDiversityDeclaration');

export const EqualityDiversity = EqualityDiversityDeclaration.extend({ declaredAt: z.string() }).openapi('EqualityDiversity');

export const TeamMember = z
  .object({
    id: z.string(),
    name: z.string(),
    jobTitle: z.string(),
    band: z.string(),
    orgUnit: z.string(),
    supervisorId: z.string().nullable(),
    fte: z.number(),
    level: z.number().int().openapi({ description: '1 = a direct report.' }),
  })
  .openapi('TeamMember');
