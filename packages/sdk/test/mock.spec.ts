// SPDX-License-Identifier: MIT
// Every module of the SDK against @kc/mock (the real @kc/backend rules behind msw), in Node and in browsers, with
// the fault scenarios counted on the backend: every appeal registered exactly once.
import { after, before, describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import type { MockContactCenter } from '@kc/mock';
import { createClient, type KcClient } from '../src/client.js';
import type { KcComplaintDraft } from '../src/complaints/complaints.js';
import type { KcConfig } from '../src/config/config.js';
import { isKcContractError, isKcHttpError, isKcValidationError, type KcHttpError } from '../src/errors/errors.js';
import type { KcOutage } from '../src/outages/outages.js';
import { fakeSleep } from './fake-fetch.js';

type RunningMock = MockContactCenter & { stop(): void };
const browser = typeof window !== 'undefined';
const baseUrl = browser ? `${location.origin}/api/v1` : 'http://kc.test/api/v1';

async function start(): Promise<RunningMock> {
  const options = { seed: 7, baseUrl: browser ? '/api/v1' : baseUrl };
  if (browser) return (await import('@kc/mock/browser')).startMockWorker(options);
  return (await import('@kc/mock/node')).startMockServer(options);
}

const until = async (condition: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; !condition() && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('@kc/sdk against @kc/mock', () => {
  let mock: RunningMock;
  let kc: KcClient;
  let config: KcConfig;
  let draft: KcComplaintDraft;

  before(async () => {
    mock = await start();
    kc = createClient({
      baseUrl,
      locale: 'ru',
      storage: 'memory',
      retry: { sleep: fakeSleep().sleep },
      outbox: { baseDelay: 60_000 },
    });
    config = await kc.config.get();
    const category = config.appeals.categories.find((c) => c.parentId !== null) ?? config.appeals.categories[0]!;
    draft = {
      kind: 'complaint',
      categoryId: category.id,
      description: 'Зейнетақы тағайындалмады.',
      applicant: {
        iin: '900101300017',
        lastName: 'Сейтқалиева',
        firstName: 'Әйгерім',
        phone: '8 701 123 45 67',
        preferredLanguage: 'kk',
        preferredContact: 'phone',
      },
      consent: { given: true, version: config.privacy.version },
    };
  });

  after(async () => {
    kc.close();
    mock.stop();
  });

  it('config: read, then served from the cache, then revalidated', async () => {
    expect(config.name.kk).to.be.a('string');
    const before = mock.stats.requests.getConfig ?? 0;
    await kc.config.get();
    expect(mock.stats.requests.getConfig ?? 0).to.equal(before);
    const again = await kc.config.get({ maxAge: 0 });
    expect(again.updatedAt).to.equal(config.updatedAt);
    expect(mock.stats.requests.getConfig).to.equal(before + 1);
  });

  it('queue: status per channel', async () => {
    const { channels } = await kc.queue.status();
    expect(channels.some((c) => c.channel === 'chat')).to.equal(true);
  });

  it('knowledge base: search', async () => {
    const result = await kc.kb.search('зейнетақы');
    expect(result.items).to.be.an('array');
  });

  it('outages: list, and a published outage reaches a watcher', async () => {
    expect(await kc.outages.active()).to.be.an('array');
    let latest: KcOutage[] = [];
    let calls = 0;
    const stop = kc.outages.watch((list) => {
      latest = list;
      calls++;
    });
    await until(() => calls > 0);
    await mock.scenario.set({ outage: true });
    await until(() => latest.some((o) => o.status === 'active'));
    stop();
    expect(latest.some((o) => o.status === 'active')).to.equal(true);
    await mock.scenario.set({ outage: false });
  });

  it('appeals: submit, look up, comment, watch', async () => {
    const result = await kc.complaints.submit(draft);
    expect(result.status).to.equal('sent');
    if (result.status !== 'sent') return;
    const { trackingNumber, accessCode } = result.receipt;
    const view = await kc.complaints.lookup(trackingNumber, accessCode);
    expect(view.complaint.trackingNumber).to.equal(trackingNumber);
    expect(view.complaint.applicant.phoneMasked).not.to.contain('1234567');

    const seen: number[] = [];
    const stop = kc.complaints.watch(trackingNumber, accessCode, (c) => seen.push(c.comments.length));
    await until(() => seen.length > 0);
    const comment = await kc.complaints.comment(trackingNumber, { text: 'Құжаттар қоса берілді.' });
    expect(comment.text).to.equal('Құжаттар қоса берілді.');
    await until(() => seen.includes(1));
    stop();
    expect(seen[0]).to.equal(0);
    expect(seen).to.include(1);
    expect((await kc.complaints.get(trackingNumber)).comments).to.have.length(1);

    const wrong = (await rejection(kc.complaints.lookup(trackingNumber, 'AAAA-AAAA-AAAA-AAAA'))) as KcHttpError;
    expect(isKcHttpError(wrong)).to.equal(true);
    expect(wrong.status).to.equal(404);
  });

  it('appeals: a rule broken on the server is a KcValidationError with field errors', async () => {
    const error = await rejection(kc.complaints.submit({ ...draft, categoryId: 'no.such.category' }));
    expect(isKcValidationError(error)).to.equal(true);
  });

  it('callbacks: slots, request, get, cancel', async () => {
    const today = new Date();
    const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const { slots } = await kc.callbacks.slots({ from: day(1), to: day(7) });
    const slot = slots.find((s) => s.available);
    expect(slot).to.not.equal(undefined);
    const result = await kc.callbacks.request({
      phone: '+7 701 123 45 67',
      topic: 'Жәрдемақы',
      language: 'kk',
      when: { slotStart: slot!.start },
      consent: { given: true, version: config.privacy.version },
    });
    expect(result.status).to.equal('sent');
    if (result.status !== 'sent') return;
    const id = result.receipt.callback.id;
    expect((await kc.callbacks.get(id)).id).to.equal(id);
    expect((await kc.callbacks.cancel(id)).status).to.equal('cancelled');
  });

  it('ratings: submit, and a second rating of the same subject is refused', async () => {
    const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { slots } = await kc.callbacks.slots({ from: day, to: day });
    const slot = slots.find((s) => s.available);
    const booked = await kc.callbacks.request({
      phone: '+77011234567',
      topic: 'Жәрдемақы',
      language: 'kk',
      when: slot ? { slotStart: slot.start } : { asap: true },
      consent: { given: true, version: config.privacy.version },
    });
    if (booked.status !== 'sent') throw new Error('not booked');
    const rating = {
      subject: { kind: 'callback' as const, id: booked.receipt.callback.id },
      csat: 2,
      resolved: false,
      comment: 'Ұзақ күттім.',
      language: 'kk' as const,
    };
    const auth = { callbackToken: booked.receipt.callbackToken };
    const result = await kc.ratings.submit(rating, { auth });
    expect(result.status).to.equal('sent');
    if (result.status === 'sent') expect(result.receipt.csat).to.equal(2);
    const again = await rejection(kc.ratings.submit(rating, { auth }));
    expect(isKcHttpError(again) || isKcValidationError(again)).to.equal(true);
  });

  it('attachments: upload with progress', async () => {
    const pdf = new Blob(['%PDF-1.7\n%kc test\n'], { type: 'application/pdf' });
    const progress: number[] = [];
    const attachment = await kc.complaints.uploadAttachment(pdf, {
      fileName: 'өтініш.pdf',
      onProgress: (p) => progress.push(p),
    });
    expect(attachment.fileName).to.equal('өтініш.pdf');
    expect(attachment.contentType).to.equal('application/pdf');
    expect(attachment.size).to.equal(pdf.size);
    expect(progress.at(-1)).to.equal(1);
  });

  it('streams: an outage watcher survives dropped connections without losing or repeating a change', async () => {
    const seen: string[] = [];
    const stop = kc.outages.watch((list) => seen.push(list.map((o) => `${o.id}:${o.status}`).join(',')));
    await until(() => seen.length > 0 && mock.streams.open > 0);
    // A stream opened without Last-Event-ID gets the mock's whole history first (earlier tests' outages):
    // let it settle, then count from here.
    await new Promise((r) => setTimeout(r, 300));
    seen.length = 0;
    expect(mock.streams.dropAll()).to.be.greaterThan(0);
    await mock.scenario.set({ outage: true });
    await until(() => seen.some((s) => s.includes(':active')));
    mock.streams.dropAll();
    await mock.scenario.set({ outage: false });
    await until(() => seen.at(-1) === '');
    stop();
    // Whatever the drops, the watcher saw the outage once, then nothing: no change lost, none repeated.
    const changes = seen.filter((state, i) => state !== seen[i - 1]);
    expect(changes, JSON.stringify(changes)).to.have.length(2);
    expect(changes[0]).to.match(/^[0-9a-f-]{36}:active$/);
    expect(changes[1]).to.equal('');
  });

  it('faults: every appeal registered exactly once, the outbox empty afterwards', async () => {
    const ops = ['submitComplaint'] as const;
    const scenarios = [
      { networkFailure: { operations: ops, times: 2 } },
      { failAfterCommit: { operations: ops, times: 2 } },
      { failureRate: { rate: 1, operations: ops, statuses: [500, 502, 503] as const } },
      { rateLimit: { operations: ops, times: 2, retryAfterSeconds: 120 } },
    ];
    mock.stats.reset();
    const ids: string[] = [];
    let queued = 0;
    const sent = new Set<string>();
    const off = kc.outbox.on('sent', ({ id }) => sent.add(id));
    for (const scenario of scenarios) {
      await mock.scenario.set(scenario);
      const result = await kc.complaints.submit(draft);
      // A lost answer is retried at once with the same key, and the mock replays the first answer: sent or queued.
      expect(result.status, JSON.stringify(scenario)).to.be.oneOf(['sent', 'queued']);
      ids.push(result.id);
      if (result.status === 'queued') queued++;
      await mock.scenario.reset();
    }
    expect(queued).to.be.greaterThan(0);
    await kc.outbox.flush();
    expect(await kc.outbox.pending()).to.deep.equal([]);
    expect(mock.stats.complaintsByKey.size).to.equal(ids.length);
    for (const id of ids) expect(mock.stats.complaintsByKey.get(id), id).to.equal(1);
    off();
    expect([...sent].sort()).to.deep.equal([...ids].sort());
  });

  it('malformed answers are typed errors, never a crash', async () => {
    for (const kind of ['html-502', 'truncated-json', 'wrong-types', 'huge', 'empty'] as const) {
      await mock.scenario.set({ malformed: { kind, operations: ['getQueueStatus'] } });
      const error = await rejection(kc.queue.status());
      expect(isKcContractError(error) || isKcHttpError(error), kind).to.equal(true);
    }
    await mock.scenario.reset();
  });

  it('unknown enum values pass through, for the widgets to show generically (contract, "Versioning")', async () => {
    const known = await kc.queue.status();
    await mock.scenario.set({ malformed: { kind: 'unknown-enum', operations: ['getQueueStatus'] } });
    const status = await kc.queue.status();
    await mock.scenario.reset();
    expect(status.channels).to.have.length(known.channels.length);
    const channels = status.channels.map((c) => c.channel as string);
    expect(channels.some((c) => !known.channels.some((k) => k.channel === c))).to.equal(true);
  });
});
