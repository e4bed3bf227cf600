import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/migrate.ts';
import { waitForRun } from '../src/domain/payroll-runs/index.ts';
import { createHarness, engine } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';

// A payroll run's payslips reach employees only when payroll closes (the run is finalised), as in
// ESR; payroll admins see them while they check the run, and a rolled-back run leaves no trace.
let h: Harness;
let adminToken: string;
let employeeToken: string;
let employeeId: string;

before(async () => {
  h = await createHarness({ staff: 80 });
  const q = async (text: string) => rowsOf<{ id: string }>(await h.database.db.execute(sql.raw(text)));
  const [admin] = await q(`SELECT id FROM employees WHERE organisation_id = 'org_00' AND 'payroll_admin' = ANY(roles) ORDER BY id LIMIT 1`);
  const [employee] = await q(`SELECT id FROM employees WHERE organisation_id = 'org_00' AND cardinality(roles) = 0 ORDER BY id DESC LIMIT 1`);
  employeeId = employee!.id;
  adminToken = await h.tokenFor({ sub: admin!.id, roles: ['payroll_admin'] });
  employeeToken = await h.tokenFor({ sub: employeeId });
});
after(() => h.close());

const latestPeriod = async (token: string, path = '/v1/me/payslips/latest') => (await (await h.get(path, token)).json()).period.number as number;

test(`payslips of a run are released to the employee only when it is finalised (${engine})`, async () => {
  const start = await h.post('/v1/payroll/runs', { taxYear: '2026-27', periodNumber: 8, payDate: '2026-11-27' }, adminToken);
  assert.equal(start.status, 202);
  const run = await start.json();
  await waitForRun(run.id);
  assert.equal((await (await h.get(`/v1/payroll/runs/${run.id}`, adminToken)).json()).status, 'completed');

  assert.equal(await latestPeriod(employeeToken), 7, 'an unfinalised run leaked to the employee');
  const list = await (await h.get('/v1/me/payslips?limit=1', employeeToken)).json();
  assert.equal(list.data[0].period.number, 7);
  const adminView = await (await h.get(`/v1/people/${employeeId}/payslips?limit=1`, adminToken)).json();
  assert.equal(adminView.data[0].period.number, 8, 'payroll admins review the run before it closes');

  const finalised = await h.post(`/v1/payroll/runs/${run.id}/finalise`, {}, adminToken);
  assert.equal(finalised.status, 200);
  assert.equal(await latestPeriod(employeeToken), 8);
});
