// SPDX-License-Identifier: MIT
import { LitElement, html, type nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { KcErrorEvent } from '../events/kc-error.js';
import { getLoadedCatalog, loadCatalog } from '../translations/index.js';
import type { StringsOverride, Translation } from '../translations/translation.js';
import {
  clientContext,
  configContext,
  configOf,
  ensureContextRoot,
  type Config,
  type ConfigState,
  type LocalizedText,
  type WidgetClient,
} from './client.js';
import { createClientFor, sdkLocale } from './create-client.js';
import { describeError, isAbort, KcNoClientError } from './errors.js';
import { renderHelp } from './help.js';
import { DEFAULT_TIME_ZONE, formatDateTime, formatNumber } from './format.js';
import {
  firstLanguageWait,
  observeLang,
  pageLocale,
  resolveLocale,
  unobserveLang,
  type LangListener,
} from './locale.js';
import { VERSION } from './version.js';
import { warnOnce } from './warn.js';

/** The closest ancestor of `element` matching `selector`, looking through the shadow roots it is in. */
function closestComposed(element: Element, selector: string): Element | null {
  for (let node: Element | null = element; node;) {
    const hit = node.closest(selector);
    if (hit) return hit;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * Wakes an element waiting for its first language (see `KcElement.scheduleUpdate`) whenever something changes. A
 * map, not a private field: Lit asks for an update from its constructor, before the fields exist.
 */
const wakers = new WeakMap<object, () => void>();

/** Called with every error an element reports, besides the `kc-error` event. */
export type ErrorCallback = (error: unknown, operation: string) => void;

/**
 * The base of every kc element. It gives a subclass:
 *
 * - **a client**: {@link getClient} returns the `client` property, else the client of the closest `<kc-provider>`
 *   (Lit context), else one made from the element's own `base-url` on first use;
 * - **the configuration**: {@link config}, from the provider or fetched once per client, and
 *   {@link configTask} to render its loading and error states when the element cannot work without it;
 * - **the language**: {@link locale} and the catalog {@link t} (with the page's `strings` overrides merged in),
 *   resolved from `lang` on the element, its closest ancestor (crossing shadow roots), `<html lang>`, then the
 *   browser's languages, then the center's `defaultLocale`, then Kazakh; the element re-renders when any of these
 *   change, and its shadow root's top elements carry `lang` and `dir` so that screen readers pick the right voice.
 *   When only the configuration can tell the language (no `lang` on the page, no browser language kc has), the
 *   first render waits for it (or its failure), so that no text shows in a language about to be replaced;
 * - **formatting** in the center's time zone: {@link formatDateTime}, {@link formatNumber}, {@link text};
 * - **errors**: {@link guard} wraps a call, {@link reportError} dispatches `kc-error` and calls `onError`, and
 *   {@link renderError} shows an accessible error with a retry button. Nothing is thrown into the page.
 *
 * @cssproperty --kc-color-* - Colours; see the README for the full list.
 * @cssproperty --kc-font-family - The font; the page's font when unset.
 * @event kc-error - Something failed; `detail.error`, `detail.operation`.
 */
export class KcElement extends LitElement {
  /** The `@kc/widgets` version this class comes from; `define()` compares it. */
  static readonly kcVersion: string = VERSION;

  /**
   * Whether the element cannot work without the configuration: a failure to load it is then reported as
   * `kc-error`. Elements that only use it for the time zone and the default language leave this `false`.
   */
  protected static requiresConfig = false;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /**
   * The contact center's API root, used when no `client` is set and no `<kc-provider>` encloses the element.
   *
   * @example <kc-outage-banner base-url="https://kc.example.kz/api/v1"></kc-outage-banner>
   */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** A `@kc/sdk` client to use instead of the provider's or one made from `base-url`. */
  @property({ attribute: false }) client?: WidgetClient;

  /**
   * Replaces some of the element's texts, for mandated wording: `{ outageBanner: { dismiss: 'Close' } }`. Applies to
   * every language; switch it when the language changes if the wording differs.
   *
   * @default {}
   */
  @property({ attribute: false }) strings: StringsOverride = {};

  /** Called with every error the element reports, besides the `kc-error` event. */
  @property({ attribute: false }) onError?: ErrorCallback;

  /** `light` or `dark` to force a colour scheme; absent, the element follows the user's preference. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected contextClient?: Promise<WidgetClient>;

  @consume({ context: configContext, subscribe: true })
  @state()
  protected contextConfig?: ConfigState;

  /** Loads the configuration when no provider gives it. Render it when the element needs the configuration. */
  protected readonly configTask = new Task(this, {
    task: async ([, , , fromProvider], { signal }): Promise<Config | undefined> => {
      if (fromProvider) {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the provider's failure, as it was thrown
        if (fromProvider.error !== undefined) throw fromProvider.error;
        // While the provider loads it, wait: its next state changes the task's arguments and starts a new run.
        return fromProvider.value ?? new Promise<never>(() => undefined);
      }
      if (!this.hasClientSource) return undefined;
      const config = await this.guard(
        'config.get',
        // No signal: the SDK shares one request between all callers, and one caller leaving must not abort it.
        async () => configOf(await this.getClient()).get(),
        (this.constructor as typeof KcElement).requiresConfig,
      );
      signal.throwIfAborted();
      return config;
    },
    args: () => [...this.clientSource, this.contextConfig] as const,
  });

  #catalog?: Translation;
  #merged?: { catalog: Translation; strings: StringsOverride; result: Translation };
  #made?: { baseUrl: string; client: Promise<WidgetClient> };
  #madeClient?: WidgetClient;
  #failedLocale?: string;
  /** The client source the configuration was loaded for while the first render waited for its language. */
  #loadedFor?: readonly unknown[];
  /** Whether the wait for the first language ran out ({@link firstLanguageWait}). */
  #waitedEnough = false;
  /** Whether this element set `aria-busy` on itself while it waited. */
  #busy = false;
  readonly #langListener: LangListener = { langChanged: () => this.#localeMayHaveChanged() };

  /** The configuration: the provider's, or this element's own once loaded; `undefined` until then. */
  protected get config(): Config | undefined {
    return this.contextConfig?.value ?? this.configTask.value;
  }

  /** Loads the configuration again after a failure: the provider's when there is one, else this element's own. */
  protected retryConfig(): void {
    if (this.contextConfig) this.contextConfig.retry();
    else void this.configTask.run();
  }

  /** The contact center's IANA time zone (`Asia/Almaty` until the configuration says otherwise). */
  protected get timeZone(): string {
    return this.config?.schedule.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** The code of the catalog the element shows (`kk`, `ru`, `en`, or a registered one such as `kk-Latn`). */
  get locale(): string {
    return this.#catalog?.$code ?? this.#resolveLocale();
  }

  /**
   * The texts of the current language with the `strings` overrides applied. Only read it while rendering: the
   * element does not render before its catalog is loaded.
   */
  protected get t(): Translation {
    const catalog = this.#catalog;
    if (!catalog) throw new Error('[kc] the catalog is read before it is loaded');
    const merged = this.#merged;
    if (merged && merged.catalog === catalog && merged.strings === this.strings) return merged.result;
    const result: Translation = { ...catalog };
    for (const [section, overrides] of Object.entries(this.strings) as [keyof StringsOverride, object][]) {
      if (overrides) Object.assign(result, { [section]: { ...catalog[section], ...overrides } });
    }
    this.#merged = { catalog, strings: this.strings, result };
    return result;
  }

  /** Whether the element has a way to reach the contact center (a client, a provider or a `base-url`). */
  protected get hasClientSource(): boolean {
    return Boolean(this.client ?? this.contextClient ?? this.baseUrl);
  }

  /**
   * The client to call: `client`, else the provider's, else one made from `base-url` (once per URL).
   *
   * @throws {KcNoClientError} when there is none (and warns once in development).
   */
  protected getClient(): Promise<WidgetClient> {
    if (this.client) return Promise.resolve(this.client);
    if (this.contextClient) return this.contextClient;
    if (this.baseUrl) {
      if (this.#made?.baseUrl !== this.baseUrl) {
        const made = { baseUrl: this.baseUrl, client: createClientFor({ baseUrl: this.baseUrl, locale: this.locale }) };
        this.#made = made;
        made.client.then(
          (client) => {
            if (this.#made === made) this.#madeClient = client;
          },
          () => undefined,
        );
      }
      return this.#made.client;
    }
    // Inside a <kc-provider> whose code has not loaded yet (the loader fetches each tag's chunk as it appears):
    // wait. Once it upgrades, its client arrives through the context and the caller's task runs again.
    if (customElements.get('kc-provider') === undefined && closestComposed(this, 'kc-provider')) {
      return new Promise<never>(() => undefined);
    }
    warnOnce(
      'no-client',
      `<${this.localName}> has no client: put it inside <kc-provider base-url="…">, give it a base-url attribute, or set its client property.`,
    );
    return Promise.reject(new KcNoClientError());
  }

  /**
   * The values a `Task` of this element should depend on so that it runs again when the client changes: spread
   * them into its `args`.
   *
   * @example
   * task = new Task(this, { task: …, args: () => [...this.clientSource, this.trackingNumber] });
   */
  protected get clientSource(): readonly [
    WidgetClient | undefined,
    Promise<WidgetClient> | undefined,
    string | undefined,
  ] {
    return [this.client, this.contextClient, this.baseUrl];
  }

  /** A server text in the current language; a plain string (text a person typed) as it is. */
  protected text(value: LocalizedText | string): string {
    return typeof value === 'string' ? value : value[this.t.$content];
  }

  /** An instant as date and time in the center's time zone and the current language (`23 ноября в 12:00 GMT+5`). */
  protected formatDateTime(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string {
    return formatDateTime(value, this.locale, this.timeZone, options);
  }

  /** A number in the current language's notation. */
  protected formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.locale, options);
  }

  /**
   * Runs `work`; if it fails, reports the failure (unless it was only cancelled) and rethrows it for the caller
   * (usually a `Task`, which then renders its error state).
   *
   * @param report - `false` to rethrow without reporting.
   */
  protected async guard<T>(operation: string, work: () => Promise<T>, report = true): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (report) this.reportError(error, operation);
      throw error;
    }
  }

  /**
   * Tells the page that something failed: dispatches `kc-error` and calls `onError`. Cancellations are not
   * failures and are ignored. Never throws.
   */
  protected reportError(error: unknown, operation: string): void {
    if (isAbort(error)) return;
    this.dispatchEvent(new KcErrorEvent({ error, operation }));
    try {
      this.onError?.(error, operation);
    } catch {
      warnOnce('on-error-threw', `the onError callback of <${this.localName}> threw; kc ignored it.`);
    }
  }

  /**
   * The in-place error state: what went wrong in plain words, and a button that calls `retry`. It is an alert, so
   * a screen reader announces it when it appears.
   *
   * @example
   * render() {
   *   return this.task.render({ error: (error) => this.renderError(error, () => void this.task.run()) });
   * }
   */
  protected renderError(error: unknown, retry?: () => void): TemplateResult {
    const t = this.t;
    return html`<div class="kc-error" part="error" role="alert">
      <p class="kc-error__heading">${t.common.errorHeading}</p>
      <p class="kc-error__message">${describeError(error, t)}</p>
      ${
        retry
          ? html`<button class="kc-button" part="retry-button" type="button" @click=${retry}>${t.common.retry}</button>`
          : null
      }
    </div>`;
  }

  /**
   * The help every widget shows last, the same in each (WCAG 3.2.6): the contact center's channels under
   * `common.help`; see `renderHelp` in `internal/help.ts`. An element that loads the configuration itself (and so
   * recovers from a failure with its own retry) passes what it got.
   */
  protected renderHelp(config = this.config): TemplateResult | typeof nothing {
    return renderHelp(this, config, this.t);
  }

  /** A polite "Loading…" for a task's pending state, for elements that show one. */
  protected renderLoading(): TemplateResult {
    return html`<p class="kc-loading" part="loading" role="status">${this.t.common.loading}</p>`;
  }

  override connectedCallback(): void {
    ensureContextRoot(this.ownerDocument);
    super.connectedCallback();
    observeLang(this, this.#langListener);
    this.#localeMayHaveChanged();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unobserveLang(this.#langListener);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.#localeMayHaveChanged();
  }

  // Every argument is passed on: Lit's standard decorators add their own after the documented three.
  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    super.requestUpdate(...args);
    wakers.get(this)?.();
  }

  // Waits for the catalog of the current language before each update, so that render() always has its texts, and
  // before the first one for the language itself when only the configuration can tell it.
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.#awaitsLanguage()) {
      // Then again from the most derived class, so that a subclass prepares its texts for the language now known.
      return this.#awaitLanguage().then(() => this.scheduleUpdate());
    }
    const code = this.#resolveLocale();
    const ready = getLoadedCatalog(code);
    if (ready) {
      this.#catalog = ready;
      return super.scheduleUpdate();
    }
    return loadCatalog(code).then(
      (catalog) => {
        this.#failedLocale = undefined;
        // Another update may have moved to a third language meanwhile; updated() then asks for one more.
        if (this.#resolveLocale() === code) this.#catalog = catalog;
        return super.scheduleUpdate();
      },
      (error: unknown) => {
        this.#failedLocale = code;
        warnOnce('catalog-failed', `the "${code}" texts could not be loaded; kc keeps the previous language.`);
        this.reportError(error, 'translations.load');
        return super.scheduleUpdate();
      },
    );
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    return this.#catalog !== undefined && super.shouldUpdate(changed);
  }

  protected override update(changed: PropertyValues): void {
    try {
      super.update(changed);
    } catch (error) {
      this.reportError(error, 'render');
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#busy) {
      this.#busy = false;
      this.removeAttribute('aria-busy');
    }
    const catalog = this.#catalog;
    if (!catalog) return;
    const wanted = this.#resolveLocale();
    if (wanted !== catalog.$code && wanted !== this.#failedLocale) this.requestUpdate();
    // A client this element made follows its language (`Accept-Language`); a client the page gave is the page's.
    if (this.#madeClient) this.#madeClient.locale = sdkLocale(catalog.$code);
    for (const child of this.renderRoot.children) {
      if (child.getAttribute('lang') !== catalog.$code) child.setAttribute('lang', catalog.$code);
      if (child.getAttribute('dir') !== catalog.$dir) child.setAttribute('dir', catalog.$dir);
    }
  }

  /**
   * Whether the first render must wait for the configuration: nothing on the page or in the browser names a
   * language kc has, and the configuration, whose `defaultLocale` would, is still on its way. Starts loading it, as
   * the task does not run before an update.
   */
  #awaitsLanguage(): boolean {
    if (this.hasUpdated || this.#waitedEnough || pageLocale(this)) return false;
    const fromProvider = this.contextConfig;
    if (fromProvider) return fromProvider.value === undefined && fromProvider.error === undefined;
    if (!this.hasClientSource) {
      // A <kc-provider> whose code has not loaded yet will give one; no client at all means no configuration.
      return customElements.get('kc-provider') === undefined && closestComposed(this, 'kc-provider') !== null;
    }
    const source = this.clientSource;
    if (!this.#loadedFor || source.some((value, i) => value !== this.#loadedFor?.[i])) {
      this.#loadedFor = source;
      // The task's next automatic run sees the same arguments and keeps this result.
      void this.configTask.run();
    }
    const status = this.configTask.status;
    return status !== TaskStatus.COMPLETE && status !== TaskStatus.ERROR;
  }

  /**
   * Waits, rendering nothing, until {@link awaitsLanguage} no longer holds: every change the element sees (the
   * configuration task's end, the provider's state, a `lang`) asks for an update, which wakes it. Gives up after
   * {@link firstLanguageWait}; the element then shows Kazakh until the configuration arrives.
   */
  async #awaitLanguage(): Promise<void> {
    if (!this.hasAttribute('aria-busy')) {
      this.#busy = true;
      this.setAttribute('aria-busy', 'true');
    }
    let wake!: () => void;
    const timer = setTimeout(() => {
      this.#waitedEnough = true;
      wake();
    }, firstLanguageWait.ms);
    try {
      while (this.#awaitsLanguage()) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          wakers.set(this, resolve);
        });
      }
    } finally {
      clearTimeout(timer);
      wakers.delete(this);
    }
  }

  #resolveLocale(): string {
    return resolveLocale(this, this.config?.defaultLocale);
  }

  #localeMayHaveChanged(): void {
    const wanted = this.#resolveLocale();
    if (wanted !== this.#catalog?.$code && (wanted !== this.#failedLocale || !this.#catalog)) this.requestUpdate();
  }
}
