// SPDX-License-Identifier: MIT
import type { ComplaintStatus } from '../wire.js';

/**
 * Every status change an appeal may make, and nothing else (clauses 3.8, 6, 9); the same table as the contract's
 * `changeComplaintStatus`:
 *
 * - `registered` → `in_review`, or `forwarded` at once to the competent body (within 3 working days), or
 *   `rejected`, or `withdrawn` by the citizen;
 * - `in_review` → `forwarded`, `escalated` (to a higher specialist, clause 9.3), `awaiting_citizen` (more
 *   information needed), `answered`, `rejected`, `withdrawn`;
 * - `escalated` → back to `in_review`, or `forwarded`, `answered`, `rejected`, `withdrawn`;
 * - `awaiting_citizen` → `in_review` (the citizen replied), `answered`, `withdrawn`;
 * - `forwarded` → `answered` (the other body's answer recorded), `closed`;
 * - `answered` → `closed`, or back `in_review` (the answer did not settle it);
 * - `closed`, `rejected` and `withdrawn` are final.
 */
export const TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  registered: ['in_review', 'forwarded', 'rejected', 'withdrawn'],
  in_review: ['forwarded', 'escalated', 'awaiting_citizen', 'answered', 'rejected', 'withdrawn'],
  escalated: ['in_review', 'forwarded', 'answered', 'rejected', 'withdrawn'],
  awaiting_citizen: ['in_review', 'answered', 'withdrawn'],
  forwarded: ['answered', 'closed'],
  answered: ['closed', 'in_review'],
  closed: [],
  rejected: [],
  withdrawn: [],
};

/** Every status, in lifecycle order. */
export const COMPLAINT_STATUSES = Object.keys(TRANSITIONS) as ComplaintStatus[];

/** Whether an appeal in `from` may move to `to`. */
export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses after which nothing changes any more. */
export function isFinal(status: ComplaintStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Statuses a status change to `to` needs a reason for. */
export const REASON_REQUIRED: readonly ComplaintStatus[] = ['rejected', 'escalated', 'awaiting_citizen'];
