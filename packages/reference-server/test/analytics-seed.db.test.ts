// Seeded leavers and annual leave, on PGlite or PostgreSQL: leavers carry a leaving date and reason and
// give an NHS-like turnover; annual leave balances hold exactly the approved and pending minutes of the
// requests, never go below zero, no one's requests overlap, and pending requests wait in the line
// manager's Approvals inbox, where approving one moves its minutes from pending to approved.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/migrate.ts';
import { seedDatabase } from '../src/seed/seed.ts';
import { asOf, createHarness, engine } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';

describe(`seeded workforce and leave on ${engine}`, () => {
  let h: Harness;
  const q = async <T,>(query: ReturnType<typeof sql>) => [...rowsOf<T>(await h.database.db.execute(query))];

  before(async () => {
    h = await createHarness({ seed: false });
    await seedDatabase(h.database, { staff: 400, asOf, payslipMonths: 0, workforce: true, leave: true });
  });
  after(() => h.close());

  test('leavers have an end date in the last two years and a known reason; turnover is NHS-like', async () => {
    const [l] = await q<{ n: string; bad: string; first: string; last: string }>(sql`
      SELECT count(*) AS n, count(*) FILTER (WHERE leaving_reason IS NULL) AS bad, min(end_date)::text AS first, max(end_date)::text AS last
        FROM assignments WHERE end_date IS NOT NULL`);
    assert.ok(Number(l!.n) > 50);
    assert.equal(Number(l!.bad), 0);
    assert.ok(l!.first >= '2024-11-25' && l!.last < asOf, `${l!.first}..${l!.last}`);
    const [hr] = await q<{ id: string }>(sql`SELECT id FROM employees WHERE 'hr_admin' = ANY(roles) ORDER BY id LIMIT 1`);
    const token = await h.tokenFor({ sub: hr!.id, roles: ['hr_admin'] });
    const t = await (await h.get('/v1/analytics/turnover?to=2026-10', token)).json();
    const rate = t.series[0].points.at(-1).value;
    assert.ok(rate > 6 && rate < 18, `turnover ${rate}%`);
    assert.ok(t.series.find((s: { key: string }) => s.key === 'starters').points.some((p: { value: number }) => p.value > 0));
  });

  test('balances equal their requests, never go negative, and no one has overlapping leave', async () => {
    const [counts] = await q<{ approved: string; pending: string; people: string }>(sql`
      SELECT count(*) FILTER (WHERE status = 'approved') AS approved, count(*) FILTER (WHERE status = 'pending') AS pending, count(DISTINCT employee_id) AS people FROM leave_requests`);
    assert.ok(Number(counts!.approved) > 1000 && Number(counts!.pending) > 0, JSON.stringify(counts));
    const mismatched = await q(sql`
      SELECT b.employee_id, b.leave_year_start FROM leave_balances b
        LEFT JOIN (SELECT employee_id, leave_year_start, sum(minutes) FILTER (WHERE status = 'approved') AS approved, sum(minutes) FILTER (WHERE status = 'pending') AS pending
                     FROM leave_requests GROUP BY 1, 2) r USING (employee_id, leave_year_start)
       WHERE b.approved_minutes <> coalesce(r.approved, 0) OR b.pending_minutes <> coalesce(r.pending, 0)
          OR b.entitlement_minutes + b.carried_over_minutes + b.adjustment_minutes - b.pending_minutes - b.approved_minutes < 0
       LIMIT 3`);
    assert.deepEqual(mismatched, []);
    const overlaps = await q(sql`
      SELECT a.id FROM leave_requests a JOIN leave_requests b ON a.employee_id = b.employee_id AND a.id < b.id
       WHERE a.start_date <= b.end_date AND b.start_date <= a.end_date LIMIT 3`);
    assert.deepEqual(overlaps, []);
    // Last leave year mostly used; this one partly, with some booked ahead.
    const [use] = await q<{ prev: number; cur: number; ahead: string }>(sql`
      SELECT avg(approved_minutes::float / nullif(entitlement_minutes + carried_over_minutes, 0)) FILTER (WHERE leave_year_start = '2025-04-01') AS prev,
             avg(approved_minutes::float / nullif(entitlement_minutes + carried_over_minutes, 0)) FILTER (WHERE leave_year_start = '2026-04-01') AS cur,
             (SELECT count(*) FROM leave_requests WHERE status = 'approved' AND start_date > ${asOf}) AS ahead
        FROM leave_balances`);
    assert.ok(use!.prev > 0.85 && use!.cur > 0.45 && use!.cur < 0.9, JSON.stringify(use));
    assert.ok(Number(use!.ahead) > 0);
  });

  test("pending requests wait in the line manager's inbox; approving one confirms its minutes", async () => {
    const [p] = await q<{ id: string; employee_id: string; approver: string; minutes: number; year: string }>(sql`
      SELECT r.id, r.employee_id, a.approver_employee_id AS approver, r.minutes, r.leave_year_start::text AS year
        FROM leave_requests r JOIN approval_requests a ON a.id = r.approval_request_id
        JOIN assignments s ON s.employee_id = r.employee_id AND s.supervisor_employee_id = a.approver_employee_id
       WHERE r.status = 'pending' ORDER BY r.id LIMIT 1`);
    assert.ok(p, 'a pending request routed to the line manager');
    const token = await h.tokenFor({ sub: p!.approver });
    const inbox = await (await h.get('/v1/approvals?type=leave.request', token)).json();
    const item = inbox.data.find((x: { subjectRef: string | null; payload?: { leaveRequestId?: string } }) => x.subjectRef === p!.id || x.payload?.leaveRequestId === p!.id);
    assert.ok(item, 'in the inbox');
    const got = await h.get(`/v1/approvals/${item.id}`, token);
    const res = await h.post(`/v1/approvals/${item.id}/decision`, { action: 'approve' }, token, { 'if-match': got.headers.get('etag') ?? '', 'idempotency-key': 'seeded-approve-1' });
    assert.equal(res.status, 200, await res.clone().text());
    const [after] = await q<{ status: string; pending: number; approved: number }>(sql`
      SELECT r.status, b.pending_minutes AS pending, b.approved_minutes AS approved FROM leave_requests r
        JOIN leave_balances b ON b.employee_id = r.employee_id AND b.leave_year_start = r.leave_year_start WHERE r.id = ${p!.id}`);
    assert.equal(after!.status, 'approved');
    const [sums] = await q<{ approved: string }>(sql`SELECT sum(minutes) AS approved FROM leave_requests WHERE employee_id = ${p!.employee_id} AND leave_year_start = ${p!.year} AND status = 'approved'`);
    assert.equal(Number(after!.approved), Number(sums!.approved));
  });
});
