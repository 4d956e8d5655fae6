// SPDX-License-Identifier: MIT

/**
 * How the transport retries. Retries happen on network errors, timeouts, 408, 429 and 5xx; an unsafe request
 * (POST, PATCH, DELETE) only when it carries an `Idempotency-Key`. The wait before retry `n` (from 0) is
 * `random() × min(maxDelay, baseDelay × 2ⁿ)` ("full jitter"), or the server's `Retry-After` when it sent one.
 *
 * @example
 * ```ts
 * const kc = createClient({ baseUrl, retry: { limit: 2, baseDelay: 500 } });
 * ```
 */
export interface RetryPolicy {
  /**
   * How many times a failed attempt is retried.
   * @default 4
   */
  limit?: number;
  /**
   * The first backoff step in milliseconds.
   * @default 300
   */
  baseDelay?: number;
  /**
   * The largest backoff step in milliseconds.
   * @default 30000
   */
  maxDelay?: number;
  /**
   * The longest `Retry-After` (milliseconds) the transport waits for by itself; a longer one ends the call with
   * the error (a queued item then waits in the outbox).
   * @default 60000
   */
  maxRetryAfter?: number;
  /**
   * How many times a `409 idempotency_in_flight` (the first request with this key is still being processed) is
   * waited on before giving up.
   * @default 10
   */
  inFlightLimit?: number;
  /**
   * Waits `ms` milliseconds, rejecting when `signal` aborts. Tests pass one that does not really wait.
   * @default a `setTimeout` that honours the signal
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * A number in [0, 1) for the jitter.
   * @default Math.random
   */
  random?: () => number;
  /**
   * The current time in milliseconds, to turn a `Retry-After` date into a delay.
   * @default Date.now
   */
  now?: () => number;
}

/**
 * A {@link RetryPolicy} with every default filled in (`kc.transport.policy`).
 *
 * @example
 * ```ts
 * const { limit, baseDelay } = kc.transport.policy;
 * ```
 */
export type FullRetryPolicy = Required<RetryPolicy>;

/**
 * Waits `ms` milliseconds; rejects with the signal's reason when it aborts.
 *
 * @example
 * ```ts
 * await sleep(1000, signal);
 * ```
 */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * @internal Fills in the defaults.
 *
 * @example
 * ```ts
 * const policy = retryPolicy({ limit: 2 });
 * ```
 */
export const retryPolicy = (p: RetryPolicy = {}): FullRetryPolicy => ({
  limit: 4,
  baseDelay: 300,
  maxDelay: 30_000,
  maxRetryAfter: 60_000,
  inFlightLimit: 10,
  sleep,
  random: Math.random,
  now: Date.now,
  ...p,
});

/**
 * @internal The full-jitter backoff before retry `n` (from 0), in milliseconds.
 *
 * @example
 * ```ts
 * await sleep(backoff(policy, attempt));
 * ```
 */
export const backoff = (p: FullRetryPolicy, n: number): number =>
  p.random() * Math.min(p.maxDelay, p.baseDelay * 2 ** n);

/**
 * Parses a `Retry-After` header (delay-seconds or an HTTP date) into milliseconds from `now`; `undefined` when
 * absent or unreadable, never negative.
 *
 * @example
 * ```ts
 * parseRetryAfter('120', Date.now()); // 120000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.now());
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
