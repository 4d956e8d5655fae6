// SPDX-License-Identifier: MIT
// A fake client for <kc-callback> and <kc-rating> tests: configuration, queue, callbacks, ratings and an outbox
// whose events the test drives. Each call is recorded; each answer is set by the test.
import {
  callbacks,
  config,
  queue,
  ratings,
  KcHttpError,
  type KcCallback,
  type KcCallbackCreated,
  type KcCallbackInput,
  type KcCallbackSlots,
  type KcCallbackWhen,
  type KcConfig,
  type KcQueueStatus,
  type KcRating,
  type KcRatingInput,
  type KcRatingAuth,
  type OutboxEventMap,
} from '@kc/sdk';
import type { WidgetClient } from '../src/internal/client.js';
import { fakeConfig } from './fake-client.js';

/** What the next `request` / `submit` does. */
export type Outcome = 'sent' | 'queued' | { error: unknown };

export interface FakeCallbackOptions {
  config?: KcConfig;
  /** Whether the center is open now (queue and "as soon as possible"). @default true */
  open?: boolean;
  /** The wait for a callback as soon as possible, seconds. @default 300 */
  waitSeconds?: number;
  /** When the center opens next, when closed. */
  nextOpeningAt?: string;
  /** The server's time. @default '2026-11-23T10:00:00+05:00' (a Monday) */
  now?: string;
  slots?: KcCallbackSlots['slots'];
  /** Makes `queue.status()` fail with this error (once), to show the load error state. */
  loadError?: unknown;
}

export interface FakeCallbackClient {
  client: WidgetClient;
  requests: KcCallbackInput[];
  ratings: { input: KcRatingInput; auth?: KcRatingAuth }[];
  slotQueries: { from: string; to: string }[];
  cancelled: string[];
  rescheduled: { id: string; when: KcCallbackWhen }[];
  /** What the next callback request does. */
  callbackOutcome: Outcome;
  /** What the next rating does. */
  ratingOutcome: Outcome;
  /** Changes the slots the next `slots()` call answers. */
  setSlots(slots: KcCallbackSlots['slots']): void;
  /** Emits an outbox event as the SDK would. */
  emit<K extends keyof OutboxEventMap>(type: K, detail: OutboxEventMap[K]): void;
  /** The outbox's `acknowledge` calls. */
  acknowledged: string[];
}

let seq = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

/** Half-hour slots `[start, end)` of a local day in Asia/Almaty (UTC+5), `hours` as `HH:MM` starts. */
export function almatySlots(date: string, starts: string[], available = true): KcCallbackSlots['slots'] {
  return starts.map((time) => {
    const start = new Date(`${date}T${time}:00+05:00`);
    return {
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      available,
    };
  });
}

/** A callback as the server answers it. */
export function fakeCallback(input: KcCallbackInput, id = uuid()): KcCallback {
  const slot =
    'slotStart' in input.when
      ? {
          start: input.when.slotStart,
          end: new Date(Date.parse(input.when.slotStart) + 30 * 60_000).toISOString(),
          available: false,
        }
      : null;
  return {
    id,
    status: slot ? 'scheduled' : 'requested',
    phoneMasked: '+7 701 *** ** 67',
    topic: input.topic,
    language: input.language,
    asap: slot === null,
    slot,
    estimatedCallAt: slot ? slot.start : '2026-11-23T05:10:00.000Z',
    createdAt: '2026-11-23T05:00:00.000Z',
    updatedAt: '2026-11-23T05:00:00.000Z',
  };
}

/** The SDK's error for an answer like `409 already_rated`. */
export function httpError(status: number, code: string): KcHttpError {
  return new KcHttpError(status, { type: 'about:blank', title: code, status, code });
}

export function fakeCallbackClient(options: FakeCallbackOptions = {}): FakeCallbackClient {
  const open = options.open ?? true;
  const now = options.now ?? '2026-11-23T10:00:00+05:00';
  let slots = options.slots ?? [
    ...almatySlots('2026-11-23', ['15:00', '15:30', '16:00']),
    ...almatySlots('2026-11-23', ['16:30'], false),
    ...almatySlots('2026-11-24', ['09:00', '09:30']),
  ];
  const listeners = new Map<string, Set<(detail: never) => void>>();
  const fake: FakeCallbackClient = {
    client: undefined as unknown as WidgetClient,
    requests: [],
    ratings: [],
    slotQueries: [],
    cancelled: [],
    rescheduled: [],
    callbackOutcome: 'sent',
    ratingOutcome: 'sent',
    acknowledged: [],
    setSlots: (next) => (slots = next),
    emit(type, detail) {
      for (const l of listeners.get(type) ?? []) l(detail as never);
    },
  };
  const outcome = async <R>(which: Outcome, receipt: () => R) => {
    const id = uuid();
    if (which === 'sent') return { status: 'sent' as const, id, receipt: receipt() };
    if (which === 'queued') return { status: 'queued' as const, id, error: new Error('offline') };
    throw which.error;
  };
  const byId = new Map<string, KcCallback>();
  const modules = new Map<unknown, unknown>([
    [config, { get: async () => options.config ?? fakeConfig() }],
    [
      queue,
      {
        status: async (): Promise<KcQueueStatus> => {
          const error = options.loadError;
          if (error) {
            options.loadError = undefined;
            // eslint-disable-next-line @typescript-eslint/only-throw-error -- the error the test chose, as given
            throw error;
          }
          return {
            generatedAt: new Date(now).toISOString(),
            channels: [
              {
                channel: 'callback',
                openNow: open,
                nextOpeningAt: open ? null : (options.nextOpeningAt ?? '2026-11-24T04:00:00.000Z'),
                closesAt: open ? '2026-11-23T13:30:00.000Z' : null,
                waiting: 1,
                estimatedWaitSeconds: open ? (options.waitSeconds ?? 300) : null,
                operatorsOnline: 3,
                position: null,
              },
            ],
          };
        },
      },
    ],
    [
      callbacks,
      {
        slots: async ({ from, to }: { from: string; to: string }): Promise<KcCallbackSlots> => {
          fake.slotQueries.push({ from, to });
          return {
            timeZone: 'Asia/Almaty',
            slotMinutes: 30,
            asap: { available: open, estimatedWaitSeconds: open ? (options.waitSeconds ?? 300) : null },
            slots,
          };
        },
        request: async (input: KcCallbackInput) => {
          fake.requests.push(input);
          return outcome<KcCallbackCreated>(fake.callbackOutcome, () => {
            const callback = fakeCallback(input);
            byId.set(callback.id, callback);
            return { callback, callbackToken: 'cb_fake_token_0123456789' };
          });
        },
        cancel: async (id: string) => {
          fake.cancelled.push(id);
          return { ...byId.get(id)!, status: 'cancelled', slot: null, estimatedCallAt: null };
        },
        reschedule: async (id: string, when: KcCallbackWhen) => {
          fake.rescheduled.push({ id, when });
          const before = byId.get(id)!;
          const next = fakeCallback({ ...(before as unknown as KcCallbackInput), when }, id);
          byId.set(id, next);
          return next;
        },
      },
    ],
    [
      ratings,
      {
        submit: async (input: KcRatingInput, opts: { auth?: KcRatingAuth } = {}) => {
          fake.ratings.push({ input, auth: opts.auth });
          return outcome<KcRating>(fake.ratingOutcome, () => ({
            id: uuid(),
            subject: input.subject,
            csat: input.csat,
            resolved: input.resolved,
            receivedAt: '2026-11-23T05:00:00.000Z',
            followUpRequested: input.followUp?.consent === true,
          }));
        },
      },
    ],
  ]);
  fake.client = {
    locale: 'kk',
    given: {},
    outbox: {
      storage: 'indexeddb',
      on(type: string, listener: (detail: never) => void) {
        const set = listeners.get(type) ?? new Set();
        listeners.set(type, set.add(listener));
        return () => set.delete(listener);
      },
      acknowledge: async (id: string) => void fake.acknowledged.push(id),
      pending: async () => [],
      results: async () => [],
      flush: async () => undefined,
    },
    use(key: unknown) {
      const module = modules.get(key);
      if (!module) throw new Error('[test] this fake client does not implement that module');
      return module;
    },
  } as unknown as WidgetClient;
  return fake;
}
