// SPDX-License-Identifier: MIT
// The event-stream reader behind `openStream` (see there), loaded on first use with its parser.
import { createParser } from 'eventsource-parser';
import { KcContractError, isKcAbortError, type KcError, type KcHttpError } from '../errors/errors.js';
import { backoff } from '../http/retry.js';
import { isTransient, toError, type Transport } from '../http/transport.js';
import { parseAnswer, validate, type AnySchema } from '../validation/validate.js';
import type { StreamEvent, StreamOptions } from './stream.js';

const digits = /^\d+$/;
// Ids are decimal integers, strictly increasing within a stream (contract, "Streams"); compared without BigInt.
const after = (a: string, b: string) => (a.length === b.length ? a > b : a.length > b.length);

/** @internal See {@link openStream}. */
export async function readStream<M extends Record<string, AnySchema>>(
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
      payload = validate(schema, parseAnswer(data), `${operation} ${type}`);
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
