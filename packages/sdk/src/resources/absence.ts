import type { CallOptions, Transport } from '../client.ts';
import { newIdempotencyKey, writeIfMatch } from '../etags.ts';
import type { EtagStore } from '../etags.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type {
  AbsenceCalendar,
  AbsenceRates,
  BradfordFactor,
  NewSicknessEpisode,
  SickPayEntitlement,
  SickPayPeriod,
  SicknessEpisode,
  SicknessEpisodePatch,
  SicknessReasons,
} from '../types.ts';
import { personPath } from './leave.ts';
import type { CreateOptions, EmployeeRef, UpdateOptions } from './people.ts';

/** A date range, `YYYY-MM-DD`, inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

export interface AsOfOptions extends CallOptions {
  /** The date to work it out for (`YYYY-MM-DD`); default today. */
  asOf?: string;
}

export interface AbsenceRatesQuery {
  /** The first month, `YYYY-MM`. */
  from: string;
  /** How many months, 1–24 (default 12). */
  months?: number;
  /** Root unit (`ou_…`): one row per child unit and the unit itself. Default: the trust. */
  orgUnitId?: string;
  /** `unit` (default), or `reason` to split each unit's rate by sickness reason. */
  by?: 'unit' | 'reason';
}

/**
 * Sickness episodes (recorded by line managers and HR). Reads and writes remember the episode's ETag;
 * `update` sends it as `If-Match`, like `people.updatePersonalDetails`: `PreconditionError` (412) when
 * it changed since, (428) when this client has not read it yet.
 */
export class SicknessResource {
  readonly #transport: Transport;
  readonly #etags: EtagStore;
  constructor(transport: Transport, etags: EtagStore) {
    this.#transport = transport;
    this.#etags = etags;
  }

  /** Records sickness; leave `endDate` out while the person is still off. Sent with an `Idempotency-Key`. */
  async record(employeeId: EmployeeRef, episode: NewSicknessEpisode, options: CreateOptions = {}): Promise<SicknessEpisode> {
    const { idempotencyKey = newIdempotencyKey(), ...call } = options;
    const { data, response } = await this.#transport.send<SicknessEpisode>('POST', personPath(employeeId, 'sickness-episodes'), { ...call, json: episode, idempotencyKey });
    this.#etags.remember(episodePath(employeeId, data.id), response, data);
    return data;
  }

  /** Sickness history, latest first (self, line managers, HR; audited for others). */
  async list(employeeId: EmployeeRef = 'me', options: CallOptions & { limit?: number; cursor?: string } = {}): Promise<Page<SicknessEpisode>> {
    const { limit, cursor, ...call } = options;
    const url = personPath(employeeId, 'sickness-episodes');
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<SicknessEpisode>>('GET', url, { ...call, searchParams: { limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /** One episode with its return-to-work record. Remembers the ETag for `update`. */
  async get(employeeId: EmployeeRef, episodeId: string, options: CallOptions = {}): Promise<SicknessEpisode> {
    const url = episodePath(employeeId, episodeId);
    const { data, response } = await this.#transport.send<SicknessEpisode>('GET', url, options);
    this.#etags.remember(url, response, data);
    return data;
  }

  /** Closes an episode, corrects its reason or records the return-to-work interview (`If-Match`; retried like a read). */
  update(employeeId: EmployeeRef, episodeId: string, patch: SicknessEpisodePatch, options: UpdateOptions = {}): Promise<SicknessEpisode> {
    return writeIfMatch<SicknessEpisode>(this.#transport, this.#etags, 'PATCH', episodePath(employeeId, episodeId), { ...options, json: patch });
  }
}

/** Sickness absence: episodes, sick pay, Bradford factor, absence rates and reasons, and a person's absence calendar. */
export class AbsenceResource {
  readonly #transport: Transport;
  /** Sickness episodes: record, list, get, update. */
  readonly sickness: SicknessResource;
  constructor(transport: Transport, etags: EtagStore) {
    this.#transport = transport;
    this.sickness = new SicknessResource(transport, etags);
  }

  /** Occupational sick pay entitlement and use (self, line managers, HR, payroll admins). */
  sickPay(employeeId: EmployeeRef = 'me', options: AsOfOptions = {}): Promise<SickPayEntitlement> {
    const { asOf, ...call } = options;
    return this.#transport.request<SickPayEntitlement>('GET', personPath(employeeId, 'sick-pay'), { ...call, searchParams: { asOf } });
  }

  /** Full, half and nil pay sick days between `from` and `to`. */
  sickPayForPeriod(employeeId: EmployeeRef, range: DateRange, options: CallOptions = {}): Promise<SickPayPeriod> {
    return this.#transport.request<SickPayPeriod>('GET', personPath(employeeId, 'sick-pay/period'), { ...options, searchParams: { from: range.from, to: range.to } });
  }

  /** The Bradford factor over the 52 weeks to `asOf`. */
  bradfordFactor(employeeId: EmployeeRef = 'me', options: AsOfOptions = {}): Promise<BradfordFactor> {
    const { asOf, ...call } = options;
    return this.#transport.request<BradfordFactor>('GET', personPath(employeeId, 'bradford-factor'), { ...call, searchParams: { asOf } });
  }

  /** Sickness absence rates (FTE days lost ÷ FTE days available) by org unit and month (HR). */
  rates(query: AbsenceRatesQuery, options: CallOptions = {}): Promise<AbsenceRates> {
    const { from, months, orgUnitId, by } = query;
    return this.#transport.request<AbsenceRates>('GET', 'absence/rates', { ...options, searchParams: { from, months, orgUnitId, by } });
  }

  /** The national sickness absence reasons (level 1 with their level 2 codes). */
  reasons(options: CallOptions = {}): Promise<SicknessReasons> {
    return this.#transport.request<SicknessReasons>('GET', 'absence/reasons', options);
  }

  /** A person's days from `from` to `to` (at most 366): scheduled hours, bank holidays, leave and sickness. */
  calendar(employeeId: EmployeeRef, range: DateRange, options: CallOptions = {}): Promise<AbsenceCalendar> {
    return this.#transport.request<AbsenceCalendar>('GET', personPath(employeeId, 'absence-calendar'), { ...options, searchParams: { from: range.from, to: range.to } });
  }
}

function episodePath(employeeId: EmployeeRef, episodeId: string): string {
  if (typeof episodeId !== 'string' || episodeId === '') throw new TypeError('A sickness episode id (sck_…) is required');
  return personPath(employeeId, `sickness-episodes/${encodeURIComponent(episodeId)}`);
}
