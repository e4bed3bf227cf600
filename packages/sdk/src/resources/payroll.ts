import type { CallOptions, Transport } from '../client.ts';
import type { PayrollCalculation, PayrollCalculationRequest } from '../types.ts';
import { PayrollRunsResource } from './payroll-runs.ts';

/** Payroll: the period calculator, and payroll runs (payroll admins). */
export class PayrollResource {
  readonly #transport: Transport;
  /** Start, follow, roll back and finalise payroll runs (payroll admins). */
  readonly runs: PayrollRunsResource;
  constructor(transport: Transport) {
    this.#transport = transport;
    this.runs = new PayrollRunsResource(transport);
  }

  /**
   * Calculates one pay period (PAYE, NI, student and postgraduate loans, NHS Pension), with every
   * figure explained in `lines`. Any signed-in user may call it. The server reads and stores nothing,
   * so although it is a POST it needs no Idempotency-Key and is retried like a read (408, 429, 5xx,
   * network failures). Inputs the engine refuses (an unknown tax code, month 13) are `ValidationError`s
   * naming `json.<field>`.
   */
  calculate(input: PayrollCalculationRequest, options: CallOptions = {}): Promise<PayrollCalculation> {
    return this.#transport.request<PayrollCalculation>('POST', 'payroll/calculate', { ...options, json: input, idempotent: true });
  }
}
