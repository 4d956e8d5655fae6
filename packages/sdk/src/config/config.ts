// SPDX-License-Identifier: MIT
import type { KcCore } from '../client.js';
import { Config } from '../validation/schemas/index.js';
import type * as contract from '@kc/contract';

/**
 * The contact center's public configuration (`GET /config`).
 *
 * @example
 * ```ts
 * const cfg: KcConfig = await config(kc).get();
 * ```
 */
export type KcConfig = contract.Config;

/**
 * The contact center's configuration: names, languages, working schedule, channels, waiting notice, appeal kinds
 * and categories, limits, privacy notice. Cached in memory and revalidated with `If-None-Match` (the server
 * answers `304` when unchanged).
 *
 * @example
 * ```ts
 * const cfg = await config(kc).get({ maxAge: 0 }); // revalidate now
 * ```
 */
export class ConfigModule {
  readonly #kc: KcCore;
  #cache: { data: KcConfig; etag: string | null; at: number } | undefined;
  #pending: Promise<KcConfig> | undefined;

  /** @internal Use {@link config}. */
  constructor(kc: KcCore) {
    this.#kc = kc;
  }

  /**
   * The configuration: from the cache when younger than `maxAge`, else revalidated. Concurrent calls share one
   * request.
   *
   * @param maxAge - milliseconds a cached copy is used without asking the server.
   * @throws any {@link KcError}
   * @example
   * ```ts
   * const { schedule, waiting } = await config(kc).get();
   * ```
   */
  get({ signal, maxAge = 60_000 }: { signal?: AbortSignal; maxAge?: number } = {}): Promise<KcConfig> {
    const cache = this.#cache;
    if (cache && Date.now() - cache.at < maxAge) return Promise.resolve(cache.data);
    return (this.#pending ??= this.#kc
      .request<KcConfig>({
        operation: 'getConfig',
        path: 'config',
        schema: Config,
        headers: { 'if-none-match': cache?.etag ?? undefined },
        signal,
      })
      .then(({ status, data, headers }) => {
        const fresh = status === 304 && cache ? cache.data : data;
        this.#cache = { data: fresh, etag: headers.get('etag') ?? cache?.etag ?? null, at: Date.now() };
        return fresh;
      })
      .finally(() => (this.#pending = undefined)));
  }
}

/**
 * The configuration module of a client (made once per client).
 *
 * @example
 * ```ts
 * const cfg = await config(kc).get();
 * console.log(cfg.name[kc.locale]);
 * ```
 */
export const config = (kc: KcCore): ConfigModule => kc.use(config, () => new ConfigModule(kc));
