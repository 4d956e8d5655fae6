// SPDX-License-Identifier: MIT
import type { KcCore } from '../client.js';
import { lazy } from '../lazy.js';
import type { SendResult } from '../storage/outbox.js';
import { checkInput } from '../validation/validate.js';
import type * as contract from '@kc/contract';

/**
 * A rating as the citizen gives it (`POST /ratings`): CSAT 1–5, resolved, optional CES 1–7 and NPS 0–10.
 *
 * @example
 * ```ts
 * const rating: KcRatingInput = { subject: { kind: 'chat', id }, csat: 4, resolved: true, language: 'kk' };
 * ```
 */
export type KcRatingInput = contract.RatingInput;
/**
 * A recorded rating.
 *
 * @example
 * ```ts
 * if (result.status === 'sent') console.log((result.receipt as KcRating).receivedAt);
 * ```
 */
export type KcRating = contract.Rating;

/**
 * The token that proves the citizen took part in what is rated (send the one you have).
 *
 * @example
 * ```ts
 * await ratings(kc).submit(rating, { auth: { chatToken } });
 * ```
 */
export interface KcRatingAuth {
  /** `X-Kc-Chat-Token` of the rated chat. */
  chatToken?: string;
  /** `X-Kc-Callback-Token` of the rated callback. */
  callbackToken?: string;
  /** `X-Kc-View-Token` of the rated appeal. */
  viewToken?: string;
}

const kind = 'rating';

/**
 * Ratings: satisfaction, first-contact resolution, effort and recommendation (clauses 7.3, 26–28).
 *
 * @example
 * ```ts
 * await ratings(kc).submit({ subject: { kind: 'callback', id }, csat: 5, resolved: true, language: 'ru' });
 * ```
 */
export class RatingsModule {
  readonly #kc: KcCore;
  // The schemas load in the background when the module is first used; the kind is registered with them (a rating
  // queued by an earlier page goes out then).
  readonly #schemas = lazy(() =>
    import('./schemas.js').then((m) => {
      this.#kc.outbox.register<KcRating>(kind, {
        operation: 'submitRating',
        schema: m.Rating,
        keep: ({ id, subject }) => ({ id, subject }),
      });
      return m;
    }),
  );

  /** @internal Use {@link ratings}. */
  constructor(kc: KcCore) {
    this.#kc = kc;
    void this.#schemas().catch(() => undefined);
  }

  /**
   * Submits a rating through the outbox: `sent` with the recorded rating, or `queued` (sent later, exactly once).
   *
   * @throws {@link KcValidationError}; {@link KcHttpError} `409 already_rated`.
   * @example
   * ```ts
   * await ratings(kc).submit({ subject: { kind: 'chat', id }, csat: 5, resolved: true, language: 'kk' }, { auth: { chatToken } });
   * ```
   */
  async submit(
    input: KcRatingInput,
    { signal, auth = {} }: { signal?: AbortSignal; auth?: KcRatingAuth } = {},
  ): Promise<SendResult<KcRating>> {
    checkInput((await this.#schemas()).RatingInput, input);
    const headers: Record<string, string> = {};
    if (auth.chatToken) headers['x-kc-chat-token'] = auth.chatToken;
    if (auth.callbackToken) headers['x-kc-callback-token'] = auth.callbackToken;
    if (auth.viewToken) headers['x-kc-view-token'] = auth.viewToken;
    return this.#kc.outbox.send<KcRating>(kind, { path: 'ratings', json: input, headers }, signal);
  }
}

/**
 * The ratings module of a client (made once per client).
 *
 * @example
 * ```ts
 * await ratings(kc).submit(rating);
 * ```
 */
export const ratings = (kc: KcCore): RatingsModule => kc.use(ratings, () => new RatingsModule(kc));
