// SPDX-License-Identifier: MIT
import type { RatingSubjectKind } from '@kc/sdk';

/** What is rated: a chat, a phone call, a callback or an appeal (`subject` of the contract's `RatingInput`). */
export interface KcRatingSubject {
  kind: RatingSubjectKind;
  /** The chat session id, the call reference, the callback id or the appeal's tracking number. */
  id: string;
}

/** What `kc-rated` carries: the scores, never the comment or the phone. */
export interface KcRatedDetail {
  subject: KcRatingSubject;
  /** Satisfaction, 1–5. */
  csat: number;
  /** Whether the question was solved (first-contact resolution). */
  resolved: boolean;
  /** Effort, 1–7, when asked. */
  ces?: number;
  /** Recommendation, 0–10, when asked. */
  nps?: number;
  /**
   * `sent`: recorded; `queued`: saved on this device and sent when the network returns; `already-rated`: the
   * contact center had a rating of this subject already and kept that one.
   */
  status: 'sent' | 'queued' | 'already-rated';
}

/**
 * Fired by `<kc-rating>` once the citizen's rating is recorded, queued, or refused as a second rating of the same
 * subject. Bubbles and crosses shadow roots.
 *
 * @example
 * el.addEventListener('kc-rated', (event) => chat.hideRating(event.detail.subject.id));
 */
export class KcRatedEvent extends Event {
  static readonly eventName = 'kc-rated' as const;
  readonly detail: KcRatedDetail;

  constructor(detail: KcRatedDetail) {
    super(KcRatedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-rated': KcRatedEvent;
  }
}
