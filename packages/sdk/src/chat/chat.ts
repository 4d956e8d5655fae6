// SPDX-License-Identifier: MIT
import type { KcCore, KcLocale } from '../client.js';
import type { KcError } from '../errors/errors.js';
import { idempotencyKey } from '../storage/outbox.js';
import { ChatMessage } from '../validation/schemas/index.js';
import type { Infer } from '../validation/validate.js';
import type { KcChatSession } from './session.js';
import { forgetSession, isGone, MESSAGE_KIND, readSession, rememberSession, type StoredChat } from './store.js';

// The session's code (the event stream, the parser, the message list, the schemas of a session) loads when a chat
// starts or resumes, not with a page that only shows the launcher and the knowledge base.
const loadSession = () => import('./session.js');

/**
 * What `chat(kc).start()` takes. The citizen's identity, when the portal signed them in, travels as the client's
 * `getToken` (`Authorization: Bearer`); `name` and `phone` are what the citizen typed, if anything.
 *
 * @example
 * ```ts
 * const options: KcChatStartOptions = { language: 'ru', topic: 'social.pensions', consent: { given: true, version: config.privacy.version } };
 * ```
 */
export interface KcChatStartOptions {
  /** The language of the conversation. @default the client's locale */
  language?: KcLocale;
  /** A category id of `config.appeals.categories`, routing the chat. */
  topic?: string;
  /** The citizen's name, if they gave it. */
  name?: string;
  /** The citizen's phone, if they gave it (for a callback). */
  phone?: string;
  /** Consent to processing personal data against the notice version shown (`config.privacy.version`). */
  consent: { given: true; version: string };
  /** Knowledge-base articles the citizen read before asking. */
  kbArticleIds?: readonly string[];
  /** The citizen's first message, sent with the start. */
  firstMessage?: string;
  /** Stops waiting (the start itself may still land; its `Idempotency-Key` keeps it single). */
  signal?: AbortSignal;
  /** A failure while following the stream (see {@link KcChatSession.follow}). */
  onError?: (error: KcError) => void;
}

/** Options of {@link ChatModule.resume}. */
export interface KcChatResumeOptions {
  signal?: AbortSignal;
  /** A failure while following the stream (see {@link KcChatSession.follow}). */
  onError?: (error: KcError) => void;
}

/**
 * The web chat (clauses 5.4, 10, 12, 34 of the model requirements): start a chat, or resume the one this tab
 * started, after a reload or a navigation. The session's id and token are kept in the tab's session storage, and
 * only from the moment the citizen starts a chat.
 */
export class ChatModule {
  readonly #kc: KcCore;
  #current: KcChatSession | undefined;

  /** @internal Use {@link chat}. */
  constructor(kc: KcCore) {
    this.#kc = kc;
    // With a chat in this tab, the outbox sends what an earlier page of it left queued. Without one, nothing is
    // registered (registering flushes, which would create the database before the citizen did anything).
    if (readSession(kc)) this.#register();
  }

  #registered = false;
  #register(): void {
    if (this.#registered) return;
    this.#registered = true;
    this.#kc.outbox.register(MESSAGE_KIND, { operation: 'sendChatMessage', schema: ChatMessage, keep: () => ({}) });
  }

  /** The session followed in this page, if any. */
  get current(): KcChatSession | undefined {
    return this.#current;
  }

  /**
   * Loads a conversation's code (the session, the event stream, the outbox) ahead of {@link start}, so that the
   * start waits only for the server: call it when the citizen turns to an operator. Sends and stores nothing; while
   * the browser is offline it does nothing (`start()` loads what it needs itself).
   */
  prepare(): void {
    if (globalThis.navigator?.onLine === false) return;
    loadSession().catch(() => undefined);
  }

  /** Whether this tab holds a chat to resume (reads session storage only; no request). */
  get resumable(): boolean {
    return readSession(this.#kc) !== undefined;
  }

  /**
   * Starts a chat: queues it and follows its events. While the center is closed the server answers
   * `503 center_closed` (with `nextOpeningAt` in the problem), during an outage `503 outage`: offer a callback or
   * other channels.
   *
   * @throws {@link KcHttpError} (`center_closed`, `outage`), {@link KcValidationError}, {@link KcNetworkError}…
   * @example
   * ```ts
   * const session = await chat(kc).start({ language: 'kk', consent: { given: true, version: config.privacy.version } });
   * ```
   */
  async start(options: KcChatStartOptions): Promise<KcChatSession> {
    const first = options.firstMessage ? { clientMessageId: idempotencyKey(), text: options.firstMessage } : undefined;
    const json = {
      language: options.language ?? this.#kc.locale,
      consent: options.consent,
      ...(options.topic && { topic: options.topic }),
      ...(options.name && { name: options.name }),
      ...(options.phone && { phone: options.phone }),
      ...(options.kbArticleIds?.length && { kbArticleIds: [...options.kbArticleIds] }),
      ...(first && { firstMessage: first }),
    };
    const { KcChatSession: Session, ChatStarted } = await loadSession();
    const { data } = await this.#kc.request<Infer<typeof ChatStarted>>({
      operation: 'startChatSession',
      method: 'POST',
      path: 'chat/sessions',
      json,
      idempotencyKey: idempotencyKey(),
      schema: ChatStarted,
      signal: options.signal,
    });
    const stored: StoredChat = { id: data.session.id, token: data.sessionToken };
    rememberSession(this.#kc, stored);
    this.#register();
    const state = { session: data.session, messages: [], lastEventId: data.lastEventId };
    const session = this.#adopt(new Session(this.#kc, stored, state), options.onError);
    // The first message was stored with the start: read it back so that it shows with its state.
    if (first) await session.refresh({ signal: options.signal }).catch(() => undefined);
    return session;
  }

  /**
   * Resumes the chat this tab started (after a reload or a navigation): reads its state and history from the
   * server and follows its events again. Resolves `undefined` when there is none, or when the server no longer
   * knows it (it is then forgotten). A chat that ended is returned too, for its rating and transcript.
   *
   * @throws any {@link KcError} other than "gone" (a network failure: try again later).
   * @example
   * ```ts
   * const session = await chat(kc).resume();
   * ```
   */
  async resume(options: KcChatResumeOptions = {}): Promise<KcChatSession | undefined> {
    if (this.#current && !this.#current.detached) return this.#current;
    const stored = readSession(this.#kc);
    if (!stored) return undefined;
    const { KcChatSession: Session, ChatSessionState } = await loadSession();
    let state: Infer<typeof ChatSessionState>;
    try {
      ({ data: state } = await this.#kc.request<Infer<typeof ChatSessionState>>({
        operation: 'getChatSession',
        path: `chat/sessions/${encodeURIComponent(stored.id)}`,
        headers: { 'x-kc-chat-token': stored.token },
        schema: ChatSessionState,
        signal: options.signal,
      }));
    } catch (error) {
      if (isGone(error)) {
        forgetSession(this.#kc);
        return undefined;
      }
      throw error;
    }
    if (this.#current && !this.#current.detached) return this.#current;
    const session = new Session(this.#kc, stored, state);
    rememberSession(this.#kc, stored);
    return this.#adopt(session, options.onError);
  }

  #adopt(session: KcChatSession, onError?: (error: KcError) => void): KcChatSession {
    this.#current?.detach();
    this.#current = session;
    session.follow({ ...(onError && { onError }) });
    return session;
  }

  /**
   * Forgets the tab's chat (after it ended and the citizen moved on, or to start anew): stops following it and
   * removes its id and token from session storage.
   *
   * @example
   * ```ts
   * chat(kc).forget();
   * ```
   */
  forget(): void {
    this.#current?.detach();
    this.#current = undefined;
    forgetSession(this.#kc);
  }
}

/**
 * The chat module of a client (made once per client).
 *
 * @example
 * ```ts
 * import { createCore, chat } from '@kc/sdk';
 * const kc = createCore({ baseUrl: '/api/v1', locale: 'kk' });
 * const session = (await chat(kc).resume()) ?? (await chat(kc).start({ consent }));
 * ```
 */
export const chat = (kc: KcCore): ChatModule => kc.use(chat, () => new ChatModule(kc));
