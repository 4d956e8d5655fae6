// SPDX-License-Identifier: MIT
import type { Clock } from '@kc/backend';

/** A time the clock accepts: a `Date`, milliseconds since the epoch, or an ISO 8601 string with an offset. */
export type TimeInput = Date | number | string;

/** Options of {@link createMockClock}. */
export interface MockClockOptions {
  /**
   * The time the clock starts at.
   * @default the current time
   */
  start?: TimeInput;
  /**
   * `true`: time flows as on a wall clock from `start`, and timers fire by themselves (demos, manual testing).
   * `false`: time stands still until {@link MockClock.advance} or {@link MockClock.set} moves it (deterministic
   * tests).
   * @default true
   */
  realtime?: boolean;
}

/** A handle returned by {@link MockClock.setTimeout}. */
export type MockTimerId = number;

/**
 * The clock the mock's backend, scripted operator and streams run on. Everything that waits (an operator joining a
 * chat, a heartbeat, a token's expiry) waits on this clock, so a test can move time instead of sleeping.
 *
 * @example
 * ```ts
 * const clock = createMockClock({ start: '2026-11-23T10:00:00+05:00', realtime: false });
 * clock.setTimeout(() => console.log('later'), 5_000);
 * await clock.advance(5_000); // logs "later"
 * ```
 */
export interface MockClock extends Clock {
  /** The current mock time. */
  now(): Date;
  /** Whether time flows by itself (see {@link MockClockOptions.realtime}). */
  readonly realtime: boolean;
  /**
   * Moves time forward by `ms`, running every timer that falls due, in order, each at its own due time, and waiting
   * for the promises they return (so the scripted operator's reply is in the backend when this resolves).
   *
   * @throws {RangeError} for a negative or non-finite `ms`.
   */
  advance(ms: number): Promise<void>;
  /**
   * Moves time to `time`. Forward, it runs due timers as {@link advance} does; backward, it only resets the time
   * (timers keep their due times).
   */
  set(time: TimeInput): Promise<void>;
  /** Calls `fn` once `ms` of mock time have passed. */
  setTimeout(fn: () => unknown, ms: number): MockTimerId;
  /** Calls `fn` every `ms` of mock time. */
  setInterval(fn: () => unknown, ms: number): MockTimerId;
  /** Cancels a timer of {@link setTimeout} or {@link setInterval}; unknown ids are ignored. */
  clearTimer(id: MockTimerId): void;
  /** Timers not yet run (for tests and for {@link dispose}). */
  readonly pendingTimers: number;
  /** Cancels every timer; the clock keeps telling time. */
  dispose(): void;
}

interface Timer {
  id: number;
  due: number;
  every: number | null;
  fn: () => unknown;
  real: ReturnType<typeof setTimeout> | null;
}

/** Parses a {@link TimeInput} to milliseconds since the epoch. @throws {RangeError} for an unparsable time. */
export function toEpochMs(time: TimeInput): number {
  const ms = time instanceof Date ? time.getTime() : typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(ms)) throw new RangeError(`[kc] not a time: ${String(time)}`);
  return ms;
}

/**
 * Creates a {@link MockClock}.
 *
 * @example
 * ```ts
 * const clock = createMockClock({ start: '2026-11-23T10:00:00+05:00', realtime: false });
 * ```
 */
export function createMockClock(options: MockClockOptions = {}): MockClock {
  const realtime = options.realtime ?? true;
  const wall = (): number => Date.now();
  // now() = base + (realtime ? wall() - anchor : 0)
  let base = options.start === undefined ? wall() : toEpochMs(options.start);
  let anchor = wall();
  let nextId = 1;
  const timers = new Map<number, Timer>();

  const nowMs = (): number => base + (realtime ? wall() - anchor : 0);
  const moveTo = (ms: number): void => {
    base = ms;
    anchor = wall();
  };

  const armReal = (timer: Timer): void => {
    if (!realtime) return;
    if (timer.real !== null) clearTimeout(timer.real);
    timer.real = setTimeout(
      () => {
        timer.real = null;
        if (!timers.has(timer.id)) return;
        // Node's timers run on a monotonic clock and may fire a millisecond before Date.now() reaches the due time:
        // wait again rather than drop the timer.
        if (timer.due > nowMs()) armReal(timer);
        else void runDue(nowMs());
      },
      Math.max(0, timer.due - nowMs()),
    );
  };

  const schedule = (fn: () => unknown, ms: number, every: number | null): MockTimerId => {
    if (!Number.isFinite(ms) || ms < 0) ms = 0;
    const timer: Timer = { id: nextId++, due: nowMs() + ms, every, fn, real: null };
    timers.set(timer.id, timer);
    armReal(timer);
    return timer.id;
  };

  const earliestDue = (target: number): Timer | undefined => {
    let found: Timer | undefined;
    for (const timer of timers.values()) {
      if (
        timer.due <= target &&
        (found === undefined || timer.due < found.due || (timer.due === found.due && timer.id < found.id))
      ) {
        found = timer;
      }
    }
    return found;
  };

  // Runs timers due at or before `target` one at a time, each with the clock showing its due time.
  let queue: Promise<void> = Promise.resolve();
  let busy = 0;
  const runDue = (target: number): Promise<void> => {
    // Nothing falls due and nothing is running: move at once, so that now() shows the new time synchronously.
    if (busy === 0 && !earliestDue(target)) {
      if (target > nowMs()) moveTo(target);
      return queue;
    }
    busy += 1;
    queue = queue.then(async () => {
      for (let timer = earliestDue(target); timer; timer = earliestDue(target)) {
        if (timer.due > nowMs()) moveTo(timer.due);
        if (timer.every !== null && timer.every > 0) {
          timer.due += timer.every;
          armReal(timer);
        } else {
          timers.delete(timer.id);
          if (timer.real !== null) clearTimeout(timer.real);
        }
        try {
          await timer.fn();
        } catch (error) {
          // A failing timer must not stop the others; report it as an uncaught error would be.
          console.error('[kc] a mock clock timer failed:', error);
        }
      }
      if (target > nowMs()) moveTo(target);
      busy -= 1;
    });
    return queue;
  };

  const clock: MockClock = {
    realtime,
    now: () => new Date(nowMs()),
    advance(ms: number): Promise<void> {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`[kc] clock.advance(ms) needs ms ≥ 0, got ${String(ms)}`);
      return runDue(nowMs() + ms);
    },
    set(time: TimeInput): Promise<void> {
      const target = toEpochMs(time);
      if (target >= nowMs()) return runDue(target);
      moveTo(target);
      for (const timer of timers.values()) armReal(timer);
      return queue;
    },
    setTimeout: (fn, ms) => schedule(fn, ms, null),
    setInterval: (fn, ms) => schedule(fn, ms, Math.max(1, ms)),
    clearTimer(id: MockTimerId): void {
      const timer = timers.get(id);
      if (!timer) return;
      if (timer.real !== null) clearTimeout(timer.real);
      timers.delete(id);
    },
    get pendingTimers() {
      return timers.size;
    },
    dispose(): void {
      for (const timer of timers.values()) if (timer.real !== null) clearTimeout(timer.real);
      timers.clear();
    },
  };
  return clock;
}
