// SPDX-License-Identifier: MIT
// Where the tab keeps its chat (id, token, undelivered messages), shared by the chat module and the core: the
// core's clearLocalData() forgets it without carrying the chat's code.
import type { KcCore } from '../client.js';
import type { StoredChat } from '../chat/store.js';

/** @internal */
export const key = (kc: KcCore) => `kc.chat ${kc.transport.baseUrl}`;

// Session storage only: the chat lives as long as the tab (a reload or a navigation on the same site resumes it),
// and it is written only once the citizen has started a chat.
export const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
};

export const memory = new WeakMap<KcCore, StoredChat>();

/** @internal */
export function forgetSession(kc: KcCore): void {
  memory.delete(kc);
  try {
    storage()?.removeItem(key(kc));
  } catch {
    // Nothing to forget.
  }
}

/**
 * @internal Removes every key in kc's namespace (`kc.` or `kc-`: the chat of the tab, the widgets' "rated" and
 * "dismissed" lists) from local and session storage; the page's own keys stay.
 */
export function forgetKeys(): void {
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    try {
      const store = globalThis[area];
      for (const k of Object.keys(store)) if (/^kc[.-]/.test(k)) store.removeItem(k);
    } catch {
      // No such storage here (Node, a sandboxed frame).
    }
  }
}
