// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import type { StreamEvent } from '../store/store.js';
import { chatStart, ctx, expectOk, OPERATORS, testBackend } from '../testing/fixtures.js';
import { estimateWait } from './chat.js';

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('chat', () => {
  it('estimates the wait from free seats, handling time and operators online', () => {
    const queue = { order: [], operatorsOnline: 2, freeSeats: 1, capacity: 4, handleSeconds: 240 };
    expect(estimateWait(1, queue)).to.equal(0);
    expect(estimateWait(2, queue)).to.equal(60);
    expect(estimateWait(5, queue)).to.equal(240);
    expect(estimateWait(1, { ...queue, operatorsOnline: 0, capacity: 0 })).to.equal(null);
  });

  it('queues citizens in order with their position and wait, and moves the queue when an operator joins', async () => {
    const { backend } = testBackend({ settings: { defaultChatHandleSeconds: 300 } });
    await backend.setOperatorOnline(OPERATORS.aigul.id, true); // 3 seats
    const started = [];
    for (let i = 0; i < 5; i++)
      started.push(expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() })));
    const positions = started.map((s) => s.session.position);
    expect(positions).to.deep.equal([1, 2, 3, 4, 5]);
    const waits = [];
    for (const s of started) {
      const state = expectOk(
        await backend.getChatSession({ params: { sessionId: s.session.id }, ctx: { chatToken: s.sessionToken } }),
      );
      waits.push(state.session.estimatedWaitSeconds);
    }
    // Three free seats: the first three wait nothing; then each place adds 300 s spread over 3 seats.
    expect(waits).to.deep.equal([0, 0, 0, 100, 200]);

    const queue = expectOk(await backend.getQueueStatus({ ctx: { chatToken: started[3]!.sessionToken } }));
    const chat = queue.channels.find((c) => c.channel === 'chat')!;
    expect(chat.position).to.equal(4);
    expect(chat.waiting).to.equal(5);
    expect(chat.operatorsOnline).to.equal(1);

    expectOk(
      await backend.joinOperatorChat({
        params: { sessionId: started[0]!.session.id },
        ctx: { operator: OPERATORS.aigul },
      }),
    );
    const after = expectOk(
      await backend.getChatSession({
        params: { sessionId: started[4]!.session.id },
        ctx: { chatToken: started[4]!.sessionToken },
      }),
    );
    expect(after.session.position).to.equal(4);
    const second = await backend.joinOperatorChat({
      params: { sessionId: started[0]!.session.id },
      ctx: { operator: OPERATORS.erlan },
    });
    expect(second.ok ? null : second.body.code).to.equal('conflict');
  });

  it('refuses to start while the center is closed, with the next opening', async () => {
    const { backend } = testBackend({ at: '2026-11-22T05:00:00Z' });
    const result = await backend.startChatSession({ body: chatStart(), ctx: ctx() });
    expect(result.status).to.equal(503);
    expect(result.ok ? null : [result.body.code, result.body.nextOpeningAt]).to.deep.equal([
      'center_closed',
      '2026-11-23T04:00:00.000Z',
    ]);
  });

  it('stores a message once per clientMessageId: a resend answers 200 with the first', async () => {
    const { backend } = testBackend();
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    const auth = { chatToken: s.sessionToken };
    const body = { clientMessageId: uuid(1), text: 'Сәлеметсіз бе!' };
    const first = await backend.sendChatMessage({ params: { sessionId: s.session.id }, body, ctx: ctx(auth) });
    const again = await backend.sendChatMessage({ params: { sessionId: s.session.id }, body, ctx: ctx(auth) });
    expect(first.status).to.equal(201);
    expect(again.status).to.equal(200);
    expect(expectOk(again).id).to.equal(expectOk(first).id);
    const transcript = expectOk(await backend.getChatTranscript({ params: { sessionId: s.session.id }, ctx: auth }));
    expect(transcript.messages).to.have.length(1);
  });

  it('carries receipts: delivered when an operator joins, read when they read; the citizen reads theirs', async () => {
    const { backend } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const s = expectOk(
      await backend.startChatSession({
        body: chatStart({ firstMessage: { clientMessageId: uuid(2), text: 'Сұрақ' } }),
        ctx: ctx(),
      }),
    );
    const id = s.session.id;
    const auth = { chatToken: s.sessionToken };
    const op = { operator: OPERATORS.aigul };
    expectOk(await backend.joinOperatorChat({ params: { sessionId: id }, ctx: op }));
    let state = expectOk(await backend.getChatSession({ params: { sessionId: id }, ctx: auth }));
    expect(state.messages[0]?.state).to.equal('delivered');
    expect(state.session.operator?.displayName).to.equal('Айгүл');
    expectOk(
      await backend.markOperatorChatRead({
        params: { sessionId: id },
        body: { upToMessageId: state.messages[0]!.id },
        ctx: op,
      }),
    );
    const reply = expectOk(
      await backend.sendOperatorMessage({ params: { sessionId: id }, body: { text: 'Сәлеметсіз бе!' }, ctx: op }),
    );
    expect(reply.state).to.equal('sent');
    state = expectOk(await backend.getChatSession({ params: { sessionId: id }, ctx: auth }));
    expect(state.messages.map((m) => m.state)).to.deep.equal(['read', 'delivered']);
    expect(
      (await backend.markChatRead({ params: { sessionId: id }, body: { upToMessageId: reply.id }, ctx: ctx(auth) }))
        .status,
    ).to.equal(204);
    state = expectOk(await backend.getChatSession({ params: { sessionId: id }, ctx: auth }));
    expect(state.messages.map((m) => m.state)).to.deep.equal(['read', 'read']);
  });

  it('closes for inactivity only after an announced warning, and never while queued', async () => {
    const { backend, clock } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const queued = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    const events: StreamEvent[] = [];
    const sub = await backend.subscribe(`chat:${s.session.id}`, (e) => events.push(e));
    clock.advance(599);
    await backend.tick();
    expect(events.some((e) => e.type === 'inactivity.warning')).to.equal(false);
    clock.advance(1);
    await backend.tick();
    expect(events.filter((e) => e.type === 'inactivity.warning')).to.have.length(1);
    clock.advance(119);
    await backend.tick();
    expect(events.some((e) => e.type === 'session.closed')).to.equal(false);
    clock.advance(1);
    await backend.tick();
    const closed = events.find((e) => e.type === 'session.closed');
    expect(closed?.data).to.include({ reason: 'inactivity', ratingInvited: true });
    sub.unsubscribe();
    const stillQueued = expectOk(
      await backend.getChatSession({
        params: { sessionId: queued.session.id },
        ctx: { chatToken: queued.sessionToken },
      }),
    );
    expect(stillQueued.session.status).to.equal('queued');
  });

  it('tells the pending warning in the session until the citizen writes or the chat closes', async () => {
    const { backend, clock } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    const read = async () =>
      expectOk(
        await backend.getChatSession({ params: { sessionId: s.session.id }, ctx: { chatToken: s.sessionToken } }),
      ).session;
    expect(s.session.inactivity).to.equal(null);
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    const events: StreamEvent[] = [];
    const sub = await backend.subscribe(`chat:${s.session.id}`, (e) => events.push(e));
    clock.advance(600);
    await backend.tick();
    const warning = events.find((e) => e.type === 'inactivity.warning');
    expect(warning).to.not.equal(undefined);
    // The same warning as the stream's event: what a polling client shows as the stream's client does.
    expect((await read()).inactivity).to.deep.equal(warning!.data);
    expectOk(
      await backend.sendChatMessage({
        params: { sessionId: s.session.id },
        body: { clientMessageId: uuid(7), text: 'Осындамын' },
        ctx: ctx({ chatToken: s.sessionToken }),
      }),
    );
    expect((await read()).inactivity).to.equal(null);
    clock.advance(600);
    await backend.tick();
    expect((await read()).inactivity).to.not.equal(null);
    clock.advance(120);
    await backend.tick();
    const closed = await read();
    expect(closed).to.include({ status: 'closed', closeReason: 'inactivity', inactivity: null });
    sub.unsubscribe();
  });

  it('forgets a warning once the chat goes back to the queue: the next operator starts the silence count afresh', async () => {
    const { backend, clock } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    await backend.setOperatorOnline(OPERATORS.erlan.id, true);
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    const read = async () =>
      expectOk(
        await backend.getChatSession({ params: { sessionId: s.session.id }, ctx: { chatToken: s.sessionToken } }),
      ).session;
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    clock.advance(600);
    await backend.tick();
    expect((await read()).inactivity).to.not.equal(null);
    // Back to the queue with the warning standing; Erlan takes the chat a minute and a half later.
    expectOk(
      await backend.transferOperatorChat({
        params: { sessionId: s.session.id },
        body: { toTopic: 'social.pensions' },
        ctx: { operator: OPERATORS.aigul },
      }),
    );
    clock.advance(90);
    await backend.tick();
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.erlan } }),
    );
    expect((await read()).inactivity).to.equal(null);
    // Past the old warning's closing time the chat is still open, and unwarned until a new silence runs out.
    clock.advance(60);
    await backend.tick();
    expect(await read()).to.include({ status: 'active', inactivity: null });
    clock.advance(540);
    await backend.tick();
    expect((await read()).inactivity).to.not.equal(null);
    expect((await read()).status).to.equal('active');
  });

  it('numbers the messages of each chat 1, 2, 3… in the order they were stored, also within a millisecond', async () => {
    const { backend } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const s = expectOk(
      await backend.startChatSession({
        body: chatStart({ firstMessage: { clientMessageId: uuid(1), text: 'Сәлем' } }),
        ctx: ctx(),
      }),
    );
    const other = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    // The test clock stands still: every message below is stamped in the same millisecond.
    const operator = expectOk(
      await backend.sendOperatorMessage({
        params: { sessionId: s.session.id },
        body: { text: 'Сәлеметсіз бе!' },
        ctx: { operator: OPERATORS.aigul },
      }),
    );
    const citizen = expectOk(
      await backend.sendChatMessage({
        params: { sessionId: s.session.id },
        body: { clientMessageId: uuid(2), text: 'Сұрағым бар' },
        ctx: ctx({ chatToken: s.sessionToken }),
      }),
    );
    const repeated = expectOk(
      await backend.sendChatMessage({
        params: { sessionId: s.session.id },
        body: { clientMessageId: uuid(2), text: 'Сұрағым бар' },
        ctx: ctx({ chatToken: s.sessionToken }),
      }),
    );
    expect([operator.seq, citizen.seq, repeated.seq]).to.deep.equal([2, 3, 3]);
    expect(operator.sentAt).to.equal(citizen.sentAt);
    const state = expectOk(
      await backend.getChatSession({ params: { sessionId: s.session.id }, ctx: { chatToken: s.sessionToken } }),
    );
    expect(state.messages.map((m) => m.seq)).to.deep.equal([1, 2, 3]);
    const first = expectOk(
      await backend.sendChatMessage({
        params: { sessionId: other.session.id },
        body: { clientMessageId: uuid(3), text: 'Сәлем' },
        ctx: ctx({ chatToken: other.sessionToken }),
      }),
    );
    expect(first.seq).to.equal(1);
  });

  it('a message after the warning keeps the chat open', async () => {
    const { backend, clock } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    clock.advance(600);
    await backend.tick();
    clock.advance(60);
    expectOk(
      await backend.sendChatMessage({
        params: { sessionId: s.session.id },
        body: { clientMessageId: uuid(3), text: 'Осындамын' },
        ctx: ctx({ chatToken: s.sessionToken }),
      }),
    );
    clock.advance(120);
    await backend.tick();
    const state = expectOk(
      await backend.getChatSession({ params: { sessionId: s.session.id }, ctx: { chatToken: s.sessionToken } }),
    );
    expect(state.session.status).to.equal('active');
  });

  it('replays events after Last-Event-ID, then delivers new ones once, in order', async () => {
    const { backend } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    const grant = expectOk(
      await backend.watchChatSession({
        params: { sessionId: s.session.id },
        lastEventId: s.lastEventId,
        ctx: { chatToken: s.sessionToken },
      }),
    );
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    const seen: StreamEvent[] = [];
    const sub = await backend.subscribe(grant.stream, (e) => seen.push(e), { afterId: grant.afterId });
    expect(seen.map((e) => e.type)).to.include('operator.joined');
    expectOk(
      await backend.sendOperatorMessage({
        params: { sessionId: s.session.id },
        body: { text: 'Сәлем' },
        ctx: { operator: OPERATORS.aigul },
      }),
    );
    expect(seen.at(-1)?.type).to.equal('message.created');
    const ids = seen.map((e) => e.id);
    expect(ids).to.deep.equal([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids[0]).to.equal(Number(s.lastEventId) + 1);
    sub.unsubscribe();
    const future: StreamEvent[] = [];
    (await backend.subscribe(grant.stream, (e) => future.push(e), { afterId: 10_000 })).unsubscribe();
    expect(future[0]?.type).to.equal('reset');
  });

  it('closes by the citizen; the operator cannot write to a closed chat', async () => {
    const { backend } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    const closed = expectOk(
      await backend.closeChatSession({
        params: { sessionId: s.session.id },
        body: { resolved: true },
        ctx: ctx({ chatToken: s.sessionToken }),
      }),
    );
    expect(closed.closeReason).to.equal('citizen_closed');
    const late = await backend.sendOperatorMessage({
      params: { sessionId: s.session.id },
      body: { text: '...' },
      ctx: { operator: OPERATORS.aigul },
    });
    expect(late.ok ? null : late.body.code).to.equal('session_closed');
  });

  it('transfers to another operator or back to the queue', async () => {
    const { backend } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    await backend.setOperatorOnline(OPERATORS.erlan.id, true);
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    const moved = expectOk(
      await backend.transferOperatorChat({
        params: { sessionId: s.session.id },
        body: { toOperatorId: OPERATORS.erlan.id },
        ctx: { operator: OPERATORS.aigul },
      }),
    );
    expect(moved.assignee?.displayName).to.equal('Ерлан');
    const back = expectOk(
      await backend.transferOperatorChat({
        params: { sessionId: s.session.id },
        body: { toTopic: 'social.pensions' },
        ctx: { operator: OPERATORS.erlan },
      }),
    );
    expect(back.status).to.equal('queued');
    expect(back.topic).to.equal('social.pensions');
  });
});
