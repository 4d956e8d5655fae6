// SPDX-License-Identifier: MIT
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  AttachmentRecord,
  CallbackRecord,
  ChatMessageRecord,
  ChatSessionRecord,
  ComplaintRecord,
  IdempotencyRecord,
  OperatorRecord,
  RatingRecord,
  Store,
  StoreSession,
  StreamEvent,
} from '@kc/backend';
import type { Db, Queryable, SqlValue } from '../db/db.js';

/** The `NOTIFY` channel on which committed events are announced to every server instance. */
export const EVENTS_CHANNEL = 'kc_events';

// A notification carries at most 8000 bytes; a larger event is announced by its key and read back.
const INLINE_LIMIT = 7000;
// Any constant: every Store transaction of every instance takes it, so they run one at a time as in MemoryStore.
const TRANSACTION_LOCK = 7_352_002;

type Doc<T> = { doc: T };
type Outage = Parameters<StoreSession['outages']['insert']>[0];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// A page cursor: the sort key of the last row, so that the next page starts after it (keyset paging).
function encodeCursor(key: [string, string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): [string, string, string] | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string')) {
      if (!Number.isNaN(Date.parse(v[0] as string)) && !Number.isNaN(Date.parse(v[1] as string))) {
        return v as [string, string, string];
      }
    }
  } catch {
    // an unreadable cursor starts from the first page, as MemoryStore does
  }
  return undefined;
}

function complaintColumns(r: ComplaintRecord): SqlValue[] {
  return [
    r.id,
    r.trackingNumber,
    r.status,
    r.subjectId,
    r.chatSessionId ?? null,
    r.registeredAt,
    r.kind,
    r.category.id,
    r.channel,
    r.dueAt,
    r as unknown as SqlValue,
  ];
}

/**
 * The backend's {@link Store} on PostgreSQL (PGlite or a real server), with the semantics of `MemoryStore`:
 * records are read and written whole as JSONB beside indexed copies of the fields queried by; a duplicate key
 * makes `insert` return `false`; `transaction` is all or nothing, and transactions run one at a time (an advisory
 * lock on PostgreSQL, so also across instances); nested `transaction` calls join the outer one.
 *
 * Events are rows with per-stream ids. Each append also sends `NOTIFY kc_events`, which PostgreSQL delivers after
 * the commit, to every instance listening: `subscribe` therefore sees only committed events, from any instance.
 * Subscribers of one event share one deep-frozen object, so that a host can serialise it once for all readers.
 *
 * Call {@link SqlStore.open} (not the constructor) so that the notification listener is in place; run
 * migrations first.
 *
 * @example
 * ```ts
 * const db = await openPglite({ dataDir: '.data' });
 * await migrate(db);
 * const store = await SqlStore.open(db);
 * ```
 */
export class SqlStore implements Store {
  private readonly listeners = new Map<string, Set<(event: StreamEvent) => void>>();
  private readonly current = new AsyncLocalStorage<StoreSession>();
  private delivery: Promise<void> = Promise.resolve();
  private unlisten: (() => Promise<void>) | undefined;

  /** Opens the store on a migrated database and starts listening for events. */
  static async open(db: Db): Promise<SqlStore> {
    const store = new SqlStore(db);
    store.unlisten = await db.listen(EVENTS_CHANNEL, (payload) => store.onNotification(payload));
    return store;
  }

  private constructor(readonly db: Db) {
    const s = this.session(db);
    this.complaints = s.complaints;
    this.attachments = s.attachments;
    this.chats = s.chats;
    this.messages = s.messages;
    this.callbacks = s.callbacks;
    this.outages = s.outages;
    this.ratings = s.ratings;
    this.operators = s.operators;
    this.idempotency = s.idempotency;
    this.events = s.events;
    this.rateLimits = s.rateLimits;
    this.sequences = s.sequences;
  }

  readonly complaints: StoreSession['complaints'];
  readonly attachments: StoreSession['attachments'];
  readonly chats: StoreSession['chats'];
  readonly messages: StoreSession['messages'];
  readonly callbacks: StoreSession['callbacks'];
  readonly outages: StoreSession['outages'];
  readonly ratings: StoreSession['ratings'];
  readonly operators: StoreSession['operators'];
  readonly idempotency: StoreSession['idempotency'];
  readonly events: StoreSession['events'];
  readonly rateLimits: StoreSession['rateLimits'];
  readonly sequences: StoreSession['sequences'];

  transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return fn(outer);
    return this.db.transaction(async (q) => {
      let open = true;
      const guarded: Queryable = {
        query: (sql, params) => {
          if (!open) return Promise.reject(new Error('the transaction has ended'));
          return q.query(sql, params);
        },
      };
      if (this.db.kind === 'postgres') await q.query('SELECT pg_advisory_xact_lock($1)', [TRANSACTION_LOCK]);
      const session = this.session(guarded);
      try {
        return await this.current.run(session, () => fn(session));
      } finally {
        open = false;
      }
    });
  }

  subscribe(stream: string, listener: (event: StreamEvent) => void): () => void {
    let set = this.listeners.get(stream);
    if (!set) this.listeners.set(stream, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(stream) === set) this.listeners.delete(stream);
    };
  }

  /**
   * Forgets uploads never attached to anything (an appeal, a comment, a chat message) and uploaded before
   * `uploadedBefore` (ISO 8601), in one transaction with the lock every Store transaction takes.
   *
   * @returns the storage keys no remaining upload refers to (uploads are content-addressed, so the same bytes may
   *   still belong to another one): the host deletes those files.
   */
  async purgeUnusedAttachments(uploadedBefore: string): Promise<string[]> {
    return this.db.transaction(async (q) => {
      if (this.db.kind === 'postgres') await q.query('SELECT pg_advisory_xact_lock($1)', [TRANSACTION_LOCK]);
      const { rows } = await q.query<{ key: string | null }>(
        `DELETE FROM kc_attachments
          WHERE COALESCE(doc->'linkedTo', 'null'::jsonb) = 'null'::jsonb AND doc->>'uploadedAt' < $1
          RETURNING doc->>'storageKey' AS key`,
        [uploadedBefore],
      );
      const unused: string[] = [];
      for (const key of new Set(rows.map((r) => r.key))) {
        if (!key) continue;
        const kept = await q.query("SELECT 1 FROM kc_attachments WHERE doc->>'storageKey' = $1 LIMIT 1", [key]);
        if (kept.rows.length === 0) unused.push(key);
      }
      return unused;
    });
  }

  /** Stops listening for events (the database itself is closed by its owner). */
  async close(): Promise<void> {
    this.listeners.clear();
    await this.unlisten?.();
    this.unlisten = undefined;
    await this.delivery;
  }

  private onNotification(payload: string): void {
    // One chain for all notifications keeps events in commit order, also when one has to be read back.
    this.delivery = this.delivery
      .then(async () => {
        const note = JSON.parse(payload) as { event?: StreamEvent; stream?: string; id?: number };
        const stream = note.event?.stream ?? note.stream;
        if (!stream || !this.listeners.has(stream)) return;
        let event = note.event;
        if (!event) {
          const { rows } = await this.db.query<Doc<StreamEvent>>(
            'SELECT doc FROM kc_events WHERE stream = $1 AND id = $2',
            [stream, note.id ?? 0],
          );
          event = rows[0]?.doc;
          if (!event) return; // already purged
        }
        deepFreeze(event);
        for (const listener of [...(this.listeners.get(stream) ?? [])]) {
          try {
            listener(event);
          } catch {
            // A subscriber's failure must not starve the others.
          }
        }
      })
      .catch(() => {});
  }

  private session(q: Queryable): StoreSession {
    const one = async <T>(sql: string, params: SqlValue[]): Promise<T | null> =>
      (await q.query<Doc<T>>(sql, params)).rows[0]?.doc ?? null;
    const many = async <T>(sql: string, params: SqlValue[]): Promise<T[]> =>
      (await q.query<Doc<T>>(sql, params)).rows.map((r) => r.doc);
    const inserted = async (sql: string, params: SqlValue[]): Promise<boolean> =>
      (await q.query(sql, params)).rowCount > 0;
    const json = (v: unknown): SqlValue => v as SqlValue;

    return {
      complaints: {
        insert: (r: ComplaintRecord) =>
          inserted(
            `INSERT INTO kc_complaints (id, tracking_number, status, subject_id, chat_session_id, registered_at,
               kind, category_id, channel, due_at, doc)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
            complaintColumns(r),
          ),
        get: (id) => one('SELECT doc FROM kc_complaints WHERE id = $1', [id]),
        getByTrackingNumber: (n) => one('SELECT doc FROM kc_complaints WHERE tracking_number = $1', [n]),
        update: async (r) => {
          await q.query(
            `UPDATE kc_complaints SET tracking_number = $2, status = $3, subject_id = $4, chat_session_id = $5,
               registered_at = $6, kind = $7, category_id = $8, channel = $9, due_at = $10, doc = $11 WHERE id = $1`,
            complaintColumns(r),
          );
        },
        list: async (filter, page) => {
          const where: string[] = [];
          const params: SqlValue[] = [];
          const p = (v: SqlValue): string => {
            params.push(v);
            return `$${params.length}`;
          };
          if (filter.status)
            where.push(`status IN (SELECT jsonb_array_elements_text(${p(json(filter.status))}::jsonb))`);
          if (filter.kind !== undefined) where.push(`kind = ${p(filter.kind)}`);
          if (filter.categoryId !== undefined) where.push(`category_id = ${p(filter.categoryId)}`);
          if (filter.channel !== undefined) where.push(`channel = ${p(filter.channel)}`);
          if (filter.trackingNumber !== undefined) where.push(`tracking_number = ${p(filter.trackingNumber)}`);
          if (filter.dueBefore !== undefined) where.push(`due_at < ${p(filter.dueBefore)}::timestamptz`);
          if (filter.subjectId !== undefined) where.push(`subject_id = ${p(filter.subjectId)}`);
          if (filter.chatSessionId !== undefined) where.push(`chat_session_id = ${p(filter.chatSessionId)}`);
          if (filter.from !== undefined) where.push(`registered_at >= ${p(filter.from)}::timestamptz`);
          if (filter.to !== undefined) where.push(`registered_at < ${p(filter.to)}::timestamptz`);
          const cursor = page.after ? decodeCursor(page.after) : undefined;
          if (cursor) {
            where.push(
              `(due_at, registered_at, id) > (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::timestamptz, ${p(cursor[2])})`,
            );
          }
          const rows = await many<ComplaintRecord>(
            `SELECT doc FROM kc_complaints ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
             ORDER BY due_at, registered_at, id LIMIT ${p(page.limit + 1)}`,
            params,
          );
          const items = rows.slice(0, page.limit);
          const last = items[items.length - 1];
          return {
            items,
            nextCursor:
              rows.length > page.limit && last ? encodeCursor([last.dueAt, last.registeredAt, last.id]) : null,
          };
        },
      },

      attachments: {
        insert: (r: AttachmentRecord) =>
          inserted('INSERT INTO kc_attachments (id, doc) VALUES ($1, $2) ON CONFLICT DO NOTHING', [r.id, json(r)]),
        get: (id) => one('SELECT doc FROM kc_attachments WHERE id = $1', [id]),
        update: async (r) => {
          await q.query('UPDATE kc_attachments SET doc = $2 WHERE id = $1', [r.id, json(r)]);
        },
      },

      chats: {
        insert: (r: ChatSessionRecord) =>
          inserted(
            `INSERT INTO kc_chat_sessions (id, status, subject_id, created_at, queued_at, closed_at, doc)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
            [r.id, r.status, r.subjectId, r.createdAt, r.queuedAt, r.closedAt, json(r)],
          ),
        get: (id) => one('SELECT doc FROM kc_chat_sessions WHERE id = $1', [id]),
        update: async (r) => {
          await q.query(
            `UPDATE kc_chat_sessions SET status = $2, subject_id = $3, created_at = $4, queued_at = $5,
               closed_at = $6, doc = $7 WHERE id = $1`,
            [r.id, r.status, r.subjectId, r.createdAt, r.queuedAt, r.closedAt, json(r)],
          );
        },
        listByStatus: (status) =>
          many('SELECT doc FROM kc_chat_sessions WHERE status = $1 ORDER BY queued_at, id', [status]),
        listCreated: (from, to) =>
          many(
            `SELECT doc FROM kc_chat_sessions WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz
             ORDER BY created_at, id`,
            [from, to],
          ),
        listClosedSince: (since, limit) =>
          many(
            `SELECT doc FROM kc_chat_sessions WHERE closed_at >= $1::timestamptz ORDER BY closed_at DESC, id DESC
             LIMIT $2`,
            [since, limit],
          ),
        listBySubject: (subjectId) =>
          many('SELECT doc FROM kc_chat_sessions WHERE subject_id = $1 ORDER BY created_at, id', [subjectId]),
      },

      messages: {
        insert: (r: ChatMessageRecord) =>
          inserted(
            `INSERT INTO kc_chat_messages (id, session_id, seq, client_message_id, doc) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING`,
            [r.id, r.sessionId, r.seq, r.clientMessageId, json(r)],
          ),
        getByClientId: (sessionId, clientMessageId) =>
          one('SELECT doc FROM kc_chat_messages WHERE session_id = $1 AND client_message_id = $2', [
            sessionId,
            clientMessageId,
          ]),
        list: (sessionId) =>
          many('SELECT doc FROM kc_chat_messages WHERE session_id = $1 ORDER BY seq, id', [sessionId]),
        update: async (r) => {
          await q.query('UPDATE kc_chat_messages SET seq = $2, client_message_id = $3, doc = $4 WHERE id = $1', [
            r.id,
            r.seq,
            r.clientMessageId,
            json(r),
          ]);
        },
      },

      callbacks: {
        insert: (r: CallbackRecord) =>
          inserted(
            `INSERT INTO kc_callbacks (id, status, slot_start, subject_id, created_at, doc)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
            [r.id, r.status, r.slotStart, r.subjectId, r.createdAt, json(r)],
          ),
        get: (id) => one('SELECT doc FROM kc_callbacks WHERE id = $1', [id]),
        update: async (r) => {
          await q.query(
            `UPDATE kc_callbacks SET status = $2, slot_start = $3, subject_id = $4, created_at = $5, doc = $6
             WHERE id = $1`,
            [r.id, r.status, r.slotStart, r.subjectId, r.createdAt, json(r)],
          );
        },
        listBySlot: (from, to) =>
          many(
            `SELECT doc FROM kc_callbacks WHERE slot_start >= $1::timestamptz AND slot_start < $2::timestamptz
             ORDER BY slot_start, id`,
            [from, to],
          ),
        listByStatus: (status) =>
          many(
            `SELECT doc FROM kc_callbacks WHERE status IN (SELECT jsonb_array_elements_text($1::jsonb))
             ORDER BY created_at, id`,
            [json(status)],
          ),
        listCreated: (from, to) =>
          many(
            `SELECT doc FROM kc_callbacks WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz
             ORDER BY created_at, id`,
            [from, to],
          ),
        listBySubject: (subjectId) =>
          many('SELECT doc FROM kc_callbacks WHERE subject_id = $1 ORDER BY created_at, id', [subjectId]),
      },

      outages: {
        insert: (r: Outage) =>
          inserted(
            'INSERT INTO kc_outages (id, started_at, resolved_at, doc) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
            [r.id, r.startedAt, r.resolvedAt ?? null, json(r)],
          ),
        get: (id) => one('SELECT doc FROM kc_outages WHERE id = $1', [id]),
        update: async (r) => {
          await q.query('UPDATE kc_outages SET started_at = $2, resolved_at = $3, doc = $4 WHERE id = $1', [
            r.id,
            r.startedAt,
            r.resolvedAt ?? null,
            json(r),
          ]);
        },
        list: (resolvedSince) =>
          many(
            `SELECT doc FROM kc_outages WHERE resolved_at IS NULL OR resolved_at >= $1::timestamptz
             ORDER BY started_at, id`,
            [resolvedSince],
          ),
      },

      ratings: {
        insert: (r: RatingRecord) =>
          inserted(
            `INSERT INTO kc_ratings (id, subject_kind, subject_ref, subject_id, created_at, doc)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
            [r.id, r.subjectKind, r.subjectRef, r.subjectId, r.createdAt, json(r)],
          ),
        getBySubject: (kind, ref) =>
          one('SELECT doc FROM kc_ratings WHERE subject_kind = $1 AND subject_ref = $2', [kind, ref]),
        listCreated: (from, to) =>
          many(
            `SELECT doc FROM kc_ratings WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz
             ORDER BY created_at, id`,
            [from, to],
          ),
        listBySubject: (subjectId) =>
          many('SELECT doc FROM kc_ratings WHERE subject_id = $1 ORDER BY created_at, id', [subjectId]),
      },

      operators: {
        upsert: async (r: OperatorRecord) => {
          await q.query(
            'INSERT INTO kc_operators (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc',
            [r.id, json(r)],
          );
        },
        get: (id) => one('SELECT doc FROM kc_operators WHERE id = $1', [id]),
        list: () => many('SELECT doc FROM kc_operators ORDER BY id', []),
      },

      idempotency: {
        begin: async (r: IdempotencyRecord, now) => {
          // One statement: claims an absent or expired key, or leaves a live one alone for the read below.
          const claimed = await q.query(
            `INSERT INTO kc_idempotency (key, expires_at, doc) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at, doc = EXCLUDED.doc
             WHERE kc_idempotency.expires_at <= $4::timestamptz`,
            [r.key, r.expiresAt, json(r), now],
          );
          if (claimed.rowCount > 0) return null;
          return one<IdempotencyRecord>('SELECT doc FROM kc_idempotency WHERE key = $1', [r.key]);
        },
        complete: async (key, response) => {
          await q.query(
            `UPDATE kc_idempotency SET doc = doc || jsonb_build_object('state', 'done', 'response', $2::jsonb)
             WHERE key = $1`,
            [key, json(response)],
          );
        },
        release: async (key) => {
          await q.query('DELETE FROM kc_idempotency WHERE key = $1', [key]);
        },
        purge: async (now) =>
          (await q.query('DELETE FROM kc_idempotency WHERE expires_at <= $1::timestamptz', [now])).rowCount,
      },

      events: {
        append: async <T>(stream: string, type: string, data: T, at: string): Promise<StreamEvent<T>> => {
          const write = async (tx: Queryable): Promise<StreamEvent<T>> => {
            const { rows } = await tx.query<{ id: number }>(
              `INSERT INTO kc_event_streams (stream, last_id) VALUES ($1, 1)
               ON CONFLICT (stream) DO UPDATE SET last_id = kc_event_streams.last_id + 1 RETURNING last_id AS id`,
              [stream],
            );
            const id = Number(rows[0]!.id);
            const event: StreamEvent<T> = { id, stream, type, data, at };
            const doc = JSON.stringify(event);
            await tx.query('INSERT INTO kc_events (stream, id, type, at, doc) VALUES ($1, $2, $3, $4, $5::jsonb)', [
              stream,
              id,
              type,
              at,
              doc,
            ]);
            const note = doc.length <= INLINE_LIMIT ? `{"event":${doc}}` : JSON.stringify({ stream, id });
            await tx.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, note]);
            return JSON.parse(doc) as StreamEvent<T>;
          };
          // Outside a transaction the three statements still go together: the id, the row and the notification.
          return q === this.db ? this.db.transaction(write) : write(q);
        },
        after: (stream, afterId, limit) =>
          many('SELECT doc FROM kc_events WHERE stream = $1 AND id > $2 ORDER BY id LIMIT $3', [
            stream,
            afterId,
            limit,
          ]),
        lastId: async (stream) =>
          Number(
            (await q.query<{ id: number }>('SELECT last_id AS id FROM kc_event_streams WHERE stream = $1', [stream]))
              .rows[0]?.id ?? 0,
          ),
        firstId: async (stream) =>
          Number(
            (await q.query<{ id: number | null }>('SELECT min(id) AS id FROM kc_events WHERE stream = $1', [stream]))
              .rows[0]?.id ?? 0,
          ),
        purge: async (before) =>
          (
            await q.query(
              `DELETE FROM kc_events e USING kc_event_streams s
               WHERE e.stream = s.stream AND e.at < $1::timestamptz AND e.id < s.last_id`,
              [before],
            )
          ).rowCount,
      },

      rateLimits: {
        hit: async (key, now, windowMs) => {
          const start = Math.floor(Date.parse(now) / windowMs) * windowMs;
          const resetAt = new Date(start + windowMs).toISOString();
          const { rows } = await q.query<{ count: number }>(
            `INSERT INTO kc_rate_limits (key, window_start, reset_at, count) VALUES ($1, $2, $3, 1)
             ON CONFLICT (key) DO UPDATE SET
               count = CASE WHEN kc_rate_limits.reset_at = EXCLUDED.reset_at THEN kc_rate_limits.count + 1 ELSE 1 END,
               window_start = EXCLUDED.window_start, reset_at = EXCLUDED.reset_at
             RETURNING count`,
            [key, new Date(start).toISOString(), resetAt],
          );
          return { count: Number(rows[0]!.count), resetAt };
        },
      },

      sequences: {
        next: async (name) => {
          const { rows } = await q.query<{ value: number }>(
            `INSERT INTO kc_sequences (name, value) VALUES ($1, 1)
             ON CONFLICT (name) DO UPDATE SET value = kc_sequences.value + 1 RETURNING value`,
            [name],
          );
          return Number(rows[0]!.value);
        },
      },
    };
  }
}
