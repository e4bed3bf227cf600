// What leave rules need to know about a person and their organisation, read in one place.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { assignments, employees, organisations } from '../../db/schema.ts';
import { leaveSettings, workingPatterns } from '../../db/schema-leave.ts';
import type { PublicHolidayBasis } from '../../db/schema-leave.ts';
import type { WorkingPattern } from '../calendars/working-patterns.ts';
import { standardPattern } from '../calendars/working-patterns.ts';
import { leaveYearContaining } from './entitlement.ts';
import type { LeaveYear } from './entitlement.ts';

/** A database handle or an open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

export interface LeaveSettings {
  leaveYearStartMonth: number;
  leaveYearStartDay: number;
  carryOverMaxMinutes: number;
  publicHolidayBasis: PublicHolidayBasis;
  noticeMultiplier: number;
}

export const defaultLeaveSettings: LeaveSettings = {
  leaveYearStartMonth: 4,
  leaveYearStartDay: 1,
  carryOverMaxMinutes: 2250,
  publicHolidayBasis: 'actual',
  noticeMultiplier: 2,
};

export async function loadLeaveSettings(db: Queryable, organisationId: string): Promise<LeaveSettings> {
  const [row] = await db.select().from(leaveSettings).where(eq(leaveSettings.organisationId, organisationId)).limit(1);
  if (!row) return defaultLeaveSettings;
  return {
    leaveYearStartMonth: row.leaveYearStartMonth,
    leaveYearStartDay: row.leaveYearStartDay,
    carryOverMaxMinutes: row.carryOverMaxMinutes,
    publicHolidayBasis: row.publicHolidayBasis,
    noticeMultiplier: row.noticeMultiplier,
  };
}

export interface LeaveFacts {
  employeeId: string;
  organisationId: string;
  nation: string;
  serviceStart: string;
  name: string;
  assignment: {
    id: string;
    orgUnitId: string;
    startDate: string;
    endDate: string | null;
    contractedMinutesPerWeek: number;
    supervisorEmployeeId: string | null;
  };
  /** The assignment's working patterns by effectiveFrom; a standard week when none is recorded. */
  patterns: WorkingPattern[];
  /** True when `patterns` is the Monday–Friday default, not a recorded pattern. */
  defaultPattern: boolean;
  settings: LeaveSettings;
}

/** The person's leave facts (their current, else latest, assignment), or null if no such person/assignment. */
export async function loadLeaveFacts(db: Queryable, employeeId: string): Promise<LeaveFacts | null> {
  const [row] = await db
    .select({ e: employees, nation: organisations.nation, a: assignments })
    .from(employees)
    .innerJoin(organisations, eq(organisations.id, employees.organisationId))
    .innerJoin(assignments, eq(assignments.employeeId, employees.id))
    .where(eq(employees.id, employeeId))
    .orderBy(desc(assignments.startDate))
    .limit(1);
  if (!row) return null;
  const patterns = await db
    .select({ effectiveFrom: workingPatterns.effectiveFrom, cycleStart: workingPatterns.cycleStart, minutesByDay: workingPatterns.minutesByDay })
    .from(workingPatterns)
    .where(and(eq(workingPatterns.assignmentId, row.a.id)))
    .orderBy(asc(workingPatterns.effectiveFrom));
  return {
    employeeId,
    organisationId: row.e.organisationId,
    nation: row.nation,
    serviceStart: row.e.nhsServiceStartDate,
    name: `${row.e.preferredName ?? row.e.firstName} ${row.e.lastName}`,
    assignment: {
      id: row.a.id,
      orgUnitId: row.a.orgUnitId,
      startDate: row.a.startDate,
      endDate: row.a.endDate,
      contractedMinutesPerWeek: row.a.contractedMinutesPerWeek,
      supervisorEmployeeId: row.a.supervisorEmployeeId,
    },
    patterns: patterns.length > 0 ? patterns : [standardPattern(row.a.contractedMinutesPerWeek)],
    defaultPattern: patterns.length === 0,
    settings: await loadLeaveSettings(db, row.e.organisationId),
  };
}

export function leaveYearOf(facts: LeaveFacts, on: string): LeaveYear {
  return leaveYearContaining(on, facts.settings.leaveYearStartMonth, facts.settings.leaveYearStartDay);
}
