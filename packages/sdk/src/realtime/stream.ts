// SPDX-License-Identifier: MIT
import { createParser } from 'eventsource-parser';
import { KcContractError, isKcAbortError, type KcError, type KcHttpError } from '../errors/errors.js';
import { backoff } from '../http/retry.js';
import { isTransient, toError, type Transport } from '../http/transport.js';
import { validate, type AnySchema, type Infer } from '../validation/validate.js';

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

const digits = /^\d+$/;
// Ids are decimal integers, strictly increasing within a stream (contract, "Streams"); compared without BigInt.
const after = (a: string, b: string) => (a.length === b.length ? a > b : a.length > b.length);

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
  const { signal, operation } = options;
  const { sleep } = transport.policy;
  let last = options.lastEventId;
  const seen = new Set<string>();
  let retry = 3000;
  let failures = 0;
  const pause = (ms: number) => sleep(ms, signal).catch(() => undefined);
  const fail = (error: KcError) => options.onError?.(error);

  const deliver = (type: string, id: string | undefined, data: string) => {
    if (id !== undefined && id !== '') {
      const old = last !== undefined && digits.test(id) && digits.test(last) ? !after(id, last) : seen.has(id);
      if (old) return;
      last = id;
      if (!digits.test(id)) seen.add(id);
      failures = 0;
    }
    const schema = options.events[type];
    if (!schema) return;
    let payload: unknown;
    try {
      payload = validate(schema, JSON.parse(data), `${operation} ${type}`);
    } catch (error) {
      return fail(
        error instanceof KcContractError
          ? error
          : new KcContractError(`${operation} ${type}`, [{ path: 'data', keyword: 'json' }]),
      );
    }
    try {
      options.onEvent({ id, type, data: payload } as StreamEvent<M>);
    } catch (error) {
      // A listener's bug must not look like a dropped connection (the event would be lost to it for good).
      queueMicrotask(() => {
        throw error;
      });
    }
  };

  while (!signal.aborted) {
    let response: Response;
    try {
      response = await transport.open({
        operation,
        path: options.path,
        headers: { accept: 'text/event-stream', 'last-event-id': last, ...(await options.headers?.()) },
        signal,
      });
    } catch (error) {
      if (isKcAbortError(error)) return;
      await pause(backoff({ ...transport.policy, baseDelay: retry }, failures++));
      continue;
    }
    const { status } = response;
    const streaming = status === 200 && /^text\/event-stream/i.test(response.headers.get('content-type') ?? '');
    if (streaming && response.body) {
      const parser = createParser({
        onEvent: (m) => deliver(m.event ?? 'message', m.id, m.data),
        onRetry: (ms) => (retry = ms),
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      // Cancel on the caller's own signal: the one given to fetch may not carry the abort (see transport.ts).
      const cancel = () => void reader.cancel().catch(() => undefined);
      signal.addEventListener('abort', cancel, { once: true });
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parser.feed(chunk.value);
      } catch {
        // The connection dropped: reconnect below.
      } finally {
        signal.removeEventListener('abort', cancel);
      }
      if (signal.aborted) return;
      await pause(backoff({ ...transport.policy, baseDelay: retry }, failures++));
      continue;
    }
    void response.body?.cancel().catch(() => undefined);
    if (status === 204 || (status < 300 && !streaming) || status === 404 || status === 405 || status === 501) {
      if (!options.poll) return fail(new KcContractError(operation, [{ path: 'body', keyword: 'content-type' }]));
      while (!signal.aborted) {
        await options.poll(signal).catch((error: KcError) => isKcAbortError(error) || fail(error));
        await pause(options.pollInterval ?? 30_000);
      }
      return;
    }
    const error = toError(status, undefined, Number(response.headers.get('retry-after')) * 1000 || undefined);
    if (status === 401 && options.onUnauthorized) {
      if (await options.onUnauthorized().catch(() => false)) continue;
      return fail(error);
    }
    if (!isTransient(error)) return fail(error);
    await pause(
      (error as KcHttpError).retryAfter! * 1000 || backoff({ ...transport.policy, baseDelay: retry }, failures++),
    );
  }
}
