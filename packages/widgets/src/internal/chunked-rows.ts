import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows in the first render: a screenful or two. */
const FIRST = 25;
/** What each later frame may take (script, style, layout, paint): under the 50 ms long-task line. */
const FRAME_MS = 25;
/**
 * At least this share of the list per frame (and 4 rows), so a list whose every frame costs more than the
 * budget whatever the chunk (a table's layout grows with all its rows) still completes in ~100 frames.
 */
const MIN_SHARE = 100;

/**
 * Renders a long list a chunk of rows per animation frame, so building a thousand rows is never one
 * long task holding up input. Each chunk is sized from what the last frame took: a slow device or a
 * busy machine gets smaller chunks, a fast one larger. The host renders its first `count` rows, keyed
 * with `repeat` (so a frame builds only the new rows), and calls `reset()` when the list is replaced.
 */
export class ChunkedRows implements ReactiveController {
  /** How many rows to render now. */
  count = FIRST;
  #step = FIRST;
  #frame = 0;
  readonly #host: ReactiveControllerHost;
  readonly #total: () => number;

  constructor(host: ReactiveControllerHost, total: () => number) {
    (this.#host = host).addController(this);
    this.#total = total;
  }

  /** A new list: start again from its first rows. */
  reset(): void {
    this.count = FIRST;
  }

  /** Renders at least the first `n` rows in the next update (a row to focus, a page just fetched). */
  show(n: number): void {
    if (n > this.count) {
      this.count = n;
      this.#host.requestUpdate();
    }
  }

  hostUpdated(): void {
    if (this.#frame || this.count >= this.#total()) return;
    const frame = (this.#frame = requestAnimationFrame(() => {
      const start = performance.now();
      const total = this.#total();
      const added = Math.max(0, Math.min(this.#step, total - this.count));
      this.count += added;
      this.#host.requestUpdate();
      // A task queued now runs once this frame has been rendered, laid out and painted.
      setTimeout(() => {
        if (this.#frame !== frame) return; // disconnected meanwhile
        this.#frame = 0;
        const fits = Math.floor((added * FRAME_MS) / (performance.now() - start));
        if (added) this.#step = Math.max(4, Math.ceil(total / MIN_SHARE), Math.min(this.#step * 2, fits));
        this.hostUpdated();
      });
    }));
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }
}
