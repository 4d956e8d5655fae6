// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { openStream, type StreamEvent } from './stream.js';
import { Transport } from '../http/transport.js';
import { isKcContractError, type KcError } from '../errors/errors.js';
import type { Schema } from '../validation/validate.js';
import { baseUrl, fakeFetch, fakeSleep, json, type FakeHandler } from '../../test/fake-fetch.js';

const events = {
  tick: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } as Schema<{ n: number }>,
};
type Tick = StreamEvent<typeof events>;

const frame = (id: number, event = 'tick', data: unknown = { n: id }) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** A streaming answer: `chunks` one by one, then it ends (a drop) unless `hold`, when it stays open until abort. */
function sse(chunks: string[], signal: AbortSignal, hold = false): Response {
  const encoder = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(encoder.encode(chunks[i++]));
      else if (!hold) controller.close();
      else
        return new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

function setup(handler: (controller: AbortController) => FakeHandler) {
  const controller = new AbortController();
  const server = fakeFetch(handler(controller));
  const clock = fakeSleep();
  const transport = new Transport({ baseUrl, fetch: server.fetch, retry: { sleep: clock.sleep, random: () => 0.5 } });
  const received: Tick[] = [];
  const errors: KcError[] = [];
  return { controller, transport, calls: server.calls, received, errors, slept: clock.slept };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('openStream', () => {
  it('resumes with Last-Event-ID after a drop after event 41: nothing lost, nothing repeated', async () => {
    const t = setup((controller) => (call, index) => {
      if (index === 0) return sse(['retry: 3000\n\n', ...range(1, 41).map((n) => frame(n))], controller.signal);
      // The server replays from its own bookkeeping, which may overlap what the client saw.
      return sse([': ping\n\n', ...range(39, 60).map((n) => frame(n))], controller.signal, true);
    });
    await openStream(t.transport, {
      operation: 'watchTicks',
      path: 'ticks/events',
      events,
      signal: t.controller.signal,
      onEvent: (e) => {
        t.received.push(e);
        if (e.data.n === 60) t.controller.abort();
      },
    });
    expect(t.calls).to.have.length(2);
    expect(t.calls[0]!.headers.get('last-event-id')).to.equal(null);
    expect(t.calls[0]!.headers.get('accept')).to.equal('text/event-stream');
    expect(t.calls[1]!.headers.get('last-event-id')).to.equal('41');
    expect(t.received.map((e) => e.data.n)).to.deep.equal(range(1, 60));
    expect(t.received.map((e) => e.id)).to.deep.equal(range(1, 60).map(String));
    expect(t.slept).to.deep.equal([1500]);
  });

  it('parses events split across chunks at any byte', async () => {
    const text = range(1, 5)
      .map((n) => frame(n, 'tick', { n, text: 'Әйгерім қаралуда' }))
      .join('');
    const chunks = Array.from(text, (c) => c);
    const t = setup((controller) => () => sse(chunks, controller.signal, true));
    await openStream(t.transport, {
      operation: 'watchTicks',
      path: 'ticks/events',
      events,
      signal: t.controller.signal,
      onEvent: (e) => {
        t.received.push(e);
        if (e.data.n === 5) t.controller.abort();
      },
    });
    expect(t.received.map((e) => e.data.n)).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it('reconnects with backoff after network errors and 5xx, keeping Last-Event-ID', async () => {
    const t = setup((controller) => (_, index) => {
      if (index === 0) return sse([frame(1), frame(2)], controller.signal);
      if (index === 1) return Promise.reject(new TypeError('offline'));
      if (index === 2) return json(503, { status: 503, code: 'service_unavailable' });
      return sse([frame(2), frame(3)], controller.signal, true);
    });
    await openStream(t.transport, {
      operation: 'watchTicks',
      path: 'ticks/events',
      events,
      signal: t.controller.signal,
      onEvent: (e) => {
        t.received.push(e);
        if (e.data.n === 3) t.controller.abort();
      },
    });
    expect(t.calls.map((c) => c.headers.get('last-event-id'))).to.deep.equal([null, '2', '2', '2']);
    expect(t.received.map((e) => e.data.n)).to.deep.equal([1, 2, 3]);
    expect(t.slept.length).to.equal(3);
  });

  it('skips an event that breaks the contract and reports it, ignores unknown event names', async () => {
    const t = setup(
      (controller) => () =>
        sse(
          [
            frame(1),
            frame(2, 'tick', { n: 'two' }),
            frame(3, 'future.event', { x: 1 }),
            'id: 4\nevent: tick\ndata: {"n":\n\n',
            frame(5),
          ],
          controller.signal,
          true,
        ),
    );
    await openStream(t.transport, {
      operation: 'watchTicks',
      path: 'ticks/events',
      events,
      signal: t.controller.signal,
      onError: (e) => t.errors.push(e),
      onEvent: (e) => {
        t.received.push(e);
        if (e.data.n === 5) t.controller.abort();
      },
    });
    expect(t.received.map((e) => e.data.n)).to.deep.equal([1, 5]);
    expect(t.errors.map((e) => isKcContractError(e))).to.deep.equal([true, true]);
  });

  it('falls back to polling when the server answers 204 or another content type', async () => {
    for (const answer of [() => new Response(null, { status: 204 }), () => json(200, { hello: 1 })]) {
      const t = setup(() => answer);
      let polls = 0;
      await openStream(t.transport, {
        operation: 'watchTicks',
        path: 'ticks/events',
        events,
        signal: t.controller.signal,
        pollInterval: 1000,
        onEvent: () => undefined,
        poll: async () => {
          if (++polls === 3) t.controller.abort();
        },
      });
      expect(polls).to.equal(3);
      expect(t.calls).to.have.length(1);
      expect(t.slept).to.deep.equal([1000, 1000]);
    }
  });

  it('asks for fresh headers after a 401 and stops on other 4xx', async () => {
    let token = 'old';
    const t = setup(
      (controller) => (call) =>
        call.headers.get('x-kc-view-token') === 'new'
          ? sse([frame(1)], controller.signal, true)
          : json(401, { status: 401, code: 'token_expired' }),
    );
    await openStream(t.transport, {
      operation: 'watchTicks',
      path: 'ticks/events',
      events,
      signal: t.controller.signal,
      headers: () => ({ 'x-kc-view-token': token }),
      onUnauthorized: async () => {
        token = 'new';
        return true;
      },
      onEvent: () => t.controller.abort(),
    });
    expect(t.calls).to.have.length(2);

    const gone = setup(() => () => json(404, { status: 404, code: 'not_found' }));
    await openStream(gone.transport, {
      operation: 'watchTicks',
      path: 'ticks/events',
      events,
      signal: gone.controller.signal,
      onError: (e) => gone.errors.push(e),
      onEvent: () => undefined,
      poll: undefined,
    });
    expect(gone.errors).to.have.length(1);
  });
});
