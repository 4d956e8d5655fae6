// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { dayHours, isOpen, localDate } from '@kc/contract';
import { demoConfig } from './demo/index.js';
import { ctx, expectOk, OPERATORS, testBackend } from './testing/fixtures.js';
import type { CallbackInput } from './wire.js';

const schedule = demoConfig.schedule;

function request(when: CallbackInput['when'], overrides: Partial<CallbackInput> = {}): CallbackInput {
  return {
    phone: '+77011234567',
    topic: 'Жылу беру',
    language: 'kk',
    when,
    consent: { given: true, version: demoConfig.privacy.version },
    ...overrides,
  };
}

describe('callback slots', () => {
  it('are never outside working hours: none over Nauryz 2026, each slot inside the open hours of its day', async () => {
    const { backend } = testBackend({ at: '2026-03-19T03:00:00Z' });
    const result = expectOk(await backend.getCallbackSlots({ query: { from: '2026-03-19', to: '2026-03-27' } }));
    const days = new Set(result.slots.map((s) => localDate(new Date(s.start), schedule.timeZone)));
    expect([...days]).to.deep.equal(['2026-03-19', '2026-03-20', '2026-03-26', '2026-03-27']);
    for (const slot of result.slots) {
      const start = new Date(slot.start);
      const lastMinute = new Date(Date.parse(slot.end) - 60_000);
      expect(isOpen(schedule, start), slot.start).to.equal(true);
      expect(isOpen(schedule, lastMinute), slot.end).to.equal(true);
      expect(Date.parse(slot.end) - Date.parse(slot.start)).to.equal(30 * 60_000);
    }
    // 09:00–18:30 holds 19 half-hour slots a day.
    expect(result.slots.filter((s) => localDate(new Date(s.start), schedule.timeZone) === '2026-03-26')).to.have.length(
      19,
    );
    expect(result.slots[0]?.start).to.equal('2026-03-19T04:00:00.000Z');
  });

  it('offer the Sunday made working in 2025 (5 January) and no other day off', async () => {
    const { backend } = testBackend({ at: '2025-01-01T03:00:00Z' });
    const result = expectOk(await backend.getCallbackSlots({ query: { from: '2025-01-01', to: '2025-01-08' } }));
    const days = [...new Set(result.slots.map((s) => localDate(new Date(s.start), schedule.timeZone)))];
    expect(days).to.deep.equal(['2025-01-05', '2025-01-06', '2025-01-08']);
    expect(dayHours(schedule, '2025-01-04').working).to.equal(false);
  });

  it('offer a Saturday made working by decree, inside its own hours', async () => {
    const config = {
      ...demoConfig,
      schedule: { ...schedule, workingDays: [{ date: '2026-11-28', intervals: [{ open: '10:00', close: '14:00' }] }] },
    };
    const { backend } = testBackend({ config });
    const result = expectOk(await backend.getCallbackSlots({ query: { from: '2026-11-28', to: '2026-11-29' } }));
    expect(result.slots.map((s) => s.start)).to.deep.equal([
      '2026-11-28T05:00:00.000Z',
      '2026-11-28T05:30:00.000Z',
      '2026-11-28T06:00:00.000Z',
      '2026-11-28T06:30:00.000Z',
      '2026-11-28T07:00:00.000Z',
      '2026-11-28T07:30:00.000Z',
      '2026-11-28T08:00:00.000Z',
      '2026-11-28T08:30:00.000Z',
    ]);
  });

  it('refuse a time off the grid or outside working hours (422 slot_unavailable)', async () => {
    const { backend } = testBackend();
    for (const slotStart of [
      '2026-11-23T14:00:00Z',
      '2026-11-28T05:00:00Z',
      '2026-11-24T05:10:00Z',
      '2026-12-16T05:00:00Z',
    ]) {
      const result = await backend.requestCallback({ body: request({ slotStart }), ctx: ctx() });
      expect(result.status, slotStart).to.equal(422);
      expect(result.ok ? null : result.body.code).to.equal('slot_unavailable');
    }
  });

  it('take at most the slot capacity (then 409 slot_unavailable) and free a place on cancel', async () => {
    const { backend } = testBackend({ settings: { callbackSlotCapacity: 2 } });
    const slotStart = '2026-11-24T05:00:00.000Z'; // Tuesday 10:00 local
    const a = expectOk(await backend.requestCallback({ body: request({ slotStart }), ctx: ctx() }));
    expectOk(await backend.requestCallback({ body: request({ slotStart }), ctx: ctx() }));
    const third = await backend.requestCallback({ body: request({ slotStart }), ctx: ctx() });
    expect(third.status).to.equal(409);
    expect(third.ok ? null : third.body.code).to.equal('slot_unavailable');
    const slots = expectOk(await backend.getCallbackSlots({ query: { from: '2026-11-24', to: '2026-11-24' } }));
    expect(slots.slots.find((s) => s.start === slotStart)?.available).to.equal(false);
    const cancelled = expectOk(
      await backend.cancelCallback({
        params: { callbackId: a.callback.id },
        ctx: ctx({ callbackToken: a.callbackToken }),
      }),
    );
    expect(cancelled.status).to.equal('cancelled');
    expect((await backend.requestCallback({ body: request({ slotStart }), ctx: ctx() })).status).to.equal(201);
  });

  it('"as soon as possible" only while open: 503 center_closed with the next opening otherwise', async () => {
    const open = testBackend();
    const created = expectOk(await open.backend.requestCallback({ body: request({ asap: true }), ctx: ctx() }));
    expect(created.callback.asap).to.equal(true);
    expect(created.callback.status).to.equal('requested');
    expect(created.callback.phoneMasked).to.equal('+7 701 *** ** 67');

    const closed = testBackend({ at: '2026-11-22T05:00:00Z' }); // Sunday
    const refused = await closed.backend.requestCallback({ body: request({ asap: true }), ctx: ctx() });
    expect(refused.status).to.equal(503);
    expect(refused.ok ? null : refused.body.nextOpeningAt).to.equal('2026-11-23T04:00:00.000Z');
    const slots = expectOk(await closed.backend.getCallbackSlots({ query: { from: '2026-11-22', to: '2026-11-23' } }));
    expect(slots.asap.available).to.equal(false);
  });

  it('reschedule and cancel only while pending; the operator completes it', async () => {
    const { backend } = testBackend();
    const created = expectOk(
      await backend.requestCallback({ body: request({ slotStart: '2026-11-24T05:00:00Z' }), ctx: ctx() }),
    );
    const token = { callbackToken: created.callbackToken };
    const moved = expectOk(
      await backend.rescheduleCallback({
        params: { callbackId: created.callback.id },
        body: { when: { slotStart: '2026-11-25T10:00:00Z' } },
        ctx: ctx(token),
      }),
    );
    expect(moved.slot?.start).to.equal('2026-11-25T10:00:00.000Z');
    const done = expectOk(
      await backend.completeCallback({
        params: { callbackId: created.callback.id },
        body: { outcome: 'reached', resolved: true },
        ctx: { operator: OPERATORS.aigul },
      }),
    );
    expect(done.status).to.equal('completed');
    const late = await backend.cancelCallback({ params: { callbackId: created.callback.id }, ctx: ctx(token) });
    expect(late.ok ? null : late.body.code).to.equal('invalid_transition');
    const wrongToken = await backend.getCallback({
      params: { callbackId: created.callback.id },
      ctx: { callbackToken: 'cb_nope' },
    });
    expect(wrongToken.status).to.equal(403);
  });
});
