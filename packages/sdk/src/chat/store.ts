// SPDX-License-Identifier: MIT
import type { KcCore } from '../client.js';
import { KcHttpError } from '../errors/errors.js';
import { key, memory, storage } from '../storage/tab.js';

export { forgetSession } from '../storage/tab.js';

/** @internal The outbox kind of chat messages. */
export const MESSAGE_KIND = 'chat-message';

/** @internal Whether an error says that the session is gone or not ours (forget it). */
export const isGone = (error: unknown): boolean =>
  error instanceof KcHttpError && (error.status === 401 || error.status === 403 || error.status === 404);

/** @internal What the tab keeps of a chat: its id and token, and the citizen's messages not yet delivered. */
export interface StoredChat {
  id: string;
  token: string;
  pending?: { id: string; text: string; at: string }[];
}

/** @internal */
export function readSession(kc: KcCore): StoredChat | undefined {
  try {
    const raw = storage()?.getItem(key(kc));
    if (raw) {
      const value = JSON.parse(raw) as StoredChat;
      if (typeof value.id === 'string' && typeof value.token === 'string') return value;
    }
  } catch {
    // Unreadable: as if there were none.
  }
  return memory.get(kc);
}

/** @internal */
export function rememberSession(kc: KcCore, chat: StoredChat): void {
  memory.set(kc, chat);
  try {
    storage()?.setItem(key(kc), JSON.stringify(chat));
  } catch {
    // Full or forbidden: the chat still works in this page, it just cannot be resumed after a reload.
  }
}
