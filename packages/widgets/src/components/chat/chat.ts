// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { chat, isKcHttpError, isKcNetworkError, kb, queue, type KcChatSession, type KcKbSearchResult } from '@kc/sdk';
import { KcElement } from '../../internal/kc-element.js';
import type { AlternativeChannel, LocalizedText, WidgetClient } from '../../internal/client.js';
import { sdkLocale } from '../../internal/create-client.js';
import { resolveLocale } from '../../internal/locale.js';
import { warnOnce } from '../../internal/warn.js';
import { safeHref } from '../../internal/url.js';
import { ALTERNATIVE_SCHEMES, channelItem } from '../../internal/help.js';
import type { StringsOverride } from '../../translations/translation.js';
import { tokenStyles } from '../../styles/tokens.js';
import { baseStyles } from '../../styles/base.js';
import styles from './chat.styles.js';
import { chatStrings, type ChatStrings } from './strings/index.js';
import { linkify } from './linkify.js';
import type { NoticeClock } from './queue-notice.js';
import { KcChatEndedEvent, KcChatStartedEvent, KcChatToggleEvent } from './events.js';
import type { ChatPort, Conversation } from './conversation.js';

type KbArticle = KcKbSearchResult['items'][number];
type View = 'kb' | 'consent' | 'starting' | 'session';
type Embed = { kind: 'callback' | 'rating'; state: 'loading' | 'ready' | 'failed' };
interface Announcement {
  id: number;
  text: string;
}

// The elements embedded only when needed: their chunks load then, never with the chat's first open.
const embeds = {
  callback: () => import('../../kc-callback.js'),
  rating: () => import('../../kc-rating.js'),
};

/**
 * The conversation's view (the queue, the message list, the composer, the end): loaded while the citizen reads the
 * consent notice, or when the tab has a chat to resume, never with the chat's first open.
 */
const conversation = () => import('./conversation.js');

const KB_DEBOUNCE = 400;
const KB_MIN = 3;
const PAGE = 100;
let announcementIds = 0;

/**
 * The `<kc-chat>` elements on the page, in the order they connected. The tab has one chat session, so only the
 * first one is the chat: the others render nothing and follow nothing until it leaves the page, and then the next
 * one takes over and resumes the same conversation (a single-page app that renders its new page before removing
 * the old one). Two elements following one session would corrupt each other: both rewrite the tab's entry, and one
 * leaving stops the session the other shows when they share a client.
 */
const chats: KcChat[] = [];

/**
 * @summary The contact center's web chat: a launcher and a panel with knowledge-base answers, the queue with its
 * place and wait, the conversation with an operator, a callback offer, outages, the rating and the transcript.
 *
 * The launcher shows the number of unread messages; the panel is a non-modal dialog (focus goes to the first field
 * on open, Escape closes it and returns focus to the launcher, focus is never trapped). Before queueing, the
 * citizen's question brings knowledge-base answers as they type, with a clear way to reach an operator after a
 * short consent step (the notice comes from the server). In the queue, the place and the estimated wait are shown
 * live and announced with the free-waiting notice no more often than the configured interval (at least once a
 * minute, clause 12.2); when the wait passes the configured threshold or the center is closed, a callback
 * (`<kc-callback>`, loaded only then) and the other channels are offered. The conversation is a `log` whose new
 * messages are announced once through a polite region of their own, never the history restored after a reload
 * and never typing. Messages show sending / sent / delivered / read / not sent (with "send again"), and a message
 * written offline is kept on the device and sent once when the connection returns. Links are http(s) only, opened
 * with `rel="noopener noreferrer"`; every text from the server or the operator is rendered as text. When the chat
 * ends, `<kc-rating>` is loaded inline and the conversation can be saved as a file. The chat survives reloads and
 * navigation within the tab; nothing is stored in the browser before the citizen starts a chat.
 *
 * @event kc-chat-toggle - The panel opened or closed. `detail.open`.
 * @event kc-chat-started - The citizen started a chat. `detail.sessionId`.
 * @event kc-chat-ended - The chat ended. `detail.sessionId`, `detail.reason`.
 * @event kc-error - Something failed. `detail.error`, `detail.operation`.
 *
 * @csspart base - The wrapper of the launcher and the panel.
 * @csspart launcher - The button that opens the panel.
 * @csspart unread - The launcher's unread count.
 * @csspart panel - The dialog.
 * @csspart header - The panel's header (the center's name and whether it is open).
 * @csspart log - The message list.
 * @csspart message - One message (`data-author` tells whose).
 * @csspart input - The message field.
 * @csspart send-button - The send button.
 * @csspart queue - The queue's place, wait and waiting notice.
 * @csspart offer - The callback and other-channel offer.
 * @csspart outage - The outage notice.
 * @csspart offline - The notice shown while the browser has no connection.
 * @csspart typing - "The operator is typing".
 * @csspart inactivity - The inactivity warning.
 * @csspart help - The contact center's channels, last in the element and the same in every kc element (WCAG 3.2.6).
 *
 * @cssproperty --kc-chat-accent - The launcher's and the citizen's messages' colour. Default: `--kc-color-accent`.
 * @cssproperty --kc-chat-surface - The panel's background. Default: `--kc-color-surface`.
 * @cssproperty --kc-chat-width - The panel's width on wide screens. Default: `24rem` (of `--kc-rem`).
 * @cssproperty --kc-chat-height - The panel's height on wide screens. Default: `min(40rem, 100dvh - 6rem)`.
 * @cssproperty --kc-chat-offset - The distance from the viewport's edges. Default: `1rem`.
 * @cssproperty --kc-chat-z-index - The stacking order. Default: `2147483000`.
 *
 * @cssstate open - The panel is open.
 * @cssstate offline - The browser has no connection.
 *
 * @example
 * <kc-chat base-url="https://kc.example.kz/api/v1" lang="kk" position="bottom-end"></kc-chat>
 */
export class KcChat extends KcElement {
  static override styles = [tokenStyles, baseStyles, styles];

  /**
   * Where the launcher and the panel sit: `bottom-end` (right in left-to-right pages) or `bottom-start`.
   *
   * @default 'bottom-end'
   */
  @property({ reflect: true }) position: 'bottom-end' | 'bottom-start' = 'bottom-end';

  /** Whether the panel is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** A category id of the configuration that routes the chat (`social.pensions`). */
  @property() topic?: string;

  /**
   * How many messages the list renders at once; earlier ones come with "show earlier messages".
   *
   * @default 100
   */
  @property({ attribute: false }) pageSize = PAGE;

  /** @internal The timers of the queue notice (tests give fake ones); the real ones by default. */
  @property({ attribute: false }) clock?: NoticeClock;

  declare strings: StringsOverride & { chat?: Partial<ChatStrings> };

  @state() private view: View = 'kb';
  @state() private session?: KcChatSession;
  @state() private question = '';
  @state() private kbState?: { query: string; items?: KbArticle[]; error?: unknown };
  @state() private channel?: { openNow: boolean; nextOpeningAt: string | null };
  @state() private closedNow = false;
  @state() private offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  @state() private startError?: unknown;
  @state() private announcements: Announcement[] = [];
  @state() private embed?: Embed;
  @state() private unread = 0;
  @state() private startOutage?: LocalizedText;
  /** The client the embedded elements share, once resolved. */
  @state() private shared?: WidgetClient;

  @query('.launcher') private launcherButton?: HTMLButtonElement;

  #kbTimer?: ReturnType<typeof setTimeout>;
  #kbController?: AbortController;
  #kbRead = new Set<string>();
  #conversation?: Conversation;
  #focusAfterUpdate?: string;
  #resumed = false;
  #rated?: { subject: { kind: 'chat'; id: string }; auth: { chatToken: string } };

  /** The texts of this element in the current language, with the page's overrides. */
  protected get s(): ChatStrings {
    return chatStrings.for(this.t, this.strings.chat);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = chatStrings.ensure(resolveLocale(this, this.config?.defaultLocale));
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    chats.push(this);
    if (chats[0] !== this) {
      warnOnce(
        'chat-twice',
        'a second <kc-chat> is on the page: it stays hidden while the first one is there (the tab has one chat).',
      );
    }
    globalThis.addEventListener?.('online', this.#online);
    globalThis.addEventListener?.('offline', this.#online);
    void this.#resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('online', this.#online);
    globalThis.removeEventListener?.('offline', this.#online);
    this.#detach();
    // Back on the page (moved in the DOM), the chat is resumed and followed again.
    this.#resumed = false;
    clearTimeout(this.#kbTimer);
    this.#kbController?.abort();
    const at = chats.indexOf(this);
    if (at >= 0) chats.splice(at, 1);
    // The next chat on the page takes over the tab's chat, now that this one no longer follows it.
    if (at === 0 && chats[0]) {
      chats[0].requestUpdate();
      void chats[0].#resume();
    }
  }

  readonly #online = () => {
    const offline = navigator.onLine === false;
    if (offline === this.offline) return;
    this.offline = offline;
    if (offline && this.session) this.#announce(this.s.offline);
  };

  /** Resumes the chat this tab started on an earlier page (reads session storage only; stores nothing). */
  async #resume(): Promise<void> {
    if (this.#resumed || !this.hasClientSource || chats[0] !== this) return;
    this.#resumed = true;
    try {
      const module = chat(await this.getClient());
      if (!module.resumable) return;
      // The view first: a session resumed (and followed) with no view to show it would be left open.
      const { Conversation: View } = await conversation();
      const session = await module.resume({ onError: (e) => this.reportError(e, 'chat.watch') });
      if (session) this.#adopt(session, View);
    } catch (error) {
      this.#resumed = false;
      this.reportError(error, 'chat.resume');
    }
  }

  #adopt(session: KcChatSession, View: typeof Conversation): void {
    this.#detach();
    this.session = session;
    this.view = 'session';
    this.#conversation = new View(session, this.#port());
    this.unread = this.open ? 0 : session.unread;
  }

  /** What the conversation reaches of this element ({@link ChatPort}). */
  #port(): ChatPort {
    return {
      el: this,
      s: () => this.s,
      text: (value) => this.text(value),
      time: (value, options) => this.formatDateTime(value, options),
      config: () => this.config,
      report: (error, operation) => this.reportError(error, operation),
      announce: (text) => this.#announce(text),
      focus: (key) => (this.#focusAfterUpdate = key),
      arrived: () => {
        if (!this.open || document.visibilityState === 'hidden') this.unread++;
      },
      offer: (text) => this.#renderOffer(text),
      rich: (text) => this.#rich(text),
      ended: (reason, live) => this.#ended(reason, live),
      rating: (session) => this.#renderRating(session),
      newChat: () => this.#newChat(),
    };
  }

  /** Stops following the session; its last state stays on screen until another view replaces it. */
  #detach(): void {
    this.#conversation?.detach();
  }

  #ended(reason: string, live: boolean): void {
    if (live) {
      this.#announce(this.s.ended[reason as keyof ChatStrings['ended']] ?? this.s.ended.operator_closed);
      this.dispatchEvent(new KcChatEndedEvent({ sessionId: this.session!.id, reason }));
    }
    if (this.session?.ending?.ratingInvited !== false) void this.#load('rating');
  }

  /** Appends to the polite region: only added nodes are read, so each text is announced once. */
  #announce(text: string): void {
    if (!text) return;
    this.announcements = [...this.announcements.slice(-4), { id: ++announcementIds, text }];
  }

  // ---------------------------------------------------------------- opening and closing

  /** Opens the panel and moves focus into it. */
  show(): void {
    this.#toggle(true);
  }

  /** Closes the panel and returns focus to the launcher. */
  hide(): void {
    this.#toggle(false);
  }

  #toggle(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    this.dispatchEvent(new KcChatToggleEvent({ open }));
    if (open) {
      this.#focusAfterUpdate = 'field';
      void this.#firstOpen();
    } else {
      this.#focusAfterUpdate = 'launcher';
    }
  }

  #opened = false;

  async #firstOpen(): Promise<void> {
    this.unread = 0;
    void this.session?.markRead().catch(() => undefined);
    if (this.#opened) return;
    this.#opened = true;
    // The panel's header tells when the center opens: the page's first date formatter (the browser's locale data,
    // ~10 ms on a desktop, four times that on a phone) is made once the panel has been painted, while the queue's
    // status is on the way, rather than after it arrived.
    requestAnimationFrame(() => setTimeout(() => this.formatDateTime(Date.now())));
    try {
      const status = await queue(await this.getClient()).status();
      const c = status.channels.find((x) => x.channel === 'chat');
      if (c) {
        this.channel = { openNow: c.openNow, nextOpeningAt: c.nextOpeningAt };
        this.closedNow = !c.openNow;
      }
    } catch (error) {
      this.#opened = false;
      this.reportError(error, 'queue.status');
    }
  }

  #keydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.hide();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A provider's client may arrive after the element connected.
    if (changed.has('contextClient' as keyof KcChat) || changed.has('client') || changed.has('baseUrl'))
      void this.#resume();
    if (changed.has('pageSize') && this.#conversation) this.#conversation.shown = Math.max(1, this.pageSize);
    if (changed.has('open') && this.open && changed.get('open') === false) this.#focusAfterUpdate ??= 'field';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const focus = this.#focusAfterUpdate;
    this.#focusAfterUpdate = undefined;
    if (focus === 'launcher') this.launcherButton?.focus();
    else if (focus) {
      const target = this.renderRoot.querySelector<HTMLElement>(`[data-focus="${focus}"]`) ?? this.#field();
      // At the next frame, whose layout the focus then shares: focusing now would lay the page out at once, in the
      // same task as the click that opened the panel and its first render.
      if (target) requestAnimationFrame(() => target.isConnected && target.focus());
    }
    this.#conversation?.updated();
    if (this.open && this.session && document.visibilityState !== 'hidden' && this.session.unread > 0) {
      void this.session.markRead().catch(() => undefined);
    }
    this.toggleState('open', this.open);
    this.toggleState('offline', this.offline);
  }

  #field(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.panel textarea, .panel input, .panel button:not(.hide)');
  }

  /** Sets or clears a custom state (`:state(open)`) where the browser has them. */
  private toggleState(name: string, on: boolean): void {
    const states = (this.#internals ??= this.#attachInternals())?.states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Browsers with the older `--name` syntax only: styling by attribute still works.
    }
  }

  #internals?: ElementInternals | null;
  #attachInternals(): ElementInternals | null {
    try {
      return this.attachInternals();
    } catch {
      return null;
    }
  }

  // ---------------------------------------------------------------- knowledge base

  #questionInput(event: Event): void {
    this.question = (event.target as HTMLTextAreaElement).value;
    clearTimeout(this.#kbTimer);
    const q = this.question.trim();
    if (q.length < KB_MIN) {
      this.#kbController?.abort();
      this.kbState = undefined;
      return;
    }
    this.#kbTimer = setTimeout(() => void this.#search(q), KB_DEBOUNCE);
  }

  async #search(q: string): Promise<void> {
    this.#kbController?.abort();
    const controller = (this.#kbController = new AbortController());
    this.kbState = { query: q };
    try {
      const result = await kb(await this.getClient()).search(q.slice(0, 200), {
        locale: sdkLocale(this.locale),
        limit: 5,
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      this.kbState = { query: q, items: result.items };
      this.#announce(result.items.length ? this.s.kbFound(result.items.length) : this.s.kbNone);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.kbState = { query: q, error };
    }
  }

  #toAgent(): void {
    this.view = 'consent';
    this.#focusAfterUpdate = 'consent';
    // The conversation's code loads while the citizen reads the consent notice.
    void this.getClient().then(
      (client) => chat(client).prepare(),
      () => undefined,
    );
    void conversation().catch(() => undefined);
  }

  // ---------------------------------------------------------------- starting

  async #start(): Promise<void> {
    const config = this.config;
    if (!config) return;
    this.view = 'starting';
    this.startError = undefined;
    this.startOutage = undefined;
    try {
      const question = this.question.trim();
      // The view first: a chat is not started that this page could not show.
      const { Conversation: View } = await conversation();
      const session = await chat(await this.getClient()).start({
        language: sdkLocale(this.locale),
        consent: { given: true, version: config.privacy.version },
        ...(this.topic && { topic: this.topic }),
        ...(this.#kbRead.size && { kbArticleIds: [...this.#kbRead] }),
        ...(question && { firstMessage: question.slice(0, config.chat?.maxMessageLength ?? 10_000) }),
        onError: (e) => this.reportError(e, 'chat.watch'),
      });
      this.question = '';
      this.kbState = undefined;
      this.#adopt(session, View);
      this.#focusAfterUpdate = 'field';
      this.dispatchEvent(new KcChatStartedEvent({ sessionId: session.id }));
    } catch (error) {
      this.view = 'kb';
      if (isKcHttpError(error) && error.code === 'center_closed') {
        this.closedNow = true;
        const next = (error.problem as { nextOpeningAt?: string } | undefined)?.nextOpeningAt ?? null;
        this.channel = { openNow: false, nextOpeningAt: next };
        this.#focusAfterUpdate = 'offer';
      } else if (isKcHttpError(error) && error.code === 'outage') {
        this.startOutage = { kk: error.title ?? '', ru: error.title ?? '', en: error.title ?? '' };
        this.#focusAfterUpdate = 'offer';
      } else {
        this.startError = error;
        this.reportError(error, 'chat.start');
        this.#focusAfterUpdate = 'start-error';
      }
    }
  }

  // ---------------------------------------------------------------- after a chat

  #newChat(): void {
    this.#detach();
    this.#conversation = undefined;
    if (this.session) void this.getClient().then((client) => chat(client).forget());
    this.session = undefined;
    this.embed = undefined;
    this.view = 'kb';
    this.#focusAfterUpdate = 'field';
  }

  async #load(kind: Embed['kind']): Promise<void> {
    if (this.embed?.kind === kind && this.embed.state !== 'failed') return;
    this.embed = { kind, state: 'loading' };
    try {
      this.shared = await this.getClient();
      await embeds[kind]();
      if (this.embed?.kind === kind) this.embed = { kind, state: 'ready' };
      if (kind === 'callback') this.#focusAfterUpdate = 'embed';
    } catch (error) {
      if (this.embed?.kind === kind) this.embed = { kind, state: 'failed' };
      this.reportError(error, `chat.${kind}`);
    }
  }

  // ---------------------------------------------------------------- rendering

  #rich(text: string): TemplateResult[] {
    return linkify(text).map((part) =>
      part.href
        ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>`
        : html`${part.text}`,
    );
  }

  protected override render(): TemplateResult | typeof nothing {
    // A second chat on the page waits, unseen, for the first one to leave.
    if (chats[0] !== this) return nothing;
    const s = this.s;
    const unread = this.unread;
    const launcherName = unread ? s.launcherUnread(unread) : s.launcher;
    return html`<div class="base" part="base">
      <div class="kc-visually-hidden live" aria-live="polite">
        ${repeat(
          this.announcements,
          (a) => a.id,
          (a) => html`<p>${a.text}</p>`,
        )}
      </div>
      ${this.open ? this.#renderPanel() : nothing}
      <button
        class="launcher"
        part="launcher"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        aria-label=${launcherName}
        @click=${() => this.#toggle(!this.open)}
      >
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linejoin="round"
          />
        </svg>
        <span class="launcher-label" aria-hidden="true">${s.launcher}</span>
        ${unread ? html`<span class="unread" part="unread" aria-hidden="true">${unread}</span>` : nothing}
      </button>
    </div>`;
  }

  #renderPanel(): TemplateResult {
    const s = this.s;
    const config = this.config;
    const name = config ? this.text(config.name) : s.title;
    const channel = this.channel;
    const state =
      channel === undefined
        ? nothing
        : channel.openNow
          ? s.openNow
          : channel.nextOpeningAt
            ? s.opensAt(this.formatDateTime(channel.nextOpeningAt))
            : s.closedNow;
    return html`<section
      id="panel"
      class="panel"
      part="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="title"
      @keydown=${this.#keydown}
    >
      <header class="header" part="header">
        <div class="heading">
          <h2 id="title" class="title">${name}</h2>
          ${
            state === nothing
              ? nothing
              : html`<p class="state" data-open=${channel?.openNow ? 'true' : 'false'}>${state}</p>`
          }
        </div>
        <button class="kc-button hide" type="button" aria-label=${s.hide} @click=${() => this.hide()}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 12h12" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </header>
      ${this.offline ? html`<p class="offline" part="offline">${s.offline}</p>` : nothing}
      <div class="body">${this.#renderView()} ${this.renderHelp()}</div>
    </section>`;
  }

  #renderView(): TemplateResult {
    switch (this.view) {
      case 'consent':
        return this.#renderConsent();
      case 'starting':
        return html`<p class="starting" role="status">${this.s.starting}</p>`;
      case 'session':
        return this.#conversation?.render() ?? this.#renderKb();
      default:
        return this.#renderKb();
    }
  }

  #renderKb(): TemplateResult {
    const s = this.s;
    const kbState = this.kbState;
    const closed = this.closedNow;
    return html`<div class="kb">
      <label class="label" for="question">${s.kbLabel}</label>
      <p class="hint" id="question-hint">${s.kbIntro}</p>
      <textarea
        id="question"
        data-focus="field"
        rows="2"
        maxlength="200"
        aria-describedby="question-hint"
        .value=${this.question}
        @input=${this.#questionInput}
      ></textarea>
      ${kbState ? this.#renderKbResults(kbState) : nothing}
      ${
        this.startOutage
          ? html`<div
              class="outage"
              part="outage"
              role="region"
              aria-labelledby="start-outage"
              tabindex="-1"
              data-focus="offer"
            >
              <h3 id="start-outage">${s.outageHeading}</h3>
              <p>${this.text(this.startOutage)}</p>
              ${this.#renderChannels(4)}
            </div>`
          : nothing
      }
      ${
        this.startError
          ? html`<div class="kc-error" role="alert" tabindex="-1" data-focus="start-error">
              <p class="kc-error__heading">${s.startFailed}</p>
              <p class="kc-error__message">
                ${isKcNetworkError(this.startError) ? this.t.common.errorNetwork : this.t.common.errorUnknown}
              </p>
            </div>`
          : nothing
      }
      ${closed ? this.#renderOffer(s.closedOffer) : nothing}
      <button
        class="kc-button kc-button--primary agent"
        type="button"
        ?disabled=${!this.config}
        @click=${() => this.#toAgent()}
      >
        ${s.askOperator}
      </button>
    </div>`;
  }

  #renderKbResults(state: { query: string; items?: KbArticle[]; error?: unknown }): TemplateResult {
    const s = this.s;
    if (state.error) return html`<p class="kb-status">${this.t.common.errorNetwork}</p>`;
    if (!state.items) return html`<p class="kb-status">${s.kbSearching}</p>`;
    if (state.items.length === 0) return html`<p class="kb-status">${s.kbNone}</p>`;
    return html`<ul class="answers" aria-label=${s.kbFound(state.items.length)}>
      ${state.items.map((article) => {
        const href = safeHref(article.url);
        return html`<li>
          <details @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && this.#kbRead.add(article.id)}>
            <summary>${this.text(article.title)}</summary>
            <p class="summary">${this.#rich(this.text(article.summary))}</p>
            <p class="article">${this.#rich(this.text(article.body))}</p>
            ${href ? html`<p><a href=${href} target="_blank" rel="noopener noreferrer">${s.kbMore}</a></p>` : nothing}
          </details>
        </li>`;
      })}
    </ul>`;
  }

  #renderConsent(): TemplateResult {
    const s = this.s;
    const privacy = this.config?.privacy;
    const href = safeHref(privacy?.url);
    return html`<div class="consent">
      <h3 id="consent-heading" tabindex="-1" data-focus="consent">${s.consentHeading}</h3>
      ${
        privacy
          ? html`<p>${this.text(privacy.text)}</p>
              <p class="small">${this.text(privacy.purpose)} ${this.text(privacy.retention)}</p>
              ${
                href
                  ? html`<p class="small">
                      <a href=${href} target="_blank" rel="noopener noreferrer">${s.consentNotice}</a>
                    </p>`
                  : nothing
              }`
          : nothing
      }
      <div class="actions">
        <button
          class="kc-button"
          type="button"
          @click=${() => ((this.view = 'kb'), (this.#focusAfterUpdate = 'field'))}
        >
          ${s.back}
        </button>
        <button class="kc-button kc-button--primary" type="button" @click=${() => void this.#start()}>
          ${s.consentAccept}
        </button>
      </div>
    </div>`;
  }

  #renderOffer(text: string): TemplateResult {
    const s = this.s;
    const embed = this.embed;
    const session = this.session;
    const topic = session?.info.topic ?? this.topic;
    return html`<div
      class="offer"
      part="offer"
      role="region"
      aria-labelledby="offer-text"
      tabindex="-1"
      data-focus="offer"
    >
      <p id="offer-text">${text}</p>
      ${
        embed?.kind === 'callback' && embed.state === 'ready'
          ? html`<kc-callback
              data-focus="embed"
              .client=${this.shared}
              .headingLevel=${4}
              .categoryId=${topic}
              .topic=${this.#topicName(topic)}
              .chatSessionId=${session?.id}
            ></kc-callback>`
          : html`<button
              class="kc-button kc-button--primary"
              type="button"
              ?disabled=${embed?.kind === 'callback' && embed.state === 'loading'}
              @click=${() => void this.#load('callback')}
            >
              ${s.requestCallback}
            </button>`
      }
      ${embed?.kind === 'callback' && embed.state === 'failed' ? html`<p>${s.callbackUnavailable}</p>` : nothing}
      ${this.#renderChannels()}
    </div>`;
  }

  /** The name of a category of the classifier, in the current language. */
  #topicName(id: string | null | undefined): string {
    const category = id ? this.config?.appeals.categories.find((c) => c.id === id) : undefined;
    return category ? this.text(category.name) : '';
  }

  #renderChannels(level: 3 | 4 = 3): TemplateResult | typeof nothing {
    const channels = this.config?.channels ?? [];
    if (!channels.length) return nothing;
    const heading = this.s.otherChannels;
    return html`${
        level === 3
          ? html`<h3 class="channels-heading">${heading}</h3>`
          : html`<h4 class="channels-heading">${heading}</h4>`
      }
      <ul class="channels">
        ${channels.map((c) => this.#renderAlternative(c))}
      </ul>`;
  }

  #renderAlternative(alternative: Partial<AlternativeChannel> & Pick<AlternativeChannel, 'label'>): TemplateResult {
    return channelItem(alternative, this.text(alternative.label), ALTERNATIVE_SCHEMES);
  }

  /** The rating of an ended chat, once its element has loaded. */
  #renderRating(session: KcChatSession): TemplateResult | typeof nothing {
    const embed = this.embed;
    if (embed?.kind !== 'rating') return nothing;
    if (embed.state === 'failed') return html`<p>${this.s.ratingUnavailable}</p>`;
    if (embed.state !== 'ready') return nothing;
    // The same objects on every render, so that the rating does not see a new subject each time.
    const rated = (this.#rated =
      this.#rated?.subject.id === session.id
        ? this.#rated
        : { subject: { kind: 'chat' as const, id: session.id }, auth: { chatToken: session.token } });
    return html`<kc-rating
      .client=${this.shared}
      .headingLevel=${3}
      .subject=${rated.subject}
      .auth=${rated.auth}
    ></kc-rating>`;
  }
}
