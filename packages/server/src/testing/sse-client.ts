// SPDX-License-Identifier: MIT
/** A minimal SSE reader for tests: blocks of `id` / `event` / `data` lines, and comment lines. */

/** One parsed block of a stream. */
export interface ReadEvent {
  readonly id?: string;
  readonly event?: string;
  readonly data?: unknown;
  readonly comment?: string;
}

/** An open stream: take blocks as they come, then close it. */
export interface OpenStream {
  readonly status: number;
  readonly headers: Headers;
  /** Waits for the next block that matches, failing after `timeoutMs`. */
  next(match?: (e: ReadEvent) => boolean, timeoutMs?: number): Promise<ReadEvent>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/**
 * Opens an SSE stream with `fetch` (so that headers such as `Last-Event-ID` can be sent).
 *
 * @example
 * ```ts
 * const s = await openStream(`${url}/api/v1/outages/events`, { 'last-event-id': '1' });
 * const e = await s.next((e) => e.event === 'outage.published');
 * ```
 */
export async function openStream(url: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const queue: ReadEvent[] = [];
  const waiters: Array<() => void> = [];
  let endedResolve!: () => void;
  const ended = new Promise<void>((r) => (endedResolve = r));
  void (async () => {
    if (!res.body) return endedResolve();
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const e: Record<string, unknown> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) e.comment = line.slice(1).trim();
            else if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) e.data = JSON.parse(line.slice(6));
          }
          queue.push(e);
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    }
    endedResolve();
    waiters.splice(0).forEach((w) => w());
  })();
  let ended_ = false;
  void ended.then(() => (ended_ = true));
  return {
    status: res.status,
    headers: res.headers,
    ended,
    close: () => controller.abort(),
    async next(match = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = queue.findIndex(match);
        if (i >= 0) return queue.splice(0, i + 1).at(-1)!;
        if (ended_) throw new Error('the stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no matching event in time');
        await new Promise<void>((r) => {
          const t = setTimeout(r, left);
          waiters.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
    },
  };
}
