import { and, asc, eq, exists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.ts';
import { assignments, employees, organisations } from '../../db/schema.ts';
import type { AdminRole } from '../../auth/tokens.ts';

export type DemoRole = 'employee' | 'manager' | AdminRole;

export interface DemoPerson {
  employeeId: string;
  name: string;
  jobTitle: string;
  organisation: string;
  roles: DemoRole[];
}

const reports = alias(assignments, 'reports');

/** A few seeded people per role, for the demo sign-in picker. */
export async function listDemoPeople(db: Db, role: DemoRole, limit: number): Promise<DemoPerson[]> {
  const isManager = exists(
    db.select({ one: sql`1` }).from(reports).where(eq(reports.supervisorEmployeeId, employees.id)),
  );
  const roleFilter =
    role === 'employee'
      ? and(sql`not ${isManager}`, sql`cardinality(${employees.roles}) = 0`)
      : role === 'manager'
        ? isManager
        : sql`${role} = any(${employees.roles})`;
  const rows = await db
    .select({
      employeeId: employees.id,
      firstName: employees.firstName,
      lastName: employees.lastName,
      roles: employees.roles,
      jobTitle: assignments.jobTitle,
      organisation: organisations.name,
      isManager: sql<boolean>`${isManager}`,
    })
    .from(employees)
    .innerJoin(assignments, eq(assignments.employeeId, employees.id))
    .innerJoin(organisations, eq(organisations.id, employees.organisationId))
    .where(roleFilter)
    .orderBy(asc(employees.employeeNumber))
    .limit(limit);
  return rows.map((r) => ({
    employeeId: r.employeeId,
    name: `${r.firstName} ${r.lastName}`,
    jobTitle: r.jobTitle,
    organisation: r.organisation,
    roles: ['employee', ...(r.isManager ? (['manager'] as const) : []), ...(r.roles as AdminRole[])],
  }));
}

export async function findEmployeeForSignIn(db: Db, employeeId: string) {
  const rows = await db
    .select({ id: employees.id, organisationId: employees.organisationId, roles: employees.roles, firstName: employees.firstName, lastName: employees.lastName })
    .from(employees)
    .where(eq(employees.id, employeeId))
    .limit(1);
  return rows[0] ?? null;
}
