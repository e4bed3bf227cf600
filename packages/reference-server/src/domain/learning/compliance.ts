// Statutory and mandatory training compliance (CSTF): who must hold which subject (requirements by
// staff group, job title and org unit), what each person holds (training records), and the red /
// amber / green status per subject — for one person, a manager's reporting line, or an organisation
// (or org unit) as percentages by subject.
//
// Status on a date `asOf`, with `expiresOn` the last day the training is valid:
//   not_required  no requirement applies to the person (a record may still be shown);
//   red           required, and nothing held at the required level or above, or expiresOn < asOf;
//   amber         required and valid, but expiresOn <= asOf + amberDays (expiring soon);
//   green         required and valid beyond the amber window.
// Compliant = green or amber (still in date), as NHS trusts report it.
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import { orgUnits } from '../../db/schema.ts';
import { learningRequirements, trainingRecords } from '../../db/schema-learning.ts';
import type { TrainingSource } from '../../db/schema-learning.ts';
import { ApiProblem, problems } from '../../http/problem.ts';
import { addDaysIso, dayOf } from '../calendars/dates.ts';
import { expiryOf, loadSubjects, subjectByCode } from './subjects.ts';
import type { Subject } from './subjects.ts';
import { isoInstant, newId } from './types.ts';
import type { LearningContext, Queryable } from './types.ts';

export type ComplianceStatus = 'green' | 'amber' | 'red' | 'not_required';

export interface Requirement {
  id: string;
  subjectCode: string;
  staffGroup: string | null;
  jobTitle: string | null;
  orgUnitId: string | null;
}

/** The facts about a person that requirements match on (their current assignment). */
export interface LearnerFacts {
  employeeId: string;
  name: string;
  jobTitle: string;
  staffGroup: string;
  orgUnitId: string;
}

/** Best record held per subject code: latest expiry (and completion). */
export type HeldRecords = Map<string, { completedOn: string; expiresOn: string | null }>;

export interface ComplianceCell {
  family: string;
  name: string;
  /** The subject code required (highest level required), or the best held when not required. */
  subjectCode: string | null;
  requiredLevel: number | null;
  heldLevel: number | null;
  status: ComplianceStatus;
  completedOn: string | null;
  expiresOn: string | null;
  /** Days from asOf to expiresOn (negative when expired); null without an expiry. */
  daysToExpiry: number | null;
  renewalMonths: number | null;
}

export interface ComplianceSummary {
  required: number;
  compliant: number;
  expiring: number;
  nonCompliant: number;
  /** compliant ÷ required × 100, one decimal; null when nothing is required. */
  compliancePercent: number | null;
}

export interface Family {
  family: string;
  name: string;
  levels: Subject[];
}

/** Subject families in display order, e.g. resuscitation with its levels 1–3. */
export function familiesOf(subjects: Subject[]): Family[] {
  const out = new Map<string, Family>();
  for (const s of subjects) {
    const f = out.get(s.family) ?? { family: s.family, name: s.name.split(' – ')[0]!, levels: [] };
    f.levels.push(s);
    out.set(s.family, f);
  }
  return [...out.values()];
}

/** Unit → its ancestors and itself, for matching org-unit requirements (which cover the subtree). */
export async function unitPaths(db: Queryable, organisationId: string): Promise<{ pathOf: (unitId: string) => string[]; units: Array<{ id: string; parentId: string | null; name: string }> }> {
  const units = await db.select({ id: orgUnits.id, parentId: orgUnits.parentId, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.organisationId, organisationId));
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const cache = new Map<string, string[]>();
  const pathOf = (unitId: string): string[] => {
    const hit = cache.get(unitId);
    if (hit) return hit;
    const path: string[] = [];
    for (let u: string | null | undefined = unitId; u && path.length < 64; u = parent.get(u)) path.push(u);
    cache.set(unitId, path);
    return path;
  };
  return { pathOf, units };
}

/** Family → the level required of this person (highest of the matching requirements). */
export function requiredLevels(person: LearnerFacts, unitPath: string[], requirements: Requirement[], subjects: Map<string, Subject>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of requirements) {
    if (r.staffGroup !== null && r.staffGroup !== person.staffGroup) continue;
    if (r.jobTitle !== null && r.jobTitle !== person.jobTitle) continue;
    if (r.orgUnitId !== null && !unitPath.includes(r.orgUnitId)) continue;
    const s = subjects.get(r.subjectCode);
    if (s && (out.get(s.family) ?? 0) < s.level) out.set(s.family, s.level);
  }
  return out;
}

// The amber edge and day number of the last asOf / window seen: a report asks for the same ones tens of
// thousands of times, and parsing dates was most of its time.
let clockKey = '';
let clock = { amberEdge: '', asOfDay: 0 };
function clockOf(asOf: string, amberDays: number) {
  const key = `${asOf}|${amberDays}`;
  if (key !== clockKey) {
    clock = { amberEdge: addDaysIso(asOf, amberDays), asOfDay: dayOf(asOf) };
    clockKey = key;
  }
  return clock;
}

export function statusOf(required: boolean, expiresOn: string | null, held: boolean, asOf: string, amberDays: number): ComplianceStatus {
  if (!required) return 'not_required';
  if (!held) return 'red';
  if (expiresOn === null) return 'green';
  if (expiresOn < asOf) return 'red';
  if (expiresOn <= clockOf(asOf, amberDays).amberEdge) return 'amber';
  return 'green';
}

/** One person's row of the matrix: a cell per subject family. */
export function complianceCells(families: Family[], required: Map<string, number>, held: HeldRecords, asOf: string, amberDays: number): ComplianceCell[] {
  return families.map((f) => {
    const level = required.get(f.family) ?? null;
    // The best record at the required level or above (any level when not required): latest expiry.
    let best: { subject: Subject; completedOn: string; expiresOn: string | null } | null = null;
    for (const s of f.levels) {
      if (level !== null && s.level < level) continue;
      const r = held.get(s.code);
      if (!r) continue;
      const later = best === null || (r.expiresOn ?? '9999-12-31') > (best.expiresOn ?? '9999-12-31') || ((r.expiresOn ?? '') === (best.expiresOn ?? '') && r.completedOn > best.completedOn);
      if (later) best = { subject: s, ...r };
    }
    const requiredSubject = level !== null ? f.levels.find((s) => s.level === level)! : null;
    return {
      family: f.family,
      name: f.name,
      subjectCode: requiredSubject?.code ?? best?.subject.code ?? null,
      requiredLevel: level,
      heldLevel: best?.subject.level ?? null,
      status: statusOf(level !== null, best?.expiresOn ?? null, best !== null, asOf, amberDays),
      completedOn: best?.completedOn ?? null,
      expiresOn: best?.expiresOn ?? null,
      daysToExpiry: best?.expiresOn ? dayOf(best.expiresOn) - clockOf(asOf, amberDays).asOfDay : null,
      renewalMonths: (requiredSubject ?? best?.subject)?.renewalMonths ?? null,
    };
  });
}

export function summarise(cells: Array<{ status: ComplianceStatus }>): ComplianceSummary {
  const required = cells.filter((c) => c.status !== 'not_required').length;
  const expiring = cells.filter((c) => c.status === 'amber').length;
  const compliant = expiring + cells.filter((c) => c.status === 'green').length;
  return { required, compliant, expiring, nonCompliant: required - compliant, compliancePercent: required === 0 ? null : Math.round((compliant / required) * 1000) / 10 };
}

export async function loadRequirements(db: Queryable, organisationId: string): Promise<Requirement[]> {
  return db
    .select({ id: learningRequirements.id, subjectCode: learningRequirements.subjectCode, staffGroup: learningRequirements.staffGroup, jobTitle: learningRequirements.jobTitle, orgUnitId: learningRequirements.orgUnitId })
    .from(learningRequirements)
    .where(eq(learningRequirements.organisationId, organisationId))
    .orderBy(learningRequirements.subjectCode, learningRequirements.id);
}

/**
 * Current learners of the organisation (one current assignment each: the earliest started) — all of
 * them, those in `unitIds`, or `employeeIds`.
 */
export async function loadLearners(db: Queryable, organisationId: string, asOf: string, scope: { employeeIds?: string[]; unitIds?: string[] } = {}): Promise<LearnerFacts[]> {
  const filters = [
    scope.employeeIds ? sql`AND a.employee_id IN (${sql.join(scope.employeeIds.map((id) => sql`${id}`), sql`, `)})` : sql``,
    scope.unitIds ? sql`AND a.org_unit_id IN (${sql.join(scope.unitIds.map((id) => sql`${id}`), sql`, `)})` : sql``,
  ];
  if (scope.employeeIds?.length === 0 || scope.unitIds?.length === 0) return [];
  const rows = rowsOf<{ employee_id: string; first_name: string; last_name: string; job_title: string; staff_group: string; org_unit_id: string }>(await db.execute(sql`
    SELECT DISTINCT ON (a.employee_id) a.employee_id, e.first_name, e.last_name, a.job_title, a.staff_group, a.org_unit_id
      FROM assignments a JOIN employees e ON e.id = a.employee_id
     WHERE a.organisation_id = ${organisationId} AND a.start_date <= ${asOf}::date AND (a.end_date IS NULL OR a.end_date >= ${asOf}::date) ${filters[0]} ${filters[1]}
     ORDER BY a.employee_id, a.start_date, a.id`));
  return rows.map((r) => ({ employeeId: r.employee_id, name: `${r.first_name} ${r.last_name}`, jobTitle: r.job_title, staffGroup: r.staff_group, orgUnitId: r.org_unit_id }));
}

/** Best record per person and subject code, for these people (or the whole organisation). */
export async function loadHeld(db: Queryable, organisationId: string, asOf: string, employeeIds?: string[]): Promise<Map<string, HeldRecords>> {
  if (employeeIds?.length === 0) return new Map();
  const only = employeeIds ? sql`AND employee_id IN (${sql.join(employeeIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const rows = rowsOf<{ employee_id: string; subject_code: string; completed_on: string; expires_on: string | null }>(await db.execute(sql`
    SELECT employee_id, subject_code, max(completed_on)::text AS completed_on,
           CASE WHEN bool_or(expires_on IS NULL) THEN NULL ELSE max(expires_on)::text END AS expires_on
      FROM training_records
     WHERE organisation_id = ${organisationId} AND subject_code IS NOT NULL AND completed_on <= ${asOf}::date ${only}
     GROUP BY employee_id, subject_code`));
  const out = new Map<string, HeldRecords>();
  for (const r of rows) {
    const held = out.get(r.employee_id) ?? new Map();
    held.set(r.subject_code, { completedOn: r.completed_on, expiresOn: r.expires_on });
    out.set(r.employee_id, held);
  }
  return out;
}

export interface MatrixOptions {
  asOf: string;
  amberDays: number;
}

export interface PersonCompliance {
  employeeId: string;
  name: string;
  jobTitle: string;
  staffGroup: string;
  orgUnitId: string;
  summary: ComplianceSummary;
  subjects: ComplianceCell[];
}

/**
 * The matrix rows of these learners. `manyLearners`: read the whole organisation's records in one scan
 * rather than naming thousands of people in the query (reports).
 */
export async function complianceOf(db: Queryable, organisationId: string, learners: LearnerFacts[], o: MatrixOptions & { manyLearners?: boolean }): Promise<PersonCompliance[]> {
  const [subjects, requirements, paths, held] = await Promise.all([
    loadSubjects(db), loadRequirements(db, organisationId), unitPaths(db, organisationId),
    loadHeld(db, organisationId, o.asOf, o.manyLearners ? undefined : learners.map((l) => l.employeeId)),
  ]);
  const families = familiesOf(subjects);
  const byCode = new Map(subjects.map((s) => [s.code, s]));
  return learners.map((l) => {
    const cells = complianceCells(families, requiredLevels(l, paths.pathOf(l.orgUnitId), requirements, byCode), held.get(l.employeeId) ?? new Map(), o.asOf, o.amberDays);
    return { ...l, summary: summarise(cells), subjects: cells };
  });
}

/** Employees below `managerId` in the supervisor hierarchy (current assignments), by id after `after`. */
export async function reportingLine(db: Queryable, managerId: string, page: { limit: number; after?: string | undefined }): Promise<string[]> {
  const rows = rowsOf<{ employee_id: string }>(await db.execute(sql`
    WITH RECURSIVE below (employee_id, depth) AS (
      SELECT employee_id, 1 FROM assignments
       WHERE supervisor_employee_id = ${managerId} AND (end_date IS NULL OR end_date >= CURRENT_DATE)
      UNION
      SELECT a.employee_id, b.depth + 1 FROM assignments a JOIN below b ON a.supervisor_employee_id = b.employee_id
       WHERE (a.end_date IS NULL OR a.end_date >= CURRENT_DATE) AND b.depth < 64
    )
    SELECT DISTINCT employee_id FROM below WHERE employee_id <> ${managerId} ${page.after ? sql`AND employee_id > ${page.after}` : sql``}
     ORDER BY employee_id LIMIT ${page.limit + 1}`));
  return rows.map((r) => r.employee_id);
}

export interface SubjectCompliance extends ComplianceSummary {
  family: string;
  name: string;
}

export interface UnitCompliance {
  orgUnitId: string;
  name: string;
  /** Staff counted (current assignments in the unit and below). */
  headcount: number;
  overall: ComplianceSummary;
  subjects: SubjectCompliance[];
}

export interface OrganisationCompliance extends UnitCompliance {
  asOf: string;
  amberDays: number;
  /** The root unit's direct children, each with its whole subtree. */
  units: UnitCompliance[];
}

function aggregate(orgUnitId: string, name: string, families: Family[], rows: PersonCompliance[]): UnitCompliance {
  const subjects = families.map((f) => ({ family: f.family, name: f.name, ...summarise(rows.map((r) => r.subjects.find((c) => c.family === f.family)!)) }));
  return { orgUnitId, name, headcount: rows.length, overall: summarise(rows.flatMap((r) => r.subjects)), subjects };
}

/**
 * Compliance percentage by subject for an org unit and everything below it (default: the whole
 * organisation), with the same figures for each of its direct child units.
 */
export async function organisationCompliance(db: Queryable, organisationId: string, rootUnitId: string | undefined, o: MatrixOptions): Promise<OrganisationCompliance> {
  const { pathOf, units } = await unitPaths(db, organisationId);
  const root = rootUnitId ? units.find((u) => u.id === rootUnitId) : units.find((u) => u.parentId === null);
  if (!root) throw problems.validation([{ path: 'query.orgUnitId', message: 'No such org unit in your organisation', code: 'unknown_org_unit' }]);
  const whole = root.parentId === null;
  const inScope = whole ? undefined : units.filter((u) => pathOf(u.id).includes(root.id)).map((u) => u.id);
  const learners = await loadLearners(db, organisationId, o.asOf, inScope ? { unitIds: inScope } : {});
  const rows = await complianceOf(db, organisationId, learners, { ...o, manyLearners: true });
  const families = familiesOf(await loadSubjects(db));
  const children = units.filter((u) => u.parentId === root.id).sort((a, b) => a.name.localeCompare(b.name));
  return {
    ...aggregate(root.id, root.name, families, rows),
    asOf: o.asOf,
    amberDays: o.amberDays,
    units: children.map((u) => aggregate(u.id, u.name, families, rows.filter((r) => pathOf(r.orgUnitId).includes(u.id)))),
  };
}

// --- requirements and training records (learning admins) ---

export interface RequirementInput {
  subjectCode: string;
  staffGroup?: string | undefined;
  jobTitle?: string | undefined;
  orgUnitId?: string | undefined;
}

const isUniqueViolation = (e: unknown) => {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) if ((x as { code?: unknown }).code === '23505') return true;
  return false;
};

export async function createRequirement(db: Queryable, ctx: LearningContext, input: RequirementInput): Promise<Requirement> {
  const org = ctx.principal.organisationId;
  if (!(await subjectByCode(db)).has(input.subjectCode)) {
    throw problems.validation([{ path: 'json.subjectCode', message: `${input.subjectCode} is not a Core Skills Training Framework subject code`, code: 'unknown_subject' }]);
  }
  if (input.orgUnitId) {
    const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.id, input.orgUnitId), eq(orgUnits.organisationId, org)));
    if (!unit) throw problems.validation([{ path: 'json.orgUnitId', message: 'No such org unit in your organisation', code: 'unknown_org_unit' }]);
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(learningRequirements)
        .values({ id: newId('lrq'), organisationId: org, subjectCode: input.subjectCode, staffGroup: input.staffGroup ?? null, jobTitle: input.jobTitle ?? null, orgUnitId: input.orgUnitId ?? null, createdBy: ctx.principal.employeeId })
        .returning();
      await recordAudit(tx, { ...ctx, action: 'create', resource: 'learning_requirement', changes: { subjectCode: { to: input.subjectCode } } });
      return { id: row!.id, subjectCode: row!.subjectCode, staffGroup: row!.staffGroup, jobTitle: row!.jobTitle, orgUnitId: row!.orgUnitId };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new ApiProblem(409, 'duplicate_requirement', 'Requirement exists', 'The same requirement is already set.');
    }
    throw e;
  }
}

export async function deleteRequirement(db: Queryable, ctx: LearningContext, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.delete(learningRequirements).where(and(eq(learningRequirements.id, id), eq(learningRequirements.organisationId, ctx.principal.organisationId))).returning();
    if (rows.length === 0) throw problems.notFound(`Requirement ${id}`);
    await recordAudit(tx, { ...ctx, action: 'delete', resource: 'learning_requirement', changes: { subjectCode: { from: rows[0]!.subjectCode } } });
  });
}

export interface TrainingRecordView {
  id: string;
  employeeId: string;
  subjectCode: string | null;
  courseId: string | null;
  enrolmentId: string | null;
  title: string;
  completedOn: string;
  expiresOn: string | null;
  source: TrainingSource;
  recordedBy: string | null;
  createdAt: string;
}

type TrainingRow = typeof trainingRecords.$inferSelect;
export const toTrainingView = (r: TrainingRow): TrainingRecordView => ({
  id: r.id, employeeId: r.employeeId, subjectCode: r.subjectCode, courseId: r.courseId, enrolmentId: r.enrolmentId, title: r.title,
  completedOn: r.completedOn, expiresOn: r.expiresOn, source: r.source, recordedBy: r.recordedBy, createdAt: isoInstant(r.createdAt),
});

/** Training history, latest completion first. */
export async function listTrainingRecords(db: Queryable, employeeId: string, page: { limit: number; after?: [string, string] | undefined; subjectCode?: string | undefined }): Promise<TrainingRow[]> {
  const t = trainingRecords;
  return db
    .select()
    .from(t)
    .where(and(
      eq(t.employeeId, employeeId),
      page.subjectCode ? eq(t.subjectCode, page.subjectCode) : undefined,
      page.after ? or(lt(t.completedOn, page.after[0]), and(eq(t.completedOn, page.after[0]), lt(t.id, page.after[1]))) : undefined,
    ))
    .orderBy(desc(t.completedOn), desc(t.id))
    .limit(page.limit + 1);
}

/** Training done elsewhere (another trust under CSTF portability, an external provider), recorded by a learning admin. */
export async function recordTraining(
  db: Queryable,
  ctx: LearningContext & { today: string },
  employeeId: string,
  input: { subjectCode?: string | undefined; title?: string | undefined; completedOn: string },
): Promise<TrainingRecordView> {
  const subjects = await subjectByCode(db);
  const subject = input.subjectCode ? subjects.get(input.subjectCode) : undefined;
  if (input.subjectCode && !subject) {
    throw problems.validation([{ path: 'json.subjectCode', message: `${input.subjectCode} is not a Core Skills Training Framework subject code`, code: 'unknown_subject' }]);
  }
  if (!subject && !input.title) throw problems.validation([{ path: 'json.title', message: 'Give a title, or a subjectCode', code: 'required' }]);
  if (input.completedOn > ctx.today) throw problems.validation([{ path: 'json.completedOn', message: 'Cannot be after today', code: 'in_future' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingRecords)
      .values({
        id: newId('trn'), organisationId: ctx.principal.organisationId, employeeId, subjectCode: subject?.code ?? null, title: input.title ?? subject!.name,
        completedOn: input.completedOn, expiresOn: subject ? expiryOf(input.completedOn, subject.renewalMonths) : null, source: 'recorded', recordedBy: ctx.principal.employeeId,
      })
      .returning();
    await recordAudit(tx, { ...ctx, action: 'create', resource: 'training_record', subjectEmployeeId: employeeId, changes: { subjectCode: { to: subject?.code ?? null }, completedOn: { to: input.completedOn } } });
    return toTrainingView(row!);
  });
}
