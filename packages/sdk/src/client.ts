// SPDX-License-Identifier: MIT
import { Transport, type KcRequest, type KcResponse, type TokenProvider } from './http/transport.js';
import type { RetryPolicy } from './http/retry.js';
import { Outbox, type OutboxOptions } from './storage/outbox.js';
import { Drafts } from './storage/drafts.js';
import { openStorage, type KcStorage } from './storage/storage.js';
import { config, type ConfigModule } from './config/config.js';
import { queue, type QueueModule } from './queue/queue.js';
import { outages, type OutagesModule } from './outages/outages.js';
import { complaints, type ComplaintsModule } from './complaints/complaints.js';
import { callbacks, type CallbacksModule } from './callbacks/callbacks.js';
import { ratings, type RatingsModule } from './ratings/ratings.js';
import { kb, type KbModule } from './kb/kb.js';
import { chat, type ChatModule } from './chat/chat.js';
import { forgetKeys, forgetSession } from './storage/tab.js';

/**
 * A language of the widgets and of the server's texts.
 *
 * @example
 * ```ts
 * const locale: KcLocale = document.documentElement.lang === 'ru' ? 'ru' : 'kk';
 * ```
 */
export type KcLocale = 'kk' | 'ru' | 'en';

/**
 * Options of {@link createCore} and {@link createClient}.
 *
 * @example
 * ```ts
 * const kc = createClient({ baseUrl: 'https://kc.example.kz/api/v1', locale: 'kk', getToken: () => portal.token() });
 * ```
 */
export interface ClientOptions {
  /** The contract's base URL, including `/api/v1` (`https://kc.example.kz/api/v1`, or `/api/v1` on the same origin). */
  baseUrl: string;
  /**
   * The language sent as `Accept-Language` and used for server texts.
   * @default 'kk'
   */
  locale?: KcLocale;
  /** The citizen's identity token from the host portal (`Authorization: Bearer`), asked again once after a 401. */
  getToken?: TokenProvider;
  /**
   * The `fetch` to use (tests, proxies, instrumentation).
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Milliseconds allowed for each attempt, headers and body.
   * @default 15000
   */
  timeout?: number;
  /** How failed requests are retried. */
  retry?: RetryPolicy;
  /**
   * Where the outbox, its results and drafts live: `auto` is IndexedDB when the platform has it (memory in Node),
   * `memory` never touches the disk.
   * @default 'auto'
   */
  storage?: 'auto' | 'memory';
  /**
   * The IndexedDB database's name. Change it only to keep apart independent apps on one origin (or tests).
   * @default 'kc'
   */
  databaseName?: string;
  /** How the outbox spaces its retries and how long it keeps results. */
  outbox?: OutboxOptions;
  /**
   * The largest answer body accepted, in bytes; a larger one is a `KcContractError`.
   * @default 2000000
   */
  maxBodyBytes?: number;
}

/** What the citizen gave on this page, that a later form may offer (see {@link KcCore.given}). */
export interface KcGiven {
  /** Their name as they wrote it (`Сейтқали Әйгерім`). */
  readonly name?: string;
  /** Their phone number as they wrote it. */
  readonly phone?: string;
}

/**
 * The core of a kc client: transport, outbox, drafts and local data, without any domain module. Domain modules
 * attach to it through their functions (`complaints(kc)`, `outages(kc)`…), so that a bundle holds only the
 * domains it uses. {@link createClient} returns a core with every module as a property.
 *
 * @example
 * ```ts
 * const kc = createCore({ baseUrl: '/api/v1' });
 * kc.locale = 'en';
 * await kc.outbox.flush();
 * ```
 */
export class KcCore {
  /** The HTTP layer (retries, timeouts, typed errors, validation). */
  readonly transport: Transport;
  /** Unsafe requests that must reach the server exactly once. */
  readonly outbox: Outbox;
  /** Drafts of forms being typed. */
  readonly drafts: Drafts;
  /** The options given. */
  readonly options: Readonly<ClientOptions>;
  /** The current language; change it when the page's language changes. */
  locale: KcLocale;
  /**
   * What the citizen gave in one form of this page (name, phone), for the next form to offer, so that nothing is
   * asked twice (WCAG 3.3.7). In memory only, never in storage: emptied by {@link clearLocalData} and when the page
   * is left (`pagehide`).
   */
  given: KcGiven = {};
  readonly #storage: KcStorage;
  readonly #modules = new Map<unknown, unknown>();

  /** @internal Use {@link createCore} or {@link createClient}. */
  constructor(options: ClientOptions) {
    this.options = options;
    this.locale = options.locale ?? 'kk';
    this.transport = new Transport({ ...options, locale: () => this.locale });
    this.#storage = openStorage(
      options.storage ?? 'auto',
      (reason) => this.outbox.emit('storage-fallback', { reason }),
      options.databaseName,
    );
    this.outbox = new Outbox(this.transport, this.#storage, options.outbox);
    this.drafts = new Drafts(this.#storage);
    (globalThis as Partial<EventTarget>).addEventListener?.('pagehide', () => (this.given = {}));
  }

  /**
   * Sends one call of the contract (what the domain modules use). Retries, validates and throws typed errors.
   *
   * @throws any {@link KcError}
   * @example
   * ```ts
   * const { data } = await kc.request({ operation: 'getQueueStatus', path: 'queue', schema: QueueStatus });
   * ```
   */
  request<T>(spec: KcRequest<T>): Promise<KcResponse<T>> {
    return this.transport.request(spec);
  }

  /**
   * The module made by `make` for this client, made once.
   *
   * @example
   * ```ts
   * export const complaints = (kc: KcCore) => kc.use(complaints, () => new Complaints(kc));
   * ```
   */
  use<M>(key: unknown, make: () => M): M {
    if (!this.#modules.has(key)) this.#modules.set(key, make());
    return this.#modules.get(key) as M;
  }

  /**
   * Removes everything kc stored on this device: the queued items, their results and drafts (deletes the
   * IndexedDB database `kc`), the tab's chat (its id and token in session storage), and every other key in kc's
   * namespace (`kc.` or `kc-`) in local and session storage, such as the widgets' record of what was rated and
   * which notices were dismissed. The page's own keys stay. Forgets what the citizen gave on this page
   * ({@link given}). Stops the outbox; make a new client afterwards.
   *
   * @example
   * ```ts
   * await kc.clearLocalData(); // "forget me on this device"
   * ```
   */
  async clearLocalData(): Promise<void> {
    this.given = {};
    this.outbox.stop();
    forgetSession(this);
    forgetKeys();
    await this.#storage.destroy();
  }

  /**
   * Stops the outbox's timers and listeners, and lets go of what its flushes were sending: queued items stay for
   * the next client, which sends them under the same Idempotency-Key.
   *
   * @example
   * ```ts
   * kc.close();
   * ```
   */
  close(): void {
    this.outbox.stop();
  }
}

/**
 * Makes a client core: transport, outbox, drafts; no domain module. Attach the domains you use with their
 * functions, so that your bundle holds only them. The outbox starts flushing what earlier pages left queued.
 *
 * @example
 * ```ts
 * import { createCore, complaints } from '@kc/sdk';
 * const kc = createCore({ baseUrl: '/api/v1', locale: 'ru' });
 * const result = await complaints(kc).submit(draft);
 * ```
 */
export function createCore(options: ClientOptions): KcCore {
  const core = new KcCore(options);
  core.outbox.start();
  void core.drafts.purge().catch(() => undefined);
  return core;
}

/**
 * A client with every domain module as a property, made on first use: `kc.complaints.submit(…)`. Convenient
 * for server-side integrations and apps that use most domains; a bundle with `createClient` holds them all (use
 * {@link createCore} and the module functions to keep a page small).
 *
 * @example
 * ```ts
 * const kc: KcClient = createClient({ baseUrl: '/api/v1' });
 * await kc.ratings.submit(rating);
 * ```
 */
export interface KcClient extends KcCore {
  /** Configuration: names, schedule, channels, texts. */
  readonly config: ConfigModule;
  /** Queue status per channel. */
  readonly queue: QueueModule;
  /** Outages, and live changes. */
  readonly outages: OutagesModule;
  /** Appeals: submit, lookup, watch, comment, withdraw, attachments. */
  readonly complaints: ComplaintsModule;
  /** Callbacks: slots, request, get, reschedule, cancel. */
  readonly callbacks: CallbacksModule;
  /** Ratings. */
  readonly ratings: RatingsModule;
  /** Knowledge base search. */
  readonly kb: KbModule;
  /** The web chat: start, resume after a reload, messages through the outbox. */
  readonly chat: ChatModule;
}

/**
 * Makes a client with every domain module (`kc.config`, `kc.queue`, `kc.outages`, `kc.complaints`,
 * `kc.callbacks`, `kc.ratings`, `kc.kb`, `kc.chat`), each made on first use and shared with the module functions
 * (`complaints(kc) === kc.complaints`).
 *
 * @example
 * ```ts
 * const kc = createClient({ baseUrl: 'https://kc.example.kz/api/v1', locale: 'kk' });
 * const { channels } = await kc.queue.status();
 * const result = await kc.complaints.submit(draft);
 * ```
 */
export function createClient(options: ClientOptions): KcClient {
  const kc = createCore(options);
  const modules = { config, queue, outages, complaints, callbacks, ratings, kb, chat };
  for (const [name, module] of Object.entries(modules)) {
    Object.defineProperty(kc, name, { get: () => module(kc), enumerable: true });
  }
  return kc as KcClient;
}
