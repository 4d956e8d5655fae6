// SPDX-License-Identifier: MIT
import { isOpen, nextClosing, nextOpening, type OperationId } from '@kc/contract';
import { Callbacks } from './callbacks.js';
import { Chat, estimateWait, sessionOfToken } from './chat/chat.js';
import { Complaints, parseLastEventId, requireOperator, type StreamGrant } from './complaints/complaints.js';
import type { BackendOptions, CallContext } from './context.js';
import { Indicators } from './indicators.js';
import { Kernel, streams } from './kernel.js';
import { KnowledgeBase } from './kb.js';
import { Outages } from './outages.js';
import { Ratings } from './ratings.js';
import { ok, type Result } from './result.js';
import { canonicalJson, sha256Hex } from './security.js';
import type { CallbackRecord, ChatSessionRecord, ComplaintRecord, RatingRecord, StreamEvent } from './store/store.js';
import type { Config, QueueChannelStatus, QueueStatus } from './wire.js';

/** A live subscription to an event stream. */
export interface Subscription {
  /** Stops delivery. Call it when the client disconnects. */
  unsubscribe(): void;
}

/** Everything one citizen did, across channels, linked by their verified identity. */
export interface CitizenHistory {
  subjectId: string;
  complaints: ComplaintRecord[];
  chats: ChatSessionRecord[];
  callbacks: CallbackRecord[];
  ratings: RatingRecord[];
}

/** Options of {@link Backend.subscribe}. */
export interface SubscribeOptions {
  /** Deliver events with ids above this (the `Last-Event-ID`); 0 replays everything still held. @default 0 */
  afterId?: number;
}

/**
 * Creates the contact center's backend: one method per operation of the contract, each taking
 * `{ params?, query?, body?, lastEventId?, ctx? }` and answering a {@link Result}, plus event-stream subscription
 * and periodic maintenance. The backend does no I/O of its own: hosts (the msw mock, the fastify server) parse
 * HTTP, verify tokens (portal JWT, operator token), call the method, and write the result.
 *
 * @example
 * ```ts
 * const backend = createBackend({ store: new MemoryStore(), config: demoConfig, settings: demoSettings });
 * const result = await backend.submitComplaint({
 *   body: draft,
 *   ctx: { idempotencyKey: request.headers.get('Idempotency-Key') ?? undefined, clientId: ip },
 * });
 * reply(result.status, result.body, result.headers); // problem+json when !result.ok
 * ```
 */
export function createBackend(options: BackendOptions) {
  const k = new Kernel(options);
  const complaints = new Complaints(k);
  const chat = new Chat(k);
  const callbacks = new Callbacks(k, chat);
  const outages = new Outages(k);
  const kb = new KnowledgeBase(k);
  const ratings = new Ratings(k, chat, callbacks, (trackingNumber, ctx) => complaints.viewed(trackingNumber, ctx));
  const indicators = new Indicators(k, k.settings.contactCenterCategory);

  const seeded = (async () => {
    for (const operator of k.settings.operators) {
      if (!(await k.store.operators.get(operator.id))) await k.store.operators.upsert(operator);
    }
  })();
  /** Waits for the operators to be seeded, and stamps a refusal with the request path (`ctx.instance`). */
  const ready =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await seeded;
      const result = await fn(...args);
      const instance = (args[0] as { ctx?: CallContext } | undefined)?.ctx?.instance;
      const failure = result as { ok?: boolean; body?: { instance?: string } };
      if (instance !== undefined && failure.ok === false && failure.body && failure.body.instance === undefined) {
        failure.body.instance = instance.split('?')[0];
      }
      return result;
    };

  let configEtag: Promise<string> | null = null;

  const backend = {
    /** The kernel's store (for hosts that add their own reads, and for tests). */
    store: k.store,
    /** The public configuration. */
    config: k.config,

    /** `getConfig`: the configuration, with an `ETag`; `304` when `If-None-Match` matches. */
    getConfig: async (input: { ctx?: CallContext } = {}): Promise<Result<Config | undefined>> => {
      configEtag ??= sha256Hex(canonicalJson(k.config)).then((h) => `"cfg-${h.slice(0, 16)}"`);
      const etag = await configEtag;
      const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
      if (input.ctx?.ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        return ok(304, undefined, headers);
      }
      return ok(200, k.config, headers);
    },

    /** `getQueueStatus`: per channel whether it is open, the queue and the wait; the caller's place with a chat token. */
    getQueueStatus: ready(async (input: { ctx?: CallContext } = {}): Promise<Result<QueueStatus>> => {
      const now = k.now();
      const schedule = k.config.schedule;
      const open = isOpen(schedule, now);
      const queue = await chat.queue();
      let position: number | null = null;
      const token = input.ctx?.chatToken;
      const sessionId = token ? sessionOfToken(token) : null;
      if (token && sessionId && (await chat.holdsToken(sessionId, input.ctx ?? {}))) {
        const index = queue.order.indexOf(sessionId);
        position = index >= 0 ? index + 1 : null;
      }
      const timing = (openNow: boolean) => ({
        openNow,
        nextOpeningAt: openNow ? null : (nextOpening(schedule, now)?.toISOString() ?? null),
        closesAt: openNow ? (nextClosing(schedule, now)?.toISOString() ?? null) : null,
      });
      const chatOpen = open && (await k.activeOutages('chat')).length === 0;
      const callbackOpen = open && (await k.activeOutages('callback')).length === 0;
      const asap = (await k.store.callbacks.listByStatus(['requested'])).length;
      const channels: QueueChannelStatus[] = [
        {
          channel: 'chat',
          ...timing(chatOpen),
          waiting: queue.order.length,
          estimatedWaitSeconds: chatOpen ? estimateWait(position ?? queue.order.length + 1, queue) : null,
          operatorsOnline: queue.operatorsOnline,
          position,
        },
        {
          channel: 'callback',
          ...timing(callbackOpen),
          waiting: asap,
          estimatedWaitSeconds: callbackOpen
            ? Math.ceil(((asap + 1) * 3600) / Math.max(1, k.settings.asapCallbacksPerHour))
            : null,
          operatorsOnline: queue.operatorsOnline,
          position: null,
        },
      ];
      return ok(200, { generatedAt: now.toISOString(), channels });
    }),

    /** `listOutages`: List outages. */
    listOutages: ready(outages.listOutages.bind(outages)),
    watchOutages: (input: { lastEventId?: string } = {}) => Promise.resolve(outages.watchOutages(input)),
    /** `publishOutage`: Publish an outage. */
    publishOutage: ready(outages.publishOutage.bind(outages)),
    /** `updateOutage`: Update an outage. */
    updateOutage: ready(outages.updateOutage.bind(outages)),
    /** `resolveOutage`: Resolve an outage. */
    resolveOutage: ready(outages.resolveOutage.bind(outages)),

    /** `uploadAttachment`: Upload a file. */
    uploadAttachment: ready(complaints.uploadAttachment.bind(complaints)),
    /** `submitComplaint`: File an appeal. */
    submitComplaint: ready(complaints.submitComplaint.bind(complaints)),
    /** `lookupComplaint`: Look an appeal up by tracking number and access code. */
    lookupComplaint: ready(complaints.lookupComplaint.bind(complaints)),
    /** `getComplaint`: Read an appeal with its view token. */
    getComplaint: ready(complaints.getComplaint.bind(complaints)),
    /** `watchComplaint`: Watch an appeal (Server-Sent Events). */
    watchComplaint: ready(complaints.watchComplaint.bind(complaints)),
    /** `addComplaintComment`: Add a comment or documents to an appeal. */
    addComplaintComment: ready(complaints.addComplaintComment.bind(complaints)),
    /** `withdrawComplaint`: Withdraw an appeal. */
    withdrawComplaint: ready(complaints.withdrawComplaint.bind(complaints)),
    /** `listOperatorComplaints`: List appeals. */
    listOperatorComplaints: ready(complaints.listOperatorComplaints.bind(complaints)),
    /** `getOperatorComplaint`: Get an appeal. */
    getOperatorComplaint: ready(complaints.getOperatorComplaint.bind(complaints)),
    /** `updateOperatorComplaint`: Update an appeal without changing its status. */
    updateOperatorComplaint: ready(complaints.updateOperatorComplaint.bind(complaints)),
    /** `changeComplaintStatus`: Change an appeal's status. */
    changeComplaintStatus: ready(complaints.changeComplaintStatus.bind(complaints)),
    /** `addOperatorComplaintComment`: Write to the applicant. */
    addOperatorComplaintComment: ready(complaints.addOperatorComplaintComment.bind(complaints)),

    /** `startChatSession`: Start a chat. */
    startChatSession: ready(chat.startChatSession.bind(chat)),
    /** `getChatSession`: Get a chat's state and messages. */
    getChatSession: ready(chat.getChatSession.bind(chat)),
    /** `watchChatSession`: Watch a chat (Server-Sent Events). */
    watchChatSession: ready(chat.watchChatSession.bind(chat)),
    /** `sendChatMessage`: Send a message. */
    sendChatMessage: ready(chat.sendChatMessage.bind(chat)),
    /** `setChatTyping`: Tell the operator the citizen is typing. */
    setChatTyping: ready(chat.setChatTyping.bind(chat)),
    /** `markChatRead`: Mark the operator's messages as read. */
    markChatRead: ready(chat.markChatRead.bind(chat)),
    /** `closeChatSession`: End a chat. */
    closeChatSession: ready(chat.closeChatSession.bind(chat)),
    /** `getChatTranscript`: Get the chat transcript. */
    getChatTranscript: ready(chat.getChatTranscript.bind(chat)),
    /** `listOperatorChats`: List chats. */
    listOperatorChats: ready(chat.listOperatorChats.bind(chat)),
    /** `getOperatorChat`: Get a chat with its messages. */
    getOperatorChat: ready(chat.getOperatorChat.bind(chat)),
    /** `joinOperatorChat`: Take a chat from the queue. */
    joinOperatorChat: ready(chat.joinOperatorChat.bind(chat)),
    /** `sendOperatorMessage`: Reply in a chat. */
    sendOperatorMessage: ready(chat.sendOperatorMessage.bind(chat)),
    /** `setOperatorTyping`: Tell the citizen the operator is typing. */
    setOperatorTyping: ready(chat.setOperatorTyping.bind(chat)),
    /** `markOperatorChatRead`: Mark the citizen's messages as read. */
    markOperatorChatRead: ready(chat.markOperatorChatRead.bind(chat)),
    /** `transferOperatorChat`: Transfer a chat. */
    transferOperatorChat: ready(chat.transferOperatorChat.bind(chat)),
    /** `closeOperatorChat`: Close a chat. */
    closeOperatorChat: ready(chat.closeOperatorChat.bind(chat)),

    /** `searchKnowledgeBase`: Search the knowledge base. */
    searchKnowledgeBase: kb.searchKnowledgeBase.bind(kb),

    /** `getCallbackSlots`: List callback slots. */
    getCallbackSlots: ready(callbacks.getCallbackSlots.bind(callbacks)),
    /** `requestCallback`: Request a callback. */
    requestCallback: ready(callbacks.requestCallback.bind(callbacks)),
    /** `getCallback`: Get a callback. */
    getCallback: ready(callbacks.getCallback.bind(callbacks)),
    /** `rescheduleCallback`: Reschedule a callback. */
    rescheduleCallback: ready(callbacks.rescheduleCallback.bind(callbacks)),
    /** `cancelCallback`: Cancel a callback. */
    cancelCallback: ready(callbacks.cancelCallback.bind(callbacks)),
    /** `listOperatorCallbacks`: List callbacks. */
    listOperatorCallbacks: ready(callbacks.listOperatorCallbacks.bind(callbacks)),
    /** `completeCallback`: Record a callback attempt. */
    completeCallback: ready(callbacks.completeCallback.bind(callbacks)),

    /** `submitRating`: Rate a contact. */
    submitRating: ready(ratings.submitRating.bind(ratings)),

    /** `getIndicatorReport`: Get the indicator report for a period. */
    getIndicatorReport: ready(indicators.getIndicatorReport.bind(indicators)),

    /** `watchOperatorEvents`: the operator console's stream (any operator). */
    watchOperatorEvents: (input: { lastEventId?: string; ctx?: CallContext } = {}): Promise<Result<StreamGrant>> => {
      const denied = requireOperator(input.ctx);
      if (denied) return Promise.resolve(denied);
      const afterId = parseLastEventId(input.lastEventId);
      if (typeof afterId !== 'number') return Promise.resolve(afterId);
      return Promise.resolve(ok(200, { stream: streams.operator, afterId }));
    },

    /**
     * Delivers the events of `stream` after `afterId` (replayed from the store), then every new one as it is
     * committed, in id order, each once. When the store no longer holds the events after `afterId` (or the id is
     * from the future), the first event delivered is a `reset` (`StreamResetEvent`) carrying the current last id:
     * the client re-reads the resource and continues from there.
     *
     * @example
     * ```ts
     * const grant = await backend.watchChatSession({ params: { sessionId }, lastEventId, ctx });
     * if (!grant.ok) return reply(grant);
     * const sub = await backend.subscribe(grant.body.stream, (e) => write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`), { afterId: grant.body.afterId });
     * request.on('close', () => sub.unsubscribe());
     * ```
     */
    subscribe: async (
      stream: string,
      listener: (event: StreamEvent) => void,
      subscribeOptions: SubscribeOptions = {},
    ): Promise<Subscription> => {
      let last = subscribeOptions.afterId ?? 0;
      let live = false;
      let closed = false;
      const buffered: StreamEvent[] = [];
      const deliver = (event: StreamEvent): void => {
        if (closed || event.id <= last) return;
        last = event.id;
        listener(event);
      };
      const unsubscribe = k.store.subscribe(stream, (event) => (live ? deliver(event) : buffered.push(event)));
      const [firstId, lastId] = await Promise.all([k.store.events.firstId(stream), k.store.events.lastId(stream)]);
      const reset = (reason: 'history_expired' | 'unknown_event_id'): void => {
        listener({ id: lastId, stream, type: 'reset', data: { reason }, at: k.iso() });
        last = lastId;
      };
      if (last > lastId) reset('unknown_event_id');
      else if (last > 0 && firstId > last + 1) reset('history_expired');
      else {
        for (;;) {
          const page = await k.store.events.after(stream, last, 500);
          page.forEach(deliver);
          if (page.length < 500) break;
        }
      }
      live = true;
      buffered.forEach(deliver);
      buffered.length = 0;
      return {
        unsubscribe: () => {
          closed = true;
          unsubscribe();
        },
      };
    },

    /**
     * Everything a citizen did across channels, linked by the verified identity the host passed with each call
     * (and, for appeals and callbacks opened from a chat, by the chat's id).
     */
    history: ready(async (subjectId: string): Promise<CitizenHistory> => {
      const chats = await k.store.chats.listBySubject(subjectId);
      const own = await k.store.complaints.list({ subjectId }, { limit: 1000 });
      const fromChats = await Promise.all(
        chats.map((c) => k.store.complaints.list({ chatSessionId: c.id }, { limit: 1000 })),
      );
      const complaintsById = new Map([...own.items, ...fromChats.flatMap((p) => p.items)].map((c) => [c.id, c]));
      const callbacksById = new Map((await k.store.callbacks.listBySubject(subjectId)).map((c) => [c.id, c]));
      const chatIds = new Set(chats.map((c) => c.id));
      for (const c of await k.store.callbacks.listByStatus([
        'requested',
        'scheduled',
        'in_progress',
        'completed',
        'missed',
        'cancelled',
      ])) {
        if (c.chatSessionId && chatIds.has(c.chatSessionId)) callbacksById.set(c.id, c);
      }
      return {
        subjectId,
        complaints: [...complaintsById.values()].sort((a, b) => (a.registeredAt < b.registeredAt ? -1 : 1)),
        chats,
        callbacks: [...callbacksById.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)),
        ratings: await k.store.ratings.listBySubject(subjectId),
      };
    }),

    /** Marks an operator online or offline (the host knows when a console connects or signs out). */
    setOperatorOnline: ready(chat.setOperatorOnline.bind(chat)),

    /**
     * Periodic work, to be called by the host every few seconds (the mock: on its fake clock): activates due
     * scheduled outages, warns and then closes inactive chats, assigns queued chats when `autoAssign` is on, and
     * forgets expired idempotency records and stream events.
     */
    tick: ready(async (): Promise<void> => {
      await outages.activateDue();
      await chat.sweepInactive();
      if (k.settings.autoAssign) await k.store.transaction((tx) => chat.autoAssign(tx));
      await k.store.idempotency.purge(k.iso());
      await k.store.events.purge(k.iso(-k.settings.eventTtlSeconds * 1000));
    }),
  };
  return backend;
}

/** The contact center's backend: see {@link createBackend}. */
export type Backend = ReturnType<typeof createBackend>;

/**
 * Every operation of the contract has its method: a new operation in `openapi.yaml` fails the type check here
 * until the backend implements it.
 */
export type BackendOperations = Pick<Backend, OperationId>;
