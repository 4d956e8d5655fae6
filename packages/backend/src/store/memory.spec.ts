// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import type { Outage } from '../wire.js';
import { MemoryStore } from './memory.js';
import type { StreamEvent } from './store.js';

const outage = (id: string): Outage => ({
  id,
  status: 'active',
  severity: 'minor',
  affectedChannels: ['chat'],
  message: { kk: 'a', ru: 'a', en: 'a' },
  startedAt: '2026-11-23T05:00:00Z',
  expectedResumeAt: null,
  resolvedAt: null,
  alternatives: [],
  updatedAt: '2026-11-23T05:00:00Z',
});

describe('MemoryStore', () => {
  it('rolls a failed transaction back and announces none of its events', async () => {
    const store = new MemoryStore();
    const seen: StreamEvent[] = [];
    store.subscribe('s', (e) => seen.push(e));
    await store.events.append('s', 'before', {}, '2026-11-23T05:00:00Z');
    const failure = store.transaction(async (tx) => {
      await tx.outages.insert(outage('o1'));
      await tx.events.append('s', 'inside', {}, '2026-11-23T05:00:01Z');
      await tx.sequences.next('n');
      throw new Error('boom');
    });
    let message = '';
    await failure.catch((error: unknown) => (message = (error as Error).message));
    expect(message).to.equal('boom');
    expect(await store.outages.get('o1')).to.equal(null);
    expect(await store.events.lastId('s')).to.equal(1);
    expect(await store.sequences.next('n')).to.equal(1);
    expect(seen.map((e) => e.type)).to.deep.equal(['before']);
  });

  it('announces a transaction’s events after it commits, with ids increasing per stream', async () => {
    const store = new MemoryStore();
    const seen: StreamEvent[] = [];
    store.subscribe('a', (e) => seen.push(e));
    await store.transaction(async (tx) => {
      await tx.events.append('a', 'one', { n: 1 }, '2026-11-23T05:00:00Z');
      await tx.events.append('b', 'other', {}, '2026-11-23T05:00:00Z');
      await tx.events.append('a', 'two', { n: 2 }, '2026-11-23T05:00:00Z');
      expect(seen).to.have.length(0);
    });
    expect(seen.map((e) => [e.id, e.type])).to.deep.equal([
      [1, 'one'],
      [2, 'two'],
    ]);
    expect((await store.events.after('a', 1, 10)).map((e) => e.id)).to.deep.equal([2]);
    expect(await store.events.lastId('b')).to.equal(1);
  });

  it('runs a transaction begun while another is under way after it: every event of both is announced', async () => {
    // A chat's read receipt and an outage's announcement, say, each in its own transaction and both awaiting
    // between their writes. The second used to join the first and, when the first committed, append its event
    // with nothing left to announce it: subscribers never heard of it.
    const store = new MemoryStore();
    const seen: StreamEvent[] = [];
    store.subscribe('s', (e) => seen.push(e));
    const tick = () => new Promise<void>((r) => setTimeout(r, 1));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((r) => (firstWrote = r));
    const first = store.transaction(async (tx) => {
      await tx.events.append('s', 'first', {}, '2026-11-23T05:00:00Z');
      firstWrote();
      await tick();
      await tick();
    });
    await wrote;
    const second = store.transaction(async (tx) => {
      await tick();
      await tick();
      await tick();
      await tx.events.append('s', 'second', {}, '2026-11-23T05:00:01Z');
    });
    await Promise.all([first, second]);
    expect(seen.map((e) => [e.id, e.type])).to.deep.equal([
      [1, 'first'],
      [2, 'second'],
    ]);
  });

  it('rolls back only the failed one of two transactions begun one during the other', async () => {
    const store = new MemoryStore();
    let firstWrote!: () => void;
    const wrote = new Promise<void>((r) => (firstWrote = r));
    const first = store.transaction(async (tx) => {
      await tx.outages.insert(outage('kept'));
      firstWrote();
      await new Promise((r) => setTimeout(r, 2));
    });
    await wrote;
    const second = store
      .transaction(async (tx) => {
        await tx.outages.insert(outage('undone'));
        throw new Error('boom');
      })
      .catch(() => undefined);
    await Promise.all([first, second]);
    expect(await store.outages.get('kept')).to.not.equal(null);
    expect(await store.outages.get('undone')).to.equal(null);
  });

  it('hands out copies: changing a returned record changes nothing stored', async () => {
    const store = new MemoryStore();
    await store.outages.insert(outage('o2'));
    const copy = (await store.outages.get('o2'))!;
    copy.status = 'resolved';
    expect((await store.outages.get('o2'))?.status).to.equal('active');
  });

  it('makes calls outside a transaction wait for it to finish', async () => {
    const store = new MemoryStore();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tx = store.transaction(async (session) => {
      await session.outages.insert(outage('o3'));
      await gate;
      order.push('tx done');
    });
    const read = store.outages.get('o3').then((o) => order.push(`read ${o ? 'found' : 'missing'}`));
    await Promise.resolve();
    release();
    await Promise.all([tx, read]);
    expect(order).to.deep.equal(['tx done', 'read found']);
  });

  it('refuses duplicates with false: a second rating of a subject, a second client message id', async () => {
    const store = new MemoryStore();
    const rating = {
      id: 'r1',
      subjectKind: 'chat' as const,
      subjectRef: 's1',
      csat: 5,
      resolved: true,
      ces: null,
      nps: null,
      comment: null,
      reasons: [],
      followUpConsent: false,
      followUpPhone: null,
      followUpEmail: null,
      subjectId: null,
      locale: null,
      createdAt: '2026-11-23T05:00:00Z',
    };
    expect(await store.ratings.insert(rating)).to.equal(true);
    expect(await store.ratings.insert({ ...rating, id: 'r2' })).to.equal(false);
  });

  it('counts rate-limit hits per fixed window', async () => {
    const store = new MemoryStore();
    expect((await store.rateLimits.hit('k', '2026-11-23T05:00:10Z', 60_000)).count).to.equal(1);
    const second = await store.rateLimits.hit('k', '2026-11-23T05:00:50Z', 60_000);
    expect(second).to.deep.equal({ count: 2, resetAt: '2026-11-23T05:01:00.000Z' });
    expect((await store.rateLimits.hit('k', '2026-11-23T05:01:00Z', 60_000)).count).to.equal(1);
  });
});
