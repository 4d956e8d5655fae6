// SPDX-License-Identifier: MIT
// A fake appeals server for the outbox's fault tests: registers each Idempotency-Key once and replays its answer,
// with a script of faults for the next calls. Counts registrations, as the real backend would.
import type { KcComplaintDraft } from '../src/complaints/complaints.js';
import { fakeFetch, json, networkError, problem, type FakeCall } from './fake-fetch.js';

export type Fault =
  | 'network-before' // the request never reaches the server
  | 'network-after' // the server commits, the answer is lost
  | 'timeout-after' // the server commits, the answer never comes
  | 'in-flight' // 409 idempotency_in_flight with Retry-After: 1
  | 500
  | 502
  | 503
  | { status: 429; retryAfter: string }
  | { status: 422; code: string };

const text = (s: string) => ({ kk: s, ru: s, en: s });

export function complaintServer() {
  const receipts = new Map<string, unknown>();
  const bodies = new Map<string, string>();
  const faults: Fault[] = [];
  let registered = 0;
  const server = fakeFetch(async (call: FakeCall) => {
    if (call.method !== 'POST' || !call.path.startsWith('/complaints')) return problem(404, 'not_found');
    const fault = faults.shift();
    if (fault === 'network-before') return networkError();
    const key = call.headers.get('idempotency-key');
    if (!key) return problem(400, 'idempotency_key_missing');
    if (fault === 500 || fault === 502 || fault === 503)
      return problem(fault, fault === 500 ? 'internal_error' : 'service_unavailable');
    if (fault === 'in-flight')
      return problem(409, 'idempotency_in_flight', { retryAfterSeconds: 1 }, { 'retry-after': '1' });
    if (typeof fault === 'object' && fault.status === 429)
      return problem(429, 'rate_limited', {}, { 'retry-after': fault.retryAfter });
    if (typeof fault === 'object' && fault.status === 422)
      return problem(422, fault.code, {
        errors: [{ field: '/categoryId', code: 'unknown_category', message: 'Unknown.' }],
      });
    if (bodies.has(key) && bodies.get(key) !== call.body) return problem(422, 'idempotency_key_reused');
    let receipt = receipts.get(key);
    if (!receipt) {
      registered++;
      bodies.set(key, call.body);
      receipt = {
        trackingNumber: `KC-2026-${String(registered).padStart(6, '0')}`,
        accessCode: '7K3F-9QXD-M2PA-HV8E',
        registeredAt: '2026-11-23T10:00:00+05:00',
        dueAt: '2026-12-14T18:30:00+05:00',
        responsible: { department: text('Отдел'), position: text('Специалист') },
        nextSteps: text('…'),
      };
      receipts.set(key, receipt);
    }
    if (fault === 'network-after') return networkError();
    if (fault === 'timeout-after') return new Promise<Response>(() => {});
    return json(201, receipt);
  });
  return {
    ...server,
    faults,
    /** How many distinct appeals were registered. */
    get registered() {
      return registered;
    },
  };
}

/** A valid appeal full of personal data, to check that none stays behind. */
export const personal = {
  iin: '900101300017',
  phone: '+77011234567',
  lastName: 'Сейтқалиева',
  description: 'Зейнетақы тағайындалмады, құпия мәлімет 4242.',
};

export const draft: KcComplaintDraft = {
  kind: 'complaint',
  categoryId: 'social.pensions',
  description: personal.description,
  applicant: {
    iin: personal.iin,
    lastName: personal.lastName,
    firstName: 'Әйгерім',
    phone: '8 (701) 123-45-67',
    preferredLanguage: 'kk',
    preferredContact: 'phone',
  },
  consent: { given: true, version: '2026-01' },
};
