// Optimistic concurrency on the client: the last ETag seen per record, so an update can send it as
// If-Match without the caller threading it through, and the ETag each returned object was read with.

import type { RequestOptions, Transport } from './transport.ts';

/**
 * The ETags a client has seen. Two views of the same responses:
 *
 * - by path (`people/me/personal-details`): the newest ETag from a GET or a successful write of that
 *   URL, sent automatically as `If-Match` by the next update of the same URL;
 * - by value: the ETag of the response a returned object came from, for `client.etagOf(details)`.
 *
 * A 412 or any other failure changes neither: the caller must read the record again.
 */
export class EtagStore {
  readonly #byPath = new Map<string, string>();
  readonly #byValue = new WeakMap<object, string>();

  /** Records the response's ETag for `path` and for `value` (the parsed body). No ETag: forgets `path`. */
  remember(path: string, response: Response, value: unknown): void {
    const etag = response.headers.get('etag');
    if (!etag) {
      this.#byPath.delete(path);
      return;
    }
    this.#byPath.set(path, etag);
    if (typeof value === 'object' && value !== null) this.#byValue.set(value, etag);
  }

  /** Records an ETag for `path` that came in a body rather than a header (a bulk result's per-item `etag`). */
  rememberTag(path: string, etag: string): void {
    this.#byPath.set(path, etag);
  }

  forPath(path: string): string | undefined {
    return this.#byPath.get(path);
  }

  of(value: unknown): string | undefined {
    return typeof value === 'object' && value !== null ? this.#byValue.get(value) : undefined;
  }

  /** Forgets one path, or every path (e.g. when the signed-in user changes). */
  forget(path?: string): void {
    if (path === undefined) this.#byPath.clear();
    else this.#byPath.delete(path);
  }
}

/**
 * A fresh Idempotency-Key (a UUID v4). `crypto.randomUUID` exists only in secure contexts in browsers
 * (an intranet page served over plain http has none), so fall back to `getRandomValues`, which is everywhere.
 */
export function newIdempotencyKey(): string {
  const webCrypto = globalThis.crypto;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The one way the SDK writes a record under optimistic concurrency: sends the ETag last seen for
 * `recordPath` as If-Match (an explicit `ifMatch` wins) to `targetPath` (the record itself, or an
 * action under it such as `…/submit`) and remembers the ETag of the answer for the next write.
 */
export async function writeIfMatch<T>(
  transport: Transport,
  etags: EtagStore,
  method: string,
  recordPath: string,
  options: RequestOptions,
  targetPath = recordPath,
): Promise<T> {
  const { ifMatch = etags.forPath(recordPath), ...rest } = options;
  const { data, response } = await transport.send<T>(method, targetPath, { ...rest, ifMatch });
  etags.remember(recordPath, response, data);
  return data;
}
