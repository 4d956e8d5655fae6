// SPDX-License-Identifier: MIT

/** Where the hashes of rated subjects are kept on the device (no personal data: a hash of kind and id). */
export const RATED_KEY = 'kc-rating:rated';
const MAX = 200;

async function hash(kind: string, id: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  // Without SubtleCrypto (an insecure origin) nothing is remembered; the server still refuses a second rating.
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(`kc-rating\n${kind}\n${id}`));
  return [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function read(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(RATED_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Whether this device rated the subject before (by its hash). Never rejects. */
export async function hasRated(kind: string, id: string): Promise<boolean> {
  try {
    const h = await hash(kind, id);
    return h !== undefined && read().includes(h);
  } catch {
    return false;
  }
}

/** Remembers that the subject was rated: only its hash, the newest {@link MAX} kept. Never rejects. */
export async function rememberRated(kind: string, id: string): Promise<void> {
  try {
    const h = await hash(kind, id);
    if (h === undefined) return;
    const list = read().filter((v) => v !== h);
    list.push(h);
    localStorage.setItem(RATED_KEY, JSON.stringify(list.slice(-MAX)));
  } catch {
    // Storage full or blocked: the server's one-rating rule still holds.
  }
}
