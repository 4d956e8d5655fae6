// SPDX-License-Identifier: MIT
// The half of the outbox that stores and sends, loaded on first use (see `Outbox`): a page where nothing was ever
// queued does not carry it.
import { KcAbortError, KcHttpError, type KcError, type KcValidationError } from '../errors/errors.js';
import { isTransient } from '../http/transport.js';
import {
  idempotencyKey,
  type OutboxContext,
  type OutboxRequest,
  type PendingItem,
  type SendResult,
  type WithdrawResult,
} from './outbox.js';
import type { OutboxRecord, ResultRecord } from './storage.js';

type Locks = { request: LockManager['request'] } | undefined;
const locks = (): Locks => (globalThis.navigator as Navigator | undefined)?.locks;

/** @internal The engine of {@link Outbox}; see there for the docs. */
export class OutboxEngine {
  readonly #c: OutboxContext;
  /** What runs on an item in this client, by id (never rejects): a withdrawal waits for it. */
  readonly #running = new Map<string, Promise<unknown>>();
  /** Ids this client got a receipt for, so that a late withdrawal can say `sent` (ids only). */
  readonly sent = new Set<string>();
  #flushing: Promise<void> | undefined;
  #again: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Aborted when the client stops: what its flushes have on the way is let go (each item stays queued, unchanged),
   * so that a closed client holds no item's lock while the next one sends it.
   */
  readonly #halt = new AbortController();

  constructor(context: OutboxContext) {
    this.#c = context;
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#halt.abort();
  }

  async send<R>(kind: string, request: OutboxRequest, signal?: AbortSignal): Promise<SendResult<R>> {
    const now = Date.now();
    const item: OutboxRecord = {
      id: request.id ?? idempotencyKey(),
      base: this.#c.transport.baseUrl,
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
    // Held from before the write, so that no flush (this tab's or another's) nor a withdrawal sees it half done.
    return this.#item(item.id, false, async () => {
      await this.#c.storage.put('outbox', item);
      return this.#attempt<R>(item, signal, true);
    }) as Promise<SendResult<R>>;
  }

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

  async results(): Promise<ResultRecord[]> {
    const now = Date.now();
    const all = await this.#mine('results');
    for (const r of all) if (r.expiresAt <= now) await this.#c.storage.delete('results', r.id);
    return all.filter((r) => r.expiresAt > now).sort((a, b) => a.at - b.at);
  }

  withdraw(id: string): Promise<WithdrawResult> {
    const { storage, transport } = this.#c;
    return this.#item(id, false, async () => {
      const item = await storage.get('outbox', id);
      if (item?.base === transport.baseUrl) {
        await storage.delete('outbox', id);
        return 'withdrawn';
      }
      const result = await storage.get('results', id);
      return this.sent.has(id) || (result?.base === transport.baseUrl && !result.error) ? 'sent' : 'unknown';
    }) as Promise<WithdrawResult>;
  }

  flush(dueOnly: boolean): Promise<void> {
    // A flush asked for during another runs after it, so that it sees what was queued meanwhile.
    if (this.#flushing)
      return (this.#again ??= this.#flushing.then(() => ((this.#again = undefined), this.flush(dueOnly))));
    let ran = false;
    const { kinds, storage, transport, stopped } = this.#c;
    const run = async () => {
      ran = true;
      const now = Date.now();
      const queued = (await this.#mine('outbox'))
        .filter((i) => (!dueOnly || i.nextAt <= now) && kinds.has(i.kind))
        .sort((a, b) => a.createdAt - b.createdAt);
      for (const item of queued) {
        if (stopped()) break;
        // Busy: its first attempt, or a withdrawal, is on it. Otherwise read again: it may be gone meanwhile.
        await this.#item(item.id, true, async () => {
          const current = await storage.get('outbox', item.id);
          if (current) await this.#attempt(current, this.#halt.signal, false);
        }).catch(() => undefined);
      }
    };
    const lock = locks();
    // ifAvailable: when another tab holds the lock it is flushing the same items; ours come back on the timer.
    return (this.#flushing = (
      lock
        ? lock.request(`${storage.name} outbox ${transport.baseUrl}`, { ifAvailable: true }, (l) =>
            l ? run() : undefined,
          )
        : run()
    )
      // Items' own failures are handled in #attempt; what is left (Web Locks refused) waits for the timer.
      .catch(() => undefined)
      .finally(() => {
        this.#flushing = undefined;
        void this.#schedule(ran ? 0 : 5000);
      }) as Promise<void>);
  }

  /**
   * Runs `run` holding the item's lock: in this client (a promise per id) and across tabs (Web Locks). With
   * `ifFree`, resolves `undefined` without running when someone holds it.
   */
  #item(id: string, ifFree: boolean, run: () => Promise<unknown>): Promise<unknown> {
    const before = this.#running.get(id);
    if (before && ifFree) return Promise.resolve(undefined);
    const lock = locks();
    const held = async () => {
      await before;
      return lock
        ? lock.request(`${this.#c.storage.name} outbox item ${id}`, { ifAvailable: ifFree }, (l) =>
            l ? run() : undefined,
          )
        : run();
    };
    const mine = held();
    const tracked: Promise<unknown> = mine
      .catch(() => undefined)
      .then(() => this.#running.get(id) === tracked && this.#running.delete(id));
    this.#running.set(id, tracked);
    return mine;
  }

  async #mine<S extends 'outbox' | 'results'>(store: S) {
    return (await this.#c.storage.all(store)).filter((r) => r.base === this.#c.transport.baseUrl);
  }

  async #schedule(atLeast = 0): Promise<void> {
    const { kinds, stopped } = this.#c;
    clearTimeout(this.#timer);
    if (stopped()) return;
    const next = Math.min(...(await this.#mine('outbox')).filter((i) => kinds.has(i.kind)).map((i) => i.nextAt));
    if (!Number.isFinite(next) || stopped()) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(true), Math.max(atLeast, next - Date.now()));
    (this.#timer as { unref?: () => void }).unref?.();
  }

  async #attempt<R>(item: OutboxRecord, signal: AbortSignal | undefined, direct: boolean): Promise<SendResult<R>> {
    const { kinds, storage, transport, options, emit } = this.#c;
    const kind = kinds.get(item.kind);
    if (!kind) throw new Error(`[kc] outbox kind "${item.kind}" is not registered`);
    try {
      const { data } = await transport.request<R>({
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
      this.sent.add(item.id);
      await storage.delete('outbox', item.id);
      if (!direct) await this.#result(item, { receipt: kind.keep(data as never) });
      emit('sent', { id: item.id, kind: item.kind, receipt: data });
      return { status: 'sent', id: item.id, receipt: data };
    } catch (e) {
      const error = e as KcError;
      if (error instanceof KcAbortError) throw error;
      if (isTransient(error)) {
        const after =
          error instanceof KcHttpError && error.retryAfter !== undefined ? error.retryAfter * 1000 : undefined;
        const step = Math.min(options.maxDelay, options.baseDelay * 2 ** item.attempts);
        item.attempts++;
        item.nextAt = Date.now() + (after ?? transport.policy.random() * step);
        // The item may be gone already (clearLocalData, or another tab got the final answer).
        if (await storage.get('outbox', item.id)) await storage.put('outbox', item);
        emit('queued', { id: item.id, kind: item.kind, error });
        if (direct) void this.#schedule();
        return { status: 'queued', id: item.id, error };
      }
      await storage.delete('outbox', item.id);
      if (!direct) {
        const status = (error as KcHttpError | KcValidationError).status;
        const fields = ((error as KcHttpError).fieldErrors ?? []).map((f) => f.field);
        await this.#result(item, { error: { status, code: (error as KcHttpError).code ?? error.name, fields } });
      }
      emit('failed', { id: item.id, kind: item.kind, error });
      throw error;
    }
  }

  #result(item: OutboxRecord, outcome: Pick<ResultRecord, 'receipt' | 'error'>): Promise<void> {
    const at = Date.now();
    return this.#c.storage.put('results', {
      id: item.id,
      base: item.base,
      kind: item.kind,
      at,
      expiresAt: at + this.#c.options.resultTtl,
      ...outcome,
    });
  }
}
