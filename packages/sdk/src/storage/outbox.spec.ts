// SPDX-License-Identifier: MIT
// The outbox's fault suite on a fake server that registers each Idempotency-Key once: in Node (memory storage)
// and in browsers (IndexedDB). Reloads and tabs are in outbox.test.ts (browsers only).
import { afterEach, describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { createCore, type KcCore } from '../client.js';
import { complaints } from '../complaints/complaints.js';
import { isKcAbortError, isKcValidationError, type KcValidationError } from '../errors/errors.js';
import type { OutboxEventMap } from './outbox.js';
import { baseUrl, fakeSleep } from '../../test/fake-fetch.js';
import { complaintServer, draft, personal, type Fault } from '../../test/complaint-server.js';

const clients: KcCore[] = [];
afterEach(async () => {
  for (const kc of clients.splice(0)) await kc.clearLocalData();
});

function setup({ gate, timeout = 40 }: { gate?: () => Promise<void>; timeout?: number } = {}) {
  const server = complaintServer();
  const clock = fakeSleep();
  const kc = createCore({
    baseUrl,
    fetch: gate ? async (input, init) => (await gate(), server.fetch(input, init)) : server.fetch,
    timeout,
    retry: { sleep: clock.sleep, random: () => 0.5 },
  });
  clients.push(kc);
  const events: { type: keyof OutboxEventMap; detail: OutboxEventMap[keyof OutboxEventMap] }[] = [];
  for (const type of ['queued', 'sent', 'failed'] as const)
    kc.outbox.on(type, (detail) => events.push({ type, detail }));
  return { kc, server, clock, events };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('outbox: submitting an appeal', () => {
  it('sends it at once, normalised, with an Idempotency-Key, and leaves nothing queued', async () => {
    const { kc, server, events } = setup();
    const result = await complaints(kc).submit(draft);
    expect(result.status).to.equal('sent');
    if (result.status !== 'sent') return;
    expect(result.receipt.trackingNumber).to.equal('KC-2026-000001');
    expect(result.receipt.accessCode).to.equal('7K3F-9QXD-M2PA-HV8E');
    const body = JSON.parse(server.calls[0]!.body);
    expect(body.applicant.phone).to.equal('+77011234567');
    expect(body.channel).to.equal('web');
    expect(server.calls[0]!.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);
    expect(await kc.outbox.pending()).to.deep.equal([]);
    expect(await kc.outbox.results()).to.deep.equal([]);
    expect(events.map((e) => e.type)).to.deep.equal(['sent']);
  });

  const faults: [string, Fault[]][] = [
    ['the network fails before the server has it', ['network-before', 'network-before']],
    ['the network fails after the server committed', ['network-after', 'network-after']],
    ['the answer times out after the server committed', ['timeout-after', 'timeout-after']],
    ['500', [500, 500]],
    ['502', [502, 502]],
    ['503', [503, 503]],
    ['429 with Retry-After in seconds', [{ status: 429, retryAfter: '120' }]],
    ['429 with Retry-After as a date', [{ status: 429, retryAfter: new Date(Date.now() + 90_000).toUTCString() }]],
    ['a mix, the first attempt committed', ['network-after', 503, 'network-before', 'in-flight', 'timeout-after']],
  ];
  for (const [name, script] of faults) {
    it(`registers it exactly once when ${name}`, async () => {
      const { kc, server, events } = setup();
      server.faults.push(...script);
      const result = await complaints(kc).submit(draft);
      expect(result.status).to.equal('queued');
      expect((await kc.outbox.pending()).map((p) => p.kind)).to.deep.equal(['complaint']);
      while (server.faults.length > 0) await kc.outbox.flush();
      await kc.outbox.flush();
      expect(server.registered).to.equal(1);
      expect(await kc.outbox.pending()).to.deep.equal([]);
      const sent = events.filter((e) => e.type === 'sent');
      expect(sent).to.have.length(1);
      expect((sent[0]!.detail as OutboxEventMap['sent']).id).to.equal(result.id);
      expect((sent[0]!.detail as OutboxEventMap['sent']).receipt).to.include({ trackingNumber: 'KC-2026-000001' });
      expect(events[0]!.type).to.equal('queued');
      const keys = new Set(server.calls.map((c) => c.headers.get('idempotency-key')));
      expect([...keys]).to.deep.equal([result.id]);
      // Sent in the background: the whole receipt (department, next steps) waits for a widget, without personal data.
      const results = await kc.outbox.results();
      expect(results.map((r) => r.receipt)).to.deep.equal([(sent[0]!.detail as OutboxEventMap['sent']).receipt]);
      expect(results[0]!.receipt).to.include({ trackingNumber: 'KC-2026-000001', accessCode: '7K3F-9QXD-M2PA-HV8E' });
      expect(results[0]!.receipt).to.have.keys(
        'trackingNumber',
        'accessCode',
        'registeredAt',
        'dueAt',
        'responsible',
        'nextSteps',
      );
      expect(JSON.stringify(results)).not.to.contain(personal.lastName);
      await kc.outbox.acknowledge(results[0]!.id);
      expect(await kc.outbox.results()).to.deep.equal([]);
    });
  }

  it('waits on Retry-After by itself when it is short, and on 409 in flight', async () => {
    const { kc, server, clock } = setup();
    server.faults.push({ status: 429, retryAfter: '3' }, 'in-flight');
    const result = await complaints(kc).submit(draft);
    expect(result.status).to.equal('sent');
    expect(clock.slept).to.deep.equal([3000, 1000]);
    expect(server.registered).to.equal(1);
  });

  it('ends with the final error on another 4xx, removes the item and registers nothing', async () => {
    const { kc, server, events } = setup();
    server.faults.push({ status: 422, code: 'validation_failed' });
    const error = (await rejection(complaints(kc).submit(draft))) as KcValidationError;
    expect(isKcValidationError(error)).to.equal(true);
    expect(error.fieldErrors.map((f) => f.field)).to.deep.equal(['/categoryId']);
    expect(await kc.outbox.pending()).to.deep.equal([]);
    expect(server.registered).to.equal(0);
    expect(events.map((e) => e.type)).to.deep.equal(['failed']);
  });

  it('keeps a refusal met in the background as a result without the request', async () => {
    const { kc, server } = setup();
    server.faults.push('network-before', 'network-before', { status: 422, code: 'validation_failed' });
    await complaints(kc).submit(draft);
    await kc.outbox.flush();
    const [result] = await kc.outbox.results();
    expect(result!.error).to.deep.equal({ status: 422, code: 'validation_failed', fields: ['/categoryId'] });
    expect(JSON.stringify(result)).not.to.contain(personal.iin);
  });

  it('checks the appeal before queueing: IIN check digit, phone, schema', async () => {
    const { kc, server } = setup();
    const bad = {
      ...draft,
      description: '',
      applicant: { ...(draft.applicant as object), iin: '900101300018', phone: '+79161234567' },
    };
    const error = (await rejection(complaints(kc).submit(bad as typeof draft))) as KcValidationError;
    expect(isKcValidationError(error)).to.equal(true);
    expect(error.status).to.equal(undefined);
    expect(error.fieldErrors.map((f) => `${f.field} ${f.code}`).sort()).to.deep.equal([
      '/applicant/iin iin_checksum',
      '/applicant/phone kz_phone',
      '/description minLength',
    ]);
    expect(server.calls).to.have.length(0);
    expect(await kc.outbox.pending()).to.deep.equal([]);
  });

  it('keeps the appeal queued when the caller aborts, and still sends it once', async () => {
    const { kc, server } = setup();
    server.faults.push('timeout-after');
    const controller = new AbortController();
    const pending = complaints(kc).submit(draft, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect(isKcAbortError(await rejection(pending))).to.equal(true);
    expect(await kc.outbox.pending()).to.have.length(1);
    await kc.outbox.flush();
    expect(server.registered).to.equal(1);
    expect(await kc.outbox.pending()).to.deep.equal([]);
  });

  it('wipes the draft once the appeal is safely queued or sent, keeps it on a refusal', async () => {
    const { kc, server } = setup();
    await kc.drafts.save('form', { text: personal.description });
    server.faults.push({ status: 422, code: 'validation_failed' });
    await rejection(complaints(kc).submit(draft, { draftKey: 'form' }));
    expect(await kc.drafts.load('form')).to.deep.equal({ text: personal.description });
    server.faults.push('network-before', 'network-before');
    expect((await complaints(kc).submit(draft, { draftKey: 'form' })).status).to.equal('queued');
    expect(await kc.drafts.load('form')).to.equal(undefined);
  });
});

describe('outbox: withdrawing a queued item', () => {
  it('takes back an item still waiting: it is never sent', async () => {
    const { kc, server } = setup();
    server.faults.push('network-before', 'network-before');
    const result = await complaints(kc).submit(draft);
    expect(result.status).to.equal('queued');
    expect(await kc.outbox.withdraw(result.id)).to.equal('withdrawn');
    expect(await kc.outbox.pending()).to.deep.equal([]);
    await kc.outbox.flush();
    expect(server.registered).to.equal(0);
    expect(server.calls).to.have.length(2);
    expect(await kc.outbox.withdraw(result.id)).to.equal('unknown');
  });

  it('waits for an attempt in flight and says when the item reached the server', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    // The first attempts fail; the flush's attempt is held at the door until the withdrawal has been asked for.
    let hold = false;
    const { kc, server } = setup({
      timeout: 5000,
      gate: async () => {
        if (!hold) return;
        entered();
        await released;
      },
    });
    server.faults.push('network-before', 'network-before');
    const result = await complaints(kc).submit(draft);
    expect(result.status).to.equal('queued');
    hold = true;
    const flushing = kc.outbox.flush();
    await inFlight;
    const withdrawal = kc.outbox.withdraw(result.id);
    release();
    expect(await withdrawal).to.equal('sent');
    await flushing;
    expect(server.registered).to.equal(1);
    expect(await kc.outbox.pending()).to.deep.equal([]);
  });

  it('says sent for an item already answered, unknown for one it never had', async () => {
    const { kc, server } = setup();
    const result = await complaints(kc).submit(draft);
    expect(result.status).to.equal('sent');
    expect(await kc.outbox.withdraw(result.id)).to.equal('sent');
    expect(await kc.outbox.withdraw('00000000-0000-4000-8000-000000000000')).to.equal('unknown');
    expect(server.registered).to.equal(1);
  });
});

describe('drafts', () => {
  it('save, restore, expire, remove', async () => {
    const { kc } = setup();
    await kc.drafts.save('a', { n: 1 });
    await kc.drafts.save('b', { n: 2 }, { ttl: -1 });
    expect(await kc.drafts.load('a')).to.deep.equal({ n: 1 });
    expect(await kc.drafts.load('b')).to.equal(undefined);
    await kc.drafts.remove('a');
    expect(await kc.drafts.load('a')).to.equal(undefined);
  });
});

describe('storage', () => {
  it('uses memory when asked, and says so when IndexedDB is missing', async () => {
    const memory = createCore({ baseUrl, storage: 'memory' });
    clients.push(memory);
    expect(memory.outbox.storage).to.equal('memory');
    if (typeof indexedDB === 'undefined') {
      const kc = createCore({ baseUrl });
      clients.push(kc);
      const reasons: string[] = [];
      kc.outbox.on('storage-fallback', ({ reason }) => reasons.push(reason));
      await Promise.resolve();
      expect(reasons).to.deep.equal(['unavailable']);
      expect(kc.outbox.storage).to.equal('memory');
    }
  });
});
