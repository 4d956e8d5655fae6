// SPDX-License-Identifier: MIT
import { isOpen, nextOpening, normalizeKzPhone } from '@kc/contract';
import type { CallContext } from '../context.js';
import {
  complaintSummary,
  parseLastEventId,
  requireOperator,
  rethrowUnlessProblem,
  type StreamGrant,
} from '../complaints/complaints.js';
import { idempotent } from '../idempotency.js';
import { type Kernel, streams } from '../kernel.js';
import { fail, invalid, ok, type Failure, type Result } from '../result.js';
import { randomToken } from '../security.js';
import type {
  ChatCloseReason,
  ChatMessageRecord,
  ChatSessionRecord,
  OperatorRecord,
  StoreSession,
} from '../store/store.js';
import type {
  Attachment,
  ChatCloseInput,
  ChatMessage,
  ChatMessageInput,
  ChatSession,
  ChatSessionState,
  ChatStarted,
  ChatStartInput,
  ChatTranscript,
  FieldError,
  OperatorChatCloseInput,
  OperatorChatDetail,
  OperatorChatPage,
  OperatorChatSummary,
  OperatorMessageInput,
  ReadInput,
  TransferInput,
  TypingInput,
} from '../wire.js';

/** The queue as it stands: who is waiting in what order, and how fast it moves. */
export interface QueueSnapshot {
  /** Queued session ids, first in line first. */
  order: string[];
  operatorsOnline: number;
  /** Chats the online operators can take now. */
  freeSeats: number;
  /** Chats the online operators can hold at once. */
  capacity: number;
  /** Average handling time of recent chats, seconds. */
  handleSeconds: number;
}

/**
 * The estimated wait for place `position` (1 = next): nothing while a seat is free, else the handling time of the
 * chats ahead spread over every seat. Null when no operator is online (nobody can say).
 */
export function estimateWait(position: number, queue: QueueSnapshot): number | null {
  if (queue.operatorsOnline === 0 || queue.capacity === 0) return null;
  if (position <= queue.freeSeats) return 0;
  return Math.ceil(((position - queue.freeSeats) * queue.handleSeconds) / queue.capacity);
}

const seconds = (from: string, to: string): number =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

function messageState(m: ChatMessageRecord): ChatMessage['state'] {
  return m.readAt ? 'read' : m.deliveredAt ? 'delivered' : 'sent';
}

/** The session id a chat token names (tokens are `ct_<secret>.<session id>`), or null. */
export function sessionOfToken(token: string): string | null {
  const dot = token.lastIndexOf('.');
  return token.startsWith('ct_') && dot > 0 ? token.slice(dot + 1) : null;
}

/** The wire form of a stored message. */
export function chatMessage(m: ChatMessageRecord): ChatMessage {
  const message: ChatMessage = {
    id: m.id,
    clientMessageId: m.clientMessageId,
    author: { kind: m.author.kind, displayName: m.author.displayName },
    text: m.text,
    attachments: m.attachments,
    quickReplies: m.quickReplies,
    sentAt: m.createdAt,
    state: messageState(m),
    seq: m.seq,
  };
  if (m.quickReplyId !== null) message.quickReplyId = m.quickReplyId;
  return message;
}

/** Chat: the citizen's session and the operator's side, the queue, receipts and inactivity. */
export class Chat {
  constructor(private readonly k: Kernel) {}

  // ------------------------------------------------------------------ queue

  /** The queue now. */
  async queue(tx: StoreSession = this.k.store): Promise<QueueSnapshot> {
    const [queued, active, operators, recent] = await Promise.all([
      tx.chats.listByStatus('queued'),
      tx.chats.listByStatus('active'),
      tx.operators.list(),
      tx.chats.listClosedSince(this.k.iso(-7 * 86_400_000), this.k.settings.handleTimeSample * 3),
    ]);
    const online = operators.filter((o) => o.online);
    const capacity = online.reduce((n, o) => n + o.maxChats, 0);
    const busy = active.filter((c) => c.operatorId !== null && online.some((o) => o.id === c.operatorId)).length;
    const handled = recent
      .filter((c) => c.assignedAt !== null && c.closedAt !== null)
      .slice(0, this.k.settings.handleTimeSample)
      .map((c) => seconds(c.assignedAt!, c.closedAt!));
    const handleSeconds =
      handled.length > 0
        ? Math.round(handled.reduce((a, b) => a + b, 0) / handled.length)
        : this.k.settings.defaultChatHandleSeconds;
    return {
      order: queued.map((c) => c.id),
      operatorsOnline: online.length,
      freeSeats: Math.max(0, capacity - busy),
      capacity,
      handleSeconds,
    };
  }

  private session(
    record: ChatSessionRecord,
    queue: QueueSnapshot | null,
    operator: OperatorRecord | null,
  ): ChatSession {
    const index = queue ? queue.order.indexOf(record.id) : -1;
    const position = record.status === 'queued' && index >= 0 ? index + 1 : null;
    return {
      id: record.id,
      status: record.status,
      position,
      estimatedWaitSeconds: position !== null && queue ? estimateWait(position, queue) : null,
      operator: operator ? { displayName: operator.displayName } : null,
      topic: record.topic,
      language: record.language,
      createdAt: record.createdAt,
      acceptedAt: record.firstAssignedAt,
      closedAt: record.closedAt,
      closeReason: record.closeReason,
      inactivity: this.inactivity(record),
    };
  }

  /**
   * The inactivity warning pending on an active chat: given by {@link sweepInactive} and not yet answered by the
   * citizen, it closes the chat `inactivityCloseSeconds` after it was given (the time the warning announced).
   */
  private inactivity(record: ChatSessionRecord): ChatSession['inactivity'] {
    if (record.status !== 'active' || record.inactivityWarnedAt === null) return null;
    const closesAt = Date.parse(record.inactivityWarnedAt) + this.k.config.thresholds.inactivityCloseSeconds * 1000;
    return { closesAt: new Date(closesAt).toISOString(), message: this.k.settings.inactivityWarning };
  }

  private async sessionView(tx: StoreSession, record: ChatSessionRecord): Promise<ChatSession> {
    const queue = record.status === 'queued' ? await this.queue(tx) : null;
    const operator = record.operatorId ? await tx.operators.get(record.operatorId) : null;
    return this.session(record, queue, operator);
  }

  /** Tells every queued citizen their new place and wait. */
  private async announceQueue(tx: StoreSession): Promise<void> {
    const queue = await this.queue(tx);
    const at = this.k.iso();
    for (const [i, id] of queue.order.entries()) {
      await this.k.emit(tx, streams.chat(id), 'queue.updated', {
        position: i + 1,
        estimatedWaitSeconds: estimateWait(i + 1, queue),
        operatorsOnline: queue.operatorsOnline,
        at,
      });
    }
  }

  private async summary(tx: StoreSession, record: ChatSessionRecord): Promise<OperatorChatSummary> {
    const messages = await tx.messages.list(record.id);
    const operator = record.operatorId ? await tx.operators.get(record.operatorId) : null;
    return {
      id: record.id,
      status: record.status,
      topic: record.topic,
      language: record.language,
      createdAt: record.createdAt,
      waitingSeconds: seconds(record.createdAt, record.firstAssignedAt ?? record.closedAt ?? this.k.iso()),
      assignee: operator ? { id: operator.id, displayName: operator.displayName } : null,
      unread: messages.filter((m) => m.author.kind === 'citizen' && m.readAt === null).length,
      lastMessageAt: messages.at(-1)?.createdAt ?? null,
      citizenName: record.citizenName,
    };
  }

  // ------------------------------------------------------------------ access

  private async authorized(sessionId: string, ctx: CallContext): Promise<ChatSessionRecord | Failure> {
    if (!ctx.chatToken) return fail(401, 'unauthorized', { detail: 'Send X-Kc-Chat-Token from startChatSession.' });
    const record = await this.k.store.chats.get(sessionId);
    if (!record) return fail(404, 'not_found');
    if (sessionOfToken(ctx.chatToken) !== sessionId || !(await this.k.hasher.verify(ctx.chatToken, record.tokenHash))) {
      return fail(403, 'forbidden');
    }
    if (
      record.closedAt &&
      Date.parse(record.closedAt) + this.k.settings.closedTokenTtlSeconds * 1000 <= this.k.now().getTime()
    ) {
      return fail(401, 'token_expired');
    }
    return record;
  }

  /** Whether `ctx` holds the token of chat `sessionId` (for linking a callback or appeal to it). */
  async holdsToken(sessionId: string, ctx: CallContext): Promise<boolean> {
    const record = await this.authorized(sessionId, ctx);
    return !('ok' in record);
  }

  private checkAttachments = async (
    tx: StoreSession,
    sessionId: string,
    ids: readonly string[] | undefined,
    ctx: CallContext,
    errors: FieldError[],
  ): Promise<Attachment[]> => {
    const found: Attachment[] = [];
    for (const [i, id] of (ids ?? []).entries()) {
      const record = await tx.attachments.get(id);
      const usable =
        record !== null &&
        record.linkedTo === null &&
        (record.uploadedBy === null || ctx.clientId === undefined || record.uploadedBy === ctx.clientId);
      if (!record || !usable) {
        errors.push({ field: `/attachmentIds/${String(i)}`, code: 'unknown_attachment', message: 'No such upload.' });
        continue;
      }
      const { storageKey: _k, linkedTo: _l, uploadedBy: _u, ...attachment } = record;
      found.push(attachment);
      await tx.attachments.update({ ...record, linkedTo: { kind: 'message', id: sessionId } });
    }
    return found;
  };

  private textErrors(text: string, errors: FieldError[]): void {
    const max = this.k.config.chat?.maxMessageLength ?? 2000;
    if (text.trim() === '') errors.push({ field: '/text', code: 'required', message: 'Required.' });
    if (text.length > max)
      errors.push({ field: '/text', code: 'maxLength', message: `At most ${String(max)} characters.` });
  }

  private async append(
    tx: StoreSession,
    session: ChatSessionRecord,
    message: Omit<ChatMessageRecord, 'id' | 'sessionId' | 'seq' | 'createdAt'>,
  ): Promise<ChatMessageRecord> {
    session.lastSeq += 1;
    const record: ChatMessageRecord = {
      id: this.k.random.uuid(),
      sessionId: session.id,
      seq: session.lastSeq,
      createdAt: this.k.iso(),
      ...message,
    };
    await tx.messages.insert(record);
    await tx.chats.update(session);
    const wire = chatMessage(record);
    await this.k.emit(tx, streams.chat(session.id), 'message.created', wire);
    await this.k.emit(tx, streams.operator, 'chat.message', { sessionId: session.id, message: wire });
    return record;
  }

  // ------------------------------------------------------------------ citizen

  /**
   * `startChatSession`: queues a new chat (refused while the center is closed or the chat is interrupted) and
   * answers the session token once.
   */
  async startChatSession(input: { body: ChatStartInput; ctx?: CallContext }): Promise<Result<ChatStarted>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'startChatSession', input.body, true, async () => {
      const limited = await this.k.limitWrites(ctx);
      if (limited) return limited;
      const body = input.body;
      const outageIds = await this.k.activeOutages('chat');
      if (outageIds.length > 0) return fail(503, 'outage', { outageIds });
      const now = this.k.now();
      const schedule = this.k.config.schedule;
      if (!isOpen(schedule, now)) {
        const next = nextOpening(schedule, now);
        return fail(503, 'center_closed', next ? { nextOpeningAt: next.toISOString() } : {});
      }
      const errors: FieldError[] = [];
      if (body.consent.given !== true)
        errors.push({ field: '/consent/given', code: 'consent_required', message: 'Consent is required.' });
      if (body.consent.version !== this.k.config.privacy.version) {
        errors.push({
          field: '/consent/version',
          code: 'consent_version',
          message: 'Consent to the current notice is required.',
        });
      }
      if (body.topic !== undefined && !this.k.config.appeals.categories.some((c) => c.id === body.topic)) {
        errors.push({ field: '/topic', code: 'unknown_category', message: 'No such category.' });
      }
      const phone = body.phone === undefined ? null : normalizeKzPhone(body.phone);
      if (body.phone !== undefined && phone === null) {
        errors.push({ field: '/phone', code: 'phone', message: 'Must be a Kazakhstan number.' });
      }
      if (body.firstMessage) this.textErrors(body.firstMessage.text, errors);
      if (errors.length > 0) return invalid(errors);

      const id = this.k.random.uuid();
      // The session id rides in the token so that a call carrying only the token (getQueueStatus) finds it.
      const token = `${randomToken(this.k.random, 'ct_')}.${id}`;
      const at = now.toISOString();
      const record: ChatSessionRecord = {
        id,
        tokenHash: await this.k.hasher.hash(token, this.k.random),
        status: 'queued',
        language: body.language,
        topic: body.topic ?? null,
        citizenName: body.name ?? ctx.identity?.name ?? null,
        citizenPhone: phone ?? ctx.identity?.phone ?? null,
        subjectId: ctx.identity?.subjectId ?? null,
        kbArticleIds: body.kbArticleIds ?? [],
        consent: { given: true, version: body.consent.version, at },
        createdAt: at,
        queuedAt: at,
        queueSeq: 0,
        firstAssignedAt: null,
        assignedAt: null,
        operatorId: null,
        operatorIds: [],
        closedAt: null,
        closeReason: null,
        lastCitizenActivityAt: at,
        inactivityWarnedAt: null,
        lastSeq: 0,
        resolved: null,
        citizenResolved: null,
      };
      return this.k.store
        .transaction(async (tx) => {
          record.queueSeq = await tx.sequences.next('chat-queue');
          await tx.chats.insert(record);
          if (body.firstMessage) {
            await this.append(tx, record, {
              clientMessageId: body.firstMessage.clientMessageId,
              author: { kind: 'citizen', displayName: null, operatorId: null },
              text: body.firstMessage.text,
              attachments: [],
              quickReplies: [],
              quickReplyId: body.firstMessage.quickReplyId ?? null,
              deliveredAt: null,
              readAt: null,
            });
          }
          await this.k.emit(tx, streams.operator, 'chat.queued', await this.summary(tx, record));
          await this.announceQueue(tx);
          if (this.k.settings.autoAssign) await this.autoAssign(tx);
          const current = (await tx.chats.get(record.id))!;
          return ok<ChatStarted>(201, {
            session: await this.sessionView(tx, current),
            sessionToken: token,
            lastEventId: String(await tx.events.lastId(streams.chat(record.id))),
          });
        })
        .catch(rethrowUnlessProblem);
    });
  }

  /** Marks the other side's messages delivered once the citizen's client has fetched them. */
  private async deliverToCitizen(tx: StoreSession, session: ChatSessionRecord): Promise<void> {
    const at = this.k.iso();
    const ids: string[] = [];
    for (const m of await tx.messages.list(session.id)) {
      if (m.author.kind !== 'citizen' && m.deliveredAt === null) {
        await tx.messages.update({ ...m, deliveredAt: at });
        ids.push(m.id);
      }
    }
    if (ids.length > 0) {
      await this.k.emit(tx, streams.chat(session.id), 'message.state', { messageIds: ids, state: 'delivered', at });
      await this.k.emit(tx, streams.operator, 'chat.read', {
        sessionId: session.id,
        messageIds: ids,
        state: 'delivered',
        at,
      });
    }
  }

  /** `getChatSession`: the session, its messages, and the event id to watch from. */
  async getChatSession(input: { params: { sessionId: string }; ctx?: CallContext }): Promise<Result<ChatSessionState>> {
    const found = await this.authorized(input.params.sessionId, input.ctx ?? {});
    if ('ok' in found) return found;
    return this.k.store.transaction(async (tx) => {
      const record = (await tx.chats.get(found.id))!;
      await this.deliverToCitizen(tx, record);
      return ok(200, {
        session: await this.sessionView(tx, record),
        messages: (await tx.messages.list(record.id)).map(chatMessage),
        lastEventId: String(await tx.events.lastId(streams.chat(record.id))),
      });
    });
  }

  /** `watchChatSession`: checks the chat token; the host then subscribes to the returned stream. */
  async watchChatSession(input: {
    params: { sessionId: string };
    lastEventId?: string;
    ctx?: CallContext;
  }): Promise<Result<StreamGrant>> {
    const afterId = parseLastEventId(input.lastEventId);
    if (typeof afterId !== 'number') return afterId;
    const found = await this.authorized(input.params.sessionId, input.ctx ?? {});
    if ('ok' in found) return found;
    return ok(200, { stream: streams.chat(found.id), afterId });
  }

  /**
   * `sendChatMessage`: a citizen message. A second message with the same `clientMessageId` answers `200` with the
   * first one and stores nothing.
   */
  async sendChatMessage(input: {
    params: { sessionId: string };
    body: ChatMessageInput;
    ctx?: CallContext;
  }): Promise<Result<ChatMessage>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'sendChatMessage', input, true, async () => {
      const found = await this.authorized(input.params.sessionId, ctx);
      if ('ok' in found) return found;
      return this.k.store
        .transaction(async (tx): Promise<Result<ChatMessage>> => {
          const session = (await tx.chats.get(found.id))!;
          const existing = await tx.messages.getByClientId(session.id, input.body.clientMessageId);
          if (existing) return ok(200, chatMessage(existing));
          if (session.status === 'closed') return fail(409, 'session_closed');
          const errors: FieldError[] = [];
          this.textErrors(input.body.text, errors);
          if ((input.body.attachmentIds?.length ?? 0) > 5) {
            errors.push({ field: '/attachmentIds', code: 'too_many_attachments', message: 'At most 5 files.' });
          }
          if (errors.length > 0) return invalid(errors);
          const attachments = await this.checkAttachments(tx, session.id, input.body.attachmentIds, ctx, errors);
          if (errors.length > 0) return invalid(errors);
          const now = this.k.iso();
          session.lastCitizenActivityAt = now;
          session.inactivityWarnedAt = null;
          const message = await this.append(tx, session, {
            clientMessageId: input.body.clientMessageId,
            author: { kind: 'citizen', displayName: null, operatorId: null },
            text: input.body.text,
            attachments,
            quickReplies: [],
            quickReplyId: input.body.quickReplyId ?? null,
            // An operator holding the chat has it on their screen through the operator stream.
            deliveredAt: session.status === 'active' ? now : null,
            readAt: null,
          });
          return ok(201, chatMessage(message));
        })
        .catch(rethrowUnlessProblem);
    });
  }

  /** `setChatTyping`: the citizen is typing (or stopped); the operator sees it. */
  async setChatTyping(input: {
    params: { sessionId: string };
    body: TypingInput;
    ctx?: CallContext;
  }): Promise<Result<undefined>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'setChatTyping', input, true, async () => {
      const found = await this.authorized(input.params.sessionId, ctx);
      if ('ok' in found) return found;
      if (found.status === 'closed') return fail(409, 'session_closed');
      await this.k.emit(this.k.store, streams.operator, 'chat.typing', {
        sessionId: found.id,
        typing: input.body.typing,
        at: this.k.iso(),
      });
      return ok(204, undefined);
    });
  }

  /** `markChatRead`: the citizen has read the other side's messages up to `upToMessageId`. */
  async markChatRead(input: {
    params: { sessionId: string };
    body: ReadInput;
    ctx?: CallContext;
  }): Promise<Result<undefined>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'markChatRead', input, true, async () => {
      const found = await this.authorized(input.params.sessionId, ctx);
      if ('ok' in found) return found;
      return this.markRead(found.id, input.body.upToMessageId, true);
    });
  }

  private async markRead(sessionId: string, upToMessageId: string, byCitizen: boolean): Promise<Result<undefined>> {
    const ofOtherSide = (m: ChatMessageRecord): boolean => (m.author.kind === 'citizen') !== byCitizen;
    return this.k.store.transaction(async (tx) => {
      const messages = await tx.messages.list(sessionId);
      const upTo = messages.find((m) => m.id === upToMessageId);
      if (!upTo) {
        // The citizen's operation declares 422 for this; the operator's declares 404.
        return byCitizen
          ? invalid([{ field: '/upToMessageId', code: 'unknown_message', message: 'No such message in this chat.' }])
          : fail(404, 'not_found', { detail: 'No such message in this chat.' });
      }
      const at = this.k.iso();
      const ids: string[] = [];
      for (const m of messages) {
        if (m.seq <= upTo.seq && ofOtherSide(m) && m.readAt === null) {
          await tx.messages.update({ ...m, deliveredAt: m.deliveredAt ?? at, readAt: at });
          ids.push(m.id);
        }
      }
      if (ids.length > 0) {
        await this.k.emit(tx, streams.chat(sessionId), 'message.state', { messageIds: ids, state: 'read', at });
        if (byCitizen) {
          await this.k.emit(tx, streams.operator, 'chat.read', { sessionId, messageIds: ids, state: 'read', at });
        } else {
          const session = (await tx.chats.get(sessionId))!;
          await this.k.emit(tx, streams.operator, 'chat.updated', await this.summary(tx, session));
        }
      }
      return ok(204, undefined);
    });
  }

  /** Closes a session and tells both sides. */
  private async close(tx: StoreSession, session: ChatSessionRecord, reason: ChatCloseReason): Promise<void> {
    const at = this.k.iso();
    const wasQueued = session.status === 'queued';
    session.status = 'closed';
    session.closedAt = at;
    session.closeReason = reason;
    await tx.chats.update(session);
    await this.k.emit(tx, streams.chat(session.id), 'session.closed', {
      reason,
      closedAt: at,
      ratingInvited: session.firstAssignedAt !== null,
    });
    await this.k.emit(tx, streams.operator, 'chat.closed', { sessionId: session.id, reason, closedAt: at });
    if (wasQueued) await this.announceQueue(tx);
    else if (this.k.settings.autoAssign) await this.autoAssign(tx);
  }

  /** `closeChatSession`: the citizen ends the chat (closing a closed chat answers it unchanged). */
  async closeChatSession(input: {
    params: { sessionId: string };
    body?: ChatCloseInput;
    ctx?: CallContext;
  }): Promise<Result<ChatSession>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'closeChatSession', input, true, async () => {
      const found = await this.authorized(input.params.sessionId, ctx);
      if ('ok' in found) return found;
      return this.k.store.transaction(async (tx) => {
        const session = (await tx.chats.get(found.id))!;
        if (session.status !== 'closed') {
          if (input.body?.resolved !== undefined) session.citizenResolved = input.body.resolved;
          await this.close(tx, session, 'citizen_closed');
        }
        return ok(200, await this.sessionView(tx, session));
      });
    });
  }

  /** `getChatTranscript`: the whole conversation (kept 24 hours after closing for the citizen). */
  async getChatTranscript(input: {
    params: { sessionId: string };
    ctx?: CallContext;
  }): Promise<Result<ChatTranscript>> {
    const found = await this.authorized(input.params.sessionId, input.ctx ?? {});
    if ('ok' in found) return found;
    return ok(200, {
      session: await this.sessionView(this.k.store, found),
      messages: (await this.k.store.messages.list(found.id)).map(chatMessage),
      generatedAt: this.k.iso(),
    });
  }

  // ------------------------------------------------------------------ operator

  /** `listOperatorChats`: chats by status, longest waiting first; `mine` for the caller's own. */
  async listOperatorChats(input: {
    query?: { status?: ChatSession['status']; mine?: boolean; cursor?: string; limit?: number };
    ctx?: CallContext;
  }): Promise<Result<OperatorChatPage>> {
    const denied = requireOperator(input.ctx);
    if (denied) return denied;
    const q = input.query ?? {};
    const statuses: ChatSession['status'][] = q.status ? [q.status] : ['queued', 'active'];
    let rows = (await Promise.all(statuses.map((s) => this.k.store.chats.listByStatus(s)))).flat();
    if (q.mine) rows = rows.filter((c) => c.operatorId === input.ctx?.operator?.id);
    rows.sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.queueSeq - b.queueSeq));
    const offset = Number.parseInt(q.cursor ?? '0', 10) || 0;
    const limit = q.limit ?? 20;
    const items = await Promise.all(rows.slice(offset, offset + limit).map((r) => this.summary(this.k.store, r)));
    return ok(200, { items, nextCursor: offset + limit < rows.length ? String(offset + limit) : null });
  }

  /** `getOperatorChat`: a chat with its messages and the citizen's history across channels. */
  async getOperatorChat(input: {
    params: { sessionId: string };
    ctx?: CallContext;
  }): Promise<Result<OperatorChatDetail>> {
    const denied = requireOperator(input.ctx);
    if (denied) return denied;
    const record = await this.k.store.chats.get(input.params.sessionId);
    if (!record) return fail(404, 'not_found');
    const linked = await this.k.store.complaints.list({ chatSessionId: record.id }, { limit: 100 });
    const own = record.subjectId
      ? await this.k.store.complaints.list({ subjectId: record.subjectId }, { limit: 100 })
      : { items: [] };
    const now = this.k.iso();
    const complaints = [
      ...new Map([...linked.items, ...own.items].map((c) => [c.id, complaintSummary(c, now)])).values(),
    ];
    return ok(200, {
      chat: await this.summary(this.k.store, record),
      messages: (await this.k.store.messages.list(record.id)).map(chatMessage),
      citizen: { name: record.citizenName, phone: record.citizenPhone, complaints },
    });
  }

  private async assign(tx: StoreSession, session: ChatSessionRecord, operator: OperatorRecord): Promise<void> {
    const at = this.k.iso();
    session.status = 'active';
    session.firstAssignedAt ??= at;
    session.assignedAt = at;
    session.operatorId = operator.id;
    if (!session.operatorIds.includes(operator.id)) session.operatorIds.push(operator.id);
    // A new operator starts the silence count afresh: a warning given before a transfer or a return to the queue no
    // longer stands (the citizen was waiting for us, and would be closed on an old warning).
    session.lastCitizenActivityAt = at;
    session.inactivityWarnedAt = null;
    await tx.chats.update(session);
    await this.k.emit(tx, streams.chat(session.id), 'operator.joined', {
      operator: { displayName: operator.displayName },
      at,
    });
    const ids: string[] = [];
    for (const m of await tx.messages.list(session.id)) {
      if (m.author.kind === 'citizen' && m.deliveredAt === null) {
        await tx.messages.update({ ...m, deliveredAt: at });
        ids.push(m.id);
      }
    }
    if (ids.length > 0)
      await this.k.emit(tx, streams.chat(session.id), 'message.state', { messageIds: ids, state: 'delivered', at });
    await this.k.emit(tx, streams.operator, 'chat.updated', await this.summary(tx, session));
    await this.announceQueue(tx);
  }

  /** Gives queued chats to online operators with a free seat, first come first served. */
  async autoAssign(tx: StoreSession): Promise<void> {
    const queued = await tx.chats.listByStatus('queued');
    if (queued.length === 0) return;
    const active = await tx.chats.listByStatus('active');
    const operators = (await tx.operators.list()).filter((o) => o.online);
    for (const session of queued) {
      const load = (o: OperatorRecord): number => active.filter((c) => c.operatorId === o.id).length;
      const free = operators.filter((o) => load(o) < o.maxChats).sort((a, b) => load(a) - load(b))[0];
      if (!free) return;
      await this.assign(tx, session, free);
      active.push(session);
    }
  }

  private async operatorOf(ctx: CallContext | undefined): Promise<OperatorRecord | Failure> {
    const denied = requireOperator(ctx);
    if (denied) return denied;
    const operator = await this.k.store.operators.get(ctx!.operator!.id);
    return operator ?? fail(403, 'forbidden', { detail: 'Unknown operator.' });
  }

  /** The session an operator may act on: theirs (a supervisor: any), not closed. */
  private async held(tx: StoreSession, sessionId: string, ctx: CallContext): Promise<ChatSessionRecord | Failure> {
    const session = await tx.chats.get(sessionId);
    if (!session) return fail(404, 'not_found');
    if (session.status === 'closed') return fail(409, 'session_closed');
    if (session.operatorId !== ctx.operator?.id && ctx.operator?.role !== 'supervisor') {
      return fail(403, 'forbidden', { detail: 'Join the chat first.' });
    }
    return session;
  }

  /** `joinOperatorChat`: the operator takes a queued chat (`409 conflict` when someone else was first). */
  async joinOperatorChat(input: {
    params: { sessionId: string };
    ctx?: CallContext;
  }): Promise<Result<OperatorChatSummary>> {
    const ctx = input.ctx ?? {};
    const operator = await this.operatorOf(ctx);
    if ('ok' in operator) return operator;
    return idempotent(this.k, ctx, 'joinOperatorChat', input.params, false, () =>
      this.k.store.transaction(async (tx) => {
        const session = await tx.chats.get(input.params.sessionId);
        if (!session) return fail(404, 'not_found');
        if (session.operatorId === operator.id && session.status === 'active')
          return ok(200, await this.summary(tx, session));
        if (session.status !== 'queued') {
          return fail(409, session.status === 'closed' ? 'session_closed' : 'conflict', {
            detail: 'Another operator has it.',
          });
        }
        await this.assign(tx, session, operator);
        return ok(200, await this.summary(tx, session));
      }),
    );
  }

  /** `sendOperatorMessage`: the operator writes to the citizen. */
  async sendOperatorMessage(input: {
    params: { sessionId: string };
    body: OperatorMessageInput;
    ctx?: CallContext;
  }): Promise<Result<ChatMessage>> {
    const ctx = input.ctx ?? {};
    const operator = await this.operatorOf(ctx);
    if ('ok' in operator) return operator;
    return idempotent(this.k, ctx, 'sendOperatorMessage', input, false, () =>
      this.k.store
        .transaction(async (tx): Promise<Result<ChatMessage>> => {
          const session = await this.held(tx, input.params.sessionId, ctx);
          if ('ok' in session) return session;
          const errors: FieldError[] = [];
          this.textErrors(input.body.text, errors);
          const attachments = errors.length
            ? []
            : await this.checkAttachments(tx, session.id, input.body.attachmentIds, {}, errors);
          if (errors.length > 0) return invalid(errors);
          const message = await this.append(tx, session, {
            clientMessageId: null,
            author: { kind: 'operator', displayName: operator.displayName, operatorId: operator.id },
            text: input.body.text,
            attachments,
            quickReplies: input.body.quickReplies ?? [],
            quickReplyId: null,
            deliveredAt: null,
            readAt: null,
          });
          return ok(201, chatMessage(message));
        })
        .catch(rethrowUnlessProblem),
    );
  }

  /** `setOperatorTyping`: the citizen sees the operator typing. */
  async setOperatorTyping(input: {
    params: { sessionId: string };
    body: TypingInput;
    ctx?: CallContext;
  }): Promise<Result<undefined>> {
    const ctx = input.ctx ?? {};
    const operator = await this.operatorOf(ctx);
    if ('ok' in operator) return operator;
    const session = await this.held(this.k.store, input.params.sessionId, ctx);
    if ('ok' in session) return session;
    await this.k.emit(this.k.store, streams.chat(session.id), 'typing', {
      author: { kind: 'operator', displayName: operator.displayName },
      typing: input.body.typing,
      at: this.k.iso(),
    });
    return ok(204, undefined);
  }

  /** `markOperatorChatRead`: the operator has read the citizen's messages up to `upToMessageId`. */
  async markOperatorChatRead(input: {
    params: { sessionId: string };
    body: ReadInput;
    ctx?: CallContext;
  }): Promise<Result<undefined>> {
    const ctx = input.ctx ?? {};
    const operator = await this.operatorOf(ctx);
    if ('ok' in operator) return operator;
    const session = await this.held(this.k.store, input.params.sessionId, ctx);
    if ('ok' in session) return session;
    return this.markRead(session.id, input.body.upToMessageId, false);
  }

  /** `transferOperatorChat`: to another online operator, or back to the queue (keeping its place) for a topic. */
  async transferOperatorChat(input: {
    params: { sessionId: string };
    body: TransferInput;
    ctx?: CallContext;
  }): Promise<Result<OperatorChatSummary>> {
    const ctx = input.ctx ?? {};
    const operator = await this.operatorOf(ctx);
    if ('ok' in operator) return operator;
    return idempotent(this.k, ctx, 'transferOperatorChat', input, false, () =>
      this.k.store.transaction(async (tx) => {
        const session = await this.held(tx, input.params.sessionId, ctx);
        if ('ok' in session) return session;
        const body = input.body;
        const errors: FieldError[] = [];
        const target = body.toOperatorId ? await tx.operators.get(body.toOperatorId) : null;
        if (body.toOperatorId && (!target || !target.online)) {
          errors.push({
            field: '/toOperatorId',
            code: 'operator_unavailable',
            message: 'That operator is not online.',
          });
        }
        if (body.toTopic !== undefined && !this.k.config.appeals.categories.some((c) => c.id === body.toTopic)) {
          errors.push({ field: '/toTopic', code: 'unknown_category', message: 'No such category.' });
        }
        if (!body.toOperatorId && body.toTopic === undefined) {
          errors.push({ field: '/toTopic', code: 'required', message: 'Name an operator or a topic.' });
        }
        if (errors.length > 0) return invalid(errors);
        const from = session.operatorId ? await tx.operators.get(session.operatorId) : null;
        if (body.toTopic !== undefined) session.topic = body.toTopic;
        const at = this.k.iso();
        await this.k.emit(tx, streams.chat(session.id), 'transferred', {
          from: from ? { displayName: from.displayName } : null,
          to: target ? { displayName: target.displayName } : null,
          topic: session.topic,
          at,
        });
        if (target) {
          await this.assign(tx, session, target);
        } else {
          session.status = 'queued';
          session.operatorId = null;
          session.assignedAt = null;
          await tx.chats.update(session);
          await this.k.emit(tx, streams.operator, 'chat.queued', await this.summary(tx, session));
          await this.announceQueue(tx);
        }
        return ok(200, await this.summary(tx, session));
      }),
    );
  }

  /** `closeOperatorChat`: ends a chat the citizen has left; records whether it was solved (FCR). */
  async closeOperatorChat(input: {
    params: { sessionId: string };
    body?: OperatorChatCloseInput;
    ctx?: CallContext;
  }): Promise<Result<OperatorChatSummary>> {
    const ctx = input.ctx ?? {};
    const operator = await this.operatorOf(ctx);
    if ('ok' in operator) return operator;
    return idempotent(this.k, ctx, 'closeOperatorChat', input, false, () =>
      this.k.store.transaction(async (tx) => {
        const existing = await tx.chats.get(input.params.sessionId);
        if (existing?.status === 'closed') return ok(200, await this.summary(tx, existing));
        const session = await this.held(tx, input.params.sessionId, ctx);
        if ('ok' in session) return session;
        if (input.body?.resolved !== undefined) session.resolved = input.body.resolved;
        await this.close(tx, session, 'operator_closed');
        return ok(200, await this.summary(tx, session));
      }),
    );
  }

  /** Marks an operator online or offline (presence comes from the host: console connected, signed out). */
  async setOperatorOnline(operatorId: string, online: boolean): Promise<void> {
    await this.k.store.transaction(async (tx) => {
      const operator = await tx.operators.get(operatorId);
      if (!operator) return;
      await tx.operators.upsert({ ...operator, online, lastSeenAt: this.k.iso() });
      if (online && this.k.settings.autoAssign) await this.autoAssign(tx);
      await this.announceQueue(tx);
    });
  }

  // ------------------------------------------------------------------ maintenance

  /**
   * Warns chats whose citizen has been silent for `thresholds.inactivityWarningSeconds` (a system message and an
   * `inactivity.warning` event), and closes those still silent `inactivityCloseSeconds` after the warning. Never
   * closes without a warning first, and never closes a queued chat (the citizen is waiting for us).
   */
  async sweepInactive(): Promise<void> {
    const { inactivityWarningSeconds, inactivityCloseSeconds } = this.k.config.thresholds;
    const now = this.k.now().getTime();
    await this.k.store.transaction(async (tx) => {
      for (const session of await tx.chats.listByStatus('active')) {
        const silentFor = (now - Date.parse(session.lastCitizenActivityAt)) / 1000;
        if (session.inactivityWarnedAt === null) {
          if (silentFor < inactivityWarningSeconds) continue;
          session.inactivityWarnedAt = new Date(now).toISOString();
          await this.append(tx, session, {
            clientMessageId: null,
            author: { kind: 'system', displayName: null, operatorId: null },
            text: this.k.settings.inactivityWarning,
            attachments: [],
            quickReplies: [],
            quickReplyId: null,
            deliveredAt: null,
            readAt: null,
          });
          // The same warning `getChatSession` tells in `session.inactivity` until the citizen writes.
          await this.k.emit(tx, streams.chat(session.id), 'inactivity.warning', this.inactivity(session)!);
        } else if ((now - Date.parse(session.inactivityWarnedAt)) / 1000 >= inactivityCloseSeconds) {
          await this.close(tx, session, 'inactivity');
        }
      }
    });
  }
}
