// SPDX-License-Identifier: MIT

/** The timers a {@link QueueNotice} uses; tests give fake ones. */
export interface NoticeClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** What the queue notice states: place and estimated wait (seconds), each `null` when unknown. */
export interface QueueFacts {
  position: number | null;
  wait: number | null;
}

/** The real clock. */
export const realClock: NoticeClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as number),
};

/**
 * Decides when the queue's place and wait are announced to the citizen with the free-waiting notice: at once when
 * the citizen enters the queue, then every `interval` milliseconds with the latest facts while they wait — never
 * sooner, so that a screen reader is not flooded while the queue moves (clause 12.2: at intervals of not less
 * than one minute). The page shows the facts live; only the statements are spaced.
 */
export class QueueNotice {
  readonly #clock: NoticeClock;
  readonly #state: (facts: QueueFacts) => void;
  #interval: number;
  #latest: QueueFacts | undefined;
  #stated: QueueFacts | undefined;
  #at = -Infinity;
  #timer: unknown;

  /**
   * @param state - Called with the facts each time they are stated.
   * @param interval - Milliseconds between statements, at least 60 000.
   */
  constructor(state: (facts: QueueFacts) => void, interval = 60_000, clock: NoticeClock = realClock) {
    this.#state = state;
    this.#clock = clock;
    this.#interval = Math.max(60_000, interval);
  }

  /** The facts as last stated. */
  get stated(): QueueFacts | undefined {
    return this.#stated;
  }

  /** Changes the interval (from the configuration), never below one minute. */
  set interval(ms: number) {
    this.#interval = Math.max(60_000, ms);
  }

  /** New facts from the server. */
  update(facts: QueueFacts): void {
    this.#latest = facts;
    if (this.#timer !== undefined) return;
    const wait = this.#at + this.#interval - this.#clock.now();
    if (wait <= 0) return this.#say();
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#say();
    }, wait);
  }

  #say(): void {
    const facts = this.#latest;
    if (!facts) return;
    this.#at = this.#clock.now();
    this.#stated = facts;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#say();
    }, this.#interval);
    this.#state(facts);
  }

  /** Stops (the citizen left the queue); the next {@link update} is stated at once if the interval has passed. */
  stop(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#latest = undefined;
  }
}
