// SPDX-License-Identifier: MIT
import { normalizeKzPhone } from '@kc/contract';
import type { Callbacks } from './callbacks.js';
import type { Chat } from './chat/chat.js';
import type { CallContext } from './context.js';
import { idempotent } from './idempotency.js';
import type { Kernel } from './kernel.js';
import { fail, invalid, ok, type Failure, type Result } from './result.js';
import type { RatingRecord } from './store/store.js';
import type { FieldError, Rating, RatingInput } from './wire.js';

/** Ratings (clauses 7.3, 26–28): one per contact, with follow-up consent after a low score. */
export class Ratings {
  constructor(
    private readonly k: Kernel,
    private readonly chat: Chat,
    private readonly callbacks: Callbacks,
    private readonly viewedComplaint: (trackingNumber: string, ctx: CallContext) => Promise<{ id: string } | Failure>,
  ) {}

  /** Checks that the caller may rate the subject: its token for a chat, callback or appeal. */
  private async mayRate(subject: RatingInput['subject'], ctx: CallContext): Promise<Failure | null> {
    switch (subject.kind) {
      case 'chat': {
        if (!ctx.chatToken) return fail(401, 'unauthorized', { detail: 'Send the chat token.' });
        if (!(await this.k.store.chats.get(subject.id))) return fail(404, 'not_found');
        return (await this.chat.holdsToken(subject.id, ctx)) ? null : fail(403, 'forbidden');
      }
      case 'callback': {
        if (!ctx.callbackToken) return fail(401, 'unauthorized', { detail: 'Send the callback token.' });
        if (!(await this.k.store.callbacks.get(subject.id))) return fail(404, 'not_found');
        return (await this.callbacks.holdsToken(subject.id, ctx)) ? null : fail(403, 'forbidden');
      }
      case 'complaint': {
        const found = await this.viewedComplaint(subject.id, ctx);
        return 'ok' in found ? found : null;
      }
      case 'call':
        // A call reference comes from the phone system by SMS; it is its own proof (one rating per reference).
        return null;
    }
  }

  /** `submitRating`: records a rating; a second rating of the same subject is `409 already_rated`. */
  async submitRating(input: { body: RatingInput; ctx?: CallContext }): Promise<Result<Rating>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'submitRating', input.body, true, async () => {
      const limited = await this.k.limitWrites(ctx);
      if (limited) return limited;
      const body = input.body;
      const denied = await this.mayRate(body.subject, ctx);
      if (denied) return denied;
      const settings = this.k.config.ratings;
      const errors: FieldError[] = [];
      const known = new Set(settings.lowScoreReasons.map((r) => r.id));
      for (const [i, id] of (body.lowScoreReasonIds ?? []).entries()) {
        if (!known.has(id))
          errors.push({ field: `/lowScoreReasonIds/${String(i)}`, code: 'unknown_reason', message: 'No such reason.' });
      }
      const phone = body.followUp?.phone === undefined ? null : normalizeKzPhone(body.followUp.phone);
      if (body.followUp?.phone !== undefined && phone === null) {
        errors.push({ field: '/followUp/phone', code: 'phone', message: 'Must be a Kazakhstan number.' });
      }
      const low = body.csat <= settings.lowScoreThreshold;
      const followUp = low && body.followUp?.consent === true;
      if (followUp && phone === null && body.followUp?.email === undefined) {
        errors.push({
          field: '/followUp/phone',
          code: 'required',
          message: 'Give a phone or an e-mail to be contacted.',
        });
      }
      if (errors.length > 0) return invalid(errors);
      const record: RatingRecord = {
        id: this.k.random.uuid(),
        subjectKind: body.subject.kind,
        subjectRef: body.subject.id,
        csat: body.csat,
        resolved: body.resolved,
        ces: body.ces ?? null,
        nps: body.nps ?? null,
        comment: body.comment ?? null,
        reasons: body.lowScoreReasonIds ?? [],
        followUpConsent: followUp,
        followUpPhone: followUp ? phone : null,
        followUpEmail: followUp ? (body.followUp?.email ?? null) : null,
        subjectId: ctx.identity?.subjectId ?? (await this.subjectOf(body.subject)),
        locale: body.language,
        createdAt: this.k.iso(),
      };
      if (!(await this.k.store.ratings.insert(record))) return fail(409, 'already_rated');
      const rating: Rating = {
        id: record.id,
        subject: { kind: record.subjectKind, id: record.subjectRef },
        csat: record.csat,
        resolved: record.resolved,
        receivedAt: record.createdAt,
        followUpRequested: followUp,
      };
      if (record.ces !== null) rating.ces = record.ces;
      if (record.nps !== null) rating.nps = record.nps;
      return ok(201, rating);
    });
  }

  /** The citizen identity of the rated contact, so a rating joins the same history as the contact. */
  private async subjectOf(subject: RatingInput['subject']): Promise<string | null> {
    if (subject.kind === 'chat') return (await this.k.store.chats.get(subject.id))?.subjectId ?? null;
    if (subject.kind === 'callback') return (await this.k.store.callbacks.get(subject.id))?.subjectId ?? null;
    if (subject.kind === 'complaint')
      return (await this.k.store.complaints.getByTrackingNumber(subject.id))?.subjectId ?? null;
    return null;
  }
}
