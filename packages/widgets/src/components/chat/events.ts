// SPDX-License-Identifier: MIT

/**
 * Fired by `<kc-chat>` when its panel opens or closes (the launcher, Escape, or the `open` property). Bubbles and
 * crosses shadow roots.
 *
 * @example
 * chat.addEventListener('kc-chat-toggle', (event) => console.log(event.detail.open));
 */
export class KcChatToggleEvent extends Event {
  static readonly eventName = 'kc-chat-toggle' as const;
  readonly detail: { open: boolean };

  constructor(detail: { open: boolean }) {
    super(KcChatToggleEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * Fired by `<kc-chat>` when the citizen started a chat (it is queued). `detail.sessionId` only: no personal data.
 *
 * @example
 * chat.addEventListener('kc-chat-started', () => analytics.count('chat-started'));
 */
export class KcChatStartedEvent extends Event {
  static readonly eventName = 'kc-chat-started' as const;
  readonly detail: { sessionId: string };

  constructor(detail: { sessionId: string }) {
    super(KcChatStartedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * Fired by `<kc-chat>` when the chat ended (`detail.reason`: `citizen_closed`, `inactivity`, `center_closed`,
 * `outage`, `operator_closed`).
 *
 * @example
 * chat.addEventListener('kc-chat-ended', (event) => console.log(event.detail.reason));
 */
export class KcChatEndedEvent extends Event {
  static readonly eventName = 'kc-chat-ended' as const;
  readonly detail: { sessionId: string; reason: string };

  constructor(detail: { sessionId: string; reason: string }) {
    super(KcChatEndedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-chat-toggle': KcChatToggleEvent;
    'kc-chat-started': KcChatStartedEvent;
    'kc-chat-ended': KcChatEndedEvent;
  }
}
