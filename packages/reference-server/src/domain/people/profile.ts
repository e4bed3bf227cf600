import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.ts';
import { assignments, employees, orgUnits, organisations, professionalRegistrations } from '../../db/schema.ts';
import { fullTimeMinutesPerWeek } from '../pay-scales/agenda-for-change.ts';
import { maskNiNumber } from '../masking.ts';

const supervisor = alias(employees, 'supervisor');

export interface ProfileView {
  id: string;
  employeeNumber: string;
  name: { title: string | null; firstName: string; lastName: string; preferredName: string | null };
  email: string;
  organisation: { id: string; name: string };
  assignment: {
    id: string;
    assignmentNumber: string;
    jobTitle: string;
    staffGroup: string;
    band: string;
    orgUnit: { id: string; name: string };
    supervisor: { id: string; name: string } | null;
    contractedMinutesPerWeek: number;
    fte: number;
    startDate: string;
  } | null;
  nhsServiceStartDate: string;
  niNumberMasked: string | null;
  registrations: Array<{ body: string; number: string; expiresOn: string | null }>;
}

/** A person's profile: who they are at work. Sensitive identifiers are masked for every caller. */
export async function loadProfile(db: Db, employeeId: string): Promise<ProfileView | null> {
  const rows = await db
    .select({
      e: employees,
      orgName: organisations.name,
      a: assignments,
      unitName: orgUnits.name,
      supId: supervisor.id,
      supFirst: supervisor.firstName,
      supLast: supervisor.lastName,
    })
    .from(employees)
    .innerJoin(organisations, eq(organisations.id, employees.organisationId))
    .leftJoin(assignments, eq(assignments.employeeId, employees.id))
    .leftJoin(orgUnits, eq(orgUnits.id, assignments.orgUnitId))
    .leftJoin(supervisor, eq(supervisor.id, assignments.supervisorEmployeeId))
    .where(eq(employees.id, employeeId))
    .orderBy(asc(assignments.startDate))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const registrations = await db
    .select({ body: professionalRegistrations.body, number: professionalRegistrations.number, expiresOn: professionalRegistrations.expiresOn })
    .from(professionalRegistrations)
    .where(eq(professionalRegistrations.employeeId, employeeId));
  const { e, a } = row;
  return {
    id: e.id,
    employeeNumber: e.employeeNumber,
    name: { title: e.title, firstName: e.firstName, lastName: e.lastName, preferredName: e.preferredName },
    email: e.email,
    organisation: { id: e.organisationId, name: row.orgName },
    assignment: a
      ? {
          id: a.id,
          assignmentNumber: a.assignmentNumber,
          jobTitle: a.jobTitle,
          staffGroup: a.staffGroup,
          band: a.band,
          orgUnit: { id: a.orgUnitId, name: row.unitName ?? '' },
          supervisor: row.supId ? { id: row.supId, name: `${row.supFirst} ${row.supLast}` } : null,
          contractedMinutesPerWeek: a.contractedMinutesPerWeek,
          fte: Math.round((a.contractedMinutesPerWeek / fullTimeMinutesPerWeek) * 10000) / 10000,
          startDate: a.startDate,
        }
      : null,
    nhsServiceStartDate: e.nhsServiceStartDate,
    niNumberMasked: e.niNumber ? maskNiNumber(e.niNumber) : null,
    registrations,
  };
}

export interface TeamMemberView {
  id: string;
  name: string;
  jobTitle: string;
  band: string;
  orgUnit: string;
  supervisorId: string | null;
  fte: number;
  /** 1 = reports directly to the manager. */
  level: number;
}

/**
 * The people below a manager in the supervisor hierarchy, ordered by id for stable keyset paging.
 * `direct` limits it to their own reports.
 */
export async function listTeam(db: Db, managerId: string, options: { scope: 'direct' | 'all'; limit: number; after?: string | undefined }): Promise<TeamMemberView[]> {
  const maxDepth = options.scope === 'direct' ? 1 : 64;
  const result = await db.execute(sql`
    WITH RECURSIVE team (employee_id, level) AS (
      SELECT employee_id, 1 FROM assignments
        WHERE supervisor_employee_id = ${managerId} AND (end_date IS NULL OR end_date >= CURRENT_DATE)
      UNION
      SELECT a.employee_id, t.level + 1 FROM assignments a JOIN team t ON a.supervisor_employee_id = t.employee_id
        WHERE t.level < ${maxDepth} AND (a.end_date IS NULL OR a.end_date >= CURRENT_DATE)
    )
    SELECT e.id, e.first_name, e.last_name, a.job_title, a.band, ou.name AS org_unit, a.supervisor_employee_id,
           a.contracted_minutes_per_week, min(t.level) AS level
      FROM team t
      JOIN employees e ON e.id = t.employee_id
      JOIN assignments a ON a.employee_id = e.id
      JOIN org_units ou ON ou.id = a.org_unit_id
     WHERE ${options.after ? sql`e.id > ${options.after}` : sql`TRUE`}
     GROUP BY e.id, e.first_name, e.last_name, a.job_title, a.band, ou.name, a.supervisor_employee_id, a.contracted_minutes_per_week
     ORDER BY e.id
     LIMIT ${options.limit + 1}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: String(r['id']),
    name: `${r['first_name']} ${r['last_name']}`,
    jobTitle: String(r['job_title']),
    band: String(r['band']),
    orgUnit: String(r['org_unit']),
    supervisorId: (r['supervisor_employee_id'] as string | null) ?? null,
    fte: Math.round((Number(r['contracted_minutes_per_week']) / fullTimeMinutesPerWeek) * 10000) / 10000,
    level: Number(r['level']),
  }));
}
