/** The API's one list shape. */
export interface PageData<T> {
  data: T[];
  hasMore: boolean;
  nextCursor: string | null;
}

/**
 * One page of a cursor-paginated list that is also an async iterable over every item of every
 * page: `for await (const p of await client.payslips.list())` walks them all, fetching lazily.
 */
export class Page<T> implements PageData<T>, AsyncIterable<T> {
  readonly data: T[];
  readonly hasMore: boolean;
  readonly nextCursor: string | null;
  readonly #fetchPage: (cursor: string) => Promise<PageData<T>>;

  constructor(page: PageData<T>, fetchPage: (cursor: string) => Promise<PageData<T>>) {
    this.data = page.data;
    this.hasMore = page.hasMore;
    this.nextCursor = page.nextCursor;
    this.#fetchPage = fetchPage;
  }

  /** The following page, or null after the last. */
  async next(): Promise<Page<T> | null> {
    if (!this.hasMore || !this.nextCursor) return null;
    return new Page(await this.#fetchPage(this.nextCursor), this.#fetchPage);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> | null = this;
    while (page) {
      yield* page.data;
      page = await page.next();
    }
  }

  /** Collects items across pages; `limit` caps how many (default 10,000) so a huge list cannot exhaust memory. */
  async toArray(options: { limit?: number } = {}): Promise<T[]> {
    const limit = options.limit ?? 10_000;
    const items: T[] = [];
    if (limit <= 0) return items;
    for await (const item of this) {
      items.push(item);
      if (items.length >= limit) break;
    }
    return items;
  }

  /** Calls `fn` for each item; return `false` to stop early. */
  async each(fn: (item: T) => unknown): Promise<void> {
    for await (const item of this) if ((await fn(item)) === false) return;
  }
}
