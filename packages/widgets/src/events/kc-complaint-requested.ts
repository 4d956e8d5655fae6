// SPDX-License-Identifier: MIT
import type { KcRatingSubject } from './kc-rated.js';

/**
 * What `kc-complaint-requested` carries: what the citizen already told, so that a page can open
 * `<kc-complaint-form>` pre-filled and nothing is asked twice. Personal data: never log it or send it elsewhere.
 */
export interface KcComplaintRequestedDetail {
  /** The contact the complaint is about. */
  subject: KcRatingSubject;
  /** The citizen's comment, when given. */
  comment?: string;
  /** The phone the citizen gave for follow-up, normalised (`+77XXXXXXXXX`), when given. */
  phone?: string;
  /** The ids of the reasons the citizen ticked (the configuration's `ratings.lowScoreReasons`). */
  reasonIds: string[];
}

/**
 * Fired by `<kc-rating>` when, after a low score, the citizen chooses to file a complaint. The rating element
 * does not open a form itself: listen and show `<kc-complaint-form>` with the detail. Bubbles and crosses shadow
 * roots.
 *
 * @example
 * document.addEventListener('kc-complaint-requested', (event) => {
 *   form.prefill = { description: event.detail.comment, phone: event.detail.phone };
 *   form.hidden = false;
 * });
 */
export class KcComplaintRequestedEvent extends Event {
  static readonly eventName = 'kc-complaint-requested' as const;
  readonly detail: KcComplaintRequestedDetail;

  constructor(detail: KcComplaintRequestedDetail) {
    super(KcComplaintRequestedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-complaint-requested': KcComplaintRequestedEvent;
  }
}
