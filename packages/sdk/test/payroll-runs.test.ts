// client.payroll.runs against msw: start (keyed, retry-safe), get, list, rollback and finalise (sent
// once), and waitFor polling progress.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse, http } from 'msw';
import { ConflictError, EsrError, PermissionError, ServerError } from '../src/index.ts';
import type { PayrollRun } from '../src/index.ts';
import { problem } from '../src/testing/index.ts';
import { pathOf, rejection, testClient, useMockServer } from './helpers.ts';

const { server, seen } = useMockServer();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const runId = 'prn_3f0c9a7e5b2d4c1e8a6f0b9d7c5e3a1f';

function runAt(processed: number, total = 2000, status: PayrollRun['status'] = processed >= total ? 'completed' : 'running'): PayrollRun {
  return {
    id: runId,
    organisationId: 'org_00',
    taxYear: '2026-27',
    frequency: 'monthly',
    periodNumber: 9,
    payDate: '2026-12-23',
    status,
    progress: {
      total,
      processed,
      percent: Math.round((processed / total) * 1000) / 10,
      payslipsWritten: processed,
      payslipsPerSecond: processed ? 8200 : null,
      etaSeconds: status === 'running' ? 1 : null,
    },
    startedBy: 'emp_000000018',
    startedAt: '2026-11-25T09:00:00.000Z',
    finishedAt: status === 'running' ? null : '2026-11-25T09:00:01.000Z',
    finalisedAt: status === 'finalised' ? '2026-11-25T09:05:00.000Z' : null,
    rolledBackAt: status === 'rolled_back' ? '2026-11-25T09:05:00.000Z' : null,
    error: status === 'failed' ? 'Employee emp_000000042 (assignment 20000042-1) cannot be paid: no tax code' : null,
  };
}

const unavailable = () => problem(503, 'unavailable', 'Unavailable', 'Try again');
const start = { taxYear: '2026-27', periodNumber: 9, payDate: '2026-12-23' } as const;

describe('payroll.runs.start', () => {
  test('POSTs the period with a fresh Idempotency-Key, reused by its retries; resolves to the running run (202)', async () => {
    const bodies: unknown[] = [];
    server.use(http.post('*/v1/payroll/runs', async ({ request }) => {
      bodies.push(await request.json());
      return bodies.length === 1 ? unavailable() : HttpResponse.json(runAt(0), { status: 202, headers: { Location: `/v1/payroll/runs/${runId}` } });
    }));
    const run = await testClient({ retry: 2 }).payroll.runs.start(start);
    assert.equal(run.status, 'running');
    assert.deepEqual(bodies, [start, start]);
    const keys = seen.map((r) => r.headers.get('idempotency-key'));
    assert.equal(keys.length, 2);
    assert.match(keys[0] ?? '', uuid);
    assert.equal(keys[1], keys[0]);
  });

  test('your own key is sent as given; a run already covering the period is a ConflictError', async () => {
    server.use(http.post('*/v1/payroll/runs', () => problem(409, 'payroll_run_exists', 'A payroll run for this period already exists', `Run ${runId} (completed) covers this period: roll it back before starting another.`)));
    const error = await rejection(testClient().payroll.runs.start(start, { idempotencyKey: 'run-2026-27-m9' }));
    assert.ok(error instanceof ConflictError);
    assert.equal(error.code, 'payroll_run_exists');
    assert.equal(seen[0]?.headers.get('idempotency-key'), 'run-2026-27-m9');
  });

  test('anyone but a payroll admin gets PermissionError', async () => {
    server.use(http.post('*/v1/payroll/runs', () => problem(403, 'forbidden', 'Not allowed', 'Only payroll administrators may see or run payroll.')));
    assert.ok((await rejection(testClient().payroll.runs.start(start))) instanceof PermissionError);
  });
});

describe('payroll.runs.get, list, rollback, finalise', () => {
  test('paths and query', async () => {
    server.use(
      http.get('*/v1/payroll/runs', () => HttpResponse.json({ data: [runAt(2000)], hasMore: false, nextCursor: null })),
      http.get('*/v1/payroll/runs/:runId', () => HttpResponse.json(runAt(500))),
      http.post('*/v1/payroll/runs/:runId/rollback', () => HttpResponse.json({ ...runAt(2000, 2000, 'rolled_back'), payslipsDeleted: 2000 })),
      http.post('*/v1/payroll/runs/:runId/finalise', () => HttpResponse.json(runAt(2000, 2000, 'finalised'))),
    );
    const runs = testClient().payroll.runs;
    assert.equal((await runs.get(runId)).progress.processed, 500);
    assert.equal((await runs.list({ status: 'completed', limit: 5 })).data[0]?.status, 'completed');
    assert.equal((await runs.rollback(runId)).payslipsDeleted, 2000);
    assert.equal((await runs.finalise(runId)).status, 'finalised');
    assert.deepEqual(seen.map((r) => `${r.method} ${pathOf(r)}`), [
      `GET /v1/payroll/runs/${runId}`,
      'GET /v1/payroll/runs?status=completed&limit=5',
      `POST /v1/payroll/runs/${runId}/rollback`,
      `POST /v1/payroll/runs/${runId}/finalise`,
    ]);
    assert.ok(seen.every((r) => !r.headers.has('idempotency-key')));
    assert.throws(() => runs.get(''), TypeError);
  });

  test('rollback and finalise are sent once, even with retries on (a repeat would be a 409)', async () => {
    server.use(http.post('*/v1/payroll/runs/:runId/rollback', unavailable), http.post('*/v1/payroll/runs/:runId/finalise', unavailable));
    const runs = testClient({ retry: 2 }).payroll.runs;
    assert.ok((await rejection(runs.rollback(runId))) instanceof ServerError);
    assert.ok((await rejection(runs.finalise(runId))) instanceof ServerError);
    assert.equal(seen.length, 2);
  });

  test('finalising twice is a ConflictError', async () => {
    server.use(http.post('*/v1/payroll/runs/:runId/finalise', () => problem(409, 'payroll_run_state_conflict', 'The run cannot be finalised now', `Run ${runId} is finalised: only a completed run can be finalised, and only once.`)));
    const error = await rejection(testClient().payroll.runs.finalise(runId));
    assert.ok(error instanceof ConflictError);
    assert.equal(error.code, 'payroll_run_state_conflict');
  });
});

describe('payroll.runs.waitFor', () => {
  /** GET /v1/payroll/runs/:runId answers with each run in turn (the last one repeats). */
  function progressOf(...runs: PayrollRun[]) {
    let polls = 0;
    server.use(http.get('*/v1/payroll/runs/:runId', () => HttpResponse.json(runs[Math.min(polls++, runs.length - 1)])));
  }

  test('polls until the run stops running, reporting every poll, and resolves with the final run', async () => {
    progressOf(runAt(0), runAt(700), runAt(1400), runAt(2000));
    const reported: string[] = [];
    const started = performance.now();
    const run = await testClient().payroll.runs.waitFor(runId, {
      interval: 30,
      onProgress: (r) => void reported.push(`${r.status} ${r.progress.processed}/${r.progress.total}`),
    });
    const elapsed = performance.now() - started;
    assert.equal(run.status, 'completed');
    assert.deepEqual(reported, ['running 0/2000', 'running 700/2000', 'running 1400/2000', 'completed 2000/2000']);
    assert.equal(seen.length, 4);
    assert.ok(elapsed >= 85, `three waits of 30 ms took ${elapsed} ms`);
  });

  test('a run that has already finished is one request; a failed run resolves with its error', async () => {
    progressOf(runAt(1200, 2000, 'failed'));
    const run = await testClient().payroll.runs.waitFor(runId);
    assert.equal(run.status, 'failed');
    assert.match(run.error ?? '', /emp_000000042/);
    assert.equal(seen.length, 1);
  });

  test('onProgress may be async, and an error it throws stops the wait', async () => {
    progressOf(runAt(0), runAt(1000), runAt(2000));
    const stop = new Error('stop');
    const error = await rejection(testClient().payroll.runs.waitFor(runId, {
      interval: 1,
      onProgress: async (r) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (r.progress.processed === 1000) throw stop;
      },
    }));
    assert.equal(error, stop);
    assert.equal(seen.length, 2);
  });

  test('a signal ends the wait between polls with the platform\'s AbortError; no further poll', async () => {
    progressOf(runAt(0));
    const controller = new AbortController();
    const pending = testClient().payroll.runs.waitFor(runId, { interval: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const error = await rejection(pending);
    assert.equal(error instanceof EsrError, false);
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(seen.length, 1);
  });

  test('AbortSignal.timeout bounds the whole wait', async () => {
    progressOf(runAt(0));
    const error = await rejection(testClient().payroll.runs.waitFor(runId, { interval: 20, signal: AbortSignal.timeout(100) }));
    assert.equal((error as Error).name, 'TimeoutError');
    assert.equal(error instanceof EsrError, false);
    assert.ok(seen.length >= 2);
  });

  test('a poll that fails for good rejects with its typed error (each poll is retried like any GET first)', async () => {
    let polls = 0;
    server.use(http.get('*/v1/payroll/runs/:runId', () => (polls++ === 0 ? HttpResponse.json(runAt(0)) : problem(403, 'forbidden', 'Not allowed', 'Only payroll administrators may see or run payroll.'))));
    const error = await rejection(testClient({ retry: 2 }).payroll.runs.waitFor(runId, { interval: 1 }));
    assert.ok(error instanceof PermissionError);
  });

  test('an invalid interval is a TypeError and sends nothing', async () => {
    for (const interval of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.ok((await rejection(testClient().payroll.runs.waitFor(runId, { interval }))) instanceof TypeError);
    }
    assert.equal(seen.length, 0);
  });
});
