// SPDX-License-Identifier: MIT
import { requireOperator } from './complaints/complaints.js';
import type { CallContext } from './context.js';
import { idempotent } from './idempotency.js';
import { type Kernel, streams } from './kernel.js';
import { fail, invalid, ok, type Result } from './result.js';
import type { StoreSession } from './store/store.js';
import type {
  FieldError,
  Outage,
  OutageInput,
  OutageList,
  OutagePatch,
  OutageResolveInput,
  OutageStatus,
} from './wire.js';
import { parseLastEventId, type StreamGrant } from './complaints/complaints.js';

const SEVERITY = { critical: 0, major: 1, minor: 2, info: 3 } as const;
const WEEK_MS = 7 * 86_400_000;

/** Service interruptions (clauses 34.1–34.3): published, updated, resolved, and told to open chats. */
export class Outages {
  constructor(private readonly k: Kernel) {}

  /** `listOutages`: active and scheduled by default; `resolved` ones of the last 7 days on request. */
  async listOutages(input: { query?: { status?: OutageStatus[] } } = {}): Promise<Result<OutageList>> {
    const wanted = input.query?.status?.length ? input.query.status : (['active', 'scheduled'] as OutageStatus[]);
    const items = (await this.k.store.outages.list(this.k.iso(-WEEK_MS)))
      .filter((o) => wanted.includes(o.status))
      .sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity] || (a.startedAt < b.startedAt ? 1 : -1));
    return ok(200, { items });
  }

  /** `watchOutages`: the public outage stream. */
  watchOutages(input: { lastEventId?: string } = {}): Result<StreamGrant> {
    const afterId = parseLastEventId(input.lastEventId);
    if (typeof afterId !== 'number') return afterId;
    return ok(200, { stream: streams.outages, afterId });
  }

  private check(body: OutagePatch, errors: FieldError[]): void {
    for (const field of ['startedAt', 'expectedResumeAt'] as const) {
      const value = body[field];
      if (typeof value === 'string' && Number.isNaN(Date.parse(value))) {
        errors.push({ field: `/${field}`, code: 'format', message: 'Must be a date-time.' });
      }
    }
    if (body.startedAt && body.expectedResumeAt && Date.parse(body.expectedResumeAt) <= Date.parse(body.startedAt)) {
      errors.push({ field: '/expectedResumeAt', code: 'range', message: 'Must be after the start.' });
    }
  }

  private async announce(tx: StoreSession, type: string, outage: Outage): Promise<void> {
    await this.k.emit(tx, streams.outages, type, outage);
    await this.k.emit(tx, streams.operator, type, outage);
    if ((outage.affectedChannels as string[]).includes('chat')) {
      const open = [...(await tx.chats.listByStatus('queued')), ...(await tx.chats.listByStatus('active'))];
      for (const chat of open) await this.k.emit(tx, streams.chat(chat.id), 'outage.notice', outage);
    }
  }

  /** `publishOutage` (supervisor): a new scheduled or active outage, announced on every stream it concerns. */
  async publishOutage(input: { body: OutageInput; ctx?: CallContext }): Promise<Result<Outage>> {
    const ctx = input.ctx ?? {};
    const denied = requireOperator(ctx, 'supervisor');
    if (denied) return denied;
    return idempotent(this.k, ctx, 'publishOutage', input.body, false, async () => {
      const errors: FieldError[] = [];
      this.check(input.body, errors);
      if (errors.length > 0) return invalid(errors);
      const now = this.k.iso();
      const outage: Outage = {
        id: this.k.random.uuid(),
        status: input.body.status,
        severity: input.body.severity,
        affectedChannels: input.body.affectedChannels,
        message: input.body.message,
        startedAt: new Date(input.body.startedAt).toISOString(),
        expectedResumeAt: input.body.expectedResumeAt ? new Date(input.body.expectedResumeAt).toISOString() : null,
        resolvedAt: null,
        alternatives: input.body.alternatives ?? [],
        updatedAt: now,
      };
      await this.k.store.transaction(async (tx) => {
        await tx.outages.insert(outage);
        await this.announce(tx, 'outage.published', outage);
      });
      return ok(201, outage, { Location: `/api/v1/operator/outages/${outage.id}` });
    });
  }

  /** `updateOutage` (supervisor): changes an unresolved outage; a scheduled one becomes active with `status`. */
  async updateOutage(input: {
    params: { outageId: string };
    body: OutagePatch;
    ctx?: CallContext;
  }): Promise<Result<Outage>> {
    const ctx = input.ctx ?? {};
    const denied = requireOperator(ctx, 'supervisor');
    if (denied) return denied;
    return idempotent(this.k, ctx, 'updateOutage', input, false, () =>
      this.k.store.transaction(async (tx): Promise<Result<Outage>> => {
        const outage = await tx.outages.get(input.params.outageId);
        if (!outage) return fail(404, 'not_found');
        if (outage.status === 'resolved') return fail(409, 'conflict', { detail: 'The outage is resolved.' });
        const errors: FieldError[] = [];
        this.check({ ...input.body, startedAt: input.body.startedAt ?? outage.startedAt }, errors);
        if (errors.length > 0) return invalid(errors);
        const body = input.body;
        const updated: Outage = {
          ...outage,
          ...(body.status && { status: body.status }),
          ...(body.severity && { severity: body.severity }),
          ...(body.affectedChannels && { affectedChannels: body.affectedChannels }),
          ...(body.message && { message: body.message }),
          ...(body.startedAt && { startedAt: new Date(body.startedAt).toISOString() }),
          ...(body.expectedResumeAt !== undefined && {
            expectedResumeAt: body.expectedResumeAt === null ? null : new Date(body.expectedResumeAt).toISOString(),
          }),
          ...(body.alternatives && { alternatives: body.alternatives }),
          updatedAt: this.k.iso(),
        };
        await tx.outages.update(updated);
        await this.announce(tx, 'outage.updated', updated);
        return ok(200, updated);
      }),
    );
  }

  /** `resolveOutage` (supervisor): service is back; resolving a resolved outage answers it unchanged. */
  async resolveOutage(input: {
    params: { outageId: string };
    body?: OutageResolveInput;
    ctx?: CallContext;
  }): Promise<Result<Outage>> {
    const ctx = input.ctx ?? {};
    const denied = requireOperator(ctx, 'supervisor');
    if (denied) return denied;
    return idempotent(this.k, ctx, 'resolveOutage', input, false, () =>
      this.k.store.transaction(async (tx): Promise<Result<Outage>> => {
        const outage = await tx.outages.get(input.params.outageId);
        if (!outage) return fail(404, 'not_found');
        if (outage.status === 'resolved') return ok(200, outage);
        const now = this.k.iso();
        const resolvedAt = input.body?.resolvedAt ? new Date(input.body.resolvedAt).toISOString() : now;
        const updated: Outage = {
          ...outage,
          status: 'resolved',
          resolvedAt,
          message: input.body?.message ?? outage.message,
          updatedAt: now,
        };
        await tx.outages.update(updated);
        await this.announce(tx, 'outage.resolved', updated);
        return ok(200, updated);
      }),
    );
  }

  /** Makes scheduled outages whose start has come active. */
  async activateDue(): Promise<void> {
    const now = this.k.iso();
    await this.k.store.transaction(async (tx) => {
      for (const outage of await tx.outages.list(now)) {
        if (outage.status === 'scheduled' && outage.startedAt <= now) {
          const updated: Outage = { ...outage, status: 'active', updatedAt: now };
          await tx.outages.update(updated);
          await this.announce(tx, 'outage.updated', updated);
        }
      }
    });
  }
}
