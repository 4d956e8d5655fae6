// SPDX-License-Identifier: MIT
import type { KcCore, KcLocale } from '../client.js';
import { lazy } from '../lazy.js';
import type * as contract from '@kc/contract';

/**
 * Knowledge-base answers to a query (`GET /kb/search`).
 *
 * @example
 * ```ts
 * const { items }: KcKbSearchResult = await kb(kc).search('паспорт');
 * ```
 */
export type KcKbSearchResult = contract.KbSearchResult;

/**
 * The knowledge base: answers to common questions (clause 10).
 *
 * @example
 * ```ts
 * const { items } = await kb(kc).search(query, { limit: 3, signal });
 * ```
 */
export class KbModule {
  readonly #kc: KcCore;
  // The schema of an answer loads when the module is first used, in the background.
  readonly #schema = lazy(() => import('../validation/schemas/KbSearchResult.js').then((m) => m.KbSearchResult));

  /** @internal Use {@link kb}. */
  constructor(kc: KcCore) {
    this.#kc = kc;
    void this.#schema().catch(() => undefined);
  }

  /**
   * Searches the knowledge base (2–200 characters). The query goes in the URL: never pass personal data.
   *
   * @throws any {@link KcError}
   * @example
   * ```ts
   * const { items } = await kb(kc).search('зейнетақы', { limit: 5, signal });
   * ```
   */
  async search(
    q: string,
    options: { locale?: KcLocale; categoryId?: string; limit?: number; signal?: AbortSignal } = {},
  ): Promise<KcKbSearchResult> {
    const { signal, locale = this.#kc.locale, categoryId, limit } = options;
    const query = { q, locale, categoryId, limit };
    return (
      await this.#kc.request<KcKbSearchResult>({
        operation: 'searchKnowledgeBase',
        path: 'kb/search',
        query,
        schema: await this.#schema(),
        signal,
      })
    ).data;
  }
}

/**
 * The knowledge-base module of a client (made once per client).
 *
 * @example
 * ```ts
 * const answers = await kb(kc).search(text, { signal });
 * ```
 */
export const kb = (kc: KcCore): KbModule => kc.use(kb, () => new KbModule(kc));
