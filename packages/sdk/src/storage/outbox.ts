// SPDX-License-Identifier: MIT
import type { KcError } from '../errors/errors.js';
import { lazy } from '../lazy.js';
import type { Transport } from '../http/transport.js';
import type { AnySchema } from '../validation/validate.js';
import type { OutboxEngine } from './outbox-engine.js';
import type { KcStorage, OutboxRecord, ResultRecord } from './storage.js';

/**
 * How one kind of item (`complaint`, `rating`, `callback`, later `chat-message`) is sent and remembered.
 *
 * @example
 * ```ts
 * kc.outbox.register<Rating>('rating', { operation: 'submitRating', schema: Rating, keep: ({ id }) => ({ id }) });
 * ```
 */
export interface OutboxKind<R = unknown> {
  /** The contract's `operationId`, named in errors. */
  operation: string;
  /** The schema of the success answer. */
  schema: AnySchema;
  /**
   * What is kept of a receipt when the item was sent in the background (no caller waiting), until a widget
   * acknowledges it: never personal data.
   */
  keep: (receipt: R) => unknown;
}

/**
 * What {@link Outbox.withdraw} found: `withdrawn` (it was still waiting and will never be sent), `sent` (it reached
 * the server before it could be withdrawn: undo it with the server, e.g. `callbacks(kc).cancel`), or `unknown` (no
 * such item: already refused, or never queued here).
 *
 * @example
 * ```ts
 * const outcome: WithdrawResult = await kc.outbox.withdraw(id);
 * ```
 */
export type WithdrawResult = 'withdrawn' | 'sent' | 'unknown';

/** @internal What the outbox shares with its engine (loaded on first use). */
export interface OutboxContext {
  transport: Transport;
  storage: KcStorage;
  options: Required<OutboxOptions>;
  kinds: Map<string, OutboxKind<never>>;
  emit: Outbox['emit'];
  stopped: () => boolean;
}

/**
 * The events of the outbox and what each carries.
 *
 * @example
 * ```ts
 * kc.outbox.on('failed', ({ id, error }: OutboxEventMap['failed']) => showRefused(id, error));
 * ```
 */
export interface OutboxEventMap {
  /** An item could not be sent now and waits (network down, 5xx, 429, timeout). */
  queued: { id: string; kind: string; error: KcError };
  /** An item reached the server. `receipt` is the server's whole answer. */
  sent: { id: string; kind: string; receipt: unknown };
  /** The server refused an item for good (a 4xx other than 408/429); it is removed. */
  failed: { id: string; kind: string; error: KcError };
  /** IndexedDB is unavailable; queued items live in memory and are lost on reload. */
  'storage-fallback': { reason: string };
}

/**
 * What `outbox.pending()` tells about a waiting item: never its content.
 *
 * @example
 * ```ts
 * const waiting: PendingItem[] = await kc.outbox.pending();
 * ```
 */
export interface PendingItem {
  id: string;
  kind: string;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
}

/**
 * What {@link Outbox.send} writes and sends: the operation's path under the base URL and its JSON body.
 *
 * @example
 * ```ts
 * const request: OutboxRequest = { path: 'ratings', json: rating };
 * await kc.outbox.send('rating', request);
 * ```
 */
export interface OutboxRequest {
  /** The path under the client's base URL. */
  path: string;
  /** The body, sent as JSON. */
  json: unknown;
  /** @default 'POST' */
  method?: OutboxRecord['method'];
  /** Extra headers (never personal data). */
  headers?: Record<string, string>;
  /** The `Idempotency-Key`; a new one when absent. */
  id?: string;
}

/**
 * The result of a submission through the outbox.
 *
 * @example
 * ```ts
 * const result: SendResult<KcRating> = await ratings(kc).submit(rating);
 * if (result.status === 'queued') showWillSendLater();
 * ```
 */
export type SendResult<R> =
  | {
      /** The server has it. */
      status: 'sent';
      /** The `Idempotency-Key` of the submission. */
      id: string;
      receipt: R;
    }
  | {
      /** It is saved and will be sent when possible; a `sent` event (and `outbox.results()`) brings the receipt. */
      status: 'queued';
      id: string;
      /** Why it could not be sent now. */
      error: KcError;
    };

/**
 * Options of the outbox (`createClient({ outbox })`). The wait before the `n`-th retry of an item (from 0) is
 * `random() × min(maxDelay, baseDelay × 2ⁿ)`, or the server's `Retry-After`.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, outbox: { baseDelay: 5000 } });
 * ```
 */
export interface OutboxOptions {
  /**
   * The first backoff step between attempts of a failing item, in milliseconds.
   * @default 2000
   */
  baseDelay?: number;
  /**
   * The largest step, in milliseconds.
   * @default 300000
   */
  maxDelay?: number;
  /**
   * How long results of background sends are kept unacknowledged, in milliseconds.
   * @default 604800000 (7 days)
   */
  resultTtl?: number;
}

const day = 86_400_000;

/**
 * A durable queue of unsafe requests. Every item is written with its `Idempotency-Key` in one strict-durability
 * transaction before its first attempt; it leaves the queue only on a final answer. See `docs/outbox.md`. The
 * code that stores and sends loads on first use (in the background as soon as a module that sends through the
 * outbox is used, so that it is there offline); nothing is stored, and no database created, before an item or a
 * draft is.
 *
 * @example
 * ```ts
 * kc.outbox.on('sent', ({ id, receipt }) => show(receipt));
 * kc.outbox.on('storage-fallback', () => warnOfflineQueueIsVolatile());
 * const waiting = await kc.outbox.pending();
 * ```
 */
export class Outbox {
  readonly #storage: KcStorage;
  readonly #context: OutboxContext;
  readonly #listeners = new Map<string, Set<(detail: never) => void>>();
  #ready: OutboxEngine | undefined;
  #stopped = false;
  #started = false;
  readonly #wake = () => {
    if (globalThis.document?.visibilityState !== 'hidden') void this.flush();
  };

  /** @internal */
  constructor(transport: Transport, storage: KcStorage, options: OutboxOptions = {}) {
    this.#storage = storage;
    this.#context = {
      transport,
      storage,
      options: { baseDelay: 2000, maxDelay: 300_000, resultTtl: 7 * day, ...options },
      kinds: new Map(),
      emit: (type, detail) => this.emit(type, detail),
      stopped: () => this.#stopped,
    };
  }

  /** Where the queue lives: `indexeddb`, or `memory` (lost on reload). */
  get storage(): 'indexeddb' | 'memory' {
    return this.#storage.kind;
  }

  /**
   * Listens to an event; returns the function that stops listening.
   *
   * @example
   * ```ts
   * const off = kc.outbox.on('sent', ({ id, kind, receipt }) => {});
   * off();
   * ```
   */
  on<K extends keyof OutboxEventMap>(type: K, listener: (detail: OutboxEventMap[K]) => void): () => void {
    const set = this.#listeners.get(type) ?? new Set();
    this.#listeners.set(type, set.add(listener));
    return () => set.delete(listener);
  }

  /** @internal Emits an event to its listeners; a throwing listener does not stop the others. */
  emit<K extends keyof OutboxEventMap>(type: K, detail: OutboxEventMap[K]): void {
    for (const listener of this.#listeners.get(type) ?? []) {
      try {
        listener(detail as never);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /**
   * Registers how a kind of item is sent. Domain modules do it when they are first used; an item of a kind no
   * module registered yet waits (after a reload, until that module is used).
   *
   * @example
   * ```ts
   * kc.outbox.register('rating', { operation: 'submitRating', schema: submitRatingResponse, keep: (r) => ({ id: r.id }) });
   * ```
   */
  register<R>(kind: string, spec: OutboxKind<R>): void {
    const { kinds } = this.#context;
    const fresh = !kinds.has(kind);
    kinds.set(kind, spec);
    // The code loads now, so that a submission made offline later does not need the network to be stored.
    void this.#load().catch(() => undefined);
    if (fresh && this.#started) void this.flush();
  }

  /**
   * Starts flushing: now, when the browser goes `online`, when the page becomes visible, and on a backoff timer.
   * Called by `createClient`.
   */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    globalThis.addEventListener?.('online', this.#wake);
    globalThis.document?.addEventListener('visibilitychange', this.#wake);
    void this.flush();
  }

  /**
   * Stops flushing (timers and listeners) and lets go of the attempts a flush has on the way: each item stays
   * queued for the next client, which sends it under the same Idempotency-Key (the server answers it once).
   */
  stop(): void {
    this.#stopped = true;
    this.#ready?.stop();
    globalThis.removeEventListener?.('online', this.#wake);
    globalThis.document?.removeEventListener('visibilitychange', this.#wake);
  }

  /**
   * Writes an item durably, then makes its first attempt. Resolves `sent` with the receipt, or `queued` when it
   * could not be sent now (it then goes out later, exactly once, also after a reload). An abort stops the
   * waiting, not the submission: the item stays queued.
   *
   * @throws {@link KcHttpError} / {@link KcValidationError} when the server refuses it for good (it is removed).
   * @throws {@link KcAbortError} when `signal` aborts (the item stays queued).
   * @example
   * ```ts
   * const result = await kc.outbox.send('rating', { path: 'ratings', json: rating });
   * ```
   */
  async send<R>(kind: string, request: OutboxRequest, signal?: AbortSignal): Promise<SendResult<R>> {
    // When its code could not load (offline before it did), KcNetworkError: nothing stored, the caller has the input.
    return (await this.#load()).send<R>(kind, request, signal);
  }

  /**
   * The items waiting, oldest first (without their content).
   *
   * @example
   * ```ts
   * const n = (await kc.outbox.pending()).length;
   * ```
   */
  async pending(): Promise<PendingItem[]> {
    return (await this.#storage.exists()) ? (await this.#load()).pending() : [];
  }

  /**
   * Outcomes of items sent in the background (after a reload, by a timer) that no widget acknowledged yet: what
   * their kind keeps of the receipt (an appeal's whole receipt), or the refusal. Show them, then
   * {@link Outbox.acknowledge} them.
   *
   * @example
   * ```ts
   * for (const r of await kc.outbox.results()) if (r.kind === 'complaint' && r.receipt) showReceipt(r.receipt);
   * ```
   */
  async results(): Promise<ResultRecord[]> {
    return (await this.#storage.exists()) ? (await this.#load()).results() : [];
  }

  /**
   * Forgets a result once shown to the citizen.
   *
   * @example
   * ```ts
   * await kc.outbox.acknowledge(result.id);
   * ```
   */
  async acknowledge(id: string): Promise<void> {
    if (await this.#storage.exists()) await this.#storage.delete('results', id);
  }

  /**
   * Takes a waiting item back, so that it is never sent (a callback request the citizen no longer wants). Safe
   * against a flush in flight, in this tab or another: it waits for an attempt of that item to end, then tells
   * what happened. When it was `sent` already, undo it with the server (e.g. `callbacks(kc).cancel`).
   *
   * @example
   * ```ts
   * const outcome = await kc.outbox.withdraw(result.id);
   * if (outcome === 'sent') await callbacks(kc).cancel(callbackId, { token });
   * ```
   */
  async withdraw(id: string): Promise<WithdrawResult> {
    if (await this.#storage.exists()) return (await this.#load()).withdraw(id);
    // Nothing stored: this client may still know that it sent it.
    return this.#ready?.sent.has(id) ? 'sent' : 'unknown';
  }

  /**
   * Sends every queued item now, oldest first, one tab at a time (Web Locks when the browser has them); also
   * what waits for a backoff step or a `Retry-After`. Resolves when done. The outbox calls it by itself at
   * start, on `online` and when the page becomes visible; its timer sends only the items that are due.
   *
   * @example
   * ```ts
   * retryButton.onclick = () => kc.outbox.flush();
   * ```
   */
  async flush(): Promise<void> {
    // Reading the queue would create the database: with none there is nothing to send.
    if (!(await this.#storage.exists()) || this.#stopped) return;
    await (await this.#load().catch(() => undefined))?.flush(false);
  }

  readonly #load = lazy(() =>
    import('./outbox-engine.js').then((m) => (this.#ready = new m.OutboxEngine(this.#context))),
  );
}

/**
 * A new random `Idempotency-Key` (a UUID v4); works also where `crypto.randomUUID` does not (insecure origins).
 *
 * @example
 * ```ts
 * const key = idempotencyKey();
 * ```
 */
export function idempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
