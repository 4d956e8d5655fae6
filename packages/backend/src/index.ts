// SPDX-License-Identifier: MIT
/**
 * `@kc/backend`: the contact center's rules (appeal lifecycle and deadlines, chat queue and routing, callback
 * slots, ratings, outages, idempotency, indicators) over a {@link Store}, with no I/O of its own. The msw mock and
 * the reference server host the same code.
 *
 * @packageDocumentation
 */

export { createBackend } from './backend.js';
export type { Backend, BackendOperations, CitizenHistory, SubscribeOptions, Subscription } from './backend.js';
export { cryptoRandom, systemClock } from './context.js';
export {
  demoConfig,
  demoSettings,
  DEMO_BIN,
  DEMO_CATEGORIES,
  DEMO_KNOWLEDGE_BASE,
  DEMO_OPERATORS,
  KZ_HOLIDAYS_2025_2027,
  KZ_WORKING_DAYS_2025_2027,
} from './demo/index.js';
export type {
  BackendOptions,
  BackendSettings,
  CallContext,
  Clock,
  Identity,
  OperatorPrincipal,
  RateLimit,
  Random,
} from './context.js';
export { fail, invalid, ok } from './result.js';
export type { Failure, ProblemOptions, ResponseHeaders, Result, Success } from './result.js';
export { streams } from './kernel.js';
export type { AttachmentUploadInput, StreamGrant } from './complaints/complaints.js';
export { canTransition, COMPLAINT_STATUSES, isFinal, TRANSITIONS } from './complaints/lifecycle.js';
export { estimateWait } from './chat/chat.js';
export type { QueueSnapshot } from './chat/chat.js';
export { slotGrid } from './callbacks.js';
export { computeReport, FORM_ROWS, reportCsv, TARGETS } from './indicators.js';
export type { PeriodData } from './indicators.js';
export { scoreArticle, words } from './kb.js';
export type { KbArticleData } from './kb.js';
export { ACCESS_CODE_BITS, constantTimeEqual, Hasher, newAccessCode, normalizeAccessCode } from './security.js';
export { MemoryStore } from './store/memory.js';
export type * from './store/store.js';
