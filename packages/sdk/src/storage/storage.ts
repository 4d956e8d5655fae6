// SPDX-License-Identifier: MIT
import type { DBSchema } from 'idb';

/**
 * An item waiting in the outbox. Its `id` is the request's `Idempotency-Key`.
 *
 * @example
 * ```ts
 * // Stored by the outbox; read `kc.outbox.pending()` for what a widget may show.
 * const count = (await kc.outbox.pending()).length;
 * ```
 */
export interface OutboxRecord {
  id: string;
  /** The client's base URL: one origin may talk to several contact centers. */
  base: string;
  kind: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  json: unknown;
  headers?: Record<string, string>;
  createdAt: number;
  attempts: number;
  /** Not before this time (ms since the epoch). */
  nextAt: number;
}

/**
 * The outcome of an item sent in the background, kept until a widget acknowledges it or it expires.
 *
 * @example
 * ```ts
 * const [first]: ResultRecord[] = await kc.outbox.results();
 * ```
 */
export interface ResultRecord {
  id: string;
  base: string;
  kind: string;
  /** When it was sent (ms since the epoch). */
  at: number;
  expiresAt: number;
  /** What the kind keeps of the receipt (never personal data). */
  receipt?: unknown;
  /** Why the server refused it, without the request. */
  error?: { status: number | undefined; code: string; fields: string[] };
}

/**
 * A saved draft.
 *
 * @example
 * ```ts
 * // Stored by `kc.drafts`; read drafts with `load()`.
 * const draft = await kc.drafts.load('complaint-form');
 * ```
 */
export interface DraftRecord {
  id: string;
  value: unknown;
  savedAt: number;
  expiresAt: number;
}

/**
 * The IndexedDB schema of kc (database `kc`).
 *
 * @example
 * ```ts
 * // The schema of IndexedDB database `kc` (stores outbox, results, drafts, keyed by `id`).
 * const db = await openDB<KcDB>('kc', 1);
 * ```
 */
export interface KcDB extends DBSchema {
  outbox: { key: string; value: OutboxRecord };
  results: { key: string; value: ResultRecord };
  drafts: { key: string; value: DraftRecord };
}

/** The name of one of kc's stores in the browser: the outbox, the receipts, the drafts. */
export type StoreName = 'outbox' | 'results' | 'drafts';
/** The record type of each store, by store name. */
export type Stores = { [K in StoreName]: KcDB[K]['value'] };

/**
 * Where kc keeps its local data: IndexedDB, or memory (lost on reload).
 *
 * @example
 * ```ts
 * const kind: StorageKind = kc.outbox.storage;
 * ```
 */
export type StorageKind = 'indexeddb' | 'memory';

/**
 * The local storage of the outbox, its results and drafts. Made by `createClient`; reach it through
 * `kc.storage` only to learn its `kind`.
 *
 * @example
 * ```ts
 * if (kc.outbox.storage === 'memory') warnNotSaved();
 * ```
 */
export interface KcStorage {
  /** The IndexedDB database's name (also the Web Locks scope). */
  readonly name: string;
  /** `indexeddb`, or `memory` when asked for or when IndexedDB failed (then `storage-fallback` was emitted). */
  readonly kind: StorageKind;
  /** The record `id` of a store, or `undefined` when there is none. */
  get<S extends StoreName>(store: S, id: string): Promise<Stores[S] | undefined>;
  /** Every record of a store. */
  all<S extends StoreName>(store: S): Promise<Stores[S][]>;
  /** Writes in one transaction with strict durability (on disk before it resolves). */
  put<S extends StoreName>(store: S, value: Stores[S]): Promise<void>;
  /** Removes the record `id` of a store (nothing happens when there is none). */
  delete(store: StoreName, id: string): Promise<void>;
  /** Whether the store may hold anything, without creating a database when none exists. */
  exists(): Promise<boolean>;
  /** Removes everything kc stored (deletes the database). */
  destroy(): Promise<void>;
}

/**
 * The default name of kc's IndexedDB database.
 *
 * @example
 * ```ts
 * await deleteDB(databaseName); // what clearLocalData() does
 * ```
 */
export const databaseName = 'kc';

function memoryStorage(name: string): KcStorage {
  const maps: { [S in StoreName]: Map<string, Stores[S]> } = {
    outbox: new Map(),
    results: new Map(),
    drafts: new Map(),
  };
  const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  return {
    name,
    kind: 'memory',
    get: (store, id) => Promise.resolve(copy(maps[store].get(id))),
    all: (store) => Promise.resolve([...maps[store].values()].map(copy)),
    put: (store, value) => Promise.resolve(void maps[store].set(value.id, copy(value))),
    delete: (store, id) => Promise.resolve(void maps[store].delete(id)),
    exists: () => Promise.resolve(Object.values(maps).some((m) => m.size > 0)),
    destroy: () => Promise.resolve(Object.values(maps).forEach((m) => m.clear())),
  };
}

/**
 * Opens kc's storage: IndexedDB (its code and the database load on first use, not before), falling back to memory
 * when IndexedDB is absent, refuses to open (private mode, blocked by policy) or fails a write (quota);
 * `onFallback` is then called once with the reason. `'memory'` asks for memory from the start.
 *
 * @example
 * ```ts
 * const storage = openStorage('auto', (reason) => console.warn('[kc] outbox in memory:', reason), 'kc');
 * ```
 */
export function openStorage(
  kind: 'auto' | 'memory',
  onFallback: (reason: string) => void,
  name = databaseName,
): KcStorage {
  const memory = memoryStorage(name);
  if (kind === 'memory') return memory;
  if (typeof indexedDB === 'undefined') {
    queueMicrotask(() => onFallback('unavailable'));
    return memory;
  }
  let real: KcStorage | undefined;
  let loading: Promise<KcStorage> | undefined;
  // Without its code (offline before it loaded), what is submitted still goes out from memory.
  const load = () =>
    (loading ??= import('./idb.js').then(
      (m) => (real = m.idbStorage(name, memory, onFallback)),
      () => (onFallback('unavailable'), (real = memory)),
    ));
  const call = <K extends 'get' | 'all' | 'put' | 'delete' | 'destroy'>(method: K): KcStorage[K] =>
    (async (...args: never[]) => ((await load())[method] as (...a: never[]) => unknown)(...args)) as KcStorage[K];
  return {
    name,
    get kind() {
      return real?.kind ?? 'indexeddb';
    },
    get: call('get'),
    all: call('all'),
    put: call('put'),
    delete: call('delete'),
    destroy: call('destroy'),
    async exists() {
      if (real) return real.exists();
      // Opening would create the database: nothing may be stored before the citizen first uses a widget.
      const list = await indexedDB.databases?.().catch(() => undefined);
      return list ? list.some((d) => d.name === name) : true;
    },
  };
}
