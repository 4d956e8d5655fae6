// SPDX-License-Identifier: MIT

/** What `kc-error` carries. */
export interface KcErrorDetail {
  /** What was thrown: usually a `@kc/sdk` error (`KcNetworkError`, `KcHttpError`…); check with its `is…` guards. */
  error: unknown;
  /** What the element was doing, as `<area>.<action>` (`outages.active`, `config.get`, `render`). */
  operation: string;
}

/**
 * Fired by any kc element when something fails. The element also shows the failure in place and, where it makes
 * sense, offers to retry; nothing is ever thrown into the page. Bubbles and crosses shadow roots.
 *
 * @example
 * document.addEventListener('kc-error', (event) => report(event.detail.operation));
 */
export class KcErrorEvent extends Event {
  static readonly eventName = 'kc-error' as const;
  readonly detail: KcErrorDetail;

  constructor(detail: KcErrorDetail) {
    super(KcErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-error': KcErrorEvent;
  }
}
