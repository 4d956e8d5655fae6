// SPDX-License-Identifier: MIT

/** What `kc-submitted` carries: the public part of the receipt, never the access code. */
export interface KcSubmittedDetail {
  /** The number citizens quote (`KC-2026-000123`). */
  trackingNumber: string;
  /** When the appeal was registered (ISO 8601). */
  registeredAt: string;
  /** The due date (ISO 8601). */
  dueAt: string;
  /** Whether it was sent from the outbox after waiting (offline, a server fault, a reload). */
  fromOutbox: boolean;
}

/**
 * Fired by `<kc-complaint-form>` when the contact center has registered the appeal and the receipt is shown, also
 * when an appeal that waited in the outbox lands later (after a reload too). Bubbles and crosses shadow roots.
 *
 * @example
 * form.addEventListener('kc-submitted', (event) => analytics.count('appeal-registered'));
 */
export class KcSubmittedEvent extends Event {
  static readonly eventName = 'kc-submitted' as const;
  readonly detail: KcSubmittedDetail;

  constructor(detail: KcSubmittedDetail) {
    super(KcSubmittedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-submitted': KcSubmittedEvent;
  }
}
