// Leave balances in minutes, per person, leave year and kind (annual leave, TOIL).
//
// available = entitlement + carried over + adjustments − pending − approved.
// Submitting a request reserves its minutes as pending with one conditional UPDATE that only succeeds
// while enough is available; the UPDATE takes the row lock, and PostgreSQL re-checks the condition on the
// latest row version after waiting for it, so concurrent requests can never overdraw the balance.
import { and, eq, sql } from 'drizzle-orm';
import { leaveBalances } from '../../db/schema-leave.ts';
import type { BalanceKind } from '../../db/schema-leave.ts';
import { addYears, dayOf, isoOf } from '../calendars/dates.ts';
import { carryOverCap, computeEntitlement } from './entitlement.ts';
import type { Entitlement, LeaveYear } from './entitlement.ts';
import type { LeaveFacts, Queryable } from './facts.ts';
import { leaveProblems } from './problems.ts';

export function entitlementOf(facts: LeaveFacts, leaveYear: LeaveYear): Entitlement {
  return computeEntitlement({
    leaveYear,
    nation: facts.nation,
    serviceStart: facts.serviceStart,
    employment: { start: facts.assignment.startDate, end: facts.assignment.endDate },
    contractedMinutesPerWeek: facts.assignment.contractedMinutesPerWeek,
    patterns: facts.defaultPattern ? [] : facts.patterns,
    publicHolidayBasis: facts.settings.publicHolidayBasis,
  });
}

export interface BalanceView {
  kind: BalanceKind;
  leaveYear: LeaveYear;
  entitlementMinutes: number;
  carriedOverMinutes: number;
  adjustmentMinutes: number;
  pendingMinutes: number;
  approvedMinutes: number;
  /** Approved leave on days up to today. */
  availableMinutes: number;
}

type BalanceRow = typeof leaveBalances.$inferSelect;

const toView = (row: BalanceRow, leaveYear: LeaveYear): BalanceView => ({
  kind: row.kind,
  leaveYear,
  entitlementMinutes: row.entitlementMinutes,
  carriedOverMinutes: row.carriedOverMinutes,
  adjustmentMinutes: row.adjustmentMinutes,
  pendingMinutes: row.pendingMinutes,
  approvedMinutes: row.approvedMinutes,
  availableMinutes: row.entitlementMinutes + row.carriedOverMinutes + row.adjustmentMinutes - row.pendingMinutes - row.approvedMinutes,
});

/**
 * Makes sure the balance row exists and its entitlement is current (hours, service, patterns may have
 * changed). Carry-over is set once, when the row is created, from the previous year's unused annual
 * leave up to the organisation's cap (pro rata).
 */
export async function ensureBalance(db: Queryable, facts: LeaveFacts, leaveYear: LeaveYear, kind: BalanceKind): Promise<BalanceView> {
  const entitlement = kind === 'annual' ? entitlementOf(facts, leaveYear).bookableMinutes : 0;
  let carried = 0;
  if (kind === 'annual') {
    const previousStart = isoOf(addYears(dayOf(leaveYear.start), -1));
    const [prev] = await db
      .select()
      .from(leaveBalances)
      .where(and(eq(leaveBalances.employeeId, facts.employeeId), eq(leaveBalances.leaveYearStart, previousStart), eq(leaveBalances.kind, 'annual')))
      .limit(1);
    if (prev) {
      const unused = prev.entitlementMinutes + prev.carriedOverMinutes + prev.adjustmentMinutes - prev.pendingMinutes - prev.approvedMinutes;
      carried = Math.max(0, Math.min(unused, carryOverCap(facts.settings.carryOverMaxMinutes, facts.assignment.contractedMinutesPerWeek)));
    }
  }
  const [row] = await db
    .insert(leaveBalances)
    .values({ employeeId: facts.employeeId, organisationId: facts.organisationId, leaveYearStart: leaveYear.start, kind, entitlementMinutes: entitlement, carriedOverMinutes: carried })
    .onConflictDoUpdate({
      target: [leaveBalances.employeeId, leaveBalances.leaveYearStart, leaveBalances.kind],
      set: { entitlementMinutes: entitlement, updatedAt: sql`now()` },
      // Skip the write (and its row lock) when nothing changed: reads stay cheap.
      setWhere: sql`${leaveBalances.entitlementMinutes} <> ${entitlement}`,
    })
    .returning();
  if (row) return toView(row, leaveYear);
  return (await readBalance(db, facts.employeeId, leaveYear, kind))!;
}

export async function readBalance(db: Queryable, employeeId: string, leaveYear: LeaveYear, kind: BalanceKind): Promise<BalanceView | null> {
  const [row] = await db
    .select()
    .from(leaveBalances)
    .where(and(eq(leaveBalances.employeeId, employeeId), eq(leaveBalances.leaveYearStart, leaveYear.start), eq(leaveBalances.kind, kind)))
    .limit(1);
  return row ? toView(row, leaveYear) : null;
}

const whereBalance = (employeeId: string, leaveYearStart: string, kind: BalanceKind) =>
  and(eq(leaveBalances.employeeId, employeeId), eq(leaveBalances.leaveYearStart, leaveYearStart), eq(leaveBalances.kind, kind));

/** Reserves minutes as pending, or throws insufficient_balance. The one guard against overdrawing. */
export async function reserve(db: Queryable, employeeId: string, leaveYear: LeaveYear, kind: BalanceKind, minutes: number): Promise<void> {
  const b = leaveBalances;
  const rows = await db
    .update(b)
    .set({ pendingMinutes: sql`${b.pendingMinutes} + ${minutes}`, updatedAt: sql`now()` })
    .where(and(whereBalance(employeeId, leaveYear.start, kind), sql`${b.entitlementMinutes} + ${b.carriedOverMinutes} + ${b.adjustmentMinutes} - ${b.pendingMinutes} - ${b.approvedMinutes} >= ${minutes}`))
    .returning({ pending: b.pendingMinutes });
  if (rows.length === 0) {
    const now = await readBalance(db, employeeId, leaveYear, kind);
    throw leaveProblems.insufficientBalance(minutes, now?.availableMinutes ?? 0, kind);
  }
}

/** Gives reserved minutes back (rejected, withdrawn or cancelled). */
export async function release(db: Queryable, employeeId: string, leaveYearStart: string, kind: BalanceKind, minutes: number, from: 'pending' | 'approved'): Promise<void> {
  const b = leaveBalances;
  const column = from === 'pending' ? b.pendingMinutes : b.approvedMinutes;
  await db
    .update(b)
    .set(from === 'pending' ? { pendingMinutes: sql`${column} - ${minutes}`, updatedAt: sql`now()` } : { approvedMinutes: sql`${column} - ${minutes}`, updatedAt: sql`now()` })
    .where(whereBalance(employeeId, leaveYearStart, kind));
}

/** Adds (or, negative, takes) minutes: HR corrections and TOIL earned. */
export async function adjust(db: Queryable, facts: LeaveFacts, leaveYear: LeaveYear, kind: BalanceKind, minutes: number): Promise<BalanceView> {
  await ensureBalance(db, facts, leaveYear, kind);
  const b = leaveBalances;
  await db.update(b).set({ adjustmentMinutes: sql`${b.adjustmentMinutes} + ${minutes}`, updatedAt: sql`now()` }).where(whereBalance(facts.employeeId, leaveYear.start, kind));
  return (await readBalance(db, facts.employeeId, leaveYear, kind))!;
}
