import type { CallOptions, Transport } from '../client.ts';
import type { BankHolidayDivision, BankHolidays } from '../types.ts';

export interface BankHolidaysQuery {
  /** 1980–2200. */
  year: number;
  /** Default `england-and-wales`. */
  division?: BankHolidayDivision;
}

/** Calendars shared by everyone. */
export class CalendarsResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** UK bank holidays for a year and division, in date order (`substitute` when moved off a weekend). */
  bankHolidays(query: BankHolidaysQuery, options: CallOptions = {}): Promise<BankHolidays> {
    return this.#transport.request<BankHolidays>('GET', 'calendars/bank-holidays', { ...options, searchParams: { year: query.year, division: query.division } });
  }
}
