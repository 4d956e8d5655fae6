// SPDX-License-Identifier: MIT
import {
  addLocalDays,
  isOpen,
  localDate,
  nextOpening,
  normalizeKzPhone,
  openIntervals,
  zonedToInstant,
} from '@kc/contract';
import type { Chat } from './chat/chat.js';
import { requireOperator, rethrowUnlessProblem } from './complaints/complaints.js';
import type { CallContext } from './context.js';
import { idempotent } from './idempotency.js';
import { type Kernel, streams } from './kernel.js';
import { fail, invalid, ok, type Failure, type Result } from './result.js';
import { randomToken } from './security.js';
import type { CallbackRecord, StoreSession } from './store/store.js';
import type {
  Callback,
  CallbackCompleteInput,
  CallbackCreated,
  CallbackInput,
  CallbackReschedule,
  CallbackSlot,
  CallbackSlots,
  CallbackStatus,
  CallbackWhen,
  FieldError,
  OperatorCallback,
  OperatorCallbackPage,
} from './wire.js';

const PENDING: CallbackStatus[] = ['requested', 'scheduled', 'in_progress'];
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length === 11 ? `+7 ${d.slice(1, 4)} *** ** ${d.slice(9)}` : '***';
}

/**
 * The slot grid: every working interval of the schedule cut into `slotMinutes` pieces from its opening, whole
 * pieces only, so a slot never reaches outside working hours (clause 13.5). Holidays and days off have no interval.
 */
export function slotGrid(
  schedule: Parameters<typeof openIntervals>[0],
  from: Date,
  to: Date,
  slotMinutes: number,
): { start: Date; end: Date }[] {
  const step = slotMinutes * 60_000;
  const slots: { start: Date; end: Date }[] = [];
  for (const interval of openIntervals(schedule, from, to)) {
    // openIntervals clips to [from, to): re-align to the interval's own opening so slots stay on the grid.
    for (let t = interval.start.getTime(); t + step <= interval.end.getTime(); t += step) {
      slots.push({ start: new Date(t), end: new Date(t + step) });
    }
  }
  return slots;
}

/** Callback requests (clauses 13.1–13.5): slots inside working hours with capacity, or as soon as possible. */
export class Callbacks {
  constructor(
    private readonly k: Kernel,
    private readonly chat: Chat,
  ) {}

  private get settings() {
    return this.k.config.callbacks;
  }

  /** The bookable slots between two instants (grid from the start of the first local day). */
  private grid(fromDate: string, toDate: string): { start: Date; end: Date }[] {
    const tz = this.k.config.schedule.timeZone;
    const from = zonedToInstant(fromDate, '00:00', tz);
    const to = zonedToInstant(addLocalDays(toDate, 1), '00:00', tz);
    const now = this.k.now().getTime();
    return slotGrid(this.k.config.schedule, from, to, this.settings.slotMinutes).filter((s) => s.start.getTime() > now);
  }

  private async booked(tx: StoreSession, from: Date, to: Date): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const c of await tx.callbacks.listBySlot(from.toISOString(), to.toISOString())) {
      if (PENDING.includes(c.status) && c.slotStart) counts.set(c.slotStart, (counts.get(c.slotStart) ?? 0) + 1);
    }
    return counts;
  }

  private async asapWait(tx: StoreSession): Promise<number> {
    const pending = (await tx.callbacks.listByStatus(['requested'])).length;
    return Math.ceil(((pending + 1) * 3600) / Math.max(1, this.k.settings.asapCallbacksPerHour));
  }

  private async asapAvailable(tx: StoreSession = this.k.store): Promise<boolean> {
    return (
      this.settings.asapWhileOpen &&
      isOpen(this.k.config.schedule, this.k.now()) &&
      (await this.k.activeOutages('callback', tx)).length === 0
    );
  }

  private wire(record: CallbackRecord, estimatedWait: number | null): Callback {
    const callback: Callback = {
      id: record.id,
      status: record.status,
      phoneMasked: maskPhone(record.phone),
      topic: record.topic,
      language: record.language,
      asap: record.slotStart === null,
      slot:
        record.slotStart && record.slotEnd ? { start: record.slotStart, end: record.slotEnd, available: false } : null,
      estimatedCallAt: PENDING.includes(record.status)
        ? (record.slotStart ??
          (estimatedWait === null ? null : new Date(Date.parse(record.createdAt) + estimatedWait * 1000).toISOString()))
        : null,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
    if (record.categoryId !== null) callback.categoryId = record.categoryId;
    if (record.chatSessionId !== null) callback.chatSessionId = record.chatSessionId;
    return callback;
  }

  private operatorWire(record: CallbackRecord): OperatorCallback {
    const callback: OperatorCallback = {
      id: record.id,
      status: record.status,
      phone: record.phone,
      name: record.name,
      topic: record.topic,
      language: record.language,
      asap: record.slotStart === null,
      slot:
        record.slotStart && record.slotEnd ? { start: record.slotStart, end: record.slotEnd, available: false } : null,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      attempts: record.attempts,
      outcome: record.outcome,
    };
    if (record.categoryId !== null) callback.categoryId = record.categoryId;
    if (record.chatSessionId !== null) callback.chatSessionId = record.chatSessionId;
    return callback;
  }

  /** `getCallbackSlots`: slots of the local dates `from`…`to`, each with whether it still has room. */
  async getCallbackSlots(input: { query: { from: string; to: string } }): Promise<Result<CallbackSlots>> {
    const { from, to } = input.query;
    const errors: FieldError[] = [];
    const tz = this.k.config.schedule.timeZone;
    const today = localDate(this.k.now(), tz);
    if (!LOCAL_DATE.test(from)) errors.push({ field: 'query.from', code: 'format', message: 'Must be YYYY-MM-DD.' });
    if (!LOCAL_DATE.test(to)) errors.push({ field: 'query.to', code: 'format', message: 'Must be YYYY-MM-DD.' });
    if (errors.length > 0) return fail(400, 'validation_failed', { errors });
    if (to < from) errors.push({ field: 'query.to', code: 'range', message: 'Must not be before from.' });
    if (to > addLocalDays(today, this.settings.horizonDays)) {
      errors.push({
        field: 'query.to',
        code: 'horizon',
        message: `At most ${String(this.settings.horizonDays)} days ahead.`,
      });
    }
    if (errors.length > 0) return invalid(errors);
    const start = from < today ? today : from;
    const grid = this.grid(start, to);
    const counts = grid.length
      ? await this.booked(this.k.store, grid[0]!.start, grid.at(-1)!.end)
      : new Map<string, number>();
    const capacity = this.k.settings.callbackSlotCapacity;
    const asap = await this.asapAvailable();
    const slots: CallbackSlot[] = grid.map((s) => ({
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      available: (counts.get(s.start.toISOString()) ?? 0) < capacity,
    }));
    return ok(200, {
      timeZone: tz,
      slotMinutes: this.settings.slotMinutes,
      asap: { available: asap, estimatedWaitSeconds: asap ? await this.asapWait(this.k.store) : null },
      slots,
    });
  }

  /** Checks `when`; the slot on the grid, or a failure (`422`/`409 slot_unavailable`, `503 center_closed`). */
  private async resolveWhen(
    tx: StoreSession,
    when: CallbackWhen,
    ignoreId?: string,
  ): Promise<{ start: Date; end: Date } | null | Failure> {
    if ('asap' in when) {
      if (await this.asapAvailable(tx)) return null;
      const next = nextOpening(this.k.config.schedule, this.k.now());
      return fail(503, 'center_closed', next ? { nextOpeningAt: next.toISOString() } : {});
    }
    const at = new Date(when.slotStart);
    const outside = fail(422, 'slot_unavailable', {
      errors: [
        { field: '/when/slotStart', code: 'outside_working_hours', message: 'Not a slot inside working hours.' },
      ],
    });
    if (Number.isNaN(at.getTime())) return outside;
    const tz = this.k.config.schedule.timeZone;
    const day = localDate(at, tz);
    const today = localDate(this.k.now(), tz);
    if (day > addLocalDays(today, this.settings.horizonDays)) return outside;
    const slot = this.grid(day, day).find((s) => s.start.getTime() === at.getTime());
    if (!slot) return outside;
    const taken = (await tx.callbacks.listBySlot(slot.start.toISOString(), slot.end.toISOString())).filter(
      (c) => PENDING.includes(c.status) && c.id !== ignoreId,
    ).length;
    if (taken >= this.k.settings.callbackSlotCapacity)
      return fail(409, 'slot_unavailable', { detail: 'The slot was just taken.' });
    return slot;
  }

  private async authorized(callbackId: string, ctx: CallContext): Promise<CallbackRecord | Failure> {
    if (!ctx.callbackToken)
      return fail(401, 'unauthorized', { detail: 'Send X-Kc-Callback-Token from requestCallback.' });
    const record = await this.k.store.callbacks.get(callbackId);
    if (!record) return fail(404, 'not_found');
    if (!(await this.k.hasher.verify(ctx.callbackToken, record.tokenHash))) return fail(403, 'forbidden');
    const ended = record.completedAt ?? record.cancelledAt;
    if (ended && Date.parse(ended) + this.k.settings.closedTokenTtlSeconds * 1000 <= this.k.now().getTime()) {
      return fail(401, 'token_expired');
    }
    return record;
  }

  /** Whether `ctx` holds the token of this callback (for rating it). */
  async holdsToken(callbackId: string, ctx: CallContext): Promise<CallbackRecord | null> {
    const record = await this.authorized(callbackId, ctx);
    return 'ok' in record ? null : record;
  }

  /** `requestCallback`: books a slot or "as soon as possible" and answers the callback token once. */
  async requestCallback(input: { body: CallbackInput; ctx?: CallContext }): Promise<Result<CallbackCreated>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'requestCallback', input.body, true, async () => {
      const limited = await this.k.limitWrites(ctx);
      if (limited) return limited;
      const body = input.body;
      const outageIds = await this.k.activeOutages('callback');
      if (outageIds.length > 0) return fail(503, 'outage', { outageIds });
      const errors: FieldError[] = [];
      const phone = normalizeKzPhone(body.phone);
      if (phone === null) errors.push({ field: '/phone', code: 'phone', message: 'Must be a Kazakhstan number.' });
      if (body.topic.trim() === '') errors.push({ field: '/topic', code: 'required', message: 'Required.' });
      if (body.consent.given !== true)
        errors.push({ field: '/consent/given', code: 'consent_required', message: 'Consent is required.' });
      if (body.consent.version !== this.k.config.privacy.version) {
        errors.push({
          field: '/consent/version',
          code: 'consent_version',
          message: 'Consent to the current notice is required.',
        });
      }
      if (body.categoryId !== undefined && !this.k.config.appeals.categories.some((c) => c.id === body.categoryId)) {
        errors.push({ field: '/categoryId', code: 'unknown_category', message: 'No such category.' });
      }
      if (body.chatSessionId !== undefined && !(await this.chat.holdsToken(body.chatSessionId, ctx))) {
        errors.push({
          field: '/chatSessionId',
          code: 'unknown_chat_session',
          message: 'Send the chat token of this session.',
        });
      }
      if (errors.length > 0) return invalid(errors);
      const token = randomToken(this.k.random, 'cb_');
      const tokenHash = await this.k.hasher.hash(token, this.k.random);
      return this.k.store
        .transaction(async (tx): Promise<Result<CallbackCreated>> => {
          const slot = await this.resolveWhen(tx, body.when);
          if (slot && 'ok' in slot) return slot;
          const at = this.k.iso();
          const record: CallbackRecord = {
            id: this.k.random.uuid(),
            tokenHash,
            status: slot ? 'scheduled' : 'requested',
            phone: phone!,
            name: body.name ?? null,
            topic: body.topic,
            categoryId: body.categoryId ?? null,
            language: body.language,
            slotStart: slot ? slot.start.toISOString() : null,
            slotEnd: slot ? slot.end.toISOString() : null,
            chatSessionId: body.chatSessionId ?? null,
            subjectId: ctx.identity?.subjectId ?? null,
            consent: { given: true, version: body.consent.version, at },
            createdAt: at,
            updatedAt: at,
            completedAt: null,
            cancelledAt: null,
            operatorId: null,
            attempts: 0,
            outcome: null,
            resolved: null,
            note: null,
          };
          const wait = slot ? null : await this.asapWait(tx);
          await tx.callbacks.insert(record);
          await this.k.emit(tx, streams.operator, 'callback.requested', this.operatorWire(record));
          return ok(
            201,
            { callback: this.wire(record, wait), callbackToken: token },
            { Location: `/api/v1/callbacks/${record.id}` },
          );
        })
        .catch(rethrowUnlessProblem);
    });
  }

  /** `getCallback`: the callback its token opens. */
  async getCallback(input: { params: { callbackId: string }; ctx?: CallContext }): Promise<Result<Callback>> {
    const record = await this.authorized(input.params.callbackId, input.ctx ?? {});
    if ('ok' in record) return record;
    return ok(200, this.wire(record, record.slotStart ? null : await this.asapWait(this.k.store)));
  }

  /** `rescheduleCallback`: another slot, or as soon as possible, while still pending. */
  async rescheduleCallback(input: {
    params: { callbackId: string };
    body: CallbackReschedule;
    ctx?: CallContext;
  }): Promise<Result<Callback>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'rescheduleCallback', input, true, async () => {
      const found = await this.authorized(input.params.callbackId, ctx);
      if ('ok' in found) return found;
      return this.k.store
        .transaction(async (tx): Promise<Result<Callback>> => {
          const record = (await tx.callbacks.get(found.id))!;
          if (record.status !== 'requested' && record.status !== 'scheduled') {
            return fail(409, 'invalid_transition', { detail: `A ${record.status} callback cannot be rescheduled.` });
          }
          const slot = await this.resolveWhen(tx, input.body.when, record.id);
          if (slot && 'ok' in slot) return slot;
          record.status = slot ? 'scheduled' : 'requested';
          record.slotStart = slot ? slot.start.toISOString() : null;
          record.slotEnd = slot ? slot.end.toISOString() : null;
          record.updatedAt = this.k.iso();
          await tx.callbacks.update(record);
          await this.k.emit(tx, streams.operator, 'callback.updated', this.operatorWire(record));
          return ok(200, this.wire(record, slot ? null : await this.asapWait(tx)));
        })
        .catch(rethrowUnlessProblem);
    });
  }

  /** `cancelCallback`: cancels a pending callback; a cancelled one answers unchanged. */
  async cancelCallback(input: { params: { callbackId: string }; ctx?: CallContext }): Promise<Result<Callback>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'cancelCallback', input.params, true, async () => {
      const found = await this.authorized(input.params.callbackId, ctx);
      if ('ok' in found) return found;
      return this.k.store.transaction(async (tx): Promise<Result<Callback>> => {
        const record = (await tx.callbacks.get(found.id))!;
        if (record.status === 'cancelled') return ok(200, this.wire(record, null));
        if (record.status !== 'requested' && record.status !== 'scheduled') {
          return fail(409, 'invalid_transition', { detail: `A ${record.status} callback cannot be cancelled.` });
        }
        record.status = 'cancelled';
        record.cancelledAt = record.updatedAt = this.k.iso();
        await tx.callbacks.update(record);
        await this.k.emit(tx, streams.operator, 'callback.updated', this.operatorWire(record));
        return ok(200, this.wire(record, null));
      });
    });
  }

  /** `listOperatorCallbacks`: callbacks by status and local dates, due first (slot, else when requested). */
  async listOperatorCallbacks(input: {
    query?: { status?: CallbackStatus[]; from?: string; to?: string; cursor?: string; limit?: number };
    ctx?: CallContext;
  }): Promise<Result<OperatorCallbackPage>> {
    const denied = requireOperator(input.ctx);
    if (denied) return denied;
    const q = input.query ?? {};
    const tz = this.k.config.schedule.timeZone;
    const statuses: CallbackStatus[] = q.status?.length ? q.status : ['requested', 'scheduled', 'in_progress'];
    const due = (c: CallbackRecord): string => c.slotStart ?? c.createdAt;
    const from = q.from ? zonedToInstant(q.from, '00:00', tz).toISOString() : null;
    const to = q.to ? zonedToInstant(addLocalDays(q.to, 1), '00:00', tz).toISOString() : null;
    const rows = (await this.k.store.callbacks.listByStatus(statuses))
      .filter((c) => (from === null || due(c) >= from) && (to === null || due(c) < to))
      .sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0));
    const offset = Number.parseInt(q.cursor ?? '0', 10) || 0;
    const limit = q.limit ?? 20;
    return ok(200, {
      items: rows.slice(offset, offset + limit).map((r) => this.operatorWire(r)),
      nextCursor: offset + limit < rows.length ? String(offset + limit) : null,
    });
  }

  /**
   * `completeCallback`: records an attempt. `reached` completes it; otherwise it stays open with `retry`, or
   * becomes `missed`.
   */
  async completeCallback(input: {
    params: { callbackId: string };
    body: CallbackCompleteInput;
    ctx?: CallContext;
  }): Promise<Result<OperatorCallback>> {
    const ctx = input.ctx ?? {};
    const denied = requireOperator(ctx);
    if (denied) return denied;
    return idempotent(this.k, ctx, 'completeCallback', input, false, () =>
      this.k.store.transaction(async (tx): Promise<Result<OperatorCallback>> => {
        const record = await tx.callbacks.get(input.params.callbackId);
        if (!record) return fail(404, 'not_found');
        if (!PENDING.includes(record.status)) {
          return fail(409, 'invalid_transition', { detail: `A ${record.status} callback is finished.` });
        }
        const at = this.k.iso();
        record.attempts += 1;
        record.outcome = input.body.outcome;
        record.operatorId = ctx.operator!.id;
        record.note = input.body.note ?? record.note;
        if (input.body.outcome === 'reached') {
          record.status = 'completed';
          record.completedAt = at;
          record.resolved = input.body.resolved ?? null;
        } else if (!input.body.retry) {
          record.status = 'missed';
          record.completedAt = at;
        }
        record.updatedAt = at;
        await tx.callbacks.update(record);
        await this.k.emit(tx, streams.operator, 'callback.updated', this.operatorWire(record));
        return ok(200, this.operatorWire(record));
      }),
    );
  }
}
