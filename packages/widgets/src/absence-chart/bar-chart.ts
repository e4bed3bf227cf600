// A small hand-written SVG bar chart: sized to its container (ResizeObserver), one focusable point per bar
// with roving tabindex (arrow keys, Home, End), the focused or hovered bar's value shown beside the chart
// and announced by its accessible name. The data table next to it is the full text alternative.
import { html, svg, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { niceMax } from './absence-data.ts';

export interface Bar {
  key: string;
  value: number;
  /** Axis label under the bar ("Oct"). */
  label: string;
  /** Printed above the bar ("3", "4.2%"). */
  valueText: string;
  /** Full sentence: the bar's accessible name and the readout ("October 2026: 3 working days lost"). */
  description: string;
}

export interface BarChartOptions {
  /** Accessible name of the chart group. */
  label: string;
  /** Formats a y-axis tick value. */
  tick: (value: number) => string;
  /** Smallest y-axis maximum, so a quiet year is not drawn as a dramatic one. */
  minMax?: number;
}

const HEIGHT = 220;
const MARGIN = { top: 22, right: 8, bottom: 28, left: 44 };

export class BarChartController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer: ResizeObserver | undefined;
  #observed: Element | undefined;
  /** Measured width of the chart's box in CSS pixels; a sensible default until measured. */
  width = 640;
  /** The bar with the roving tabindex (and the readout); -1 = none yet (first Tab lands on the first bar). */
  active = -1;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed = undefined;
  }

  /** Watches the element the chart is drawn in; called after each render with the current box. */
  observe(box: Element | null): void {
    if (!box || box === this.#observed || typeof ResizeObserver === 'undefined') return;
    this.#observer?.disconnect();
    this.#observed = box;
    this.#observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0);
      // Redraw only for a real change, so a scrollbar flicker cannot loop resize → render → resize.
      if (width > 0 && Math.abs(width - this.width) >= 2) {
        this.width = width;
        this.#host.requestUpdate();
      }
    });
    this.#observer.observe(box);
  }

  #move(bars: readonly Bar[], to: number, svgRoot: SVGElement | null): void {
    this.active = Math.max(0, Math.min(bars.length - 1, to));
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      svgRoot?.querySelector<SVGElement>(`[data-index="${this.active}"]`)?.focus();
    });
  }

  #onKeydown(bars: readonly Bar[], event: KeyboardEvent): void {
    const current = Number((event.currentTarget as SVGElement).dataset['index']);
    const svgRoot = (event.currentTarget as SVGElement).ownerSVGElement;
    const to: Record<string, number> = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: bars.length - 1 };
    if (!(event.key in to)) return;
    event.preventDefault();
    this.#move(bars, to[event.key]!, svgRoot);
  }

  #show(index: number): void {
    if (this.active === index) return;
    this.active = index;
    this.#host.requestUpdate();
  }

  render(bars: readonly Bar[], options: BarChartOptions): TemplateResult {
    const width = Math.max(280, this.width);
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const max = niceMax(Math.max(options.minMax ?? 0, ...bars.map((b) => b.value)));
    const y = (v: number) => MARGIN.top + plotH - (v / max) * plotH;
    const band = plotW / Math.max(1, bars.length);
    const barW = Math.max(4, Math.min(48, band * 0.7));
    // Value labels only where they fit side by side (about 7.5px a character at 14px).
    const showValues = band >= Math.max(...bars.map((b) => b.valueText.length), 1) * 7.5 + 6;
    // Narrow charts label every other month so the labels never overlap.
    const labelEvery = band >= 34 ? 1 : 2;
    const ticks = [0, max / 2, max];
    const tabStop = this.active >= 0 && this.active < bars.length ? this.active : 0;
    const readout = bars[this.active];

    return html`
      <div class="chart__box">
        <svg
          class="chart__svg"
          part="chart-svg"
          viewBox="0 0 ${width} ${HEIGHT}"
          width="100%"
          height=${HEIGHT}
          role="group"
          aria-label=${options.label}
          @mouseleave=${() => this.#show(-1)}
        >
          ${ticks.map(
            (t) => svg`
              <line class="chart__grid" x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(t)} y2=${y(t)} aria-hidden="true"></line>
              <text class="chart__tick" x=${MARGIN.left - 6} y=${y(t)} dy="0.32em" text-anchor="end" aria-hidden="true">${options.tick(t)}</text>`,
          )}
          ${bars.map((bar, i) => {
            const cx = MARGIN.left + band * i + band / 2;
            const top = y(bar.value);
            // A zero still gets a visible 2px stub, so "none" reads differently from "missing".
            const h = Math.max(2, MARGIN.top + plotH - top);
            const active = i === this.active;
            return svg`
              <g class="chart__bar ${active ? 'chart__bar--active' : ''}">
                <rect class="chart__highlight" x=${cx - band / 2 + 1} y=${MARGIN.top - 18} width=${band - 2} height=${plotH + 18} aria-hidden="true"></rect>
                <rect class="chart__fill" x=${cx - barW / 2} y=${MARGIN.top + plotH - h} width=${barW} height=${h} aria-hidden="true"></rect>
                ${showValues ? svg`<text class="chart__value" x=${cx} y=${MARGIN.top + plotH - h - 5} text-anchor="middle" aria-hidden="true">${bar.valueText}</text>` : nothing}
                ${i % labelEvery === 0 || active
                  ? svg`<text class="chart__label" x=${cx} y=${HEIGHT - 8} text-anchor="middle" aria-hidden="true">${bar.label}</text>`
                  : nothing}
                <rect
                  class="chart__point"
                  data-index=${i}
                  x=${cx - band / 2}
                  y=${MARGIN.top - 18}
                  width=${band}
                  height=${plotH + 18 + MARGIN.bottom}
                  role="img"
                  aria-label=${bar.description}
                  tabindex=${i === tabStop ? 0 : -1}
                  @focus=${() => this.#show(i)}
                  @mouseenter=${() => this.#show(i)}
                  @keydown=${(e: KeyboardEvent) => this.#onKeydown(bars, e)}
                ></rect>
              </g>`;
          })}
          <line class="chart__axis" x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(0)} y2=${y(0)} aria-hidden="true"></line>
        </svg>
      </div>
      <p class="chart__readout" part="chart-readout" aria-hidden="true">${readout ? readout.description : '\u00a0'}</p>
    `;
  }
}
