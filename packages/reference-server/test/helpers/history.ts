// A concurrency history checker. Concurrent test runs record every operation as an invoke event and
// then an ok (it took effect), fail (it definitely did not) or info (unknown: a 5xx or a thrown error)
// event, with monotonic timestamps, as Jepsen does; the checkers then test the business invariants
// against the history and against the database the run left behind.
import type { Database } from '../../src/db/database.ts';
import { queryRows } from '../../src/seed/bulk.ts';

export type EventType = 'invoke' | 'ok' | 'fail' | 'info';

export interface HistoryEvent {
  /** Position in the history (the order events were recorded). */
  index: number;
  /** Which concurrent caller ("process") did it. */
  process: string;
  type: EventType;
  /** The operation, e.g. 'decide', 'request-leave', 'read-balance', 'start-run'. */
  op: string;
  /** What was asked (on invoke) or answered (on completion). */
  value: Record<string, unknown>;
  /** Nanoseconds on the monotonic clock. */
  at: bigint;
}

/** An invoke paired with its completion. */
export interface Operation {
  process: string;
  op: string;
  input: Record<string, unknown>;
  type: Exclude<EventType, 'invoke'>;
  output: Record<string, unknown>;
  invokedAt: bigint;
  completedAt: bigint;
}

export interface HttpOutcome {
  status: number;
  body?: unknown;
}

export class History {
  readonly events: HistoryEvent[] = [];

  private push(process: string, type: EventType, op: string, value: Record<string, unknown>): void {
    this.events.push({ index: this.events.length, process, type, op, value, at: process_hrtime() });
  }

  /**
   * Runs `fn` as one operation of `process`. An HTTP outcome below 300 is ok, a 4xx is a definite
   * fail, a 5xx or a throw is info (it may or may not have taken effect).
   */
  async run(process: string, op: string, input: Record<string, unknown>, fn: () => Promise<HttpOutcome>): Promise<HttpOutcome | undefined> {
    this.push(process, 'invoke', op, input);
    try {
      const outcome = await fn();
      const type: EventType = outcome.status < 300 ? 'ok' : outcome.status < 500 ? 'fail' : 'info';
      this.push(process, type, op, { ...input, status: outcome.status, body: outcome.body });
      return outcome;
    } catch (error) {
      this.push(process, 'info', op, { ...input, error: String(error) });
      return undefined;
    }
  }

  /** Invokes paired with their completions; a process has one operation in flight at a time. */
  operations(): Operation[] {
    const open = new Map<string, HistoryEvent>();
    const out: Operation[] = [];
    for (const e of this.events) {
      if (e.type === 'invoke') {
        if (open.has(e.process)) throw new Error(`history: ${e.process} invoked ${e.op} with another operation in flight`);
        open.set(e.process, e);
        continue;
      }
      const start = open.get(e.process);
      if (!start || start.op !== e.op) throw new Error(`history: ${e.type} of ${e.op} by ${e.process} without its invoke`);
      open.delete(e.process);
      out.push({ process: e.process, op: e.op, input: start.value, type: e.type, output: e.value, invokedAt: start.at, completedAt: e.at });
    }
    if (open.size > 0) throw new Error(`history: ${[...open.keys()].join(', ')} never completed`);
    return out;
  }

  /** How many operations actually overlapped in time (a run that never overlapped tested nothing). */
  maxConcurrency(): number {
    let now = 0;
    let max = 0;
    for (const e of this.events) {
      now += e.type === 'invoke' ? 1 : -1;
      max = Math.max(max, now);
    }
    return max;
  }
}

const process_hrtime = () => process.hrtime.bigint();

/** One broken invariant, with the operations or rows that show it. */
export interface Violation {
  invariant: string;
  detail: string;
}

/** Nothing may end in "info": every request got a definite answer (no 5xx, no dropped connection). */
export function checkDefiniteAnswers(history: History): Violation[] {
  return history.operations().filter((o) => o.type === 'info').map((o) => ({ invariant: 'definite answers', detail: `${o.process} ${o.op} ${JSON.stringify(o.input)} → ${JSON.stringify(o.output).slice(0, 300)}` }));
}

/**
 * No double approval. From the history: among decisions sent with the same If-Match (the same version
 * of one request), at most one succeeds. From the database: each step of each request is approved at
 * most once, and no request is decided (approved or rejected) at its last step twice.
 */
export async function checkNoDoubleApproval(history: History, database: Database): Promise<Violation[]> {
  const violations: Violation[] = [];
  const wins = new Map<string, Operation[]>();
  for (const o of history.operations().filter((x) => x.op === 'decide' && x.type === 'ok')) {
    const key = `${String(o.input['id'])} @ ${String(o.input['ifMatch'] ?? 'no If-Match')}`;
    wins.set(key, [...(wins.get(key) ?? []), o]);
  }
  for (const [key, ops] of wins) {
    if (ops.length > 1 && !key.endsWith('no If-Match')) {
      violations.push({ invariant: 'no double approval', detail: `${ops.length} decisions on ${key} succeeded: ${ops.map((o) => `${o.process} ${String(o.input['action'])}`).join(', ')}` });
    }
  }
  const twice = await queryRows<{ request_id: string; step: number; n: number | string }>(
    database,
    `SELECT request_id, step, count(*) AS n FROM approval_history WHERE action IN ('approved', 'rejected')
      GROUP BY request_id, step HAVING count(*) > 1`,
  );
  for (const row of twice) violations.push({ invariant: 'no double approval', detail: `request ${row.request_id} step ${row.step} decided ${row.n} times` });
  return violations;
}

/**
 * No negative leave balance: in the database afterwards (entitlement + carried over + adjustments
 * − pending − approved ≥ 0 for every balance), and in every balance read during the run.
 */
export async function checkNoNegativeBalance(history: History, database: Database): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const o of history.operations().filter((x) => x.op === 'read-balance' && x.type === 'ok')) {
    const available = Number((o.output['body'] as { availableMinutes?: number } | undefined)?.availableMinutes);
    if (available < 0) violations.push({ invariant: 'no negative balance', detail: `${o.process} read ${available} minutes available` });
  }
  const negative = await queryRows<{ employee_id: string; kind: string; available: number | string }>(
    database,
    `SELECT employee_id, kind, entitlement_minutes + carried_over_minutes + adjustment_minutes - pending_minutes - approved_minutes AS available
       FROM leave_balances
      WHERE entitlement_minutes + carried_over_minutes + adjustment_minutes - pending_minutes - approved_minutes < 0`,
  );
  for (const row of negative) violations.push({ invariant: 'no negative balance', detail: `${row.employee_id} ${row.kind}: ${row.available} minutes` });
  return violations;
}

/**
 * The balance ledger agrees with the requests behind it: for each person given, pending and approved
 * minutes of each balance equal the minutes of their pending and approved requests of that kind
 * (annual leave and TOIL; other types do not draw on a balance). A lost or doubled update shows here.
 */
export async function checkLeaveLedger(database: Database, employeeIds: string[]): Promise<Violation[]> {
  const rows = await queryRows<{ employee_id: string; kind: string; leave_year_start: string; pending: number | string; approved: number | string; req_pending: number | string; req_approved: number | string }>(
    database,
    `SELECT b.employee_id, b.kind, b.leave_year_start::text, b.pending_minutes AS pending, b.approved_minutes AS approved,
            coalesce(sum(r.minutes) FILTER (WHERE r.status = 'pending'), 0) AS req_pending,
            coalesce(sum(r.minutes) FILTER (WHERE r.status = 'approved'), 0) AS req_approved
       FROM leave_balances b
       LEFT JOIN leave_requests r ON r.employee_id = b.employee_id AND r.leave_year_start = b.leave_year_start AND r.type = b.kind
      WHERE b.employee_id = ANY($1)
      GROUP BY b.employee_id, b.kind, b.leave_year_start, b.pending_minutes, b.approved_minutes`,
    [employeeIds],
  );
  return rows
    .filter((r) => Number(r.pending) !== Number(r.req_pending) || Number(r.approved) !== Number(r.req_approved))
    .map((r) => ({
      invariant: 'leave ledger',
      detail: `${r.employee_id} ${r.kind} ${r.leave_year_start}: balance pending ${r.pending} / approved ${r.approved}, requests pending ${r.req_pending} / approved ${r.req_approved}`,
    }));
}

/**
 * One payslip per employee and period (of runs not rolled back), and at most one run per organisation
 * and period accepted among concurrent starts.
 */
export async function checkOnePayslipPerPeriod(history: History, database: Database): Promise<Violation[]> {
  const violations: Violation[] = [];
  const started = new Map<string, number>();
  for (const o of history.operations().filter((x) => x.op === 'start-run' && x.type === 'ok')) {
    const key = `${String(o.input['organisation'])} ${String(o.input['taxYear'])}/${String(o.input['periodNumber'])}`;
    started.set(key, (started.get(key) ?? 0) + 1);
  }
  for (const [key, n] of started) if (n > 1) violations.push({ invariant: 'one payslip per employee and period', detail: `${n} runs started for ${key}` });
  const twice = await queryRows<{ employee_id: string; tax_year: string; period_number: number; n: number | string }>(
    database,
    `SELECT employee_id, tax_year, frequency, period_number, count(*) AS n FROM payslips
      GROUP BY employee_id, tax_year, frequency, period_number HAVING count(*) > 1`,
  );
  for (const row of twice) violations.push({ invariant: 'one payslip per employee and period', detail: `${row.employee_id} has ${row.n} payslips for ${row.tax_year}/${row.period_number}` });
  return violations;
}

/**
 * No class session over capacity. Extension point for the learning tables: the database check runs
 * whenever `class_sessions` and `enrolments` exist (it returns nothing to check before they are
 * merged); a concurrent enrolment test records its calls as op 'enrol' with `{ sessionId }` (and
 * cancellations as 'cancel-enrolment' with `{ sessionId, wasEnrolled }`), and the history check counts
 * places taken per session against `capacities`.
 */
export async function checkNoOverCapacity(history: History, database: Database, capacities: Map<string, number> = new Map()): Promise<Violation[]> {
  const violations: Violation[] = [];
  // Places granted by successful enrolments, less places given back by successful cancellations of
  // enrolled learners. Promotions from the waiting list happen inside the server and are not seen, so
  // this count can only be low: whatever it flags is real. The database check below is exact.
  const enrolled = new Map<string, number>();
  for (const o of history.operations().filter((x) => x.type === 'ok' && (x.op === 'enrol' || (x.op === 'cancel-enrolment' && x.input['wasEnrolled'] === true)))) {
    const status = (o.output['body'] as { status?: string } | undefined)?.status;
    if (o.op === 'enrol' && status !== undefined && status !== 'enrolled') continue; // waitlisted or awaiting approval: no place taken
    const session = String(o.input['sessionId']);
    enrolled.set(session, (enrolled.get(session) ?? 0) + (o.op === 'enrol' ? 1 : -1));
  }
  for (const [session, n] of enrolled) {
    const capacity = capacities.get(session);
    if (capacity !== undefined && n > capacity) violations.push({ invariant: 'no over-capacity', detail: `${n} enrolled on ${session} (capacity ${capacity})` });
  }
  if (!(await learningTablesExist(database))) return violations;
  const over = await queryRows<{ id: string; capacity: number; taken: number | string }>(
    database,
    `SELECT s.id, s.capacity, count(e.id) AS taken FROM class_sessions s
       JOIN enrolments e ON e.session_id = s.id AND e.status IN ('enrolled', 'attended', 'no_show', 'completed')
      GROUP BY s.id, s.capacity HAVING count(e.id) > s.capacity`,
  );
  for (const row of over) violations.push({ invariant: 'no over-capacity', detail: `session ${row.id}: ${row.taken} places taken of ${row.capacity}` });
  return violations;
}

export async function learningTablesExist(database: Database): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(database, `SELECT to_regclass('class_sessions') IS NOT NULL AND to_regclass('enrolments') IS NOT NULL AS ok`);
  return row?.ok === true;
}

/** Every invariant the database can be checked for, whatever the run did. */
export async function checkAllInvariants(history: History, database: Database): Promise<Violation[]> {
  return [
    ...checkDefiniteAnswers(history),
    ...(await checkNoDoubleApproval(history, database)),
    ...(await checkNoNegativeBalance(history, database)),
    ...(await checkOnePayslipPerPeriod(history, database)),
    ...(await checkNoOverCapacity(history, database)),
  ];
}
