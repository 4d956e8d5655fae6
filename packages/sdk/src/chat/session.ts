// SPDX-License-Identifier: MIT
import type { KcCore, KcLocale } from '../client.js';
import type { KcError } from '../errors/errors.js';
import { toError } from '../http/transport.js';
import { openStream } from '../realtime/stream.js';
import { idempotencyKey } from '../storage/outbox.js';
import {
  Attachment,
  ChatSession,
  ChatSessionState,
  OutageList,
  QueueStatus,
  watchChatSessionEvents,
} from '../validation/schemas/index.js';
import type { AnySchema, Infer } from '../validation/validate.js';
import { uploadWithProgress } from '../complaints/upload.js';
import { forgetSession, MESSAGE_KIND, readSession, rememberSession, type StoredChat } from './store.js';

/** @internal The schemas of starting and resuming, loaded with the session's code (see `chat.ts`). */
export { ChatSessionState, ChatStarted } from '../validation/schemas/index.js';
import type * as contract from '@kc/contract';

/** A chat session as the server tells it: status, queue position and wait, operator, topic, language, times. */
export type KcChatSessionInfo = contract.ChatSession;

/** A message as the server stores it. */
export type KcChatServerMessage = contract.ChatMessage;

/** An uploaded file, to attach to a message by its `id`. */
export type KcChatAttachment = contract.Attachment;

/**
 * Where a message stands, as the citizen sees it: `sending` (on its way), `queued` (kept on this device until the
 * network returns; it goes out by itself, also after a reload), `sent`, `delivered`, `read` (receipts from the
 * server), or `failed` (the server refused it: {@link KcChatSession.retry} sends it again).
 */
export type KcChatMessageStatus = 'sending' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

/** A message of the conversation with its delivery status. */
export interface KcChatMessage extends KcChatServerMessage {
  /** Where the message stands; for others' messages the server's `state`. */
  status: KcChatMessageStatus;
  /** Why a `failed` or `queued` message is not sent. */
  error?: KcError;
}

/** The payloads of the stream's events, by event name (the contract's `watchChatSession` events). */
export type KcChatStreamEventMap = {
  [K in Exclude<contract.ChatEventName, 'reset'>]: contract.EventData<contract.ChatEvent, K>;
};

/**
 * What a {@link KcChatSession} tells its listeners: every event of the contract's stream, once, in order (live
 * ones only, never the history restored on resume), plus:
 *
 * - `message`: a message appeared or changed (a live one, one of the history, or the citizen's own); `live` is
 *   `true` only for a message that arrived while the session was followed, never for restored history;
 * - `change`: anything in the session's state changed (render it again).
 */
export interface KcChatEventMap extends KcChatStreamEventMap {
  message: { message: KcChatMessage; live: boolean };
  change: KcChatSession;
}

/** The inactivity warning in force: the chat closes at `closesAt` unless the citizen writes. */
export type KcChatInactivity = KcChatStreamEventMap['inactivity.warning'];

/** The outage that interrupts the chat (clauses 34.1–34.3), while it is not resolved. */
export type KcChatOutage = KcChatStreamEventMap['outage.notice'];

/** How the session ended. */
export type KcChatEnding = KcChatStreamEventMap['session.closed'];

/** Options of {@link KcChatSession.send}. */
export interface KcChatSendOptions {
  /** Files uploaded with {@link KcChatSession.upload}, at most 5. */
  attachments?: readonly KcChatAttachment[];
  /** The quick reply this message answers with (its `id`). */
  quickReplyId?: string;
}

const ORDER: Record<string, number> = { sending: 0, queued: 0, failed: 0, sent: 1, delivered: 2, read: 3 };
const TYPING_EVERY = 3000;
const TYPING_IDLE = 4000;

/**
 * One chat of the citizen with the contact center. Made by `chat(kc).start()` or `chat(kc).resume()`; follows the
 * event stream (SSE with `Last-Event-ID` resume and backoff, polling when the server cannot stream) until the chat
 * ends or {@link KcChatSession.detach} is called. Messages are sent through the outbox, so a message written
 * offline waits on the device and is delivered exactly once when the network returns, also after a reload.
 *
 * @example
 * ```ts
 * const session = await chat(kc).start({ language: 'kk', consent: { given: true, version } });
 * session.on('change', render);
 * session.on('message', ({ message, live }) => live && message.author.kind !== 'citizen' && announce(message));
 * await session.send('Сәлеметсіз бе!');
 * ```
 */
export class KcChatSession {
  /** The session's id. */
  readonly id: string;
  /** The session as last told by the server (queue position, wait, operator, status). */
  info: KcChatSessionInfo;
  /** Whether the operator is typing now. */
  operatorTyping = false;
  /** The inactivity warning in force, if any. */
  inactivity: KcChatInactivity | undefined;
  /** The outage that interrupts the chat, if any. */
  outage: KcChatOutage | undefined;
  /** How the chat ended, once it has. */
  ending: KcChatEnding | undefined;
  /** When the queue was last updated, and how many operators are online (from `queue.updated`). */
  queue: { operatorsOnline: number | undefined; at: string } | undefined;

  readonly #kc: KcCore;
  readonly #token: string;
  readonly #stored: StoredChat;
  readonly #keys: string[] = [];
  readonly #messages = new Map<string, KcChatMessage>();
  readonly #serverIds = new Map<string, string>();
  readonly #listeners = new Map<string, Set<(detail: never) => void>>();
  readonly #controller = new AbortController();
  readonly #offs: (() => void)[] = [];
  #list: KcChatMessage[] | undefined;
  #lastEventId: string;
  #following = false;
  #typingSentAt = 0;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #typingTimeout: ReturnType<typeof setTimeout> | undefined;
  #readUpTo: string | undefined;
  /** The `closesAt` of the warning the citizen answered by writing (a read begun before it still shows it). */
  #answered = '';
  #detached = false;

  /** @internal Use `chat(kc).start()` or `chat(kc).resume()`. */
  constructor(
    kc: KcCore,
    stored: StoredChat,
    state: { session: KcChatSessionInfo; messages: KcChatServerMessage[]; lastEventId: string },
  ) {
    this.#kc = kc;
    this.#stored = stored;
    this.#token = stored.token;
    this.id = state.session.id;
    this.info = state.session;
    this.inactivity = state.session.inactivity ?? undefined;
    this.#lastEventId = state.lastEventId;
    for (const m of state.messages) this.#merge(m, false);
    // What the citizen read before a reload is not unread again.
    this.#readUpTo = [...state.messages].reverse().find((m) => m.author.kind !== 'citizen' && m.state === 'read')?.id;
    // The citizen's messages still in the outbox from before a reload; those the server has are done.
    stored.pending = (stored.pending ?? []).filter((p) => !this.#messages.has(p.id));
    for (const p of stored.pending) this.#put(localMessage(p.id, p.text, p.at, 'queued'), false);
    const outbox = kc.outbox;
    this.#offs.push(
      outbox.on('sent', ({ id, kind, receipt }) => {
        if (kind === MESSAGE_KIND && this.#messages.has(id)) this.#delivered(id, receipt as KcChatServerMessage);
      }),
      outbox.on('queued', ({ id, kind, error }) => {
        if (kind === MESSAGE_KIND) this.#status(id, 'queued', error);
      }),
      outbox.on('failed', ({ id, kind, error }) => {
        if (kind === MESSAGE_KIND) this.#status(id, 'failed', error);
      }),
    );
    if (this.info.status === 'closed')
      this.ending ??= {
        reason: this.info.closeReason ?? 'citizen_closed',
        closedAt: this.info.closedAt ?? this.info.createdAt,
        ratingInvited: true,
      };
  }

  /** The chat token's header, for calls of this session. */
  get #headers(): Record<string, string> {
    return { 'x-kc-chat-token': this.#token };
  }

  /**
   * The session's token (`X-Kc-Chat-Token`), for the calls of other modules about this chat: a rating
   * (`ratings(kc).submit(r, { auth: { chatToken } })`) or a callback requested from it. Never put it in a URL.
   */
  get token(): string {
    return this.#token;
  }

  /** The messages in order, the citizen's unsent ones last. The same array until something changes. */
  get messages(): readonly KcChatMessage[] {
    return (this.#list ??= this.#keys.map((k) => this.#messages.get(k)!));
  }

  /** Whether {@link detach} was called: the session no longer follows its events (resume it again). */
  get detached(): boolean {
    return this.#detached;
  }

  /** The session's status: `queued`, `active` or `closed`. */
  get status(): KcChatSessionInfo['status'] {
    return this.info.status;
  }

  /** The id of the last event applied; the stream continues from it. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  /**
   * Listens to an event; returns the function that stops listening.
   *
   * @example
   * ```ts
   * const off = session.on('queue.updated', ({ position, estimatedWaitSeconds }) => show(position, estimatedWaitSeconds));
   * ```
   */
  on<K extends keyof KcChatEventMap>(type: K, listener: (detail: KcChatEventMap[K]) => void): () => void {
    const set = this.#listeners.get(type) ?? new Set();
    this.#listeners.set(type, set.add(listener));
    return () => set.delete(listener);
  }

  #emit<K extends keyof KcChatEventMap>(type: K, detail: KcChatEventMap[K]): void {
    for (const listener of this.#listeners.get(type) ?? []) {
      try {
        (listener as (d: KcChatEventMap[K]) => void)(detail);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  #changed(): void {
    this.#emit('change', this);
  }

  /**
   * Follows the event stream until the chat ends or {@link detach} (called by `start()` and `resume()`). Events
   * already applied are never applied twice; a dropped connection resumes from the last event id.
   *
   * @param options.onError - A failure that did not stop following (a malformed event), or the one that did.
   * @param options.pollInterval - Milliseconds between polls when the server cannot stream. @default 5000
   */
  follow(options: { onError?: (error: KcError) => void; pollInterval?: number } = {}): void {
    if (this.#following || this.info.status === 'closed' || this.#controller.signal.aborted) return;
    this.#following = true;
    const signal = this.#controller.signal;
    void openStream(this.#kc.transport, {
      operation: 'watchChatSession',
      path: `chat/sessions/${encodeURIComponent(this.id)}/events`,
      events: watchChatSessionEvents,
      headers: () => this.#headers,
      lastEventId: this.#lastEventId,
      signal,
      pollInterval: options.pollInterval ?? 5000,
      poll: (s) => this.#read(s, true),
      onError: (error) => signal.aborted || options.onError?.(error),
      onEvent: (event) => {
        if (event.id) this.#lastEventId = event.id;
        if (event.type === 'reset') return void this.#read(signal, true).catch((e: KcError) => options.onError?.(e));
        this.#apply(event.type, event.data);
      },
    }).finally(() => (this.#following = false));
  }

  /**
   * Reads the session and its messages again from the server and merges them. Messages already shown are not
   * shown twice; a chat found closed is told as `session.closed`.
   *
   * @throws any {@link KcError}
   */
  refresh({ signal }: { signal?: AbortSignal } = {}): Promise<void> {
    return this.#read(signal);
  }

  /**
   * Reads the session again. When events were `missed` (polling, or after a `reset` of the stream) it also reads
   * the outages and, while queued, the queue, and tells what changed as the stream would have: `queue.updated`
   * (with the queue's operators online), `operator.joined`, `transferred`, `operator.left`, `outage.notice` (the
   * first outage that concerns the chat, as the server tells open chats of them; its end as `resolved`),
   * `inactivity.warning` (a new warning in `session.inactivity`). `session.closed` is told whenever the chat is found
   * closed.
   */
  async #read(signal: AbortSignal | undefined, missed?: boolean): Promise<void> {
    const get = <T>(operation: string, path: string, schema: AnySchema, headers?: Record<string, string>) =>
      this.#kc.request<T>({ operation, path, schema, signal, ...(headers && { headers }) }).then((r) => r.data);
    const was = this.info;
    const wasOutage = this.outage;
    const wasWarning = this.inactivity;
    const [data, outages, queue] = await Promise.all([
      get<Infer<typeof ChatSessionState>>(
        'getChatSession',
        `chat/sessions/${encodeURIComponent(this.id)}`,
        ChatSessionState,
        this.#headers,
      ),
      missed ? get<Infer<typeof OutageList>>('listOutages', 'outages', OutageList) : undefined,
      missed && was.status === 'queued'
        ? get<Infer<typeof QueueStatus>>('getQueueStatus', 'queue', QueueStatus, this.#headers)
        : undefined,
    ]);
    const s = data.session;
    // What the stream told while this answer was on its way is newer than it: the answer must not undo it.
    const moved = this.info !== was;
    const at = new Date().toISOString();
    const from = was.operator;
    const to = s.operator;
    if (missed && s.status !== 'closed' && !moved) {
      const chat = queue?.channels.find((c) => c.channel === 'chat');
      if (
        chat &&
        s.status === 'queued' &&
        (s.position !== was.position || s.estimatedWaitSeconds !== was.estimatedWaitSeconds)
      )
        this.#apply('queue.updated', {
          position: s.position,
          estimatedWaitSeconds: s.estimatedWaitSeconds,
          operatorsOnline: chat.operatorsOnline,
          at: queue!.generatedAt,
        });
      if (from?.displayName !== to?.displayName) {
        if (!from) this.#apply('operator.joined', { operator: to!, at: s.acceptedAt ?? at });
        else if (to || s.status === 'queued') this.#apply('transferred', { from, to, topic: s.topic, at });
        else this.#apply('operator.left', { operator: from, at });
      }
    }
    // The outage and the warning likewise, each unless the stream told one since the read began.
    const outage = outages?.items.find((o) => o.affectedChannels.includes('chat'));
    const known = this.outage;
    if (
      missed &&
      s.status !== 'closed' &&
      outages &&
      known === wasOutage &&
      (outage ? outage.id !== known?.id || outage.updatedAt !== known.updatedAt : known)
    )
      this.#apply('outage.notice', outage ?? { ...known!, status: 'resolved' });
    for (const m of data.messages) this.#merge(m, this.#following);
    // The warning pending (null when the citizen wrote since); servers before `session.inactivity` leave it as is.
    const warning = s.inactivity?.closesAt === this.#answered ? null : s.inactivity;
    if (this.inactivity === wasWarning) {
      if (missed && warning && warning.closesAt !== this.inactivity?.closesAt)
        this.#apply('inactivity.warning', warning);
      else if (warning !== undefined) this.inactivity = warning ?? undefined;
    }
    if (after(data.lastEventId, this.#lastEventId)) this.#lastEventId = data.lastEventId;
    if (this.info.status !== 'closed' && s.status === 'closed')
      this.#apply('session.closed', {
        reason: s.closeReason ?? 'citizen_closed',
        closedAt: s.closedAt ?? at,
        ratingInvited: true,
      });
    if (!moved) this.info = s;
    this.#changed();
  }

  #apply<K extends keyof KcChatStreamEventMap>(type: K, data: KcChatStreamEventMap[K]): void {
    const d = data;
    switch (type) {
      case 'queue.updated': {
        const q = d as KcChatStreamEventMap['queue.updated'];
        this.info = { ...this.info, position: q.position, estimatedWaitSeconds: q.estimatedWaitSeconds };
        this.queue = { operatorsOnline: q.operatorsOnline, at: q.at };
        break;
      }
      case 'operator.joined': {
        const j = d as KcChatStreamEventMap['operator.joined'];
        this.info = {
          ...this.info,
          status: 'active',
          operator: j.operator,
          position: null,
          estimatedWaitSeconds: null,
          acceptedAt: this.info.acceptedAt ?? j.at,
        };
        break;
      }
      case 'operator.left':
        this.info = { ...this.info, operator: null };
        this.operatorTyping = false;
        break;
      case 'transferred': {
        const t = d as KcChatStreamEventMap['transferred'];
        this.info = t.to
          ? { ...this.info, operator: t.to, topic: t.topic ?? this.info.topic }
          : { ...this.info, status: 'queued', operator: null, topic: t.topic ?? this.info.topic };
        this.operatorTyping = false;
        break;
      }
      case 'message.created': {
        const m = d as KcChatServerMessage;
        if (m.author.kind !== 'citizen') this.operatorTyping = false;
        if (m.author.kind === 'citizen') this.inactivity = undefined;
        this.#merge(m, true);
        break;
      }
      case 'message.state': {
        const s = d as KcChatStreamEventMap['message.state'];
        for (const id of s.messageIds) {
          const key = this.#serverIds.get(id);
          const message = key === undefined ? undefined : this.#messages.get(key);
          if (message && (ORDER[s.state] ?? 0) > (ORDER[message.status] ?? 0)) {
            this.#put({ ...message, state: s.state, status: s.state }, false);
          }
        }
        break;
      }
      case 'typing': {
        const t = d as KcChatStreamEventMap['typing'];
        if (t.author.kind !== 'citizen') this.operatorTyping = t.typing;
        break;
      }
      case 'inactivity.warning':
        this.inactivity = d as KcChatInactivity;
        break;
      case 'session.closed': {
        const c = d as KcChatEnding;
        this.info = {
          ...this.info,
          status: 'closed',
          closeReason: c.reason,
          closedAt: c.closedAt,
          position: null,
          estimatedWaitSeconds: null,
        };
        this.#ended(c);
        break;
      }
      case 'outage.notice': {
        const o = d as KcChatOutage;
        this.outage = o.status === 'resolved' ? undefined : o;
        break;
      }
    }
    this.#emit(type, data as KcChatEventMap[K]);
    this.#changed();
  }

  #ended(ending: KcChatEnding): void {
    this.ending = ending;
    this.operatorTyping = false;
    this.inactivity = undefined;
    this.#controller.abort();
  }

  #merge(server: KcChatServerMessage, live: boolean): void {
    const key = server.clientMessageId ?? server.id;
    const old = this.#messages.get(key);
    const status: KcChatMessageStatus =
      old && (ORDER[old.status] ?? 0) > (ORDER[server.state] ?? 0)
        ? old.status
        : server.state === 'sending'
          ? 'sent'
          : server.state;
    this.#serverIds.set(server.id, key);
    this.#put({ ...server, status }, live && !old);
  }

  #put(message: KcChatMessage, live: boolean): void {
    const key = message.clientMessageId ?? message.id;
    const old = this.#messages.get(key);
    this.#messages.set(key, message);
    // Server order (by sentAt, then seq within a millisecond); the citizen's unsent messages stay last, in the
    // order written. Usually the new one goes at the end.
    const at = (m: KcChatMessage) => (m.id === m.clientMessageId ? Infinity : Date.parse(m.sentAt));
    const later = (a: KcChatMessage) => at(a) - at(message) || (a.seq ?? 0) - (message.seq ?? 0);
    if (!old || later(old)) {
      if (old) this.#keys.splice(this.#keys.lastIndexOf(key), 1);
      let i = this.#keys.length;
      while (i > 0 && later(this.#messages.get(this.#keys[i - 1]!)!) > 0) i--;
      this.#keys.splice(i, 0, key);
    }
    this.#list = undefined;
    this.#emit('message', { message, live });
  }

  /**
   * Writes the tab's entry again (the undelivered messages) while it is still this chat's: a chat that a client of
   * the page forgot (`forget()`, `clearLocalData()`) is never written back, its token and texts included.
   */
  #remember(): void {
    if (readSession(this.#kc)?.id === this.id) rememberSession(this.#kc, this.#stored);
  }

  #status(key: string, status: KcChatMessageStatus, error?: KcError): void {
    const message = this.#messages.get(key);
    if (!message || (ORDER[message.status] ?? 0) > 0) return;
    this.#put({ ...message, status, ...(error && { error }) }, false);
    this.#changed();
  }

  #delivered(key: string, receipt: KcChatServerMessage): void {
    this.#stored.pending = (this.#stored.pending ?? []).filter((p) => p.id !== key);
    this.#remember();
    this.#merge(receipt, false);
    this.#changed();
  }

  /**
   * Sends a message with a new client message id (its `Idempotency-Key`). It shows at once as `sending`; when the
   * network is down it is kept on this device (`queued`) and delivered exactly once when it returns, also after
   * a reload of the page. Stops the citizen's typing indicator and clears an inactivity warning.
   *
   * @returns the message as it stands after the first attempt.
   * @throws {@link KcHttpError} / {@link KcValidationError} when the server refuses it (the message is then
   * `failed`; {@link retry} sends it again).
   * @example
   * ```ts
   * await session.send('Менің өтінішімнің мәртебесі қандай?');
   * ```
   */
  async send(text: string, options: KcChatSendOptions = {}): Promise<KcChatMessage> {
    const id = idempotencyKey();
    const at = new Date().toISOString();
    this.#put({ ...localMessage(id, text, at, 'sending'), attachments: [...(options.attachments ?? [])] }, false);
    this.#stored.pending = [...(this.#stored.pending ?? []), { id, text, at }];
    this.#remember();
    this.#answered = this.inactivity?.closesAt ?? '';
    this.inactivity = undefined;
    this.#changed();
    this.#stopTyping(false);
    return this.#send(id, text, options);
  }

  async #send(id: string, text: string, options: KcChatSendOptions): Promise<KcChatMessage> {
    const json = {
      clientMessageId: id,
      text,
      ...(options.attachments?.length && { attachmentIds: options.attachments.map((a) => a.id) }),
      ...(options.quickReplyId && { quickReplyId: options.quickReplyId }),
    };
    try {
      const result = await this.#kc.outbox.send<KcChatServerMessage>(MESSAGE_KIND, {
        path: `chat/sessions/${encodeURIComponent(this.id)}/messages`,
        json,
        headers: this.#headers,
        id,
      });
      if (result.status === 'queued') this.#status(id, 'queued', result.error);
    } catch (error) {
      this.#stored.pending = (this.#stored.pending ?? []).filter((p) => p.id !== id);
      this.#remember();
      this.#status(id, 'failed', error as KcError);
      throw error;
    }
    return this.#messages.get(id)!;
  }

  /**
   * Sends a message again: a `failed` one under a new client message id (the server refused the old one), a
   * `queued` one at once (the outbox tries every waiting item now).
   *
   * @throws as {@link send}.
   * @example
   * ```ts
   * retryButton.onclick = () => session.retry(message.clientMessageId!);
   * ```
   */
  async retry(clientMessageId: string): Promise<void> {
    const message = this.#messages.get(clientMessageId);
    if (!message) return;
    if (message.status === 'queued' || message.status === 'sending') return this.#kc.outbox.flush();
    if (message.status !== 'failed') return;
    const index = this.#keys.indexOf(clientMessageId);
    if (index >= 0) this.#keys.splice(index, 1);
    this.#messages.delete(clientMessageId);
    this.#list = undefined;
    this.#changed();
    await this.send(typeof message.text === 'string' ? message.text : message.text[this.info.language], {
      attachments: message.attachments,
    });
  }

  /**
   * Uploads one file to attach to the next message (PDF, JPEG, PNG within `config.attachments`). `onProgress` gets
   * the share sent (0–1).
   *
   * @throws {@link KcHttpError} `413`, `415`; {@link KcAbortError}.
   * @example
   * ```ts
   * const file = await session.upload(input.files[0], { onProgress: (p) => (bar.value = p) });
   * await session.send('Анықтама қоса берілді.', { attachments: [file] });
   * ```
   */
  async upload(
    file: Blob,
    { onProgress, signal }: { onProgress?: (share: number) => void; signal?: AbortSignal } = {},
  ): Promise<KcChatAttachment> {
    const form = new FormData();
    form.append('file', file, (file as File).name ?? 'file');
    const xhr = onProgress && !this.#kc.options.fetch && typeof XMLHttpRequest === 'function';
    const { data } = await this.#kc.request<KcChatAttachment>({
      operation: 'uploadAttachment',
      method: 'POST',
      path: 'attachments',
      body: form,
      headers: this.#headers,
      idempotencyKey: idempotencyKey(),
      schema: Attachment,
      signal,
      ...(xhr && { fetch: uploadWithProgress(form, onProgress) }),
    });
    onProgress?.(1);
    return data;
  }

  /**
   * Tells the operator that the citizen is typing: call it on every input; it sends `true` at most every 3 s and
   * `false` 4 s after the last call (or at {@link send}). Failures are ignored: typing is a courtesy.
   *
   * @example
   * ```ts
   * textarea.oninput = () => session.typing();
   * ```
   */
  typing(): void {
    if (this.info.status === 'closed') return;
    const now = Date.now();
    if (now - this.#typingSentAt >= TYPING_EVERY) {
      this.#typingSentAt = now;
      this.#postTyping(true);
    }
    clearTimeout(this.#typingTimeout);
    this.#typingTimeout = setTimeout(() => this.#stopTyping(true), TYPING_IDLE);
  }

  #stopTyping(tell: boolean): void {
    clearTimeout(this.#typingTimeout);
    clearTimeout(this.#typingTimer);
    if (this.#typingSentAt === 0) return;
    this.#typingSentAt = 0;
    if (tell) this.#postTyping(false);
  }

  #postTyping(typing: boolean): void {
    void this.#kc
      .request({
        operation: 'setChatTyping',
        method: 'POST',
        path: `chat/sessions/${encodeURIComponent(this.id)}/typing`,
        headers: this.#headers,
        json: { typing },
        idempotencyKey: idempotencyKey(),
        retry: { limit: 0 },
      })
      .catch(() => undefined);
  }

  /**
   * Tells the server that the citizen has read the others' messages up to the last one (a read receipt for the
   * operator). Sends nothing when there is nothing new to mark.
   *
   * @throws any {@link KcError}
   * @example
   * ```ts
   * if (panelVisible) await session.markRead();
   * ```
   */
  async markRead(): Promise<void> {
    const last = [...this.messages].reverse().find((m) => m.author.kind !== 'citizen' && m.clientMessageId === null);
    if (!last || last.id === this.#readUpTo || this.info.status === 'closed') return;
    this.#readUpTo = last.id;
    try {
      await this.#kc.request({
        operation: 'markChatRead',
        method: 'POST',
        path: `chat/sessions/${encodeURIComponent(this.id)}/read`,
        headers: this.#headers,
        json: { upToMessageId: last.id },
        idempotencyKey: idempotencyKey(),
      });
    } catch (error) {
      this.#readUpTo = undefined;
      throw error;
    }
  }

  /** The number of the others' messages after the last one {@link markRead} marked. */
  get unread(): number {
    let n = 0;
    for (let i = this.#keys.length - 1; i >= 0; i--) {
      const m = this.#messages.get(this.#keys[i]!)!;
      if (m.id === this.#readUpTo) break;
      if (m.author.kind !== 'citizen') n++;
    }
    return n;
  }

  /**
   * Ends the chat (only the citizen ends a chat; the operator cannot). Closing a closed chat changes nothing.
   *
   * @param options.resolved - The citizen's answer to "was your question solved?", if asked.
   * @throws any {@link KcError}
   * @example
   * ```ts
   * await session.close();
   * ```
   */
  async close(options: { resolved?: boolean } = {}): Promise<void> {
    this.#stopTyping(false);
    const { data } = await this.#kc.request<KcChatSessionInfo>({
      operation: 'closeChatSession',
      method: 'POST',
      path: `chat/sessions/${encodeURIComponent(this.id)}/close`,
      headers: this.#headers,
      json: options,
      idempotencyKey: idempotencyKey(),
      schema: ChatSession,
    });
    if (this.info.status !== 'closed') {
      this.info = data;
      this.#ended({
        reason: data.closeReason ?? 'citizen_closed',
        closedAt: data.closedAt ?? new Date().toISOString(),
        ratingInvited: true,
      });
      this.#changed();
    }
  }

  /**
   * The transcript as a plain-text file (UTF-8) from the server, to save on the device. Offer it with
   * `URL.createObjectURL(blob)`: nothing personal goes into a URL.
   *
   * @throws any {@link KcError}
   * @example
   * ```ts
   * const blob = await session.transcript();
   * ```
   */
  async transcript({ signal, locale }: { signal?: AbortSignal; locale?: KcLocale } = {}): Promise<Blob> {
    const response = await this.#kc.transport.open({
      operation: 'getChatTranscript',
      path: `chat/sessions/${encodeURIComponent(this.id)}/transcript`,
      headers: { ...this.#headers, accept: 'text/plain', ...(locale && { 'accept-language': locale }) },
      signal,
    });
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw toError(response.status, undefined);
    }
    return new Blob([await response.text()], { type: 'text/plain;charset=utf-8' });
  }

  /**
   * Stops following the stream and listening to the outbox (the page leaves; the session stays resumable in this
   * tab). Queued messages still go out.
   */
  detach(): void {
    this.#detached = true;
    this.#controller.abort();
    this.#stopTyping(false);
    for (const off of this.#offs) off();
  }

  /**
   * Forgets the session in this tab (after it ended and the citizen moved on): a later `resume()` finds nothing.
   *
   * @example
   * ```ts
   * session.forget(); // "start a new chat"
   * ```
   */
  forget(): void {
    this.detach();
    forgetSession(this.#kc);
  }
}

function localMessage(id: string, text: string, at: string, status: KcChatMessageStatus): KcChatMessage {
  return {
    id,
    clientMessageId: id,
    author: { kind: 'citizen', displayName: null },
    text,
    attachments: [],
    quickReplies: [],
    sentAt: at,
    state: 'sending',
    status,
  };
}

const after = (a: string, b: string) => (a.length === b.length ? a > b : a.length > b.length);
