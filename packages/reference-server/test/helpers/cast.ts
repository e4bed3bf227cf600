// One cast of callers around a leaf employee, found in a seeded database (two organisations or more):
// the access tests all need the same people, so they are looked up here once, not in near-copies of SQL.
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { AdminRole, DemoIssuer } from '../../src/auth/tokens.ts';
import type { Database } from '../../src/db/database.ts';
import { rowsOf } from '../../src/db/migrate.ts';

export type CastMember =
  | 'self' | 'manager' | 'senior' | 'peer' | 'outOfLine'
  | 'hr' | 'payroll' | 'learning' | 'hrOther' | 'payrollOther';

export interface Cast {
  ids: Record<CastMember, string>;
  /** Organisation of each member (the `…Other` ones are in the second organisation). */
  org: Record<CastMember, string>;
  /** The roles each member's token carries: admins exactly their one role, everyone else none. */
  roles: Record<CastMember, AdminRole[]>;
  /** More staff of the first organisation, outside self's line and without roles, for extra callers. */
  spare: string[];
  /** Everyone at or above self in the supervisor hierarchy (self, manager, senior, …). */
  line: Set<string>;
}

export interface CastOptions {
  /** Self and peer must have payslips (seeds with payslip history). */
  withPayslips?: boolean;
  organisation?: string;
  otherOrganisation?: string;
}

/**
 * - self: a leaf (nobody reports to them) with a line manager and a manager's manager, none of the three
 *   holding an admin role; peer: another leaf under the same manager, without roles;
 * - outOfLine: a manager of the same organisation who is nowhere above self;
 * - hr / payroll / learning: staff of the organisation holding that role (roles come from the token, so a
 *   seed without one still gives a caller), outside self's line; hrOther / payrollOther: the second organisation.
 */
export async function findCast(database: Database, options: CastOptions = {}): Promise<Cast> {
  const org0 = options.organisation ?? 'org_00';
  const org1 = options.otherOrganisation ?? 'org_01';
  const withPayslips = options.withPayslips ?? false;
  const q = async <T = Record<string, string>>(query: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(query));
  const hasPayslips = (column: ReturnType<typeof sql>) => (withPayslips ? sql`AND EXISTS (SELECT 1 FROM payslips p WHERE p.employee_id = ${column})` : sql``);

  const [leaf] = await q(sql`
    SELECT a.employee_id AS self, a.supervisor_employee_id AS manager, s.supervisor_employee_id AS senior
      FROM assignments a JOIN assignments s ON s.employee_id = a.supervisor_employee_id
     WHERE a.organisation_id = ${org0} AND s.supervisor_employee_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM assignments r WHERE r.supervisor_employee_id = a.employee_id)
       AND NOT EXISTS (SELECT 1 FROM employees e WHERE e.id IN (a.employee_id, a.supervisor_employee_id, s.supervisor_employee_id) AND cardinality(e.roles) > 0)
       ${hasPayslips(sql`a.employee_id`)}
       AND EXISTS (SELECT 1 FROM assignments o JOIN employees oe ON oe.id = o.employee_id
                    WHERE o.supervisor_employee_id = a.supervisor_employee_id AND o.employee_id <> a.employee_id AND cardinality(oe.roles) = 0
                      AND NOT EXISTS (SELECT 1 FROM assignments r WHERE r.supervisor_employee_id = o.employee_id)
                      ${hasPayslips(sql`o.employee_id`)})
     ORDER BY a.employee_id LIMIT 1`);
  assert.ok(leaf, `a leaf employee with a manager, a manager's manager and a peer in ${org0}`);
  const ids = { self: leaf['self']!, manager: leaf['manager']!, senior: leaf['senior']! } as Record<CastMember, string>;
  const [peer] = await q(sql`
    SELECT o.employee_id AS id FROM assignments o JOIN employees oe ON oe.id = o.employee_id
     WHERE o.supervisor_employee_id = ${ids.manager} AND o.employee_id <> ${ids.self} AND cardinality(oe.roles) = 0
       AND NOT EXISTS (SELECT 1 FROM assignments r WHERE r.supervisor_employee_id = o.employee_id)
       ${hasPayslips(sql`o.employee_id`)}
     ORDER BY 1 LIMIT 1`);
  ids.peer = peer!['id']!;

  // Walk up from self so "out of line" really is nowhere above them.
  const links = await q<{ e: string; s: string | null }>(sql`SELECT employee_id AS e, supervisor_employee_id AS s FROM assignments WHERE organisation_id = ${org0}`);
  const supervisorOf = new Map(links.map((l) => [l.e, l.s]));
  const line = new Set<string>([ids.self]);
  for (let at = supervisorOf.get(ids.self); at; at = supervisorOf.get(at) ?? null) line.add(at);
  const list = (values: Iterable<string>) => sql.join([...values].map((id) => sql`${id}`), sql`, `);
  const [outOfLine] = await q(sql`
    SELECT DISTINCT a.supervisor_employee_id AS id FROM assignments a JOIN employees e ON e.id = a.supervisor_employee_id
     WHERE a.organisation_id = ${org0} AND cardinality(e.roles) = 0 AND a.supervisor_employee_id NOT IN (${list(line)})
     ORDER BY 1 LIMIT 1`);
  assert.ok(outOfLine, 'a manager outside the line');
  ids.outOfLine = outOfLine['id']!;

  // Admins: holders of exactly that role first, then of it among others, then anyone free.
  const admin = async (org: string, role: AdminRole) => {
    const taken = [...line, ...Object.values(ids)];
    const [row] = await q(sql`
      SELECT id FROM employees WHERE organisation_id = ${org} AND id NOT IN (${list(taken)})
       ORDER BY (roles = ARRAY[${role}]::text[]) DESC, (${role} = ANY(roles)) DESC, id LIMIT 1`);
    assert.ok(row, `someone in ${org} to act as ${role}`);
    return row['id']!;
  };
  ids.hr = await admin(org0, 'hr_admin');
  ids.payroll = await admin(org0, 'payroll_admin');
  ids.learning = await admin(org0, 'learning_admin');
  ids.hrOther = await admin(org1, 'hr_admin');
  ids.payrollOther = await admin(org1, 'payroll_admin');

  const taken = [...line, ...Object.values(ids)];
  const spare = (await q(sql`
    SELECT e.id FROM employees e WHERE e.organisation_id = ${org0} AND cardinality(e.roles) = 0 AND e.id NOT IN (${list(taken)})
     ORDER BY e.id DESC LIMIT 5`)).map((r) => r['id']!);

  const members = Object.keys(ids) as CastMember[];
  const org = Object.fromEntries(members.map((m) => [m, m.endsWith('Other') ? org1 : org0])) as Record<CastMember, string>;
  const roleOf: Partial<Record<CastMember, AdminRole[]>> = {
    hr: ['hr_admin'], hrOther: ['hr_admin'], payroll: ['payroll_admin'], payrollOther: ['payroll_admin'], learning: ['learning_admin'],
  };
  const roles = Object.fromEntries(members.map((m) => [m, roleOf[m] ?? []])) as Record<CastMember, AdminRole[]>;
  return { ids, org, roles, spare, line };
}

/** A demo-signed token for every member, with the cast's organisation and roles. */
export async function castTokens(demo: DemoIssuer, cast: Cast): Promise<Record<CastMember, string>> {
  const tokens = {} as Record<CastMember, string>;
  for (const member of Object.keys(cast.ids) as CastMember[]) {
    tokens[member] = await demo.sign({ sub: cast.ids[member], org: cast.org[member], roles: cast.roles[member] });
  }
  return tokens;
}
