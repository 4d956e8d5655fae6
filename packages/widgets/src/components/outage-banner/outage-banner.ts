// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { KcElement } from '../../internal/kc-element.js';
import { outages } from '@kc/sdk';
import type { AlternativeChannel, Outage } from '../../internal/client.js';
import { ALTERNATIVE_SCHEMES, channelItem } from '../../internal/help.js';
import { KcOutageDismissEvent } from '../../events/kc-outage-dismiss.js';
import { tokenStyles } from '../../styles/tokens.js';
import { baseStyles } from '../../styles/base.js';
import styles from './outage-banner.styles.js';
import { readDismissed, rememberDismissed, type DismissStorage } from './dismissed.js';

const SEVERITY_ORDER: Record<string, number> = { critical: 0, major: 1, minor: 2, info: 3 };
const STATUS_ORDER: Record<string, number> = { active: 0, scheduled: 1 };

const dismissKey = (outage: Outage) => `${outage.id}:${outage.status}`;

/**
 * @summary The contact center's service interruptions, active and scheduled, with alternatives and the expected
 * time of resumption (clauses 34.1–34.3 of the model requirements).
 *
 * A region labelled by its heading, as GOV.UK's notification banner. It follows the server's outages live, shows
 * each one's severity in words and colour, its message in the page's language, the channels affected, the
 * alternative channels (phone numbers as `tel:` links) and when service should resume, in the center's time zone.
 * The citizen can dismiss a notice; the banner then remembers that outage's id (no personal data) in session
 * storage, or local storage with `dismiss-storage="local"`. Nothing is stored before a dismissal. With nothing to
 * show the element renders nothing and takes no space.
 *
 * @event kc-outage-dismiss - The citizen dismissed a notice (cancelable). `detail.outageId`, `detail.status`.
 * @event kc-error - Loading or watching the outages failed. `detail.error`, `detail.operation`.
 *
 * @csspart base - The region.
 * @csspart heading - The region's heading.
 * @csspart outage - One notice (`data-severity` and `data-status` tell which).
 * @csspart severity - The severity in words.
 * @csspart message - The outage's message.
 * @csspart alternatives - The list of alternative channels.
 * @csspart dismiss-button - A notice's dismiss button.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart help - The contact center's channels, last in the element and the same in every kc element (WCAG 3.2.6).
 *
 * @cssproperty --kc-outage-banner-accent - Border colour of the region. Default: the colour of the most severe notice.
 * @cssproperty --kc-outage-banner-accent-surface - Background of the heading. Default: its pale tone.
 * @cssproperty --kc-outage-banner-surface - Background. Default: `--kc-color-surface`.
 * @cssproperty --kc-outage-banner-text - Text colour. Default: `--kc-color-text`.
 * @cssproperty --kc-outage-banner-radius - Corner radius. Default: `--kc-radius-m`.
 *
 * @example
 * <kc-outage-banner base-url="https://kc.example.kz/api/v1" lang="ru"></kc-outage-banner>
 */
export class KcOutageBanner extends KcElement {
  static override styles = [tokenStyles, baseStyles, styles];

  /**
   * The level of the heading (2–6), so that it fits the page's outline.
   *
   * @default 2
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /**
   * Where dismissed notices are remembered: `session` (until the tab closes) or `local` (on this device).
   *
   * @default 'session'
   */
  @property({ attribute: 'dismiss-storage' }) dismissStorage: DismissStorage = 'session';

  @state() private live?: Outage[];
  @state() private dismissed = new Set<string>();
  /** What the polite status region says: new notices arrived, or one was dismissed. */
  @state() private notice?: { kind: 'new'; count: number } | { kind: 'dismissed' };

  #seen?: Set<string>;
  #stop?: () => void;
  #watchErrorReported = false;
  #focusAfterDismiss?: number;

  private readonly outagesTask = new Task(this, {
    task: (_args, { signal }) => this.guard('outages.watch', () => this.#watch(signal)),
    args: () => this.clientSource,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.dismissed = readDismissed(this.dismissStorage);
    // Watching stopped when the element left the page; coming back starts it again.
    if (this.hasUpdated && !this.#stop) void this.outagesTask.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('dismissStorage') && changed.get('dismissStorage') !== undefined) {
      this.dismissed = readDismissed(this.dismissStorage);
    }
  }

  /** Resolves with the first list of the watch; later lists arrive in `live`. */
  async #watch(signal: AbortSignal): Promise<Outage[]> {
    this.#stop?.();
    this.#stop = undefined;
    this.live = undefined;
    const client = await this.getClient();
    signal.throwIfAborted();
    return new Promise<Outage[]>((resolve, reject) => {
      const controller = new AbortController();
      let first = true;
      const stop = () => controller.abort();
      signal.addEventListener('abort', stop, { once: true });
      this.#stop = stop;
      outages(client).watch(
        (list) => {
          this.#watchErrorReported = false;
          if (first) {
            first = false;
            this.#seen = new Set(list.map((o) => o.id));
            resolve(list);
          } else {
            this.#received(list);
          }
        },
        {
          signal: controller.signal,
          onError: (error) => {
            if (first) {
              first = false;
              stop();
              reject(error);
            } else if (!this.#watchErrorReported) {
              // The last list stays on screen; one report per run of failures, not one per poll.
              this.#watchErrorReported = true;
              this.reportError(error, 'outages.watch');
            }
          },
        },
      );
    });
  }

  #received(list: Outage[]): void {
    const seen = (this.#seen ??= new Set());
    const fresh = list.filter((o) => !seen.has(o.id) && o.status !== 'resolved' && !this.dismissed.has(dismissKey(o)));
    for (const o of list) seen.add(o.id);
    this.live = list;
    if (fresh.length > 0) this.notice = { kind: 'new', count: fresh.length };
  }

  #visible(list: readonly Outage[]): Outage[] {
    return list
      .filter((o) => (o.status === 'active' || o.status === 'scheduled') && !this.dismissed.has(dismissKey(o)))
      .sort(
        (a, b) =>
          (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
          (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
          Date.parse(a.startedAt) - Date.parse(b.startedAt),
      );
  }

  #dismiss(outage: Outage, index: number): void {
    const event = new KcOutageDismissEvent({ outageId: outage.id, status: outage.status });
    if (!this.dispatchEvent(event)) return;
    const key = dismissKey(outage);
    const current = (this.live ?? this.outagesTask.value ?? []).map(dismissKey);
    rememberDismissed(this.dismissStorage, key, current);
    this.dismissed = new Set([...this.dismissed, key]);
    this.notice = { kind: 'dismissed' };
    this.#focusAfterDismiss = index;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const index = this.#focusAfterDismiss;
    if (index === undefined) return;
    this.#focusAfterDismiss = undefined;
    // Focus goes to the notice that took the dismissed one's place, else the one before it.
    const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('.dismiss');
    (buttons[index] ?? buttons[index - 1])?.focus();
  }

  protected override render(): TemplateResult {
    const notice = this.notice;
    const said =
      notice?.kind === 'new'
        ? this.t.outageBanner.announceNew(notice.count)
        : notice
          ? this.t.outageBanner.dismissed
          : '';
    const status = html`<div class="kc-visually-hidden" role="status">${said}</div>`;
    const content = this.outagesTask.render({
      complete: (first) => this.#renderBanner(this.#visible(this.live ?? first)),
      error: (error) => this.renderError(error, () => void this.outagesTask.run()),
    });
    return html`${status}${content ?? nothing}`;
  }

  #renderBanner(outages: Outage[]): TemplateResult | typeof nothing {
    if (outages.length === 0) return nothing;
    const t = this.t.outageBanner;
    const top = outages.reduce((a, b) =>
      (SEVERITY_ORDER[b.severity] ?? 9) < (SEVERITY_ORDER[a.severity] ?? 9) ? b : a,
    );
    return html`<section class="banner" part="base" aria-labelledby="heading" data-severity=${top.severity}>
      ${this.#heading(t.heading(outages.length))}
      <ul class="list">
        ${outages.map((o, i) => this.#renderOutage(o, i))}
      </ul>
      ${this.renderHelp()}
    </section>`;
  }

  #heading(text: string): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2));
    switch (level) {
      case 3:
        return html`<h3 class="heading" id="heading" part="heading">${text}</h3>`;
      case 4:
        return html`<h4 class="heading" id="heading" part="heading">${text}</h4>`;
      case 5:
        return html`<h5 class="heading" id="heading" part="heading">${text}</h5>`;
      case 6:
        return html`<h6 class="heading" id="heading" part="heading">${text}</h6>`;
      default:
        return html`<h2 class="heading" id="heading" part="heading">${text}</h2>`;
    }
  }

  #renderOutage(outage: Outage, index: number): TemplateResult {
    const t = this.t.outageBanner;
    const common = this.t.common;
    const severity = t.severity[outage.severity] ?? t.severity.info;
    const when = this.formatDateTime(outage.startedAt);
    const channels = outage.affectedChannels.map((c) => common.channel[c] ?? c);
    const alternatives = outage.alternatives.map((a) => this.#renderAlternative(a)).filter((a) => a !== nothing);
    return html`<li class="outage" part="outage" data-severity=${outage.severity} data-status=${outage.status}>
      <div class="body">
        <span class="severity" part="severity">${severity}</span>
        <p class="message" part="message" id=${`message-${index}`}>${this.text(outage.message)}</p>
        ${
          when
            ? html`<p class="meta">${outage.status === 'scheduled' ? t.scheduledFor(when) : t.activeSince(when)}</p>`
            : nothing
        }
        <p class="meta">
          ${outage.expectedResumeAt ? t.expectedResume(this.formatDateTime(outage.expectedResumeAt)) : t.resumeUnknown}
        </p>
        <dl class="channels">
          ${
            channels.length
              ? html`<dt>${t.affectedChannels}</dt>
                  <dd>${common.list(channels)}</dd>`
              : nothing
          }
          ${
            alternatives.length
              ? html`<dt>${t.alternativeChannels}</dt>
                  <dd>
                    <ul class="alternatives" part="alternatives">
                      ${alternatives}
                    </ul>
                  </dd>`
              : nothing
          }
        </dl>
      </div>
      <button
        class="kc-button dismiss"
        part="dismiss-button"
        type="button"
        aria-label=${t.dismissLabel(severity)}
        aria-describedby=${`message-${index}`}
        @click=${() => this.#dismiss(outage, index)}
      >
        ${t.dismiss}
      </button>
    </li>`;
  }

  #renderAlternative(alternative: AlternativeChannel): TemplateResult | typeof nothing {
    const label = this.text(alternative.label);
    if (!label && !alternative.value) return nothing;
    return channelItem(alternative, label, ALTERNATIVE_SCHEMES);
  }
}
