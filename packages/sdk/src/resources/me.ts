import type { CallOptions, Transport } from '../client.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type { Me, TeamCalendar, TeamMember } from '../types.ts';
import { DelegationResource } from './delegation.ts';

export interface TeamOptions extends CallOptions {
  /** `direct` (the default): people who report to me; `all`: everyone below me in the hierarchy. */
  scope?: 'direct' | 'all';
  /** Page size, 1–100 (default 20). */
  limit?: number;
  /** Start from a `nextCursor` you kept. */
  cursor?: string;
}

export interface TeamCalendarQuery {
  /** First and last day (`YYYY-MM-DD`, inclusive; at most 93 days). */
  from: string;
  to: string;
  /** `direct` (the default): my reports, or my colleagues if I manage no one; `all`: everyone below me. */
  scope?: 'direct' | 'all';
}

/** The signed-in person. */
export class MeResource {
  readonly #transport: Transport;
  /** My stand-in approver while I am away. */
  readonly delegation: DelegationResource;
  constructor(transport: Transport) {
    this.#transport = transport;
    this.delegation = new DelegationResource(transport);
  }

  /** Who I am: my profile and my roles (`manager` when anyone reports to me). */
  get(options: CallOptions = {}): Promise<Me> {
    return this.#transport.request<Me>('GET', 'me', options);
  }

  /** The people who report to me. The page is async-iterable over every member. */
  async team(options: TeamOptions = {}): Promise<Page<TeamMember>> {
    const { scope, limit, cursor, ...call } = options;
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<TeamMember>>('GET', 'me/team', { ...call, searchParams: { scope, limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /** Who is off when: my reports (managers see leave types) or my colleagues (shown only as absent). */
  teamCalendar(query: TeamCalendarQuery, options: CallOptions = {}): Promise<TeamCalendar> {
    return this.#transport.request<TeamCalendar>('GET', 'me/team-calendar', { ...options, searchParams: { from: query.from, to: query.to, scope: query.scope } });
  }
}
