// SPDX-License-Identifier: MIT
import type { Translation } from '../translations/translation.js';

/**
 * Thrown inside an element (never into the page) when it has no way to reach the contact center: no enclosing
 * `<kc-provider>`, no `base-url`, no `client`.
 */
export class KcNoClientError extends Error {
  override name = 'KcNoClientError' as const;
  constructor() {
    super('[kc] no client: use <kc-provider>, a base-url attribute or the client property');
  }
}

// The SDK's errors are recognised by their pinned `name`s, which survive realms and copies of the SDK.
const nameOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : undefined;

/** Whether `error` only says that the work was cancelled (a newer request replaced it, the element left the page). */
export function isAbort(error: unknown): boolean {
  const name = nameOf(error);
  return name === 'AbortError' || name === 'KcAbortError';
}

/** The sentence that tells a citizen what went wrong, in the catalog's language. */
export function describeError(error: unknown, t: Translation): string {
  switch (nameOf(error)) {
    case 'KcNetworkError':
    case 'KcTimeoutError':
    case 'TimeoutError':
      return t.common.errorNetwork;
    case 'KcRateLimitError': {
      const after = (error as { retryAfter?: unknown }).retryAfter;
      return t.common.errorRateLimited(typeof after === 'number' && after > 0 ? Math.ceil(after) : undefined);
    }
    case 'KcNoClientError':
      return t.common.errorNoClient;
    default:
      // fetch() rejects with a bare TypeError when the network is down or CORS refuses.
      return error instanceof TypeError ? t.common.errorNetwork : t.common.errorUnknown;
  }
}
