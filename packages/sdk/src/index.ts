// SPDX-License-Identifier: MIT
/**
 * `@kc/sdk`: the typed client of a kc contact center — transport with retries and typed errors, a durable outbox,
 * event streams, drafts, and one module per domain. Also re-exports the rules shared with the server
 * (IIN/BIN, Kazakhstan phone numbers, the working calendar) and the contract's types from `@kc/contract`.
 *
 * @packageDocumentation
 */
// The rules the server applies too (one implementation, in @kc/contract), and the contract's types. Not the
// contract's operation table: a page does not need it.
export {
  normalizeDigits,
  iinCheckDigit,
  parseIin,
  isValidIin,
  parseBin,
  isValidBin,
  normalizeKzPhone,
  formatKzPhone,
  isKzMobile,
  zonedParts,
  timeZoneDataIsCurrent,
  localDate,
  addLocalDays,
  zonedToInstant,
  isWorkingDay,
  dayHours,
  isOpen,
  nextOpening,
  nextClosing,
  openIntervals,
  addWorkingDays,
  workingDaysBetween,
  scheduleProblems,
} from '@kc/contract';
export type * from '@kc/contract';
export * from './errors/errors.js';
export {
  createClient,
  createCore,
  KcCore,
  type ClientOptions,
  type KcClient,
  type KcGiven,
  type KcLocale,
} from './client.js';
export {
  Transport,
  isTransient,
  toError,
  type KcRequest,
  type KcResponse,
  type TokenProvider,
  type TransportOptions,
} from './http/transport.js';
export { parseRetryAfter, sleep, type FullRetryPolicy, type RetryPolicy } from './http/retry.js';
export { openStream, type StreamEvent, type StreamOptions } from './realtime/stream.js';
export {
  Outbox,
  idempotencyKey,
  type OutboxEventMap,
  type OutboxOptions,
  type OutboxKind,
  type OutboxRequest,
  type PendingItem,
  type SendResult,
  type WithdrawResult,
} from './storage/outbox.js';
export { Drafts } from './storage/drafts.js';
export type {
  KcStorage,
  StorageKind,
  StoreName,
  Stores,
  OutboxRecord,
  ResultRecord,
  DraftRecord,
  KcDB,
} from './storage/storage.js';
export {
  check,
  checkInput,
  parseAnswer,
  validate,
  type AnySchema,
  type Infer,
  type Schema,
} from './validation/validate.js';
export { config, ConfigModule, type KcConfig } from './config/config.js';
export { queue, QueueModule, type KcQueueStatus } from './queue/queue.js';
export { outages, OutagesModule, type KcOutage, type WatchOutagesOptions } from './outages/outages.js';
export * from './complaints/complaints.js';
export { uploadWithProgress } from './complaints/upload.js';
export * from './callbacks/callbacks.js';
export * from './ratings/ratings.js';
export { kb, KbModule, type KcKbSearchResult } from './kb/kb.js';
export { chat, ChatModule, type KcChatStartOptions, type KcChatResumeOptions } from './chat/chat.js';
// A type only: sessions come from chat(kc).start()/resume(), and their code loads with the first one.
export type {
  KcChatSession,
  KcChatSessionInfo,
  KcChatServerMessage,
  KcChatMessage,
  KcChatMessageStatus,
  KcChatAttachment,
  KcChatEventMap,
  KcChatStreamEventMap,
  KcChatInactivity,
  KcChatOutage,
  KcChatEnding,
  KcChatSendOptions,
} from './chat/session.js';
