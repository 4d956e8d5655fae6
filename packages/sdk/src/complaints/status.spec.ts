// SPDX-License-Identifier: MIT
// Following an appeal: lookup, the event stream with its view token, renewal of an expired token with the access
// code, resume with Last-Event-ID, duplicates dropped, and reads renewed the same way.
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { createCore } from '../client.js';
import { complaints, type KcCitizenComplaint } from './complaints.js';
import { isKcRateLimitError, type KcRateLimitError } from '../errors/errors.js';
import { baseUrl, fakeFetch, fakeSleep, json, problem, type FakeCall } from '../../test/fake-fetch.js';
import { view } from '../../test/complaint-view.js';

const number = view.complaint.trackingNumber;
const code = '7K3F-9QXD-M2PA-HV8E';
const token = (n: number) => `vt_${String(n).padStart(24, '0')}`;
const entry = {
  ...view.complaint.timeline[1],
  id: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  type: 'comment',
  note: null,
};
const comment = {
  id: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a',
  author: { kind: 'operator' },
  text: 'Құжаттың көшірмесін жіберіңізші.',
  attachments: [],
  createdAt: '2026-11-24T09:00:00+05:00',
};
const answered = { ...view.complaint, status: 'answered', updatedAt: '2026-11-25T09:00:00+05:00' };
const frame = (id: number, event: string, data: unknown) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function sse(frames: string[], signal: AbortSignal, hold: boolean): Response {
  const encoder = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < frames.length) controller.enqueue(encoder.encode(frames[i++]));
      else if (!hold) controller.close();
      else
        return new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

function appealServer(stop: AbortSignal) {
  let lookups = 0;
  let streams = 0;
  const server = fakeFetch((call: FakeCall) => {
    if (call.path === '/complaints/lookup') {
      const body = JSON.parse(call.body) as { trackingNumber: string; accessCode: string };
      if (body.accessCode !== code) return problem(404, 'not_found');
      return json(200, { ...view, viewToken: token(++lookups), lastEventId: '2' });
    }
    const current = token(lookups);
    if (call.headers.get('x-kc-view-token') !== current) return problem(401, 'token_expired');
    if (call.path === `/complaints/${number}/events`) {
      streams++;
      if (streams === 1) {
        lookups++; // the token expires while the first stream runs
        return sse([frame(3, 'timeline.added', entry), frame(4, 'comment.added', comment)], stop, false);
      }
      return sse(
        [
          frame(4, 'comment.added', comment),
          frame(5, 'status.changed', {
            from: 'in_review',
            to: 'answered',
            at: answered.updatedAt,
            complaint: answered,
          }),
        ],
        stop,
        true,
      );
    }
    if (call.path === `/complaints/${number}`) return json(200, view.complaint);
    return problem(404, 'not_found');
  });
  return { ...server, expire: () => void lookups++ };
}

describe('complaints: following an appeal', () => {
  it('watches: initial state, then each event once, resuming after a drop and after the token expired', async () => {
    const stop = new AbortController();
    const server = appealServer(stop.signal);
    const kc = createCore({ baseUrl, fetch: server.fetch, storage: 'memory', retry: { sleep: fakeSleep().sleep } });
    const seen: KcCitizenComplaint[] = [];
    const done = new Promise<void>((resolve) => {
      complaints(kc).watch(
        number,
        code,
        (c) => {
          seen.push(c);
          if (c.status === 'answered') resolve();
        },
        { signal: stop.signal },
      );
    });
    await done;
    stop.abort();
    expect(seen.map((c) => [c.status, c.timeline.length, c.comments.length])).to.deep.equal([
      ['in_review', 2, 0],
      ['in_review', 3, 0],
      ['in_review', 3, 1],
      ['answered', 2, 0],
    ]);
    const streams = server.calls.filter((c) => c.path.endsWith('/events'));
    expect(streams.map((c) => c.headers.get('last-event-id'))).to.deep.equal(['2', '4', '4']);
    expect(streams.map((c) => c.headers.get('x-kc-view-token'))).to.deep.equal([token(1), token(1), token(3)]);
    // The access code went in a body, never in a URL.
    expect(server.calls.every((c) => !c.path.includes(code))).to.equal(true);
  });

  it('renews an expired view token with the access code, for streams and reads', async () => {
    const stop = new AbortController();
    const server = appealServer(stop.signal);
    const kc = createCore({ baseUrl, fetch: server.fetch, storage: 'memory', retry: { sleep: fakeSleep().sleep } });
    await complaints(kc).lookup(number, code);
    server.expire();
    const complaint = await complaints(kc).get(number);
    expect(complaint.trackingNumber).to.equal(number);
    const lookups = server.calls.filter((c) => c.path === '/complaints/lookup');
    expect(lookups).to.have.length(2);
    stop.abort();
  });

  it('tells a citizen at once that lookups are limited (KcRateLimitError, retryAfter); waits only when asked', async () => {
    const stop = new AbortController();
    const server = appealServer(stop.signal);
    let limited = 0;
    let refused = 0;
    const fetch: typeof globalThis.fetch = (input, init) =>
      (input instanceof Request ? input.url : String(input)).endsWith('/complaints/lookup') && limited-- > 0
        ? (refused++, Promise.resolve(problem(429, 'rate_limited', { retryAfterSeconds: 30 }, { 'retry-after': '30' })))
        : server.fetch(input, init);
    const clock = fakeSleep();
    const kc = createCore({ baseUrl, fetch, storage: 'memory', retry: { sleep: clock.sleep } });
    limited = 1;
    const error = await complaints(kc)
      .lookup(number, code)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isKcRateLimitError(error)).to.equal(true);
    expect((error as KcRateLimitError).retryAfter).to.equal(30);
    expect(clock.slept).to.deep.equal([]);
    expect([refused, server.calls.length]).to.deep.equal([1, 0]);
    limited = 1;
    const { complaint } = await complaints(kc).lookup(number, code, { waitRetryAfter: true });
    expect(complaint.trackingNumber).to.equal(number);
    expect(clock.slept).to.deep.equal([30_000]);
    expect([refused, server.calls.length]).to.deep.equal([2, 1]);
    stop.abort();
  });

  it('takes a number and a code as a person types or pastes them: spaces, invisible characters, dashes, case', async () => {
    const bodies: unknown[] = [];
    const server = fakeFetch((call) => {
      if (call.path === '/complaints/lookup') {
        bodies.push(JSON.parse(call.body));
        return json(200, { ...view, viewToken: token(1), lastEventId: '2' });
      }
      if (call.path === `/complaints/${number}`) return json(200, view.complaint);
      return problem(404, 'not_found');
    });
    const kc = createCore({ baseUrl, fetch: server.fetch, storage: 'memory' });
    const typedNumber = ` ${number.toLowerCase().replace(/-/g, ' \u2013 ')}\u200b `;
    const typedCode = '\ufeff7k3f 9qxd\u2011m2pa  hv8e\n';
    await complaints(kc).lookup(typedNumber, typedCode);
    expect(bodies).to.deep.equal([{ trackingNumber: number, accessCode: '7k3f9qxd-m2pahv8e' }]);
    // What follows the lookup finds the appeal by the same number, however it was typed.
    const read = await complaints(kc).get(typedNumber);
    expect(read.trackingNumber).to.equal(number);
    kc.close();
  });
});
