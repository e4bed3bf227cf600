// Who is off when: the team calendar for managers (their reports, with the kind of absence but never a
// sickness reason), the same for colleagues with the same line manager (approved absence only, shown as
// "absent", nothing more), and a person's own absence calendar day by day.
import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/migrate.ts';
import { assignments, employees } from '../../db/schema.ts';
import { leaveRequests, sicknessEpisodes } from '../../db/schema-leave.ts';
import type { LeaveStatus, LeaveType } from '../../db/schema-leave.ts';
import { bankHolidaysBetween, divisionOf } from '../calendars/bank-holidays.ts';
import { dayOf, isoOf } from '../calendars/dates.ts';
import { Schedule } from '../calendars/working-patterns.ts';
import type { LeaveFacts } from './facts.ts';

export interface TeamAbsence {
  startDate: string;
  endDate: string | null;
  /** Leave type, 'sickness', or 'absent' when the viewer may not know more. */
  kind: string;
  status: 'pending' | 'approved' | 'open' | 'closed' | null;
  half: 'am' | 'pm' | null;
}

export interface TeamCalendar {
  from: string;
  to: string;
  view: 'manager' | 'colleague';
  people: Array<{ employeeId: string; name: string; absences: TeamAbsence[] }>;
}

async function reportsOf(db: Db, managerId: string, scope: 'direct' | 'all'): Promise<string[]> {
  if (scope === 'direct') {
    const rows = await db
      .select({ id: assignments.employeeId })
      .from(assignments)
      .where(and(eq(assignments.supervisorEmployeeId, managerId), sql`(${assignments.endDate} IS NULL OR ${assignments.endDate} >= CURRENT_DATE)`));
    return [...new Set(rows.map((r) => r.id))];
  }
  const rows = rowsOf<{ id: string }>(await db.execute(sql`
    WITH RECURSIVE team (id, depth) AS (
      SELECT employee_id, 1 FROM assignments WHERE supervisor_employee_id = ${managerId} AND (end_date IS NULL OR end_date >= CURRENT_DATE)
      UNION
      SELECT a.employee_id, t.depth + 1 FROM assignments a JOIN team t ON a.supervisor_employee_id = t.id
       WHERE (a.end_date IS NULL OR a.end_date >= CURRENT_DATE) AND t.depth < 64
    ) SELECT DISTINCT id FROM team LIMIT 5000`));
  return rows.map((r) => r.id);
}

export async function teamCalendar(db: Db, viewerId: string, range: { from: string; to: string; scope: 'direct' | 'all' }): Promise<TeamCalendar> {
  let ids = await reportsOf(db, viewerId, range.scope);
  let view: TeamCalendar['view'] = 'manager';
  if (ids.length === 0) {
    // Not a manager: colleagues who share the viewer's line manager.
    view = 'colleague';
    const [mine] = await db.select({ supervisor: assignments.supervisorEmployeeId }).from(assignments).where(eq(assignments.employeeId, viewerId)).limit(1);
    ids = mine?.supervisor ? (await reportsOf(db, mine.supervisor, 'direct')).filter((id) => id !== viewerId) : [];
  }
  if (ids.length === 0) return { from: range.from, to: range.to, view, people: [] };
  const people = await db
    .select({ id: employees.id, first: employees.firstName, preferred: employees.preferredName, last: employees.lastName })
    .from(employees)
    .where(inArray(employees.id, ids))
    .orderBy(asc(employees.lastName), asc(employees.id));
  const leave = await db
    .select({ employeeId: leaveRequests.employeeId, type: leaveRequests.type, status: leaveRequests.status, startDate: leaveRequests.startDate, endDate: leaveRequests.endDate, half: leaveRequests.half })
    .from(leaveRequests)
    .where(and(
      inArray(leaveRequests.employeeId, ids),
      view === 'manager' ? inArray(leaveRequests.status, ['pending', 'approved']) : eq(leaveRequests.status, 'approved'),
      lte(leaveRequests.startDate, range.to),
      gte(leaveRequests.endDate, range.from),
    ))
    .orderBy(asc(leaveRequests.startDate));
  // Sickness reasons are never selected here: the calendar must not carry them.
  const sickness = await db
    .select({ employeeId: sicknessEpisodes.employeeId, startDate: sicknessEpisodes.startDate, endDate: sicknessEpisodes.endDate })
    .from(sicknessEpisodes)
    .where(and(inArray(sicknessEpisodes.employeeId, ids), lte(sicknessEpisodes.startDate, range.to), or(isNull(sicknessEpisodes.endDate), gte(sicknessEpisodes.endDate, range.from))))
    .orderBy(asc(sicknessEpisodes.startDate));
  const byPerson = new Map<string, TeamAbsence[]>(ids.map((id) => [id, []]));
  for (const l of leave) {
    byPerson.get(l.employeeId)!.push(view === 'manager'
      ? { startDate: l.startDate, endDate: l.endDate, kind: l.type, status: l.status as 'pending' | 'approved', half: l.half ?? null }
      : { startDate: l.startDate, endDate: l.endDate, kind: 'absent', status: null, half: l.half ?? null });
  }
  for (const s of sickness) {
    byPerson.get(s.employeeId)!.push(view === 'manager'
      ? { startDate: s.startDate, endDate: s.endDate, kind: 'sickness', status: s.endDate === null ? 'open' : 'closed', half: null }
      // Colleagues see an absence with no end date as running to the end of the range: no hint it is open-ended sickness.
      : { startDate: s.startDate, endDate: s.endDate ?? range.to, kind: 'absent', status: null, half: null });
  }
  return {
    from: range.from,
    to: range.to,
    view,
    people: people.map((p) => ({
      employeeId: p.id,
      name: `${p.preferred ?? p.first} ${p.last}`,
      absences: byPerson.get(p.id)!.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0)),
    })),
  };
}

export interface CalendarDay {
  date: string;
  scheduledMinutes: number;
  bankHoliday: string | null;
  leave: Array<{ id: string; type: LeaveType; status: LeaveStatus; half: 'am' | 'pm' | null }>;
  sickness: { id: string; reasonLevel1: string } | null;
}

/** One person's days: what they are scheduled to work, bank holidays, leave and sickness. */
export async function absenceCalendar(db: Db, facts: LeaveFacts, range: { from: string; to: string }): Promise<{ days: CalendarDay[]; hasSickness: boolean }> {
  const from = dayOf(range.from);
  const to = dayOf(range.to);
  const schedule = new Schedule(facts.patterns);
  const holidays = bankHolidaysBetween(from, to, divisionOf(facts.nation));
  const leave = await db
    .select({ id: leaveRequests.id, type: leaveRequests.type, status: leaveRequests.status, startDate: leaveRequests.startDate, endDate: leaveRequests.endDate, half: leaveRequests.half })
    .from(leaveRequests)
    .where(and(eq(leaveRequests.employeeId, facts.employeeId), ne(leaveRequests.status, 'cancelled'), ne(leaveRequests.status, 'draft'), lte(leaveRequests.startDate, range.to), gte(leaveRequests.endDate, range.from)));
  const sickness = await db
    .select({ id: sicknessEpisodes.id, startDate: sicknessEpisodes.startDate, endDate: sicknessEpisodes.endDate, reasonLevel1: sicknessEpisodes.reasonLevel1 })
    .from(sicknessEpisodes)
    .where(and(eq(sicknessEpisodes.employeeId, facts.employeeId), lte(sicknessEpisodes.startDate, range.to), or(isNull(sicknessEpisodes.endDate), gte(sicknessEpisodes.endDate, range.from))));
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d++) {
    const date = isoOf(d);
    const s = sickness.find((e) => e.startDate <= date && (e.endDate === null || e.endDate >= date));
    days.push({
      date,
      scheduledMinutes: schedule.minutesOn(d),
      bankHoliday: holidays.get(d)?.name ?? null,
      leave: leave.filter((l) => l.startDate <= date && l.endDate >= date && l.status !== 'rejected').map((l) => ({ id: l.id, type: l.type, status: l.status, half: l.half ?? null })),
      sickness: s ? { id: s.id, reasonLevel1: s.reasonLevel1 } : null,
    });
  }
  return { days, hasSickness: days.some((d) => d.sickness !== null) };
}
