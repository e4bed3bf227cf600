import type { CallOptions, Transport } from '../client.ts';
import { newIdempotencyKey } from '../etags.ts';
import { Page } from '../pagination.ts';
import { sleep } from '../sleep.ts';
import type { PageData } from '../pagination.ts';
import type { PayrollRun, PayrollRunStatus, RolledBackPayrollRun, StartPayrollRun } from '../types.ts';
import type { CreateOptions } from './people.ts';

export interface PayrollRunListOptions extends CallOptions {
  /** Only runs in this state. */
  status?: PayrollRunStatus;
  /** Page size, 1–100 (default 20). */
  limit?: number;
  cursor?: string;
}

export interface WaitForOptions extends CallOptions {
  /**
   * Called with the run after every poll, the first and the last included (`run.progress.percent`,
   * `processed` of `total`, `etaSeconds`). May be async; an error it throws stops the wait.
   */
  onProgress?: (run: PayrollRun) => unknown;
  /** Milliseconds between polls (default 1,000). */
  interval?: number;
}

/**
 * Payroll runs of the caller's organisation (payroll admins; anyone else gets `PermissionError`).
 * A run is `running` until it is `completed` or `failed`; a completed run is `finalised` once, which
 * releases its payslips to employees; any run not yet finalised may be `rolled_back`.
 */
export class PayrollRunsResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * Starts a run for a tax month (202: it works in the background; follow it with `waitFor`). Sent with
   * an `Idempotency-Key` (a fresh one per call unless you pass yours), so retries never start a second
   * run. `ConflictError` (`payroll_run_exists`) when a run already covers the period: roll it back first.
   */
  start(run: StartPayrollRun, options: CreateOptions = {}): Promise<PayrollRun> {
    const { idempotencyKey = newIdempotencyKey(), ...call } = options;
    return this.#transport.request<PayrollRun>('POST', 'payroll/runs', { ...call, json: run, idempotencyKey });
  }

  /** One run with its progress. */
  get(runId: string, options: CallOptions = {}): Promise<PayrollRun> {
    return this.#transport.request<PayrollRun>('GET', runPath(runId), options);
  }

  /** The organisation's runs, newest first. The page is async-iterable over every run. */
  async list(options: PayrollRunListOptions = {}): Promise<Page<PayrollRun>> {
    const { status, limit, cursor, ...call } = options;
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<PayrollRun>>('GET', 'payroll/runs', { ...call, searchParams: { status, limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /**
   * Rolls a run back before it is finalised, deleting exactly its payslips (`payslipsDeleted`).
   * Sent once, never retried: a second attempt would meet the rolled-back run and fail with
   * `ConflictError` (`payroll_run_state_conflict`). After a `ConnectionError` or `ServerError`, `get`
   * the run to see whether it was rolled back.
   */
  rollback(runId: string, options: CallOptions = {}): Promise<RolledBackPayrollRun> {
    return this.#transport.request<RolledBackPayrollRun>('POST', `${runPath(runId)}/rollback`, options);
  }

  /**
   * Finalises a completed run, exactly once: its payslips reach employees. Sent once, never retried
   * (as `rollback`); `ConflictError` when the run is not completed or is already finalised.
   */
  finalise(runId: string, options: CallOptions = {}): Promise<PayrollRun> {
    return this.#transport.request<PayrollRun>('POST', `${runPath(runId)}/finalise`, options);
  }

  /**
   * Polls the run every `interval` ms until it stops running, calling `onProgress` after each poll,
   * and resolves with the run as it ended: check `status` (`completed`, or `failed` with `error`
   * naming the employee who could not be paid; `rolled_back` if someone else rolled it back).
   * Each poll is a `get` with its own `timeout` and retries; `signal` (e.g. `AbortSignal.timeout(60_000)`)
   * ends the wait, rejecting with the signal's reason.
   */
  async waitFor(runId: string, options: WaitForOptions = {}): Promise<PayrollRun> {
    const { onProgress, interval = 1_000, ...call } = options;
    if (!(Number.isFinite(interval) && interval >= 0)) throw new TypeError(`interval must be a number of milliseconds (0 or more), not ${String(interval)}`);
    try {
      for (;;) {
        const run = await this.get(runId, call);
        await onProgress?.(run);
        if (run.status !== 'running') return run;
        await sleep(interval, call.signal);
      }
    } catch (error) {
      // The caller's signal can fire mid-request, where the fetch layer may report it in its own words
      // (seen as a TypeError under load): the documented answer is always the signal's reason.
      if (call.signal?.aborted) throw call.signal.reason;
      throw error;
    }
  }
}

function runPath(runId: string): string {
  if (typeof runId !== 'string' || runId === '') throw new TypeError('A payroll run id (prn_…) is required');
  return `payroll/runs/${encodeURIComponent(runId)}`;
}
