// SPDX-License-Identifier: MIT
import { KcNetworkError } from './errors/errors.js';

/**
 * @internal A module loaded once, on first call (`import()`): the code a page does not need at once. A failed
 * load (offline before it loaded) rejects with a {@link KcNetworkError} and is tried again on the next call.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw new KcNetworkError('[kc] code could not load', { cause: error });
    }));
}
