// SPDX-License-Identifier: MIT
import type { MockClock } from './clock.js';

/** An event as it goes on the wire. */
export interface WireEvent {
  id: number;
  type: string;
  data: unknown;
}

/** Formats one Server-Sent Event: `id`, `event` and one line of JSON `data`. */
export function formatEvent(event: WireEvent): string {
  return `id: ${String(event.id)}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** What {@link createEventStream} needs. */
export interface EventStreamOptions {
  /**
   * Subscribes: calls `send` with every event to deliver (the replay after `Last-Event-ID` first, then live ones),
   * and resolves to the function that unsubscribes.
   */
  open(send: (event: WireEvent) => void): Promise<() => void>;
  clock: MockClock;
  /** Comment lines (`: ping`) at this interval of mock time. */
  heartbeatMs: number;
  /** The `retry:` the stream starts with. */
  retryMs: number;
  /** The request's signal: the stream stops when the client aborts. */
  signal?: AbortSignal;
  /** The stream ends after an event for which this is true (e.g. `session.closed`). */
  endsAfter?: (event: WireEvent) => boolean;
  /** The stream ends at this mock time (e.g. a view token's expiry), in epoch milliseconds. */
  endsAt?: number;
  /** The registry of open streams, for {@link StreamRegistry.dropAll}. */
  registry: StreamRegistry;
}

/** The open event streams of one mock. */
export interface StreamRegistry {
  /** How many streams are open. */
  readonly open: number;
  /**
   * Breaks every open stream as a lost connection would (the client's read fails), for reconnection tests. Returns
   * how many were broken.
   */
  dropAll(): number;
  /** Ends every open stream cleanly (the client sees the end of the body). */
  closeAll(): number;
  /** @internal */
  add(stream: { drop(): void; close(): void }): () => void;
}

/** Creates a {@link StreamRegistry}. */
export function createStreamRegistry(): StreamRegistry {
  const streams = new Set<{ drop(): void; close(): void }>();
  return {
    get open() {
      return streams.size;
    },
    dropAll() {
      const all = [...streams];
      for (const s of all) s.drop();
      return all.length;
    },
    closeAll() {
      const all = [...streams];
      for (const s of all) s.close();
      return all.length;
    },
    add(stream) {
      streams.add(stream);
      return () => streams.delete(stream);
    },
  };
}

/**
 * A `text/event-stream` body that delivers a backend stream: `retry:` first, then events with their ids, and a
 * `: ping` comment every `heartbeatMs` of mock time. It ends when the client aborts or cancels, after the last
 * event ({@link EventStreamOptions.endsAfter}), at {@link EventStreamOptions.endsAt}, or when the mock drops it.
 */
export function createEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { clock } = options;
  let finished = false;
  let unsubscribe: (() => void) | null = null;
  const timers: number[] = [];
  let unregister: () => void = () => undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;

  const cleanup = (): void => {
    if (finished) return;
    finished = true;
    for (const t of timers) clock.clearTimer(t);
    unsubscribe?.();
    unsubscribe = null;
    unregister();
    options.signal?.removeEventListener('abort', onAbort);
  };
  const write = (text: string): void => {
    if (finished) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      cleanup();
    }
  };
  const close = (): void => {
    if (finished) return;
    cleanup();
    try {
      controller.close();
    } catch {
      // Already closed or errored by the reader.
    }
  };
  const drop = (): void => {
    if (finished) return;
    cleanup();
    try {
      controller.error(new TypeError('[kc] the mock dropped the event stream'));
    } catch {
      // Already closed.
    }
  };
  function onAbort(): void {
    close();
  }

  return new ReadableStream<Uint8Array>({
    async start(c) {
      controller = c;
      if (options.signal?.aborted) {
        close();
        return;
      }
      options.signal?.addEventListener('abort', onAbort);
      unregister = options.registry.add({ drop, close });
      write(`retry: ${String(options.retryMs)}\n\n`);
      timers.push(clock.setInterval(() => write(': ping\n\n'), options.heartbeatMs));
      if (options.endsAt !== undefined) {
        timers.push(clock.setTimeout(close, Math.max(0, options.endsAt - clock.now().getTime())));
      }
      const send = (event: WireEvent): void => {
        write(formatEvent(event));
        if (options.endsAfter?.(event)) close();
      };
      const stop = await options.open(send);
      if (finished) stop();
      else unsubscribe = stop;
    },
    cancel() {
      cleanup();
    },
  });
}
