// SPDX-License-Identifier: MIT
// The appeal-status half of the appeals module, loaded on first use (`import()`), so that a page that only files
// appeals does not carry the event stream, its parser and the schemas of a whole appeal.
import type { KcCore } from '../client.js';
import { KcHttpError, type KcError } from '../errors/errors.js';
import { openStream } from '../realtime/stream.js';
import { idempotencyKey } from '../storage/outbox.js';
import {
  CitizenComplaint,
  ComplaintComment,
  ComplaintView,
  watchComplaintEvents,
} from '../validation/schemas/index.js';
import type {
  KcCitizenComplaint,
  KcComplaintComment,
  KcComplaintView,
  LookupOptions,
  WatchComplaintOptions,
} from './complaints.js';

const enc = encodeURIComponent;
// A citizen waiting at the screen learns of a rate limit at once (KcRateLimitError with retryAfter) rather than
// waiting out a Retry-After of up to a minute.
const interactive = (wait: boolean | undefined) => (wait ? {} : { retry: { maxRetryAfter: 0 } });

/**
 * A tracking number or an access code as a person typed, dictated or pasted it: without whitespace (a code read out
 * in groups, `7K3F 9QXD …`) or the invisible characters a copy brings, with typographic dashes as hyphens. Neither
 * ever holds a space, so nothing is lost.
 */
const typed = (value: string) =>
  value.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '').replace(/[\u2010-\u2015\u2212]/g, '-');

/** @internal Lookup, reading, watching, comments and withdrawal; see {@link ComplaintsModule} for the docs. */
export class ComplaintStatus {
  readonly #kc: KcCore;
  readonly #views = new Map<string, { token: string; code: string }>();

  constructor(kc: KcCore) {
    this.#kc = kc;
  }

  async lookup(
    trackingNumber: string,
    accessCode: string,
    { signal, waitRetryAfter }: LookupOptions = {},
  ): Promise<KcComplaintView> {
    trackingNumber = typed(trackingNumber).toUpperCase();
    accessCode = typed(accessCode);
    const { data } = await this.#kc.request<KcComplaintView>({
      operation: 'lookupComplaint',
      method: 'POST',
      path: 'complaints/lookup',
      json: { trackingNumber, accessCode },
      idempotencyKey: idempotencyKey(),
      schema: ComplaintView,
      signal,
      ...interactive(waitRetryAfter),
    });
    this.#views.set(data.complaint.trackingNumber, { token: data.viewToken, code: accessCode });
    return data;
  }

  get(trackingNumber: string, { signal, waitRetryAfter }: LookupOptions = {}): Promise<KcCitizenComplaint> {
    trackingNumber = typed(trackingNumber).toUpperCase();
    return this.#authorised(
      trackingNumber,
      { signal, waitRetryAfter },
      async (token) =>
        (
          await this.#kc.request<KcCitizenComplaint>({
            operation: 'getComplaint',
            path: `complaints/${enc(trackingNumber)}`,
            headers: { 'x-kc-view-token': token },
            schema: CitizenComplaint,
            signal,
            ...interactive(waitRetryAfter),
          })
        ).data,
    );
  }

  watch(
    trackingNumber: string,
    accessCode: string,
    callback: (complaint: KcCitizenComplaint) => void,
    options: WatchComplaintOptions = {},
  ): () => void {
    trackingNumber = typed(trackingNumber).toUpperCase();
    const controller = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    const fail = (error: KcError) => signal.aborted || options.onError?.(error);
    let current: KcCitizenComplaint | undefined;
    const show = (complaint: KcCitizenComplaint) => callback((current = complaint));
    // In the background: a short Retry-After is waited out.
    const refresh = async () => show(await this.get(trackingNumber, { signal, waitRetryAfter: true }));
    void this.lookup(trackingNumber, accessCode, { signal, waitRetryAfter: true })
      .then((view) => {
        show(view.complaint);
        return openStream(this.#kc.transport, {
          operation: 'watchComplaint',
          path: `complaints/${enc(trackingNumber)}/events`,
          events: watchComplaintEvents,
          lastEventId: view.lastEventId,
          headers: () => ({ 'x-kc-view-token': this.#views.get(trackingNumber)?.token }),
          onUnauthorized: async () => (
            await this.lookup(trackingNumber, accessCode, { signal, waitRetryAfter: true }),
            true
          ),
          signal,
          poll: refresh,
          pollInterval: options.pollInterval ?? 60_000,
          onError: fail,
          onEvent: (event) => {
            const c = current!;
            if (event.type === 'status.changed') show(event.data.complaint);
            else if (event.type === 'timeline.added' && !c.timeline.some((t) => t.id === event.data.id))
              show({ ...c, timeline: [...c.timeline, event.data] });
            else if (event.type === 'comment.added' && !c.comments.some((t) => t.id === event.data.id))
              show({ ...c, comments: [...c.comments, event.data] });
            else if (event.type === 'reset') refresh().catch(fail);
          },
        });
      })
      .catch(fail);
    return () => controller.abort();
  }

  comment(
    trackingNumber: string,
    input: { text: string; attachmentIds?: string[] },
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<KcComplaintComment> {
    trackingNumber = typed(trackingNumber).toUpperCase();
    const key = idempotencyKey();
    return this.#authorised(
      trackingNumber,
      { signal },
      async (token) =>
        (
          await this.#kc.request<KcComplaintComment>({
            operation: 'addComplaintComment',
            method: 'POST',
            path: `complaints/${enc(trackingNumber)}/comments`,
            headers: { 'x-kc-view-token': token },
            json: input,
            idempotencyKey: key,
            schema: ComplaintComment,
            signal,
          })
        ).data,
    );
  }

  withdraw(
    trackingNumber: string,
    input: { reason?: string } = {},
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<KcCitizenComplaint> {
    trackingNumber = typed(trackingNumber).toUpperCase();
    const key = idempotencyKey();
    return this.#authorised(
      trackingNumber,
      { signal },
      async (token) =>
        (
          await this.#kc.request<KcCitizenComplaint>({
            operation: 'withdrawComplaint',
            method: 'POST',
            path: `complaints/${enc(trackingNumber)}/withdraw`,
            headers: { 'x-kc-view-token': token },
            json: input,
            idempotencyKey: key,
            schema: CitizenComplaint,
            signal,
          })
        ).data,
    );
  }

  async #authorised<T>(
    trackingNumber: string,
    options: LookupOptions,
    call: (token: string) => Promise<T>,
  ): Promise<T> {
    const view = this.#views.get(trackingNumber);
    if (!view) throw new Error(`[kc] look the appeal up first: complaints(kc).lookup(trackingNumber, accessCode)`);
    try {
      return await call(view.token);
    } catch (error) {
      if (!(error instanceof KcHttpError && error.status === 401)) throw error;
      await this.lookup(trackingNumber, view.code, options);
      return call(this.#views.get(trackingNumber)!.token);
    }
  }
}
