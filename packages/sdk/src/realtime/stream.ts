// SPDX-License-Identifier: MIT
import { KcNetworkError, type KcError } from '../errors/errors.js';
import type { Transport } from '../http/transport.js';
import type { AnySchema, Infer } from '../validation/validate.js';
import type { readStream } from './sse.js';

/**
 * A typed event of a stream: its `id`, its name (`type`) and its validated payload.
 *
 * @example
 * ```ts
 * onEvent: (event: StreamEvent<typeof watchOutagesEvents>) => {
 *   if (event.type === 'outage.published') show(event.data);
 * }
 * ```
 */
export type StreamEvent<M extends Record<string, AnySchema>> = {
  [K in keyof M & string]: { id: string | undefined; type: K; data: Infer<M[K]> };
}[keyof M & string];

/**
 * How to follow one event stream of the contract.
 *
 * @example
 * ```ts
 * await openStream(kc.transport, { operation: 'watchOutages', path: 'outages/events', events: watchOutagesEvents, onEvent: console.log, signal });
 * ```
 */
export interface StreamOptions<M extends Record<string, AnySchema>> {
  /** The contract's `operationId`, named in errors. */
  operation: string;
  /** The path below `baseUrl`. */
  path: string;
  /** The payload schema of each event name; events with other names are ignored. */
  events: M;
  /** Headers of each connection (asked again before every reconnect, so a token can change). */
  headers?: () => Record<string, string | undefined> | Promise<Record<string, string | undefined>>;
  /** Resume after this event id. */
  lastEventId?: string | undefined;
  /** Ends the stream. */
  signal: AbortSignal;
  /** Each new event, once, in order. */
  onEvent: (event: StreamEvent<M>) => void;
  /** An event that broke the contract (it is skipped), or the final error that ended the stream. */
  onError?: (error: KcError) => void;
  /** A `401`: refresh what `headers` returns and resolve `true` to reconnect, `false` to end. */
  onUnauthorized?: () => Promise<boolean>;
  /** When the stream cannot be opened (204, not `text/event-stream`, 404/405/501): called every `pollInterval` instead. */
  poll?: (signal: AbortSignal) => Promise<void>;
  /**
   * Milliseconds between polls.
   * @default 30000
   */
  pollInterval?: number;
}

/**
 * Follows a Server-Sent Events stream read with `fetch` (so that token headers can be sent): reconnects with
 * backoff and `Last-Event-ID`, drops events already seen, validates each payload, and falls back to polling when
 * the server cannot stream. Resolves when `signal` aborts or the stream ends for good (after `onError`).
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * void openStream(kc.transport, {
 *   operation: 'watchOutages',
 *   path: 'outages/events',
 *   events: watchOutagesEvents,
 *   signal: controller.signal,
 *   onEvent: (e) => console.log(e.type, e.data),
 * });
 * ```
 */
export async function openStream<M extends Record<string, AnySchema>>(
  transport: Transport,
  options: StreamOptions<M>,
): Promise<void> {
  // The reader and its parser load on first use: a page that never streams does not carry them.
  let read: typeof readStream;
  try {
    ({ readStream: read } = await import('./sse.js'));
  } catch (error) {
    return options.onError?.(new KcNetworkError(`${options.operation} failed: could not load`, { cause: error }));
  }
  return read(transport, options);
}
