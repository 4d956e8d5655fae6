// SPDX-License-Identifier: MIT
import {
  createBackend,
  demoConfig,
  demoSettings,
  MemoryStore,
  streams as backendStreams,
  type Backend,
  type BackendSettings,
  type Identity,
  type OperatorPrincipal,
  type OperatorRecord,
  type Result,
} from '@kc/backend';
import { isOpen, localDate, nextOpening, type Config, type OperationId, type OutageInput } from '@kc/contract';
import type { HttpHandler } from 'msw';
import { createMockClock, type MockClock, type MockClockOptions } from './clock.js';
import { operationInfos, sharedContractValidator } from './contract.js';
import { createHandlers, type HostBackend, type OperationInput } from './handlers.js';
import { decodeIdentityToken, encodeIdentityToken, type IdentityClaims } from './identity.js';
import { createScriptedOperator, type ScriptedOperator, type ScriptedOperatorOptions } from './operator.js';
import { createSeededRandom } from './random.js';
import { calmScenario, FaultState, type Scenario } from './scenario.js';
import { createStreamRegistry, type StreamRegistry } from './sse.js';
import { createStats, type MockStats } from './stats.js';

/** An operator token the mock accepts on the operator API. */
export interface MockOperatorToken extends OperatorPrincipal {
  token: string;
}

/** Options of {@link createMockContactCenter}. Everything is optional. */
export interface MockContactCenterOptions {
  /**
   * Seed of every random choice: ids, tracking numbers, access codes, latency ranges and failure draws. The same
   * seed and the same requests give the same answers.
   * @default 1
   */
  seed?: number;
  /**
   * The clock, or how to make one. Pass `{ realtime: false, start }` in tests and move time with
   * `mock.clock.advance(ms)`.
   * @default a clock that starts now and runs in real time
   */
  clock?: MockClock | MockClockOptions;
  /**
   * When the center is closed at the clock's start (a night, a weekend, a holiday), move the clock to its next
   * opening first, so that a demo shows the chat and callbacks working at any hour.
   * @default false
   */
  startOpen?: boolean;
  /** The scenario to start with (see {@link Scenario}). @default nothing goes wrong */
  scenario?: Partial<Scenario>;
  /** The scripted operator, or `false` for none. @default joins after 3 s, types 1.5 s, replies in the chat's language */
  operator?: ScriptedOperatorOptions | false;
  /**
   * Where the API lives: a path on the page's origin (browser), matched on any origin in Node, or an absolute URL.
   * @default '/api/v1'
   */
  baseUrl?: string;
  /** The contact center's public configuration. @default the demo akimat of `@kc/backend` */
  config?: Config;
  /**
   * Backend settings over the demo ones. The mock raises the write rate limit to 100 000 a minute so that fault
   * suites are not throttled; set `writeLimit` to test throttling.
   */
  settings?: Partial<BackendSettings>;
  /**
   * Tokens of the operator API.
   * @default `mock.tokens.operator` (role operator) and `mock.tokens.supervisor` (role supervisor)
   */
  operatorTokens?: readonly MockOperatorToken[];
  /**
   * Turns an `Authorization: Bearer` token of a citizen call into an identity. The default reads the claims
   * (`sub`, `name`, `iin`, `phone`, `exp`) of any JWT **without checking its signature** — a mock must accept
   * the portal's development tokens; the reference server verifies them.
   */
  verifyIdentity?: (token: string) => Identity | null;
  /** Interval of `: ping` on event streams, mock milliseconds. @default 15000 */
  heartbeatMs?: number;
  /** Interval of the backend's periodic work (inactive chats, due outages), mock milliseconds. @default 5000 */
  tickMs?: number;
}

/** Changes the scenario while the mock runs. */
export interface ScenarioControls {
  /** The scenario in force. */
  readonly current: Readonly<Scenario>;
  /**
   * Changes the members named in `patch` and stages the domain ones through the backend (closing the center,
   * queueing chats, publishing an outage). Resolves when the backend has them.
   *
   * @example
   * ```ts
   * await mock.scenario.set({ failAfterCommit: { operations: ['submitComplaint'], times: 1 } });
   * ```
   */
  set(patch: Partial<Scenario>): Promise<Readonly<Scenario>>;
  /** Back to the calm scenario: no faults, open, empty queue, no outage of the mock's making. */
  reset(): Promise<Readonly<Scenario>>;
}

/**
 * A contact center in memory behind msw handlers: the `@kc/backend` rules on a `MemoryStore`, the contract's
 * validation, a scripted operator, fault scenarios and counters. Start it with `startMockWorker` (browser,
 * `@kc/mock/browser`) or `startMockServer` (Node, `@kc/mock/node`), or pass {@link handlers} to your own msw setup.
 */
export interface MockContactCenter {
  /** One msw handler per operation of the contract, and a `404` for anything else under {@link baseUrl}. */
  readonly handlers: HttpHandler[];
  /** The backend the handlers call (read it, or drive it directly in a test). */
  readonly backend: Backend;
  /** The in-memory store under the backend. */
  readonly store: MemoryStore;
  readonly clock: MockClock;
  readonly scenario: ScenarioControls;
  readonly stats: MockStats;
  /** The open event streams; `dropAll()` breaks them as a lost connection would. */
  readonly streams: StreamRegistry;
  /** The scripted operator (disabled when `operator: false`). */
  readonly operator: ScriptedOperator;
  /** The API base the handlers answer. */
  readonly baseUrl: string;
  /** Operator API tokens the mock accepts by default. */
  readonly tokens: { readonly operator: string; readonly supervisor: string };
  /** Operations of the contract the backend does not implement (answered with `500`); empty when complete. */
  readonly unsupportedOperations: readonly OperationId[];
  /**
   * A portal identity token for `Authorization: Bearer` (an unsigned JWT the mock's default `verifyIdentity`
   * reads), so that a test can act as a signed-in citizen.
   *
   * @example
   * ```ts
   * const token = mock.identityToken({ sub: 'egov-123', name: 'Әйгерім' });
   * ```
   */
  identityToken(claims: IdentityClaims): string;
  /** Resolves once the demo data, the scripted operator and the initial scenario are in place. */
  ready(): Promise<void>;
  /** Stops every timer and stream of the mock. */
  dispose(): void;
}

const CLOSED_NAME = {
  kk: 'Байланыс орталығы жабық',
  ru: 'Контакт-центр закрыт',
  en: 'The contact center is closed',
};

const OUTAGE_MESSAGE = {
  kk: 'Онлайн-чат уақытша жұмыс істемейді. Бізге телефон арқылы хабарласыңыз.',
  ru: 'Онлайн-чат временно не работает. Позвоните нам по телефону.',
  en: 'The online chat is temporarily unavailable. Please call us instead.',
};

const isClock = (value: unknown): value is MockClock =>
  typeof value === 'object' && value !== null && typeof (value as MockClock).advance === 'function';

/**
 * Creates a mock contact center. Nothing is intercepted until its {@link MockContactCenter.handlers} are given to
 * msw: use `startMockWorker` from `@kc/mock/browser` or `startMockServer` from `@kc/mock/node`.
 *
 * @example
 * ```ts
 * const mock = createMockContactCenter({ seed: 7, clock: { realtime: false, start: '2026-11-23T10:00:00+05:00' } });
 * const server = setupServer(...mock.handlers);
 * ```
 */
export function createMockContactCenter(options: MockContactCenterOptions = {}): MockContactCenter {
  const seed = options.seed ?? 1;
  const clock = isClock(options.clock) ? options.clock : createMockClock(options.clock);
  const random = createSeededRandom(seed);
  const faultRandom = createSeededRandom(seed ^ 0x5bd1e995);
  const store = new MemoryStore();
  const config = structuredClone(options.config ?? demoConfig);
  if (options.startOpen && !isOpen(config.schedule, clock.now())) {
    const opening = nextOpening(config.schedule, clock.now());
    if (opening) void clock.set(opening);
  }
  const settings: Partial<BackendSettings> = {
    ...demoSettings,
    writeLimit: { limit: 100_000, windowSeconds: 60 },
    secret: random.bytes(32),
    ...options.settings,
  };
  const backend = createBackend({ store, config, settings, clock, random });

  const operators: OperatorRecord[] = settings.operators ?? [];
  const firstWith = (role: 'operator' | 'supervisor'): OperatorRecord | undefined =>
    operators.find((o) => o.roles.includes(role));
  const staff = firstWith('operator') ?? firstWith('supervisor');
  const chief = firstWith('supervisor') ?? staff;
  if (!staff || !chief) throw new Error('[kc] the mock needs at least one operator in settings.operators');
  const tokens = { operator: 'kc-mock-operator-token', supervisor: 'kc-mock-supervisor-token' } as const;
  const operatorTokens = new Map(
    (
      options.operatorTokens ?? [
        { token: tokens.operator, id: staff.id, role: 'operator' as const },
        { token: tokens.supervisor, id: chief.id, role: 'supervisor' as const },
      ]
    ).map((t) => [t.token, { id: t.id, role: t.role }]),
  );
  const supervisor: OperatorPrincipal = { id: chief.id, role: 'supervisor' };
  const verifyIdentity = options.verifyIdentity ?? ((token: string) => decodeIdentityToken(token, clock.now()));

  const unsupported = operationInfos
    .map((op) => op.operationId)
    .filter((id) => typeof (backend as unknown as Record<string, unknown>)[id] !== 'function');

  let started: Promise<void> = Promise.resolve();
  let configChanged = false;
  const host: HostBackend = {
    operation(operationId) {
      const fn = (backend as unknown as Record<string, unknown>)[operationId];
      if (typeof fn !== 'function') return undefined;
      return async (input: OperationInput) => {
        await started;
        // The backend computes the config's ETag once; after the mock has changed the config (centerClosed), a
        // 304 would keep a client on the old schedule, so the client gets the whole config again.
        if (operationId === 'getConfig' && configChanged) delete input.ctx.ifNoneMatch;
        return (fn as (i: OperationInput) => Promise<Result<unknown>>)(input);
      };
    },
    async open(grant, send) {
      const subscription = await backend.subscribe(grant.stream, send, { afterId: grant.afterId });
      return () => subscription.unsubscribe();
    },
  };

  const faults = new FaultState(faultRandom);
  const stats = createStats();
  const streamRegistry = createStreamRegistry();
  const validator = sharedContractValidator();
  const baseUrl = options.baseUrl ?? '/api/v1';
  const handlers = createHandlers({
    baseUrl,
    host,
    validator,
    faults,
    stats,
    clock,
    streams: streamRegistry,
    auth: {
      operator: (token) => operatorTokens.get(token) ?? null,
      identity: verifyIdentity,
    },
    clientId: 'mock-client',
    heartbeatMs: options.heartbeatMs ?? 15_000,
  });

  // ---------------------------------------------------------------- domain scenarios, staged through the backend
  const queueFillers = new Map<string, string>();
  let closedDate: string | null = null;
  let outageId: string | null = null;
  let keys = 0;
  const key = (what: string): string => `kc-mock-${what}-${String(++keys).padStart(6, '0')}`;

  function setClosed(closed: boolean): void {
    const holidays = backend.config.schedule.holidays;
    configChanged = true;
    if (closedDate !== null) {
      const at = holidays.findIndex((h) => h.date === closedDate && h.name === CLOSED_NAME);
      if (at >= 0) holidays.splice(at, 1);
      closedDate = null;
    }
    if (closed) {
      closedDate = localDate(clock.now(), backend.config.schedule.timeZone);
      holidays.push({ date: closedDate, name: CLOSED_NAME });
    }
  }

  async function setQueue(length: number): Promise<void> {
    const wanted = Math.max(0, Math.floor(length));
    while (queueFillers.size > wanted) {
      const [sessionId, token] = [...queueFillers].at(-1) as [string, string];
      queueFillers.delete(sessionId);
      await backend.closeChatSession({
        params: { sessionId },
        body: {},
        ctx: { chatToken: token, idempotencyKey: key('queue-close'), clientId: 'mock-queue' },
      });
    }
    while (queueFillers.size < wanted) {
      const queued = await backend.startChatSession({
        body: { language: config.defaultLocale, consent: { given: true, version: config.privacy.version } },
        ctx: { idempotencyKey: key('queue'), clientId: 'mock-queue' },
      });
      if (!queued.ok) {
        throw new Error(
          `[kc] the long queue cannot be staged: startChatSession answered ${String(queued.status)} ${queued.body.code}`,
        );
      }
      queueFillers.set(queued.body.session.id, queued.body.sessionToken);
    }
  }

  async function setOutage(outage: Scenario['outage']): Promise<void> {
    if (outageId !== null) {
      await backend.resolveOutage({ params: { outageId }, body: {}, ctx: { operator: supervisor } });
      outageId = null;
    }
    if (!outage) return;
    const now = clock.now();
    const input: OutageInput = {
      status: 'active',
      severity: 'major',
      affectedChannels: ['chat'],
      message: OUTAGE_MESSAGE,
      startedAt: now.toISOString(),
      expectedResumeAt: new Date(now.getTime() + 2 * 3600_000).toISOString(),
      alternatives: config.channels
        .filter((c) => c.channel !== 'chat')
        .slice(0, 2)
        .map((c) => ({ channel: c.channel, label: c.label, value: c.value })),
      ...(outage === true ? {} : outage),
    };
    const published = await backend.publishOutage({ body: input, ctx: { operator: supervisor } });
    if (!published.ok) {
      throw new Error(
        `[kc] the outage cannot be staged: publishOutage answered ${String(published.status)} ${published.body.code}`,
      );
    }
    outageId = published.body.id;
  }

  let changes: Promise<unknown> = Promise.resolve();
  const scenario: ScenarioControls = {
    get current() {
      return faults.current;
    },
    set(patch) {
      const run = changes.then(async () => {
        await started;
        const previous = faults.current;
        faults.apply(patch);
        if ('centerClosed' in patch) setClosed(patch.centerClosed === true);
        if ('longQueue' in patch && patch.longQueue !== previous.longQueue) {
          await setQueue(patch.longQueue ?? 0);
          operator.wake();
        }
        if ('outage' in patch) await setOutage(patch.outage ?? false);
        return faults.current;
      });
      changes = run.catch(() => undefined);
      return run;
    },
    reset() {
      return scenario.set({ ...calmScenario });
    },
  };

  // ---------------------------------------------------------------- the scripted operator and the backend's tick
  const operatorOptions = options.operator === false ? { enabled: false } : (options.operator ?? {});
  const operator: ScriptedOperator = createScriptedOperator({
    settings: operatorOptions,
    backend: backend,
    principal: { id: staff.id, role: 'operator' },
    displayName: staff.displayName,
    clock,
    ignore: (sessionId) => queueFillers.has(sessionId),
    busy: () => queueFillers.size > 0,
  });
  const tick = clock.setInterval(() => backend.tick(), options.tickMs ?? 5_000);
  let unsubscribe: (() => void) | null = null;
  let disposed = false;

  started = (async () => {
    if (operator.enabled) await backend.setOperatorOnline(staff.id, true);
    const lastId = await store.events.lastId(backendStreams.operator);
    const subscription = await backend.subscribe(backendStreams.operator, (e) => operator.onEvent(e), {
      afterId: lastId,
    });
    unsubscribe = () => subscription.unsubscribe();
    if (disposed) unsubscribe();
  })();
  const initial = options.scenario ? scenario.set(options.scenario) : started;

  return {
    handlers,
    backend,
    store,
    clock,
    scenario,
    stats,
    streams: streamRegistry,
    operator,
    baseUrl,
    tokens,
    unsupportedOperations: unsupported,
    identityToken: encodeIdentityToken,
    async ready() {
      await started;
      await initial;
    },
    dispose() {
      disposed = true;
      clock.clearTimer(tick);
      unsubscribe?.();
      operator.dispose();
      streamRegistry.closeAll();
    },
  };
}
