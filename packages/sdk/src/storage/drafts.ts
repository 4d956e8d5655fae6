// SPDX-License-Identifier: MIT
import type { KcStorage } from './storage.js';

const week = 7 * 86_400_000;

/**
 * Drafts of what a citizen is typing (a complaint), kept in IndexedDB so that a reload loses nothing. A draft
 * expires (7 days by default) and is wiped once submitted (`complaints.submit(draft, { draftKey })`).
 *
 * @example
 * ```ts
 * await kc.drafts.save('complaint-form', form);
 * const restored = await kc.drafts.load<typeof form>('complaint-form');
 * ```
 */
export class Drafts {
  readonly #storage: KcStorage;

  /** @internal */
  constructor(storage: KcStorage) {
    this.#storage = storage;
  }

  /**
   * Saves (replaces) a draft.
   *
   * @param ttl - milliseconds until it expires.
   * @example
   * ```ts
   * await kc.drafts.save('complaint-form', form, { ttl: 86_400_000 });
   * ```
   */
  save(key: string, value: unknown, { ttl = week }: { ttl?: number } = {}): Promise<void> {
    const now = Date.now();
    return this.#storage.put('drafts', { id: key, value, savedAt: now, expiresAt: now + ttl });
  }

  /**
   * The saved draft, or `undefined` when there is none or it expired (an expired one is wiped).
   *
   * @example
   * ```ts
   * const form = (await kc.drafts.load<ComplaintForm>('complaint-form')) ?? emptyForm();
   * ```
   */
  async load<T>(key: string): Promise<T | undefined> {
    if (!(await this.#storage.exists())) return undefined;
    const record = await this.#storage.get('drafts', key);
    if (!record) return undefined;
    if (record.expiresAt > Date.now()) return record.value as T;
    await this.remove(key);
    return undefined;
  }

  /**
   * Wipes a draft.
   *
   * @example
   * ```ts
   * await kc.drafts.remove('complaint-form');
   * ```
   */
  remove(key: string): Promise<void> {
    return this.#storage.delete('drafts', key);
  }

  /**
   * Wipes every expired draft. `createClient` calls it at start.
   *
   * @example
   * ```ts
   * await kc.drafts.purge();
   * ```
   */
  async purge(): Promise<void> {
    if (!(await this.#storage.exists())) return;
    const now = Date.now();
    for (const d of await this.#storage.all('drafts'))
      if (d.expiresAt <= now) await this.#storage.delete('drafts', d.id);
  }
}
