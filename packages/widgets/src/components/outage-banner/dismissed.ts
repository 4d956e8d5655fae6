// SPDX-License-Identifier: MIT
import { warnOnce } from '../../internal/warn.js';

/** Where dismissed notices are remembered: for the tab's session, or on this device until cleared. */
export type DismissStorage = 'session' | 'local';

const KEY = 'kc-outage-banner:dismissed';
// When storage is blocked (a sandboxed iframe, some private modes) dismissals last as long as the page.
const memory = new Set<string>();

function storageFor(kind: DismissStorage): Storage | undefined {
  try {
    return kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The keys of the notices the citizen dismissed. Reading never writes: nothing is stored until a first dismissal.
 */
export function readDismissed(kind: DismissStorage): Set<string> {
  const keys = new Set(memory);
  try {
    const raw = storageFor(kind)?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) for (const k of parsed) if (typeof k === 'string') keys.add(k);
  } catch {
    // Unreadable or foreign content under our key: treat as nothing dismissed.
  }
  return keys;
}

/**
 * Remembers that `key` was dismissed. Keeps only `key` and those of `current` (the notices still published), so
 * the entry never grows beyond what is on screen. Stores outage ids and statuses only, never personal data.
 */
export function rememberDismissed(kind: DismissStorage, key: string, current: readonly string[]): void {
  const keep = [key, ...[...readDismissed(kind)].filter((k) => k !== key && current.includes(k))];
  try {
    const storage = storageFor(kind);
    if (!storage) throw new Error('no storage');
    storage.setItem(KEY, JSON.stringify(keep));
  } catch {
    memory.add(key);
    warnOnce(
      'storage-unavailable',
      'the browser refused to store a dismissed notice; it is remembered for this page only.',
    );
  }
}
