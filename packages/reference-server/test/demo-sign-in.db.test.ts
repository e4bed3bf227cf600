import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHarness, engine, readProblem } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';

describe(`demo sign-in on ${engine}`, () => {
  let h: Harness;
  before(async () => {
    h = await createHarness({ staff: 80 });
  });
  after(() => h.close());

  test('lists seeded people for every role', async () => {
    for (const role of ['employee', 'manager', 'hr_admin', 'payroll_admin', 'learning_admin']) {
      const res = await h.get(`/v1/demo/people?role=${role}&limit=3`);
      assert.equal(res.status, 200);
      const { data } = await res.json();
      assert.ok(data.length > 0, `nobody with role ${role}`);
      for (const person of data) assert.ok(person.roles.includes(role), `${person.name} lacks ${role}`);
    }
  });

  test('signing in returns a token the API accepts, for that person', async () => {
    const { data } = await (await h.get('/v1/demo/people?role=employee&limit=1')).json();
    const res = await h.post('/v1/demo/sign-in', { employeeId: data[0].employeeId });
    assert.equal(res.status, 200);
    const session = await res.json();
    assert.ok(Date.parse(session.expiresAt) > Date.now());
    const slip = await (await h.get('/v1/me/payslips/latest', session.token)).json();
    assert.equal(slip.employee.id, data[0].employeeId);
  });

  test('unknown person → 404; unknown field → 400 naming it; malformed JSON → 400', async () => {
    assert.equal((await h.post('/v1/demo/sign-in', { employeeId: 'emp_nobody' })).status, 404);
    const extra = await h.post('/v1/demo/sign-in', { employeeId: 'emp_000000001', roles: ['hr_admin'] });
    assert.equal(extra.status, 400);
    assert.deepEqual((await readProblem(extra)).errors?.map((e) => e.path), ['json.roles']);
    const broken = await h.post('/v1/demo/sign-in', '{"employeeId": ');
    assert.equal(broken.status, 400);
    await readProblem(broken);
    const wrongRole = await h.get('/v1/demo/people?role=king');
    assert.equal(wrongRole.status, 400);
    assert.equal((await readProblem(wrongRole)).errors?.[0]?.path, 'query.role');
  });
});
