// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { complaints, type KcCitizenComplaint, type LocalizedText } from '@kc/sdk';
import { KcElement } from '../../internal/kc-element.js';
import { describeError } from '../../internal/errors.js';
import { resolveLocale } from '../../internal/locale.js';
import { CustomStates } from '../../internal/custom-states.js';
import { safeHref } from '../../internal/url.js';
import type { StringsOverride } from '../../translations/translation.js';
import { tokenStyles } from '../../styles/tokens.js';
import { label } from '../../internal/label.js';
import { baseStyles } from '../../styles/base.js';
import styles from './complaint-status.styles.js';
import { complaintStatusStrings, type ComplaintStatusStrings } from './strings/index.js';

type View = 'idle' | 'searching' | 'found' | 'not-found' | 'rate-limited' | 'error';
type Field = 'trackingNumber' | 'accessCode' | 'comment';

const nameOf = (error: unknown) => (error as { name?: unknown } | null)?.name;
const statusOf = (error: unknown) => (error as { status?: unknown } | null)?.status;

/**
 * @summary Follows an appeal by its tracking number and access code: its status in words, due date, responsible
 * department and position, the timeline, a delay with its reason, new date and plan, forwarding, escalation, the
 * outcome and its numbers in other systems (clauses 3.8, 6.1–6.4, 9.3–9.4, 11, 32.1 of the model requirements).
 *
 * The code travels only in the body of the lookup (the SDK's `complaints.lookup`), never in a URL: the fields
 * have no `name` and the form never submits natively. Paste and autofill work (the code field is an ordinary
 * text field with `autocomplete="current-password"`, so that password managers keep the pair). An unknown number
 * and a wrong code get the same message. When the center limits lookups, the element says in words when to try
 * again. Once found, the appeal is followed live (`complaints.watch`) and every change is announced politely.
 * When the center waits for information from the citizen (`awaiting_citizen`), a reply form appears.
 *
 * @event kc-error - The lookup or the live updates failed for another reason than a wrong number or code.
 *
 * @csspart base - The element's root.
 * @csspart lookup - The lookup form.
 * @csspart input - The text fields.
 * @csspart find-button - The lookup button.
 * @csspart message - The not-found, rate-limited or error message.
 * @csspart complaint - The appeal once found.
 * @csspart heading - The appeal's heading.
 * @csspart status - The status in words (`data-status` holds the contract's value).
 * @csspart timeline - The list of timeline entries.
 * @csspart comment-form - The reply form of an appeal that waits for the citizen.
 * @csspart comment-button - The reply form's button.
 * @csspart help - The contact center's channels, last in the element and the same in every kc element (WCAG 3.2.6).
 *
 * @cssproperty --kc-complaint-status-accent - Lines and the status badge. Default: `--kc-color-accent`.
 * @cssproperty --kc-complaint-status-surface - Background. Default: `--kc-color-surface`.
 * @cssproperty --kc-complaint-status-text - Text colour. Default: `--kc-color-text`.
 * @cssproperty --kc-complaint-status-radius - Corner radius. Default: `--kc-radius-s`.
 *
 * @cssstate searching - A lookup is under way.
 * @cssstate found - An appeal is shown.
 * @cssstate not-found - No appeal matched the number and code.
 * @cssstate rate-limited - The center asked to wait before the next lookup.
 *
 * @example
 * <kc-complaint-status base-url="https://kc.example.kz/api/v1" tracking-number="KC-2026-000123"></kc-complaint-status>
 */
export class KcComplaintStatus extends KcElement {
  static override styles = [tokenStyles, baseStyles, styles];

  declare strings: StringsOverride & { complaintStatus?: Partial<ComplaintStatusStrings> };

  /**
   * Pre-fills the tracking number (never put the access code in an attribute or a URL).
   *
   * @example <kc-complaint-status tracking-number="KC-2026-000123"></kc-complaint-status>
   */
  @property({ attribute: 'tracking-number' }) trackingNumber = '';

  /**
   * The level of the appeal's heading (2–6), so that it fits the page's outline.
   *
   * @default 2
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private number = '';
  @state() private code = '';
  @state() private view: View = 'idle';
  @state() private complaint?: KcCitizenComplaint;
  @state() private errors = new Map<Field, string>();
  @state() private failure?: unknown;
  /** When the next lookup is allowed (ms since the epoch), when the center said. */
  @state() private retryAt?: number;
  @state() private now = Date.now();
  @state() private said = '';
  @state() private comment = '';
  @state() private sending = false;

  #stop?: AbortController;
  #tick?: ReturnType<typeof setInterval>;
  #focus?: 'heading' | 'message' | Field;
  readonly #states = new CustomStates(this);

  /** The strings of this element in the current language, with the page's overrides. */
  protected get s(): ComplaintStatusStrings {
    return complaintStatusStrings.for(this.t, this.strings.complaintStatus);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = complaintStatusStrings.ensure(resolveLocale(this, this.config?.defaultLocale));
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    return complaintStatusStrings.ready && super.shouldUpdate(changed);
  }

  /**
   * Looks an appeal up and follows it, as if the citizen had typed the number and code (the form's
   * `kc-follow-status` event gives both). The code stays in memory.
   *
   * @example
   * form.addEventListener('kc-follow-status', ({ detail }) => status.follow(detail.trackingNumber, detail.accessCode));
   */
  follow(trackingNumber: string, accessCode: string): void {
    this.number = trackingNumber;
    this.code = accessCode;
    void this.#lookup();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Following stopped when the element left the page; coming back starts it again.
    if (this.hasUpdated && !this.#stop && (this.view === 'found' || this.view === 'searching')) void this.#lookup();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.abort();
    this.#stop = undefined;
    clearInterval(this.#tick);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('trackingNumber') && this.trackingNumber && !this.number) this.number = this.trackingNumber;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    for (const name of ['searching', 'found', 'not-found', 'rate-limited'] as const)
      this.#states.toggle(name, this.view === name);
    const focus = this.#focus;
    if (!focus) return;
    this.#focus = undefined;
    const target =
      focus === 'heading'
        ? '.heading'
        : focus === 'message'
          ? '[part~="message"]'
          : `#${focus === 'comment' ? 'comment' : focus}`;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  async #lookup(): Promise<void> {
    const number = this.number.trim().toUpperCase();
    const code = this.code.trim();
    const errors = new Map<Field, string>();
    if (!number) errors.set('trackingNumber', this.s.trackingRequired);
    if (!code) errors.set('accessCode', this.s.accessCodeRequired);
    this.errors = errors;
    if (errors.size) {
      this.#focus = errors.keys().next().value;
      return;
    }
    this.#stop?.abort();
    const stop = new AbortController();
    this.#stop = stop;
    this.view = 'searching';
    this.complaint = undefined;
    this.failure = undefined;
    this.said = this.s.searching;
    let client;
    try {
      client = await this.getClient();
    } catch (error) {
      this.#failed(error);
      return;
    }
    if (stop.signal.aborted) return;
    let first = true;
    let reported = false;
    complaints(client).watch(
      number,
      code,
      (complaint) => {
        if (stop.signal.aborted) return;
        reported = false;
        const before = this.complaint;
        this.complaint = complaint;
        this.view = 'found';
        if (first) {
          first = false;
          this.said = '';
          this.#focus = 'heading';
          return;
        }
        if (before && before.status !== complaint.status)
          this.said = this.s.updated(label(this.s.status, complaint.status, this.s.statusOther));
        else if (
          before &&
          (before.timeline.length !== complaint.timeline.length || before.comments.length !== complaint.comments.length)
        )
          this.said = this.s.updatedTimeline;
      },
      {
        signal: stop.signal,
        onError: (error) => {
          if (stop.signal.aborted) return;
          if (first) {
            stop.abort();
            this.#failed(error);
          } else if (!reported) {
            // The appeal stays on screen; one report per run of failures, not one per retry.
            reported = true;
            this.reportError(error, 'complaints.watch');
          }
        },
      },
    );
  }

  #failed(error: unknown): void {
    const status = statusOf(error);
    if (nameOf(error) === 'KcRateLimitError') {
      const after = (error as { retryAfter?: unknown }).retryAfter;
      this.retryAt = typeof after === 'number' && after > 0 ? Date.now() + after * 1000 : undefined;
      this.view = 'rate-limited';
      this.now = Date.now();
      this.said = this.#limitText();
      this.#startTick();
    } else if (
      nameOf(error) === 'KcValidationError' ||
      (nameOf(error) === 'KcHttpError' && (status === 404 || status === 400 || status === 422))
    ) {
      // A malformed number or code is as unknown as a wrong one: one message, so that nothing can be guessed.
      this.view = 'not-found';
      this.said = this.s.notFound;
    } else {
      this.failure = error;
      this.view = 'error';
      this.said = describeError(error, this.t);
      this.reportError(error, 'complaints.lookup');
    }
    this.#focus = 'message';
  }

  #limitText(): string {
    const s = this.s;
    if (this.retryAt === undefined) return s.rateLimitedLater;
    const left = Math.max(0, Math.ceil((this.retryAt - this.now) / 1000));
    return left > 0 ? s.rateLimited(s.duration(Math.floor(left / 60), left % 60)) : s.canRetry;
  }

  #startTick(): void {
    clearInterval(this.#tick);
    if (this.retryAt === undefined) return;
    this.#tick = setInterval(() => {
      this.now = Date.now();
      if (this.retryAt !== undefined && this.now >= this.retryAt) {
        clearInterval(this.#tick);
        this.said = this.s.canRetry;
      }
    }, 1000);
  }

  async #sendComment(): Promise<void> {
    const text = this.comment.trim();
    const complaint = this.complaint;
    if (!complaint || this.sending) return;
    if (!text) {
      this.errors = new Map(this.errors).set('comment', this.s.commentRequired);
      this.#focus = 'comment';
      return;
    }
    this.sending = true;
    try {
      const client = await this.getClient();
      await complaints(client).comment(complaint.trackingNumber, { text: text.normalize('NFC') });
      this.comment = '';
      this.said = this.s.commentSent;
      const errors = new Map(this.errors);
      errors.delete('comment');
      this.errors = errors;
    } catch (error) {
      this.reportError(error, 'complaints.comment');
      this.errors = new Map(this.errors).set('comment', describeError(error, this.t));
      this.#focus = 'comment';
    } finally {
      this.sending = false;
    }
  }

  // ---------------------------------------------------------------- rendering

  #text(value: string | LocalizedText | null | undefined): string {
    if (!value) return '';
    return typeof value === 'string' ? value : this.text(value);
  }

  #input(
    id: 'trackingNumber' | 'accessCode',
    label: string,
    hint: string,
    autocomplete: 'username' | 'current-password',
  ): TemplateResult {
    const error = this.errors.get(id);
    const value = id === 'trackingNumber' ? this.number : this.code;
    return html`<div class="field ${error ? 'field--invalid' : ''}">
      <label for=${id}>${label}</label>
      <p class="hint" id=${`${id}-hint`}>${hint}</p>
      ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
      <input
        id=${id}
        part="input"
        type="text"
        autocomplete=${autocomplete}
        autocapitalize="characters"
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${`${id}-hint${error ? ` ${id}-error` : ''}`}
        .value=${live(value)}
        @input=${(e: Event) => {
          const typed = (e.target as HTMLInputElement).value;
          if (id === 'trackingNumber') this.number = typed;
          else this.code = typed;
          if (this.errors.has(id)) {
            const errors = new Map(this.errors);
            errors.delete(id);
            this.errors = errors;
          }
        }}
      />
    </div>`;
  }

  protected override render(): TemplateResult {
    const s = this.s;
    return html`<div class="kc-visually-hidden" role="status">${this.said}</div>
      <div class="root" part="base">
        <form
          class="lookup"
          part="lookup"
          method="post"
          novalidate
          @submit=${(e: Event) => {
            e.preventDefault();
            void this.#lookup();
          }}
        >
          ${this.#input('trackingNumber', s.trackingNumber, s.trackingHint, 'username')}
          ${this.#input('accessCode', s.accessCode, s.accessCodeHint, 'current-password')}
          <div class="actions">
            <button
              class="kc-button kc-button--primary"
              part="find-button"
              type="submit"
              aria-disabled=${this.view === 'searching' ? 'true' : 'false'}
            >
              ${this.view === 'searching' ? s.searching : s.find}
            </button>
          </div>
        </form>
        ${this.#renderResult()} ${this.renderHelp()}
      </div>`;
  }

  #renderResult(): TemplateResult | typeof nothing {
    const s = this.s;
    switch (this.view) {
      case 'found':
        return this.complaint ? this.#renderComplaint(this.complaint) : nothing;
      case 'not-found':
        return html`<p class="message message--problem" part="message" tabindex="-1">${s.notFound}</p>`;
      case 'rate-limited':
        return html`<p class="message message--problem" part="message" tabindex="-1">${this.#limitText()}</p>`;
      case 'error':
        return html`<div part="message" tabindex="-1">
          ${this.renderError(this.failure, () => void this.#lookup())}
        </div>`;
      default:
        return nothing;
    }
  }

  #heading(text: string): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2));
    return html`<div class="heading" part="heading" role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
  }

  #sub(text: string): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2) + 1);
    return html`<div class="subheading" role="heading" aria-level=${level}>${text}</div>`;
  }

  #renderComplaint(c: KcCitizenComplaint): TemplateResult {
    const s = this.s;
    const kind = this.config?.appeals.kinds.find((k) => k.kind === c.kind);
    return html`<section class="complaint" part="complaint" aria-labelledby="complaint-heading">
      <div id="complaint-heading">${this.#heading(s.heading(c.trackingNumber))}</div>
      <p class="status-line">
        <span class="status-label">${s.statusLabel}:</span>
        <span class="status" part="status" data-status=${c.status}>${label(s.status, c.status, s.statusOther)}</span>
      </p>
      <dl class="facts">
        <dt>${s.kind}</dt>
        <dd>${kind ? this.text(kind.name) : c.kind}</dd>
        <dt>${s.category}</dt>
        <dd>${this.text(c.category.name)}</dd>
        <dt>${s.registeredAt}</dt>
        <dd>${this.formatDateTime(c.registeredAt)}</dd>
        <dt>${s.dueAt}</dt>
        <dd>${this.formatDateTime(c.dueAt)}</dd>
        <dt>${s.responsible}</dt>
        <dd>${this.text(c.responsible.department)}</dd>
        <dt>${s.position}</dt>
        <dd>${this.text(c.responsible.position)}</dd>
      </dl>
      ${
        c.delay
          ? html`<div class="box box--warning">
              ${this.#sub(s.delayHeading)}
              <dl class="facts">
                <dt>${s.delayReason}</dt>
                <dd class="pre">${this.#text(c.delay.reason)}</dd>
                <dt>${s.newDueAt}</dt>
                <dd>${this.formatDateTime(c.delay.newDueAt)}</dd>
                <dt>${s.plan}</dt>
                <dd class="pre">${this.#text(c.delay.plan)}</dd>
              </dl>
            </div>`
          : nothing
      }
      ${
        c.forwardedTo
          ? html`<div class="box">
              ${this.#sub(s.forwardedHeading)}
              <p>${s.forwarded(this.text(c.forwardedTo.bodyName), this.formatDateTime(c.forwardedTo.at))}</p>
            </div>`
          : nothing
      }
      ${c.status === 'escalated' ? html`<p class="box">${s.escalated}</p>` : nothing}
      ${
        c.resolution
          ? html`<div class="box box--success">
              ${this.#sub(s.outcomeHeading)}
              <p class="outcome">${s.outcomes[c.resolution.outcome] ?? ''}</p>
              <p class="pre">${this.#text(c.resolution.text)}</p>
              <p class="muted">${this.formatDateTime(c.resolution.at)}</p>
            </div>`
          : nothing
      }
      ${
        c.externalRefs.length
          ? html`<div>
              ${this.#sub(s.externalRefs)}
              <ul class="refs">
                ${c.externalRefs.map((r) => {
                  const system = r.system === 'e-otinish' ? this.t.common.channel.e_otinish : r.system;
                  const href = safeHref(r.url);
                  const label = `${system}: ${r.reference}`;
                  return html`<li>${href ? html`<a href=${href} rel="noopener noreferrer">${label}</a>` : label}</li>`;
                })}
              </ul>
            </div>`
          : nothing
      }
      ${c.status === 'awaiting_citizen' ? this.#renderReply() : nothing}
      ${
        c.comments.length
          ? html`<div>
              ${this.#sub(s.comments)}
              <ul class="comments">
                ${c.comments.map(
                  (m) =>
                    html`<li>
                      <p class="muted">
                        ${m.author.label ? this.text(m.author.label) : s.commentAuthors[m.author.kind]} ·
                        ${this.formatDateTime(m.createdAt)}
                      </p>
                      <p class="pre">${m.text}</p>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      <div>
        ${this.#sub(s.timeline)}
        <ol class="timeline" part="timeline">
          ${[...c.timeline].reverse().map(
            (entry) =>
              html`<li class="entry">
                <p class="entry__head">
                  <span class="entry__event">${label(s.events, entry.type, s.eventOther)}</span>
                  <span class="muted"> · ${label(s.status, entry.status, s.statusOther)}</span>
                </p>
                <p class="muted">
                  ${this.formatDateTime(entry.at)} ·
                  ${entry.actor.label ? this.text(entry.actor.label) : label(s.actors, entry.actor.kind, s.actorOther)}
                </p>
                ${entry.note ? html`<p class="pre">${this.#text(entry.note)}</p>` : nothing}
              </li>`,
          )}
        </ol>
      </div>
    </section>`;
  }

  #renderReply(): TemplateResult {
    const s = this.s;
    const error = this.errors.get('comment');
    return html`<form
      class="box box--warning"
      part="comment-form"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.#sendComment();
      }}
    >
      <p>${s.awaiting}</p>
      <div class="field ${error ? 'field--invalid' : ''}">
        <label for="comment">${s.commentLabel}</label>
        ${error ? html`<p class="field-error" id="comment-error">${error}</p>` : nothing}
        <textarea
          id="comment"
          part="input"
          rows="4"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'comment-error' : nothing}
          .value=${live(this.comment)}
          @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions">
        <button
          class="kc-button kc-button--primary"
          part="comment-button"
          type="submit"
          aria-disabled=${this.sending ? 'true' : 'false'}
        >
          ${s.sendComment}
        </button>
      </div>
    </form>`;
  }
}
