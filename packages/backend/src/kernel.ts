// SPDX-License-Identifier: MIT
import type { BackendOptions, BackendSettings, CallContext, Clock, Random } from './context.js';
import { cryptoRandom, systemClock } from './context.js';
import { fail, type Failure } from './result.js';
import { Hasher } from './security.js';
import type { Store, StoreSession } from './store/store.js';
import type { Config, LocalizedText } from './wire.js';

const DEFAULT_SETTINGS: Omit<BackendSettings, 'operators' | 'knowledgeBase'> = {
  contactCenterCategory: 'contact-center',
  trackingPrefix: 'KC',
  lookupLimit: { limit: 10, windowSeconds: 60 },
  writeLimit: { limit: 120, windowSeconds: 60 },
  idempotencyTtlSeconds: 86_400,
  eventTtlSeconds: 86_400,
  viewTokenTtlSeconds: 1_800,
  closedTokenTtlSeconds: 86_400,
  callbackSlotCapacity: 2,
  asapCallbacksPerHour: 6,
  defaultChatHandleSeconds: 300,
  handleTimeSample: 20,
  autoAssign: false,
  attachmentTtlSeconds: 86_400,
  responsible: {},
  nextSteps: {
    kk: 'Өтініш нөмірі мен қол жеткізу кодын сақтаңыз: олар арқылы мәртебені тексересіз.',
    ru: 'Сохраните номер обращения и код доступа: по ним вы проверите статус.',
    en: 'Keep the tracking number and access code: you need both to check the status.',
  },
  inactivityWarning: {
    kk: 'Сіз біраз уақыт жазбадыңыз. Жауап болмаса, чат жабылады.',
    ru: 'Вы давно не писали. Если ответа не будет, чат закроется.',
    en: 'You have not written for a while. The chat will close if there is no reply.',
  },
};

/** Names of the event streams a host can subscribe to. */
export const streams = {
  /** Outage changes, for everyone. */
  outages: 'outages',
  /** One appeal's status changes, timeline entries and comments (by internal id). */
  complaint: (id: string): string => `complaint:${id}`,
  /** One chat session's events. */
  chat: (id: string): string => `chat:${id}`,
  /** The operator console: new chats, messages, closes, comments. */
  operator: 'operator',
} as const;

/** What every domain module shares. */
export class Kernel {
  readonly store: Store;
  readonly config: Config;
  readonly settings: BackendSettings;
  readonly clock: Clock;
  readonly random: Random;
  readonly hasher: Hasher;

  constructor(options: BackendOptions) {
    this.store = options.store;
    this.config = options.config;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? cryptoRandom;
    this.settings = { ...DEFAULT_SETTINGS, operators: [], knowledgeBase: [], ...options.settings };
    this.hasher = new Hasher(this.settings.secret ?? cryptoRandom.bytes(32));
  }

  now(): Date {
    return this.clock.now();
  }

  iso(offsetMs = 0): string {
    return new Date(this.clock.now().getTime() + offsetMs).toISOString();
  }

  /** Appends an event; inside a transaction it is announced after the commit. */
  emit<T>(tx: StoreSession, stream: string, type: string, data: T): Promise<unknown> {
    return tx.events.append(stream, type, data, this.iso());
  }

  /** Counts a hit against a limit; a {@link Failure} `429` with `Retry-After` when over it. */
  async limit(key: string, limit: { limit: number; windowSeconds: number }): Promise<Failure | null> {
    const now = this.now();
    const hit = await this.store.rateLimits.hit(key, now.toISOString(), limit.windowSeconds * 1000);
    if (hit.count <= limit.limit) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(hit.resetAt) - now.getTime()) / 1000));
    return fail(429, 'rate_limited', { retryAfterSeconds });
  }

  /** The writing limit per client, shared by the unsafe citizen operations. */
  limitWrites(ctx: CallContext): Promise<Failure | null> {
    // Without a client id the host has not identified callers: one shared bucket would throttle everyone.
    if (ctx.clientId === undefined) return Promise.resolve(null);
    return this.limit(`write:${ctx.clientId}`, this.settings.writeLimit);
  }

  /** Which channel outages are active now and affect `channel`. */
  async activeOutages(channel: string, tx: StoreSession = this.store): Promise<string[]> {
    const now = this.iso();
    const outages = await tx.outages.list(now);
    return outages
      .filter(
        (o) => o.status === 'active' && o.resolvedAt === null && (o.affectedChannels as string[]).includes(channel),
      )
      .map((o) => o.id);
  }

  categoryName(id: string): LocalizedText | null {
    return this.config.appeals.categories.find((c) => c.id === id)?.name ?? null;
  }
}
