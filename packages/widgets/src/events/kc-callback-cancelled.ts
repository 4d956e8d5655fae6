// SPDX-License-Identifier: MIT
import type { KcCallback } from '@kc/sdk';

/** What `kc-callback-cancelled` carries. */
export interface KcCallbackCancelledDetail {
  /** The callback as the contact center answered the cancellation (`status: 'cancelled'`, the phone masked). */
  callback: KcCallback;
}

/**
 * Fired by `<kc-callback>` after the citizen cancelled a pending callback and the contact center confirmed it.
 * Bubbles and crosses shadow roots.
 *
 * @example
 * el.addEventListener('kc-callback-cancelled', (event) => console.info(event.detail.callback.status));
 */
export class KcCallbackCancelledEvent extends Event {
  static readonly eventName = 'kc-callback-cancelled' as const;
  readonly detail: KcCallbackCancelledDetail;

  constructor(detail: KcCallbackCancelledDetail) {
    super(KcCallbackCancelledEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-callback-cancelled': KcCallbackCancelledEvent;
  }
}
