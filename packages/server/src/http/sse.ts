// SPDX-License-Identifier: MIT
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** An event as written to a stream. */
export interface SseEvent {
  readonly id: number;
  readonly type: string;
  readonly data: unknown;
}

/** Limits and timing of the event streams. */
export interface SseOptions {
  /**
   * A comment line (`: ping`) at least this often keeps proxies from closing an idle stream.
   *
   * @default 15000
   */
  readonly heartbeatMs?: number;
  /**
   * Open streams per client (remote address); one more is refused with `429`.
   *
   * @default 16
   */
  readonly maxPerClient?: number;
  /**
   * Open streams in this process; one more is refused with `503`.
   *
   * @default 10000
   */
  readonly maxTotal?: number;
  /**
   * A reader that has not taken this many bytes is dropped (it reconnects and replays with `Last-Event-ID`),
   * so one stalled client cannot hold the server's memory.
   *
   * @default 1048576
   */
  readonly maxBufferedBytes?: number;
  /**
   * The reconnection delay the stream tells clients (`retry:`), in ms.
   *
   * @default 3000
   */
  readonly retryMs?: number;
}

// One serialisation per event object, shared by every stream it is written to (the store hands all subscribers
// the same frozen object).
const serialised = new WeakMap<object, string>();

/** Formats one event as SSE lines; `data` is JSON on one line, so it cannot contain a raw newline. */
export function formatEvent(event: SseEvent): string {
  const cached = serialised.get(event);
  if (cached !== undefined) return cached;
  const text = `id: ${event.id}\nevent: ${event.type.replace(/[\r\n]/g, '')}\ndata: ${JSON.stringify(event.data ?? null)}\n\n`;
  serialised.set(event, text);
  return text;
}

/** One open event stream. */
export class SseStream {
  private closed = false;
  private readonly onClose: Array<() => void> = [];

  constructor(
    private readonly res: ServerResponse,
    private readonly maxBuffered: number,
    /** Who opened it (the client id used for limits). */
    readonly clientId: string,
  ) {}

  /** Whether the stream has ended. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes an event; a reader too far behind is dropped instead. */
  send(event: SseEvent): void {
    this.write(formatEvent(event));
  }

  /** Writes a comment line (heartbeat). */
  comment(text = 'ping'): void {
    this.write(`: ${text}\n\n`);
  }

  /** Registers cleanup to run once when the stream ends, for whatever reason. */
  whenClosed(fn: () => void): void {
    if (this.closed) fn();
    else this.onClose.push(fn);
  }

  /** Ends the stream. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const fn of this.onClose.splice(0)) {
      try {
        fn();
      } catch {
        // cleanup must not stop other cleanup
      }
    }
    if (!this.res.writableEnded) this.res.end();
  }

  private write(text: string): void {
    if (this.closed) return;
    if (this.res.writableLength > this.maxBuffered || this.res.destroyed) {
      this.close();
      return;
    }
    this.res.write(text);
  }
}

/**
 * The event streams of one server: opens them with the right headers, counts them per client, sends heartbeats
 * from one timer for all, and ends them all at shutdown.
 */
export class SseStreams {
  private readonly all = new Set<SseStream>();
  private readonly perClient = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly maxPerClient: number;
  private readonly maxTotal: number;
  private readonly maxBuffered: number;
  private readonly retryMs: number;

  constructor(options: SseOptions = {}) {
    this.maxPerClient = options.maxPerClient ?? 16;
    this.maxTotal = options.maxTotal ?? 10_000;
    this.maxBuffered = options.maxBufferedBytes ?? 1_048_576;
    this.retryMs = options.retryMs ?? 3000;
    this.timer = setInterval(() => {
      for (const s of this.all) s.comment();
    }, options.heartbeatMs ?? 15_000);
    this.timer.unref();
  }

  /** How many streams are open. */
  get size(): number {
    return this.all.size;
  }

  /**
   * Whether one more stream may be opened for this client.
   *
   * @returns `null` when allowed, else the status to refuse with (429 per client, 503 for the process).
   */
  refusal(clientId: string): 429 | 503 | null {
    if (this.all.size >= this.maxTotal) return 503;
    if ((this.perClient.get(clientId) ?? 0) >= this.maxPerClient) return 429;
    return null;
  }

  /**
   * Takes over the response and opens a stream: the headers Fastify's hooks set (CORS, security) are kept.
   * The stream is closed when the client goes away.
   */
  open(request: FastifyRequest, reply: FastifyReply, clientId: string): SseStream {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    res.write(`retry: ${this.retryMs}\n\n`);
    const stream = new SseStream(res, this.maxBuffered, clientId);
    this.all.add(stream);
    this.perClient.set(clientId, (this.perClient.get(clientId) ?? 0) + 1);
    stream.whenClosed(() => {
      this.all.delete(stream);
      const n = (this.perClient.get(clientId) ?? 1) - 1;
      if (n <= 0) this.perClient.delete(clientId);
      else this.perClient.set(clientId, n);
    });
    request.raw.on('close', () => stream.close());
    res.on('close', () => stream.close());
    res.on('error', () => stream.close());
    return stream;
  }

  /** Ends every open stream (shutdown); clients reconnect to another instance and replay. */
  closeAll(): void {
    for (const s of [...this.all]) s.close();
  }

  /** Stops the heartbeat timer and ends every stream. */
  dispose(): void {
    clearInterval(this.timer);
    this.closeAll();
  }
}
