import { LitElement, css, html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import { createEsrClient, type EsrClient } from '@esr/sdk';
import { VERSION } from '../internal/version.ts';
import { appearanceContext, clientContext, localeContext } from './context.ts';
import { applyAppearance, type EsrAppearance } from './appearance.ts';

/**
 * @tag esr-provider
 * @summary Shares one ESR connection, a locale and an appearance with every ESR widget inside it.
 *
 * @slot - The page content; any `esr-*` widget inside, however deep (also inside other shadow roots), uses this provider.
 *
 * @cssproperty --esr-color-brand - Set here (or through `appearance`) to theme every widget inside at once; all `--esr-*` tokens work.
 *
 * @example
 * ```html
 * <esr-provider base-url="https://esr.example.nhs.uk" lang="cy">
 *   <esr-payslip></esr-payslip>
 * </esr-provider>
 * ```
 */
export class EsrProvider extends LitElement {
  static readonly esrVersion = VERSION;

  // `display: contents`: the provider adds no box, so it can wrap any layout without changing it.
  // Custom properties still inherit through it, which is all the theming needs.
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Lit reactive properties (declared here rather than with decorators: no decorator helpers ship). */
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    baseUrl: { attribute: 'base-url' },
    token: {},
    getToken: { attribute: false },
    locale: {},
    appearance: { attribute: false },
  };

  /** A ready-made SDK client. Wins over `base-url`/`token`. Set it in script; it is not an attribute. */
  client: EsrClient | undefined;

  /** Builds a client for this API origin when no `client` is set. */
  baseUrl = '';

  /**
   * A bearer token for the built client. Prefer `getToken` in production: an attribute is visible to
   * every script and in the DOM inspector, and it cannot refresh.
   */
  token = '';

  /** Called before each request for a fresh bearer token (used with `base-url`). */
  getToken: (() => string | Promise<string>) | undefined;

  /** Locale for the widgets inside (`en-GB` or `cy`). Without it they use the nearest `lang` attribute. */
  locale = '';

  /** Design tokens set from script; see `EsrAppearance`. Reassign the object to update at runtime. */
  appearance: EsrAppearance | undefined;

  readonly #client = new ContextProvider(this, { context: clientContext });
  readonly #locale = new ContextProvider(this, { context: localeContext });
  readonly #appearance = new ContextProvider(this, { context: appearanceContext });
  #builtFor = '';
  #builtClient: EsrClient | undefined;
  #appliedProperties = new Set<string>();

  /** The client the widgets inside are using right now. */
  get activeClient(): EsrClient | undefined {
    return this.#client.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('token') || changed.has('getToken')) {
      this.#client.setValue(this.client ?? this.#buildClient());
    }
    if (changed.has('locale')) {
      // Without `locale`, widgets fall back to the nearest `lang` attribute, the provider's included.
      this.#locale.setValue(this.locale || undefined);
    }
    if (changed.has('appearance')) {
      this.#appliedProperties = applyAppearance(this, this.appearance, this.#appliedProperties);
      this.#appearance.setValue(this.appearance);
    }
  }

  #buildClient(): EsrClient | undefined {
    if (!this.baseUrl) return undefined;
    // Rebuild only when the inputs really changed, so widgets do not refetch on unrelated updates.
    const key = `${this.baseUrl}\n${this.token}\n${this.getToken ? 'fn' : ''}`;
    if (key !== this.#builtFor || !this.#builtClient) {
      this.#builtFor = key;
      this.#builtClient = this.getToken
        ? createEsrClient({ baseUrl: this.baseUrl, getToken: async () => (await this.getToken?.()) ?? '' })
        : createEsrClient({ baseUrl: this.baseUrl, ...(this.token ? { token: this.token } : {}) });
    }
    return this.#builtClient;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esr-provider': EsrProvider;
  }
}
