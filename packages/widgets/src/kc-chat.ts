// SPDX-License-Identifier: MIT
import { KcChat } from './components/chat/chat.js';
import { define } from './internal/define.js';

export { KcChat };
export { KcChatToggleEvent, KcChatStartedEvent, KcChatEndedEvent } from './components/chat/events.js';

define('kc-chat', KcChat);

declare global {
  interface HTMLElementTagNameMap {
    'kc-chat': KcChat;
  }
}
