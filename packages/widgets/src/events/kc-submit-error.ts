// SPDX-License-Identifier: MIT

/** What `kc-submit-error` carries. */
export interface KcSubmitErrorDetail {
  /** What failed: a `@kc/sdk` error (`KcValidationError`, `KcNetworkError`, `KcHttpError`…). */
  error: unknown;
  /**
   * `true` when the appeal is safe in the outbox and will be sent by itself (offline, a server fault): the form
   * says so, and `kc-submitted` follows when it lands. `false` when it was refused or not stored: the citizen
   * must correct it or try again.
   */
  queued: boolean;
}

/**
 * Fired by `<kc-complaint-form>` when an appeal could not be registered now. Bubbles and crosses shadow roots.
 *
 * @example
 * form.addEventListener('kc-submit-error', (event) => { if (!event.detail.queued) analytics.count('appeal-refused'); });
 */
export class KcSubmitErrorEvent extends Event {
  static readonly eventName = 'kc-submit-error' as const;
  readonly detail: KcSubmitErrorDetail;

  constructor(detail: KcSubmitErrorDetail) {
    super(KcSubmitErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-submit-error': KcSubmitErrorEvent;
  }
}
