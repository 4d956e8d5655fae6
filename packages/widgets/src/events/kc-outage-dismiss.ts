// SPDX-License-Identifier: MIT

/** What `kc-outage-dismiss` carries. */
export interface KcOutageDismissDetail {
  /** The id of the outage whose notice the citizen dismissed. */
  outageId: string;
  /** Its status when dismissed: a dismissed `scheduled` notice comes back when the outage becomes `active`. */
  status: string;
}

/**
 * Fired by `<kc-outage-banner>` when the citizen dismisses a notice, before it is hidden and remembered. Cancel it
 * (`preventDefault()`) to keep the notice. Bubbles and crosses shadow roots.
 *
 * @example
 * banner.addEventListener('kc-outage-dismiss', (event) => analytics.count('outage-dismissed'));
 */
export class KcOutageDismissEvent extends Event {
  static readonly eventName = 'kc-outage-dismiss' as const;
  readonly detail: KcOutageDismissDetail;

  constructor(detail: KcOutageDismissDetail) {
    super(KcOutageDismissEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-outage-dismiss': KcOutageDismissEvent;
  }
}
