// SPDX-License-Identifier: MIT
/**
 * The storage the backend runs on. Every method is async and every record is a plain JSON-compatible object (ISO
 * date strings, no `Date`, no class instances), so the same interface maps onto SQL rows with JSONB columns.
 *
 * Semantics every implementation must keep (the in-memory store is the reference):
 * - reads return copies: changing a returned record changes nothing until it is written back;
 * - `insert` refuses a duplicate key by returning `false` (a unique constraint in SQL), never by throwing;
 * - `transaction(fn)` runs `fn` with a session whose writes all happen or none do; a thrown error rolls back;
 *   events appended inside a transaction reach subscribers only after it commits;
 * - event ids are integers strictly increasing within a stream, assigned at append, never reused.
 *
 * @packageDocumentation
 */
import type {
  AppealKind,
  Attachment,
  AuthorKind,
  CallbackOutcome,
  CallbackStatus,
  Channel,
  ChatStatus,
  Complaint,
  ComplaintStatus,
  Locale,
  Outage,
  QuickReply,
  RatingSubjectKind,
  TextOrLocalized,
} from '../wire.js';

/** An appeal as stored: the operator's view plus what never leaves the server. */
export interface ComplaintRecord extends Complaint {
  /** Keyed hash of the access code (see `hashSecret`); the code itself is never stored. */
  accessCodeHash: string;
  /** The verified citizen identity (portal subject) that filed it, linking their history. */
  subjectId: string | null;
  /** When the status last changed, for reports. */
  statusChangedAt: string;
  /** When the appeal was first answered, for reports (null until then). */
  answeredAt: string | null;
}

/** An uploaded file's metadata; the bytes are the host's business (`storageKey`). */
export interface AttachmentRecord extends Attachment {
  /** Where the host keeps the bytes. */
  storageKey: string | null;
  /** What it was attached to; null while unused (an unused upload expires after 24 hours). */
  linkedTo: { kind: 'complaint' | 'comment' | 'message' | 'resolution'; id: string } | null;
  /** The rate-limit client that uploaded it; only they may attach it. */
  uploadedBy: string | null;
}

/** Why a chat ended (the contract's `ChatCloseReason`). */
export type ChatCloseReason = 'citizen_closed' | 'operator_closed' | 'inactivity' | 'center_closed' | 'outage';

/** A chat session as stored. */
export interface ChatSessionRecord {
  id: string;
  /** Keyed hash of the session token. */
  tokenHash: string;
  status: ChatStatus;
  language: Locale;
  /** A category id, or null. */
  topic: string | null;
  /** Name the citizen gave or the identity carried, for the operator's greeting. */
  citizenName: string | null;
  citizenPhone: string | null;
  subjectId: string | null;
  /** Knowledge-base articles read before asking. */
  kbArticleIds: string[];
  consent: { given: boolean; version: string; at: string };
  createdAt: string;
  /** The queue order: when the citizen joined the queue (a transfer back to the queue keeps the place). */
  queuedAt: string;
  /** Arrival order among chats queued at the same instant (from the `chat-queue` sequence). */
  queueSeq: number;
  /** When the first operator joined: `firstAssignedAt − createdAt` is the wait. */
  firstAssignedAt: string | null;
  /** When the current operator joined. */
  assignedAt: string | null;
  operatorId: string | null;
  /** Operators that took part, in order. */
  operatorIds: string[];
  closedAt: string | null;
  closeReason: ChatCloseReason | null;
  lastCitizenActivityAt: string;
  /** When the inactivity warning was sent; cleared by the citizen's next message. */
  inactivityWarnedAt: string | null;
  /** Last message sequence number used in this session. */
  lastSeq: number;
  /** The operator's mark: solved during this contact (first-contact resolution); null when not marked. */
  resolved: boolean | null;
  /** The citizen's own answer on closing; null when not given. */
  citizenResolved: boolean | null;
}

/** A chat message as stored. */
export interface ChatMessageRecord {
  id: string;
  sessionId: string;
  /** Order within the session, from 1. */
  seq: number;
  /** The client's id for a citizen message; unique within the session (idempotency). */
  clientMessageId: string | null;
  author: { kind: AuthorKind; displayName: string | null; operatorId: string | null };
  text: TextOrLocalized;
  attachments: Attachment[];
  quickReplies: QuickReply[];
  quickReplyId: string | null;
  createdAt: string;
  deliveredAt: string | null;
  readAt: string | null;
}

/** A callback request as stored. */
export interface CallbackRecord {
  id: string;
  tokenHash: string;
  status: CallbackStatus;
  phone: string;
  name: string | null;
  topic: string;
  categoryId: string | null;
  language: Locale;
  /** The slot start; null for "as soon as possible". */
  slotStart: string | null;
  slotEnd: string | null;
  chatSessionId: string | null;
  subjectId: string | null;
  consent: { given: boolean; version: string; at: string };
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  cancelledAt: string | null;
  operatorId: string | null;
  attempts: number;
  outcome: CallbackOutcome | null;
  /** Solved on the call (first-contact resolution); null when not recorded. */
  resolved: boolean | null;
  note: string | null;
}

/** A rating as stored; one per subject. */
export interface RatingRecord {
  id: string;
  subjectKind: RatingSubjectKind;
  subjectRef: string;
  csat: number;
  resolved: boolean;
  ces: number | null;
  nps: number | null;
  comment: string | null;
  reasons: string[];
  followUpConsent: boolean;
  followUpPhone: string | null;
  followUpEmail: string | null;
  subjectId: string | null;
  locale: Locale | null;
  createdAt: string;
}

/** An operator of the contact center. */
export interface OperatorRecord {
  id: string;
  /** The name citizens see (first name is customary). */
  displayName: string;
  roles: ('operator' | 'supervisor')[];
  online: boolean;
  /** How many chats at once. */
  maxChats: number;
  lastSeenAt: string | null;
}

/** An answer kept for an `Idempotency-Key`. */
export interface IdempotencyRecord {
  key: string;
  /** Hash of the operation and its input. */
  fingerprint: string;
  state: 'in_flight' | 'done';
  response: { status: number; body: unknown; headers: Record<string, string> } | null;
  createdAt: string;
  expiresAt: string;
}

/** An event of a stream, as replayed to SSE readers. */
export interface StreamEvent<T = unknown> {
  /** Strictly increasing within the stream, from 1. */
  id: number;
  stream: string;
  type: string;
  data: T;
  at: string;
}

/** A page request: `after` is an opaque cursor from the previous page. */
export interface PageRequest {
  limit: number;
  after?: string | null;
}

/** A page of records. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Filters for listing appeals. */
export interface ComplaintFilter {
  status?: ComplaintStatus[];
  kind?: AppealKind;
  categoryId?: string;
  channel?: Channel;
  trackingNumber?: string;
  subjectId?: string;
  chatSessionId?: string;
  /** `dueAt` before this instant. */
  dueBefore?: string;
  /** `registeredAt` in `[from, to)`. */
  from?: string;
  to?: string;
}

/** The repositories; a transaction gets the same shape. */
export interface StoreSession {
  complaints: {
    insert(record: ComplaintRecord): Promise<boolean>;
    get(id: string): Promise<ComplaintRecord | null>;
    getByTrackingNumber(trackingNumber: string): Promise<ComplaintRecord | null>;
    update(record: ComplaintRecord): Promise<void>;
    /** Earliest `dueAt` first, then `registeredAt`, then id. */
    list(filter: ComplaintFilter, page: PageRequest): Promise<Page<ComplaintRecord>>;
  };
  attachments: {
    insert(record: AttachmentRecord): Promise<boolean>;
    get(id: string): Promise<AttachmentRecord | null>;
    update(record: AttachmentRecord): Promise<void>;
  };
  chats: {
    insert(record: ChatSessionRecord): Promise<boolean>;
    get(id: string): Promise<ChatSessionRecord | null>;
    update(record: ChatSessionRecord): Promise<void>;
    /** Sessions by status in queue order: `queuedAt`, then `queueSeq`. */
    listByStatus(status: ChatStatus): Promise<ChatSessionRecord[]>;
    /** Sessions created in `[from, to)`. */
    listCreated(from: string, to: string): Promise<ChatSessionRecord[]>;
    /** Sessions closed at or after `since`, newest first, at most `limit` (for handling-time estimates). */
    listClosedSince(since: string, limit: number): Promise<ChatSessionRecord[]>;
    listBySubject(subjectId: string): Promise<ChatSessionRecord[]>;
  };
  messages: {
    /** Refuses (false) a second message with the same `clientMessageId` in a session. */
    insert(record: ChatMessageRecord): Promise<boolean>;
    getByClientId(sessionId: string, clientMessageId: string): Promise<ChatMessageRecord | null>;
    /** In `seq` order. */
    list(sessionId: string): Promise<ChatMessageRecord[]>;
    update(record: ChatMessageRecord): Promise<void>;
  };
  callbacks: {
    insert(record: CallbackRecord): Promise<boolean>;
    get(id: string): Promise<CallbackRecord | null>;
    update(record: CallbackRecord): Promise<void>;
    /** Callbacks whose slot starts in `[from, to)`, any status. */
    listBySlot(from: string, to: string): Promise<CallbackRecord[]>;
    /** Callbacks with one of these statuses, oldest first. */
    listByStatus(status: CallbackStatus[]): Promise<CallbackRecord[]>;
    /** Created in `[from, to)`. */
    listCreated(from: string, to: string): Promise<CallbackRecord[]>;
    listBySubject(subjectId: string): Promise<CallbackRecord[]>;
  };
  outages: {
    insert(record: Outage): Promise<boolean>;
    get(id: string): Promise<Outage | null>;
    update(record: Outage): Promise<void>;
    /** Not resolved, and resolved at or after `resolvedSince`; by `startedAt`. */
    list(resolvedSince: string): Promise<Outage[]>;
  };
  ratings: {
    /** Refuses (false) a second rating of the same subject. */
    insert(record: RatingRecord): Promise<boolean>;
    getBySubject(kind: RatingSubjectKind, ref: string): Promise<RatingRecord | null>;
    listCreated(from: string, to: string): Promise<RatingRecord[]>;
    listBySubject(subjectId: string): Promise<RatingRecord[]>;
  };
  operators: {
    upsert(record: OperatorRecord): Promise<void>;
    get(id: string): Promise<OperatorRecord | null>;
    list(): Promise<OperatorRecord[]>;
  };
  idempotency: {
    /**
     * Claims `key`: inserts an `in_flight` record and returns null, or returns the record already there (a
     * live one; an expired record is replaced as if absent).
     */
    begin(record: IdempotencyRecord, now: string): Promise<IdempotencyRecord | null>;
    /** Stores the final answer of a claimed key. */
    complete(key: string, response: NonNullable<IdempotencyRecord['response']>): Promise<void>;
    /** Forgets a claimed key (an answer that is not kept, e.g. 409 or 429). */
    release(key: string): Promise<void>;
    /** Deletes records that expired before `now`; returns how many. */
    purge(now: string): Promise<number>;
  };
  events: {
    /** Appends with the next id of the stream. */
    append<T>(stream: string, type: string, data: T, at: string): Promise<StreamEvent<T>>;
    /** Events with id > `afterId`, ascending, at most `limit`. */
    after(stream: string, afterId: number, limit: number): Promise<StreamEvent[]>;
    /** The last id of the stream, 0 when empty. */
    lastId(stream: string): Promise<number>;
    /** The smallest id still held (0 when empty): a reader behind it has missed events. */
    firstId(stream: string): Promise<number>;
    /** Deletes events older than `before`, keeping at least the last event of each stream. */
    purge(before: string): Promise<number>;
  };
  rateLimits: {
    /**
     * Counts one hit of `key` in the fixed window of `windowMs` that contains `now`; returns the count so far in
     * that window and when it ends.
     */
    hit(key: string, now: string, windowMs: number): Promise<{ count: number; resetAt: string }>;
  };
  sequences: {
    /** The next value of a named counter, from 1 (a tracking number per year). */
    next(name: string): Promise<number>;
  };
}

/**
 * The whole store: the repositories, transactions and event notification.
 *
 * A SQL implementation runs `transaction` as `BEGIN … COMMIT` (serialisable or with row locks where a read
 * decides a write: slot capacity, chat assignment), and `subscribe` over `LISTEN/NOTIFY` across instances.
 */
export interface Store extends StoreSession {
  /**
   * Runs `fn` atomically: its writes all happen or none do. Inside, use only the session passed to `fn`.
   */
  transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` with every event appended to `stream` after this call (after commit). Returns the
   * unsubscribe function. Use {@link Backend.subscribe} for replay plus live events without gaps.
   */
  subscribe(stream: string, listener: (event: StreamEvent) => void): () => void;
}
