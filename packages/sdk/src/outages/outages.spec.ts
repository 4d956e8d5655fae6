// SPDX-License-Identifier: MIT
// outages.watch over the event stream: a drop resumes with Last-Event-ID, and a later watch resumes from the id an
// earlier one reported.
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { createCore } from '../client.js';
import { outages, type KcOutage } from './outages.js';
import { baseUrl, fakeFetch, fakeSleep, json, type FakeCall } from '../../test/fake-fetch.js';

const outage = (n: number, status = 'active'): KcOutage =>
  ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    status,
    severity: 'major',
    affectedChannels: ['chat'],
    message: { kk: `Ақау ${n}`, ru: `Сбой ${n}`, en: `Outage ${n}` },
    startedAt: '2026-11-23T10:00:00+05:00',
    expectedResumeAt: null,
    resolvedAt: null,
    alternatives: [],
    updatedAt: '2026-11-23T10:00:00+05:00',
  }) as KcOutage;

const frame = (id: number, event: string, data: unknown) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Events 40 and 41, then a drop; after it event 42 and the stream stays open. */
function server(stop: AbortSignal) {
  let streams = 0;
  return fakeFetch((call: FakeCall) => {
    if (call.path === '/outages') return json(200, { items: [] });
    const frames =
      streams++ === 0
        ? [frame(40, 'outage.published', outage(1)), frame(41, 'outage.published', outage(2))]
        : [frame(42, 'outage.resolved', outage(1, 'resolved'))];
    const encoder = new TextEncoder();
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < frames.length) controller.enqueue(encoder.encode(frames[i++]));
        else if (streams === 1) controller.close();
        else return new Promise<void>((_, reject) => stop.addEventListener('abort', () => reject(new Error('end'))));
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  });
}

describe('outages: watching', () => {
  it('resumes a dropped stream with Last-Event-ID: nothing lost, nothing repeated', async () => {
    const stop = new AbortController();
    const fake = server(stop.signal);
    const kc = createCore({ baseUrl, fetch: fake.fetch, storage: 'memory', retry: { sleep: fakeSleep().sleep } });
    const seen: [string[], string | undefined][] = [];
    await new Promise<void>((resolve) => {
      outages(kc).watch(
        (list, { lastEventId }) => {
          seen.push([list.map((o) => o.message.en), lastEventId]);
          if (lastEventId === '42') resolve();
        },
        { signal: stop.signal },
      );
    });
    stop.abort();
    expect(seen).to.deep.equal([
      [[], undefined],
      [['Outage 1'], '40'],
      [['Outage 1', 'Outage 2'], '41'],
      [['Outage 2'], '42'],
    ]);
    const streams = fake.calls.filter((c) => c.path === '/outages/events');
    expect(streams.map((c) => c.headers.get('last-event-id'))).to.deep.equal([null, '41']);
  });

  it('a later watch resumes from the id an earlier one reported', async () => {
    const stop = new AbortController();
    const fake = server(stop.signal);
    const kc = createCore({ baseUrl, fetch: fake.fetch, storage: 'memory', retry: { sleep: fakeSleep().sleep } });
    await new Promise<void>((resolve) => {
      outages(kc).watch((_, { lastEventId }) => lastEventId === '41' && resolve(), {
        signal: stop.signal,
        lastEventId: '39',
      });
    });
    stop.abort();
    const streams = fake.calls.filter((c) => c.path === '/outages/events');
    expect(streams[0]!.headers.get('last-event-id')).to.equal('39');
  });
});
