// SPDX-License-Identifier: MIT
import type { KcChatEnding, KcChatMessageStatus } from '@kc/sdk';
import { ElementStrings } from '../../../internal/element-strings.js';

/** Why a chat ended (the contract's `ChatCloseReason`). */
export type ChatEndReason = KcChatEnding['reason'];

/**
 * Every text of `<kc-chat>` in one language. Terms follow the glossary (контакт-центр / байланыс орталығы,
 * оператор, база знаний / білім базасы, обратный звонок / кері қоңырау, время ожидания / күту уақыты). Texts from
 * the server (the center's name, the waiting notice, the consent notice, outages) are not here: they come from
 * `config` in each language.
 */
export interface ChatStrings {
  /** The launcher's accessible name and visible label. */
  launcher: string;
  /** The launcher's accessible name with unread messages. */
  launcherUnread: (count: number) => string;
  /** The panel's name when the configuration has not loaded. */
  title: string;
  /** The button that hides the panel (the chat goes on). */
  hide: string;
  openNow: string;
  closedNow: string;
  /** Closed; opens at `time` (date and time in the center's time zone). */
  opensAt: (time: string) => string;

  /** Before queueing: what the knowledge base does. */
  kbIntro: string;
  /** The label of the question field. */
  kbLabel: string;
  kbSearching: string;
  /** Announced when answers arrive. */
  kbFound: (count: number) => string;
  kbNone: string;
  /** The link to the full article on the site. */
  kbMore: string;
  /** The clear way to a person. */
  askOperator: string;

  /** The heading of the consent step. */
  consentHeading: string;
  /** The link to the full privacy notice. */
  consentNotice: string;
  consentAccept: string;
  back: string;
  starting: string;
  /** Starting or resuming failed. */
  startFailed: string;

  /** Place in the queue (`null` when unknown). */
  queuePosition: (position: number | null) => string;
  /** Estimated wait, in whole minutes (at least 1). */
  queueWait: (minutes: number) => string;
  queueWaitUnknown: string;
  /** Offer when the wait is long. */
  longWait: string;
  /** Offer while the center is closed. */
  closedOffer: string;
  requestCallback: string;
  otherChannels: string;
  /** The callback could not be loaded: the other channels remain. */
  callbackUnavailable: string;

  /** The accessible name of the message list. */
  log: string;
  you: string;
  operator: string;
  center: string;
  status: Record<KcChatMessageStatus, string>;
  retry: string;
  /** The operator `name` is typing. */
  typing: (name: string) => string;
  joined: (name: string) => string;
  left: (name: string) => string;
  /** Passed to operator `name`, or back to the queue when `null`. */
  transferred: (name: string | null) => string;
  /** Announced for each new message of the other side. */
  newMessage: (author: string, text: string) => string;
  /** Announced when the citizen's message was kept offline. */
  savedOffline: string;
  earlier: string;
  /** Replies the operator offered. */
  quickReplies: string;
  /** The message field's label. */
  input: string;
  send: string;
  attach: string;
  /** Progress of an upload, for its `<progress>`'s name. */
  uploading: (name: string) => string;
  uploadFailed: (name: string) => string;
  removeFile: (name: string) => string;
  /** Size of a file in kilobytes. */
  kilobytes: (size: number) => string;

  offline: string;
  outageHeading: string;
  resumesAt: (time: string) => string;
  resumeUnknown: string;
  alternatives: string;
  /** The inactivity warning: the chat closes at `time` unless the citizen writes. */
  inactivity: (time: string) => string;

  end: string;
  endConfirm: string;
  endYes: string;
  endNo: string;
  ended: Record<ChatEndReason, string>;
  transcript: string;
  /** The file name of the saved transcript (no personal data). */
  transcriptFile: string;
  newChat: string;
  /** The rating could not be loaded. */
  ratingUnavailable: string;
}

/** The texts of `<kc-chat>`, one module per language, loaded on demand. */
export const chatStrings = new ElementStrings<ChatStrings>({
  kk: () => import('./kk.js'),
  ru: () => import('./ru.js'),
  en: () => import('./en.js'),
});
