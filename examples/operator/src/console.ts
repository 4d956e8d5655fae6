// SPDX-License-Identifier: MIT
/**
 * `<kc-operator-console>`: sign-in with an operator token, the sections of the console, and the operator event
 * stream that keeps them live.
 *
 * @packageDocumentation
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Category, Locale, OperatorEvent } from '@kc/contract';
import { OperatorApi, type StreamState } from './api.js';
import { STRINGS, type Strings } from './i18n.js';
import { describeError, type Panel } from './panel.js';
import './chats.js';
import './complaints.js';
import './sections.js';

const TOKEN_KEY = 'kc-operator-token';
const LANG_KEY = 'kc-operator-lang';
const TABS = ['chats', 'complaints', 'outages', 'callbacks', 'report'] as const;
type Tab = (typeof TABS)[number];

function storedLocale(): Locale {
  const v = localStorage.getItem(LANG_KEY);
  return v === 'kk' || v === 'ru' || v === 'en' ? v : 'ru';
}

/**
 * The operator console. The token lives in `sessionStorage` of this tab only (never in a URL) and is removed on
 * sign-out.
 *
 * @example
 * ```html
 * <kc-operator-console api-base="/api/v1"></kc-operator-console>
 * ```
 */
@customElement('kc-operator-console')
export class KcOperatorConsole extends LitElement {
  /** Where the API is. @default '/api/v1' */
  @property({ attribute: 'api-base' }) apiBase = '/api/v1';
  @state() private api: OperatorApi | undefined;
  @state() private locale: Locale = storedLocale();
  @state() private tab: Tab = 'chats';
  @state() private stream: StreamState = 'connecting';
  @state() private signInError = '';
  @state() private categories: readonly Category[] = [];
  #abort: AbortController | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private get s(): Strings {
    return STRINGS[this.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.locale;
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) void this.signIn(token, false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  private async signIn(token: string, interactive: boolean): Promise<void> {
    const api = new OperatorApi(this.apiBase, token);
    try {
      await api.chats({ status: 'queued' });
    } catch (error) {
      sessionStorage.removeItem(TOKEN_KEY);
      if (interactive) this.signInError = describeError(error, this.s);
      if (interactive && (error as { status?: number }).status === 401) this.signInError = this.s.signIn.rejected;
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    this.signInError = '';
    this.api = api;
    this.categories = (await api.config().catch(() => undefined))?.appeals.categories ?? [];
    await this.updateComplete;
    await Promise.all(this.panels().map((p) => p.reload()));
    this.#abort = new AbortController();
    void api.watch(
      (event) => this.dispatch(event),
      (state) => {
        this.stream = state;
        if (state === 'unauthorized') this.signOut(this.s.stream.unauthorized);
      },
      this.#abort.signal,
    );
    this.querySelector<HTMLElement>('h1')?.focus();
  }

  private signOut(message = ''): void {
    this.#abort?.abort();
    this.#abort = undefined;
    sessionStorage.removeItem(TOKEN_KEY);
    this.api = undefined;
    this.signInError = message;
  }

  private panels(): Panel[] {
    return [...this.querySelectorAll<Panel>('[data-panel]')];
  }

  private dispatch(event: OperatorEvent): void {
    for (const panel of this.panels()) {
      if (event.event === 'reset') void panel.reload();
      else panel.handleEvent(event);
    }
  }

  private onSignIn(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const token = new FormData(form).get('token');
    if (typeof token === 'string' && token.trim()) void this.signIn(token.trim(), true);
    form.reset();
  }

  private onLang(e: Event): void {
    this.locale = (e.target as HTMLSelectElement).value as Locale;
    localStorage.setItem(LANG_KEY, this.locale);
    document.documentElement.lang = this.locale;
  }

  private onTabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    this.tab = TABS[(next + TABS.length) % TABS.length]!;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  }

  private renderHeader(): TemplateResult {
    const s = this.s;
    return html`<header class="top">
      <h1 tabindex="-1">${s.title}</h1>
      <label class="lang"
        >${s.language}
        <select @change=${(e: Event) => this.onLang(e)}>
          ${(['kk', 'ru', 'en'] as const).map(
            (l) =>
              html`<option value=${l} ?selected=${l === this.locale}>
                ${{ kk: 'Қазақша', ru: 'Русский', en: 'English' }[l]}
              </option>`,
          )}
        </select></label
      >
      ${
        this.api
          ? html`<p class="stream" role="status">${s.stream[this.stream]}</p>
              <button type="button" class="signout" @click=${() => this.signOut()}>${s.signIn.signOut}</button>`
          : nothing
      }
    </header>`;
  }

  protected override render(): TemplateResult {
    const s = this.s;
    if (!this.api) {
      return html`${this.renderHeader()}
        <main>
          <form class="signin" @submit=${(e: SubmitEvent) => this.onSignIn(e)}>
            <h2>${s.signIn.heading}</h2>
            <label for="kc-token">${s.signIn.token}</label>
            <input
              id="kc-token"
              name="token"
              type="password"
              autocomplete="off"
              required
              aria-describedby="kc-token-hint"
            />
            <p id="kc-token-hint" class="hint">${s.signIn.hint}</p>
            <p class="error" role="alert">${this.signInError}</p>
            <button type="submit">${s.signIn.submit}</button>
          </form>
        </main>`;
    }
    const common = { api: this.api, locale: this.locale, categories: this.categories };
    return html`${this.renderHeader()}
      <nav aria-label=${s.nav.label}>
        <div role="tablist" aria-label=${s.nav.label} @keydown=${(e: KeyboardEvent) => this.onTabKey(e)}>
          ${TABS.map(
            (t) =>
              html`<button
                type="button"
                role="tab"
                id="tab-${t}"
                aria-controls="panel-${t}"
                aria-selected=${t === this.tab ? 'true' : 'false'}
                tabindex=${t === this.tab ? 0 : -1}
                @click=${() => (this.tab = t)}
              >
                ${s.nav[t]}
              </button>`,
          )}
        </div>
      </nav>
      <main>
        <kc-op-chats
          data-panel
          id="panel-chats"
          role="tabpanel"
          aria-labelledby="tab-chats"
          ?hidden=${this.tab !== 'chats'}
          .api=${common.api}
          .locale=${common.locale}
          .categories=${common.categories}
        ></kc-op-chats>
        <kc-op-complaints
          data-panel
          id="panel-complaints"
          role="tabpanel"
          aria-labelledby="tab-complaints"
          ?hidden=${this.tab !== 'complaints'}
          .api=${common.api}
          .locale=${common.locale}
          .categories=${common.categories}
        ></kc-op-complaints>
        <kc-op-outages
          data-panel
          id="panel-outages"
          role="tabpanel"
          aria-labelledby="tab-outages"
          ?hidden=${this.tab !== 'outages'}
          .api=${common.api}
          .locale=${common.locale}
        ></kc-op-outages>
        <kc-op-callbacks
          data-panel
          id="panel-callbacks"
          role="tabpanel"
          aria-labelledby="tab-callbacks"
          ?hidden=${this.tab !== 'callbacks'}
          .api=${common.api}
          .locale=${common.locale}
        ></kc-op-callbacks>
        <kc-op-report
          data-panel
          id="panel-report"
          role="tabpanel"
          aria-labelledby="tab-report"
          ?hidden=${this.tab !== 'report'}
          .api=${common.api}
          .locale=${common.locale}
        ></kc-op-report>
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kc-operator-console': KcOperatorConsole;
  }
}
