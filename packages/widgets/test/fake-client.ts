// SPDX-License-Identifier: MIT
// Fake clients for widget tests: fast, deterministic, and each implementing only what an element calls.
import { config, outages, KcNetworkError, type KcConfig, type KcOutage } from '@kc/sdk';
import type { WidgetClient } from '../src/internal/client.js';

/** A configuration as the contract's example gives it, trimmed to what the widgets read. */
export function fakeConfig(overrides: Partial<KcConfig> = {}): KcConfig {
  return {
    name: { kk: 'Әкімдіктің байланыс орталығы', ru: 'Контакт-центр акимата', en: 'Akimat contact center' },
    defaultLocale: 'kk',
    locales: ['kk', 'ru', 'en'],
    schedule: { timeZone: 'Asia/Almaty', weekly: [], holidays: [], workingDays: [] },
    channels: [],
    waiting: { free: true, notice: { kk: 'Тегін', ru: 'Бесплатно', en: 'Free' }, announceIntervalSeconds: 60 },
    thresholds: { offerCallbackAboveWaitSeconds: 120, inactivityWarningSeconds: 600, inactivityCloseSeconds: 120 },
    appeals: { kinds: [], categories: [], procedure: { kk: '', ru: '', en: '' } },
    attachments: { allowedTypes: ['application/pdf'], maxBytes: 1, maxCount: 0, maxTotalBytes: 1 },
    privacy: {
      version: '1',
      operatorName: { kk: '', ru: '', en: '' },
      operatorBin: '050340001236',
      data: { kk: '', ru: '', en: '' },
      purpose: { kk: '', ru: '', en: '' },
      retention: { kk: '', ru: '', en: '' },
      thirdParties: { kk: '', ru: '', en: '' },
      withdrawal: { kk: '', ru: '', en: '' },
      text: { kk: '', ru: '', en: '' },
    },
    ratings: { lowScoreThreshold: 3, lowScoreReasons: [], askCes: false, askNps: false },
    callbacks: { slotMinutes: 30, horizonDays: 14, asapWhileOpen: true },
    updatedAt: '2026-11-22T05:00:00Z',
    ...overrides,
  };
}

let counter = 0;

/** An outage; every call gets a fresh id unless one is given. */
export function fakeOutage(overrides: Partial<KcOutage> = {}): KcOutage {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    status: 'active',
    severity: 'major',
    affectedChannels: ['chat'],
    message: {
      kk: 'Онлайн-чат уақытша жұмыс істемейді. 1414 нөміріне қоңырау шалыңыз.',
      ru: 'Онлайн-чат временно не работает. Позвоните по номеру 1414.',
      en: 'The online chat is temporarily unavailable. Please call 1414.',
    },
    startedAt: '2026-11-23T04:40:00Z',
    expectedResumeAt: '2026-11-23T07:00:00Z',
    resolvedAt: null,
    alternatives: [
      {
        channel: 'phone',
        label: { kk: 'Телефон 1414 (тегін)', ru: 'Телефон 1414 (бесплатно)', en: 'Phone 1414 (free)' },
        value: '1414',
        href: 'tel:1414',
      },
    ],
    updatedAt: '2026-11-23T04:45:00Z',
    ...overrides,
  };
}

/** A controllable outage feed: the element's watch receives what `emit` sends, and fails with `fail`. */
export interface OutageFeed {
  emit(list: KcOutage[]): void;
  fail(error: unknown): void;
  /** How many watches were started. */
  readonly watches: number;
  /** How many watches are running (started and not stopped). */
  readonly running: number;
}

export interface FakeClient {
  client: WidgetClient;
  feed: OutageFeed;
  /** How many times the configuration was fetched. */
  readonly configCalls: number;
}

/**
 * A client whose outage watch is driven by the test. With `initial`, every new watch receives that list at once
 * (as the SDK's watch does with its first load); `configError` makes `config.get()` fail.
 */
export function fakeClient(
  options: { initial?: KcOutage[]; config?: KcConfig; configError?: unknown } = {},
): FakeClient {
  const listeners = new Set<{ list: (l: KcOutage[]) => void; error?: (e: unknown) => void }>();
  let watches = 0;
  let configCalls = 0;
  const feed: OutageFeed = {
    emit: (list) => listeners.forEach((l) => l.list(list)),
    fail: (error) => listeners.forEach((l) => l.error?.(error)),
    get watches() {
      return watches;
    },
    get running() {
      return listeners.size;
    },
  };
  const outagesModule = {
    active: async () => options.initial ?? [],
    watch(list: (l: KcOutage[]) => void, opts: { signal?: AbortSignal; onError?: (e: unknown) => void } = {}) {
      watches += 1;
      const entry = { list, error: opts.onError };
      listeners.add(entry);
      const stop = () => listeners.delete(entry);
      opts.signal?.addEventListener('abort', stop, { once: true });
      if (options.initial) queueMicrotask(() => listeners.has(entry) && list(options.initial!));
      return stop;
    },
  };
  const configModule = {
    get: async () => {
      configCalls += 1;
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- whatever the test wants thrown
      if (options.configError) throw options.configError;
      return options.config ?? fakeConfig();
    },
  };
  const modules = new Map<unknown, unknown>([
    [outages, outagesModule],
    [config, configModule],
  ]);
  const client = {
    locale: 'kk',
    given: {},
    use(key: unknown) {
      const module = modules.get(key);
      if (!module) throw new Error('[test] this fake client does not implement that module');
      return module;
    },
  } as unknown as WidgetClient;
  return {
    client,
    feed,
    get configCalls() {
      return configCalls;
    },
  };
}

/** The SDK's error for a request that got no answer. */
export function networkError(): KcNetworkError {
  return new KcNetworkError('network down');
}
