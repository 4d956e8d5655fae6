// SPDX-License-Identifier: MIT
import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { KcElement } from '../../internal/kc-element.js';
import { clientContext, configContext, type ConfigState } from '../../internal/client.js';

/**
 * @summary Shares one client and the contact center's configuration with every kc element inside it.
 *
 * Put the widgets of a page inside one provider: they then make one client between them (one outbox, one
 * event stream per resource) and fetch the configuration once. The client is the `client` property when the page
 * sets one, else one made from `base-url`, else the client of an enclosing provider. `lang` on the provider is the
 * language of everything inside it that has no `lang` of its own. The provider takes no space (`display: contents`).
 *
 * @slot - The kc elements (and anything else) that use this provider.
 * @event kc-error - Making the client or loading the configuration failed.
 *
 * @example
 * <kc-provider base-url="https://kc.example.kz/api/v1" lang="kk">
 *   <kc-outage-banner></kc-outage-banner>
 *   <kc-chat></kc-chat>
 * </kc-provider>
 */
export class KcProvider extends KcElement {
  protected static override requiresConfig = true;

  static override styles = css`
    @layer kc {
      :host {
        display: contents;
      }
    }
  `;

  readonly #clientProvider = new ContextProvider(this, { context: clientContext });
  readonly #configProvider = new ContextProvider(this, { context: configContext });

  // A provider shows no text: it shares its client at once instead of waiting for a catalog like other elements.
  protected override scheduleUpdate(): void {
    this.performUpdate();
  }

  protected override shouldUpdate(): boolean {
    return true;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('client') || changed.has('baseUrl') || changed.has('contextClient')) this.#shareClient();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const { value, error } = this.configTask;
    const shared = this.#configProvider.value;
    if (!this.hasClientSource) {
      if (shared !== undefined) this.#configProvider.setValue(undefined);
    } else if (shared === undefined || shared.value !== value || shared.error !== error) {
      const state: ConfigState = { value, error, retry: () => void this.configTask.run() };
      this.#configProvider.setValue(state);
    }
  }

  #shareClient(): void {
    if (!this.hasClientSource) {
      this.#clientProvider.setValue(undefined);
      return;
    }
    const client = this.guard('client.create', () => this.getClient());
    // Descendants handle a failure through the promise; this keeps it from being reported as unhandled.
    client.catch(() => undefined);
    this.#clientProvider.setValue(client);
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
