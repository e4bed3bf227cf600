import { type AfcBand, type PayPoint, fullTimeMinutesPerWeek } from '../domain/pay-scales/agenda-for-change.ts';
import { hash } from './payslip-history.ts';
import { identity, personalDetails } from './personal-details.ts';
import type { GeneratedEmergencyContact, GeneratedEquality, GeneratedPhone } from './personal-details.ts';
import { regions } from './places.ts';
import type { GeneratedAddress, Region } from './places.ts';
import { Random } from './random.ts';
import type { RegistrationAllocator, RegistrationBody, SeriesKey } from './registrations.ts';

export interface GeneratedOrganisation { id: string; code: string; name: string; nation: 'england' }
export interface GeneratedOrgUnit { id: string; organisationId: string; parentId: string | null; kind: 'trust' | 'division' | 'directorate' | 'department' | 'ward' | 'team'; name: string; costCentre: string }
export interface GeneratedEmployee {
  id: string; organisationId: string; employeeNumber: string; title: string; firstName: string; lastName: string;
  email: string; dateOfBirth: string; nhsServiceStartDate: string; niNumber: string; roles: string[];
}
export interface GeneratedAssignment {
  id: string; organisationId: string; employeeId: string; assignmentNumber: string; jobTitle: string; staffGroup: string;
  band: AfcBand; payPoint: PayPoint; orgUnitId: string; supervisorEmployeeId: string | null; contractedMinutesPerWeek: number;
  taxCode: string; niCategory: string; studentLoanPlans: string[]; startDate: string; endDate: string | null;
}
export interface GeneratedBankDetails { employeeId: string; accountName: string; sortCode: string; accountNumber: string }
export interface GeneratedRegistration { id: string; employeeId: string; body: RegistrationBody; number: string; expiresOn: string }

/** One person with every row that describes them. */
export interface GeneratedPerson {
  employee: GeneratedEmployee;
  assignment: GeneratedAssignment;
  bankDetails: GeneratedBankDetails;
  address: GeneratedAddress;
  phones: GeneratedPhone[];
  emergencyContacts: GeneratedEmergencyContact[];
  /** null: the person has not made an equality & diversity declaration. */
  equality: GeneratedEquality | null;
  registration: GeneratedRegistration | null;
}

export interface TrustOptions {
  /** Same seed, same trust. */
  seed: number;
  /** Number of staff. Below ~25 the management structure alone is larger, and is generated anyway. */
  staff: number;
  /** Index of the organisation when generating many; keeps ids and codes unique. */
  organisationIndex?: number;
  /** Reference date for ages and service lengths (YYYY-MM-DD). */
  asOf: string;
}

type Category = 'ward' | 'therapy' | 'science' | 'admin' | 'estates';
type Bands = ReadonlyArray<readonly [AfcBand, number]>;

interface Profession {
  dept: string;
  weight: number;
  titles: Partial<Record<AfcBand, string>>;
  /** Register by band (absent: not a registered role at that band). */
  registration: Partial<Record<AfcBand, SeriesKey>>;
}

const allBands = <T,>(value: T): Record<AfcBand, T> => ({ '2': value, '3': value, '4': value, '5': value, '6': value, '7': value, '8a': value, '8b': value, '8c': value, '8d': value, '9': value });

interface StaffGroup { group: string; weight: number; category: Category; female: number; partTime: number; bands: Bands; titles: Partial<Record<AfcBand, string>> }

/**
 * Staff groups and AfC bands of the non-medical workforce, in roughly NHS Digital proportions (medical
 * staff are on other pay scales and not seeded). `female` and `partTime` are the group's shares.
 */
export const staffGroups = [
  { group: 'Nursing and Midwifery Registered', weight: 30, category: 'ward', female: 0.88, partTime: 0.36, bands: [['5', 50], ['6', 32], ['7', 14], ['8a', 4]] as Bands, titles: { '5': 'Staff Nurse', '6': 'Senior Staff Nurse', '7': 'Clinical Nurse Specialist', '8a': 'Advanced Nurse Practitioner' } as Partial<Record<AfcBand, string>> },
  { group: 'Support to Clinical Staff', weight: 27, category: 'ward', female: 0.8, partTime: 0.38, bands: [['2', 35], ['3', 48], ['4', 17]] as Bands, titles: { '2': 'Healthcare Support Worker', '3': 'Senior Healthcare Support Worker', '4': 'Assistant Practitioner' } as Partial<Record<AfcBand, string>> },
  { group: 'Allied Health Professionals', weight: 12, category: 'therapy', female: 0.8, partTime: 0.3, bands: [['5', 25], ['6', 40], ['7', 25], ['8a', 10]] as Bands, titles: {} as Partial<Record<AfcBand, string>> },
  { group: 'Additional Professional Scientific and Technical', weight: 6, category: 'science', female: 0.62, partTime: 0.22, bands: [['4', 20], ['5', 30], ['6', 30], ['7', 20]] as Bands, titles: {} as Partial<Record<AfcBand, string>> },
  { group: 'Administrative and Clerical', weight: 20, category: 'admin', female: 0.78, partTime: 0.33, bands: [['2', 12], ['3', 36], ['4', 30], ['5', 12], ['6', 10]] as Bands, titles: { '2': 'Clerical Officer', '3': 'Administrator', '4': 'Medical Secretary', '5': 'Team Leader', '6': 'Business Manager' } as Partial<Record<AfcBand, string>> },
  { group: 'Estates and Ancillary', weight: 5, category: 'estates', female: 0.4, partTime: 0.3, bands: [['2', 60], ['3', 30], ['4', 10]] as Bands, titles: { '2': 'Domestic Assistant', '3': 'Porter Supervisor', '4': 'Estates Technician' } as Partial<Record<AfcBand, string>> },
] as const satisfies ReadonlyArray<StaffGroup>;

const midwifeTitles: Partial<Record<AfcBand, string>> = { '5': 'Midwife', '6': 'Senior Midwife', '7': 'Midwifery Team Leader', '8a': 'Consultant Midwife' };

const therapyProfessions: Profession[] = [
  { dept: 'Physiotherapy', weight: 30, titles: { '5': 'Physiotherapist', '6': 'Specialist Physiotherapist', '7': 'Advanced Physiotherapist', '8a': 'Consultant Physiotherapist', '8b': 'Head of Physiotherapy' }, registration: allBands('HCPC:PH') },
  { dept: 'Occupational Therapy', weight: 25, titles: { '5': 'Occupational Therapist', '6': 'Specialist Occupational Therapist', '7': 'Advanced Occupational Therapist', '8a': 'Consultant Occupational Therapist', '8b': 'Head of Occupational Therapy' }, registration: allBands('HCPC:OT') },
  { dept: 'Radiology', weight: 25, titles: { '5': 'Diagnostic Radiographer', '6': 'Senior Radiographer', '7': 'Advanced Practitioner Radiographer', '8a': 'Consultant Radiographer', '8b': 'Radiology Services Manager' }, registration: allBands('HCPC:RA') },
  { dept: 'Speech and Language Therapy', weight: 8, titles: { '5': 'Speech and Language Therapist', '6': 'Specialist Speech and Language Therapist', '7': 'Highly Specialist Speech and Language Therapist', '8a': 'Consultant Speech and Language Therapist', '8b': 'Head of Speech and Language Therapy' }, registration: allBands('HCPC:SL') },
  { dept: 'Dietetics', weight: 8, titles: { '5': 'Dietitian', '6': 'Specialist Dietitian', '7': 'Advanced Dietitian', '8a': 'Consultant Dietitian', '8b': 'Head of Dietetics' }, registration: allBands('HCPC:DT') },
  { dept: 'Podiatry', weight: 4, titles: { '5': 'Podiatrist', '6': 'Specialist Podiatrist', '7': 'Advanced Podiatrist', '8a': 'Consultant Podiatrist', '8b': 'Head of Podiatry' }, registration: allBands('HCPC:CH') },
];
const scienceProfessions: Profession[] = [
  { dept: 'Pharmacy', weight: 35, titles: { '4': 'Pharmacy Technician', '5': 'Senior Pharmacy Technician', '6': 'Pharmacist', '7': 'Specialist Pharmacist', '8b': 'Chief Pharmacist' }, registration: { '4': 'GPhC:50', '5': 'GPhC:50', '6': 'GPhC:20', '7': 'GPhC:20', '8b': 'GPhC:20' } },
  { dept: 'Pathology', weight: 40, titles: { '4': 'Associate Practitioner', '5': 'Biomedical Scientist', '6': 'Specialist Biomedical Scientist', '7': 'Senior Biomedical Scientist', '8b': 'Pathology Services Manager' }, registration: { '5': 'HCPC:BS', '6': 'HCPC:BS', '7': 'HCPC:BS', '8b': 'HCPC:BS' } },
  { dept: 'Medical Physics', weight: 15, titles: { '4': 'Medical Technical Officer', '5': 'Clinical Technologist', '6': 'Clinical Scientist', '7': 'Principal Clinical Scientist', '8b': 'Head of Medical Physics' }, registration: { '6': 'HCPC:CS', '7': 'HCPC:CS', '8b': 'HCPC:CS' } },
  { dept: 'Clinical Engineering', weight: 10, titles: { '4': 'Clinical Engineering Technician', '5': 'Clinical Engineering Technologist', '6': 'Senior Clinical Engineering Technologist', '7': 'Principal Clinical Engineering Technologist', '8b': 'Head of Clinical Engineering' }, registration: {} },
];

const clinicalFamilies = [
  { name: 'Medicine', weight: 30, kind: 'ward', specialties: ['Acute Medicine', 'Elderly Care', 'Respiratory', 'Cardiology', 'Gastroenterology', 'Stroke', 'Diabetes and Endocrinology', 'Renal', 'Neurology', 'Haematology', 'Rheumatology', 'Infectious Diseases'] },
  { name: 'Surgery', weight: 22, kind: 'ward', specialties: ['General Surgery', 'Orthopaedics', 'Theatres', 'Urology', 'Vascular Surgery', 'ENT', 'Ophthalmology', 'Day Surgery', 'Colorectal Surgery', 'Plastic Surgery'] },
  { name: 'Urgent and Emergency Care', weight: 12, kind: 'ward', specialties: ['Emergency Department', 'Acute Assessment', 'Critical Care', 'Same Day Emergency Care', 'Ambulatory Care'] },
  { name: 'Women and Children', weight: 12, kind: 'ward', specialties: ['Maternity', 'Paediatrics', 'Neonatal', 'Gynaecology', 'Community Midwifery'] },
  { name: 'Community Services', weight: 12, kind: 'team', specialties: ['District Nursing', 'Intermediate Care', 'Rapid Response', 'Community Rehabilitation', 'Specialist Nursing'] },
  { name: 'Cancer Services', weight: 7, kind: 'ward', specialties: ['Oncology', 'Clinical Haematology', 'Chemotherapy', 'Palliative Care'] },
  { name: 'Mental Health', weight: 5, kind: 'ward', specialties: ['Adult Acute Inpatients', 'Older Adult Mental Health', 'Crisis Resolution', 'Learning Disabilities'] },
] as const;

// Corporate teams in the order a growing trust adds them; the first three always exist.
const adminTeams = [
  ['Workforce', 'HR Operations'], ['Finance', 'Payroll'], ['Workforce', 'Learning and Development'],
  ['Patient Access', 'Outpatient Appointments'], ['Finance', 'Financial Accounts'], ['Workforce', 'Recruitment'],
  ['Patient Access', 'Medical Records'], ['Digital Services', 'Service Desk'], ['Governance', 'Patient Safety'],
  ['Patient Access', 'Medical Secretaries'], ['Finance', 'Procurement'], ['Digital Services', 'Clinical Systems'],
  ['Governance', 'Complaints'], ['Workforce', 'Temporary Staffing'], ['Patient Access', 'Waiting List Office'], ['Finance', 'Management Accounts'],
] as const;
const estatesTeams = [
  ['Facilities', 'Domestic Services'], ['Facilities', 'Portering'], ['Estates', 'Estates Maintenance'], ['Facilities', 'Catering'],
  ['Estates', 'Grounds and Gardens'], ['Facilities', 'Security'], ['Facilities', 'Linen Services'], ['Estates', 'Capital Projects'],
] as const;
const roleTeams = { 'HR Operations': 'hr_admin', Payroll: 'payroll_admin', 'Learning and Development': 'learning_admin' } as const;

/** Staff per ward or team, departments per directorate and so on: the hierarchy's shape. */
export const hierarchyShape = { staffPerTeam: 30, teamsPerDepartment: [3, 8], departmentsPerDirectorate: [2, 6], topLevelUnits: 8 } as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (asOf: string, days: number) => isoDate(new Date(Date.parse(`${asOf}T00:00:00Z`) - days * 86_400_000));
const endOfMonthAfter = (asOf: string, months: number) => {
  const d = new Date(`${asOf}T00:00:00Z`);
  return isoDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)));
};
const numbered = (name: string, k: number) => (k === 0 ? name : `${name} ${k + 1}`);
const letter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String(i + 1));

/** Sizes between min and max (where the count allows) that add up to count, varied at random. */
function partition(rnd: Random, count: number, min: number, max: number): number[] {
  if (count <= max) return count > 0 ? [count] : [];
  const k = Math.min(Math.floor(count / min), Math.max(Math.ceil(count / max), Math.round(count / ((min + max) / 2))));
  const sizes = Array.from({ length: k }, (_, i) => Math.floor(count / k) + (i < count % k ? 1 : 0));
  for (let t = 0; t < k * 2; t++) {
    const a = rnd.int(0, k - 1);
    const b = rnd.int(0, k - 1);
    if (a !== b && sizes[a]! > min && sizes[b]! < max) {
      sizes[a]!--;
      sizes[b]!++;
    }
  }
  return sizes;
}

/** Smooth weighted round robin: picks in proportion to weight, interleaved, deterministic. */
function roundRobin<T extends { weight: number }>(items: readonly T[]): () => T {
  const current = items.map(() => 0);
  const total = items.reduce((s, i) => s + i.weight, 0);
  return () => {
    let best = 0;
    for (let i = 0; i < items.length; i++) {
      current[i]! += items[i]!.weight;
      if (current[i]! > current[best]!) best = i;
    }
    current[best]! -= total;
    return items[best]!;
  };
}

// The tree before ids: built bottom-up from teams, numbered top-down (parents before children).
interface Node {
  name: string;
  kind: GeneratedOrgUnit['kind'];
  level: 'board' | 'group' | 'directorate' | 'department' | 'team';
  category: Category | null;
  profession: Profession | null;
  children: Node[];
}
interface DepartmentSpec { family: string; node: Node }

/** A post filled at planning time: managers, deputies and the named admins, supervisors first. */
export interface Post {
  unitId: string;
  band: AfcBand;
  jobTitle: string;
  staffGroup: string;
  category: Category | null;
  supervisor: string | null;
  roles: string[];
  registration: SeriesKey | null;
}

/** A ward or team that takes staff. */
interface Team {
  unitId: string;
  name: string;
  department: string;
  managerId: string;
  deputyId: string | null;
  profession: Profession | null;
}

export interface TrustPlan {
  organisation: GeneratedOrganisation;
  orgUnits: GeneratedOrgUnit[];
  /** People generated in total (the requested staff, or the structure's posts if more). */
  staff: number;
  region: Region;
  emailDomain: string;
  seed: number;
  asOf: string;
  orgNo: number;
  tag: string;
  posts: Post[];
  teams: Record<Category, Team[]>;
  /** The organisation's random stream, carried from planning into hiring. */
  rnd: Random;
}

const trustKinds = ['NHS Foundation Trust', 'Hospitals NHS Trust', 'Teaching Hospitals NHS Foundation Trust', 'Healthcare NHS Trust', 'University Hospitals NHS Trust'];

export const organisationId = (orgNo: number) => `org_${orgNo.toString(36).padStart(2, '0')}`;

/**
 * Plans a trust: Trust Board → (divisions, for big trusts) → directorates (2–6 departments) →
 * departments (3–8 wards or teams) → wards and teams of ~30 staff, sized by the staff count, with a
 * manager for every unit and a deputy on every ward, each reporting to the manager of the unit above.
 */
export function planTrust(options: TrustOptions): TrustPlan {
  const rnd = new Random(options.seed * 7919 + (options.organisationIndex ?? 0));
  const orgNo = options.organisationIndex ?? 0;
  const tag = orgNo.toString(36).padStart(2, '0');
  const region = regions[orgNo % regions.length]!;
  const cycle = Math.floor(orgNo / regions.length);
  const kind = trustKinds[cycle % trustKinds.length]!;
  const repeat = Math.floor(cycle / trustKinds.length);
  const organisation: GeneratedOrganisation = {
    id: organisationId(orgNo),
    code: `R${pad(100 + orgNo, 3)}`,
    name: `${region.trustName} ${kind}${repeat ? ` ${repeat + 1}` : ''}`,
    nation: 'england',
  };
  const emailDomain = `${region.trustName.toLowerCase().replace(/[^a-z]/g, '')}${cycle ? cycle + 1 : ''}.nhs.example`;
  const N = options.staff;
  const [minTeams, maxTeams] = hierarchyShape.teamsPerDepartment;
  const [minDepts, maxDepts] = hierarchyShape.departmentsPerDirectorate;
  const headcount = (category: Category) => (N * staffGroups.filter((g) => g.category === category).reduce((s, g) => s + g.weight, 0)) / 100;
  const teamCount = (category: Category, min: number) => Math.max(min, Math.round(headcount(category) / hierarchyShape.staffPerTeam));

  const team = (name: string, kind: 'ward' | 'team', category: Category, profession: Profession | null): Node => ({ name, kind, level: 'team', category, profession, children: [] });
  const department = (name: string, category: Category, profession: Profession | null, children: Node[]): Node => ({ name, kind: 'department', level: 'department', category, profession, children });
  const departments: DepartmentSpec[] = [];

  // Wards: departments of 3–8 wards in a specialty, spread over the clinical directorates.
  const nextFamily = roundRobin(clinicalFamilies);
  const specialtyUse = new Map<string, number>();
  for (const size of partition(rnd, teamCount('ward', 1), minTeams, maxTeams)) {
    const family = nextFamily();
    const k = specialtyUse.get(family.name) ?? 0;
    specialtyUse.set(family.name, k + 1);
    const specialty = numbered(family.specialties[k % family.specialties.length]!, Math.floor(k / family.specialties.length));
    const noun = family.kind === 'ward' ? 'Ward' : 'Team';
    const wards = Array.from({ length: size }, (_, i) => team(`${specialty} ${noun} ${letter(i)}`, family.kind, 'ward', null));
    departments.push({ family: family.name, node: department(specialty, 'ward', null, wards) });
  }
  // Therapies and sciences: a department per profession, teams within it.
  for (const [category, professions] of [['therapy', therapyProfessions], ['science', scienceProfessions]] as const) {
    const nextProfession = roundRobin(professions);
    const used = new Map<string, number>();
    for (const size of partition(rnd, teamCount(category, 1), minTeams, maxTeams)) {
      const profession = nextProfession();
      const k = used.get(profession.dept) ?? 0;
      used.set(profession.dept, k + 1);
      const name = numbered(profession.dept, k);
      departments.push({ family: 'Clinical Support Services', node: department(name, category, profession, Array.from({ length: size }, (_, i) => team(`${name} Team ${letter(i)}`, 'team', category, profession))) });
    }
  }
  // Corporate and estates teams: named teams grouped into their departments.
  for (const [category, family, list, min] of [['admin', 'Corporate Services', adminTeams, 3], ['estates', 'Estates and Facilities', estatesTeams, 1]] as const) {
    const count = teamCount(category, min);
    const byDept = new Map<string, Node[]>();
    for (let i = 0; i < count; i++) {
      const [dept, name] = list[i % list.length]!;
      const teams = byDept.get(dept) ?? [];
      teams.push(team(numbered(name, Math.floor(i / list.length)), 'team', category, null));
      byDept.set(dept, teams);
    }
    for (const [dept, teams] of byDept) {
      let offset = 0;
      partition(rnd, teams.length, minTeams, maxTeams).forEach((size, k) => {
        departments.push({ family, node: department(numbered(dept, k), category, null, teams.slice(offset, offset + size)) });
        offset += size;
      });
    }
  }
  // Directorates of 2–6 departments per family; divisions above them while the top is too wide.
  const families = [...new Set(departments.map((d) => d.family))];
  let top: Node[] = [];
  for (const family of families) {
    const depts = departments.filter((d) => d.family === family).map((d) => d.node);
    let offset = 0;
    partition(rnd, depts.length, minDepts, maxDepts).forEach((size, k) => {
      top.push({ name: numbered(family, k), kind: 'directorate', level: 'directorate', category: null, profession: null, children: depts.slice(offset, offset + size) });
      offset += size;
    });
  }
  for (let depth = 0; top.length > hierarchyShape.topLevelUnits; depth++) {
    const grouped: Node[] = [];
    let offset = 0;
    partition(rnd, top.length, 3, 6).forEach((size, k) => {
      grouped.push({ name: depth === 0 ? `Division ${letter(k)}` : `Care Group ${numbered(letter(k), depth - 1)}`, kind: 'division', level: 'group', category: null, profession: null, children: top.slice(offset, offset + size) });
      offset += size;
    });
    top = grouped;
  }
  const board: Node = { name: 'Trust Board', kind: 'trust', level: 'board', category: null, profession: null, children: top };

  // Number units and fill posts top-down, so every supervisor comes before their reports.
  const orgUnits: GeneratedOrgUnit[] = [];
  const posts: Post[] = [];
  const teams: Record<Category, Team[]> = { ward: [], therapy: [], science: [], admin: [], estates: [] };
  const employeeId = (personNo: number) => `emp_${tag}${pad(personNo, 7)}`;
  const post = (p: Post) => {
    posts.push(p);
    return employeeId(posts.length);
  };
  const roleHolders: Array<{ role: string; team: Team }> = [];
  const visit = (node: Node, parentId: string | null, supervisor: string | null, departmentName: string) => {
    const unitNo = orgUnits.length + 1;
    const unit: GeneratedOrgUnit = { id: `ou_${tag}${pad(unitNo, 5)}`, organisationId: organisation.id, parentId, kind: node.kind, name: node.name, costCentre: `${organisation.code}${pad(unitNo, 5)}` };
    orgUnits.push(unit);
    const c = node.category;
    let manager: string;
    if (node.level === 'board') {
      manager = post({ unitId: unit.id, band: '9', jobTitle: 'Chief Executive', staffGroup: 'Senior Managers', category: null, supervisor: null, roles: [], registration: null });
    } else if (node.level === 'group') {
      manager = post({ unitId: unit.id, band: '9', jobTitle: `Divisional Director, ${node.name}`, staffGroup: 'Senior Managers', category: null, supervisor, roles: [], registration: null });
    } else if (node.level === 'directorate') {
      const title = parentId === orgUnits[0]!.id ? `Director of ${node.name}` : `Associate Director, ${node.name}`;
      manager = post({ unitId: unit.id, band: parentId === orgUnits[0]!.id ? '8d' : '8c', jobTitle: title, staffGroup: 'Senior Managers', category: null, supervisor, roles: [], registration: null });
    } else if (node.level === 'department') {
      manager = c === 'ward'
        ? post({ unitId: unit.id, band: '8a', jobTitle: `Matron, ${node.name}`, staffGroup: 'Nursing and Midwifery Registered', category: c, supervisor, roles: [], registration: 'NMC' })
        : node.profession
          ? post({ unitId: unit.id, band: '8b', jobTitle: node.profession.titles['8b']!, staffGroup: c === 'therapy' ? 'Allied Health Professionals' : 'Additional Professional Scientific and Technical', category: c, supervisor, roles: [], registration: node.profession.registration['8b'] ?? null })
          : post({ unitId: unit.id, band: '8b', jobTitle: `Head of ${node.name}`, staffGroup: 'Managers', category: c, supervisor, roles: [], registration: null });
    } else {
      const baseName = node.name.replace(/ \d+$/, '');
      const role = c === 'admin' ? (roleTeams as Record<string, string>)[baseName] : undefined;
      let deputy: string | null = null;
      if (c === 'ward') {
        const ward = node.kind === 'ward';
        manager = post({ unitId: unit.id, band: '7', jobTitle: ward ? 'Ward Manager' : 'Community Team Leader', staffGroup: 'Nursing and Midwifery Registered', category: c, supervisor, roles: [], registration: 'NMC' });
        deputy = post({ unitId: unit.id, band: '6', jobTitle: ward ? 'Deputy Ward Manager' : 'Deputy Team Leader', staffGroup: 'Nursing and Midwifery Registered', category: c, supervisor: manager, roles: [], registration: 'NMC' });
      } else if (node.profession) {
        manager = post({ unitId: unit.id, band: '7', jobTitle: node.profession.titles['7']!, staffGroup: c === 'therapy' ? 'Allied Health Professionals' : 'Additional Professional Scientific and Technical', category: c, supervisor, roles: [], registration: node.profession.registration['7'] ?? null });
      } else if (c === 'admin') {
        manager = post({ unitId: unit.id, band: '7', jobTitle: `${baseName} Manager`, staffGroup: 'Administrative and Clerical', category: c, supervisor, roles: role ? [role] : [], registration: null });
      } else {
        manager = post({ unitId: unit.id, band: '5', jobTitle: `${baseName} Supervisor`, staffGroup: 'Estates and Ancillary', category: c, supervisor, roles: [], registration: null });
      }
      const t: Team = { unitId: unit.id, name: node.name, department: departmentName, managerId: manager, deputyId: deputy, profession: node.profession };
      teams[c!].push(t);
      if (role) roleHolders.push({ role, team: t });
    }
    for (const child of node.children) visit(child, unit.id, manager, node.level === 'department' ? node.name : departmentName);
  };
  visit(board, null, null, '');

  // Named admins so every organisation can sign in as each admin role: at least 2 HR admins and one
  // each of payroll and learning admins (their team managers hold the role too), more in big trusts.
  const extra = { hr_admin: Math.max(1, Math.round(N / 3000)), payroll_admin: Math.round(N / 5000), learning_admin: Math.round(N / 6000) };
  const officer = { hr_admin: ['HR Advisor', '5'], payroll_admin: ['Payroll Officer', '4'], learning_admin: ['Learning and Development Coordinator', '4'] } as const;
  for (const role of ['hr_admin', 'payroll_admin', 'learning_admin'] as const) {
    const homes = roleHolders.filter((h) => h.role === role);
    for (let i = 0; i < extra[role]; i++) {
      const home = homes[i % homes.length]!.team;
      post({ unitId: home.unitId, band: officer[role][1], jobTitle: officer[role][0], staffGroup: 'Administrative and Clerical', category: 'admin', supervisor: home.managerId, roles: [role], registration: null });
    }
  }
  return { organisation, orgUnits, staff: Math.max(N, posts.length), region, emailDomain, seed: options.seed, asOf: options.asOf, orgNo, tag, posts, teams, rnd };
}

const serviceBuckets = {
  // [years from, years to) and weight: about 1 in 9 joined in the last year, 4 in 10 have over 10 years.
  staff: [[0, 1, 11], [1, 5, 29], [5, 10, 21], [10, 20, 24], [20, 40, 15]],
  senior: [[0, 1, 3], [1, 5, 14], [5, 10, 22], [10, 20, 34], [20, 40, 27]],
} as const;

/**
 * The trust's people, one at a time (posts first, then staff), so a caller can stream them into the
 * database without holding the organisation in memory. Deterministic for the plan's seed and index.
 */
export function* generatePeople(plan: TrustPlan, allocator: RegistrationAllocator): Generator<GeneratedPerson> {
  const { rnd } = plan;
  const groupTable = staffGroups.map((g) => [g, g.weight] as const);
  for (let personNo = 1; personNo <= plan.staff; personNo++) {
    const post = plan.posts[personNo - 1];
    if (post) {
      yield hire(plan, allocator, personNo, post, true);
      continue;
    }
    const g = rnd.weighted(groupTable);
    const band = rnd.weighted(g.bands);
    const team = rnd.pick(plan.teams[g.category]);
    let jobTitle = g.titles[band] ?? 'Officer';
    let registration: SeriesKey | null = null;
    if (g.category === 'ward') {
      const midwifery = /Maternity|Midwifery/.test(team.department);
      if (g.group === 'Nursing and Midwifery Registered') {
        registration = 'NMC';
        if (midwifery) jobTitle = midwifeTitles[band] ?? jobTitle;
      } else if (midwifery && band === '3') jobTitle = 'Maternity Support Worker';
    } else if (team.profession) {
      jobTitle = team.profession.titles[band] ?? jobTitle;
      registration = team.profession.registration[band] ?? null;
    } else if (g.category === 'admin' && band === '3' && team.name.startsWith('Medical Records')) jobTitle = 'Medical Records Clerk';
    // Senior nurses report to the ward manager, everyone else on a ward to the deputy.
    const supervisor = g.category === 'ward' && team.deputyId && !(g.group.startsWith('Nursing') && band !== '5') ? team.deputyId : team.managerId;
    yield hire(plan, allocator, personNo, { unitId: team.unitId, band, jobTitle, staffGroup: g.group, category: g.category, supervisor, roles: [], registration }, false);
  }
}

export function hire(plan: TrustPlan, allocator: RegistrationAllocator, personNo: number, spec: Post, isPost: boolean): GeneratedPerson {
  const { rnd, organisation, asOf } = plan;
  const id = `emp_${plan.tag}${pad(personNo, 7)}`;
  const group = staffGroups.find((g) => g.group === spec.staffGroup);
  const senior = spec.band.startsWith('8') || spec.band === '9' || spec.band === '7';
  const who = identity(rnd, group?.female ?? (senior ? 0.65 : 0.75));
  const [fromYears, toYears] = rnd.weighted((senior ? serviceBuckets.senior : serviceBuckets.staff).map(([a, b, w]) => [[a, b], w] as const));
  // New starters joined at least 40 days ago, so everyone has been paid at least once.
  const serviceDays = rnd.int(Math.max(40, fromYears * 365), toYears * 365 - 1);
  const age = rnd.int(Math.max(20, 19 + Math.ceil(serviceDays / 365)), 66);
  const serviceStart = daysBefore(asOf, serviceDays);
  const inPostDays = Math.min(serviceDays, rnd.int(40, 12 * 365));
  const inPostYears = inPostDays / 365;
  const payPoint: PayPoint = inPostYears >= 5 ? 'top' : inPostYears >= 2 ? 'intermediate' : 'entry';
  const partTime = !isPost && rnd.chance(group?.partTime ?? 0.3);
  const minutes = partTime ? rnd.pick([900, 1125, 1350, 1500, 1800, 1950]) : fullTimeMinutesPerWeek;
  const taxCode = rnd.weighted([['1257L', 88], ['1100L', 3], ['1385L', 2], ['K150', 2], ['BR', 2], ['1257L M1', 3]] as const);
  const niCategory = age < 21 ? 'M' : 'A';
  const plans = age < 30 ? rnd.weighted([[['2'], 35], [['5'], 10], [[], 55]] as const) : age < 45 ? rnd.weighted([[['2'], 15], [['1'], 10], [[], 75]] as const) : [];
  const dateOfBirth = daysBefore(asOf, age * 365 + rnd.int(0, 364));
  const niNumber = `QQ${rnd.digits(6)}${rnd.pick(['A', 'B', 'C', 'D'])}`;
  const sortCode = rnd.digits(6);
  const accountNumber = rnd.digits(8);
  const local = `${who.firstName}.${who.lastName}${personNo}`.normalize('NFD').toLowerCase().replace(/[^a-z0-9.]/g, '');

  // Contact details and declarations come from the person's own stream: adding a field there never
  // shifts anyone else's pay, hours or dates.
  const own = new Random(hash(id) ^ Math.imul(plan.seed, 0x9e3779b1));
  const details = personalDetails(own, who, plan.region, serviceStart);
  let registration: GeneratedRegistration | null = null;
  if (spec.registration) {
    const issued = allocator.issue(spec.registration, own);
    const lapsed = own.chance(0.015);
    const months = issued.body === 'HCPC' ? own.int(0, 23) : own.int(0, 11);
    registration = { id: `reg_${id.slice(4)}`, employeeId: id, ...issued, expiresOn: lapsed ? daysBefore(asOf, own.int(1, 45)) : endOfMonthAfter(asOf, months) };
  }
  return {
    employee: {
      id, organisationId: organisation.id, employeeNumber: `${organisation.code}-${pad(personNo, 7)}`,
      title: who.title, firstName: who.firstName, lastName: who.lastName, email: `${local}@${plan.emailDomain}`,
      dateOfBirth, nhsServiceStartDate: serviceStart, niNumber, roles: spec.roles,
    },
    assignment: {
      id: `asg_${plan.tag}${pad(personNo, 7)}`, organisationId: organisation.id, employeeId: id,
      // ESR-like: 8 digits and the assignment's sequence; organisation-prefixed so numbers never clash.
      assignmentNumber: `${pad(20000000 + plan.orgNo * 1000000 + personNo, 8)}-1`,
      jobTitle: spec.jobTitle, staffGroup: spec.staffGroup, band: spec.band, payPoint, orgUnitId: spec.unitId,
      supervisorEmployeeId: spec.supervisor, contractedMinutesPerWeek: minutes, taxCode, niCategory,
      studentLoanPlans: [...plans], startDate: daysBefore(asOf, inPostDays), endDate: null,
    },
    bankDetails: { employeeId: id, accountName: `${who.firstName} ${who.lastName}`.toUpperCase(), sortCode, accountNumber },
    address: details.address,
    phones: details.phones,
    emergencyContacts: details.contacts,
    equality: details.equality,
    registration,
  };
}
