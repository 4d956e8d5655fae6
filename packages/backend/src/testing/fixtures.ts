// SPDX-License-Identifier: MIT
/**
 * Test fixtures shared by the backend's specs (and usable by hosts' tests): a controllable clock, a backend over a
 * fresh memory store with the demo data, and valid inputs.
 *
 * @packageDocumentation
 */
import { createBackend, type Backend } from '../backend.js';
import type { BackendSettings, CallContext, Clock } from '../context.js';
import { demoConfig, demoSettings, DEMO_OPERATORS } from '../demo/index.js';
import { MemoryStore } from '../store/memory.js';
import type { ChatStartInput, ComplaintDraft, Config } from '../wire.js';

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  private t: number;
  constructor(start: string | Date) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: string | Date): void {
    this.t = new Date(at).getTime();
  }
  advance(seconds: number): void {
    this.t += seconds * 1000;
  }
}

/** Monday 23 November 2026, 10:00 in Asia/Almaty: a working day. */
export const MONDAY_10 = '2026-11-23T05:00:00Z';

/** A backend over a fresh memory store with the demo config, a fake clock and a fixed secret. */
export function testBackend(options: { at?: string; config?: Config; settings?: Partial<BackendSettings> } = {}): {
  backend: Backend;
  clock: FakeClock;
  store: MemoryStore;
} {
  const clock = new FakeClock(options.at ?? MONDAY_10);
  const store = new MemoryStore();
  const backend = createBackend({
    store,
    clock,
    config: options.config ?? demoConfig,
    settings: { ...demoSettings, secret: new Uint8Array(32).fill(7), ...options.settings },
  });
  return { backend, clock, store };
}

let counter = 0;
/** A fresh, valid Idempotency-Key. */
export function key(): string {
  counter += 1;
  return `test-key-${String(counter).padStart(8, '0')}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A call context with a fresh key and a client id. */
export function ctx(extra: CallContext = {}): CallContext {
  return { idempotencyKey: key(), clientId: 'client-1', ...extra };
}

/** A valid appeal draft. */
export function draft(overrides: Partial<ComplaintDraft> = {}): ComplaintDraft {
  return {
    kind: 'complaint',
    categoryId: 'utilities.heating',
    subject: 'Пәтерде суық',
    description: 'Үш күннен бері батареялар суық.',
    applicant: {
      iin: '900101300017',
      lastName: 'Сейтқали',
      firstName: 'Әйгерім',
      phone: '+77011234567',
      email: 'aigerim@example.kz',
      preferredLanguage: 'kk',
      preferredContact: 'email',
    },
    consent: { given: true, version: demoConfig.privacy.version },
    ...overrides,
  };
}

/** A valid chat start. */
export function chatStart(overrides: Partial<ChatStartInput> = {}): ChatStartInput {
  return { language: 'kk', consent: { given: true, version: demoConfig.privacy.version }, ...overrides };
}

/** Operator principals of the demo operators. */
export const OPERATORS = {
  aigul: { id: DEMO_OPERATORS[0]!.id, role: 'operator' as const },
  erlan: { id: DEMO_OPERATORS[1]!.id, role: 'operator' as const },
  supervisor: { id: DEMO_OPERATORS[3]!.id, role: 'supervisor' as const },
};

/** Unwraps a successful result or fails the test with the problem. */
export function expectOk<T>(
  result: { ok: true; body: T } | { ok: false; status: number; body: { code: string; errors?: unknown } },
): T {
  if (!result.ok) throw new Error(`expected success, got ${String(result.status)} ${JSON.stringify(result.body)}`);
  return result.body;
}
