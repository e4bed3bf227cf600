import { type AfcBand, type PayPoint, fullTimeMinutesPerWeek } from '../domain/pay-scales/agenda-for-change.ts';
import { firstNames, lastNames } from './names.ts';
import { Random } from './random.ts';

export interface GeneratedOrganisation { id: string; code: string; name: string; nation: 'england' }
export interface GeneratedOrgUnit { id: string; organisationId: string; parentId: string | null; kind: 'directorate' | 'department' | 'ward' | 'team'; name: string; costCentre: string }
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

export interface GeneratedTrust {
  organisation: GeneratedOrganisation;
  orgUnits: GeneratedOrgUnit[];
  employees: GeneratedEmployee[];
  assignments: GeneratedAssignment[];
  bankDetails: GeneratedBankDetails[];
}

export interface TrustOptions {
  /** Same seed, same trust. */
  seed: number;
  /** Number of staff (at least ~60 so every unit has a manager). */
  staff: number;
  /** Index of the organisation when generating many; keeps ids and codes unique. */
  organisationIndex?: number;
  /** Reference date for ages and service lengths (YYYY-MM-DD). */
  asOf: string;
}

// Staff groups in roughly NHS Digital proportions (medical staff are on other pay scales: not seeded yet).
const staffGroups = [
  { group: 'Nursing and Midwifery Registered', weight: 30, ward: true, bands: [['5', 50], ['6', 32], ['7', 14], ['8a', 4]], titles: { '5': 'Staff Nurse', '6': 'Senior Staff Nurse', '7': 'Clinical Nurse Specialist', '8a': 'Matron' } },
  { group: 'Support to Clinical Staff', weight: 27, ward: true, bands: [['2', 35], ['3', 48], ['4', 17]], titles: { '2': 'Healthcare Support Worker', '3': 'Senior Healthcare Support Worker', '4': 'Assistant Practitioner' } },
  { group: 'Allied Health Professionals', weight: 12, ward: false, bands: [['5', 25], ['6', 40], ['7', 25], ['8a', 10]], titles: { '5': 'Physiotherapist', '6': 'Specialist Occupational Therapist', '7': 'Advanced Practitioner', '8a': 'Consultant Therapist' } },
  { group: 'Additional Professional Scientific and Technical', weight: 6, ward: false, bands: [['4', 20], ['5', 30], ['6', 30], ['7', 20]], titles: { '4': 'Pharmacy Technician', '5': 'Biomedical Scientist', '6': 'Specialist Pharmacist', '7': 'Principal Clinical Scientist' } },
  { group: 'Administrative and Clerical', weight: 20, ward: false, bands: [['2', 12], ['3', 36], ['4', 30], ['5', 12], ['6', 10]], titles: { '2': 'Clerical Officer', '3': 'Ward Clerk', '4': 'Medical Secretary', '5': 'Team Leader', '6': 'Business Manager' } },
  { group: 'Estates and Ancillary', weight: 5, ward: false, bands: [['2', 60], ['3', 30], ['4', 10]], titles: { '2': 'Domestic Assistant', '3': 'Porter Supervisor', '4': 'Estates Technician' } },
] as const;

const directorates = [
  { name: 'Medicine', departments: ['Acute Medicine', 'Elderly Care', 'Respiratory'] },
  { name: 'Surgery', departments: ['General Surgery', 'Orthopaedics', 'Theatres'] },
  { name: 'Women and Children', departments: ['Maternity', 'Paediatrics'] },
  { name: 'Clinical Support', departments: ['Pharmacy', 'Therapies', 'Pathology'] },
  { name: 'Corporate', departments: ['Workforce', 'Finance', 'Estates and Facilities'] },
] as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
function addYears(asOf: string, years: number, dayJitter: number): string {
  const d = new Date(`${asOf}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - dayJitter);
  return isoDate(d);
}

/** A realistic synthetic trust: directorates → departments → wards/teams, managers, staff, hierarchy. */
export function generateTrust(options: TrustOptions): GeneratedTrust {
  const rnd = new Random(options.seed * 7919 + (options.organisationIndex ?? 0));
  const orgNo = options.organisationIndex ?? 0;
  const tag = orgNo.toString(36).padStart(2, '0');
  const organisation: GeneratedOrganisation = {
    id: `org_${tag}`,
    code: `R${pad(100 + orgNo, 3)}`,
    name: orgNo === 0 ? 'Severn Vale NHS Foundation Trust' : `${rnd.pick(['North', 'South', 'East', 'West', 'Mid', 'Central'])} ${rnd.pick(['Vale', 'Downs', 'Moors', 'Coast', 'Valley', 'Forest'])} NHS Trust ${orgNo}`,
    nation: 'england',
  };
  const orgUnits: GeneratedOrgUnit[] = [];
  const employees: GeneratedEmployee[] = [];
  const assignments: GeneratedAssignment[] = [];
  const bankDetails: GeneratedBankDetails[] = [];
  let unitNo = 0;
  const unit = (parentId: string | null, kind: GeneratedOrgUnit['kind'], name: string): GeneratedOrgUnit => {
    unitNo++;
    const u = { id: `ou_${tag}${pad(unitNo, 4)}`, organisationId: organisation.id, parentId, kind, name, costCentre: `${organisation.code}${pad(unitNo, 4)}` };
    orgUnits.push(u);
    return u;
  };

  let personNo = 0;
  const hire = (spec: { band: AfcBand; jobTitle: string; staffGroup: string; unitId: string; supervisor: string | null; roles?: string[]; fullTime?: boolean }) => {
    personNo++;
    const id = `emp_${tag}${pad(personNo, 7)}`;
    const firstName = rnd.pick(firstNames);
    const lastName = rnd.pick(lastNames);
    const age = rnd.int(20, 67);
    const serviceYears = Math.min(age - 18, Math.floor(rnd.next() ** 1.6 * 30));
    const serviceStart = addYears(options.asOf, serviceYears, rnd.int(0, 364));
    const bandYears = Math.min(serviceYears, rnd.int(0, 12));
    const payPoint: PayPoint = bandYears >= 5 ? 'top' : bandYears >= 2 ? 'intermediate' : 'entry';
    const partTime = !spec.fullTime && rnd.chance(0.3);
    const minutes = partTime ? rnd.pick([900, 1125, 1350, 1500, 1800, 1950]) : fullTimeMinutesPerWeek;
    const taxCode = rnd.weighted([['1257L', 88], ['1100L', 3], ['1385L', 2], ['K150', 2], ['BR', 2], ['1257L M1', 3]] as const);
    const niCategory = age >= 67 ? 'C' : age < 21 ? 'M' : 'A';
    const plans = age < 30 ? rnd.weighted([[['2'], 35], [['5'], 10], [[], 55]] as const) : age < 45 ? rnd.weighted([[['2'], 15], [['1'], 10], [[], 75]] as const) : [];
    employees.push({
      id, organisationId: organisation.id, employeeNumber: `${organisation.code}-${pad(personNo, 7)}`,
      title: rnd.pick(['Mr', 'Ms', 'Mrs', 'Miss', 'Mx', 'Dr']), firstName, lastName,
      email: `${firstName}.${lastName}${personNo}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@severnvale.nhs.example',
      dateOfBirth: addYears(options.asOf, age, rnd.int(0, 364)),
      nhsServiceStartDate: serviceStart,
      niNumber: `QQ${rnd.digits(6)}${rnd.pick(['A', 'B', 'C', 'D'])}`,
      roles: spec.roles ?? [],
    });
    assignments.push({
      id: `asg_${tag}${pad(personNo, 7)}`, organisationId: organisation.id, employeeId: id,
      assignmentNumber: `${pad(20000000 + orgNo * 1000000 + personNo, 8)}-1`, jobTitle: spec.jobTitle, staffGroup: spec.staffGroup,
      band: spec.band, payPoint, orgUnitId: spec.unitId, supervisorEmployeeId: spec.supervisor, contractedMinutesPerWeek: minutes,
      taxCode, niCategory, studentLoanPlans: [...plans], startDate: serviceStart > addYears(options.asOf, bandYears, 0) ? serviceStart : addYears(options.asOf, bandYears, rnd.int(0, 200)), endDate: null,
    });
    bankDetails.push({ employeeId: id, accountName: `${firstName} ${lastName}`.toUpperCase(), sortCode: rnd.digits(6), accountNumber: rnd.digits(8) });
    return id;
  };

  // Leadership and line management first, so every hire below has a supervisor.
  const board = unit(null, 'directorate', 'Trust Board');
  const chief = hire({ band: '9', jobTitle: 'Chief Executive', staffGroup: 'Senior Managers', unitId: board.id, supervisor: null, fullTime: true });
  const wards: Array<{ id: string; manager: string; clinical: boolean }> = [];
  for (const d of directorates) {
    const dir = unit(null, 'directorate', d.name);
    const director = hire({ band: '8d', jobTitle: `Director of ${d.name}`, staffGroup: 'Senior Managers', unitId: dir.id, supervisor: chief, fullTime: true });
    for (const name of d.departments) {
      const dept = unit(dir.id, 'department', name);
      const head = hire({ band: rnd.pick(['8b', '8c'] as const), jobTitle: `Head of ${name}`, staffGroup: 'Managers', unitId: dept.id, supervisor: director, fullTime: true });
      const clinical = d.name !== 'Corporate' && d.name !== 'Clinical Support';
      const teams = clinical ? [`${name} Ward A`, `${name} Ward B`] : [`${name} Team`];
      for (const teamName of teams) {
        const team = unit(dept.id, clinical ? 'ward' : 'team', teamName);
        const roles = teamName === 'Workforce Team' ? ['hr_admin'] : teamName === 'Finance Team' ? ['payroll_admin'] : [];
        const manager = hire({
          band: clinical ? '7' : '8a', jobTitle: clinical ? 'Ward Manager' : 'Team Manager', staffGroup: clinical ? 'Nursing and Midwifery Registered' : 'Managers',
          unitId: team.id, supervisor: head, roles, fullTime: true,
        });
        wards.push({ id: team.id, manager, clinical });
      }
    }
  }
  const workforce = wards.find((w) => w.id && orgUnits.find((u) => u.id === w.id)?.name === 'Workforce Team')!;
  const finance = wards.find((w) => orgUnits.find((u) => u.id === w.id)?.name === 'Finance Team')!;
  const groupTable = staffGroups.map((g) => [g, g.weight] as const);
  let adminHires = 0;
  while (personNo < options.staff) {
    const g = rnd.weighted(groupTable);
    const band = rnd.weighted(g.bands as unknown as readonly (readonly [AfcBand, number])[]);
    const candidates = wards.filter((w) => w.clinical === g.ward);
    const team = rnd.pick(candidates.length > 0 ? candidates : wards);
    // A handful of admins in the corporate teams, so every role can sign in to the demo.
    const roles = adminHires < 6 ? [['hr_admin'], ['payroll_admin'], ['learning_admin']][adminHires % 3]! : [];
    const home = roles[0] === 'payroll_admin' ? finance : roles.length ? workforce : team;
    if (roles.length) adminHires++;
    hire({
      band: roles.length ? '6' : band, jobTitle: roles.length ? `${roles[0] === 'hr_admin' ? 'HR' : roles[0] === 'payroll_admin' ? 'Payroll' : 'Learning and Development'} Officer` : (g.titles as Record<string, string>)[band] ?? 'Officer',
      staffGroup: roles.length ? 'Administrative and Clerical' : g.group, unitId: home.id, supervisor: home.manager, roles,
    });
  }
  return { organisation, orgUnits, employees, assignments, bankDetails };
}
