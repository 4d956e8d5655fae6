// SPDX-License-Identifier: MIT
import type { KcComplaintDraft } from '@kc/sdk';

/** What `kc-submit` carries. */
export interface KcSubmitDetail {
  /** The appeal about to be filed, as the SDK will send it. Personal data: never log or send it elsewhere. */
  draft: KcComplaintDraft;
}

/**
 * Fired by `<kc-complaint-form>` when the citizen sends the appeal, before anything is stored or sent. Cancel it
 * (`preventDefault()`) to stop the submission; the form stays as it is. Bubbles and crosses shadow roots.
 *
 * @example
 * form.addEventListener('kc-submit', (event) => { if (!portal.ready) event.preventDefault(); });
 */
export class KcSubmitEvent extends Event {
  static readonly eventName = 'kc-submit' as const;
  readonly detail: KcSubmitDetail;

  constructor(detail: KcSubmitDetail) {
    super(KcSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-submit': KcSubmitEvent;
  }
}
