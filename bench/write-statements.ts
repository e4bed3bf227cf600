// SQL statements per hot write (leave request create, its replay, the approval decision) on PostgreSQL,
// counted from the server's own log with log_statement = 'all' (BEGIN, SAVEPOINT and COMMIT included).
// Needs a superuser DATABASE_URL (ALTER SYSTEM) and the path of that server's log file, e.g. with
// scripts/postgres.sh: node bench/write-statements.ts "$ESR_PG_TMP/server.log"   (SHOW=1 lists them)
import { readFileSync, statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { createApp, createDemoIssuer, openScratchDatabase, seedDatabase } from '@esr/reference-server';

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
const log = process.argv[2];
if (!log || !process.env['DATABASE_URL']) throw new Error('usage: DATABASE_URL=postgres://… node bench/write-statements.ts <server log file>');
const { database, dispose } = await openScratchDatabase(process.env['DATABASE_URL'], 'esr_stmts');
const dbName = rowsOf<{ d: string }>(await database.db.execute(sql`SELECT current_database() AS d`))[0]!.d;
await seedDatabase(database, { staff: 200, asOf: new Date().toISOString().slice(0, 10), payslipMonths: 0 });
const demo = await createDemoIssuer();
const app = createApp({ database, verifier: demo, demo, rateLimit: false });
const [p] = rowsOf<{ id: string; org: string; sup: string }>(await database.db.execute(sql`
  SELECT e.id, e.organisation_id AS org, a.supervisor_employee_id AS sup FROM employees e JOIN assignments a ON a.employee_id = e.id
  WHERE a.supervisor_employee_id IS NOT NULL AND a.end_date IS NULL AND cardinality(e.roles) = 0 AND NOT EXISTS (SELECT 1 FROM working_patterns w WHERE w.employee_id = e.id) ORDER BY e.id LIMIT 1`));
const tok = await demo.sign({ sub: p!.id, org: p!.org, roles: [] });
const mtok = await demo.sign({ sub: p!.sup, org: p!.org, roles: [] });
await database.db.execute(sql`ALTER SYSTEM SET log_line_prefix = '%m [%p] %d '`);
await database.db.execute(sql`ALTER SYSTEM SET log_statement = 'all'`);
await database.db.execute(sql`SELECT pg_reload_conf()`);
await new Promise((r) => setTimeout(r, 500));
// A working day three weeks ahead (weekends and the Christmas / New Year bank holidays skipped).
const day = new Date(Date.now() + 21 * 86400000);
while ([0, 6].includes(day.getUTCDay()) || /-(12-2[5-8]|01-0[1-3])$/.test(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() + 1);
async function count(label: string, fn: () => Response | Promise<Response>) {
  await new Promise((r) => setTimeout(r, 200));
  const from = statSync(log!).size;
  const res = await fn();
  const body = await res.text();
  await new Promise((r) => setTimeout(r, 300));
  const lines = readFileSync(log!, 'utf8').slice(from).split('\n').filter((l) => l.includes(` ${dbName} LOG:  `) && /LOG:  (statement|execute)/.test(l));
  console.log(`${label}: HTTP ${res.status}, ${lines.length} statements`, res.status >= 400 ? body : "");
  if (process.env['SHOW']) for (const l of lines) console.log('   ', l.replace(/^.* LOG:  /, '').slice(0, 160));
  return body;
}
const created = JSON.parse(await count('create leave request (idempotency key)', () => app.request(`/v1/people/${p!.id}/leave-requests`, {
  method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'idempotency-key': 'k1' },
  body: JSON.stringify({ type: 'annual', startDate: day.toISOString().slice(0, 10), unit: 'hours', minutes: 60 }),
})));
await count('replay create', () => app.request(`/v1/people/${p!.id}/leave-requests`, {
  method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'idempotency-key': 'k1' },
  body: JSON.stringify({ type: 'annual', startDate: day.toISOString().slice(0, 10), unit: 'hours', minutes: 60 }),
}));
await count('decide (approve, idempotency key)', () => app.request(`/v1/approvals/${created.approvalRequestId}/decision`, {
  method: 'POST', headers: { authorization: `Bearer ${mtok}`, 'content-type': 'application/json', 'idempotency-key': 'k2', 'if-match': '"v1"' },
  body: JSON.stringify({ action: 'approve' }),
}));
await database.db.execute(sql`ALTER SYSTEM RESET log_statement`);
await database.db.execute(sql`ALTER SYSTEM RESET log_line_prefix`);
await database.db.execute(sql`SELECT pg_reload_conf()`);
await dispose();
