// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import { normalizeKzPhone, ratings, type KcRatingAuth, type KcRatingInput, type RatingSubjectKind } from '@kc/sdk';
import { KcElement } from '../../internal/kc-element.js';
import { configOf, type Config, type WidgetClient } from '../../internal/client.js';
import { sdkLocale } from '../../internal/create-client.js';
import { CustomStates } from '../../internal/custom-states.js';
import { resolveLocale } from '../../internal/locale.js';
import { renderErrorSummary } from '../../internal/error-summary.js';
import type { StringsOverride } from '../../translations/translation.js';
import { KcRatedEvent, type KcRatingSubject } from '../../events/kc-rated.js';
import { KcComplaintRequestedEvent } from '../../events/kc-complaint-requested.js';
import { tokenStyles } from '../../styles/tokens.js';
import { baseStyles } from '../../styles/base.js';
import { fieldStyles } from '../../styles/fields.js';
import styles from './rating.styles.js';
import { ratingStrings, type RatingErrorCode, type RatingStrings } from './strings/index.js';
import { hasRated, rememberRated } from './rated.js';

type Field = 'ref' | 'resolved' | 'csat' | 'comment' | 'phone';
type Scale = 'csat' | 'ces' | 'nps';

const FIELDS: readonly Field[] = ['ref', 'resolved', 'csat', 'comment', 'phone'];
const KINDS: readonly RatingSubjectKind[] = ['chat', 'call', 'callback', 'complaint'];
const COMMENT_LIMIT = 2000;
const RANGES: Record<Scale, readonly number[]> = {
  csat: [1, 2, 3, 4, 5],
  ces: [1, 2, 3, 4, 5, 6, 7],
  nps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
};
const DEFAULT_THRESHOLD = 3;

/** `ces="false"` turns a question off that the configuration would ask; an absent attribute leaves it to the configuration. */
const optionalFlag = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value !== 'false'),
  toAttribute: (value: boolean | undefined) => (value === undefined ? null : String(value)),
};

const nameOf = (error: unknown) => (error as { name?: string } | null)?.name;
const codeOf = (error: unknown) => (error as { code?: string } | null)?.code;

/**
 * @summary The citizen rates one contact — a chat, a phone call, a callback or an appeal — once: whether the
 * question was solved (first-contact resolution), satisfaction 1–5, optionally effort (CES 1–7) and recommendation
 * (NPS 0–10), and a comment (clauses 7.3, 26–28 and Appendix 1 of the model requirements).
 *
 * Every scale is a group of native radio buttons with a word for each value (arrow keys move and choose, Home and
 * End jump to the ends; no dragging; targets of 44 px). The comment has a GOV.UK-style character count: no hard
 * limit, the count announced politely once typing pauses. After a low score (at or below the configuration's
 * threshold, or "not solved") it asks what went wrong (reasons from the configuration), offers to be contacted
 * with a phone number, and offers to file a complaint (`kc-complaint-requested` with what is known). The contact
 * center records one rating per subject; a second one shows the thank-you state, and after a rating only a hash
 * of the subject is remembered on the device so that the question is not asked again. Offline, the rating waits in
 * the SDK's outbox and is sent once the network returns. Everything typed survives a change of language.
 *
 * @event kc-rated - The rating was recorded, queued, or the subject was rated already. `detail.subject`,
 * `detail.csat`, `detail.resolved`, `detail.ces`, `detail.nps`, `detail.status`.
 * @event change - The satisfaction score changed (read `value`).
 * @event kc-complaint-requested - The citizen chose to file a complaint. `detail.subject`, `detail.comment`,
 * `detail.phone`, `detail.reasonIds`.
 * @event kc-error - Sending failed. `detail.error`, `detail.operation`.
 *
 * @csspart base - The element's box.
 * @csspart heading - The heading.
 * @csspart form - The rating form.
 * @csspart scale - Each group of scores (`data-scale` is `csat`, `ces` or `nps`).
 * @csspart option - One score of a scale.
 * @csspart input - The text fields.
 * @csspart counter - The comment's visible character count.
 * @csspart follow-up - What is asked after a low score.
 * @csspart complaint-button - The offer to file a complaint.
 * @csspart error-summary - The list of problems after a failed check.
 * @csspart submit-button - The form's submit button.
 * @csspart thanks - The thank-you state.
 * @csspart error - The error state.
 * @csspart help - The contact center's channels, last in the element and the same in every kc element (WCAG 3.2.6).
 *
 * @cssproperty --kc-rating-accent - The chosen score. Default: `--kc-color-accent`.
 * @cssproperty --kc-rating-surface - Background. Default: `--kc-color-surface`.
 * @cssproperty --kc-rating-text - Text colour. Default: `--kc-color-text`.
 * @cssproperty --kc-rating-radius - Corner radius. Default: `--kc-radius-m`.
 *
 * @cssstate low - The answers so far are a low score: the follow-up is shown.
 * @cssstate rated - The thank-you state is shown.
 * @cssstate queued - The rating waits on this device for the network.
 *
 * @example
 * <kc-rating base-url="https://kc.example.kz/api/v1" subject-kind="call" subject-id="CALL-2026-001" lang="kk"></kc-rating>
 */
export class KcRating extends KcElement {
  static override styles = [tokenStyles, baseStyles, fieldStyles, styles];

  /** What kind of contact is rated: `chat`, `call`, `callback` or `complaint`. */
  @property({ attribute: 'subject-kind' }) subjectKind?: RatingSubjectKind;

  /**
   * Its id: the chat session id, the call reference (from the SMS), the callback id, or the appeal's tracking number.
   * For a `call` without an id the element asks for the reference.
   */
  @property({ attribute: 'subject-id' }) subjectId?: string;

  /** The subject as one value (set by `<kc-chat>` when a chat ends); wins over the attributes. */
  @property({ attribute: false }) subject?: KcRatingSubject;

  /**
   * The token that proves the citizen took part in the rated contact: `{ chatToken }`, `{ callbackToken }` or
   * `{ viewToken }` (the contact center refuses a chat, callback or appeal rating without it).
   */
  @property({ attribute: false }) auth: KcRatingAuth = {};

  /** Ask the effort question (CES 1–7). Absent: as the configuration's `ratings.askCes` says. */
  @property({ converter: optionalFlag }) ces?: boolean;

  /** Ask the recommendation question (NPS 0–10). Absent: as the configuration's `ratings.askNps` says. */
  @property({ converter: optionalFlag }) nps?: boolean;

  /**
   * The level of the element's heading (2–6), so that it fits the page's outline.
   *
   * @default 2
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /**
   * A phone number to offer for the follow-up (what the citizen gave elsewhere). Not an attribute, so that it does
   * not appear in the page's markup.
   *
   * @default ''
   */
  @property({ attribute: false }) phone: string | undefined = '';

  /** Per-instance wording: `{ rating: { submit: '…' } }`, besides the shared catalog's sections. */
  declare strings: StringsOverride & { rating?: Partial<RatingStrings> };

  @state() private resolved?: boolean;
  @state() private csat?: number;
  @state() private cesValue?: number;
  @state() private npsValue?: number;
  @state() private comment = '';
  @state() private reasons: readonly string[] = [];
  @state() private followUp = false;
  @state() private phoneValue?: string;
  @state() private ref = '';
  @state() private errors: Partial<Record<Field, RatingErrorCode>> = {};
  @state() private summary = false;
  @state() private busy = false;
  @state() private failure?: unknown;
  @state() private view: 'form' | 'thanks' | 'already' = 'form';
  @state() private queuedId?: string;
  @state() private followUpRequested = false;
  @state() private notice = '';
  /** What the comment's polite status says: the count, once typing pauses. */
  @state() private countSaid = '';

  readonly #states = new CustomStates(this);
  #focus?: string;
  #subjectKey?: string;
  #countTimer?: ReturnType<typeof setTimeout>;
  #unsubscribe?: () => void;
  #client?: WidgetClient;

  /** Whether this device already rated the subject (only a hash of it is kept): then the thank-you state shows. */
  private readonly ratedTask = new Task(this, {
    task: async ([kind, id]) => (kind && id ? hasRated(kind, id) : false),
    args: () => {
      const subject = this.#asksRef ? undefined : this.#subject();
      return [subject?.kind, subject?.id] as const;
    },
  });

  /**
   * The rating settings (threshold, reasons, which questions) come with the configuration; the form waits for it,
   * and uses defaults when it cannot be loaded (a rating must never be lost to a missing configuration).
   */
  private readonly settingsTask = new Task(this, {
    task: async () => {
      if (!this.hasClientSource) return undefined;
      return this.config ?? (await configOf(await this.getClient()).get());
    },
    args: () => [...this.clientSource] as const,
  });

  get #settings(): Config['ratings'] | undefined {
    return (this.config ?? this.settingsTask.value)?.ratings;
  }

  /** The satisfaction score chosen, 1–5, or `undefined`. A `change` event fires when it changes. */
  get value(): number | undefined {
    return this.csat;
  }

  /** The strings of this element in the current language, with the page's overrides. */
  protected get s(): RatingStrings {
    return ratingStrings.for(this.t, this.strings.rating);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = ratingStrings.ensure(resolveLocale(this, this.config?.defaultLocale));
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    return ratingStrings.ready && super.shouldUpdate(changed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#countTimer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A host re-rendering with a fresh but equal `subject` object (as `<kc-chat>` does) keeps the state; another
    // contact starts over.
    const subject = this.#subject();
    const key = subject ? `${subject.kind}\n${subject.id}` : undefined;
    if (this.hasUpdated && key !== this.#subjectKey && this.view !== 'form' && !this.#asksRef) this.#reset();
    this.#subjectKey = key;
  }

  /** The subject from the property, else the attributes, else (a call without id) the reference typed. */
  #subject(): KcRatingSubject | undefined {
    if (this.subject?.kind && this.subject.id) return this.subject;
    const kind = this.subjectKind;
    if (!kind || !KINDS.includes(kind)) return undefined;
    const id = this.subjectId?.trim() || (kind === 'call' ? this.ref.trim() : '');
    return id ? { kind, id } : undefined;
  }

  get #kind(): RatingSubjectKind | undefined {
    const kind = this.subject?.kind ?? this.subjectKind;
    return kind && KINDS.includes(kind) ? kind : undefined;
  }

  get #asksRef(): boolean {
    return this.#kind === 'call' && !this.subject?.id && !this.subjectId?.trim();
  }

  get #threshold(): number {
    return this.#settings?.lowScoreThreshold ?? DEFAULT_THRESHOLD;
  }

  get #low(): boolean {
    return (this.csat !== undefined && this.csat <= this.#threshold) || this.resolved === false;
  }

  get #asks(): { ces: boolean; nps: boolean } {
    const settings = this.#settings;
    return { ces: this.ces ?? settings?.askCes ?? false, nps: this.nps ?? settings?.askNps ?? false };
  }

  get #phone(): string {
    return this.phoneValue ?? this.phone ?? '';
  }

  #reset(): void {
    this.view = 'form';
    this.resolved = this.csat = this.cesValue = this.npsValue = undefined;
    this.comment = '';
    this.reasons = [];
    this.followUp = false;
    this.errors = {};
    this.summary = false;
    this.failure = undefined;
    this.queuedId = undefined;
    this.notice = '';
  }

  #choose(scale: Scale, value: number): void {
    if (scale === 'csat') {
      const changed = this.csat !== value;
      this.csat = value;
      if (changed) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    } else if (scale === 'ces') this.cesValue = value;
    else this.npsValue = value;
  }

  /** Home and End on a scale choose its first and last score; arrows are the browser's own. */
  #onScaleKey(event: KeyboardEvent, scale: Scale): void {
    if (event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const range = RANGES[scale];
    const value = event.key === 'Home' ? range[0]! : range[range.length - 1]!;
    this.#choose(scale, value);
    this.#focus = `${scale}-${value}`;
  }

  #onComment(value: string): void {
    this.comment = value;
    clearTimeout(this.#countTimer);
    // As GOV.UK's character count: the count is announced once typing pauses, not at every keystroke.
    this.#countTimer = setTimeout(() => (this.countSaid = this.#countText()), 1000);
  }

  #countText(): string {
    const left = COMMENT_LIMIT - this.comment.length;
    return left >= 0 ? this.s.charactersLeft(left) : this.s.charactersOver(-left);
  }

  #validate(): Partial<Record<Field, RatingErrorCode>> {
    const errors: Partial<Record<Field, RatingErrorCode>> = {};
    if (this.#asksRef && !this.ref.trim()) errors.ref = 'callRefRequired';
    if (this.resolved === undefined) errors.resolved = 'resolvedRequired';
    if (this.csat === undefined) errors.csat = 'csatRequired';
    if (this.comment.length > COMMENT_LIMIT) errors.comment = 'commentTooLong';
    if (this.#low && this.followUp) {
      if (!this.#phone.trim()) errors.phone = 'phoneRequired';
      else if (!normalizeKzPhone(this.#phone)) errors.phone = 'phoneInvalid';
    }
    return errors;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.failure = undefined;
    const errors = this.#validate();
    const subject = this.#subject();
    if (Object.keys(errors).length > 0 || !subject) {
      this.errors = errors;
      this.summary = true;
      this.#focus = 'summary';
      return;
    }
    this.errors = {};
    this.summary = false;
    const low = this.#low;
    const asks = this.#asks;
    const comment = this.comment.trim().normalize('NFC');
    const reasonIds = low ? this.reasons.filter((id) => this.#reasonList().some((r) => r.id === id)) : [];
    const input: KcRatingInput = {
      subject,
      csat: this.csat!,
      resolved: this.resolved!,
      language: sdkLocale(this.locale),
      ...(asks.ces && this.cesValue !== undefined && { ces: this.cesValue }),
      ...(asks.nps && this.npsValue !== undefined && { nps: this.npsValue }),
      ...(comment && { comment }),
      ...(reasonIds.length > 0 && { lowScoreReasonIds: reasonIds }),
      ...(low && this.followUp && { followUp: { consent: true, phone: normalizeKzPhone(this.#phone)! } }),
    };
    this.busy = true;
    try {
      const client = await this.getClient();
      this.#follow(client);
      const result = await ratings(client).submit(input, { auth: this.auth });
      this.followUpRequested = result.status === 'sent' ? result.receipt.followUpRequested : Boolean(input.followUp);
      if (result.status === 'queued') this.queuedId = result.id;
      this.#done(input, result.status === 'sent' ? 'sent' : 'queued');
    } catch (error) {
      if (codeOf(error) === 'already_rated') {
        this.#done(input, 'already-rated');
      } else if (nameOf(error) === 'KcValidationError' && this.#placeErrors(error)) {
        this.summary = true;
        this.#focus = 'summary';
      } else {
        this.failure = error;
        this.reportError(error, 'ratings.submit');
      }
    } finally {
      this.busy = false;
    }
  }

  #placeErrors(error: unknown): boolean {
    const errors: Partial<Record<Field, RatingErrorCode>> = {};
    for (const { field } of (error as { fieldErrors: { field: string }[] }).fieldErrors) {
      if (field.includes('followUp')) errors.phone = 'phoneInvalid';
      else if (field.includes('comment')) errors.comment = 'commentTooLong';
      else if (field.includes('csat')) errors.csat = 'csatRequired';
      else if (field.includes('resolved')) errors.resolved = 'resolvedRequired';
    }
    this.errors = errors;
    return Object.keys(errors).length > 0;
  }

  #done(input: KcRatingInput, status: 'sent' | 'queued' | 'already-rated'): void {
    this.view = status === 'already-rated' ? 'already' : 'thanks';
    this.#focus = 'thanks-heading';
    void rememberRated(input.subject.kind, input.subject.id);
    this.dispatchEvent(
      new KcRatedEvent({
        subject: input.subject,
        csat: input.csat,
        resolved: input.resolved,
        ...(input.ces !== undefined && { ces: input.ces }),
        ...(input.nps !== undefined && { nps: input.nps }),
        status,
      }),
    );
  }

  /** Follows the outbox, so that a queued rating says when it is delivered. */
  #follow(client: WidgetClient): void {
    if (this.#client === client && this.#unsubscribe) return;
    this.#unsubscribe?.();
    this.#client = client;
    const offSent = client.outbox.on('sent', ({ id, kind }) => {
      if (kind !== 'rating' || id !== this.queuedId) return;
      void client.outbox.acknowledge(id).catch(() => undefined);
      this.queuedId = undefined;
      this.notice = this.s.delivered;
    });
    const offFailed = client.outbox.on('failed', ({ id, kind }) => {
      if (kind !== 'rating' || id !== this.queuedId) return;
      void client.outbox.acknowledge(id).catch(() => undefined);
      this.queuedId = undefined;
    });
    this.#unsubscribe = () => {
      offSent();
      offFailed();
    };
  }

  #requestComplaint(): void {
    const subject = this.#subject();
    if (!subject) return;
    const comment = this.comment.trim();
    const phone = normalizeKzPhone(this.#phone);
    this.dispatchEvent(
      new KcComplaintRequestedEvent({
        subject,
        reasonIds: [...this.reasons],
        ...(comment && { comment }),
        ...(phone && { phone }),
      }),
    );
  }

  #reasonList(): Config['ratings']['lowScoreReasons'] {
    return this.#settings?.lowScoreReasons ?? [];
  }

  #focusField(field: Field): void {
    const target =
      field === 'resolved' || field === 'csat'
        ? (this.renderRoot.querySelector<HTMLInputElement>(`input[name="${field}"]:checked`) ??
          this.renderRoot.querySelector<HTMLInputElement>(`input[name="${field}"]`))
        : this.renderRoot.querySelector<HTMLElement>(`#${field}`);
    target?.focus();
    target?.closest('.kc-field')?.scrollIntoView({ block: 'nearest' });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#states.toggle('low', this.view === 'form' && this.#low);
    this.#states.toggle('rated', this.view !== 'form');
    this.#states.toggle('queued', this.queuedId !== undefined);
    const id = this.#focus;
    if (id === undefined) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (!target) return;
    this.#focus = undefined;
    target.focus();
  }

  // ---------------------------------------------------------------- rendering

  #heading(id: string, text: string, sub = false): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2) + (sub ? 1 : 0));
    return html`<div class="kc-heading" part="heading" role="heading" aria-level=${level} id=${id} tabindex="-1">
      ${text}
    </div>`;
  }

  protected override render(): TemplateResult {
    const kind = this.#kind;
    const status = html`<div class="kc-visually-hidden" role="status">${this.notice}</div>`;
    if (!kind) return html`${status}`;
    const s = this.s;
    const known = this.view === 'form' && this.ratedTask.value === true;
    // The form waits for the rating settings, so that its questions do not change under the citizen's eyes.
    const settings = this.settingsTask.status;
    const loading =
      this.#settings === undefined && (settings === TaskStatus.INITIAL || settings === TaskStatus.PENDING);
    const body =
      this.view !== 'form' || known
        ? this.#renderThanks(known || this.view === 'already')
        : loading
          ? this.renderLoading()
          : this.#renderForm();
    return html`<div class="base" part="base">
      ${this.#heading('heading', s.heading[kind])} ${status} ${body} ${this.renderHelp()}
    </div>`;
  }

  #error(field: Field): TemplateResult | typeof nothing {
    const code = this.errors[field];
    if (!code) return nothing;
    return html`<p class="kc-field-error" id=${`${field}-error`}>${this.#message(code)}</p>`;
  }

  #message(code: RatingErrorCode): string {
    return code === 'commentTooLong' ? this.s.errors.commentTooLong(COMMENT_LIMIT) : this.s.errors[code];
  }

  #renderSummary(): TemplateResult | typeof nothing {
    if (!this.summary) return nothing;
    return renderErrorSummary(
      this.#heading('summary-title', this.s.errorSummary, true),
      FIELDS.filter((f) => this.errors[f]).map((f) => ({ field: f, message: this.#message(this.errors[f]!) })),
      (f) => this.#focusField(f),
    );
  }

  #renderScale(scale: Scale, legend: string, words: (value: number) => string, hint?: string): TemplateResult {
    const current = scale === 'csat' ? this.csat : scale === 'ces' ? this.cesValue : this.npsValue;
    const error = scale === 'csat' ? this.#error('csat') : nothing;
    const invalid = scale === 'csat' && this.errors.csat;
    return html`<fieldset
      class="kc-field scale ${invalid ? 'kc-field--error' : ''}"
      part="scale"
      data-scale=${scale}
      id=${scale}
      aria-describedby=${hint ? `${scale}-hint` : nothing}
      @keydown=${(e: KeyboardEvent) => this.#onScaleKey(e, scale)}
    >
      <legend>${legend}</legend>
      ${hint ? html`<p class="kc-hint" id=${`${scale}-hint`}>${hint}</p>` : nothing} ${error}
      <div class="options" data-count=${RANGES[scale].length}>
        ${RANGES[scale].map(
          (value) =>
            html`<label class="option" part="option">
              <input
                type="radio"
                name=${scale}
                id=${`${scale}-${value}`}
                .value=${String(value)}
                .checked=${live(current === value)}
                @change=${() => this.#choose(scale, value)}
              />
              <span class="number">${value}</span>
              <span class=${scale === 'nps' ? 'kc-visually-hidden' : 'word'}>${words(value)}</span>
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderForm(): TemplateResult {
    const s = this.s;
    const asks = this.#asks;
    const low = this.#low;
    const left = COMMENT_LIMIT - this.comment.length;
    return html`<form class="kc-form" part="form" novalidate @submit=${(e: Event) => void this.#submit(e)}>
      ${this.#renderSummary()}
      ${
        this.#asksRef
          ? html`<div class="kc-field ${this.errors.ref ? 'kc-field--error' : ''}">
              <label class="kc-label" for="ref">${s.callRefLabel}</label>
              <p class="kc-hint" id="ref-hint">${s.callRefHint}</p>
              ${this.#error('ref')}
              <input
                class="kc-input"
                part="input"
                id="ref"
                name="ref"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=${this.errors.ref ? 'ref-hint ref-error' : 'ref-hint'}
                aria-invalid=${this.errors.ref ? 'true' : 'false'}
                .value=${live(this.ref)}
                @input=${(e: Event) => (this.ref = (e.target as HTMLInputElement).value)}
              />
            </div>`
          : nothing
      }
      <fieldset class="kc-field ${this.errors.resolved ? 'kc-field--error' : ''}" id="resolved">
        <legend>${s.resolvedLegend}</legend>
        ${this.#error('resolved')}
        <div class="kc-choices inline">
          ${[true, false].map(
            (value) =>
              html`<label class="kc-choice">
                <input
                  type="radio"
                  name="resolved"
                  .value=${String(value)}
                  .checked=${live(this.resolved === value)}
                  @change=${() => (this.resolved = value)}
                />
                <span>${value ? s.yes : s.no}</span>
              </label>`,
          )}
        </div>
      </fieldset>
      ${this.#renderScale('csat', s.csatLegend, (v) => s.csat[v - 1]!)}
      ${asks.ces ? this.#renderScale('ces', s.cesLegend, (v) => s.ces[v - 1]!) : nothing}
      ${
        asks.nps
          ? // 0–10 boxes stay small: the hint shows what the ends mean, and their names say it too.
            this.#renderScale('nps', s.npsLegend, (v) => (v === 0 ? s.npsLow : v === 10 ? s.npsHigh : ''), s.npsHint)
          : nothing
      }
      ${low ? this.#renderFollowUp() : nothing}
      <div class="kc-field ${this.errors.comment ? 'kc-field--error' : ''}">
        <label class="kc-label" for="comment">${s.commentLabel}</label>
        <p class="kc-hint" id="comment-hint">${s.commentLimit(COMMENT_LIMIT)}</p>
        ${this.#error('comment')}
        <textarea
          class="kc-input"
          part="input"
          id="comment"
          name="comment"
          rows="4"
          aria-describedby=${this.errors.comment ? 'comment-hint comment-error' : 'comment-hint'}
          aria-invalid=${this.errors.comment ? 'true' : 'false'}
          .value=${live(this.comment)}
          @input=${(e: Event) => this.#onComment((e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p class="counter ${left < 0 ? 'counter--over' : ''}" part="counter" aria-hidden="true">${this.#countText()}</p>
        <div class="kc-visually-hidden" aria-live="polite">${this.countSaid}</div>
      </div>
      ${this.failure !== undefined ? this.#renderFailure() : nothing}
      <div class="kc-actions">
        <button
          class="kc-button kc-button--primary"
          part="submit-button"
          type="submit"
          aria-disabled=${this.busy ? 'true' : 'false'}
        >
          ${this.busy ? s.submitting : s.submit}
        </button>
      </div>
    </form>`;
  }

  #renderFailure(): TemplateResult {
    const http = nameOf(this.failure) === 'KcHttpError' || nameOf(this.failure) === 'KcValidationError';
    return http
      ? html`<div class="kc-error" part="error" role="alert"><p class="kc-error__message">${this.s.refused}</p></div>`
      : this.renderError(this.failure);
  }

  #renderFollowUp(): TemplateResult {
    const s = this.s;
    const reasons = this.#reasonList();
    return html`<div class="follow-up" part="follow-up">
      ${
        reasons.length > 0
          ? html`<fieldset class="kc-field">
              <legend>${s.reasonsLegend}</legend>
              <div class="kc-choices">
                ${reasons.map(
                  (reason) =>
                    html`<label class="kc-choice">
                      <input
                        type="checkbox"
                        name="reason"
                        .value=${reason.id}
                        .checked=${live(this.reasons.includes(reason.id))}
                        @change=${(e: Event) => {
                          const on = (e.target as HTMLInputElement).checked;
                          this.reasons = on
                            ? [...this.reasons, reason.id]
                            : this.reasons.filter((id) => id !== reason.id);
                        }}
                      />
                      <span>${this.text(reason.label)}</span>
                    </label>`,
                )}
              </div>
            </fieldset>`
          : nothing
      }
      <div class="kc-field">
        <label class="kc-choice">
          <input
            type="checkbox"
            id="follow-up"
            name="followUp"
            .checked=${live(this.followUp)}
            @change=${(e: Event) => (this.followUp = (e.target as HTMLInputElement).checked)}
          />
          <span>${s.followUp}</span>
        </label>
      </div>
      ${
        this.followUp
          ? html`<div class="kc-field ${this.errors.phone ? 'kc-field--error' : ''}">
              <label class="kc-label" for="phone">${s.phoneLabel}</label>
              <p class="kc-hint" id="phone-hint">${s.phoneHint}</p>
              ${this.#error('phone')}
              <input
                class="kc-input"
                part="input"
                id="phone"
                name="phone"
                type="tel"
                autocomplete="tel"
                inputmode="tel"
                spellcheck="false"
                aria-describedby=${this.errors.phone ? 'phone-hint phone-error' : 'phone-hint'}
                aria-invalid=${this.errors.phone ? 'true' : 'false'}
                .value=${live(this.#phone)}
                @input=${(e: Event) => (this.phoneValue = (e.target as HTMLInputElement).value)}
              />
            </div>`
          : nothing
      }
      <div class="complaint">
        <p>${s.complaintOffer}</p>
        <button class="kc-button" part="complaint-button" type="button" @click=${() => this.#requestComplaint()}>
          ${s.complaintButton}
        </button>
      </div>
    </div>`;
  }

  #renderThanks(already: boolean): TemplateResult {
    const s = this.s;
    const lines = already
      ? [s.already]
      : [
          s.thanks,
          ...(this.followUpRequested ? [s.thanksFollowUp] : []),
          ...(this.queuedId !== undefined ? [s.thanksQueued] : []),
        ];
    return html`<section class="kc-success" part="thanks" aria-labelledby="thanks-heading">
      ${this.#heading('thanks-heading', already ? s.alreadyHeading : s.thanksHeading, true)}
      ${lines.map((line) => html`<p>${line}</p>`)}
    </section>`;
  }
}
