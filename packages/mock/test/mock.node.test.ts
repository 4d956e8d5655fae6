// SPDX-License-Identifier: MIT
// The mock in Node: scenarios, the clock, the scripted operator, streams and counters.
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startMockServer, type MockServer } from '@kc/mock/node';
import type { MockContactCenterOptions } from '@kc/mock';

const BASE = 'http://kc.test/api/v1';
const MONDAY_MORNING = '2026-11-23T10:00:00+05:00';
let running: MockServer[] = [];

async function start(options: MockContactCenterOptions = {}): Promise<MockServer> {
  const mock = await startMockServer({ baseUrl: BASE, clock: { start: MONDAY_MORNING, realtime: false }, ...options });
  running.push(mock);
  return mock;
}

afterEach(() => {
  for (const mock of running) mock.stop();
  running = [];
});

const key = (): string => crypto.randomUUID();

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(BASE + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': key(), ...headers },
    body: JSON.stringify(body),
  });
}

async function draft(mock: MockServer): Promise<Record<string, unknown>> {
  const config = mock.backend.config;
  const category = config.appeals.categories.find((c) => c.parentId !== null);
  assert.ok(category);
  return {
    kind: 'complaint',
    categoryId: category.id,
    description: 'Көшедегі шамдар жанбайды.',
    applicant: {
      iin: '900101300017',
      lastName: 'Сейтқали',
      firstName: 'Әйгерім',
      phone: '+77011234567',
      preferredLanguage: 'kk',
      preferredContact: 'phone',
    },
    consent: { given: true, version: config.privacy.version },
  };
}

async function startChat(mock: MockServer, language = 'ru'): Promise<{ id: string; token: string }> {
  const response = await post('/chat/sessions', {
    language,
    consent: { given: true, version: mock.backend.config.privacy.version },
  });
  assert.equal(response.status, 201, await response.clone().text());
  const body = (await response.json()) as { session: { id: string }; sessionToken: string };
  return { id: body.session.id, token: body.sessionToken };
}

/** Reads a stream's text until `until` holds or `ms` of real time pass. */
async function readUntil(response: Response, until: (text: string) => boolean, ms = 1000): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (!until(text) && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
    ]);
    if (chunk === null || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('@kc/mock in Node', () => {
  it('implements every operation of the contract through @kc/backend', async () => {
    const mock = await start();
    assert.deepEqual(mock.unsupportedOperations, []);
  });

  it('refuses the browser entry in Node with a [kc] error', async () => {
    await assert.rejects(import('@kc/mock/browser'), /\[kc\] @kc\/mock\/browser is for browsers/);
  });

  it('answers bad JSON with 400 malformed_request and an unknown path with 404 problem+json', async () => {
    await start();
    const bad = await fetch(`${BASE}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': key() },
      body: '{"kind":',
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await bad.json()) as { code: string }).code, 'malformed_request');
    const unknown = await fetch(`${BASE}/nothing/here`);
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { code: string }).code, 'not_found');
  });

  it('adds a fixed latency, and a latency drawn from a range', async () => {
    const mock = await start({ scenario: { latency: 120 } });
    let t = performance.now();
    await fetch(`${BASE}/config`);
    assert.ok(performance.now() - t >= 100, 'the fixed latency was not applied');
    await mock.scenario.set({ latency: [40, 60] });
    t = performance.now();
    await fetch(`${BASE}/config`);
    const took = performance.now() - t;
    assert.ok(took >= 35 && took < 500, `took ${String(took)} ms`);
  });

  it('fails the same requests with the same seed, with 500, 502 or 503 problems', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const mock = await start({ seed, scenario: { failureRate: 0.5 } });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await fetch(`${BASE}/config`)).status);
      mock.stop();
      return statuses;
    };
    const first = await run(42);
    assert.deepEqual(await run(42), first);
    assert.notDeepEqual(await run(43), first);
    const failed = first.filter((s) => s !== 200);
    assert.ok(failed.length > 3 && failed.length < 21, `${String(failed.length)} of 24 failed`);
    assert.ok(failed.every((s) => s === 500 || s === 502 || s === 503));
  });

  it('drops requests on the network, only for the operations and times asked', async () => {
    const mock = await start({ scenario: { networkFailure: { operations: ['getConfig'], times: 2 } } });
    await assert.rejects(fetch(`${BASE}/config`), TypeError);
    assert.equal((await fetch(`${BASE}/queue`)).status, 200);
    await assert.rejects(fetch(`${BASE}/config`), TypeError);
    assert.equal((await fetch(`${BASE}/config`)).status, 200);
    assert.equal(mock.stats.faults.network, 2);
    assert.equal(mock.stats.requests.getConfig, 3);
  });

  it('fails after commit: the client sees a network error, the retry with the same key is a replay, registered once', async () => {
    const mock = await start({ scenario: { failAfterCommit: { operations: ['submitComplaint'], times: 1 } } });
    const body = await draft(mock);
    const idempotencyKey = key();
    await assert.rejects(post('/complaints', body, { 'Idempotency-Key': idempotencyKey }), TypeError);
    const retry = await post('/complaints', body, { 'Idempotency-Key': idempotencyKey });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('Idempotency-Replayed'), 'true');
    assert.equal(mock.stats.complaintsByKey.get(idempotencyKey), 1);
    assert.equal(mock.stats.committed.submitComplaint, 1);
    const stored = await mock.store.complaints.list({}, { limit: 10 });
    assert.equal(stored.items.length, 1);
  });

  it('under mixed faults, a client that retries with its key registers every appeal exactly once', async () => {
    const mock = await start({
      seed: 11,
      scenario: {
        failureRate: { rate: 0.25, operations: ['submitComplaint'] },
        failAfterCommit: { operations: ['submitComplaint'], times: 15 },
        rateLimit: { operations: ['submitComplaint'], retryAfterSeconds: 0, times: 5 },
      },
    });
    const body = await draft(mock);
    const keys = Array.from({ length: 60 }, () => key());
    for (const idempotencyKey of keys) {
      let last = '';
      for (let attempt = 0; ; attempt++) {
        assert.ok(attempt < 20, `a submission never landed: ${last}`);
        const answer = await post('/complaints', body, { 'Idempotency-Key': idempotencyKey }).catch(() => null);
        if (answer?.status === 201) break;
        last = answer ? `${String(answer.status)} ${await answer.text()}` : 'network error';
      }
    }
    assert.equal(mock.stats.faults.afterCommit, 15);
    assert.ok(mock.stats.faults.failure > 0);
    assert.equal(mock.stats.complaintsByKey.size, 60);
    for (const [k, n] of mock.stats.complaintsByKey) assert.equal(n, 1, k);
    const stored = await mock.store.complaints.list({}, { limit: 100 });
    assert.equal(stored.items.length, 60);
  });

  it('answers 429 with Retry-After', async () => {
    const mock = await start({ scenario: { rateLimit: { retryAfterSeconds: 7, times: 1 } } });
    const limited = await fetch(`${BASE}/config`);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('Retry-After'), '7');
    assert.deepEqual(
      { code: 'rate_limited', retryAfterSeconds: 7 },
      (({ code, retryAfterSeconds }) => ({ code, retryAfterSeconds }))(
        (await limited.json()) as Record<string, unknown>,
      ),
    );
    assert.equal((await fetch(`${BASE}/config`)).status, 200);
    assert.equal(mock.stats.faults.rateLimit, 1);
  });

  it('breaks answers: an HTML 502, truncated JSON, wrong types, unknown enum values, 5 MB, empty', async () => {
    const mock = await start();
    await mock.scenario.set({ malformed: { kind: 'html-502', times: 1 } });
    const html = await fetch(`${BASE}/config`);
    assert.equal(html.status, 502);
    assert.match(html.headers.get('content-type') ?? '', /^text\/html/);

    await mock.scenario.set({ malformed: { kind: 'truncated-json', times: 1 } });
    const truncated = await fetch(`${BASE}/config`);
    assert.equal(truncated.status, 200);
    await assert.rejects(truncated.json());

    await mock.scenario.set({ malformed: { kind: 'wrong-types', times: 1 } });
    const wrong = (await (await fetch(`${BASE}/queue`)).json()) as { generatedAt: unknown };
    assert.equal(typeof wrong.generatedAt, 'number');

    await mock.scenario.set({ malformed: { kind: 'unknown-enum', times: 1 } });
    const unknown = (await (await fetch(`${BASE}/queue`)).json()) as { channels: { channel: string }[] };
    assert.ok(unknown.channels.every((c) => c.channel === 'kc_unknown_value'));

    await mock.scenario.set({ malformed: { kind: 'huge', times: 1 } });
    const huge = await (await fetch(`${BASE}/queue`)).text();
    assert.ok(huge.length > 5_000_000);

    await mock.scenario.set({ malformed: { kind: 'empty', times: 1 } });
    assert.equal(await (await fetch(`${BASE}/queue`)).text(), '');
    assert.equal((await fetch(`${BASE}/queue`)).status, 200);
    assert.equal(mock.stats.faults.malformed, 6);
  });

  it('closes the center through the schedule, and reopens it', async () => {
    const mock = await start();
    const etag = (await fetch(`${BASE}/config`)).headers.get('ETag') ?? '';
    await mock.scenario.set({ centerClosed: true });
    const config = await fetch(`${BASE}/config`, { headers: { 'If-None-Match': etag } });
    assert.equal(config.status, 200, 'a client holding the old config must get the changed one');
    const holidays = ((await config.json()) as { schedule: { holidays: { date: string }[] } }).schedule.holidays;
    assert.ok(holidays.some((h) => h.date === '2026-11-23'));
    const queue = (await (await fetch(`${BASE}/queue`)).json()) as {
      channels: { channel: string; openNow: boolean }[];
    };
    assert.equal(queue.channels.find((c) => c.channel === 'chat')?.openNow, false);
    const refused = await post('/chat/sessions', {
      language: 'kk',
      consent: { given: true, version: mock.backend.config.privacy.version },
    });
    assert.equal(refused.status, 503);
    const problem = (await refused.json()) as { code: string; nextOpeningAt?: string };
    assert.equal(problem.code, 'center_closed');
    assert.ok(problem.nextOpeningAt);
    await mock.scenario.reset();
    await startChat(mock);
  });

  it('puts a long queue ahead of the next citizen, and clears it', async () => {
    const mock = await start({ operator: false });
    await mock.scenario.set({ longQueue: 5 });
    const chat = await startChat(mock);
    const state = (await (
      await fetch(`${BASE}/chat/sessions/${chat.id}`, { headers: { 'X-Kc-Chat-Token': chat.token } })
    ).json()) as {
      session: { position: number };
    };
    assert.equal(state.session.position, 6);
    await mock.scenario.set({ longQueue: 0 });
    const after = (await (
      await fetch(`${BASE}/chat/sessions/${chat.id}`, { headers: { 'X-Kc-Chat-Token': chat.token } })
    ).json()) as {
      session: { position: number };
    };
    assert.equal(after.session.position, 1);
  });

  it('keeps the scripted operator busy with the long queue, and lets it join once the queue clears', async () => {
    const mock = await start({ operator: { joinAfterMs: 1000 } });
    await mock.scenario.set({ longQueue: 2 });
    const chat = await startChat(mock);
    const status = async () =>
      (
        (await (
          await fetch(`${BASE}/chat/sessions/${chat.id}`, { headers: { 'X-Kc-Chat-Token': chat.token } })
        ).json()) as { session: { status: string } }
      ).session.status;
    await mock.clock.advance(5000);
    assert.equal(await status(), 'queued');
    await mock.scenario.set({ longQueue: 0 });
    await mock.clock.advance(1000);
    assert.equal(await status(), 'active');
  });

  it('publishes an active chat outage through the backend, and resolves it', async () => {
    const mock = await start();
    await mock.scenario.set({ outage: true });
    const list = (await (await fetch(`${BASE}/outages`)).json()) as {
      items: { status: string; affectedChannels: string[] }[];
    };
    assert.ok(list.items.some((o) => o.status === 'active' && o.affectedChannels.includes('chat')));
    const refused = await post('/chat/sessions', {
      language: 'kk',
      consent: { given: true, version: mock.backend.config.privacy.version },
    });
    assert.equal(refused.status, 503);
    assert.equal(((await refused.json()) as { code: string }).code, 'outage');
    await mock.scenario.set({ outage: false });
    const after = (await (await fetch(`${BASE}/outages`)).json()) as { items: { status: string }[] };
    assert.ok(after.items.every((o) => o.status !== 'active'));
  });

  it('moves the scripted operator with the clock: joins, types, replies in the chat language, reads', async () => {
    const mock = await start({ operator: { joinAfterMs: 3000, typingMs: 1000, readAfterMs: 200 } });
    const chat = await startChat(mock, 'en');
    const read = async () =>
      (await (
        await fetch(`${BASE}/chat/sessions/${chat.id}`, { headers: { 'X-Kc-Chat-Token': chat.token } })
      ).json()) as {
        session: { status: string; operator: { displayName: string } | null };
        messages: { id: string; author: { kind: string }; text: string; state: string }[];
      };
    await mock.clock.advance(2999);
    assert.equal((await read()).session.status, 'queued');
    await mock.clock.advance(1);
    assert.equal((await read()).session.status, 'active');
    await mock.clock.advance(1000);
    const greeted = await read();
    assert.match(greeted.messages.at(-1)?.text ?? '', /^Hello! My name is /);

    const clientMessageId = crypto.randomUUID();
    const sent = await post(
      `/chat/sessions/${chat.id}/messages`,
      { clientMessageId, text: 'Where do I apply for a benefit?' },
      { 'X-Kc-Chat-Token': chat.token, 'Idempotency-Key': clientMessageId },
    );
    assert.equal(sent.status, 201);
    await settle();
    await mock.clock.advance(200);
    const afterRead = await read();
    assert.equal(afterRead.messages.find((m) => m.author.kind === 'citizen')?.state, 'read');
    await mock.clock.advance(1000);
    const replied = await read();
    assert.equal(replied.messages.at(-1)?.author.kind, 'operator');
    assert.match(replied.messages.at(-1)?.text ?? '', /Let me check/);
  });

  it('streams with ids and heartbeats on the mock clock, replays after Last-Event-ID, closes on abort', async () => {
    const mock = await start({ operator: false, heartbeatMs: 15_000 });
    const chat = await startChat(mock);
    const headers = { 'X-Kc-Chat-Token': chat.token };
    const abort = new AbortController();
    const live = await fetch(`${BASE}/chat/sessions/${chat.id}/events`, { headers, signal: abort.signal });
    assert.equal(live.status, 200);
    assert.match(live.headers.get('content-type') ?? '', /^text\/event-stream/);
    const first = await readUntil(live, (t) => t.includes('event: queue.updated'));
    assert.match(first, /^retry: 3000\n\n/);
    assert.equal(mock.streams.open, 1);

    const staff = (await mock.store.operators.list()).find((o) => o.roles.includes('operator'));
    assert.ok(staff);
    const operator = { operator: { id: staff.id, role: 'operator' as const } };
    await mock.backend.joinOperatorChat({ params: { sessionId: chat.id }, ctx: operator });
    await mock.backend.sendOperatorMessage({
      params: { sessionId: chat.id },
      body: { text: 'Сәлеметсіз бе!' },
      ctx: operator,
    });
    await mock.clock.advance(15_000);
    const more = await readUntil(live, (t) => t.includes(': ping'));
    assert.match(more, /event: operator\.joined/);
    assert.match(more, /event: message\.created/);
    assert.match(more, /: ping\n\n/);
    abort.abort();
    await settle();
    assert.equal(mock.streams.open, 0, 'the stream stayed open after the client aborted');

    const ids = [...(first + more).matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    assert.ok(ids.length >= 3);
    const again = new AbortController();
    const resumed = await fetch(`${BASE}/chat/sessions/${chat.id}/events`, {
      headers: { ...headers, 'Last-Event-ID': String(ids[0]) },
      signal: again.signal,
    });
    const replay = await readUntil(resumed, (t) => t.includes('event: message.created'));
    const replayed = [...replay.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    assert.deepEqual(replayed, ids.slice(1));
    again.abort();
  });

  it('drops every open stream on demand, as a lost connection would', async () => {
    const mock = await start({ operator: false });
    const chat = await startChat(mock);
    const live = await fetch(`${BASE}/chat/sessions/${chat.id}/events`, { headers: { 'X-Kc-Chat-Token': chat.token } });
    const reader = live.body!.getReader();
    await reader.read();
    assert.equal(mock.streams.dropAll(), 1);
    await assert.rejects(
      (async () => {
        for (;;) if ((await reader.read()).done) return;
      })(),
    );
    assert.equal(mock.streams.open, 0);
  });

  it('links a signed-in citizen: the identity token forms one history', async () => {
    const mock = await start({ operator: false });
    const bearer = { Authorization: `Bearer ${mock.identityToken({ sub: 'egov-42', name: 'Әйгерім' })}` };
    const filed = await post('/complaints', await draft(mock), bearer);
    assert.equal(filed.status, 201);
    const chat = await post(
      '/chat/sessions',
      { language: 'kk', consent: { given: true, version: mock.backend.config.privacy.version } },
      bearer,
    );
    assert.equal(chat.status, 201);
    const history = await mock.backend.history('egov-42');
    assert.equal(history.complaints.length, 1);
    assert.equal(history.chats.length, 1);
  });
});
