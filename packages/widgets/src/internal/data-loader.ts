import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EsrClient } from '@esr/sdk';
import { EsrErrorEvent } from '../events/esr-error.ts';
import { MissingClientError } from './describe-error.ts';

export type LoadStatus = 'loading' | 'error' | 'data';

export interface DataLoaderOptions<T> {
  /** The client to load with (the widget's `activeClient`). */
  client: () => EsrClient | undefined;
  /** True while an `<esr-provider>` encloses the widget: its client may still be on its way. */
  hasProvider: () => boolean;
  /** Inputs besides the client that mean "load again" when they change (ids, filters). */
  key?: () => readonly unknown[];
  load: (client: EsrClient, signal: AbortSignal) => Promise<T>;
}

/**
 * Loads a widget's data through the SDK whenever the client or the key changes, and only then: each load
 * takes the next generation number and only the newest generation's answer is applied (older ones are
 * aborted, and their answers dropped if they arrive anyway), a missing client is reported after one task
 * (a page script or provider usually supplies it at once), and failures fire `esr-error` from the host.
 */
export class DataLoader<T> implements ReactiveController {
  status: LoadStatus = 'loading';
  value: T | undefined;
  error: unknown;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: DataLoaderOptions<T>;
  #loadedKey: readonly unknown[] = [];
  /** Generation of the newest load; an answer carrying an older one is stale. */
  #request = 0;
  /** The newest load has not answered yet. */
  #inFlight = false;
  #abort: AbortController | undefined;
  #noClientTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: DataLoaderOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  #key(): unknown[] {
    return [this.#options.client(), ...(this.#options.key?.() ?? [])];
  }

  hostUpdate(): void {
    const key = this.#key();
    if (key.length !== this.#loadedKey.length || key.some((v, i) => v !== this.#loadedKey[i])) void this.reload();
  }

  hostDisconnected(): void {
    clearTimeout(this.#noClientTimer);
    this.#request++;
    this.#inFlight = false;
    this.#abort?.abort();
    this.#loadedKey = [];
  }

  /** Loads again now (Try again, a change reported elsewhere). `quiet` keeps the current data on screen meanwhile. */
  async reload({ quiet = false } = {}): Promise<void> {
    const key = this.#key();
    this.#loadedKey = key;
    const request = ++this.#request;
    clearTimeout(this.#noClientTimer);
    this.#abort?.abort();
    const { signal } = (this.#abort = new AbortController());
    const client = this.#options.client();
    this.#inFlight = !!client;
    if (!quiet || this.status !== 'data') this.#set('loading');
    if (!client) {
      if (!this.#options.hasProvider()) {
        this.#noClientTimer = setTimeout(() => {
          if (request === this.#request && !this.#options.client()) this.#fail(new MissingClientError());
        }, 0);
      }
      return;
    }
    try {
      const value = await this.#options.load(client, signal);
      if (request !== this.#request) return;
      this.value = value;
      this.error = undefined;
      this.#set('data');
    } catch (error) {
      if (request !== this.#request) return;
      this.#fail(error);
    }
    this.#inFlight = false;
  }

  /**
   * The host's own write succeeded and it has updated `value` to match. A load still in flight may have
   * read the server before the write committed, so its answer would bring back what the write changed:
   * it is superseded by a new (quiet) load.
   */
  afterWrite(): void {
    if (this.#inFlight) void this.reload({ quiet: true });
  }

  #fail(error: unknown): void {
    this.error = error;
    this.value = undefined;
    this.#set('error');
    this.#host.dispatchEvent(new EsrErrorEvent({ error }));
  }

  #set(status: LoadStatus): void {
    this.status = status;
    this.#host.requestUpdate();
  }
}
