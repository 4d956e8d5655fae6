// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import {
  addLocalDays,
  callbacks,
  isOpen,
  localDate,
  normalizeKzPhone,
  queue,
  type KcCallback as BookedCallback,
  type KcCallbackCreated,
  type KcCallbackSlots,
  type KcCallbackWhen,
  type KcStoredCallbackReceipt,
  type KcQueueStatus,
} from '@kc/sdk';
import { KcElement } from '../../internal/kc-element.js';
import { configOf, give, offerGiven, type Config, type WidgetClient } from '../../internal/client.js';
import { sdkLocale } from '../../internal/create-client.js';
import { formatDateTime } from '../../internal/format.js';
import { resolveLocale } from '../../internal/locale.js';
import { CustomStates } from '../../internal/custom-states.js';
import { renderErrorSummary } from '../../internal/error-summary.js';
import type { StringsOverride } from '../../translations/translation.js';
import { KcCallbackRequestedEvent } from '../../events/kc-callback-requested.js';
import { KcCallbackCancelledEvent } from '../../events/kc-callback-cancelled.js';
import { tokenStyles } from '../../styles/tokens.js';
import { label } from '../../internal/label.js';
import { baseStyles } from '../../styles/base.js';
import { fieldStyles } from '../../styles/fields.js';
import styles from './callback.styles.js';
import { callbackStrings, type CallbackErrorCode, type CallbackStrings } from './strings/index.js';

type Field = 'when' | 'topic' | 'phone' | 'name' | 'consent';
type Slot = KcCallbackSlots['slots'][number];
type QueueChannel = KcQueueStatus['channels'][number];

/** What the element loads before it can offer anything: the callback queue, the free slots, the configuration. */
interface Offer {
  config: Config;
  channel: QueueChannel | undefined;
  asap: boolean;
  /** Bookable slots (free, inside working hours), grouped by local date in the center's time zone. */
  days: Map<string, Slot[]>;
}

const FIELDS: readonly Field[] = ['when', 'topic', 'phone', 'name', 'consent'];
const TOPIC_LIMIT = 500;
// The contract's PersonName: letters of any script (Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ І included), marks, spaces, ' ’ . -
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;
const PENDING = new Set<string>(['requested', 'scheduled']);
const LANGUAGES = ['kk', 'ru', 'en'] as const;

const nameOf = (error: unknown) => (error as { name?: string } | null)?.name;
const codeOf = (error: unknown) => (error as { code?: string } | null)?.code;

/** Whether `slot` lies wholly inside working hours by the shared calendar (a check on the server's answer). */
const insideHours = (schedule: Config['schedule'], slot: Slot) =>
  isOpen(schedule, new Date(slot.start)) && isOpen(schedule, new Date(Date.parse(slot.end) - 1));

/**
 * @summary A callback request: the citizen leaves a phone number and a topic, and an operator calls back as soon
 * as possible or at a chosen time inside working hours (clauses 12.1, 13.1–13.5 of the model requirements).
 *
 * It says whether the contact center is open now and how long the wait is, offers "as soon as possible" only while
 * it is open, and otherwise (or by choice) a day and a time among the server's free slots — working hours in the
 * center's time zone, holidays and transferred working days from the server's calendar, full slots left out — with
 * the citizen's own time beside each slot when their time zone differs. It asks the topic (the operator says it
 * when calling), a Kazakhstan phone number, a name (optional) and the language of the call, and consent to the
 * processing of personal data with the notice from the configuration. A failed check moves focus to an error
 * summary; the confirmation takes focus and lets the citizen change the time or cancel while the call is pending.
 * Offline or on a server fault the request waits in the SDK's outbox and the element says so; it is sent once when
 * the network returns. Everything typed survives a change of language.
 *
 * @event kc-callback-requested - A request was booked (`detail.status: 'sent'`, `detail.callback`) or saved to be
 * sent later (`'queued'`); a queued one fires again with `'sent'` when delivered.
 * @event kc-callback-cancelled - The citizen cancelled the callback. `detail.callback`.
 * @event kc-error - Loading or sending failed. `detail.error`, `detail.operation`.
 *
 * @csspart base - The element's box.
 * @csspart heading - The heading.
 * @csspart availability - Open or closed now, and the wait.
 * @csspart form - The request form.
 * @csspart days - The day buttons.
 * @csspart day - One day button (`aria-pressed` tells the chosen one).
 * @csspart slots - The times of the chosen day.
 * @csspart input - Every text field and select.
 * @csspart error-summary - The list of problems after a failed check.
 * @csspart submit-button - The form's submit button.
 * @csspart confirmation - The booked callback, with its actions.
 * @csspart queued - The "saved on this device" notice.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart help - The contact center's channels, last in the element and the same in every kc element (WCAG 3.2.6).
 *
 * @cssproperty --kc-callback-accent - The chosen day and the time buttons' accent. Default: `--kc-color-accent`.
 * @cssproperty --kc-callback-surface - Background. Default: `--kc-color-surface`.
 * @cssproperty --kc-callback-text - Text colour. Default: `--kc-color-text`.
 * @cssproperty --kc-callback-radius - Corner radius. Default: `--kc-radius-m`.
 *
 * @cssstate open - The contact center is open now.
 * @cssstate closed - The contact center is closed now.
 * @cssstate queued - A request waits on this device for the network.
 * @cssstate confirmed - A callback is booked.
 *
 * @example
 * <kc-callback base-url="https://kc.example.kz/api/v1" lang="ru" topic="Пенсия"></kc-callback>
 */
export class KcCallback extends KcElement {
  static override styles = [tokenStyles, baseStyles, fieldStyles, styles];

  /**
   * The level of the element's heading (2–6), so that it fits the page's outline.
   *
   * @default 2
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /**
   * The topic to start with (a chat passes what the conversation is about); the citizen can change it.
   *
   * @default ''
   */
  @property() topic: string | undefined = '';

  /** The chat session the callback continues, when `<kc-chat>` offers it; sent with the request. */
  @property({ attribute: 'chat-session-id' }) chatSessionId?: string;

  /** A category of the configuration's classifier for the operator, when the page knows it. */
  @property({ attribute: 'category-id' }) categoryId?: string;

  /**
   * A phone number to start with (what the citizen gave elsewhere: nothing asked twice). Not an attribute, so that
   * it does not appear in the page's markup.
   *
   * @default ''
   */
  @property({ attribute: false }) phone: string | undefined = '';

  /**
   * The citizen's time zone, to show their own time beside each slot when it differs from the center's.
   *
   * @default the browser's (`Intl.DateTimeFormat().resolvedOptions().timeZone`)
   */
  @property({ attribute: false }) userTimeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone;

  /** Per-instance wording: `{ callback: { submit: '…' } }`, besides the shared catalog's sections. */
  declare strings: StringsOverride & { callback?: Partial<CallbackStrings> };

  @state() private view: 'form' | 'queued' | 'confirmed' | 'cancelled' = 'form';
  @state() private mode?: 'asap' | 'slot';
  @state() private day?: string;
  @state() private slotStart?: string;
  @state() private topicValue?: string;
  @state() private phoneValue?: string;
  @state() private nameValue?: string;
  @state() private language?: 'kk' | 'ru' | 'en';
  @state() private consent = false;
  @state() private errors: Partial<Record<Field, CallbackErrorCode>> = {};
  @state() private summary = false;
  @state() private busy = false;
  @state() private failure?: unknown;
  @state() private callback?: BookedCallback;
  @state() private queuedId?: string;
  @state() private rescheduling = false;
  @state() private notice = '';

  readonly #states = new CustomStates(this);
  #client?: WidgetClient;
  #unsubscribe: (() => void)[] = [];
  #focus?: string;

  private readonly offerTask = new Task(this, {
    task: (_args, { signal }) => this.guard('callbacks.slots', () => this.#load(signal)),
    args: () => [...this.clientSource] as const,
  });

  /** The strings of this element in the current language, with the page's overrides. */
  protected get s(): CallbackStrings {
    return callbackStrings.for(this.t, this.strings.callback);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = callbackStrings.ensure(resolveLocale(this, this.config?.defaultLocale));
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    return callbackStrings.ready && super.shouldUpdate(changed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detach();
    offerGiven(this, false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    offerGiven(this, true);
    if (this.hasUpdated && this.#client) this.#attach(this.#client);
  }

  async #load(signal: AbortSignal): Promise<Offer> {
    const client = await this.getClient();
    signal.throwIfAborted();
    this.#attach(client);
    const [config, status] = await Promise.all([
      this.config ?? configOf(client).get(),
      queue(client).status({ signal }),
    ]);
    const schedule = config.schedule;
    // "Today" is the server's: a device whose clock is wrong still asks for the right days.
    const today = localDate(new Date(status.generatedAt), schedule.timeZone);
    const answer = await callbacks(client).slots({
      from: today,
      to: addLocalDays(today, Math.max(0, config.callbacks.horizonDays - 1)),
      signal,
    });
    const channel = status.channels.find((c) => c.channel === 'callback');
    const days = new Map<string, Slot[]>();
    for (const slot of answer.slots) {
      if (!slot.available || !insideHours(schedule, slot)) continue;
      const date = localDate(new Date(slot.start), schedule.timeZone);
      days.set(date, [...(days.get(date) ?? []), slot]);
    }
    const asap = Boolean(config.callbacks.asapWhileOpen && answer.asap.available && (channel?.openNow ?? false));
    if (this.day === undefined || !days.has(this.day)) this.day = days.keys().next().value;
    if (this.slotStart && ![...days.values()].some((list) => list.some((s) => s.start === this.slotStart))) {
      this.slotStart = undefined;
    }
    if (this.view === 'form' && !this.queuedId) await this.#resume(client);
    return { config, channel, asap, days };
  }

  /**
   * After a reload: a request still waiting in the outbox shows as queued; one the outbox delivered in the
   * background (no page was waiting) shows its confirmation, read again with the token the outbox kept.
   */
  async #resume(client: WidgetClient): Promise<void> {
    try {
      const waiting = (await client.outbox.pending()).find((item) => item.kind === 'callback');
      if (waiting) {
        this.queuedId = waiting.id;
        this.view = 'queued';
        return;
      }
      const done = (await client.outbox.results()).find((r) => r.kind === 'callback' && r.receipt);
      if (!done) return;
      const receipt = done.receipt as KcStoredCallbackReceipt;
      const callback = await callbacks(client).get(receipt.id, { token: receipt.callbackToken });
      await client.outbox.acknowledge(done.id);
      if (PENDING.has(callback.status)) this.#booked(done.id, callback, '');
    } catch (error) {
      // Showing an earlier request is a courtesy: the form still works without it.
      this.reportError(error, 'callbacks.resume');
    }
  }

  /** Follows the outbox, so that a queued request turns into a confirmation when it is delivered. */
  #attach(client: WidgetClient): void {
    if (this.#client === client && this.#unsubscribe.length) return;
    this.#detach();
    this.#client = client;
    this.#unsubscribe = [
      client.outbox.on('sent', ({ id, kind, receipt }) => {
        if (kind !== 'callback' || id !== this.queuedId) return;
        void client.outbox.acknowledge(id).catch(() => undefined);
        this.#booked(id, (receipt as KcCallbackCreated).callback, this.s.deliveredLater);
      }),
      client.outbox.on('failed', ({ id, kind, error }) => {
        if (kind !== 'callback' || id !== this.queuedId) return;
        void client.outbox.acknowledge(id).catch(() => undefined);
        this.queuedId = undefined;
        this.view = 'form';
        this.#refused(error);
      }),
    ];
  }

  #detach(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
  }

  #booked(id: string, callback: BookedCallback, notice: string): void {
    this.callback = callback;
    this.queuedId = undefined;
    this.view = 'confirmed';
    this.notice = notice;
    this.#focus = 'done-heading';
    this.dispatchEvent(new KcCallbackRequestedEvent({ id, status: 'sent', callback }));
  }

  #validate(offer: Offer): Partial<Record<Field, CallbackErrorCode>> {
    const errors: Partial<Record<Field, CallbackErrorCode>> = {};
    const mode = this.#mode(offer);
    if (mode === 'slot' && !this.#slotOffered(offer)) errors.when = 'slotRequired';
    const topic = this.#topic.trim();
    if (!topic) errors.topic = 'topicRequired';
    else if (topic.length > TOPIC_LIMIT) errors.topic = 'topicTooLong';
    const phone = this.#phone.trim();
    if (!phone) errors.phone = 'phoneRequired';
    else if (!normalizeKzPhone(phone)) errors.phone = 'phoneInvalid';
    const name = this.#name.trim().normalize('NFC');
    if (name && (!NAME.test(name) || name.length > 100)) errors.name = 'nameInvalid';
    if (!this.consent) errors.consent = 'consentRequired';
    return errors;
  }

  get #topic(): string {
    return this.topicValue ?? this.topic ?? '';
  }

  // What the citizen typed here, else the page's `phone`, else what they gave in another form of the page.
  get #phone(): string {
    return this.phoneValue ?? (this.phone || this.#client?.given.phone || '');
  }

  get #name(): string {
    return this.nameValue ?? this.#client?.given.name ?? '';
  }

  #mode(offer: Offer): 'asap' | 'slot' {
    return offer.asap ? (this.mode ?? 'asap') : 'slot';
  }

  #slotOffered(offer: Offer): boolean {
    return (
      this.slotStart !== undefined && [...offer.days.values()].some((l) => l.some((s) => s.start === this.slotStart))
    );
  }

  #when(offer: Offer): KcCallbackWhen {
    return this.#mode(offer) === 'asap' ? { asap: true } : { slotStart: this.slotStart! };
  }

  async #submit(event: Event, offer: Offer): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.failure = undefined;
    const errors = this.#validate(offer);
    if (Object.keys(errors).length > 0) {
      this.#showErrors(errors);
      return;
    }
    this.errors = {};
    this.summary = false;
    this.busy = true;
    const name = this.#name.trim().normalize('NFC');
    const phone = normalizeKzPhone(this.#phone) ?? this.#phone;
    try {
      const client = await this.getClient();
      const result = await callbacks(client).request({
        phone,
        topic: this.#topic.trim().normalize('NFC'),
        language: this.language ?? sdkLocale(this.locale),
        when: this.#when(offer),
        consent: { given: true, version: offer.config.privacy.version },
        ...(name && { name }),
        ...(this.categoryId && { categoryId: this.categoryId }),
        ...(this.chatSessionId && { chatSessionId: this.chatSessionId }),
      });
      give(client, { name, phone });
      if (result.status === 'sent') {
        this.#booked(result.id, result.receipt.callback, '');
      } else {
        this.queuedId = result.id;
        this.view = 'queued';
        this.#focus = 'queued-heading';
        this.dispatchEvent(new KcCallbackRequestedEvent({ id: result.id, status: 'queued' }));
      }
    } catch (error) {
      this.#refused(error);
    } finally {
      this.busy = false;
    }
  }

  /** Shows why the server refused: on the fields it names, or in place. */
  #refused(error: unknown): void {
    const code = codeOf(error);
    if (code === 'slot_unavailable') {
      this.slotStart = undefined;
      this.#showErrors({ when: 'slotTaken' });
      void this.offerTask.run();
      return;
    }
    if (nameOf(error) === 'KcValidationError') {
      const errors: Partial<Record<Field, CallbackErrorCode>> = {};
      for (const { field } of (error as { fieldErrors: { field: string }[] }).fieldErrors) {
        const key = field.replace(/^\/?(body\.)?/, '').split(/[/.]/)[0];
        if (key === 'phone') errors.phone = 'phoneInvalid';
        else if (key === 'name') errors.name = 'nameInvalid';
        else if (key === 'topic') errors.topic = 'topicRequired';
        else if (key === 'consent') errors.consent = 'consentRequired';
        else if (key === 'when') errors.when = 'slotRequired';
      }
      if (Object.keys(errors).length > 0) {
        this.#showErrors(errors);
        return;
      }
    }
    this.failure = error;
    this.reportError(error, 'callbacks.request');
  }

  #showErrors(errors: Partial<Record<Field, CallbackErrorCode>>): void {
    this.errors = errors;
    this.summary = true;
    this.#focus = 'summary';
  }

  #focusField(field: Field): void {
    const target =
      field === 'when'
        ? (this.renderRoot.querySelector<HTMLInputElement>('input[name="when"]:checked') ??
          this.renderRoot.querySelector<HTMLInputElement>('input[name="slot"]') ??
          this.renderRoot.querySelector<HTMLElement>('[part~="day"]'))
        : this.renderRoot.querySelector<HTMLElement>(`#${field}`);
    target?.focus();
    target?.closest('.kc-field')?.scrollIntoView({ block: 'nearest' });
  }

  async #cancel(): Promise<void> {
    const current = this.callback;
    if (!current || this.busy) return;
    this.busy = true;
    this.failure = undefined;
    try {
      const callback = await callbacks(await this.getClient()).cancel(current.id);
      this.callback = callback;
      this.view = 'cancelled';
      this.rescheduling = false;
      this.#focus = 'cancelled-heading';
      this.dispatchEvent(new KcCallbackCancelledEvent({ callback }));
    } catch (error) {
      this.failure = error;
      this.reportError(error, 'callbacks.cancel');
    } finally {
      this.busy = false;
    }
  }

  #startReschedule(): void {
    this.rescheduling = true;
    this.mode = undefined;
    this.slotStart = undefined;
    this.errors = {};
    this.#focus = 'reschedule';
    void this.offerTask.run();
  }

  async #reschedule(event: Event, offer: Offer): Promise<void> {
    event.preventDefault();
    const current = this.callback;
    if (!current || this.busy) return;
    if (this.#mode(offer) === 'slot' && !this.#slotOffered(offer)) {
      this.errors = { when: 'slotRequired' };
      this.#focus = 'when-error';
      return;
    }
    this.busy = true;
    this.failure = undefined;
    try {
      this.callback = await callbacks(await this.getClient()).reschedule(current.id, this.#when(offer));
      this.rescheduling = false;
      this.errors = {};
      this.notice = this.s.rescheduled;
      this.#focus = 'done-heading';
    } catch (error) {
      if (codeOf(error) === 'slot_unavailable') {
        this.slotStart = undefined;
        this.errors = { when: 'slotTaken' };
        this.#focus = 'when-error';
        void this.offerTask.run();
      } else {
        this.failure = error;
        this.reportError(error, 'callbacks.reschedule');
      }
    } finally {
      this.busy = false;
    }
  }

  #again(): void {
    this.view = 'form';
    this.callback = undefined;
    this.mode = undefined;
    this.slotStart = undefined;
    this.consent = false;
    this.notice = '';
    this.#focus = 'heading';
    void this.offerTask.run();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const open = this.offerTask.value?.channel?.openNow;
    this.#states.toggle('open', open === true);
    this.#states.toggle('closed', open === false);
    this.#states.toggle('queued', this.view === 'queued');
    this.#states.toggle('confirmed', this.view === 'confirmed');
    const id = this.#focus;
    if (id === undefined) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (!target) return;
    this.#focus = undefined;
    target.focus();
  }

  // ---------------------------------------------------------------- rendering

  /** A heading at `heading-level`, or one level below it for the parts of the element (`sub`). */
  #heading(id: string, text: string, sub = false): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2) + (sub ? 1 : 0));
    return html`<div class="kc-heading" part="heading" role="heading" aria-level=${level} id=${id} tabindex="-1">
      ${text}
    </div>`;
  }

  protected override render(): TemplateResult {
    const s = this.s;
    const body = this.offerTask.render({
      pending: () => this.renderLoading(),
      complete: (offer) => this.#renderView(offer),
      error: (error) => this.renderError(error, () => void this.offerTask.run()),
    });
    return html`<div class="base" part="base">
      ${this.#heading('heading', s.heading)}
      <div class="kc-visually-hidden" role="status">${this.notice}</div>
      ${body ?? nothing} ${this.renderHelp(this.offerTask.value?.config ?? this.config)}
    </div>`;
  }

  #renderView(offer: Offer): TemplateResult {
    switch (this.view) {
      case 'queued':
        return this.#renderQueued();
      case 'confirmed':
        return this.#renderConfirmed(offer);
      case 'cancelled':
        return this.#renderCancelled();
      default:
        return this.#renderForm(offer);
    }
  }

  #renderAvailability(offer: Offer): TemplateResult {
    const s = this.s;
    const channel = offer.channel;
    const open = channel?.openNow ?? false;
    const wait = channel?.estimatedWaitSeconds;
    const lines = open
      ? [s.openNow, ...(typeof wait === 'number' ? [s.wait(Math.max(1, Math.ceil(wait / 60)))] : [])]
      : [channel?.nextOpeningAt ? s.closedUntil(this.formatDateTime(channel.nextOpeningAt)) : s.closed];
    return html`<p class="availability" part="availability" data-open=${open ? 'true' : 'false'}>
      ${lines.join(' ')}
    </p>`;
  }

  #error(field: Field): TemplateResult | typeof nothing {
    const code = this.errors[field];
    if (!code) return nothing;
    return html`<p class="kc-field-error" id=${`${field}-error`} tabindex="-1">${this.#message(code)}</p>`;
  }

  #message(code: CallbackErrorCode): string {
    return code === 'topicTooLong' ? this.s.errors.topicTooLong(TOPIC_LIMIT) : this.s.errors[code];
  }

  #describedBy(field: Field, hint: boolean): string | typeof nothing {
    const ids = [hint ? `${field}-hint` : '', this.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    if (!this.summary) return nothing;
    return renderErrorSummary(
      this.#heading('summary-title', this.s.errorSummary, true),
      FIELDS.filter((f) => this.errors[f]).map((f) => ({ field: f, message: this.#message(this.errors[f]!) })),
      (f) => this.#focusField(f),
    );
  }

  #renderFailure(): TemplateResult | typeof nothing {
    if (this.failure === undefined) return nothing;
    const http = nameOf(this.failure) === 'KcHttpError' || nameOf(this.failure) === 'KcValidationError';
    return http
      ? html`<div class="kc-error" part="error" role="alert"><p class="kc-error__message">${this.s.refused}</p></div>`
      : this.renderError(this.failure);
  }

  #renderWhen(offer: Offer, legend: string): TemplateResult {
    const s = this.s;
    const mode = this.#mode(offer);
    const error = this.#error('when');
    const chooser = offer.asap
      ? html`<div class="kc-choices">
          <label class="kc-choice">
            <input
              type="radio"
              name="when"
              value="asap"
              .checked=${live(mode === 'asap')}
              aria-describedby=${offer.channel?.estimatedWaitSeconds != null ? 'asap-hint' : nothing}
              @change=${() => (this.mode = 'asap')}
            />
            <span
              >${s.asap}
              ${
                offer.channel?.estimatedWaitSeconds != null
                  ? html`<span class="kc-hint" id="asap-hint"
                      >(${s.asapHint(Math.max(1, Math.ceil(offer.channel.estimatedWaitSeconds / 60)))})</span
                    >`
                  : nothing
              }</span
            >
          </label>
          <label class="kc-choice">
            <input
              type="radio"
              name="when"
              value="slot"
              .checked=${live(mode === 'slot')}
              @change=${() => (this.mode = 'slot')}
            />
            <span>${s.chooseTime}</span>
          </label>
        </div>`
      : nothing;
    return html`<fieldset class="kc-field ${this.errors.when ? 'kc-field--error' : ''}" id="when">
      <legend>${legend}</legend>
      ${error} ${chooser} ${mode === 'slot' ? this.#renderPicker(offer) : nothing}
    </fieldset>`;
  }

  #renderPicker(offer: Offer): TemplateResult {
    const s = this.s;
    if (offer.days.size === 0) return html`<p class="no-slots">${s.noSlots}</p>`;
    const tz = offer.config.schedule.timeZone;
    const day = this.day && offer.days.has(this.day) ? this.day : offer.days.keys().next().value!;
    const slots = offer.days.get(day) ?? [];
    const dayLabel = (slot: Slot) =>
      this.formatDateTime(slot.start, { weekday: 'long', day: 'numeric', month: 'long' });
    const zone = zoneName(this.locale, tz, slots[0]?.start);
    return html`<div class="picker">
      <p class="kc-hint">${s.centerZone(zone)}</p>
      <p class="kc-label" id="days-label">${s.dayLegend}</p>
      <ul class="days" part="days" aria-labelledby="days-label">
        ${[...offer.days].map(
          ([date, list]) =>
            html`<li>
              <button
                type="button"
                class="day"
                part="day"
                aria-pressed=${date === day ? 'true' : 'false'}
                @click=${() => (this.day = date)}
              >
                ${dayLabel(list[0]!)}
              </button>
            </li>`,
        )}
      </ul>
      <fieldset class="kc-field slots" part="slots">
        <legend>${s.timeLegend(dayLabel(slots[0]!))}</legend>
        <div class="slot-grid">
          ${slots.map((slot) => {
            const center = `${this.#time(slot.start, tz)}–${this.#time(slot.end, tz)}`;
            const own = this.#ownTime(slot, tz);
            return html`<label class="kc-choice slot">
              <input
                type="radio"
                name="slot"
                .value=${slot.start}
                .checked=${live(this.slotStart === slot.start)}
                @change=${() => (this.slotStart = slot.start)}
              />
              <span>${center}${own ? html` <span class="own-time">(${s.yourTime(own)})</span>` : nothing}</span>
            </label>`;
          })}
        </div>
      </fieldset>
    </div>`;
  }

  #time(iso: string, timeZone: string): string {
    // 24-hour times everywhere, as Kazakhstan reads them, also in English.
    return formatDateTime(iso, this.locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  /** The slot's start in the citizen's zone with the zone's name, when it reads differently from the center's. */
  #ownTime(slot: Slot, centerZone: string): string | undefined {
    const mine = this.userTimeZone;
    if (!mine || mine === centerZone) return undefined;
    const wall = (tz: string) =>
      formatDateTime(slot.start, 'en', tz, { day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    if (wall(mine) === wall(centerZone)) return undefined;
    return formatDateTime(slot.start, this.locale, mine, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
  }

  #renderForm(offer: Offer): TemplateResult {
    const s = this.s;
    const privacy = offer.config.privacy;
    const language = this.language ?? sdkLocale(this.locale);
    const text = (value: { kk: string; ru: string; en: string }) => this.text(value);
    const consentText = text(privacy.text) || s.consentLegend;
    const canChoose = offer.asap || offer.days.size > 0;
    return html`${this.#renderAvailability(offer)}
      <p class="intro">${s.intro}</p>
      <form class="kc-form" part="form" novalidate @submit=${(e: Event) => void this.#submit(e, offer)}>
        ${this.#renderSummary()} ${this.#renderWhen(offer, s.whenLegend)}
        <div class="kc-field ${this.errors.topic ? 'kc-field--error' : ''}">
          <label class="kc-label" for="topic">${s.topicLabel}</label>
          <p class="kc-hint" id="topic-hint">${s.topicHint}</p>
          ${this.#error('topic')}
          <textarea
            class="kc-input"
            part="input"
            id="topic"
            name="topic"
            rows="2"
            aria-describedby=${this.#describedBy('topic', true)}
            aria-invalid=${this.errors.topic ? 'true' : 'false'}
            .value=${live(this.#topic)}
            @input=${(e: Event) => (this.topicValue = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="kc-field ${this.errors.phone ? 'kc-field--error' : ''}">
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
            aria-describedby=${this.#describedBy('phone', true)}
            aria-invalid=${this.errors.phone ? 'true' : 'false'}
            .value=${live(this.#phone)}
            @input=${(e: Event) => (this.phoneValue = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="kc-field ${this.errors.name ? 'kc-field--error' : ''}">
          <label class="kc-label" for="name">${s.nameLabel}</label>
          <p class="kc-hint" id="name-hint">${s.nameHint}</p>
          ${this.#error('name')}
          <input
            class="kc-input"
            part="input"
            id="name"
            name="name"
            type="text"
            autocomplete="name"
            spellcheck="false"
            aria-describedby=${this.#describedBy('name', true)}
            aria-invalid=${this.errors.name ? 'true' : 'false'}
            .value=${live(this.#name)}
            @input=${(e: Event) => (this.nameValue = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="kc-field">
          <label class="kc-label" for="language">${s.languageLabel}</label>
          <select
            class="kc-input"
            part="input"
            id="language"
            name="language"
            @change=${(e: Event) => (this.language = (e.target as HTMLSelectElement).value as 'kk' | 'ru' | 'en')}
          >
            ${LANGUAGES.filter((l) => offer.config.locales.includes(l) || l === language).map(
              (l) => html`<option value=${l} lang=${l} ?selected=${l === language}>${s.languages[l]}</option>`,
            )}
          </select>
        </div>
        <fieldset class="kc-field ${this.errors.consent ? 'kc-field--error' : ''}">
          <legend>${s.consentLegend}</legend>
          ${this.#error('consent')}
          <label class="kc-choice">
            <input
              type="checkbox"
              id="consent"
              name="consent"
              aria-describedby=${this.#describedBy('consent', false)}
              aria-invalid=${this.errors.consent ? 'true' : 'false'}
              .checked=${live(this.consent)}
              @change=${(e: Event) => (this.consent = (e.target as HTMLInputElement).checked)}
            />
            <span>${consentText}</span>
          </label>
          ${this.#renderNotice(offer.config)}
        </fieldset>
        ${this.#renderFailure()}
        ${
          canChoose
            ? html`<div class="kc-actions">
                <button
                  class="kc-button kc-button--primary"
                  part="submit-button"
                  type="submit"
                  aria-disabled=${this.busy ? 'true' : 'false'}
                >
                  ${this.busy ? s.submitting : s.submit}
                </button>
              </div>`
            : nothing
        }
      </form>`;
  }

  #renderNotice(config: Config): TemplateResult | typeof nothing {
    const s = this.s;
    const p = config.privacy;
    const rows: [string, string][] = [
      [s.consentOperator, s.operatorWithBin(this.text(p.operatorName), p.operatorBin)],
      [s.consentData, this.text(p.data)],
      [s.consentPurpose, this.text(p.purpose)],
      [s.consentRetention, this.text(p.retention)],
      [s.consentThirdParties, this.text(p.thirdParties)],
      [s.consentWithdrawal, this.text(p.withdrawal)],
    ];
    return html`<details class="kc-details">
      <summary>${s.consentDetails}</summary>
      <dl>
        ${rows
          .filter(([, value]) => value.trim())
          .map(
            ([term, value]) =>
              html`<dt>${term}</dt>
                <dd>${value}</dd>`,
          )}
      </dl>
    </details>`;
  }

  #renderQueued(): TemplateResult {
    const s = this.s;
    const memory = this.#client?.outbox.storage === 'memory';
    return html`<section class="queued" part="queued" aria-labelledby="queued-heading">
      ${this.#heading('queued-heading', s.queuedHeading, true)}
      <p>${s.queued}${memory ? ` ${s.queuedKeepOpen}` : ''}</p>
      <div class="kc-actions">
        <button class="kc-button" type="button" @click=${() => void this.#client?.outbox.flush()}>${s.sendNow}</button>
      </div>
    </section>`;
  }

  #whenText(callback: BookedCallback): string {
    const s = this.s;
    if (callback.slot) return s.confirmedSlot(this.formatDateTime(callback.slot.start, SLOT_FORMAT));
    return s.confirmedAsap(callback.estimatedCallAt ? this.formatDateTime(callback.estimatedCallAt) : undefined);
  }

  #renderConfirmed(offer: Offer): TemplateResult {
    const s = this.s;
    const callback = this.callback!;
    const pending = PENDING.has(callback.status);
    return html`<section class="kc-success" part="confirmation" aria-labelledby="done-heading">
      ${this.#heading('done-heading', s.confirmedHeading, true)}
      <p>${this.#whenText(callback)}</p>
      <dl class="facts">
        <dt>${s.phoneShown}</dt>
        <dd dir="ltr">${callback.phoneMasked}</dd>
        <dt>${s.topicShown}</dt>
        <dd>${callback.topic}</dd>
        <dt>${s.statusShown}</dt>
        <dd>${label(s.status, callback.status, s.statusOther)}</dd>
      </dl>
      ${
        this.rescheduling
          ? html`<form class="kc-form" novalidate @submit=${(e: Event) => void this.#reschedule(e, offer)}>
              <div id="reschedule" tabindex="-1" class="reschedule">${this.#renderWhen(offer, s.rescheduleLegend)}</div>
              ${this.#renderFailure()}
              <div class="kc-actions">
                <button
                  class="kc-button kc-button--primary"
                  type="submit"
                  aria-disabled=${this.busy ? 'true' : 'false'}
                >
                  ${s.rescheduleSave}
                </button>
                <button
                  class="kc-button"
                  type="button"
                  @click=${() => {
                    this.rescheduling = false;
                    this.errors = {};
                    this.#focus = 'done-heading';
                  }}
                >
                  ${s.rescheduleKeep}
                </button>
              </div>
            </form>`
          : pending
            ? html`${this.#renderFailure()}
                <div class="kc-actions">
                  <button class="kc-button" type="button" @click=${() => this.#startReschedule()}>
                    ${s.reschedule}
                  </button>
                  <button
                    class="kc-button"
                    type="button"
                    aria-disabled=${this.busy ? 'true' : 'false'}
                    @click=${() => void this.#cancel()}
                  >
                    ${this.busy ? s.cancelling : s.cancel}
                  </button>
                </div>`
            : nothing
      }
    </section>`;
  }

  #renderCancelled(): TemplateResult {
    const s = this.s;
    return html`<section class="cancelled" part="confirmation" aria-labelledby="cancelled-heading">
      ${this.#heading('cancelled-heading', s.cancelledHeading, true)}
      <p>${s.cancelled}</p>
      <div class="kc-actions">
        <button class="kc-button" type="button" @click=${() => this.#again()}>${s.again}</button>
      </div>
    </section>`;
  }
}

const SLOT_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

/** The zone's offset as people read it (`GMT+5`) at `at`. */
function zoneName(locale: string, timeZone: string, at: string | undefined): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(
      at ? new Date(at) : new Date(),
    );
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
