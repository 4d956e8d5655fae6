// SPDX-License-Identifier: MIT
import type { OperationId, OutageInput } from '@kc/contract';
import type { SeededRandom } from './random.js';

/**
 * Which requests a fault hits: only these operations (by `operationId`), and only so many times (then the fault
 * switches itself off). Without `operations` every operation is hit; without `times`, every matching request.
 */
export interface FaultTarget {
  operations?: readonly OperationId[];
  times?: number;
}

/** A fault that is off (`false`), on for every request (`true`), or on for a {@link FaultTarget}. */
export type Fault = boolean | FaultTarget;

/**
 * Answers that break the contract, for testing how a client copes (issue: malformed answers):
 * - `html-502`: a proxy's `502 Bad Gateway` HTML page; the backend is not called.
 * - `truncated-json`: the backend's answer cut in the middle.
 * - `wrong-types`: the backend's answer with strings, numbers and booleans swapped for other types.
 * - `unknown-enum`: the backend's answer with every enum value replaced by one the contract does not list.
 * - `huge`: the backend's answer padded to about 5 MB.
 * - `empty`: the backend's status with an empty body.
 */
export type MalformedKind = 'html-502' | 'truncated-json' | 'wrong-types' | 'unknown-enum' | 'huge' | 'empty';

/** Random server errors. */
export interface FailureRate extends Omit<FaultTarget, 'times'> {
  /** Share of requests, `0`–`1`. */
  rate: number;
  /** @default [500, 502, 503] */
  statuses?: readonly (500 | 502 | 503)[];
}

/**
 * What the mock does to requests besides answering them, and the state of the contact center it stages. Every
 * member is optional in {@link ScenarioControls.set}; what is not named stays as it is.
 */
export interface Scenario {
  /**
   * Delay before every answer, in milliseconds of real time: a number, or `[min, max]` drawn with the seeded
   * random generator.
   * @default 0
   */
  latency: number | readonly [number, number];
  /**
   * Answer a share of requests with a random `500`, `502` or `503` problem before the backend sees them (the seed
   * makes the sequence repeatable). A number is the rate for every operation.
   * @default 0
   */
  failureRate: number | FailureRate;
  /** Answer with a network error (`HttpResponse.error()`, a `TypeError` from `fetch`); the backend never sees the request. @default false */
  networkFailure: Fault;
  /**
   * Let the backend commit the request, then answer with a network error: the client cannot know whether it
   * landed. Retrying with the same `Idempotency-Key` must not do it twice. Only successful answers count towards
   * `times` (a refused request commits nothing, a replay commits nothing new).
   * @default false
   */
  failAfterCommit: Fault;
  /** Answer `429 rate_limited` with `Retry-After`. @default false */
  rateLimit: false | (FaultTarget & { retryAfterSeconds?: number });
  /** Answer with something that breaks the contract (see {@link MalformedKind}). @default false */
  malformed: false | (FaultTarget & { kind: MalformedKind });
  /**
   * Close the contact center: today becomes a holiday in the published schedule (so `config`, the queue, chats and
   * callbacks all see it closed, by the backend's own rules). `false` reopens it.
   * @default false
   */
  centerClosed: boolean;
  /** Put this many other citizens' chats in the queue ahead of the next one (the scripted operator leaves them). @default 0 */
  longQueue: number;
  /**
   * Publish an active outage of the chat through the backend (or the outage given); `false` resolves it.
   * @default false
   */
  outage: boolean | Partial<OutageInput>;
}

/** The default {@link Scenario}: nothing goes wrong. */
export const calmScenario: Readonly<Scenario> = Object.freeze({
  latency: 0,
  failureRate: 0,
  networkFailure: false,
  failAfterCommit: false,
  rateLimit: false,
  malformed: false,
  centerClosed: false,
  longQueue: 0,
  outage: false,
});

interface Counter {
  operations: ReadonlySet<string> | null;
  remaining: number;
}

function counter(fault: Fault | FaultTarget | false | undefined): Counter | null {
  if (!fault) return null;
  if (fault === true) return { operations: null, remaining: Infinity };
  return {
    operations: fault.operations ? new Set(fault.operations) : null,
    remaining: fault.times ?? Infinity,
  };
}

/** The transport faults drawn for one request, in the order the handler applies them. */
export interface FaultPlan {
  latencyMs: number;
  networkFailure: boolean;
  rateLimit: { retryAfterSeconds: number } | null;
  failureStatus: 500 | 502 | 503 | null;
  malformed: MalformedKind | null;
}

/**
 * The transport half of a scenario: decides, request by request, which faults hit it. The domain half (closed,
 * queue, outage) is staged through the backend by the mock itself.
 */
export class FaultState {
  private scenario: Scenario = { ...calmScenario };
  private network: Counter | null = null;
  private afterCommit: Counter | null = null;
  private limited: Counter | null = null;
  private broken: Counter | null = null;

  constructor(private readonly random: SeededRandom) {}

  /** The scenario as last set. */
  get current(): Readonly<Scenario> {
    return this.scenario;
  }

  /** Applies the transport members of `patch`; returns the whole scenario. */
  apply(patch: Partial<Scenario>): Scenario {
    this.scenario = { ...this.scenario, ...patch };
    if ('networkFailure' in patch) this.network = counter(patch.networkFailure);
    if ('failAfterCommit' in patch) this.afterCommit = counter(patch.failAfterCommit);
    if ('rateLimit' in patch) this.limited = counter(patch.rateLimit);
    if ('malformed' in patch) this.broken = counter(patch.malformed);
    return this.scenario;
  }

  /** Draws the faults for one request of `operationId`, counting down the faults that hit it. */
  plan(operationId: string): FaultPlan {
    const s = this.scenario;
    const hits = (c: Counter | null): boolean => {
      if (!c || c.remaining <= 0) return false;
      if (c.operations && !c.operations.has(operationId)) return false;
      c.remaining -= 1;
      return true;
    };
    const latencyMs = typeof s.latency === 'number' ? s.latency : this.random.int(s.latency[0], s.latency[1]);
    const plan: FaultPlan = {
      latencyMs: Math.max(0, latencyMs),
      networkFailure: false,
      rateLimit: null,
      failureStatus: null,
      malformed: null,
    };
    if (hits(this.network)) {
      plan.networkFailure = true;
      return plan;
    }
    if (s.rateLimit && hits(this.limited)) {
      plan.rateLimit = { retryAfterSeconds: s.rateLimit.retryAfterSeconds ?? 1 };
      return plan;
    }
    const failure = typeof s.failureRate === 'number' ? { rate: s.failureRate } : s.failureRate;
    if (failure.rate > 0 && (!failure.operations || failure.operations.includes(operationId as OperationId))) {
      // Draw for every matching request, hit or not, so that the sequence depends only on the seed and the order.
      const draw = this.random.next();
      if (draw < failure.rate) {
        plan.failureStatus = this.random.pick(failure.statuses ?? ([500, 502, 503] as const));
        return plan;
      }
    }
    if (s.malformed && hits(this.broken)) plan.malformed = s.malformed.kind;
    return plan;
  }

  /**
   * Whether the successful answer the backend just gave to `operationId` is to be lost on the way (the fault
   * `failAfterCommit`); counts the fault down only then, so that refused requests and replays do not use it up.
   */
  loseAfterCommit(operationId: string): boolean {
    const c = this.afterCommit;
    if (!c || c.remaining <= 0 || (c.operations && !c.operations.has(operationId))) return false;
    c.remaining -= 1;
    return true;
  }
}
