// SPDX-License-Identifier: MIT
import { normalizeKzPhone } from '@kc/contract';
import type { KcCore } from '../client.js';
import { lazy } from '../lazy.js';
import { idempotencyKey, type SendResult } from '../storage/outbox.js';
import { checkInput } from '../validation/validate.js';
import type * as contract from '@kc/contract';

/**
 * A callback request as the citizen makes it (`POST /callbacks`).
 *
 * @example
 * ```ts
 * const input: KcCallbackInput = { phone, topic, language: 'kk', when: { asap: true }, consent };
 * ```
 */
export type KcCallbackInput = contract.CallbackInput;
/**
 * A callback as the citizen sees it (the phone masked).
 *
 * @example
 * ```ts
 * const cb: KcCallback = await callbacks(kc).get(id);
 * ```
 */
export type KcCallback = contract.Callback;
/**
 * A booked callback and its token (shown once) for reading, rescheduling and cancelling it.
 *
 * @example
 * ```ts
 * if (result.status === 'sent') remember(result.receipt.callback.id, result.receipt.callbackToken);
 * ```
 */
export type KcCallbackCreated = contract.CallbackCreated;
/**
 * Free slots inside working hours, and whether "as soon as possible" is possible now.
 *
 * @example
 * ```ts
 * const { asap, slots }: KcCallbackSlots = await callbacks(kc).slots({ from, to });
 * ```
 */
export type KcCallbackSlots = contract.CallbackSlots;
/**
 * When to call: as soon as possible, or a slot.
 *
 * @example
 * ```ts
 * const when: KcCallbackWhen = { slotStart: slot.start };
 * ```
 */
export type KcCallbackWhen = contract.CallbackReschedule['when'];

/**
 * What the outbox keeps of a callback booked in the background, until a widget acknowledges it.
 *
 * @example
 * ```ts
 * const kept = result.receipt as KcStoredCallbackReceipt; // from kc.outbox.results()
 * ```
 */
export interface KcStoredCallbackReceipt {
  id: string;
  status: string;
  estimatedCallAt: string | null;
  /** Kept because the server shows it only once; deleted with the result. */
  callbackToken: string;
}

const kind = 'callback';
const enc = encodeURIComponent;

/**
 * Callbacks: free slots inside working hours, booking (through the outbox), reading, rescheduling and cancelling
 * with the callback's token (kept in memory for the callbacks booked in this client).
 *
 * @example
 * ```ts
 * const { slots } = await callbacks(kc).slots({ from: '2026-11-24', to: '2026-11-25' });
 * ```
 */
export class CallbacksModule {
  readonly #kc: KcCore;
  readonly #tokens = new Map<string, string>();
  // The schemas load in the background when the module is first used; the kind is registered with them (a request
  // queued by an earlier page goes out then).
  readonly #schemas = lazy(() =>
    import('./schemas.js').then((m) => {
      this.#kc.outbox.register<KcCallbackCreated>(kind, {
        operation: 'requestCallback',
        schema: m.CallbackCreated,
        keep: ({ callback: c, callbackToken }): KcStoredCallbackReceipt => ({
          id: c.id,
          status: c.status,
          estimatedCallAt: c.estimatedCallAt,
          callbackToken,
        }),
      });
      return m;
    }),
  );

  /** @internal Use {@link callbacks}. */
  constructor(kc: KcCore) {
    this.#kc = kc;
    void this.#schemas().catch(() => undefined);
    kc.outbox.on('sent', (e) => {
      if (e.kind === kind) this.#remember(e.receipt as KcCallbackCreated);
    });
  }

  /**
   * Free slots between two dates of the center's calendar (`YYYY-MM-DD`, inclusive).
   *
   * @throws any {@link KcError}
   * @example
   * ```ts
   * const { asap, slots } = await callbacks(kc).slots({ from: '2026-11-24', to: '2026-11-25' });
   * ```
   */
  async slots({ from, to, signal }: { from: string; to: string; signal?: AbortSignal }): Promise<KcCallbackSlots> {
    return (
      await this.#kc.request<KcCallbackSlots>({
        operation: 'getCallbackSlots',
        path: 'callbacks/slots',
        query: { from, to },
        schema: (await this.#schemas()).CallbackSlots,
        signal,
      })
    ).data;
  }

  /**
   * Books a callback through the outbox (the phone normalised to `+77XXXXXXXXX` first). Resolves `sent` with the
   * callback and its token, or `queued` (the booking goes out later, exactly once).
   *
   * @throws {@link KcValidationError}; {@link KcHttpError} `409 slot_unavailable` when the slot was taken.
   * @example
   * ```ts
   * const result = await callbacks(kc).request({ phone, topic, language: 'kk', when: { asap: true }, consent });
   * ```
   */
  async request(
    input: KcCallbackInput,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<SendResult<KcCallbackCreated>> {
    const body = { ...input, phone: (typeof input.phone === 'string' && normalizeKzPhone(input.phone)) || input.phone };
    checkInput((await this.#schemas()).CallbackInput, body);
    const result = await this.#kc.outbox.send<KcCallbackCreated>(kind, { path: 'callbacks', json: body }, signal);
    if (result.status === 'sent') this.#remember(result.receipt);
    return result;
  }

  /**
   * Reads a callback; `token` defaults to the one of a callback booked in this client.
   *
   * @throws any {@link KcError}
   * @example
   * ```ts
   * const cb = await callbacks(kc).get(id);
   * ```
   */
  async get(id: string, { token, signal }: { token?: string; signal?: AbortSignal } = {}): Promise<KcCallback> {
    return (await this.#call('getCallback', 'GET', id, token, undefined, signal)).data;
  }

  /**
   * Moves a callback to another slot or to "as soon as possible".
   *
   * @throws {@link KcHttpError} `409 slot_unavailable`; {@link KcValidationError}.
   * @example
   * ```ts
   * await callbacks(kc).reschedule(id, { slotStart: '2026-11-25T15:00:00+05:00' });
   * ```
   */
  async reschedule(
    id: string,
    when: KcCallbackWhen,
    { token, signal }: { token?: string; signal?: AbortSignal } = {},
  ): Promise<KcCallback> {
    checkInput((await this.#schemas()).CallbackReschedule, { when });
    return (await this.#call('rescheduleCallback', 'PATCH', id, token, { when }, signal)).data;
  }

  /**
   * Cancels a callback.
   *
   * @throws any {@link KcError}
   * @example
   * ```ts
   * await callbacks(kc).cancel(id);
   * ```
   */
  async cancel(id: string, { token, signal }: { token?: string; signal?: AbortSignal } = {}): Promise<KcCallback> {
    return (await this.#call('cancelCallback', 'DELETE', id, token, undefined, signal)).data;
  }

  #remember(created: KcCallbackCreated) {
    this.#tokens.set(created.callback.id, created.callbackToken);
  }

  async #call(
    operation: string,
    method: 'GET' | 'PATCH' | 'DELETE',
    id: string,
    token: string | undefined,
    json: unknown,
    signal?: AbortSignal,
  ) {
    const { Callback } = await this.#schemas();
    return this.#kc.request<KcCallback>({
      operation,
      method,
      path: `callbacks/${enc(id)}`,
      headers: { 'x-kc-callback-token': token ?? this.#tokens.get(id) },
      json,
      ...(method !== 'GET' && { idempotencyKey: idempotencyKey() }),
      schema: Callback,
      signal,
    });
  }
}

/**
 * The callbacks module of a client (made once per client).
 *
 * @example
 * ```ts
 * const { slots } = await callbacks(kc).slots({ from, to });
 * ```
 */
export const callbacks = (kc: KcCore): CallbacksModule => kc.use(callbacks, () => new CallbacksModule(kc));
