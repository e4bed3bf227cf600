import { LitElement, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { EsrClient } from '@esr/sdk';
import { clientContext } from '../provider/context.ts';
import type { LocalizeController } from '../i18n/localize-controller.ts';
import type { EsrStringOverrides } from '../i18n/types.ts';
import { closestComposed } from './dom.ts';
import { VERSION } from './version.ts';

/** Host states every data widget exposes as `:state(...)`. */
export const HOST_STATES = ['loading', 'empty', 'error'] as const;
export type HostState = (typeof HOST_STATES)[number];

/**
 * Base class of every ESR widget: the SDK client (own `client` property, else the nearest
 * `<esr-provider>`), localisation, and `:state()` host states. Widgets never extend LitElement directly.
 * `S` is the widget's string table; the widget creates `localize` with its own messages, so it bundles
 * only its own strings: `protected readonly localize = new LocalizeController(this, payslipMessages);`.
 */
export abstract class EsrElement<S extends object = object> extends LitElement {
  /** Read by the guarded define to spot two different versions on one page. */
  static readonly esrVersion = VERSION;

  /** Lit reactive properties (declared here rather than with decorators: no decorator helpers ship). */
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    i18n: { attribute: false },
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** An SDK client for this element only. Wins over the one from an enclosing `<esr-provider>`. */
  client: EsrClient | undefined;

  /**
   * Heading level of the widget's title, `heading-level` (1–6), so it fits the page's outline; its
   * sub-headings are one lower. Default 2.
   */
  headingLevel = 2;

  /** Per-instance string overrides, e.g. `{ retry: 'Reload' }`. Placeholders use `%{name}`. */
  i18n: EsrStringOverrides<S> | undefined;

  protected abstract readonly localize: LocalizeController<S>;
  protected readonly internals: ElementInternals | undefined;
  readonly #providedClient = new ContextConsumer(this, { context: clientContext, subscribe: true });

  constructor() {
    super();
    // Internals give us CustomStateSet (`:state(loading)`) without reflecting attributes the page may own.
    this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
  }

  /** The client in use: `client` if set, else the provider's. */
  protected get activeClient(): EsrClient | undefined {
    return this.client ?? this.#providedClient.value;
  }

  /** True while an `<esr-provider>` encloses this element, even if it has no client yet. */
  protected get hasProvider(): boolean {
    return closestComposed(this, 'esr-provider') !== null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A context request made before `<esr-provider>` is defined goes unanswered (per-widget define
    // entries can load in any order). Ask again once the provider exists.
    if (!customElements.get('esr-provider') && this.hasProvider) {
      void customElements.whenDefined('esr-provider').then(() => {
        if (this.isConnected && this.#providedClient.value === undefined) {
          this.#providedClient.hostDisconnected();
          this.#providedClient.hostConnected();
        }
      });
    }
  }

  /** Waits for the Welsh strings the first time the element renders in Welsh (see LocalizeController.ready). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = this.localize.ready();
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Sets exactly one host state (or none), for `:state(loading|empty|error)` selectors. */
  protected setHostState(state: HostState | undefined): void {
    const states = this.internals?.states;
    if (!states) return;
    for (const s of HOST_STATES) if (s !== state) states.delete(s);
    if (!state) return;
    try {
      states.add(state);
    } catch {
      // Chromium before 125 only accepted the dashed `--loading` form.
      try {
        states.add(`--${state}`);
      } catch {
        /* no CustomStateSet support: styling by state is an enhancement */
      }
    }
  }
}
