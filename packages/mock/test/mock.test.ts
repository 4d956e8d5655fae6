// SPDX-License-Identifier: MIT
// The mock in a browser page, through msw's service worker (Chromium and Firefox).
import { expect } from '@open-wc/testing';
import { startMockWorker, type MockWorker } from '@kc/mock/browser';

const consent = (mock: MockWorker) => ({ given: true, version: mock.backend.config.privacy.version });

async function startChat(mock: MockWorker, language = 'kk'): Promise<{ id: string; token: string }> {
  const response = await fetch('/api/v1/chat/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ language, consent: consent(mock) }),
  });
  expect(response.status).to.equal(201);
  const body = (await response.json()) as { session: { id: string }; sessionToken: string };
  return { id: body.session.id, token: body.sessionToken };
}

describe('@kc/mock in the browser', () => {
  let mock: MockWorker;

  before(async () => {
    mock = await startMockWorker({
      clock: { start: '2026-11-23T10:00:00+05:00', realtime: false },
      operator: { joinAfterMs: 2000, typingMs: 500 },
    });
  });

  after(() => mock.stop());

  afterEach(() => mock.scenario.reset());

  it('answers the contract on this origin through the service worker', async () => {
    const response = await fetch('/api/v1/config');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/json');
    const config = (await response.json()) as { name: { kk: string } };
    expect(config.name.kk).to.be.a('string');
    expect(mock.stats.requests.getConfig).to.be.greaterThan(0);
  });

  it('refuses the Node entry in a browser with a [kc] error', async () => {
    let error: unknown;
    try {
      await import('@kc/mock/node');
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('[kc] @kc/mock/node is for Node');
  });

  it('drops a request on the network: fetch rejects with a TypeError', async () => {
    await mock.scenario.set({ networkFailure: { operations: ['getQueueStatus'], times: 1 } });
    let error: unknown;
    try {
      await fetch('/api/v1/queue');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect((await fetch('/api/v1/queue')).status).to.equal(200);
  });

  it('streams a chat through the worker: the scripted operator joins and greets as the clock moves; abort closes', async () => {
    const chat = await startChat(mock, 'ru');
    const abort = new AbortController();
    const response = await fetch(`/api/v1/chat/sessions/${chat.id}/events`, {
      headers: { 'X-Kc-Chat-Token': chat.token },
      signal: abort.signal,
    });
    expect(response.headers.get('content-type')).to.match(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    await mock.clock.advance(2000);
    await mock.clock.advance(500);
    const deadline = Date.now() + 3000;
    while (!text.includes('Здравствуйте') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).to.match(/^retry: 3000/);
    expect(text).to.contain('event: operator.joined');
    expect(text).to.contain('Здравствуйте');
    expect(mock.streams.open).to.equal(1);
    abort.abort();
    for (let i = 0; i < 50 && mock.streams.open > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(mock.streams.open).to.equal(0);
  });

  it('drops open streams as a lost connection would: the reader fails', async () => {
    const chat = await startChat(mock);
    const response = await fetch(`/api/v1/chat/sessions/${chat.id}/events`, {
      headers: { 'X-Kc-Chat-Token': chat.token },
    });
    const reader = response.body!.getReader();
    await reader.read();
    expect(mock.streams.dropAll()).to.equal(1);
    let error: unknown;
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch (e) {
      error = e;
    }
    expect(error, 'the read ended cleanly instead of failing').to.be.instanceOf(Error);
    expect(mock.streams.open).to.equal(0);
  });

  it('fails after commit in the browser too, and the retry is a replay', async () => {
    await mock.scenario.set({ failAfterCommit: { operations: ['startChatSession'], times: 1 } });
    const key = crypto.randomUUID();
    const send = () =>
      fetch('/api/v1/chat/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ language: 'en', consent: consent(mock) }),
      });
    let error: unknown;
    try {
      await send();
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    const retry = await send();
    expect(retry.status).to.equal(201);
    expect(retry.headers.get('Idempotency-Replayed')).to.equal('true');
    expect(mock.stats.committedWithKey('startChatSession', key)).to.equal(1);
  });
});
