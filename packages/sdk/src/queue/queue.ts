// SPDX-License-Identifier: MIT
import type { KcCore } from '../client.js';
import { QueueStatus } from '../validation/schemas/index.js';
import type * as contract from '@kc/contract';

/**
 * Whether each channel is open and how long the wait is (`GET /queue`).
 *
 * @example
 * ```ts
 * const { channels }: KcQueueStatus = await queue(kc).status();
 * ```
 */
export type KcQueueStatus = contract.QueueStatus;

/**
 * The queue: open now, next opening, waiting and estimated wait, per channel.
 *
 * @example
 * ```ts
 * const chat = (await queue(kc).status()).channels.find((c) => c.channel === 'chat');
 * ```
 */
export class QueueModule {
  readonly #kc: KcCore;

  /** @internal Use {@link queue}. */
  constructor(kc: KcCore) {
    this.#kc = kc;
  }

  /**
   * The queue status per channel. With a chat session's token, `position` is the caller's own place.
   *
   * @throws any {@link KcError}
   * @example
   * ```ts
   * const chat = (await queue(kc).status()).channels.find((c) => c.channel === 'chat');
   * ```
   */
  async status({ signal, chatToken }: { signal?: AbortSignal; chatToken?: string } = {}): Promise<KcQueueStatus> {
    const headers = { 'x-kc-chat-token': chatToken };
    return (
      await this.#kc.request<KcQueueStatus>({
        operation: 'getQueueStatus',
        path: 'queue',
        schema: QueueStatus,
        headers,
        signal,
      })
    ).data;
  }
}

/**
 * The queue module of a client (made once per client).
 *
 * @example
 * ```ts
 * const { channels } = await queue(kc).status();
 * ```
 */
export const queue = (kc: KcCore): QueueModule => kc.use(queue, () => new QueueModule(kc));
