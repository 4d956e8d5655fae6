// SPDX-License-Identifier: MIT
import type { Config, LocalizedText } from './wire.js';
import type { KbArticleData } from './kb.js';
import type { OperatorRecord, Store } from './store/store.js';

/** Where the backend reads the time. Inject a fake clock in tests and demos. */
export interface Clock {
  now(): Date;
}

/** Where the backend gets randomness: secrets, tokens and ids. Must be a CSPRNG outside tests. */
export interface Random {
  /** Fills a new array of `n` random bytes. */
  bytes(n: number): Uint8Array;
  /** A random UUID v4. */
  uuid(): string;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** `crypto.getRandomValues` and `crypto.randomUUID` (Node 20 and every current browser). */
export const cryptoRandom: Random = {
  bytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
  uuid: () => globalThis.crypto.randomUUID(),
};

/** A portal sign-in the host has verified (e.g. the claims of an eGov JWT). Never trust one the host did not check. */
export interface Identity {
  /** Stable subject id from the identity provider; links every interaction of the citizen. */
  subjectId: string;
  /** Display name, when the token carries one. */
  name?: string;
  /** IIN, when the token carries one. */
  iin?: string;
  /** Phone in E.164, when the token carries one. */
  phone?: string;
}

/** An operator the host has authenticated from the operator token. */
export interface OperatorPrincipal {
  id: string;
  role: 'operator' | 'supervisor';
}

/**
 * What a host passes with every call besides the typed input: the headers that matter and who is calling.
 * Every member is optional; an operation refuses a call that lacks what it needs (`idempotency_key_missing`,
 * `unauthorized`).
 */
export interface CallContext {
  /**
   * A stable id of the caller for rate limiting: the client IP, or a hash of it. Never personal data. Without it
   * the per-client limits are off (the per-number lookup limit still applies).
   */
  clientId?: string;
  /** The `Idempotency-Key` header. */
  idempotencyKey?: string;
  /** The verified portal identity (from `Authorization: Bearer`), or none. */
  identity?: Identity | null;
  /** `X-Kc-Chat-Token`. */
  chatToken?: string;
  /** `X-Kc-View-Token`. */
  viewToken?: string;
  /** `X-Kc-Callback-Token`. */
  callbackToken?: string;
  /** The authenticated operator (operator API). */
  operator?: OperatorPrincipal | null;
  /** `If-None-Match`. */
  ifNoneMatch?: string;
  /** The request path, for the problem's `instance` (never with a query string). */
  instance?: string;
}

/** How many tries per window a rate limit allows. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** Settings of the backend that are not part of the public `Config`. */
export interface BackendSettings {
  /** Tracking number prefix, 2–6 capital letters. @default 'KC' */
  trackingPrefix: string;
  /** Lookups of an appeal per client and per tracking number. @default { limit: 10, windowSeconds: 60 } */
  lookupLimit: RateLimit;
  /** Unsafe citizen requests per client (submissions, uploads, starts). @default { limit: 120, windowSeconds: 60 } */
  writeLimit: RateLimit;
  /** How long idempotency records are kept. @default 86400 */
  idempotencyTtlSeconds: number;
  /** How long stream events are kept for replay. @default 86400 */
  eventTtlSeconds: number;
  /** Lifetime of a view token from `lookupComplaint`. @default 1800 */
  viewTokenTtlSeconds: number;
  /** How long chat and callback tokens stay valid after the session or callback ended. @default 86400 */
  closedTokenTtlSeconds: number;
  /** Callbacks one slot can take (operators on callbacks at once). @default 2 */
  callbackSlotCapacity: number;
  /** Calls per hour an operator clears "as soon as possible", for the estimate. @default 6 */
  asapCallbacksPerHour: number;
  /** Handling time assumed before any chat has closed. @default 300 */
  defaultChatHandleSeconds: number;
  /** How many recent closed chats the handling-time estimate averages. @default 20 */
  handleTimeSample: number;
  /** Assign a queued chat to a free online operator at once (else operators join from the queue). @default false */
  autoAssign: boolean;
  /** Unused uploads are forgotten after this. @default 86400 */
  attachmentTtlSeconds: number;
  /** Department and position answerable for new appeals, by category id prefix (longest match), then `'*'`. */
  responsible: Record<string, { department: LocalizedText; position: LocalizedText }>;
  /** Next steps told on the receipt. */
  nextSteps: LocalizedText;
  /** Inactivity warning shown in a chat before it closes. */
  inactivityWarning: LocalizedText;
  /** Operators known at start (upserted into the store). */
  operators: OperatorRecord[];
  /** Knowledge-base articles. */
  knowledgeBase: KbArticleData[];
  /** The category of complaints about the contact center itself (row 20 of ОДКЦ-01). @default 'contact-center' */
  contactCenterCategory: string;
  /**
   * Secret key for hashing access codes and tokens and signing view tokens, at least 32 bytes. Share it between
   * instances of one center. @default a random key per process (tokens and codes then die with the process)
   */
  secret?: Uint8Array;
}

/** What {@link createBackend} takes. */
export interface BackendOptions {
  store: Store;
  /** The public configuration served by `getConfig` (the contract's `Config`). */
  config: Config;
  settings?: Partial<BackendSettings>;
  /** @default systemClock */
  clock?: Clock;
  /** @default cryptoRandom */
  random?: Random;
}
