// SPDX-License-Identifier: MIT
import {
  addLocalDays,
  addWorkingDays,
  isValidBin,
  isValidIin,
  localDate,
  normalizeKzPhone,
  zonedToInstant,
} from '@kc/contract';
import type { CallContext } from '../context.js';
import { idempotent } from '../idempotency.js';
import { type Kernel, streams } from '../kernel.js';
import { fail, invalid, ok, ProblemError, refuse, type Failure, type Result } from '../result.js';
import { newAccessCode, normalizeAccessCode } from '../security.js';
import type { AttachmentRecord, ComplaintFilter, ComplaintRecord, StoreSession } from '../store/store.js';
import type {
  Applicant,
  ApplicantView,
  Attachment,
  CitizenComplaint,
  Complaint,
  ComplaintComment,
  ComplaintDraft,
  ComplaintLookup,
  ComplaintPage,
  ComplaintReceipt,
  ComplaintStatus,
  ComplaintSummary,
  ComplaintTransitionInput,
  ComplaintUpdateInput,
  ComplaintView,
  CommentInput,
  FieldError,
  LocalizedText,
  Responsible,
  TextOrLocalized,
  TimelineActor,
  TimelineEntry,
  WithdrawInput,
} from '../wire.js';
import { canTransition, COMPLAINT_STATUSES, isFinal, REASON_REQUIRED } from './lifecycle.js';

/** Statuses in which the due date still runs. */
const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'registered',
  'in_review',
  'escalated',
  'awaiting_citizen',
  'forwarded',
];

/** What a host passes to upload a file: it parses the multipart body and keeps the bytes itself. */
export interface AttachmentUploadInput {
  fileName: string;
  /** The content type the host detected from the bytes (magic numbers), not only the declared one. */
  contentType: string;
  size: number;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256?: string;
  /** Where the host keeps the bytes. */
  storageKey?: string;
}

/** A grant to read an event stream, returned by the `watch*` operations after their checks. */
export interface StreamGrant {
  /** The stream name for {@link Backend.subscribe}. */
  stream: string;
  /** Replay events after this id (from `Last-Event-ID`, 0 without it). */
  afterId: number;
  /**
   * When the access the stream was opened with expires (ISO 8601); the host ends the stream then, and the client
   * renews its access and reconnects with `Last-Event-ID`. Absent: the stream lasts as long as the client stays.
   */
  expiresAt?: string;
}

const OPERATOR_LABEL: LocalizedText = {
  kk: 'Байланыс орталығының операторы',
  ru: 'Оператор контакт-центра',
  en: 'Contact center operator',
};

const NOTES: Record<string, LocalizedText> = {
  registered: { kk: 'Өтініш тіркелді.', ru: 'Обращение зарегистрировано.', en: 'The appeal was registered.' },
  withdrawn: {
    kk: 'Өтінішті өтініш беруші кері қайтарып алды.',
    ru: 'Обращение отозвано заявителем.',
    en: 'The applicant withdrew the appeal.',
  },
  citizenReplied: {
    kk: 'Өтініш беруші қосымша мәлімет жіберді; өтініш қайта қаралуда.',
    ru: 'Заявитель направил дополнительные сведения; обращение снова на рассмотрении.',
    en: 'The applicant sent more information; the appeal is under review again.',
  },
  responsible: {
    kk: 'Жауапты бөлімше өзгерді.',
    ru: 'Изменено ответственное подразделение.',
    en: 'The responsible department changed.',
  },
};

/** Parses a `Last-Event-ID` header value: a decimal integer, or absent. */
export function parseLastEventId(value: string | undefined): number | Failure {
  if (value === undefined || value === '') return 0;
  if (!/^\d{1,19}$/.test(value) || !Number.isSafeInteger(Number(value))) {
    return fail(400, 'validation_failed', {
      errors: [{ field: 'header.Last-Event-ID', code: 'pattern', message: 'Must be a decimal event id.' }],
    });
  }
  return Number(value);
}

function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length === 11 ? `+7 ${d.slice(1, 4)} *** ** ${d.slice(9)}` : '***';
}

function maskEmail(email: string | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  const first = [...local][0] ?? '';
  const last = local.length > 1 ? ([...local].at(-1) ?? '') : '';
  return `${first}*****${last}${email.slice(at)}`;
}

/** The applicant as a holder of the access code may see them: masked, never the IIN or BIN. */
export function applicantView(applicant: Applicant): ApplicantView {
  const initial = [...applicant.lastName][0];
  return {
    displayName:
      applicant.bin && applicant.organisationName
        ? applicant.organisationName
        : `${applicant.firstName}${initial ? ` ${initial}.` : ''}`,
    phoneMasked: maskPhone(applicant.phone),
    emailMasked: maskEmail(applicant.email),
    preferredLanguage: applicant.preferredLanguage,
    preferredContact: applicant.preferredContact,
  };
}

/** The citizen's view of a stored appeal. */
export function citizenComplaint(record: ComplaintRecord): CitizenComplaint {
  const view: CitizenComplaint = {
    trackingNumber: record.trackingNumber,
    kind: record.kind,
    category: record.category,
    description: record.description,
    attachments: record.attachments,
    applicant: applicantView(record.applicant),
    chatSessionId: record.chatSessionId,
    channel: record.channel,
    status: record.status,
    registeredAt: record.registeredAt,
    dueAt: record.dueAt,
    responsible: record.responsible,
    delay: record.delay,
    forwardedTo: record.forwardedTo,
    resolution: record.resolution,
    externalRefs: record.externalRefs,
    timeline: record.timeline,
    comments: record.comments,
    updatedAt: record.updatedAt,
  };
  if (record.subject !== undefined) view.subject = record.subject;
  return view;
}

/** The operator's view of a stored appeal: the record without its secrets. */
export function operatorComplaint(record: ComplaintRecord): Complaint {
  const {
    accessCodeHash: _hash,
    subjectId: _subject,
    statusChangedAt: _changed,
    answeredAt: _answered,
    ...rest
  } = record;
  return rest;
}

/** A line of the operators' list. */
export function complaintSummary(record: ComplaintRecord, now: string): ComplaintSummary {
  const a = record.applicant;
  return {
    id: record.id,
    trackingNumber: record.trackingNumber,
    kind: record.kind,
    categoryId: record.category.id,
    status: record.status,
    channel: record.channel,
    registeredAt: record.registeredAt,
    dueAt: record.dueAt,
    overdue: OPEN_STATUSES.includes(record.status) && record.dueAt < now,
    applicantName:
      a.bin && a.organisationName
        ? a.organisationName
        : [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' '),
    updatedAt: record.updatedAt,
  };
}

/** Appeals: upload, submit, look up, watch, comment, withdraw; and the operator's lifecycle. */
export class Complaints {
  constructor(private readonly k: Kernel) {}

  private responsibleFor(categoryId: string): Responsible {
    const map = this.k.settings.responsible;
    let best: Responsible | undefined;
    let bestLength = -1;
    for (const [prefix, value] of Object.entries(map)) {
      if (prefix === '*') continue;
      if ((categoryId === prefix || categoryId.startsWith(`${prefix}.`)) && prefix.length > bestLength) {
        best = value;
        bestLength = prefix.length;
      }
    }
    return structuredClone(
      best ??
        map['*'] ?? {
          department: { kk: 'Байланыс орталығы', ru: 'Контакт-центр', en: 'Contact center' },
          position: { kk: 'Оператор', ru: 'Оператор', en: 'Operator' },
        },
    );
  }

  private entry(
    type: TimelineEntry['type'],
    status: ComplaintStatus,
    note: TextOrLocalized | null,
    actor: TimelineActor,
  ): TimelineEntry {
    return { id: this.k.random.uuid(), at: this.k.iso(), type, status, note, actor };
  }

  /** Adds timeline entries, saves, and emits them (plus `status.changed` when the status moved). */
  private async commit(
    tx: StoreSession,
    record: ComplaintRecord,
    entries: TimelineEntry[],
    from: ComplaintStatus,
  ): Promise<void> {
    const now = this.k.iso();
    record.timeline.push(...entries);
    record.updatedAt = now;
    if (record.status !== from) record.statusChangedAt = now;
    await tx.complaints.update(record);
    const stream = streams.complaint(record.id);
    for (const entry of entries) await this.k.emit(tx, stream, 'timeline.added', entry);
    if (record.status !== from) {
      await this.k.emit(tx, stream, 'status.changed', {
        from,
        to: record.status,
        at: now,
        complaint: citizenComplaint(record),
      });
    }
    if (entries.some((e) => e.type !== 'registered')) {
      await this.k.emit(tx, streams.operator, 'complaint.updated', complaintSummary(record, now));
    }
  }

  /** Checks attachment ids against the limits and the uploader; returns the records or field errors. */
  private async attachments(
    tx: StoreSession,
    ids: readonly string[] | undefined,
    pointer: string,
    ctx: CallContext,
    errors: FieldError[],
  ): Promise<AttachmentRecord[]> {
    const limits = this.k.config.attachments;
    const list = ids ?? [];
    if (list.length > limits.maxCount) {
      errors.push({
        field: pointer,
        code: 'too_many_attachments',
        message: `At most ${String(limits.maxCount)} files.`,
      });
      return [];
    }
    const found: AttachmentRecord[] = [];
    const expiry = this.k.iso(-this.k.settings.attachmentTtlSeconds * 1000);
    for (const [i, id] of list.entries()) {
      const record = await tx.attachments.get(id);
      const usable =
        record !== null &&
        record.linkedTo === null &&
        record.uploadedAt >= expiry &&
        (record.uploadedBy === null || ctx.clientId === undefined || record.uploadedBy === ctx.clientId);
      if (!usable) {
        errors.push({ field: `${pointer}/${String(i)}`, code: 'unknown_attachment', message: 'No such upload.' });
      } else found.push(record);
    }
    const total = found.reduce((sum, a) => sum + a.size, 0);
    if (total > limits.maxTotalBytes) {
      errors.push({ field: pointer, code: 'attachments_too_large', message: 'The files are too large together.' });
    }
    return found;
  }

  private async link(tx: StoreSession, records: AttachmentRecord[], kind: 'complaint' | 'comment', id: string) {
    for (const record of records) await tx.attachments.update({ ...record, linkedTo: { kind, id } });
  }

  /** `uploadAttachment`: records an uploaded file after checking its type and size against `config.attachments`. */
  async uploadAttachment(input: { body: AttachmentUploadInput; ctx?: CallContext }): Promise<Result<Attachment>> {
    const ctx = input.ctx ?? {};
    // Where the host keeps the bytes may differ between two tries of one upload: not part of the fingerprint.
    const { storageKey: _storageKey, ...fingerprint } = input.body;
    return idempotent(this.k, ctx, 'uploadAttachment', fingerprint, true, async () => {
      const limited = await this.k.limitWrites(ctx);
      if (limited) return limited;
      const limits = this.k.config.attachments;
      const { fileName, contentType, size } = input.body;
      if (!limits.allowedTypes.includes(contentType.toLowerCase())) {
        return fail(415, 'unsupported_media_type', { detail: `Accepted: ${limits.allowedTypes.join(', ')}.` });
      }
      if (size > limits.maxBytes) {
        return fail(413, 'payload_too_large', { detail: `Files may be up to ${String(limits.maxBytes)} bytes.` });
      }
      const name = safeFileName(fileName);
      const record: AttachmentRecord = {
        id: this.k.random.uuid(),
        fileName: name,
        contentType: contentType.toLowerCase(),
        size,
        uploadedAt: this.k.iso(),
        storageKey: input.body.storageKey ?? null,
        linkedTo: null,
        uploadedBy: ctx.clientId ?? null,
      };
      if (input.body.sha256 !== undefined) record.sha256 = input.body.sha256;
      await this.k.store.attachments.insert(record);
      return ok(201, publicAttachment(record));
    });
  }

  /** `submitComplaint`: registers an appeal and answers the receipt with the access code (shown once). */
  async submitComplaint(input: { body: ComplaintDraft; ctx?: CallContext }): Promise<Result<ComplaintReceipt>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'submitComplaint', input.body, true, async () => {
      const limited = await this.k.limitWrites(ctx);
      if (limited) return limited;
      const draft = input.body;
      const config = this.k.config;
      const errors: FieldError[] = [];
      const kindInfo = config.appeals.kinds.find((k) => k.kind === draft.kind);
      if (!kindInfo)
        errors.push({ field: '/kind', code: 'unknown_kind', message: 'This kind of appeal is not accepted here.' });
      const category = config.appeals.categories.find((c) => c.id === draft.categoryId);
      if (!category) {
        errors.push({ field: '/categoryId', code: 'unknown_category', message: 'No such category.' });
      } else if (category.kinds && !category.kinds.includes(draft.kind)) {
        errors.push({
          field: '/categoryId',
          code: 'category_kind_mismatch',
          message: 'The category does not take this kind.',
        });
      }
      if (draft.description.trim() === '') {
        errors.push({ field: '/description', code: 'required', message: 'Required.' });
      }
      const applicant = structuredClone(draft.applicant);
      if (applicant.iin === undefined && applicant.bin === undefined) {
        errors.push({ field: '/applicant/iin', code: 'required', message: 'An IIN or a BIN is required.' });
      }
      if (applicant.iin !== undefined && !isValidIin(applicant.iin)) {
        errors.push({ field: '/applicant/iin', code: 'iin_checksum', message: 'The IIN check digit does not match.' });
      }
      if (applicant.bin !== undefined && !isValidBin(applicant.bin)) {
        errors.push({ field: '/applicant/bin', code: 'bin_checksum', message: 'The BIN check digit does not match.' });
      }
      if (applicant.bin !== undefined && !applicant.organisationName?.trim()) {
        errors.push({ field: '/applicant/organisationName', code: 'required', message: 'Required with a BIN.' });
      }
      const phone = normalizeKzPhone(applicant.phone);
      if (phone === null) {
        errors.push({ field: '/applicant/phone', code: 'phone', message: 'Must be a Kazakhstan number.' });
      } else applicant.phone = phone;
      if (draft.consent.given !== true) {
        errors.push({ field: '/consent/given', code: 'consent_required', message: 'Consent is required.' });
      }
      if (draft.consent.version !== config.privacy.version) {
        errors.push({
          field: '/consent/version',
          code: 'consent_version',
          message: 'Consent to the current notice is required.',
        });
      }
      return this.k.store
        .transaction(async (tx) => {
          const attachments = await this.attachments(tx, draft.attachmentIds, '/attachmentIds', ctx, errors);
          if (draft.chatSessionId !== undefined) {
            const chat = await tx.chats.get(draft.chatSessionId);
            const holds =
              chat !== null &&
              ctx.chatToken !== undefined &&
              (await this.k.hasher.verify(ctx.chatToken, chat.tokenHash));
            if (!holds) {
              errors.push({
                field: '/chatSessionId',
                code: 'unknown_chat_session',
                message: 'Send the chat token of this session.',
              });
            }
          }
          if (errors.length > 0 || !kindInfo || !category) return invalid(errors);

          const now = this.k.now();
          const year = localDate(now, config.schedule.timeZone).slice(0, 4);
          const seq = await tx.sequences.next(`tracking:${year}`);
          const trackingNumber = `${this.k.settings.trackingPrefix}-${year}-${String(seq).padStart(6, '0')}`;
          const accessCode = newAccessCode(this.k.random);
          const id = this.k.random.uuid();
          const registeredAt = now.toISOString();
          const record: ComplaintRecord = {
            id,
            trackingNumber,
            kind: draft.kind,
            category: { id: category.id, name: category.name },
            description: draft.description,
            attachments: attachments.map(publicAttachment),
            applicant,
            consent: { given: true, version: draft.consent.version, at: registeredAt },
            chatSessionId: draft.chatSessionId ?? null,
            channel: draft.channel ?? (draft.chatSessionId ? 'chat' : 'web'),
            status: 'registered',
            registeredAt,
            dueAt: addWorkingDays(now, kindInfo.deadlineWorkingDays, config.schedule).toISOString(),
            responsible: this.responsibleFor(category.id),
            delay: null,
            forwardedTo: null,
            resolution: null,
            externalRefs: [],
            timeline: [],
            comments: [],
            updatedAt: registeredAt,
            accessCodeHash: await this.k.hasher.hash(normalizeAccessCode(accessCode), this.k.random),
            subjectId: ctx.identity?.subjectId ?? null,
            statusChangedAt: registeredAt,
            answeredAt: null,
          };
          if (draft.subject !== undefined) record.subject = draft.subject;
          if (!(await tx.complaints.insert(record))) refuse(409, 'conflict');
          await this.link(tx, attachments, 'complaint', id);
          await this.commit(
            tx,
            record,
            [this.entry('registered', 'registered', NOTES.registered!, { kind: 'system' })],
            'registered',
          );
          await this.k.emit(tx, streams.operator, 'complaint.registered', complaintSummary(record, registeredAt));
          return ok<ComplaintReceipt>(201, {
            trackingNumber,
            accessCode,
            registeredAt,
            dueAt: record.dueAt,
            responsible: record.responsible,
            nextSteps: this.k.settings.nextSteps,
          });
        })
        .catch((error: unknown) => {
          if (error instanceof ProblemError) return error.failure;
          throw error;
        });
    });
  }

  /** Resolves a view token to the appeal it opens; `401` / `403` / `404` otherwise. */
  async viewed(trackingNumber: string, ctx: CallContext): Promise<ComplaintRecord | Failure> {
    if (!ctx.viewToken) return fail(401, 'unauthorized', { detail: 'Send X-Kc-View-Token from lookupComplaint.' });
    const claims = await this.k.hasher.open('vt_', ctx.viewToken);
    if (!claims || typeof claims['c'] !== 'string' || typeof claims['exp'] !== 'number') {
      return fail(401, 'unauthorized');
    }
    if (claims['exp'] * 1000 <= this.k.now().getTime()) {
      return fail(401, 'token_expired', {
        detail: 'Look the appeal up again with its tracking number and access code.',
      });
    }
    if (claims['n'] !== trackingNumber) return fail(403, 'forbidden');
    const record = await this.k.store.complaints.get(claims['c']);
    return record ?? fail(404, 'not_found');
  }

  /**
   * `lookupComplaint`: the appeal for its tracking number and access code, and a 30-minute view token. An unknown
   * number and a wrong code get the same `404`; tries are limited per client and per number.
   */
  async lookupComplaint(input: { body: ComplaintLookup; ctx?: CallContext }): Promise<Result<ComplaintView>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'lookupComplaint', input.body, true, async () => {
      const number = input.body.trackingNumber.trim().toUpperCase();
      const limit = this.k.settings.lookupLimit;
      const byClient = ctx.clientId === undefined ? null : await this.k.limit(`lookup:client:${ctx.clientId}`, limit);
      const byNumber = await this.k.limit(`lookup:number:${number}`, limit);
      if (byClient ?? byNumber) return (byClient ?? byNumber)!;
      const record = await this.k.store.complaints.getByTrackingNumber(number);
      // The hash is checked for an unknown number too, so that timing does not tell which numbers exist.
      const matches = await this.k.hasher.verify(
        normalizeAccessCode(input.body.accessCode),
        record?.accessCodeHash ?? 'h1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      );
      if (!record || !matches) {
        return fail(404, 'not_found', { detail: 'No appeal with this number and access code.' });
      }
      const expiresAt = Math.floor(this.k.now().getTime() / 1000) + this.k.settings.viewTokenTtlSeconds;
      const viewToken = await this.k.hasher.sign('vt_', { c: record.id, n: record.trackingNumber, exp: expiresAt });
      const lastEventId = await this.k.store.events.lastId(streams.complaint(record.id));
      return ok<ComplaintView>(200, {
        complaint: citizenComplaint(record),
        viewToken,
        viewTokenExpiresAt: new Date(expiresAt * 1000).toISOString(),
        lastEventId: String(lastEventId),
      });
    });
  }

  /** `getComplaint`: the appeal a view token opens. */
  async getComplaint(input: {
    params: { trackingNumber: string };
    ctx?: CallContext;
  }): Promise<Result<CitizenComplaint>> {
    const record = await this.viewed(input.params.trackingNumber, input.ctx ?? {});
    if ('ok' in record) return record;
    return ok(200, citizenComplaint(record));
  }

  /** `watchComplaint`: checks the view token; the host then subscribes to the returned stream. */
  async watchComplaint(input: {
    params: { trackingNumber: string };
    lastEventId?: string;
    ctx?: CallContext;
  }): Promise<Result<StreamGrant>> {
    const afterId = parseLastEventId(input.lastEventId);
    if (typeof afterId !== 'number') return afterId;
    const ctx = input.ctx ?? {};
    const record = await this.viewed(input.params.trackingNumber, ctx);
    if ('ok' in record) return record;
    // `viewed` checked the token, so its claims are there; the stream lasts as long as the token.
    const claims = await this.k.hasher.open('vt_', ctx.viewToken!);
    const exp = claims?.['exp'];
    return ok(200, {
      stream: streams.complaint(record.id),
      afterId,
      ...(typeof exp === 'number' ? { expiresAt: new Date(exp * 1000).toISOString() } : {}),
    });
  }

  /** `addComplaintComment`: the citizen adds text and files; an appeal awaiting them goes back to review. */
  async addComplaintComment(input: {
    params: { trackingNumber: string };
    body: CommentInput;
    ctx?: CallContext;
  }): Promise<Result<ComplaintComment>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'addComplaintComment', input, true, async () => {
      const found = await this.viewed(input.params.trackingNumber, ctx);
      if ('ok' in found) return found;
      return this.comment(found.id, input.body, { kind: 'citizen' }, ctx);
    });
  }

  private async comment(
    complaintId: string,
    body: CommentInput,
    author: ComplaintComment['author'],
    ctx: CallContext,
  ): Promise<Result<ComplaintComment>> {
    return this.k.store
      .transaction(async (tx) => {
        const record = await tx.complaints.get(complaintId);
        if (!record) return fail(404, 'not_found');
        if (isFinal(record.status)) return fail(409, 'conflict', { detail: 'The appeal is closed.' });
        const errors: FieldError[] = [];
        if (body.text.trim() === '') errors.push({ field: '/text', code: 'required', message: 'Required.' });
        const files = await this.attachments(tx, body.attachmentIds, '/attachmentIds', ctx, errors);
        if (
          record.attachments.length + record.comments.reduce((n, c) => n + c.attachments.length, 0) + files.length >
          this.k.config.attachments.maxCount * 4
        ) {
          errors.push({
            field: '/attachmentIds',
            code: 'too_many_attachments',
            message: 'Too many files on this appeal.',
          });
        }
        if (errors.length > 0) return invalid(errors);
        const comment: ComplaintComment = {
          id: this.k.random.uuid(),
          author,
          text: body.text,
          attachments: files.map(publicAttachment),
          createdAt: this.k.iso(),
        };
        await this.link(tx, files, 'comment', comment.id);
        record.comments.push(comment);
        const from = record.status;
        const entries = [
          this.entry('comment', record.status, null, {
            kind: author.kind === 'citizen' ? 'citizen' : author.kind === 'body' ? 'body' : 'operator',
          }),
        ];
        if (author.kind === 'citizen' && record.status === 'awaiting_citizen') {
          record.status = 'in_review';
          entries.push(this.entry('status_changed', 'in_review', NOTES.citizenReplied!, { kind: 'system' }));
        }
        await this.commit(tx, record, entries, from);
        await this.k.emit(tx, streams.complaint(record.id), 'comment.added', comment);
        await this.k.emit(tx, streams.operator, 'complaint.comment', {
          complaintId: record.id,
          trackingNumber: record.trackingNumber,
          comment,
        });
        return ok(201, comment);
      })
      .catch(rethrowUnlessProblem);
  }

  /** `withdrawComplaint`: the citizen withdraws their appeal (allowed until it is answered or forwarded). */
  async withdrawComplaint(input: {
    params: { trackingNumber: string };
    body?: WithdrawInput;
    ctx?: CallContext;
  }): Promise<Result<CitizenComplaint>> {
    const ctx = input.ctx ?? {};
    return idempotent(this.k, ctx, 'withdrawComplaint', input, true, async () => {
      const found = await this.viewed(input.params.trackingNumber, ctx);
      if ('ok' in found) return found;
      return this.k.store
        .transaction(async (tx) => {
          const record = (await tx.complaints.get(found.id))!;
          if (record.status === 'withdrawn') return ok(200, citizenComplaint(record));
          if (record.status === 'forwarded' || !canTransition(record.status, 'withdrawn')) {
            return fail(409, 'invalid_transition', {
              detail: `An appeal that is ${record.status} cannot be withdrawn.`,
            });
          }
          const from = record.status;
          record.status = 'withdrawn';
          const reason = input.body?.reason?.trim();
          await this.commit(
            tx,
            record,
            [this.entry('status_changed', 'withdrawn', reason || NOTES.withdrawn!, { kind: 'citizen' })],
            from,
          );
          return ok(200, citizenComplaint(record));
        })
        .catch(rethrowUnlessProblem);
    });
  }

  // ------------------------------------------------------------------ operator side

  /** `listOperatorComplaints`: appeals matching the filters, earliest due first. */
  async listOperatorComplaints(input: {
    query?: {
      status?: ComplaintStatus[];
      kind?: ComplaintRecord['kind'];
      categoryId?: string;
      channel?: ComplaintRecord['channel'];
      overdue?: boolean;
      dueBefore?: string;
      registeredFrom?: string;
      registeredTo?: string;
      trackingNumber?: string;
      cursor?: string;
      limit?: number;
    };
    ctx?: CallContext;
  }): Promise<Result<ComplaintPage>> {
    const denied = requireOperator(input.ctx);
    if (denied) return denied;
    const q = input.query ?? {};
    const now = this.k.iso();
    const tz = this.k.config.schedule.timeZone;
    const filter: ComplaintFilter = {};
    if (q.status?.length) filter.status = q.status;
    if (q.kind) filter.kind = q.kind;
    if (q.categoryId) filter.categoryId = q.categoryId;
    if (q.channel) filter.channel = q.channel;
    if (q.trackingNumber) filter.trackingNumber = q.trackingNumber;
    if (q.dueBefore) filter.dueBefore = new Date(q.dueBefore).toISOString();
    if (q.registeredFrom) filter.from = zonedToInstant(q.registeredFrom, '00:00', tz).toISOString();
    if (q.registeredTo) filter.to = zonedToInstant(addLocalDays(q.registeredTo, 1), '00:00', tz).toISOString();
    if (q.overdue === true) {
      filter.status = (filter.status ?? COMPLAINT_STATUSES).filter((s) => OPEN_STATUSES.includes(s));
      if (!filter.dueBefore || filter.dueBefore > now) filter.dueBefore = now;
    }
    const page = await this.k.store.complaints.list(filter, { limit: q.limit ?? 20, after: q.cursor ?? null });
    const items = page.items.map((r) => complaintSummary(r, now)).filter((c) => q.overdue !== false || !c.overdue);
    return ok(200, { items, nextCursor: page.nextCursor });
  }

  /** `getOperatorComplaint`: one appeal in full. */
  async getOperatorComplaint(input: {
    params: { complaintId: string };
    ctx?: CallContext;
  }): Promise<Result<Complaint>> {
    const denied = requireOperator(input.ctx);
    if (denied) return denied;
    const record = await this.k.store.complaints.get(input.params.complaintId);
    return record ? ok(200, operatorComplaint(record)) : fail(404, 'not_found');
  }

  /**
   * `changeComplaintStatus`: moves an appeal along {@link TRANSITIONS}; anything else is `409 invalid_transition`.
   * With `newDueAt` (and `reason`, `plan`) it also extends the due date; the citizen sees every step in the
   * timeline and on the stream.
   */
  async changeComplaintStatus(input: {
    params: { complaintId: string };
    body: ComplaintTransitionInput;
    ctx?: CallContext;
  }): Promise<Result<Complaint>> {
    const ctx = input.ctx ?? {};
    const denied = requireOperator(ctx);
    if (denied) return denied;
    return idempotent(this.k, ctx, 'changeComplaintStatus', input, false, () =>
      this.k.store
        .transaction(async (tx) => {
          const body = input.body;
          const record = await tx.complaints.get(input.params.complaintId);
          if (!record) return fail(404, 'not_found');
          if (body.expectedStatus !== undefined && body.expectedStatus !== record.status) {
            return fail(409, 'conflict', { detail: `The appeal is ${record.status} now.` });
          }
          if (!canTransition(record.status, body.to)) {
            return fail(409, 'invalid_transition', { detail: `${record.status} → ${body.to} is not allowed.` });
          }
          const errors: FieldError[] = [];
          if (REASON_REQUIRED.includes(body.to) && !hasText(body.reason)) {
            errors.push({ field: '/reason', code: 'required', message: `A reason is required for ${body.to}.` });
          }
          if (body.to === 'forwarded' && !body.forwardTo) {
            errors.push({ field: '/forwardTo', code: 'required', message: 'Name the body it goes to.' });
          }
          if (body.forwardTo?.bodyBin !== undefined && !isValidBin(body.forwardTo.bodyBin)) {
            errors.push({
              field: '/forwardTo/bodyBin',
              code: 'bin_checksum',
              message: 'The BIN check digit does not match.',
            });
          }
          if (body.to === 'answered' && !body.resolution) {
            errors.push({ field: '/resolution', code: 'required', message: 'The outcome is required.' });
          }
          if (body.newDueAt !== undefined) this.checkDelay(record, body.newDueAt, body.reason, body.plan, errors);
          const resolutionFiles = body.resolution
            ? await this.attachments(tx, body.resolution.attachmentIds, '/resolution/attachmentIds', {}, errors)
            : [];
          if (errors.length > 0) return invalid(errors);

          const actor: TimelineActor = { kind: 'operator', label: OPERATOR_LABEL };
          const from = record.status;
          const now = this.k.iso();
          const entries: TimelineEntry[] = [];
          record.status = body.to;
          if (body.to === 'forwarded' && body.forwardTo) {
            record.forwardedTo = { ...body.forwardTo, at: now };
            entries.push(this.entry('forwarded', body.to, body.reason ?? body.forwardTo.bodyName, actor));
          } else if (body.to === 'escalated') {
            entries.push(this.entry('escalated', body.to, body.reason ?? null, actor));
          } else if (body.to === 'answered' && body.resolution) {
            record.resolution = { ...body.resolution, at: now };
            record.answeredAt ??= now;
            await this.link(tx, resolutionFiles, 'complaint', record.id);
            entries.push(this.entry('answered', body.to, body.resolution.text, actor));
          } else {
            entries.push(this.entry('status_changed', body.to, body.reason ?? body.note ?? null, actor));
          }
          if (body.responsible) {
            record.responsible = body.responsible;
            entries.push(this.entry('responsible_changed', body.to, NOTES.responsible!, actor));
          }
          if (body.newDueAt !== undefined && body.reason !== undefined && body.plan !== undefined) {
            entries.push(this.delay(record, body.newDueAt, body.reason, body.plan, actor));
          }
          for (const ref of body.externalRefs ?? []) entries.push(...this.addRef(record, ref, actor));
          await this.commit(tx, record, entries, from);
          return ok(200, operatorComplaint(record));
        })
        .catch(rethrowUnlessProblem),
    );
  }

  /** `updateOperatorComplaint`: category, responsible, an extension with plan, external references, a note. */
  async updateOperatorComplaint(input: {
    params: { complaintId: string };
    body: ComplaintUpdateInput;
    ctx?: CallContext;
  }): Promise<Result<Complaint>> {
    const ctx = input.ctx ?? {};
    const denied = requireOperator(ctx);
    if (denied) return denied;
    return idempotent(this.k, ctx, 'updateOperatorComplaint', input, false, () =>
      this.k.store
        .transaction(async (tx) => {
          const body = input.body;
          const record = await tx.complaints.get(input.params.complaintId);
          if (!record) return fail(404, 'not_found');
          if (isFinal(record.status)) return fail(409, 'conflict', { detail: 'The appeal is closed.' });
          const errors: FieldError[] = [];
          const category =
            body.categoryId === undefined
              ? undefined
              : this.k.config.appeals.categories.find((c) => c.id === body.categoryId);
          if (body.categoryId !== undefined && !category) {
            errors.push({ field: '/categoryId', code: 'unknown_category', message: 'No such category.' });
          }
          if (body.delay)
            this.checkDelay(record, body.delay.newDueAt, body.delay.reason, body.delay.plan, errors, '/delay');
          if (errors.length > 0) return invalid(errors);
          const actor: TimelineActor = { kind: 'operator', label: OPERATOR_LABEL };
          const entries: TimelineEntry[] = [];
          if (category) record.category = { id: category.id, name: category.name };
          if (body.responsible) {
            record.responsible = body.responsible;
            entries.push(this.entry('responsible_changed', record.status, NOTES.responsible!, actor));
          }
          if (body.delay)
            entries.push(this.delay(record, body.delay.newDueAt, body.delay.reason, body.delay.plan, actor));
          for (const ref of body.addExternalRefs ?? []) entries.push(...this.addRef(record, ref, actor));
          if (body.note !== undefined) entries.push(this.entry('comment', record.status, body.note, actor));
          await this.commit(tx, record, entries, record.status);
          return ok(200, operatorComplaint(record));
        })
        .catch(rethrowUnlessProblem),
    );
  }

  /** `addOperatorComplaintComment`: an operator (or the body handling it) writes to the applicant. */
  async addOperatorComplaintComment(input: {
    params: { complaintId: string };
    body: CommentInput;
    ctx?: CallContext;
  }): Promise<Result<ComplaintComment>> {
    const ctx = input.ctx ?? {};
    const denied = requireOperator(ctx);
    if (denied) return denied;
    return idempotent(this.k, ctx, 'addOperatorComplaintComment', input, false, () =>
      this.comment(
        input.params.complaintId,
        input.body,
        { kind: 'operator', label: OPERATOR_LABEL },
        { ...ctx, clientId: undefined },
      ),
    );
  }

  private checkDelay(
    record: ComplaintRecord,
    newDueAt: string,
    reason: TextOrLocalized | undefined,
    plan: TextOrLocalized | undefined,
    errors: FieldError[],
    prefix = '',
  ): void {
    const at = Date.parse(newDueAt);
    if (Number.isNaN(at) || at <= Date.parse(record.dueAt)) {
      errors.push({
        field: `${prefix}/newDueAt`,
        code: 'not_later',
        message: 'The new due date must be later than the current one.',
      });
    }
    if (!hasText(reason))
      errors.push({ field: `${prefix}/reason`, code: 'required', message: 'An extension needs a reason.' });
    if (!hasText(plan))
      errors.push({ field: `${prefix}/plan`, code: 'required', message: 'An extension needs a plan.' });
  }

  private delay(
    record: ComplaintRecord,
    newDueAt: string,
    reason: TextOrLocalized,
    plan: TextOrLocalized,
    actor: TimelineActor,
  ): TimelineEntry {
    const due = new Date(newDueAt).toISOString();
    record.delay = { reason, newDueAt: due, plan, at: this.k.iso() };
    record.dueAt = due;
    return this.entry('delayed', record.status, reason, actor);
  }

  private addRef(
    record: ComplaintRecord,
    ref: ComplaintRecord['externalRefs'][number],
    actor: TimelineActor,
  ): TimelineEntry[] {
    if (record.externalRefs.some((r) => r.system === ref.system && r.reference === ref.reference)) return [];
    record.externalRefs.push(ref);
    return [this.entry('external_ref_added', record.status, `${ref.system}: ${ref.reference}`, actor)];
  }
}

/** A stored attachment as clients see it. */
function publicAttachment(record: AttachmentRecord): Attachment {
  const { storageKey: _key, linkedTo: _link, uploadedBy: _by, ...attachment } = record;
  return attachment;
}

/** A file name without path separators or control characters, at most 255 characters. */
function safeFileName(name: string): string {
  const clean = [...name].map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch)).join('');
  return clean.slice(0, 255) || 'file';
}

function hasText(value: TextOrLocalized | undefined): boolean {
  if (value === undefined) return false;
  return typeof value === 'string' ? value.trim() !== '' : [value.kk, value.ru, value.en].every((t) => t.trim() !== '');
}

/** Refuses an operator operation without an authenticated operator. */
export function requireOperator(
  ctx: CallContext | undefined,
  role: 'operator' | 'supervisor' = 'operator',
): Failure | null {
  const operator = ctx?.operator;
  if (!operator) return fail(401, 'unauthorized', { detail: 'An operator token is required.' });
  if (role === 'supervisor' && operator.role !== 'supervisor') {
    return fail(403, 'forbidden', { detail: 'This action needs the supervisor role.' });
  }
  return null;
}

/** Turns a {@link ProblemError} thrown inside a transaction into its failure. */
export function rethrowUnlessProblem(error: unknown): Failure {
  if (error instanceof ProblemError) return error.failure;
  throw error;
}
