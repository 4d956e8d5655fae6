// SPDX-License-Identifier: MIT
import { KcAbortError, KcHttpError, type KcError, type KcValidationError } from '../errors/errors.js';
import { isTransient, type Transport } from '../http/transport.js';
import type { AnySchema } from '../validation/validate.js';
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
 * transaction before its first attempt; it leaves the queue only on a final answer. See `docs/outbox.md`.
 *
 * @example
 * ```ts
 * kc.outbox.on('sent', ({ id, receipt }) => show(receipt));
 * kc.outbox.on('storage-fallback', () => warnOfflineQueueIsVolatile());
 * const waiting = await kc.outbox.pending();
 * ```
 */
export class Outbox {
  readonly #transport: Transport;
  readonly #storage: KcStorage;
  readonly #options: Required<OutboxOptions>;
  readonly #kinds = new Map<string, OutboxKind<never>>();
  readonly #listeners = new Map<string, Set<(detail: never) => void>>();
  readonly #inFlight = new Set<string>();
  #flushing: Promise<void> | undefined;
  #again: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  #started = false;
  readonly #wake = () => {
    if (globalThis.document?.visibilityState !== 'hidden') void this.flush();
  };

  /** @internal */
  constructor(transport: Transport, storage: KcStorage, options: OutboxOptions = {}) {
    this.#transport = transport;
    this.#storage = storage;
    this.#options = { baseDelay: 2000, maxDelay: 300_000, resultTtl: 7 * day, ...options };
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
    const fresh = !this.#kinds.has(kind);
    this.#kinds.set(kind, spec);
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
    void this.#storage.exists().then((exists) => {
      if (exists && !this.#stopped) void this.flush();
    });
  }

  /** Stops flushing (timers and listeners). Queued items stay for the next start. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
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
  async send<R>(
    kind: string,
    request: {
      path: string;
      json: unknown;
      method?: OutboxRecord['method'];
      headers?: Record<string, string>;
      id?: string;
    },
    signal?: AbortSignal,
  ): Promise<SendResult<R>> {
    const now = Date.now();
    const item: OutboxRecord = {
      id: request.id ?? idempotencyKey(),
      base: this.#transport.baseUrl,
      kind,
      method: request.method ?? 'POST',
      path: request.path,
      json: request.json,
      createdAt: now,
      attempts: 0,
      // Other tabs leave it to this one while its first attempt runs; a reload sends it at once anyway.
      nextAt: now + 60_000,
      ...(request.headers && { headers: request.headers }),
    };
    this.#inFlight.add(item.id);
    try {
      await this.#storage.put('outbox', item);
    } catch (error) {
      this.#inFlight.delete(item.id);
      throw error;
    }
    return this.#attempt<R>(item, signal, true);
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
    return (await this.#mine('outbox'))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((i) => ({
        id: i.id,
        kind: i.kind,
        createdAt: new Date(i.createdAt),
        attempts: i.attempts,
        nextAttemptAt: new Date(i.nextAt),
      }));
  }

  /**
   * Outcomes of items sent in the background (after a reload, by a timer) that no widget acknowledged yet: what
   * their kind keeps of the receipt, or the refusal. Show them, then {@link Outbox.acknowledge} them.
   *
   * @example
   * ```ts
   * for (const r of await kc.outbox.results()) if (r.kind === 'complaint' && r.receipt) showReceipt(r.receipt);
   * ```
   */
  async results(): Promise<ResultRecord[]> {
    const now = Date.now();
    const all = await this.#mine('results');
    for (const r of all) if (r.expiresAt <= now) await this.#storage.delete('results', r.id);
    return all.filter((r) => r.expiresAt > now).sort((a, b) => a.at - b.at);
  }

  /**
   * Forgets a result once shown to the citizen.
   *
   * @example
   * ```ts
   * await kc.outbox.acknowledge(result.id);
   * ```
   */
  acknowledge(id: string): Promise<void> {
    return this.#storage.delete('results', id);
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
  flush(): Promise<void> {
    return this.#flush(false);
  }

  #flush(dueOnly: boolean): Promise<void> {
    // A flush asked for during another runs after it, so that it sees what was queued meanwhile.
    if (this.#flushing)
      return (this.#again ??= this.#flushing.then(() => ((this.#again = undefined), this.#flush(dueOnly))));
    let ran = false;
    return (this.#flushing = this.#locked(async () => {
      ran = true;
      const now = Date.now();
      const queued = (await this.#mine('outbox'))
        .filter((i) => (!dueOnly || i.nextAt <= now) && this.#kinds.has(i.kind) && !this.#inFlight.has(i.id))
        .sort((a, b) => a.createdAt - b.createdAt);
      for (const item of queued) {
        if (this.#stopped) break;
        await this.#attempt(item, undefined, false).catch(() => undefined);
      }
    })
      // Items' own failures are handled in #attempt; what is left (Web Locks refused) waits for the timer.
      .catch(() => undefined)
      .finally(() => {
        this.#flushing = undefined;
        void this.#schedule(ran ? 0 : 5000);
      }));
  }

  async #locked(run: () => Promise<void>): Promise<void> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return run();
    // ifAvailable: when another tab holds the lock it is flushing the same items; ours come back on the timer.
    await locks.request(`${this.#storage.name} outbox ${this.#transport.baseUrl}`, { ifAvailable: true }, (lock) =>
      lock ? run() : undefined,
    );
  }

  async #mine<S extends 'outbox' | 'results'>(store: S) {
    return (await this.#storage.all(store)).filter((r) => r.base === this.#transport.baseUrl);
  }

  async #schedule(atLeast = 0): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    const next = Math.min(...(await this.#mine('outbox')).filter((i) => this.#kinds.has(i.kind)).map((i) => i.nextAt));
    if (!Number.isFinite(next) || this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#flush(true), Math.max(atLeast, next - Date.now()));
    (this.#timer as { unref?: () => void }).unref?.();
  }

  async #attempt<R>(item: OutboxRecord, signal: AbortSignal | undefined, direct: boolean): Promise<SendResult<R>> {
    const kind = this.#kinds.get(item.kind);
    if (!kind) throw new Error(`[kc] outbox kind "${item.kind}" is not registered`);
    this.#inFlight.add(item.id);
    try {
      const { data } = await this.#transport.request<R>({
        operation: kind.operation,
        method: item.method,
        path: item.path,
        json: item.json,
        ...(item.headers && { headers: item.headers }),
        idempotencyKey: item.id,
        schema: kind.schema,
        signal,
        retry: { limit: 1 },
      });
      await this.#storage.delete('outbox', item.id);
      if (!direct) await this.#result(item, { receipt: kind.keep(data as never) });
      this.emit('sent', { id: item.id, kind: item.kind, receipt: data });
      return { status: 'sent', id: item.id, receipt: data };
    } catch (e) {
      const error = e as KcError;
      if (error instanceof KcAbortError) throw error;
      if (isTransient(error)) {
        const after =
          error instanceof KcHttpError && error.retryAfter !== undefined ? error.retryAfter * 1000 : undefined;
        const step = Math.min(this.#options.maxDelay, this.#options.baseDelay * 2 ** item.attempts);
        item.attempts++;
        item.nextAt = Date.now() + (after ?? this.#transport.policy.random() * step);
        // The item may be gone already (clearLocalData, or another tab got the final answer).
        if (await this.#storage.get('outbox', item.id)) await this.#storage.put('outbox', item);
        this.emit('queued', { id: item.id, kind: item.kind, error });
        if (direct) void this.#schedule();
        return { status: 'queued', id: item.id, error };
      }
      await this.#storage.delete('outbox', item.id);
      if (!direct) {
        const status = (error as KcHttpError | KcValidationError).status;
        const fields = ((error as KcHttpError).fieldErrors ?? []).map((f) => f.field);
        await this.#result(item, { error: { status, code: (error as KcHttpError).code ?? error.name, fields } });
      }
      this.emit('failed', { id: item.id, kind: item.kind, error });
      throw error;
    } finally {
      this.#inFlight.delete(item.id);
    }
  }

  #result(item: OutboxRecord, outcome: Pick<ResultRecord, 'receipt' | 'error'>): Promise<void> {
    const at = Date.now();
    return this.#storage.put('results', {
      id: item.id,
      base: item.base,
      kind: item.kind,
      at,
      expiresAt: at + this.#options.resultTtl,
      ...outcome,
    });
  }
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
