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

/**
 * @internal Writes the tab's entry; in memory only where session storage is missing or refuses it (then the chat
 * works in this page but cannot be resumed after a reload). A written entry lives in storage alone, so that any
 * client of the page that removes it (`forget()`, `clearLocalData()`) removes it for every client.
 */
export function rememberSession(kc: KcCore, chat: StoredChat): void {
  try {
    // No session storage (Node, a sandboxed frame) throws here too.
    storage()!.setItem(key(kc), JSON.stringify(chat));
    memory.delete(kc);
  } catch {
    memory.set(kc, chat);
  }
}
