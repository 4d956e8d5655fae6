// SPDX-License-Identifier: MIT
import type { KcCallback } from '@kc/sdk';

/** What `kc-callback-requested` carries. */
export interface KcCallbackRequestedDetail {
  /** The request's `Idempotency-Key`: the same id again when a queued request is delivered later. */
  id: string;
  /** `sent`: the contact center has it; `queued`: it waits on this device and goes out when the network returns. */
  status: 'sent' | 'queued';
  /** The booked callback (its phone masked) once the contact center has it; absent while queued. */
  callback?: KcCallback;
}

/**
 * Fired by `<kc-callback>` when a callback request is booked (`status: 'sent'`) or saved on the device to be sent
 * later (`status: 'queued'`); a queued request fires again with `sent` once it is delivered. Bubbles and crosses
 * shadow roots.
 *
 * @example
 * el.addEventListener('kc-callback-requested', (event) => {
 *   if (event.detail.status === 'sent') analytics.count('callback');
 * });
 */
export class KcCallbackRequestedEvent extends Event {
  static readonly eventName = 'kc-callback-requested' as const;
  readonly detail: KcCallbackRequestedDetail;

  constructor(detail: KcCallbackRequestedDetail) {
    super(KcCallbackRequestedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-callback-requested': KcCallbackRequestedEvent;
  }
}
