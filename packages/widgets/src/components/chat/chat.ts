// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  chat,
  isKcHttpError,
  isKcNetworkError,
  kb,
  queue,
  type KcChatAttachment,
  type KcChatMessage,
  type KcChatSession,
  type KcKbSearchResult,
} from '@kc/sdk';
import { KcElement } from '../../internal/kc-element.js';
import type { AlternativeChannel, LocalizedText, WidgetClient } from '../../internal/client.js';
import { sdkLocale } from '../../internal/create-client.js';
import { resolveLocale } from '../../internal/locale.js';
import { warnOnce } from '../../internal/warn.js';
import { safeHref } from '../../internal/url.js';
import { channelItem } from '../../internal/help.js';
import type { StringsOverride } from '../../translations/translation.js';
import { tokenStyles } from '../../styles/tokens.js';
import { baseStyles } from '../../styles/base.js';
import styles from './chat.styles.js';
import { chatStrings, type ChatStrings } from './strings/index.js';
import { linkify } from './linkify.js';
import { QueueNotice, realClock, type NoticeClock, type QueueFacts } from './queue-notice.js';
import { KcChatEndedEvent, KcChatStartedEvent, KcChatToggleEvent } from './events.js';

type KbArticle = KcKbSearchResult['items'][number];
type View = 'kb' | 'consent' | 'starting' | 'session';
type Embed = { kind: 'callback' | 'rating'; state: 'loading' | 'ready' | 'failed' };
interface Upload {
  id: number;
  name: string;
  size: number;
  progress: number;
  attachment?: KcChatAttachment;
  failed?: boolean;
  controller: AbortController;
}
interface Announcement {
  id: number;
  text: string;
}

// The elements embedded only when needed: their chunks load then, never with the chat's first open.
const embeds = {
  callback: () => import('../../kc-callback.js'),
  rating: () => import('../../kc-rating.js'),
};

/** A time of day, as messages and the inactivity warning show it. */
const HHMM = { hour: '2-digit', minute: '2-digit' } as const;
const KB_DEBOUNCE = 400;
const KB_MIN = 3;
const PAGE = 100;
let uploadIds = 0;
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

  /** @internal The timers of the queue notice (tests give fake ones). */
  @property({ attribute: false }) clock: NoticeClock = realClock;

  declare strings: StringsOverride & { chat?: Partial<ChatStrings> };

  @state() private view: View = 'kb';
  @state() private session?: KcChatSession;
  @state() private revision = 0;
  @state() private question = '';
  @state() private kbState?: { query: string; items?: KbArticle[]; error?: unknown };
  @state() private channel?: { openNow: boolean; nextOpeningAt: string | null };
  @state() private closedNow = false;
  @state() private offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  @state() private startError?: unknown;
  @state() private announcements: Announcement[] = [];
  @state() private shown = PAGE;
  @state() private uploads: Upload[] = [];
  @state() private confirmingEnd = false;
  @state() private embed?: Embed;
  @state() private unread = 0;
  @state() private notice?: string;
  @state() private startOutage?: LocalizedText;
  /** The client the embedded elements share, once resolved. */
  @state() private shared?: WidgetClient;

  @query('.launcher') private launcherButton?: HTMLButtonElement;
  @query('.log') private logElement?: HTMLElement;

  #kbTimer?: ReturnType<typeof setTimeout>;
  #kbController?: AbortController;
  #kbRead = new Set<string>();
  #offs: (() => void)[] = [];
  #queueNotice?: QueueNotice;
  #focusAfterUpdate?: string;
  #stickToBottom = true;
  #resumed = false;
  #draft = '';
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
    this.#queueNotice?.stop();
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
      const session = await module.resume({ onError: (e) => this.reportError(e, 'chat.watch') });
      if (session) this.#adopt(session);
    } catch (error) {
      this.#resumed = false;
      this.reportError(error, 'chat.resume');
    }
  }

  #adopt(session: KcChatSession): void {
    this.#detach();
    this.session = session;
    this.view = 'session';
    this.#offs = [
      session.on('change', () => {
        this.revision++;
        this.#queueFacts();
      }),
      session.on('message', ({ message, live }) => {
        if (!live || message.author.kind === 'citizen') return;
        this.#announce(this.s.newMessage(this.#author(message), this.#plain(message.text)));
        if (!this.open || document.visibilityState === 'hidden') this.unread++;
      }),
      session.on('operator.joined', ({ operator }) => this.#say(this.s.joined(operator.displayName))),
      session.on('operator.left', ({ operator }) => this.#say(this.s.left(operator.displayName))),
      session.on('transferred', ({ to }) => this.#say(this.s.transferred(to?.displayName ?? null))),
      session.on('inactivity.warning', ({ closesAt }) =>
        this.#announce(this.s.inactivity(this.formatDateTime(closesAt, HHMM))),
      ),
      session.on('session.closed', ({ reason }) => this.#ended(reason)),
      session.on(
        'outage.notice',
        (outage) => outage.status !== 'resolved' && this.#announce(this.text(outage.message)),
      ),
    ];
    this.#queueFacts();
    if (session.status === 'closed') this.#ended(session.ending?.reason ?? 'citizen_closed', false);
    this.unread = this.open ? 0 : session.unread;
  }

  #detach(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
    this.session?.detach();
  }

  #say(text: string): void {
    this.notice = text;
    this.#announce(text);
  }

  #ended(reason: string, live = true): void {
    this.#queueNotice?.stop();
    this.confirmingEnd = false;
    if (live) {
      this.#announce(this.s.ended[reason as keyof ChatStrings['ended']] ?? this.s.ended.operator_closed);
      this.dispatchEvent(new KcChatEndedEvent({ sessionId: this.session!.id, reason }));
    }
    if (this.session?.ending?.ratingInvited !== false) void this.#load('rating');
  }

  /** Queue facts to the notice, which states them at most once per interval. */
  #queueFacts(): void {
    const session = this.session;
    if (!session || session.status !== 'queued') {
      this.#queueNotice?.stop();
      return;
    }
    const interval = (this.config?.waiting.announceIntervalSeconds ?? 60) * 1000;
    this.#queueNotice ??= new QueueNotice((facts) => this.#stateQueue(facts), interval, this.clock);
    this.#queueNotice.interval = interval;
    this.#queueNotice.update({ position: session.info.position, wait: session.info.estimatedWaitSeconds });
  }

  #queueText(facts: QueueFacts): string {
    const s = this.s;
    const wait = facts.wait === null ? s.queueWaitUnknown : s.queueWait(Math.max(1, Math.ceil(facts.wait / 60)));
    return `${s.queuePosition(facts.position)} ${wait}`;
  }

  #stateQueue(facts: QueueFacts): void {
    const waiting = this.config?.waiting;
    const free = waiting ? ` ${this.text(waiting.notice)}` : '';
    this.#announce(`${this.#queueText(facts)}${free}`);
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
    if (changed.has('pageSize')) this.shown = Math.max(1, this.pageSize);
    if (changed.has('open') && this.open && changed.get('open') === false) this.#focusAfterUpdate ??= 'field';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const focus = this.#focusAfterUpdate;
    this.#focusAfterUpdate = undefined;
    if (focus === 'launcher') this.launcherButton?.focus();
    else if (focus) (this.renderRoot.querySelector<HTMLElement>(`[data-focus="${focus}"]`) ?? this.#field())?.focus();
    const log = this.logElement;
    if (log && this.#stickToBottom) {
      log.scrollTop = log.scrollHeight;
      // Off-screen messages are laid out lazily (content-visibility): scroll again once they have their size.
      requestAnimationFrame(() => {
        if (this.#stickToBottom) log.scrollTop = log.scrollHeight;
      });
    }
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
      this.#adopt(session);
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

  // ---------------------------------------------------------------- conversation

  #composerKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.#send();
    }
  }

  #composerInput(event: Event): void {
    this.#draft = (event.target as HTMLTextAreaElement).value;
    this.session?.typing();
  }

  async #send(options: { text?: string; quickReplyId?: string } = {}): Promise<void> {
    const session = this.session;
    if (!session || session.status === 'closed') return;
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('.composer textarea');
    const text = (options.text ?? this.#draft).trim();
    const attachments = this.uploads.flatMap((u) => (u.attachment ? [u.attachment] : []));
    if (!text && attachments.length === 0) return;
    if (this.uploads.some((u) => !u.attachment && !u.failed)) return;
    if (!options.text && field) {
      field.value = '';
      this.#draft = '';
    }
    this.uploads = [];
    this.#stickToBottom = true;
    try {
      const message = await session.send(text || attachments.map((a) => a.fileName).join(', '), {
        attachments,
        ...(options.quickReplyId && { quickReplyId: options.quickReplyId }),
      });
      if (message.status === 'queued') this.#announce(this.s.savedOffline);
    } catch (error) {
      this.reportError(error, 'chat.send');
    }
  }

  async #retry(message: KcChatMessage): Promise<void> {
    try {
      await this.session?.retry(message.clientMessageId!);
    } catch (error) {
      this.reportError(error, 'chat.send');
    }
  }

  #attach(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const session = this.session;
    if (!session) return;
    const max = this.config?.attachments.maxCount ?? 5;
    for (const file of files.slice(0, Math.max(0, Math.min(5, max) - this.uploads.length))) {
      const upload: Upload = {
        id: ++uploadIds,
        name: file.name,
        size: file.size,
        progress: 0,
        controller: new AbortController(),
      };
      this.uploads = [...this.uploads, upload];
      const update = (patch: Partial<Upload>) =>
        (this.uploads = this.uploads.map((u) => (u.id === upload.id ? { ...u, ...patch } : u)));
      session.upload(file, { onProgress: (progress) => update({ progress }), signal: upload.controller.signal }).then(
        (attachment) => update({ attachment, progress: 1 }),
        (error: unknown) => {
          if (upload.controller.signal.aborted) return;
          update({ failed: true });
          this.#announce(this.s.uploadFailed(file.name));
          this.reportError(error, 'chat.upload');
        },
      );
    }
  }

  #removeUpload(upload: Upload): void {
    upload.controller.abort();
    this.uploads = this.uploads.filter((u) => u.id !== upload.id);
    this.#focusAfterUpdate = 'field';
  }

  async #end(): Promise<void> {
    try {
      await this.session?.close();
    } catch (error) {
      this.reportError(error, 'chat.close');
    }
  }

  async #transcript(): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      const blob = await session.transcript({ locale: sdkLocale(this.locale) });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = this.s.transcriptFile;
      a.rel = 'noopener';
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.reportError(error, 'chat.transcript');
    }
  }

  #newChat(): void {
    this.#detach();
    if (this.session) void this.getClient().then((client) => chat(client).forget());
    this.session = undefined;
    this.embed = undefined;
    this.notice = undefined;
    this.view = 'kb';
    this.shown = this.pageSize;
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

  #scrolled(): void {
    const log = this.logElement;
    if (log) this.#stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  }

  #earlier(): void {
    this.shown += this.pageSize;
    this.#stickToBottom = false;
    this.#focusAfterUpdate = 'earlier';
  }

  // ---------------------------------------------------------------- rendering

  #plain(text: string | LocalizedText): string {
    return typeof text === 'string' ? text : this.text(text);
  }

  #author(message: KcChatMessage): string {
    const s = this.s;
    switch (message.author.kind) {
      case 'citizen':
        return s.you;
      case 'operator':
        return message.author.displayName ?? s.operator;
      default:
        return message.author.displayName ?? (this.config ? this.text(this.config.name) : s.center);
    }
  }

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
        return this.session ? this.#renderSession(this.session) : this.#renderKb();
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

  #renderSession(session: KcChatSession): TemplateResult {
    const s = this.s;
    const info = session.info;
    const closed = info.status === 'closed';
    const threshold = this.config?.thresholds.offerCallbackAboveWaitSeconds;
    // An unknown wait (no operator online) is offered the same alternatives as a long one.
    const longWait =
      info.status === 'queued' &&
      threshold !== undefined &&
      (info.estimatedWaitSeconds === null || info.estimatedWaitSeconds > threshold);
    const outage = session.outage;
    return html`${
      outage
        ? html`<div class="outage" part="outage" role="region" aria-labelledby="outage-heading">
            <h3 id="outage-heading">${s.outageHeading}</h3>
            <p>${this.text(outage.message)}</p>
            <p>
              ${outage.expectedResumeAt ? s.resumesAt(this.formatDateTime(outage.expectedResumeAt)) : s.resumeUnknown}
            </p>
            ${
              outage.alternatives.length
                ? html`<h4>${s.alternatives}</h4>
                    <ul class="channels">
                      ${outage.alternatives.map((a) => this.#renderAlternative(a))}
                    </ul>`
                : nothing
            }
          </div>`
        : nothing
    }
    ${info.status === 'queued' ? this.#renderQueue(session) : nothing}
    ${longWait ? this.#renderOffer(s.longWait) : nothing} ${this.#renderLog(session)}
    ${
      session.operatorTyping && info.operator
        ? html`<p class="typing" part="typing">${s.typing(info.operator.displayName)}</p>`
        : nothing
    }
    ${
      session.inactivity && !closed
        ? html`<p class="inactivity" part="inactivity">
            ${s.inactivity(this.formatDateTime(session.inactivity.closesAt, HHMM))}
          </p>`
        : nothing
    }
    ${closed ? this.#renderEnded(session) : this.#renderComposer()}`;
  }

  #renderQueue(session: KcChatSession): TemplateResult {
    const waiting = this.config?.waiting;
    const facts = { position: session.info.position, wait: session.info.estimatedWaitSeconds };
    return html`<div class="queue" part="queue">
      <p class="queue-facts">${this.#queueText(facts)}</p>
      ${waiting ? html`<p class="small">${this.text(waiting.notice)}</p>` : nothing}
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
    return channelItem(alternative, this.text(alternative.label), ['https:', 'http:', 'tel:', 'mailto:']);
  }

  #renderLog(session: KcChatSession): TemplateResult {
    const s = this.s;
    const all = session.messages;
    const from = Math.max(0, all.length - this.shown);
    const visible = from ? all.slice(from) : all;
    const last = [...visible].reverse().find((m) => m.author.kind !== 'citizen');
    const replies = session.status !== 'closed' && last && last === visible.at(-1) ? last.quickReplies : [];
    return html`${
        from
          ? html`<button class="kc-button earlier" type="button" data-focus="earlier" @click=${() => this.#earlier()}>
              ${s.earlier}
            </button>`
          : nothing
      }
      <div class="log" part="log" role="log" aria-live="off" aria-label=${s.log} tabindex="0" @scroll=${this.#scrolled}>
        ${repeat(
          visible,
          (m) => m.clientMessageId ?? m.id,
          (m) => this.#renderMessage(m),
        )}
      </div>
      ${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
      ${
        replies.length
          ? html`<div class="replies" role="group" aria-label=${s.quickReplies}>
              ${replies.map(
                (r) =>
                  html`<button
                    class="kc-button"
                    type="button"
                    @click=${() => void this.#send({ text: this.#plain(r.label), quickReplyId: r.id })}
                  >
                    ${this.#plain(r.label)}
                  </button>`,
              )}
            </div>`
          : nothing
      }`;
  }

  #renderMessage(m: KcChatMessage): TemplateResult {
    const s = this.s;
    const mine = m.author.kind === 'citizen';
    const time = this.formatDateTime(m.sentAt, HHMM);
    return html`<div class="message" part="message" data-author=${m.author.kind}>
      <p class="meta">
        <span class="author">${this.#author(m)}</span>
        <span class="time">${time}</span>
      </p>
      <p class="text">${this.#rich(this.#plain(m.text))}</p>
      ${
        m.attachments.length
          ? html`<ul class="files">
              ${m.attachments.map(
                (a) => html`<li>${a.fileName} (${s.kilobytes(Math.max(1, Math.round(a.size / 1024)))})</li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        mine
          ? html`<p class="status" data-status=${m.status}>
              ${s.status[m.status]}
              ${
                m.status === 'failed' || m.status === 'queued'
                  ? html`<button class="kc-button retry" type="button" @click=${() => void this.#retry(m)}>
                      ${s.retry}
                    </button>`
                  : nothing
              }
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderComposer(): TemplateResult {
    const s = this.s;
    const limits = this.config?.attachments;
    const max = this.config?.chat?.maxMessageLength ?? 10_000;
    const busy = this.uploads.some((u) => !u.attachment && !u.failed);
    return html`${
        this.uploads.length
          ? html`<ul class="uploads">
              ${this.uploads.map(
                (u) =>
                  html`<li>
                    <span>${u.failed ? s.uploadFailed(u.name) : u.name}</span>
                    ${
                      u.attachment || u.failed
                        ? nothing
                        : html`<progress max="1" .value=${u.progress} aria-label=${s.uploading(u.name)}></progress>`
                    }
                    <button
                      class="kc-button"
                      type="button"
                      aria-label=${s.removeFile(u.name)}
                      @click=${() => this.#removeUpload(u)}
                    >
                      ×
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <form class="composer" @submit=${(e: Event) => (e.preventDefault(), void this.#send())}>
        <label class="kc-visually-hidden" for="message">${s.input}</label>
        <textarea
          id="message"
          part="input"
          data-focus="field"
          rows="2"
          maxlength=${max}
          .value=${this.#draft}
          @input=${this.#composerInput}
          @keydown=${this.#composerKeydown}
        ></textarea>
        <div class="composer-actions">
          ${
            limits && limits.maxCount > 0
              ? html`<label class="kc-button attach">
                  <input
                    class="kc-visually-hidden"
                    type="file"
                    multiple
                    accept=${limits.allowedTypes.join(',')}
                    @change=${this.#attach}
                  />
                  <span>${s.attach}</span>
                </label>`
              : nothing
          }
          <button class="kc-button kc-button--primary" part="send-button" type="submit" ?disabled=${busy}>
            ${s.send}
          </button>
        </div>
      </form>
      <div class="end">
        ${
          this.confirmingEnd
            ? html`<p id="end-confirm">${s.endConfirm}</p>
                <div class="actions" role="group" aria-labelledby="end-confirm">
                  <button
                    class="kc-button"
                    type="button"
                    data-focus="end-no"
                    @click=${() => ((this.confirmingEnd = false), (this.#focusAfterUpdate = 'end'))}
                  >
                    ${s.endNo}
                  </button>
                  <button class="kc-button kc-button--primary" type="button" @click=${() => void this.#end()}>
                    ${s.endYes}
                  </button>
                </div>`
            : html`<button
                class="kc-button"
                type="button"
                data-focus="end"
                @click=${() => ((this.confirmingEnd = true), (this.#focusAfterUpdate = 'end-no'))}
              >
                ${s.end}
              </button>`
        }
      </div>`;
  }

  #renderEnded(session: KcChatSession): TemplateResult {
    const s = this.s;
    const reason = session.ending?.reason ?? session.info.closeReason ?? 'citizen_closed';
    const embed = this.embed;
    // The same objects on every render, so that the rating does not see a new subject each time.
    const rated = (this.#rated =
      this.#rated?.subject.id === session.id
        ? this.#rated
        : { subject: { kind: 'chat' as const, id: session.id }, auth: { chatToken: session.token } });
    return html`<div class="ended">
      <p class="ended-text">${s.ended[reason]}</p>
      ${
        embed?.kind === 'rating' && embed.state === 'ready'
          ? html`<kc-rating
              .client=${this.shared}
              .headingLevel=${3}
              .subject=${rated.subject}
              .auth=${rated.auth}
            ></kc-rating>`
          : nothing
      }
      ${embed?.kind === 'rating' && embed.state === 'failed' ? html`<p>${s.ratingUnavailable}</p>` : nothing}
      <div class="actions">
        <button class="kc-button" type="button" @click=${() => void this.#transcript()}>${s.transcript}</button>
        <button class="kc-button kc-button--primary" type="button" @click=${() => this.#newChat()}>${s.newChat}</button>
      </div>
    </div>`;
  }
}
