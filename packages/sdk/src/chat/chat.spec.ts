// SPDX-License-Identifier: MIT
// The chat session against @kc/mock (the real @kc/backend behind msw, with its scripted operator), in Node and in
// browsers: a whole conversation, 100 dropped streams, and a message sent while the network is down.
import { after, afterEach, before, describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import type { MockContactCenter } from '@kc/mock';
import { createClient, type KcClient } from '../client.js';
import type { KcConfig } from '../config/config.js';
import { isKcHttpError } from '../errors/errors.js';
import { baseUrl as fakeBaseUrl, fakeFetch, json, problem } from '../../test/fake-fetch.js';
import { chat } from './chat.js';
import type { KcChatInactivity, KcChatMessage, KcChatSession } from './session.js';

type RunningMock = MockContactCenter & { stop(): void };
const browser = typeof window !== 'undefined';
const baseUrl = browser ? `${location.origin}/api/v1` : 'http://kc.test/api/v1';

async function start(): Promise<RunningMock> {
  const options = {
    seed: 11,
    clock: { start: '2026-11-23T10:00:00+05:00' },
    baseUrl: browser ? '/api/v1' : baseUrl,
    operator: { joinAfterMs: 200, typingMs: 100, readAfterMs: 50 },
  };
  if (browser) return (await import('@kc/mock/browser')).startMockWorker(options);
  return (await import('@kc/mock/node')).startMockServer(options);
}

const until = async (condition: () => boolean, what: string, ms = 8000) => {
  for (const end = Date.now() + ms; !condition();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const text = (m: KcChatMessage) => (typeof m.text === 'string' ? m.text : m.text.ru);
const keys = (session: KcChatSession) => session.messages.map((m) => m.clientMessageId ?? m.id);
const instant = (_ms: number, signal?: AbortSignal) =>
  signal?.aborted ? Promise.reject(signal.reason as Error) : new Promise<void>((r) => setTimeout(r, 5));

/**
 * A client of the mock whose chat event stream answers 204 (a proxy that cannot stream), so that its sessions poll,
 * every 20 ms of real time; `seen` is told the URL of every request.
 */
const pollingClient = (seen: (url: string) => unknown = () => undefined) =>
  createClient({
    baseUrl,
    locale: 'ru',
    storage: 'memory',
    retry: { sleep: () => new Promise<void>((r) => setTimeout(r, 20)) },
    outbox: { baseDelay: 60_000 },
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      seen(url);
      if (!/\/chat\/sessions\/[^/]+\/events$/.test(url)) return fetch(input, init);
      return Promise.resolve(new Response(null, { status: 204 }));
    },
  });

describe('chat(kc) against @kc/mock', () => {
  let mock: RunningMock;
  let kc: KcClient;
  let config: KcConfig;
  const consent = () => ({ given: true as const, version: config.privacy.version });

  before(async () => {
    mock = await start();
    kc = createClient({
      baseUrl,
      locale: 'ru',
      storage: 'memory',
      retry: { sleep: instant },
      outbox: { baseDelay: 60_000 },
    });
    config = await kc.config.get();
  });

  afterEach(async () => {
    chat(kc).forget();
    await mock.scenario.reset();
  });

  after(() => {
    kc.close();
    mock.stop();
  });

  it('a whole conversation: queue, operator joins, replies, receipts, typing, transcript, close by the citizen', async () => {
    const session = await chat(kc).start({ language: 'ru', consent: consent(), topic: undefined });
    const seen: string[] = [];
    session.on('operator.joined', () => seen.push('joined'));
    session.on('message', ({ message, live }) => live && message.author.kind === 'operator' && seen.push('reply'));
    expect(session.status).to.equal('queued');
    await until(() => session.status === 'active', 'the operator to join');
    expect(session.info.operator?.displayName).to.be.a('string');
    await until(() => session.messages.some((m) => m.author.kind === 'operator'), 'the greeting');

    session.typing();
    session.typing();
    const sent = await session.send('Здравствуйте! Вопрос о пенсии.');
    expect(sent.clientMessageId).to.be.a('string');
    await until(() => session.messages.filter((m) => m.author.kind === 'operator').length >= 2, 'a reply');
    await until(
      () => session.messages.find((m) => m.clientMessageId === sent.clientMessageId)?.status === 'read',
      'read',
    );
    expect(session.unread).to.be.greaterThan(0);
    await session.markRead();
    expect(session.unread).to.equal(0);
    expect(seen).to.include.members(['joined', 'reply']);

    const transcript = await session.transcript();
    expect(transcript.type).to.match(/^text\/plain/);
    expect(await transcript.text()).to.include('Вопрос о пенсии');

    const ended = new Promise((resolve) => session.on('session.closed', resolve));
    await session.close({ resolved: true });
    expect(session.status).to.equal('closed');
    expect(session.ending?.reason).to.equal('citizen_closed');
    await Promise.race([ended, new Promise((r) => setTimeout(r, 50))]);
    expect(new Set(keys(session)).size).to.equal(session.messages.length);
  });

  it('100 dropped streams during a conversation: no message lost or shown twice', async () => {
    const session = await chat(kc).start({ language: 'ru', consent: consent() });
    await until(() => session.status === 'active', 'the operator to join');
    for (let i = 0; i < 100; i++) {
      mock.streams.dropAll();
      if (i % 10 === 0) await session.send(`Сообщение ${i}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const server = async () => {
      const copy = createClient({ baseUrl, storage: 'memory' });
      const other = await chat(copy).resume();
      copy.close();
      return other;
    };
    await until(() => session.messages.filter((m) => m.author.kind === 'operator').length >= 11, 'every reply', 20_000);
    await new Promise((r) => setTimeout(r, 300));
    // The server's own list (read through a second client with the same token) is the truth.
    const truth = await server();
    if (truth) {
      // The same messages, none twice. Messages are ordered by the server's sentAt; two stamped in the same
      // millisecond (the mock's clock stands still here) may arrive in either order, so compare as sets.
      expect([...keys(session)].sort()).to.deep.equal([...keys(truth)].sort());
      const times = session.messages.map((m) => Date.parse(m.sentAt));
      expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).to.equal(true, 'ordered by sentAt');
      truth.detach();
    } else {
      // Node has no session storage to share the token through: compare with what a refresh reads.
      const before = keys(session);
      await session.refresh();
      expect(keys(session)).to.deep.equal(before);
    }
    expect(new Set(keys(session)).size).to.equal(session.messages.length);
    expect(session.messages.filter((m) => m.author.kind === 'citizen').map(text)).to.deep.equal(
      Array.from({ length: 10 }, (_, i) => `Сообщение ${i * 10}`),
    );
  });

  it('a message sent while the network is down is queued, then delivered exactly once', async () => {
    const session = await chat(kc).start({ language: 'ru', consent: consent() });
    await mock.scenario.set({ networkFailure: { operations: ['sendChatMessage'] } });
    const message = await session.send('Пока нет сети');
    expect(message.status).to.equal('queued');
    expect((await kc.outbox.pending()).map((p) => p.id)).to.include(message.clientMessageId);
    await mock.scenario.set({ networkFailure: false });
    await kc.outbox.flush();
    await until(
      () =>
        session.messages.find((m) => m.id !== message.id && m.clientMessageId === message.clientMessageId) !==
        undefined,
      'delivery',
    );
    await kc.outbox.flush();
    await session.refresh();
    expect(session.messages.filter((m) => m.clientMessageId === message.clientMessageId)).to.have.length(1);
    expect(await kc.outbox.pending()).to.have.length(0);
  });

  it('the center closed: start answers 503 center_closed', async () => {
    await mock.scenario.set({ centerClosed: true });
    try {
      await chat(kc).start({ language: 'kk', consent: consent() });
      expect.fail('started while closed');
    } catch (error) {
      expect(isKcHttpError(error) && error.code).to.equal('center_closed');
    }
  });

  it('a server that cannot stream: polling tells the queue, the operator, an outage and its end, and the closing', async () => {
    // The events endpoint answers 204 (a proxy that cannot stream): the session polls.
    let refused = 0;
    const polling = pollingClient((url) => /\/events$/.test(url) && refused++);
    try {
      await mock.scenario.set({ longQueue: 2 });
      const session = await chat(polling).start({ language: 'ru', consent: consent() });
      const told: string[] = [];
      for (const type of [
        'queue.updated',
        'operator.joined',
        'transferred',
        'operator.left',
        'outage.notice',
        'session.closed',
      ] as const) {
        session.on(type, (detail) =>
          told.push(type === 'outage.notice' ? `${type} ${String((detail as { status: string }).status)}` : type),
        );
      }
      const place = session.info.position!;
      expect(place).to.be.at.least(3);

      await mock.scenario.set({ longQueue: 1 });
      await until(
        () => session.info.position === place - 1 && told.includes('queue.updated'),
        'the new place in the queue',
      );
      expect(session.queue?.operatorsOnline).to.be.a('number');
      await mock.scenario.set({ longQueue: 0 });
      await until(() => told.includes('operator.joined'), 'the operator to join');
      expect(session.info.operator?.displayName).to.be.a('string');

      await mock.scenario.set({ outage: true });
      await until(() => session.outage !== undefined, 'the outage notice');
      expect(session.outage?.affectedChannels).to.include('chat');
      await mock.scenario.set({ outage: false });
      await until(() => session.outage === undefined, 'the outage resolved');

      const closed = await fetch(`${baseUrl}/operator/chats/${session.id}/close`, {
        method: 'POST',
        headers: { authorization: `Bearer ${mock.tokens.supervisor}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(closed.status).to.equal(200);
      await until(() => told.includes('session.closed'), 'the closing');
      expect(session.ending?.reason).to.equal('operator_closed');
      expect(refused).to.be.greaterThan(0);
      expect(told.filter((t) => t !== 'queue.updated')).to.deep.equal([
        'operator.joined',
        'outage.notice active',
        'outage.notice resolved',
        'session.closed',
      ]);
    } finally {
      chat(polling).forget();
      polling.close();
    }
  });

  it('a server that cannot stream: polling tells the inactivity warning, and it ends when the citizen writes', async () => {
    let reads = 0;
    const polling = pollingClient((url) => /\/chat\/sessions\/[^/]+$/.test(url) && reads++);
    try {
      const session = await chat(polling).start({ language: 'ru', consent: consent() });
      const told: KcChatInactivity[] = [];
      session.on('inactivity.warning', (warning) => told.push(warning));
      await until(() => session.status === 'active', 'the operator to join');
      expect(session.inactivity).to.equal(undefined);

      // The citizen falls silent past the warning threshold (the mock's clock moves; its sweep warns).
      await mock.clock.advance((config.thresholds.inactivityWarningSeconds + 5) * 1000);
      await until(() => session.inactivity !== undefined, 'the warning');
      const warned = session.messages.find((m) => m.author.kind === 'system');
      expect(warned, 'the warning as a system message too').to.not.equal(undefined);
      expect(Date.parse(session.inactivity!.closesAt)).to.be.greaterThan(Date.parse(warned!.sentAt));
      expect(session.inactivity!.message.ru).to.be.a('string');
      expect(told).to.deep.equal([session.inactivity]);

      // Polled again, the same warning is not told twice.
      const seen = reads;
      await until(() => reads >= seen + 2, 'two more polls');
      expect(told).to.have.length(1);

      await session.send('Я здесь');
      expect(session.inactivity).to.equal(undefined);
      const sent = reads;
      await until(() => reads >= sent + 2, 'two polls after the message');
      expect(session.inactivity).to.equal(undefined);
      expect(session.status).to.equal('active');
    } finally {
      chat(polling).forget();
      polling.close();
    }
  });

  it('an outage during the chat arrives as outage.notice', async () => {
    const session = await chat(kc).start({ language: 'en', consent: consent() });
    await mock.scenario.set({ outage: true });
    await until(() => session.outage !== undefined, 'the outage notice');
    expect(session.outage?.alternatives).to.be.an('array');
  });
});

/** The chat resource of a fake server: `id` active with Айгүл since 10:10 in Astana. */
const activeSession = (id: string, language: 'kk' | 'ru' | 'en') => ({
  id,
  status: 'active',
  position: null,
  estimatedWaitSeconds: null,
  operator: { displayName: 'Айгүл' },
  topic: null,
  language,
  createdAt: '2026-11-23T05:10:00.000Z',
  acceptedAt: '2026-11-23T05:10:30.000Z',
  closedAt: null,
  closeReason: null,
  inactivity: null,
});

describe('chat(kc): messages stamped in the same millisecond', () => {
  it('orders by seq: the receipt of an earlier message that arrives after a later one goes before it', async () => {
    const id = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
    const at = '2026-11-23T05:11:40.123Z';
    const operatorMessage = {
      id: '5f6a7b8c-9d0e-4f1a-b2c3-d4e5f6a7b8c9',
      clientMessageId: null,
      author: { kind: 'operator', displayName: 'Айгүл' },
      text: 'Өтініш нөміріңізді жазыңызшы.',
      attachments: [],
      quickReplies: [],
      sentAt: at,
      state: 'sent',
      seq: 2,
    };
    let posted!: () => void;
    const postArrived = new Promise<void>((r) => (posted = r));
    let release!: () => void;
    const receiptReleased = new Promise<void>((r) => (release = r));
    const hold = new AbortController();
    const server = fakeFetch(async (call) => {
      if (call.method === 'POST' && call.path === '/chat/sessions') {
        return json(201, {
          session: activeSession(id, 'kk'),
          sessionToken: `ct_secret.${id}`,
          lastEventId: '0',
        });
      }
      if (call.path.endsWith('/events')) {
        // The operator's message (stored second) comes on the stream while the citizen's POST is under way.
        let sent = false;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (sent) return new Promise<void>((_, reject) => hold.signal.addEventListener('abort', reject));
            await postArrived;
            sent = true;
            const event = `id: 1\nevent: message.created\ndata: ${JSON.stringify(operatorMessage)}\n\n`;
            controller.enqueue(new TextEncoder().encode(event));
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      }
      if (call.method === 'POST' && call.path.endsWith('/messages')) {
        const input = JSON.parse(call.body) as { clientMessageId: string; text: string };
        posted();
        // The citizen's message was stored first (seq 1) in the same millisecond; its receipt comes last.
        await receiptReleased;
        return json(201, {
          id: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
          clientMessageId: input.clientMessageId,
          author: { kind: 'citizen', displayName: null },
          text: input.text,
          attachments: [],
          quickReplies: [],
          sentAt: at,
          state: 'delivered',
          seq: 1,
        });
      }
      return problem(404, 'not_found');
    });
    const kc = createClient({
      baseUrl: fakeBaseUrl,
      fetch: server.fetch,
      storage: 'memory',
      outbox: { baseDelay: 60_000 },
    });
    try {
      const session = await chat(kc).start({ language: 'kk', consent: { given: true, version: '1' } });
      const sending = session.send('Сұрағым бар');
      await until(() => session.messages.some((m) => m.id === operatorMessage.id), 'the operator message');
      expect(session.messages.map((m) => m.status)).to.deep.equal(['sent', 'sending']);
      release();
      const mine = await sending;
      expect(mine.seq).to.equal(1);
      expect(session.messages.map((m) => m.seq)).to.deep.equal([1, 2]);
      expect(session.messages.map((m) => m.author.kind)).to.deep.equal(['citizen', 'operator']);
    } finally {
      hold.abort();
      chat(kc).forget();
      kc.close();
    }
  });
});

describe('chat(kc): a re-read after a reset of the stream', () => {
  it('does not undo what the stream told while the re-read was under way (an outage stays, not "resolved")', async () => {
    const id = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
    const session = activeSession(id, 'ru');
    const outage = {
      id: '00000000-0000-4000-8000-000000000007',
      status: 'active',
      severity: 'major',
      affectedChannels: ['chat'],
      message: { kk: 'Ақау', ru: 'Сбой', en: 'Outage' },
      startedAt: '2026-11-23T10:20:00+05:00',
      expectedResumeAt: null,
      resolvedAt: null,
      alternatives: [],
      updatedAt: '2026-11-23T10:20:00+05:00',
    };
    const frame = (n: number, event: string, data: unknown) =>
      new TextEncoder().encode(`id: ${n}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    // The stream starts with a reset; while the client re-reads, the outage begins and the stream tells it. The
    // outage list the re-read asked for was read before that, and arrives after it.
    let listAsked!: () => void;
    const asked = new Promise<void>((r) => (listAsked = r));
    let told!: () => void;
    const outageTold = new Promise<void>((r) => (told = r));
    const hold = new AbortController();
    const server = fakeFetch(async (call) => {
      if (call.method === 'POST' && call.path === '/chat/sessions')
        return json(201, { session, sessionToken: `ct_secret.${id}`, lastEventId: '0' });
      if (call.path.endsWith('/events')) {
        let step = 0;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            step++;
            if (step === 1) return controller.enqueue(frame(5, 'reset', { reason: 'history_expired' }));
            if (step === 2) {
              await asked;
              controller.enqueue(frame(6, 'outage.notice', outage));
              return told();
            }
            return new Promise<void>((_, reject) => hold.signal.addEventListener('abort', reject));
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      }
      if (call.method === 'GET' && call.path === '/outages') {
        listAsked();
        await outageTold;
        await new Promise((r) => setTimeout(r, 20));
        return json(200, { items: [] });
      }
      if (call.method === 'GET' && call.path === `/chat/sessions/${id}`)
        return json(200, { session, messages: [], lastEventId: '5' });
      return problem(404, 'not_found');
    });
    const kc = createClient({ baseUrl: fakeBaseUrl, fetch: server.fetch, storage: 'memory' });
    try {
      const s = await chat(kc).start({ language: 'ru', consent: { given: true, version: '1' } });
      const notices: string[] = [];
      s.on('outage.notice', (o) => notices.push(o.status));
      await until(() => server.calls.some((c) => c.method === 'GET' && c.path === `/chat/sessions/${id}`), 're-read');
      await outageTold;
      await until(() => s.outage !== undefined, 'the outage');
      // The re-read's stale list came after the notice: the outage is still active, and told once.
      await new Promise((r) => setTimeout(r, 100));
      expect(s.outage?.status).to.equal('active');
      expect(notices).to.deep.equal(['active']);
    } finally {
      hold.abort();
      chat(kc).forget();
      kc.close();
    }
  });
});

describe('chat(kc).prepare()', () => {
  it('loads what a conversation needs without a request, and stores nothing', async () => {
    const server = fakeFetch(() => problem(404, 'not_found'));
    const kc = createClient({ baseUrl: fakeBaseUrl, fetch: server.fetch });
    const before = browser ? sessionStorage.length : 0;
    const databases = async () => (browser ? (await indexedDB.databases()).map((d) => d.name).sort() : []);
    const databasesBefore = await databases();
    try {
      chat(kc).prepare();
      chat(kc).prepare();
      await new Promise((r) => setTimeout(r, 50));
      expect(server.calls).to.deep.equal([]);
      expect(chat(kc).resumable).to.equal(false);
      expect(chat(kc).current).to.equal(undefined);
      if (browser) {
        expect(sessionStorage.length).to.equal(before);
        expect(await databases()).to.deep.equal(databasesBefore);
      }
    } finally {
      kc.close();
    }
  });
});
