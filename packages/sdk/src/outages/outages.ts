// SPDX-License-Identifier: MIT
import type { KcCore } from '../client.js';
import type { KcError } from '../errors/errors.js';
import { openStream } from '../realtime/stream.js';
import { OutageList, watchOutagesEvents } from '../validation/schemas/index.js';
import type { Infer } from '../validation/validate.js';
import type * as contract from '@kc/contract';

/**
 * A service interruption with its alternatives and expected resumption (clauses 34.1–34.3).
 *
 * @example
 * ```ts
 * const active: KcOutage[] = await outages(kc).active();
 * ```
 */
export type KcOutage = contract.Outage;

/**
 * Options of {@link OutagesModule.watch}.
 *
 * @example
 * ```ts
 * outages(kc).watch(render, { signal: controller.signal, onError: report });
 * ```
 */
export interface WatchOutagesOptions {
  /** Stops watching. */
  signal?: AbortSignal;
  /** A failure that did not stop the watch (a malformed event, a failed poll), or the one that did. */
  onError?: (error: KcError) => void;
  /**
   * Milliseconds between polls when the server cannot stream.
   * @default 60000
   */
  pollInterval?: number;
  /**
   * Resume after this event id (the `lastEventId` an earlier watch passed to its callback, kept e.g. across the
   * pages of a portal): the first connection sends it as `Last-Event-ID`, and the server replays what came after.
   * Reconnections within one watch always resume from the last event received.
   */
  lastEventId?: string;
}

/**
 * Outages: the current list, and live changes.
 *
 * @example
 * ```ts
 * const stop = outages(kc).watch((list) => (banner.outages = list));
 * ```
 */
export class OutagesModule {
  readonly #kc: KcCore;

  /** @internal Use {@link outages}. */
  constructor(kc: KcCore) {
    this.#kc = kc;
  }

  /**
   * Active and scheduled outages, most severe and most recent first.
   *
   * @throws any {@link KcError}
   * @example
   * ```ts
   * const list = await outages(kc).active({ signal });
   * ```
   */
  async active({ signal }: { signal?: AbortSignal } = {}): Promise<KcOutage[]> {
    return (
      await this.#kc.request<Infer<typeof OutageList>>({
        operation: 'listOutages',
        path: 'outages',
        schema: OutageList,
        signal,
      })
    ).data.items;
  }

  /**
   * Calls `callback` with the list of active and scheduled outages now and after every change (over the event
   * stream, or by polling when the server cannot stream); an unchanged list is not repeated. A dropped stream
   * reconnects with `Last-Event-ID`, so no change is missed; the callback also gets the last event id, for a later
   * watch to resume from (`options.lastEventId`). Returns a function that stops watching.
   *
   * @example
   * ```ts
   * const stop = outages(kc).watch((list) => (banner.outages = list));
   * // Across the pages of a portal:
   * outages(kc).watch(
   *   (list, { lastEventId }) => {
   *     banner.outages = list;
   *     if (lastEventId) sessionStorage.setItem('kc-outages', lastEventId);
   *   },
   *   { lastEventId: sessionStorage.getItem('kc-outages') ?? undefined },
   * );
   * ```
   */
  watch(
    callback: (outages: KcOutage[], position: { lastEventId: string | undefined }) => void,
    options: WatchOutagesOptions = {},
  ): () => void {
    const controller = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    const current = new Map<string, KcOutage>();
    let last: string | undefined;
    let lastEventId = options.lastEventId;
    // Only changes: a reconnect or a `reset` re-reads the list, and a banner must not announce it again.
    const publish = () => {
      const list = [...current.values()].filter((o) => o.status !== 'resolved');
      const key = JSON.stringify(list);
      if (key !== last) callback(list, { lastEventId });
      last = key;
    };
    const reload = async () => {
      const list = await this.active({ signal });
      current.clear();
      for (const o of list) current.set(o.id, o);
      publish();
    };
    const fail = (error: KcError) => signal.aborted || options.onError?.(error);
    void reload()
      .catch(fail)
      .then(() =>
        openStream(this.#kc.transport, {
          operation: 'watchOutages',
          path: 'outages/events',
          events: watchOutagesEvents,
          lastEventId,
          signal,
          pollInterval: options.pollInterval ?? 60_000,
          poll: reload,
          onError: fail,
          onEvent: (event) => {
            lastEventId = event.id ?? lastEventId;
            if (event.type === 'reset') return void reload().catch(fail);
            current.set(event.data.id, event.data);
            publish();
          },
        }),
      );
    return () => controller.abort();
  }
}

/**
 * The outages module of a client (made once per client).
 *
 * @example
 * ```ts
 * const stop = outages(kc).watch(render);
 * ```
 */
export const outages = (kc: KcCore): OutagesModule => kc.use(outages, () => new OutagesModule(kc));
