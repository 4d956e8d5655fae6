// SPDX-License-Identifier: MIT
import type { CallbackStatus } from '@kc/sdk';
import { ElementStrings } from '../../../internal/element-strings.js';

/** Why a field of `<kc-callback>` is not accepted; each has a sentence in every language. */
export type CallbackErrorCode =
  | 'slotRequired'
  | 'topicRequired'
  | 'topicTooLong'
  | 'phoneRequired'
  | 'phoneInvalid'
  | 'nameInvalid'
  | 'consentRequired'
  | 'slotTaken';

/**
 * Every text of `<kc-callback>` in one language, with the glossary's terms (обратный звонок / кері қоңырау,
 * время ожидания / күту уақыты, согласие на сбор и обработку / жинауға және өңдеуге келісім). Override some per
 * instance with `el.strings = { callback: { submit: '…' } }`.
 */
export interface CallbackStrings {
  heading: string;
  intro: string;
  openNow: string;
  /** The current wait for a callback "as soon as possible", in whole minutes (at least 1). */
  wait: (minutes: number) => string;
  /** `opens` is a formatted date and time in the center's time zone. */
  closedUntil: (opens: string) => string;
  closed: string;
  whenLegend: string;
  asap: string;
  /** The hint of "as soon as possible": the wait in minutes. */
  asapHint: (minutes: number) => string;
  chooseTime: string;
  dayLegend: string;
  /** The legend of the time radios for one day (`day` formatted). */
  timeLegend: (day: string) => string;
  /** Says in which zone the times are (`zone` as `GMT+5`). */
  centerZone: (zone: string) => string;
  /** The citizen's own time beside a slot, when their zone differs (`time` with its zone). */
  yourTime: (time: string) => string;
  noSlots: string;
  topicLabel: string;
  topicHint: string;
  phoneLabel: string;
  phoneHint: string;
  nameLabel: string;
  nameHint: string;
  languageLabel: string;
  /** Each language by its own name. */
  languages: Record<'kk' | 'ru' | 'en', string>;
  consentLegend: string;
  consentDetails: string;
  consentOperator: string;
  consentData: string;
  consentPurpose: string;
  consentRetention: string;
  consentThirdParties: string;
  consentWithdrawal: string;
  /** `Акимат, БИН 990340004562` */
  operatorWithBin: (name: string, bin: string) => string;
  submit: string;
  submitting: string;
  errorSummary: string;
  errors: Record<Exclude<CallbackErrorCode, 'topicTooLong'>, string> & { topicTooLong: (limit: number) => string };
  /** The server refused the request for a reason the form cannot point to. */
  refused: string;
  confirmedHeading: string;
  /** `time`: the estimated time of the call, when the center gave one. */
  confirmedAsap: (time: string | undefined) => string;
  confirmedSlot: (time: string) => string;
  phoneShown: string;
  topicShown: string;
  statusShown: string;
  status: Record<CallbackStatus, string>;
  /** A status this version does not know yet (the server may add statuses: the contract's "Versioning"). */
  statusOther: string;
  reschedule: string;
  rescheduleLegend: string;
  rescheduleSave: string;
  rescheduleKeep: string;
  rescheduled: string;
  cancel: string;
  cancelling: string;
  cancelledHeading: string;
  cancelled: string;
  again: string;
  queuedHeading: string;
  queued: string;
  /** Added when the device cannot keep the request across a reload (no IndexedDB). */
  queuedKeepOpen: string;
  sendNow: string;
  /** Announced when a queued request reached the contact center. */
  deliveredLater: string;
}

/** The strings of `<kc-callback>`, one chunk per language. */
export const callbackStrings = new ElementStrings<CallbackStrings>({
  kk: () => import('./kk.js'),
  ru: () => import('./ru.js'),
  en: () => import('./en.js'),
});
