// SPDX-License-Identifier: MIT
import type { OperationId } from '@kc/contract';

/**
 * Counters a test reads to prove what reached the contact center: how many requests each operation got, and how
 * many times the backend really did something (a success that was not an idempotent replay), overall and per
 * `Idempotency-Key`.
 *
 * @example
 * ```ts
 * // exactly once, whatever the faults:
 * for (const [key, n] of mock.stats.complaintsByKey) assert.equal(n, 1, key);
 * ```
 */
export interface MockStats {
  /** Requests that reached a handler, by operation (faulted ones included). */
  readonly requests: Readonly<Partial<Record<OperationId, number>>>;
  /** Successful answers of the backend that were not replays, by operation. */
  readonly committed: Readonly<Partial<Record<OperationId, number>>>;
  /** Appeals registered (`submitComplaint` committed) per `Idempotency-Key`: every value must be 1. */
  readonly complaintsByKey: ReadonlyMap<string, number>;
  /** Answers replaced by a fault, by kind. */
  readonly faults: Readonly<Record<'network' | 'afterCommit' | 'rateLimit' | 'failure' | 'malformed', number>>;
  /** Requests to the API base that match no operation of the contract. */
  readonly unmatched: number;
  /** Times `operationId` committed with `key`. */
  committedWithKey(operationId: OperationId, key: string): number;
  /** Sum of {@link requests}. */
  totalRequests(): number;
  /** Sets every counter to zero. */
  reset(): void;
}

/** The writable side of {@link MockStats}, for the handlers. */
export interface StatsRecorder extends MockStats {
  request(operationId: OperationId): void;
  commit(operationId: OperationId, key: string | undefined): void;
  fault(kind: keyof MockStats['faults']): void;
  unmatchedRequest(): void;
}

/** Creates the counters. */
export function createStats(): StatsRecorder {
  let requests: Partial<Record<OperationId, number>> = {};
  let committed: Partial<Record<OperationId, number>> = {};
  const byKey = new Map<string, number>();
  const complaintsByKey = new Map<string, number>();
  const faults = { network: 0, afterCommit: 0, rateLimit: 0, failure: 0, malformed: 0 };
  let unmatched = 0;
  return {
    get requests() {
      return requests;
    },
    get committed() {
      return committed;
    },
    complaintsByKey,
    faults,
    get unmatched() {
      return unmatched;
    },
    committedWithKey: (operationId, key) => byKey.get(`${operationId} ${key}`) ?? 0,
    totalRequests: () => Object.values(requests).reduce((a, b) => a + b, 0),
    reset() {
      requests = {};
      committed = {};
      byKey.clear();
      complaintsByKey.clear();
      for (const k of Object.keys(faults) as (keyof typeof faults)[]) faults[k] = 0;
      unmatched = 0;
    },
    request(operationId) {
      requests[operationId] = (requests[operationId] ?? 0) + 1;
    },
    commit(operationId, key) {
      committed[operationId] = (committed[operationId] ?? 0) + 1;
      if (key === undefined) return;
      const k = `${operationId} ${key}`;
      byKey.set(k, (byKey.get(k) ?? 0) + 1);
      if (operationId === 'submitComplaint') complaintsByKey.set(key, (complaintsByKey.get(key) ?? 0) + 1);
    },
    fault(kind) {
      faults[kind] += 1;
    },
    unmatchedRequest() {
      unmatched += 1;
    },
  };
}
