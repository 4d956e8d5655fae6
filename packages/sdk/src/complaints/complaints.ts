// SPDX-License-Identifier: MIT
import type { KcCore } from '../client.js';
import type { KcError } from '../errors/errors.js';
import { lazy } from '../lazy.js';
import { idempotencyKey, type SendResult } from '../storage/outbox.js';
import { Attachment, ComplaintReceipt } from '../validation/schemas/index.js';
import type { ComplaintStatus } from './status.js';
import type * as contract from '@kc/contract';

/**
 * An appeal as the citizen files it (`POST /complaints`).
 *
 * @example
 * ```ts
 * const draft: KcComplaintDraft = { kind: 'complaint', categoryId, description, applicant, consent };
 * ```
 */
export type KcComplaintDraft = contract.ComplaintDraft;
/**
 * The receipt of a filed appeal: tracking number, the access code (shown once), due date, responsible.
 *
 * @example
 * ```ts
 * if (result.status === 'sent') showReceipt(result.receipt.trackingNumber, result.receipt.accessCode);
 * ```
 */
export type KcComplaintReceipt = contract.ComplaintReceipt;
/**
 * An appeal as its applicant sees it.
 *
 * @example
 * ```ts
 * complaints(kc).watch(number, code, (c: KcCitizenComplaint) => render(c.status, c.dueAt));
 * ```
 */
export type KcCitizenComplaint = contract.CitizenComplaint;
/**
 * The answer of a lookup: the appeal and a 30-minute view token.
 *
 * @example
 * ```ts
 * const { complaint, viewToken }: KcComplaintView = await complaints(kc).lookup(number, code);
 * ```
 */
export type KcComplaintView = contract.ComplaintView;
/**
 * A comment on an appeal.
 *
 * @example
 * ```ts
 * const added: KcComplaintComment = await complaints(kc).comment(number, { text });
 * ```
 */
export type KcComplaintComment = contract.ComplaintComment;
/**
 * An uploaded file.
 *
 * @example
 * ```ts
 * const file: KcAttachment = await complaints(kc).uploadAttachment(blob);
 * ```
 */
export type KcAttachment = contract.Attachment;

/**
 * What the outbox keeps of a complaint receipt sent in the background, until a widget acknowledges it: the whole
 * receipt the server returned (it holds nothing about the citizen).
 *
 * @example
 * ```ts
 * const receipt = result.receipt as KcStoredComplaintReceipt; // from kc.outbox.results()
 * ```
 */
export interface KcStoredComplaintReceipt {
  trackingNumber: string;
  /** Kept because the server shows it only once; deleted with the result (acknowledged, or after 7 days). */
  accessCode: string;
  registeredAt: string;
  dueAt: string;
  /** The department and position in charge (absent from results stored by earlier versions). */
  responsible?: KcComplaintReceipt['responsible'];
  /** What happens next, in kk, ru and en (absent from results stored by earlier versions). */
  nextSteps?: KcComplaintReceipt['nextSteps'];
}

/**
 * Options of {@link ComplaintsModule.watch}.
 *
 * @example
 * ```ts
 * complaints(kc).watch(number, code, render, { signal, onError: report, pollInterval: 120_000 });
 * ```
 */
export interface WatchComplaintOptions {
  /** Stops watching. */
  signal?: AbortSignal;
  /** A failure that did not stop the watch, or the one that did. */
  onError?: (error: KcError) => void;
  /**
   * Milliseconds between polls when the server cannot stream.
   * @default 60000
   */
  pollInterval?: number;
}

/**
 * Options of {@link ComplaintsModule.lookup} and {@link ComplaintsModule.get}.
 *
 * @example
 * ```ts
 * await complaints(kc).lookup(number, code, { signal, waitRetryAfter: false });
 * ```
 */
export interface LookupOptions {
  /** Aborts the call. */
  signal?: AbortSignal;
  /**
   * Wait out a server's `Retry-After` (up to a minute) instead of failing at once. A citizen looking an appeal up
   * is waiting at the screen, so by default a rate limit ends the call with {@link KcRateLimitError} and its
   * `retryAfter` seconds, for the widget to tell them; `watch` waits (it runs in the background).
   * @default false
   */
  waitRetryAfter?: boolean;
}

const kind = 'complaint';

/**
 * Appeals: file (through the outbox), look up by tracking number and access code, watch live, comment, withdraw,
 * upload attachments. The access code and view tokens stay in memory only.
 *
 * @example
 * ```ts
 * const result = await complaints(kc).submit(draft);
 * ```
 */
export class ComplaintsModule {
  readonly #kc: KcCore;
  #status: Promise<ComplaintStatus> | undefined;
  readonly #checks = lazy(() => import('./submit.js'));

  /** @internal Use {@link complaints}. */
  constructor(kc: KcCore) {
    this.#kc = kc;
    kc.outbox.register<KcComplaintReceipt>(kind, {
      operation: 'submitComplaint',
      schema: ComplaintReceipt,
      keep: (receipt): KcStoredComplaintReceipt => receipt,
    });
    // The checks of a new appeal load now, in the background: a page shows its form first, and the citizen may
    // be offline by the time they submit.
    void this.#checks().catch(() => undefined);
  }

  /**
   * Files an appeal. It is checked first (schema, IIN/BIN check digit, Kazakhstan phone, normalised to
   * `+77XXXXXXXXX`), written to the outbox with its `Idempotency-Key`, then sent. Resolves `sent` with the receipt,
   * or `queued` when it could not be sent now: it is sent later exactly once (also after a reload) and the receipt
   * arrives as the outbox's `sent` event, and in `outbox.results()` until acknowledged. With `draftKey`, the
   * saved draft is wiped once the appeal is safely stored.
   *
   * @throws {@link KcValidationError} when the SDK or the server finds invalid fields (nothing is queued).
   * @throws {@link KcHttpError} when the server refuses it for good.
   * @throws {@link KcAbortError} when `signal` aborts (the appeal stays queued and is still sent).
   * @example
   * ```ts
   * const result = await complaints(kc).submit(draft, { draftKey: 'complaint-form' });
   * if (result.status === 'sent') showReceipt(result.receipt);
   * else showQueued(result.id); // and listen to kc.outbox.on('sent', …)
   * ```
   */
  async submit(
    draft: KcComplaintDraft,
    { signal, draftKey }: { signal?: AbortSignal; draftKey?: string } = {},
  ): Promise<SendResult<KcComplaintReceipt>> {
    // When their code could not load (offline before it did), KcNetworkError: nothing stored, the caller has the draft.
    const body = (await this.#checks()).prepare(draft);
    // Sent or queued, the appeal is safe in the outbox: the draft can go. A refusal keeps it for corrections.
    const result = await this.#kc.outbox.send<KcComplaintReceipt>(kind, { path: 'complaints', json: body }, signal);
    if (draftKey) await this.#kc.drafts.remove(draftKey);
    return result;
  }

  /**
   * Looks an appeal up by its tracking number and access code (sent in the body, never in a URL). Keeps the view
   * token in memory for `get`, `watch`, `comment` and `withdraw`, and renews it with the access code when it
   * expires. The status code loads on first use.
   *
   * @throws {@link KcHttpError} `404 not_found` for an unknown number or a wrong code; {@link KcRateLimitError} at
   *   once when the server limits the rate (its `retryAfter` says in how many seconds to try again), unless
   *   `waitRetryAfter`.
   * @example
   * ```ts
   * const { complaint } = await complaints(kc).lookup('KC-2026-000123', '7K3F-9QXD-M2PA-HV8E');
   * ```
   */
  async lookup(trackingNumber: string, accessCode: string, options: LookupOptions = {}): Promise<KcComplaintView> {
    return (await this.#loadStatus()).lookup(trackingNumber, accessCode, options);
  }

  /**
   * Reads an appeal looked up before in this client.
   *
   * @throws {@link KcHttpError}, {@link KcRateLimitError} (as for `lookup`); an `Error` when the appeal was not
   *   looked up in this client.
   * @example
   * ```ts
   * const complaint = await complaints(kc).get('KC-2026-000123');
   * ```
   */
  async get(trackingNumber: string, options: LookupOptions = {}): Promise<KcCitizenComplaint> {
    return (await this.#loadStatus()).get(trackingNumber, options);
  }

  /**
   * Follows an appeal live: looks it up, then calls `callback` with the whole appeal now and after every status
   * change, timeline entry or comment (over the event stream with `Last-Event-ID` resume, or by polling when the
   * server cannot stream). The view token is renewed with the access code when it expires. Returns a function
   * that stops watching.
   *
   * @example
   * ```ts
   * const stop = complaints(kc).watch('KC-2026-000123', code, (complaint) => render(complaint), { onError });
   * ```
   */
  watch(
    trackingNumber: string,
    accessCode: string,
    callback: (complaint: KcCitizenComplaint) => void,
    options: WatchComplaintOptions = {},
  ): () => void {
    const controller = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    void this.#loadStatus().then(
      (status) => status.watch(trackingNumber, accessCode, callback, { ...options, signal }),
      (error: KcError) => options.onError?.(error),
    );
    return () => controller.abort();
  }

  /**
   * Adds a comment (or documents) to an appeal looked up before; answers a request for information.
   *
   * @throws {@link KcHttpError} `409 invalid_transition` once the appeal is closed; {@link KcValidationError}.
   * @example
   * ```ts
   * await complaints(kc).comment('KC-2026-000123', { text: 'Құжаттар қоса берілді.', attachmentIds: [file.id] });
   * ```
   */
  async comment(
    trackingNumber: string,
    input: { text: string; attachmentIds?: string[] },
    options: { signal?: AbortSignal } = {},
  ): Promise<KcComplaintComment> {
    return (await this.#loadStatus()).comment(trackingNumber, input, options);
  }

  /**
   * Withdraws an appeal looked up before (before it is answered).
   *
   * @throws {@link KcHttpError} `409 invalid_transition` when it can no longer be withdrawn.
   * @example
   * ```ts
   * await complaints(kc).withdraw('KC-2026-000123', { reason: 'Мәселе шешілді.' });
   * ```
   */
  async withdraw(
    trackingNumber: string,
    input: { reason?: string } = {},
    options: { signal?: AbortSignal } = {},
  ): Promise<KcCitizenComplaint> {
    return (await this.#loadStatus()).withdraw(trackingNumber, input, options);
  }

  #loadStatus(): Promise<ComplaintStatus> {
    return (this.#status ??= import('./status.js').then((m) => new m.ComplaintStatus(this.#kc)));
  }

  /**
   * Uploads one file (PDF, JPEG, PNG within `config.attachments`) for an appeal or a comment; reference its `id`
   * within 24 hours. `onProgress` gets the share sent (0–1): in browsers through `XMLHttpRequest` upload events;
   * where there is none (Node) or with a custom `fetch`, once at the end.
   *
   * @throws {@link KcHttpError} `413 payload_too_large`, `415 unsupported_media_type`; {@link KcAbortError}.
   * @example
   * ```ts
   * const file = await complaints(kc).uploadAttachment(input.files[0], { onProgress: (p) => (bar.value = p), signal });
   * ```
   */
  async uploadAttachment(
    file: Blob,
    {
      onProgress,
      signal,
      fileName,
    }: { onProgress?: (share: number) => void; signal?: AbortSignal; fileName?: string } = {},
  ): Promise<KcAttachment> {
    const form = new FormData();
    form.append('file', file, fileName ?? (file as File).name ?? 'file');
    // The XMLHttpRequest code loads only for an upload that reports progress in a browser.
    const xhr = onProgress && !this.#kc.options.fetch && typeof XMLHttpRequest === 'function';
    const fetch = xhr ? (await import('./upload.js')).uploadWithProgress(form, onProgress) : undefined;
    const { data } = await this.#kc.request<KcAttachment>({
      operation: 'uploadAttachment',
      method: 'POST',
      path: 'attachments',
      body: form,
      idempotencyKey: idempotencyKey(),
      schema: Attachment,
      signal,
      ...(fetch && { fetch }),
    });
    onProgress?.(1);
    return data;
  }
}

/**
 * The appeals module of a client (made once per client). Only this module's code enters a bundle that uses it.
 *
 * @example
 * ```ts
 * import { createCore, complaints } from '@kc/sdk';
 * const kc = createCore({ baseUrl: '/api/v1' });
 * await complaints(kc).submit(draft);
 * ```
 */
export const complaints = (kc: KcCore): ComplaintsModule => kc.use(complaints, () => new ComplaintsModule(kc));
