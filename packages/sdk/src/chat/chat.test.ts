// SPDX-License-Identifier: MIT
// Browser only: session storage and IndexedDB across a reload (a second client on the same storage plays the
// reloaded page).
import { expect } from '@open-wc/testing';
import type { MockWorker } from '@kc/mock/browser';
import { createClient, type KcClient } from '../client.js';
import { chat } from './chat.js';

const baseUrl = `${location.origin}/api/v1`;
const until = async (condition: () => boolean, what: string, ms = 8000) => {
  for (const end = Date.now() + ms; !condition();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('chat(kc) across a reload', () => {
  let mock: MockWorker;
  const databaseName = `kc-chat-test-${Math.random().toString(36).slice(2)}`;
  const open = () => createClient({ baseUrl, locale: 'kk', databaseName, outbox: { baseDelay: 60_000 } });
  const clients: KcClient[] = [];

  before(async () => {
    const { startMockWorker } = await import('@kc/mock/browser');
    mock = await startMockWorker({
      seed: 5,
      clock: { start: '2026-11-23T10:00:00+05:00' },
      operator: { joinAfterMs: 100, typingMs: 50, readAfterMs: 20 },
    });
  });

  after(async () => {
    for (const kc of clients) await kc.clearLocalData();
    sessionStorage.clear();
    mock.stop();
  });

  it('stores nothing before the citizen starts, then resumes with its history after a reload', async function () {
    this.timeout(20_000);
    sessionStorage.clear();
    const first = open();
    clients.push(first);
    expect(chat(first).resumable).to.equal(false);
    expect(await chat(first).resume()).to.equal(undefined);
    expect(sessionStorage.length).to.equal(0);

    const config = await first.config.get();
    const session = await chat(first).start({ consent: { given: true, version: config.privacy.version } });
    expect(sessionStorage.length).to.equal(1);
    expect(sessionStorage.getItem(sessionStorage.key(0)!)).to.not.include('Сәлем');
    await until(() => session.status === 'active', 'the operator');
    await session.send('Сәлем!');
    await until(() => session.messages.filter((m) => m.author.kind === 'operator').length >= 2, 'the reply');
    const before = session.messages.map((m) => m.id);

    // A message written while the network is down, then the page reloads before it goes out.
    await mock.scenario.set({ networkFailure: { operations: ['sendChatMessage'] } });
    const offline = await session.send('Желі жоқ кезде жазылды');
    expect(offline.status).to.equal('queued');
    first.close();
    session.detach();
    await mock.scenario.set({ networkFailure: false });

    const second = open();
    clients.push(second);
    const resumed = await chat(second).resume();
    expect(resumed?.id).to.equal(session.id);
    expect(resumed!.messages.map((m) => m.id).slice(0, before.length)).to.deep.equal(before);
    await until(
      () => resumed!.messages.some((m) => m.clientMessageId === offline.clientMessageId && m.id !== offline.id),
      'the queued message delivered after the reload',
    );
    await until(() => resumed!.messages.length >= before.length + 2, 'the reply to it');
    await resumed!.refresh();
    expect(resumed!.messages.filter((m) => m.clientMessageId === offline.clientMessageId)).to.have.length(1);
    expect(await second.outbox.pending()).to.have.length(0);

    resumed!.forget();
    expect(sessionStorage.length).to.equal(0);
  });

  it('a chat forgotten by another client of the page is not written back by its live session', async function () {
    this.timeout(20_000);
    sessionStorage.clear();
    const widget = open();
    const portal = open();
    clients.push(widget, portal);
    const config = await widget.config.get();
    const session = await chat(widget).start({ consent: { given: true, version: config.privacy.version } });
    await mock.scenario.set({ networkFailure: { operations: ['sendChatMessage'] } });
    const queued = await session.send('Жіберілмеді');
    expect(queued.status).to.equal('queued');
    expect(sessionStorage.length).to.equal(1);

    // The portal's own client forgets the tab's chat ("forget me on this device") while the chat is on the page.
    expect(chat(portal).resumable).to.equal(true);
    chat(portal).forget();
    expect(sessionStorage.length).to.equal(0);

    // The message goes out later, and the citizen writes once more: neither brings the chat's token or texts back.
    await mock.scenario.set({ networkFailure: false });
    await widget.outbox.flush();
    await until(
      () => session.messages.some((m) => m.clientMessageId === queued.clientMessageId && m.id !== queued.id),
      'the delivery',
    );
    await session.send('Тағы бір хабарлама');
    expect(sessionStorage.length).to.equal(0);
    expect(chat(widget).resumable).to.equal(false);
    session.detach();
  });
});
