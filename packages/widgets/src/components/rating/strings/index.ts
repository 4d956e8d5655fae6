// SPDX-License-Identifier: MIT
import type { RatingSubjectKind } from '@kc/sdk';
import { ElementStrings } from '../../../internal/element-strings.js';

/** Why a field of `<kc-rating>` is not accepted; each has a sentence in every language. */
export type RatingErrorCode =
  'callRefRequired' | 'resolvedRequired' | 'csatRequired' | 'commentTooLong' | 'phoneRequired' | 'phoneInvalid';

/**
 * Every text of `<kc-rating>` in one language, with the glossary's terms (удовлетворённость / қанағаттану,
 * обращение / өтініш, жалоба / шағым). Override some per instance with `el.strings = { rating: { submit: '…' } }`.
 */
export interface RatingStrings {
  /** The heading, by what is rated. */
  heading: Record<RatingSubjectKind, string>;
  callRefLabel: string;
  callRefHint: string;
  resolvedLegend: string;
  yes: string;
  no: string;
  csatLegend: string;
  /** A word for each score 1–5, index 0 for 1. */
  csat: readonly [string, string, string, string, string];
  cesLegend: string;
  /** A word for each score 1–7, index 0 for 1. */
  ces: readonly [string, string, string, string, string, string, string];
  npsLegend: string;
  /** What the two ends of 0–10 mean. */
  npsHint: string;
  npsLow: string;
  npsHigh: string;
  commentLabel: string;
  /** The hint under the comment's label: the limit. */
  commentLimit: (limit: number) => string;
  charactersLeft: (n: number) => string;
  charactersOver: (n: number) => string;
  reasonsLegend: string;
  followUp: string;
  phoneLabel: string;
  phoneHint: string;
  complaintOffer: string;
  complaintButton: string;
  submit: string;
  submitting: string;
  errorSummary: string;
  errors: Record<Exclude<RatingErrorCode, 'commentTooLong'>, string> & { commentTooLong: (limit: number) => string };
  refused: string;
  thanksHeading: string;
  thanks: string;
  thanksFollowUp: string;
  thanksQueued: string;
  /** Announced when a queued rating reached the contact center. */
  delivered: string;
  alreadyHeading: string;
  already: string;
}

/** The strings of `<kc-rating>`, one chunk per language. */
export const ratingStrings = new ElementStrings<RatingStrings>({
  kk: () => import('./kk.js'),
  ru: () => import('./ru.js'),
  en: () => import('./en.js'),
});
