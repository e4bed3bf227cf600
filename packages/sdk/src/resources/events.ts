import type { CallOptions, Transport } from '../client.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import { sleep } from '../sleep.ts';
import type { EsrEvent } from '../types.ts';

export interface EventListOptions extends CallOptions {
  /** Resume after the events you have seen: a `nextCursor` you kept. Omit to start at `from`. */
  cursor?: string;
  /**
   * Without a cursor, where to start: `'oldest'` (default) or `'latest'`, an empty page whose
   * `nextCursor` is the newest event, to follow changes from now on without replaying the backlog.
   */
  from?: EventFeedStart;
  /** Page size, 1–100 (default 20). */
  limit?: number;
}

export type EventFeedStart = 'oldest' | 'latest';

export interface EventPollOptions extends CallOptions {
  /** Start after this cursor (a `nextCursor` you kept). Omit to start at `from`. */
  after?: string;
  /** Without `after`: `'oldest'` (default) replays the feed, `'latest'` yields only events from now on. */
  from?: EventFeedStart;
  /** Page size, 1–100 (default 100). */
  limit?: number;
  /** Milliseconds to wait after reaching the end of the feed before asking again (default 5,000). */
  interval?: number;
  /**
   * Called with the cursor after the consumer has taken every event of a page: store it, and pass it
   * as `after` to resume there after a restart (events are delivered at least once). May be async.
   */
  onCursor?: (cursor: string) => unknown;
}

/**
 * The integrators' event feed: state changes of approvals and requests, oldest first (HR admins see
 * their organisation's; anyone else, their own requests and the items they approve).
 */
export class EventsResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * One page of events, oldest first; the page is async-iterable over the events there are now. Its
   * `nextCursor` is set even on the last page: keep it and pass it as `cursor` to poll for newer events.
   */
  async list(options: EventListOptions = {}): Promise<Page<EsrEvent>> {
    const { cursor, limit, from, ...call } = options;
    const fetchPage = (at: string | undefined) => this.#page(at, limit, call);
    return new Page(await this.#page(cursor, limit, call, from), fetchPage);
  }

  /**
   * Follows the feed forever: yields every event from `after` on, then waits `interval` ms and asks
   * again from the last cursor, until `signal` aborts, when the iteration simply ends. Errors the
   * transport does not retry away (401, 403, …) end it by throwing.
   *
   *   for await (const event of esr.events.poll({ after: saved, signal, onCursor: save })) handle(event);
   */
  async *poll(options: EventPollOptions = {}): AsyncGenerator<EsrEvent, void, undefined> {
    const { after, from, limit = 100, interval = 5_000, onCursor, ...call } = options;
    if (!(Number.isFinite(interval) && interval >= 0)) throw new TypeError(`interval must be a number of milliseconds (0 or more), not ${String(interval)}`);
    const { signal } = call;
    let cursor = after;
    for (;;) {
      if (signal?.aborted) return;
      let page: PageData<EsrEvent>;
      try {
        page = await this.#page(cursor, limit, call, cursor === undefined ? from : undefined);
      } catch (error) {
        if (signal?.aborted) return;
        throw error;
      }
      yield* page.data;
      if (page.nextCursor && page.nextCursor !== cursor) {
        cursor = page.nextCursor;
        await onCursor?.(cursor);
      }
      if (!page.hasMore) {
        try {
          await sleep(interval, signal);
        } catch {
          return; // aborted while waiting
        }
      }
    }
  }

  #page(cursor: string | undefined, limit: number | undefined, call: CallOptions, from?: EventFeedStart): Promise<PageData<EsrEvent>> {
    return this.#transport.request<PageData<EsrEvent>>('GET', 'events', { ...call, searchParams: { limit, cursor, from: cursor ? undefined : from } });
  }
}
