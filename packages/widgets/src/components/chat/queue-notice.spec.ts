// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { QueueNotice, type NoticeClock } from './queue-notice.js';

function fakeClock() {
  let now = 0;
  let ids = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: NoticeClock & { advance(ms: number): void; at: () => number } = {
    now: () => now,
    at: () => now,
    setTimeout: (run, ms) => (timers.set(++ids, { at: now + ms, run }), ids),
    clearTimeout: (id) => void timers.delete(id as number),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > end) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].run();
      }
      now = end;
    },
  };
  return clock;
}

describe('QueueNotice (clause 12.2)', () => {
  it('states at once, then never sooner than a minute after the previous statement, with the latest facts', () => {
    const clock = fakeClock();
    const said: { at: number; position: number | null }[] = [];
    const notice = new QueueNotice((f) => said.push({ at: clock.now(), position: f.position }), 60_000, clock);
    notice.update({ position: 9, wait: 600 });
    expect(said).to.deep.equal([{ at: 0, position: 9 }]);
    // The queue moves every 7 seconds for ten minutes.
    for (let t = 7_000, p = 8; t <= 600_000; t += 7_000, p = Math.max(1, p - 1)) {
      clock.advance(7_000);
      notice.update({ position: p, wait: p * 60 });
    }
    clock.advance(1_000);
    for (let i = 1; i < said.length; i++) expect(said[i]!.at - said[i - 1]!.at).to.be.at.least(60_000);
    expect(said.length).to.be.within(10, 11);
    expect(said.at(-1)!.position).to.equal(1);
  });

  it('never goes below one minute, whatever the configuration says', () => {
    const clock = fakeClock();
    const said: number[] = [];
    const notice = new QueueNotice(() => said.push(clock.now()), 10_000, clock);
    notice.update({ position: 2, wait: 60 });
    notice.interval = 5_000;
    clock.advance(59_999);
    notice.update({ position: 1, wait: 30 });
    expect(said).to.deep.equal([0]);
    clock.advance(1);
    expect(said).to.deep.equal([0, 60_000]);
  });

  it('stops when the citizen leaves the queue', () => {
    const clock = fakeClock();
    const said: number[] = [];
    const notice = new QueueNotice(() => said.push(clock.now()), 60_000, clock);
    notice.update({ position: 1, wait: 10 });
    notice.stop();
    clock.advance(300_000);
    expect(said).to.deep.equal([0]);
  });
});
