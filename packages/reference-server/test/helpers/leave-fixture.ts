// Shared set-up for the leave and absence tests: a seeded trust, the app with the leave, absence and
// approvals routes mounted (as app.ts will), and a cast of callers around one leaf employee.
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createApp } from '../../src/app.ts';
import type { Principal } from '../../src/auth/principal.ts';
import { rowsOf } from '../../src/db/migrate.ts';
import { employees } from '../../src/db/schema.ts';
import { seedDatabase } from '../../src/seed/seed.ts';
import { bankHolidaysBetween } from '../../src/domain/calendars/bank-holidays.ts';
import { dayOf, isoOf, isWeekend } from '../../src/domain/calendars/dates.ts';
import { asOf, createHarness } from './harness.ts';
import type { Harness, TestResponse } from './harness.ts';

export type Who = 'self' | 'manager' | 'senior' | 'peer' | 'outOfLine' | 'hr' | 'hrOther' | 'payroll';

export interface LeaveFixture {
  h: Harness;
  app: ReturnType<typeof createApp>;
  ids: Record<Who, string>;
  principals: Record<Who, Principal>;
  call(who: Who, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** The n-th working day (Mon–Fri, not a bank holiday) on or after `from`. */
  workingDays(from: string, n: number): string[];
  q<T = Record<string, string>>(query: ReturnType<typeof sql>): Promise<T[]>;
}

export async function leaveFixture(): Promise<LeaveFixture> {
  const h = await createHarness({ seed: false });
  await seedDatabase(h.database, { staff: 150, organisations: 2, asOf, payslipMonths: 0 });
  const app = createApp({ database: h.database, verifier: h.demo, rateLimit: false });

  const q = async <T,>(query: ReturnType<typeof sql>) => rowsOf<T>(await h.database.db.execute(query));
  // A leaf, full-time, Monday–Friday, in post since before the leave year, with a manager and a
  // manager's manager, none with admin roles, and a peer under the same manager.
  const [leaf] = await q<Record<string, string>>(sql`
    SELECT a.employee_id AS self, a.supervisor_employee_id AS manager, s.supervisor_employee_id AS senior
      FROM assignments a JOIN assignments s ON s.employee_id = a.supervisor_employee_id
     WHERE a.organisation_id = 'org_00' AND s.supervisor_employee_id IS NOT NULL AND a.contracted_minutes_per_week = 2250
       AND a.start_date < '2026-01-01'
       AND NOT EXISTS (SELECT 1 FROM assignments r WHERE r.supervisor_employee_id = a.employee_id)
       AND NOT EXISTS (SELECT 1 FROM employees e WHERE e.id IN (a.employee_id, a.supervisor_employee_id, s.supervisor_employee_id) AND cardinality(e.roles) > 0)
       AND (SELECT count(*) FROM assignments p WHERE p.supervisor_employee_id = a.supervisor_employee_id) >= 3
     ORDER BY a.employee_id LIMIT 1`);
  assert.ok(leaf, 'a leaf employee to test with');
  const ids = { self: leaf['self']!, manager: leaf['manager']!, senior: leaf['senior']! } as Record<Who, string>;
  const [peer] = await q<{ id: string }>(sql`
    SELECT a.employee_id AS id FROM assignments a JOIN employees e ON e.id = a.employee_id
     WHERE a.supervisor_employee_id = ${ids.manager} AND a.employee_id <> ${ids.self} AND cardinality(e.roles) = 0
       AND NOT EXISTS (SELECT 1 FROM assignments r WHERE r.supervisor_employee_id = a.employee_id)
     ORDER BY 1 LIMIT 1`);
  ids.peer = peer!.id;
  const links = await q<{ e: string; s: string | null }>(sql`SELECT employee_id AS e, supervisor_employee_id AS s FROM assignments WHERE organisation_id = 'org_00'`);
  const supervisorOf = new Map(links.map((l) => [l.e, l.s]));
  const above = new Set<string>();
  for (let at = supervisorOf.get(ids.self); at; at = supervisorOf.get(at) ?? null) above.add(at);
  const [ool] = await q<{ id: string }>(sql`
    SELECT DISTINCT a.supervisor_employee_id AS id FROM assignments a JOIN employees e ON e.id = a.supervisor_employee_id
     WHERE a.organisation_id = 'org_00' AND cardinality(e.roles) = 0
       AND a.supervisor_employee_id NOT IN (${sql.join([...above].map((id) => sql`${id}`), sql`, `)})
     ORDER BY 1 LIMIT 1`);
  ids.outOfLine = ool!.id;
  const [hr] = await q<{ id: string }>(sql`SELECT id FROM employees WHERE organisation_id = 'org_00' AND roles = ARRAY['hr_admin'] ORDER BY id LIMIT 1`);
  ids.hr = hr!.id;
  const [hrOther] = await q<{ id: string }>(sql`SELECT id FROM employees WHERE organisation_id = 'org_01' AND 'hr_admin' = ANY(roles) ORDER BY id LIMIT 1`);
  ids.hrOther = hrOther!.id;
  const [payroll] = await q<{ id: string }>(sql`SELECT id FROM employees WHERE organisation_id = 'org_00' AND roles = ARRAY['payroll_admin'] ORDER BY id LIMIT 1`);
  ids.payroll = payroll!.id;

  const principals = {} as Record<Who, Principal>;
  const tokens = {} as Record<Who, string>;
  for (const who of Object.keys(ids) as Who[]) {
    const [row] = await h.database.db.select({ roles: employees.roles, org: employees.organisationId }).from(employees).where(eq(employees.id, ids[who]));
    principals[who] = { employeeId: ids[who], organisationId: row!.org, roles: row!.roles as Principal['roles'] };
    tokens[who] = await h.demo.sign({ sub: ids[who], org: row!.org, roles: row!.roles as Principal['roles'] });
  }
  const call = async (who: Who, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  const workingDays = (from: string, n: number) => {
    const out: string[] = [];
    const start = dayOf(from);
    const holidays = bankHolidaysBetween(start, start + 400, 'england-and-wales');
    for (let d = start; out.length < n; d++) if (!isWeekend(d) && !holidays.has(d)) out.push(isoOf(d));
    return out;
  };
  return { h, app, ids, principals, call, workingDays, q: q as LeaveFixture['q'] };
}
