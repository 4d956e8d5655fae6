// SPDX-License-Identifier: MIT
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
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
const framed = new WeakMap<object, Frames>();

/** Formats one event as SSE lines; `data` is JSON on one line, so it cannot contain a raw newline. */
export function formatEvent(event: SseEvent): string {
  const cached = serialised.get(event);
  if (cached !== undefined) return cached;
  const text = `id: ${event.id}\nevent: ${event.type.replace(/[\r\n]/g, '')}\ndata: ${JSON.stringify(event.data ?? null)}\n\n`;
  serialised.set(event, text);
  return text;
}

/**
 * The bytes of one SSE block, encoded once for every reader: as they are, and as one HTTP/1.1 chunk (size line,
 * bytes, CRLF), which is what a response of unknown length sends.
 */
export interface Frames {
  readonly text: string;
  readonly raw: Buffer;
  readonly chunk: Buffer;
}

/** Encodes SSE text once into the bytes written to every socket. */
export function frames(text: string): Frames {
  const raw = Buffer.from(text, 'utf8');
  const chunk = Buffer.allocUnsafe(raw.length + 32);
  let n = chunk.write(`${raw.length.toString(16)}\r\n`, 0, 'latin1');
  n += raw.copy(chunk, n);
  n += chunk.write('\r\n', n, 'latin1');
  return { text, raw, chunk: chunk.subarray(0, n) };
}

/** The frames of an event, cached on the (frozen, shared) event object. */
export function eventFrames(event: SseEvent): Frames {
  let f = framed.get(event);
  if (f === undefined) framed.set(event, (f = frames(formatEvent(event))));
  return f;
}

const PING = frames(': ping\n\n');

/** What a stream's socket looks like to the writer (Node's `ServerResponse` internals it relies on). */
interface ResponseInternals {
  readonly outputData?: readonly unknown[];
  readonly chunkedEncoding?: boolean;
}

/** One open event stream. */
export class SseStream {
  private closed = false;
  private readonly onClose: Array<() => void> = [];
  private expiry: NodeJS.Timeout | undefined;
  /**
   * The socket the bytes go to directly once the headers are on it, bypassing `ServerResponse.write` (which
   * encodes and frames the same text again for every reader); `undefined` falls back to `res.write`.
   */
  private readonly socket: Socket | undefined;
  private readonly chunked: boolean;

  constructor(
    private readonly res: ServerResponse,
    private readonly maxBuffered: number,
    /** Who opened it (the client id used for limits). */
    readonly clientId: string,
    /** When it ends by itself (the access it was opened with expires), ms since the epoch on the server's clock. */
    readonly expiresAt?: number,
  ) {
    const internals = res as unknown as ResponseInternals;
    const socket = res.socket;
    this.socket =
      socket && res.headersSent && Array.isArray(internals.outputData) && internals.outputData.length === 0
        ? socket
        : undefined;
    this.chunked = internals.chunkedEncoding === true;
  }

  /** Whether the stream has ended. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes an event; a reader too far behind is dropped instead. */
  send(event: SseEvent): void {
    this.write(eventFrames(event));
  }

  /** Writes a comment line (heartbeat). */
  comment(text = 'ping'): void {
    this.write(text === 'ping' ? PING : frames(`: ${text.replace(/[\r\n]/g, ' ')}\n\n`));
  }

  /** Registers cleanup to run once when the stream ends, for whatever reason. */
  whenClosed(fn: () => void): void {
    if (this.closed) fn();
    else this.onClose.push(fn);
  }

  /** Ends the stream after `ms` (when its access expires). */
  endAfter(ms: number): void {
    clearTimeout(this.expiry);
    // setTimeout holds at most ~24.8 days; a longer wait is cut short by the heartbeat's check of `expiresAt`.
    this.expiry = setTimeout(() => this.close(), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    this.expiry.unref();
  }

  /** Ends the stream. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.expiry);
    for (const fn of this.onClose.splice(0)) {
      try {
        fn();
      } catch {
        // cleanup must not stop other cleanup
      }
    }
    if (!this.res.writableEnded) this.res.end();
  }

  private write(f: Frames): void {
    if (this.closed) return;
    const socket = this.socket;
    if (socket) {
      if (socket.destroyed || socket.writableLength > this.maxBuffered) {
        this.close();
        return;
      }
      socket.write(this.chunked ? f.chunk : f.raw);
      return;
    }
    if (this.res.writableLength > this.maxBuffered || this.res.destroyed) {
      this.close();
      return;
    }
    this.res.write(f.text);
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

  constructor(
    options: SseOptions = {},
    /** The clock that expiry times are read on (the backend's), ms since the epoch. */
    private readonly now: () => number = Date.now,
  ) {
    this.maxPerClient = options.maxPerClient ?? 16;
    this.maxTotal = options.maxTotal ?? 10_000;
    this.maxBuffered = options.maxBufferedBytes ?? 1_048_576;
    this.retryMs = options.retryMs ?? 3000;
    this.timer = setInterval(() => {
      const now = this.now();
      for (const s of [...this.all]) {
        if (s.expiresAt !== undefined && s.expiresAt <= now) s.close();
        else s.comment();
      }
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
   * The stream is closed when the client goes away, and at `expiresAt` (ms since the epoch on the server's
   * clock) when given: the client then renews its access and reconnects with `Last-Event-ID`.
   */
  open(request: FastifyRequest, reply: FastifyReply, clientId: string, expiresAt?: number): SseStream {
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
    const stream = new SseStream(res, this.maxBuffered, clientId, expiresAt);
    if (expiresAt !== undefined) stream.endAfter(expiresAt - this.now());
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
