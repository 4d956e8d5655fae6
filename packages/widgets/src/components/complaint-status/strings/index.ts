// SPDX-License-Identifier: MIT
import type { ComplaintStatus } from '@kc/sdk';
import { ElementStrings } from '../../../internal/element-strings.js';

/** The kinds of timeline entries (the contract's `TimelineEntry.type`). */
export type TimelineType =
  | 'registered'
  | 'status_changed'
  | 'comment'
  | 'forwarded'
  | 'escalated'
  | 'delayed'
  | 'responsible_changed'
  | 'answered'
  | 'external_ref_added'
  | 'attachment_added';

/** The outcomes of an answered appeal (the contract's `Resolution.outcome`). */
export type OutcomeName = 'satisfied' | 'partially_satisfied' | 'not_satisfied' | 'explained';

/**
 * Every text of `<kc-complaint-status>` in one language, with the glossary's terms for statuses (зарегистрировано,
 * на рассмотрении, перенаправлено, дан ответ, отказано…). Override some per instance with
 * `el.strings = { complaintStatus: { find: '…' } }`.
 */
export interface ComplaintStatusStrings {
  trackingNumber: string;
  trackingHint: string;
  accessCode: string;
  accessCodeHint: string;
  find: string;
  searching: string;
  trackingRequired: string;
  accessCodeRequired: string;
  /** One message for an unknown number and a wrong code alike, so that neither can be guessed. */
  notFound: string;
  /** `wait` is a duration in words (`1 минуту 5 секунд`). */
  rateLimited: (wait: string) => string;
  rateLimitedLater: string;
  canRetry: string;
  /** A duration in words: `2 минуты 5 секунд`. */
  duration: (minutes: number, seconds: number) => string;
  heading: (trackingNumber: string) => string;
  statusLabel: string;
  status: Record<ComplaintStatus, string>;
  /** A status this version does not know yet (the server may add statuses: the contract's "Versioning"). */
  statusOther: string;
  kind: string;
  category: string;
  registeredAt: string;
  dueAt: string;
  responsible: string;
  position: string;
  delayHeading: string;
  delayReason: string;
  newDueAt: string;
  plan: string;
  forwardedHeading: string;
  /** `body` is the name of the body that received the appeal, `time` a formatted date. */
  forwarded: (body: string, time: string) => string;
  escalated: string;
  awaiting: string;
  outcomeHeading: string;
  outcomes: Record<OutcomeName, string>;
  externalRefs: string;
  timeline: string;
  events: Record<TimelineType, string>;
  /** A timeline entry of a type this version does not know yet. */
  eventOther: string;
  actors: Record<'citizen' | 'operator' | 'system' | 'body', string>;
  /** Who made an entry, when the server names a kind of author this version does not know yet. */
  actorOther: string;
  comments: string;
  commentAuthors: Record<'citizen' | 'operator' | 'body', string>;
  commentLabel: string;
  sendComment: string;
  commentRequired: string;
  commentSent: string;
  /** Announced politely when the status changes while the page is open. */
  updated: (status: string) => string;
  /** Announced politely when a timeline entry or a comment arrives without a change of status. */
  updatedTimeline: string;
}

/** The strings of `<kc-complaint-status>`, one chunk per language. */
export const complaintStatusStrings = new ElementStrings<ComplaintStatusStrings>({
  kk: () => import('./kk.js'),
  ru: () => import('./ru.js'),
  en: () => import('./en.js'),
});
