// SPDX-License-Identifier: MIT

/** What `kc-follow-status` carries. */
export interface KcFollowStatusDetail {
  trackingNumber: string;
  /** The access code from the receipt: a secret. Hand it to `<kc-complaint-status>` in memory, never in a URL. */
  accessCode: string;
}

/**
 * Fired by `<kc-complaint-form>` when the citizen presses "follow the status" on the receipt. Cancel it to handle
 * it yourself; otherwise the receipt stays as it is and the page decides where to go. Bubbles and crosses shadow
 * roots.
 *
 * @example
 * form.addEventListener('kc-follow-status', ({ detail }) => statusElement.follow(detail.trackingNumber, detail.accessCode));
 */
export class KcFollowStatusEvent extends Event {
  static readonly eventName = 'kc-follow-status' as const;
  readonly detail: KcFollowStatusDetail;

  constructor(detail: KcFollowStatusDetail) {
    super(KcFollowStatusEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-follow-status': KcFollowStatusEvent;
  }
}
