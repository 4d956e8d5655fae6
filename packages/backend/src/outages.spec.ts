// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import type { StreamEvent } from './store/store.js';
import { chatStart, ctx, expectOk, OPERATORS, testBackend } from './testing/fixtures.js';
import type { OutageInput } from './wire.js';

const chatDown = (startedAt: string, status: OutageInput['status'] = 'active'): OutageInput => ({
  status,
  severity: 'major',
  affectedChannels: ['chat'],
  message: {
    kk: 'Онлайн-чат уақытша жұмыс істемейді. 109 нөміріне қоңырау шалыңыз.',
    ru: 'Онлайн-чат временно не работает. Позвоните по номеру 109.',
    en: 'The online chat is temporarily unavailable. Please call 109.',
  },
  startedAt,
  expectedResumeAt: '2026-11-23T08:00:00Z',
  alternatives: [
    { channel: 'phone', label: { kk: '109 (тегін)', ru: '109 (бесплатно)', en: '109 (free)' }, value: '109' },
  ],
});

describe('outages', () => {
  it('publishing tells open chats and refuses new ones with 503 outage; resolving lifts it', async () => {
    const { backend } = testBackend();
    const open = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    const notices: StreamEvent[] = [];
    const sub = await backend.subscribe(`chat:${open.session.id}`, (e) => notices.push(e));
    const outage = expectOk(
      await backend.publishOutage({ body: chatDown('2026-11-23T05:00:00Z'), ctx: { operator: OPERATORS.supervisor } }),
    );
    expect(notices.map((e) => e.type)).to.include('outage.notice');
    const refused = await backend.startChatSession({ body: chatStart(), ctx: ctx() });
    expect(refused.ok ? null : [refused.body.code, refused.body.outageIds]).to.deep.equal(['outage', [outage.id]]);
    const queue = expectOk(await backend.getQueueStatus());
    expect(queue.channels.find((c) => c.channel === 'chat')?.openNow).to.equal(false);
    const resolved = expectOk(
      await backend.resolveOutage({ params: { outageId: outage.id }, ctx: { operator: OPERATORS.supervisor } }),
    );
    expect(resolved.status).to.equal('resolved');
    expect((await backend.startChatSession({ body: chatStart(), ctx: ctx() })).status).to.equal(201);
    expect(expectOk(await backend.listOutages()).items).to.deep.equal([]);
    expect(expectOk(await backend.listOutages({ query: { status: ['resolved'] } })).items).to.have.length(1);
    sub.unsubscribe();
  });

  it('only a supervisor publishes; a scheduled outage becomes active when its start comes', async () => {
    const { backend, clock } = testBackend();
    expect(
      (await backend.publishOutage({ body: chatDown('2026-11-23T06:00:00Z'), ctx: { operator: OPERATORS.aigul } }))
        .status,
    ).to.equal(403);
    const scheduled = expectOk(
      await backend.publishOutage({
        body: chatDown('2026-11-23T06:00:00Z', 'scheduled'),
        ctx: { operator: OPERATORS.supervisor },
      }),
    );
    expect((await backend.startChatSession({ body: chatStart(), ctx: ctx() })).status).to.equal(201);
    clock.set('2026-11-23T06:00:00Z');
    await backend.tick();
    const list = expectOk(await backend.listOutages()).items;
    expect(list.map((o) => [o.id, o.status])).to.deep.equal([[scheduled.id, 'active']]);
    expect((await backend.startChatSession({ body: chatStart(), ctx: ctx() })).status).to.equal(503);
  });
});
