// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { createMockClock } from './clock.js';
import { createSeededRandom } from './random.js';

describe('the mock clock', () => {
  it('stands still until moved, then runs due timers in order, each at its own time', async () => {
    const clock = createMockClock({ start: '2026-11-23T10:00:00+05:00', realtime: false });
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b ${clock.now().toISOString()}`), 2000);
    clock.setTimeout(() => seen.push(`a ${clock.now().toISOString()}`), 1000);
    const interval = clock.setInterval(() => seen.push('tick'), 1500);
    expect(clock.now().toISOString()).to.equal('2026-11-23T05:00:00.000Z');
    await clock.advance(3000);
    expect(seen).to.deep.equal(['a 2026-11-23T05:00:01.000Z', 'tick', 'b 2026-11-23T05:00:02.000Z', 'tick']);
    expect(clock.now().toISOString()).to.equal('2026-11-23T05:00:03.000Z');
    clock.clearTimer(interval);
    expect(clock.pendingTimers).to.equal(0);
  });

  it('waits for the promises of its timers, including timers they schedule that fall due', async () => {
    const clock = createMockClock({ start: 0, realtime: false });
    const seen: number[] = [];
    clock.setTimeout(async () => {
      await Promise.resolve();
      seen.push(clock.now().getTime());
      clock.setTimeout(() => seen.push(clock.now().getTime()), 500);
    }, 1000);
    await clock.advance(2000);
    expect(seen).to.deep.equal([1000, 1500]);
  });

  it('sets the time synchronously when nothing falls due, and refuses a negative advance', () => {
    const clock = createMockClock({ start: 0, realtime: false });
    void clock.set('2026-03-21T09:00:00+05:00');
    expect(clock.now().toISOString()).to.equal('2026-03-21T04:00:00.000Z');
    expect(() => clock.advance(-1)).to.throw(RangeError, '[kc]');
  });

  it('flows with the wall clock in real time', async () => {
    const clock = createMockClock({ start: 0 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clock.now().getTime()).to.be.greaterThanOrEqual(25);
    let fired = false;
    clock.setTimeout(() => (fired = true), 10);
    // A loaded machine may run the timer late, never early: wait for it (up to 5 s), don't time it.
    for (let waited = 0; !fired && waited < 5000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(fired).to.equal(true);
    clock.dispose();
  });

  it('keeps a timer whose host timer fires before the wall clock shows its due time', async () => {
    // Node's timers run on a monotonic clock and may fire a millisecond before Date.now() gets there.
    const realNow = Date.now;
    const clock = createMockClock({ start: 0 });
    let fired = false;
    clock.setTimeout(() => (fired = true), 10);
    Date.now = () => realNow() - 20; // the wall clock falls behind the host's timers
    try {
      await new Promise((r) => setTimeout(r, 15));
      expect(fired, 'not due yet on the wall clock').to.equal(false);
    } finally {
      Date.now = realNow;
    }
    for (let waited = 0; !fired && waited < 5000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(fired).to.equal(true);
    clock.dispose();
  });
});

describe('the seeded random generator', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const take = (r: ReturnType<typeof createSeededRandom>) => Array.from({ length: 8 }, () => r.next());
    const first = take(a);
    expect(take(b)).to.deep.equal(first);
    expect(take(c)).to.not.deep.equal(first);
    expect(first.every((x) => x >= 0 && x < 1)).to.equal(true);
  });

  it('makes version 4 UUIDs and integers in range', () => {
    const r = createSeededRandom(1);
    expect(r.uuid()).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (let i = 0; i < 100; i++) expect(r.int(3, 5)).to.be.within(3, 5);
  });
});
