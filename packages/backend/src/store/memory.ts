// SPDX-License-Identifier: MIT
/* eslint-disable @typescript-eslint/require-await -- an async interface, implemented synchronously in memory */
import type { Outage, RatingSubjectKind } from '../wire.js';
import type {
  AttachmentRecord,
  CallbackRecord,
  ChatMessageRecord,
  ChatSessionRecord,
  ComplaintFilter,
  ComplaintRecord,
  IdempotencyRecord,
  OperatorRecord,
  Page,
  PageRequest,
  RatingRecord,
  Store,
  StoreSession,
  StreamEvent,
} from './store.js';

type Undo = () => void;

/** A map whose writes can be undone while a transaction is open. */
class Table<T> {
  readonly rows = new Map<string, T>();
  constructor(private readonly journal: () => Undo[] | null) {}

  get(key: string): T | undefined {
    const row = this.rows.get(key);
    return row === undefined ? undefined : structuredClone(row);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  set(key: string, value: T): void {
    const log = this.journal();
    if (log) {
      const had = this.rows.has(key);
      const before = this.rows.get(key);
      log.push(() => {
        if (had) this.rows.set(key, before as T);
        else this.rows.delete(key);
      });
    }
    this.rows.set(key, structuredClone(value));
  }

  delete(key: string): void {
    if (!this.rows.has(key)) return;
    const log = this.journal();
    if (log) {
      const before = this.rows.get(key) as T;
      log.push(() => this.rows.set(key, before));
    }
    this.rows.delete(key);
  }

  values(): T[] {
    return [...this.rows.values()].map((row) => structuredClone(row));
  }

  /** Copies of the rows that match, without copying the others. */
  filter(predicate: (row: T) => boolean): T[] {
    const out: T[] = [];
    for (const row of this.rows.values()) if (predicate(row)) out.push(structuredClone(row));
    return out;
  }
}

/** What the store needs of Node's `AsyncLocalStorage`. */
interface AsyncFlow {
  getStore(): unknown;
  run<R>(store: unknown, fn: () => R): R;
}

/**
 * Node's `AsyncLocalStorage` (through `process.getBuiltinModule`, so that browsers, which have none, load this
 * module too), or `undefined`.
 */
function asyncFlow(): AsyncFlow | undefined {
  type Builtins = { getBuiltinModule?: (id: string) => { AsyncLocalStorage?: new () => AsyncFlow } | undefined };
  const Flow = (globalThis as { process?: Builtins }).process?.getBuiltinModule?.(
    'node:async_hooks',
  )?.AsyncLocalStorage;
  return Flow ? new Flow() : undefined;
}

/** A tiny FIFO lock: transactions of the memory store run one at a time, like serialisable SQL ones. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The reference {@link Store}: everything in memory, for tests, the mock and demos. Records are deep-copied in
 * and out (as a database would), transactions are serialised and roll back on error, and events appended inside a
 * transaction are announced only after it commits.
 *
 * Writes outside a transaction wait for a running transaction to finish, so a transaction sees no foreign writes.
 *
 * @example
 * ```ts
 * const store = new MemoryStore();
 * const backend = createBackend({ store, config: demoConfig });
 * ```
 */
export class MemoryStore implements Store {
  /** The transaction a call runs in, where the runtime can follow it across awaits (Node). */
  private readonly flow = asyncFlow();
  private log: Undo[] | null = null;
  private pending: StreamEvent[] | null = null;
  private readonly mutex = new Mutex();
  private readonly listeners = new Map<string, Set<(event: StreamEvent) => void>>();

  private readonly journal = (): Undo[] | null => this.log;
  private readonly complaintRows = new Table<ComplaintRecord>(this.journal);
  private readonly attachmentRows = new Table<AttachmentRecord>(this.journal);
  private readonly chatRows = new Table<ChatSessionRecord>(this.journal);
  private readonly messageRows = new Table<ChatMessageRecord>(this.journal);
  private readonly callbackRows = new Table<CallbackRecord>(this.journal);
  private readonly outageRows = new Table<Outage>(this.journal);
  private readonly ratingRows = new Table<RatingRecord>(this.journal);
  private readonly operatorRows = new Table<OperatorRecord>(this.journal);
  private readonly idempotencyRows = new Table<IdempotencyRecord>(this.journal);
  private readonly eventRows = new Table<StreamEvent[]>(this.journal);
  private readonly counterRows = new Table<{ value: number; resetAt?: string }>(this.journal);

  private async commitEvents<T>(fn: () => Promise<T>): Promise<T> {
    this.pending = [];
    try {
      return await fn();
    } finally {
      const events = this.pending;
      this.pending = null;
      this.announce(events);
    }
  }

  private announce(events: StreamEvent[]): void {
    for (const event of events) {
      for (const listener of [...(this.listeners.get(event.stream) ?? [])]) {
        try {
          listener(structuredClone(event));
        } catch {
          // A subscriber's failure must not undo a committed write nor starve other subscribers.
        }
      }
    }
  }

  /** Outside a transaction every call waits for the running transaction, so none sees another's uncommitted writes. */
  private readonly inside: StoreSession = this.session();
  /** Inside a transaction (which holds the lock) calls run at once and are journaled for rollback. */
  private readonly outside: StoreSession = this.locked(this.inside);

  readonly complaints = this.outside.complaints;
  readonly attachments = this.outside.attachments;
  readonly chats = this.outside.chats;
  readonly messages = this.outside.messages;
  readonly callbacks = this.outside.callbacks;
  readonly outages = this.outside.outages;
  readonly ratings = this.outside.ratings;
  readonly operators = this.outside.operators;
  readonly idempotency = this.outside.idempotency;
  readonly events = this.outside.events;
  readonly rateLimits = this.outside.rateLimits;
  readonly sequences = this.outside.sequences;

  private locked(session: StoreSession): StoreSession {
    const wrapped: Record<string, Record<string, unknown>> = {};
    for (const [name, repo] of Object.entries(session)) {
      const methods: Record<string, unknown> = {};
      for (const [method, fn] of Object.entries(repo as Record<string, (...args: unknown[]) => Promise<unknown>>)) {
        methods[method] = (...args: unknown[]) => this.mutex.run(() => this.commitEvents(() => fn(...args)));
      }
      wrapped[name] = methods;
    }
    return wrapped as unknown as StoreSession;
  }

  private session(): StoreSession {
    const run = <T>(fn: () => T): Promise<T> => Promise.resolve(fn());
    return {
      complaints: {
        insert: (record) =>
          run(() => {
            if (this.complaintRows.has(record.id)) return false;
            if ([...this.complaintRows.rows.values()].some((c) => c.trackingNumber === record.trackingNumber))
              return false;
            this.complaintRows.set(record.id, record);
            return true;
          }),
        get: async (id) => this.complaintRows.get(id) ?? null,
        getByTrackingNumber: async (n) => {
          for (const row of this.complaintRows.rows.values()) if (row.trackingNumber === n) return structuredClone(row);
          return null;
        },
        update: (record) => run(() => this.complaintRows.set(record.id, record)),
        list: async (filter: ComplaintFilter, page: PageRequest): Promise<Page<ComplaintRecord>> => {
          const rows = this.complaintRows
            .filter(
              (c) =>
                (!filter.status || filter.status.includes(c.status)) &&
                (filter.subjectId === undefined || c.subjectId === filter.subjectId) &&
                (filter.chatSessionId === undefined || c.chatSessionId === filter.chatSessionId) &&
                (filter.kind === undefined || c.kind === filter.kind) &&
                (filter.categoryId === undefined || c.category.id === filter.categoryId) &&
                (filter.channel === undefined || c.channel === filter.channel) &&
                (filter.trackingNumber === undefined || c.trackingNumber === filter.trackingNumber) &&
                (filter.dueBefore === undefined || c.dueAt < filter.dueBefore) &&
                (filter.from === undefined || c.registeredAt >= filter.from) &&
                (filter.to === undefined || c.registeredAt < filter.to),
            )
            .sort(
              (a, b) => byString(a.dueAt, b.dueAt) || byString(a.registeredAt, b.registeredAt) || byString(a.id, b.id),
            );
          const offset = page.after ? Number.parseInt(page.after, 10) || 0 : 0;
          const items = rows.slice(offset, offset + page.limit);
          return { items, nextCursor: offset + page.limit < rows.length ? String(offset + page.limit) : null };
        },
      },

      attachments: {
        insert: (record) =>
          run(() => {
            if (this.attachmentRows.has(record.id)) return false;
            this.attachmentRows.set(record.id, record);
            return true;
          }),
        get: async (id) => this.attachmentRows.get(id) ?? null,
        update: (record) => run(() => this.attachmentRows.set(record.id, record)),
      },

      chats: {
        insert: (record) =>
          run(() => {
            if (this.chatRows.has(record.id)) return false;
            this.chatRows.set(record.id, record);
            return true;
          }),
        get: async (id) => this.chatRows.get(id) ?? null,
        update: (record) => run(() => this.chatRows.set(record.id, record)),
        listByStatus: async (status) =>
          this.chatRows
            .filter((c) => c.status === status)
            .sort((a, b) => byString(a.queuedAt, b.queuedAt) || a.queueSeq - b.queueSeq),
        listCreated: async (from, to) =>
          this.chatRows
            .filter((c) => c.createdAt >= from && c.createdAt < to)
            .sort((a, b) => byString(a.createdAt, b.createdAt)),
        listClosedSince: async (since, limit) =>
          this.chatRows
            .filter((c) => c.closedAt !== null && c.closedAt >= since)
            .sort((a, b) => byString(b.closedAt ?? '', a.closedAt ?? ''))
            .slice(0, limit),
        listBySubject: async (subjectId) =>
          this.chatRows.filter((c) => c.subjectId === subjectId).sort((a, b) => byString(a.createdAt, b.createdAt)),
      },

      messages: {
        insert: (record) =>
          run(() => {
            if (this.messageRows.has(record.id)) return false;
            if (
              record.clientMessageId !== null &&
              this.messageRows.has(`c:${record.sessionId}:${record.clientMessageId}`)
            ) {
              return false;
            }
            this.messageRows.set(record.id, record);
            if (record.clientMessageId !== null) {
              this.messageRows.set(`c:${record.sessionId}:${record.clientMessageId}`, record);
            }
            return true;
          }),
        getByClientId: async (sessionId, clientMessageId) => {
          const pointer = this.messageRows.get(`c:${sessionId}:${clientMessageId}`);
          return pointer ? (this.messageRows.get(pointer.id) ?? null) : null;
        },
        list: async (sessionId) =>
          [...this.messageRows.rows.entries()]
            .filter(([key, m]) => !key.startsWith('c:') && m.sessionId === sessionId)
            .map(([, m]) => structuredClone(m))
            .sort((a, b) => a.seq - b.seq),
        update: (record) => run(() => this.messageRows.set(record.id, record)),
      },

      callbacks: {
        insert: (record) =>
          run(() => {
            if (this.callbackRows.has(record.id)) return false;
            this.callbackRows.set(record.id, record);
            return true;
          }),
        get: async (id) => this.callbackRows.get(id) ?? null,
        update: (record) => run(() => this.callbackRows.set(record.id, record)),
        listBySlot: async (from, to) =>
          this.callbackRows
            .filter((c) => c.slotStart !== null && c.slotStart >= from && c.slotStart < to)
            .sort((a, b) => byString(a.slotStart ?? '', b.slotStart ?? '')),
        listByStatus: async (status) =>
          this.callbackRows.filter((c) => status.includes(c.status)).sort((a, b) => byString(a.createdAt, b.createdAt)),
        listCreated: async (from, to) =>
          this.callbackRows
            .filter((c) => c.createdAt >= from && c.createdAt < to)
            .sort((a, b) => byString(a.createdAt, b.createdAt)),
        listBySubject: async (subjectId) =>
          this.callbackRows.filter((c) => c.subjectId === subjectId).sort((a, b) => byString(a.createdAt, b.createdAt)),
      },

      outages: {
        insert: (record) =>
          run(() => {
            if (this.outageRows.has(record.id)) return false;
            this.outageRows.set(record.id, record);
            return true;
          }),
        get: async (id) => this.outageRows.get(id) ?? null,
        update: (record) => run(() => this.outageRows.set(record.id, record)),
        list: async (resolvedSince) =>
          this.outageRows
            .filter((o) => o.resolvedAt === null || o.resolvedAt >= resolvedSince)
            .sort((a, b) => byString(a.startedAt, b.startedAt)),
      },

      ratings: {
        insert: (record) =>
          run(() => {
            const key = `${record.subjectKind}:${record.subjectRef}`;
            if (this.ratingRows.has(key)) return false;
            this.ratingRows.set(key, record);
            return true;
          }),
        getBySubject: async (kind: RatingSubjectKind, ref: string) => this.ratingRows.get(`${kind}:${ref}`) ?? null,
        listCreated: async (from, to) =>
          this.ratingRows
            .filter((r) => r.createdAt >= from && r.createdAt < to)
            .sort((a, b) => byString(a.createdAt, b.createdAt)),
        listBySubject: async (subjectId) =>
          this.ratingRows.filter((r) => r.subjectId === subjectId).sort((a, b) => byString(a.createdAt, b.createdAt)),
      },

      operators: {
        upsert: (record) => run(() => this.operatorRows.set(record.id, record)),
        get: async (id) => this.operatorRows.get(id) ?? null,
        list: async () => this.operatorRows.values().sort((a, b) => byString(a.id, b.id)),
      },

      idempotency: {
        begin: (record, now) =>
          run(() => {
            const existing = this.idempotencyRows.get(record.key);
            if (existing && existing.expiresAt > now) return existing;
            this.idempotencyRows.set(record.key, record);
            return null;
          }),
        complete: (key, response) =>
          run(() => {
            const existing = this.idempotencyRows.get(key);
            if (existing) this.idempotencyRows.set(key, { ...existing, state: 'done', response });
          }),
        release: (key) => run(() => this.idempotencyRows.delete(key)),
        purge: (now) =>
          run(() => {
            let count = 0;
            for (const [key, row] of [...this.idempotencyRows.rows]) {
              if (row.expiresAt <= now) {
                this.idempotencyRows.delete(key);
                count++;
              }
            }
            return count;
          }),
      },

      events: {
        append: <T>(stream: string, type: string, data: T, at: string) =>
          run(() => {
            if (!this.eventRows.has(stream)) this.eventRows.set(stream, []);
            // Appended in place (copying a long stream on every append would be quadratic); undone by a pop.
            const list = this.eventRows.rows.get(stream)!;
            const counter = this.counterRows.get(`events:${stream}`)?.value ?? 0;
            const event: StreamEvent<T> = structuredClone({ id: counter + 1, stream, type, data, at });
            this.counterRows.set(`events:${stream}`, { value: counter + 1 });
            list.push(event);
            this.log?.push(() => list.pop());
            (this.pending ?? []).push(structuredClone(event));
            return structuredClone(event);
          }),
        after: async (stream, afterId, limit) => {
          const list = this.eventRows.rows.get(stream) ?? [];
          const start = list.findIndex((e) => e.id > afterId);
          return start < 0 ? [] : structuredClone(list.slice(start, start + limit));
        },
        lastId: async (stream) => this.counterRows.get(`events:${stream}`)?.value ?? 0,
        firstId: async (stream) => this.eventRows.rows.get(stream)?.[0]?.id ?? 0,
        purge: (before) =>
          run(() => {
            let count = 0;
            for (const [stream, list] of [...this.eventRows.rows]) {
              const keep = list.filter((e, i) => e.at >= before || i === list.length - 1);
              count += list.length - keep.length;
              if (keep.length !== list.length) this.eventRows.set(stream, keep);
            }
            return count;
          }),
      },

      rateLimits: {
        hit: (key, now, windowMs) =>
          run(() => {
            const start = Math.floor(Date.parse(now) / windowMs) * windowMs;
            const resetAt = new Date(start + windowMs).toISOString();
            const row = this.counterRows.get(`rate:${key}`);
            const count = row && row.resetAt === resetAt ? row.value + 1 : 1;
            this.counterRows.set(`rate:${key}`, { value: count, resetAt });
            return { count, resetAt };
          }),
      },

      sequences: {
        next: (name) =>
          run(() => {
            const value = (this.counterRows.get(`seq:${name}`)?.value ?? 0) + 1;
            this.counterRows.set(`seq:${name}`, { value });
            return value;
          }),
      },
    };
  }

  /**
   * Runs `fn` as a transaction. One begun while another is under way waits for it (the mutex), as a SQL store's
   * would wait for its lock: joining it, its writes would have escaped the other's rollback and its events, appended
   * after the other committed, would never have been announced. One begun from inside a transaction's own code joins
   * it, as the {@link Store} contract says, where the runtime can tell (Node's AsyncLocalStorage, as the SQL store
   * does); in a browser it would wait for ever, and the backend never nests them.
   */
  transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T> {
    if (this.log && this.flow?.getStore() === this) return fn(this.inside);
    return this.mutex.run(async () => {
      this.log = [];
      this.pending = [];
      try {
        const result = await (this.flow ? this.flow.run(this, () => fn(this.inside)) : fn(this.inside));
        const events = this.pending;
        this.log = null;
        this.pending = null;
        this.announce(events);
        return result;
      } catch (error) {
        const undo = this.log ?? [];
        this.log = null;
        this.pending = null;
        for (let i = undo.length - 1; i >= 0; i--) undo[i]?.();
        throw error;
      }
    });
  }

  subscribe(stream: string, listener: (event: StreamEvent) => void): () => void {
    let set = this.listeners.get(stream);
    if (!set) this.listeners.set(stream, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(stream);
    };
  }
}
