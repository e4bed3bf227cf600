// Shared set-up for the learning tests: the leave fixture's trust and cast (self, manager, senior,
// peer, outOfLine, hr, hrOther, payroll) plus learning admins of both organisations, and helpers to
// put courses and sessions in the catalogue.
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { TestResponse } from './harness.ts';
import { leaveFixture } from './leave-fixture.ts';
import type { LeaveFixture, Who } from './leave-fixture.ts';

export type LearningWho = Who | 'learning' | 'learningOther';

export interface LearningFixture extends Omit<LeaveFixture, 'call' | 'ids'> {
  ids: Record<LearningWho, string>;
  call(who: LearningWho, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** A course (learning admin of org_00); fields override the defaults. */
  course(fields?: Record<string, unknown>): Promise<{ id: string; [k: string]: unknown }>;
  /** A session of `courseId` starting `startsInHours` from now (1 hour long); fields override. */
  session(courseId: string, fields?: Record<string, unknown> & { startsInHours?: number }): Promise<{ id: string; [k: string]: unknown }>;
}

let courseNo = 0;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * 3600_000).toISOString();
export { at as hoursFromNow };

export async function learningFixture(): Promise<LearningFixture> {
  const f = await leaveFixture();
  const [learning] = await f.q<{ id: string }>(sql`SELECT id FROM employees WHERE organisation_id = 'org_00' AND roles = ARRAY['learning_admin'] ORDER BY id LIMIT 1`);
  const [learningOther] = await f.q<{ id: string }>(sql`SELECT id FROM employees WHERE organisation_id = 'org_01' AND 'learning_admin' = ANY(roles) ORDER BY id LIMIT 1`);
  assert.ok(learning && learningOther, 'learning admins in both organisations');
  const ids = { ...f.ids, learning: learning.id, learningOther: learningOther.id } as Record<LearningWho, string>;
  const tokens = {
    learning: await f.h.demo.sign({ sub: learning.id, org: 'org_00', roles: ['learning_admin'] }),
    learningOther: await f.h.demo.sign({ sub: learningOther.id, org: 'org_01', roles: ['learning_admin'] }),
  };
  const call: LearningFixture['call'] = async (who, method, path, body, headers = {}) => {
    if (who !== 'learning' && who !== 'learningOther') return f.call(who, method, path, body, headers);
    return f.app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  };
  const course: LearningFixture['course'] = async (fields = {}) => {
    const res = await call('learning', 'POST', '/v1/courses', {
      code: `T${++courseNo}`, title: `Test course ${courseNo}`, category: 'Testing', delivery: 'classroom', durationMinutes: 60, ...fields,
    });
    assert.equal(res.status, 201, await res.clone().text());
    return res.json();
  };
  const session: LearningFixture['session'] = async (courseId, fields = {}) => {
    const { startsInHours = 24 * 30, ...rest } = fields;
    const res = await call('learning', 'POST', `/v1/courses/${courseId}/sessions`, {
      startsAt: at(startsInHours), endsAt: at(startsInHours + 1), venue: 'Education Centre', capacity: 10, ...rest,
    });
    assert.equal(res.status, 201, await res.clone().text());
    return res.json();
  };
  return { ...f, ids, call, course, session };
}
