// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { KcChatAttachment, KcChatMessage, KcChatSession } from '@kc/sdk';
import type { Config, LocalizedText } from '../../internal/client.js';
import { sdkLocale } from '../../internal/create-client.js';
import { ALTERNATIVE_SCHEMES, channelItem } from '../../internal/help.js';
import type { ChatEndReason, ChatStrings } from './strings/index.js';
import { QueueNotice, type NoticeClock, type QueueFacts } from './queue-notice.js';

/** A time of day, as messages and the inactivity warning show it. */
const HHMM = { hour: '2-digit', minute: '2-digit' } as const;
let uploadIds = 0;

interface Upload {
  id: number;
  name: string;
  size: number;
  progress: number;
  attachment?: KcChatAttachment;
  failed?: boolean;
  controller: AbortController;
}

/**
 * What a conversation reaches of its `<kc-chat>`: the element itself (its updates, its shadow root, its settings)
 * and the parts of it the conversation shares with the views before it (announcements, focus, the callback offer,
 * texts with links, the rating), which the element keeps to itself otherwise.
 */
export interface ChatPort {
  readonly el: HTMLElement & {
    requestUpdate(): void;
    readonly renderRoot: HTMLElement | DocumentFragment;
    readonly pageSize: number;
    readonly clock?: NoticeClock | undefined;
    readonly locale: string;
  };
  /** The element's texts in the current language. */
  s(): ChatStrings;
  /** A text from the server in the current language. */
  text(value: LocalizedText | string): string;
  /** A date and time in the center's time zone. */
  time(value: string, options?: Intl.DateTimeFormatOptions): string;
  config(): Config | undefined;
  report(error: unknown, operation: string): void;
  /** Says `text` once through the element's polite region. */
  announce(text: string): void;
  /** Moves focus, after the next update, to the element marked `data-focus` with this key. */
  focus(key: string): void;
  /** Counts a message that arrived while the citizen may not see it. */
  arrived(): void;
  /** The callback and other-channel offer, with this text. */
  offer(text: string): TemplateResult;
  /** A text with its http(s) links made links. */
  rich(text: string): TemplateResult[];
  /** The chat ended (`live`: now, not found ended on resuming). */
  ended(reason: string, live: boolean): void;
  /** The rating of the ended chat, once loaded. */
  rating(session: KcChatSession): TemplateResult | typeof nothing;
  /** Back to the question field, for a new chat. */
  newChat(): void;
}

/**
 * `<kc-chat>`'s conversation with an operator: the queue, the message list, the composer with its uploads, and the
 * end with the transcript. Its code loads when the citizen asks for an operator (or the tab resumes a chat), never
 * with the chat's first open. One per session: it follows the session's events until {@link Conversation.detach}.
 */
export class Conversation {
  /** How many of the last messages the list renders. */
  shown: number;
  #uploads: Upload[] = [];
  #confirmingEnd = false;
  /** The last operator joined / left / transfer, shown under the list. */
  #notice?: string;
  #offs: (() => void)[];
  #queueNotice?: QueueNotice;
  #stickToBottom = true;
  #draft = '';

  readonly #session: KcChatSession;
  readonly #port: ChatPort;

  constructor(session: KcChatSession, port: ChatPort) {
    this.#session = session;
    this.#port = port;
    const { el } = port;
    this.shown = Math.max(1, el.pageSize);
    this.#offs = [
      session.on('change', () => {
        el.requestUpdate();
        this.#queueFacts();
      }),
      session.on('message', ({ message, live }) => {
        if (!live || message.author.kind === 'citizen') return;
        port.announce(port.s().newMessage(this.#author(message), this.#plain(message.text)));
        port.arrived();
      }),
      session.on('operator.joined', ({ operator }) => this.#say(port.s().joined(operator.displayName))),
      session.on('operator.left', ({ operator }) => this.#say(port.s().left(operator.displayName))),
      session.on('transferred', ({ to }) => this.#say(port.s().transferred(to?.displayName ?? null))),
      session.on('inactivity.warning', ({ closesAt }) => port.announce(port.s().inactivity(port.time(closesAt, HHMM)))),
      session.on('session.closed', ({ reason }) => this.#ended(reason, true)),
      session.on('outage.notice', (outage) => outage.status !== 'resolved' && port.announce(port.text(outage.message))),
    ];
    this.#queueFacts();
    if (session.status === 'closed') this.#ended(session.ending?.reason ?? 'citizen_closed', false);
  }

  /** Stops following the session (the element left the page, or a new chat begins). */
  detach(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#queueNotice?.stop();
    this.#session.detach();
  }

  /** After the element updated: the list keeps to its newest message unless the citizen scrolled up. */
  updated(): void {
    const log = this.#log();
    if (log && this.#stickToBottom) {
      log.scrollTop = log.scrollHeight;
      // Off-screen messages are laid out lazily (content-visibility): scroll again once they have their size.
      requestAnimationFrame(() => {
        if (this.#stickToBottom) log.scrollTop = log.scrollHeight;
      });
    }
  }

  #log(): HTMLElement | null {
    return this.#port.el.renderRoot.querySelector<HTMLElement>('.log');
  }

  #update(): void {
    this.#port.el.requestUpdate();
  }

  #say(text: string): void {
    this.#notice = text;
    this.#port.announce(text);
    this.#update();
  }

  #ended(reason: string, live: boolean): void {
    this.#queueNotice?.stop();
    this.#confirmingEnd = false;
    this.#port.ended(reason, live);
  }

  /** Queue facts to the notice, which states them at most once per interval. */
  #queueFacts(): void {
    const session = this.#session;
    if (session.status !== 'queued') {
      this.#queueNotice?.stop();
      return;
    }
    const interval = (this.#port.config()?.waiting.announceIntervalSeconds ?? 60) * 1000;
    this.#queueNotice ??= new QueueNotice((facts) => this.#stateQueue(facts), interval, this.#port.el.clock);
    this.#queueNotice.interval = interval;
    this.#queueNotice.update({ position: session.info.position, wait: session.info.estimatedWaitSeconds });
  }

  #queueText(facts: QueueFacts): string {
    const s = this.#port.s();
    const wait = facts.wait === null ? s.queueWaitUnknown : s.queueWait(Math.max(1, Math.ceil(facts.wait / 60)));
    return `${s.queuePosition(facts.position)} ${wait}`;
  }

  #stateQueue(facts: QueueFacts): void {
    const waiting = this.#port.config()?.waiting;
    const free = waiting ? ` ${this.#port.text(waiting.notice)}` : '';
    this.#port.announce(`${this.#queueText(facts)}${free}`);
  }

  // ---------------------------------------------------------------- the citizen's actions

  #composerKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.#send();
    }
  }

  #composerInput(event: Event): void {
    this.#draft = (event.target as HTMLTextAreaElement).value;
    this.#session.typing();
  }

  async #send(options: { text?: string; quickReplyId?: string } = {}): Promise<void> {
    const session = this.#session;
    if (session.status === 'closed') return;
    const field = this.#port.el.renderRoot.querySelector<HTMLTextAreaElement>('.composer textarea');
    const text = (options.text ?? this.#draft).trim();
    const attachments = this.#uploads.flatMap((u) => (u.attachment ? [u.attachment] : []));
    if (!text && attachments.length === 0) return;
    if (this.#uploads.some((u) => !u.attachment && !u.failed)) return;
    if (!options.text && field) {
      field.value = '';
      this.#draft = '';
    }
    this.#uploads = [];
    this.#stickToBottom = true;
    this.#update();
    try {
      const message = await session.send(text || attachments.map((a) => a.fileName).join(', '), {
        attachments,
        ...(options.quickReplyId && { quickReplyId: options.quickReplyId }),
      });
      if (message.status === 'queued') this.#port.announce(this.#port.s().savedOffline);
    } catch (error) {
      this.#port.report(error, 'chat.send');
    }
  }

  async #retry(message: KcChatMessage): Promise<void> {
    try {
      await this.#session.retry(message.clientMessageId!);
    } catch (error) {
      this.#port.report(error, 'chat.send');
    }
  }

  #attach(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const max = this.#port.config()?.attachments.maxCount ?? 5;
    for (const file of files.slice(0, Math.max(0, Math.min(5, max) - this.#uploads.length))) {
      const upload: Upload = {
        id: ++uploadIds,
        name: file.name,
        size: file.size,
        progress: 0,
        controller: new AbortController(),
      };
      this.#uploads = [...this.#uploads, upload];
      const update = (patch: Partial<Upload>) => {
        this.#uploads = this.#uploads.map((u) => (u.id === upload.id ? { ...u, ...patch } : u));
        this.#update();
      };
      this.#session
        .upload(file, { onProgress: (progress) => update({ progress }), signal: upload.controller.signal })
        .then(
          (attachment) => update({ attachment, progress: 1 }),
          (error: unknown) => {
            if (upload.controller.signal.aborted) return;
            update({ failed: true });
            this.#port.announce(this.#port.s().uploadFailed(file.name));
            this.#port.report(error, 'chat.upload');
          },
        );
    }
    this.#update();
  }

  #removeUpload(upload: Upload): void {
    upload.controller.abort();
    this.#uploads = this.#uploads.filter((u) => u.id !== upload.id);
    this.#port.focus('field');
    this.#update();
  }

  #confirmEnd(confirming: boolean): void {
    this.#confirmingEnd = confirming;
    this.#port.focus(confirming ? 'end-no' : 'end');
    this.#update();
  }

  async #end(): Promise<void> {
    try {
      await this.#session.close();
    } catch (error) {
      this.#port.report(error, 'chat.close');
    }
  }

  async #transcript(): Promise<void> {
    const { el } = this.#port;
    try {
      const blob = await this.#session.transcript({ locale: sdkLocale(el.locale) });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = this.#port.s().transcriptFile;
      a.rel = 'noopener';
      el.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.#port.report(error, 'chat.transcript');
    }
  }

  #scrolled(): void {
    const log = this.#log();
    if (log) this.#stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  }

  #earlier(): void {
    this.shown += this.#port.el.pageSize;
    this.#stickToBottom = false;
    this.#port.focus('earlier');
    this.#update();
  }

  // ---------------------------------------------------------------- rendering

  #plain(text: string | LocalizedText): string {
    return typeof text === 'string' ? text : this.#port.text(text);
  }

  #author(message: KcChatMessage): string {
    const s = this.#port.s();
    switch (message.author.kind) {
      case 'citizen':
        return s.you;
      case 'operator':
        return message.author.displayName ?? s.operator;
      default: {
        const config = this.#port.config();
        return message.author.displayName ?? (config ? this.#port.text(config.name) : s.center);
      }
    }
  }

  /** The queue, the list, the composer or the end, with the outage and the offers that apply. */
  render(): TemplateResult {
    const session = this.#session;
    const port = this.#port;
    const s = port.s();
    const info = session.info;
    const closed = info.status === 'closed';
    const threshold = port.config()?.thresholds.offerCallbackAboveWaitSeconds;
    // An unknown wait (no operator online) is offered the same alternatives as a long one.
    const longWait =
      info.status === 'queued' &&
      threshold !== undefined &&
      (info.estimatedWaitSeconds === null || info.estimatedWaitSeconds > threshold);
    const outage = session.outage;
    return html`${
      outage
        ? html`<div class="outage" part="outage" role="region" aria-labelledby="outage-heading">
            <h3 id="outage-heading">${s.outageHeading}</h3>
            <p>${port.text(outage.message)}</p>
            <p>${outage.expectedResumeAt ? s.resumesAt(port.time(outage.expectedResumeAt)) : s.resumeUnknown}</p>
            ${
              outage.alternatives.length
                ? html`<h4>${s.alternatives}</h4>
                    <ul class="channels">
                      ${outage.alternatives.map((a) => channelItem(a, port.text(a.label), ALTERNATIVE_SCHEMES))}
                    </ul>`
                : nothing
            }
          </div>`
        : nothing
    }
    ${info.status === 'queued' ? this.#renderQueue() : nothing} ${longWait ? port.offer(s.longWait) : nothing}
    ${this.#renderLog()}
    ${
      session.operatorTyping && info.operator
        ? html`<p class="typing" part="typing">${s.typing(info.operator.displayName)}</p>`
        : nothing
    }
    ${
      session.inactivity && !closed
        ? html`<p class="inactivity" part="inactivity">
            ${s.inactivity(port.time(session.inactivity.closesAt, HHMM))}
          </p>`
        : nothing
    }
    ${closed ? this.#renderEnded() : this.#renderComposer()}`;
  }

  #renderQueue(): TemplateResult {
    const waiting = this.#port.config()?.waiting;
    const info = this.#session.info;
    return html`<div class="queue" part="queue">
      <p class="queue-facts">${this.#queueText({ position: info.position, wait: info.estimatedWaitSeconds })}</p>
      ${waiting ? html`<p class="small">${this.#port.text(waiting.notice)}</p>` : nothing}
    </div>`;
  }

  #renderLog(): TemplateResult {
    const session = this.#session;
    const port = this.#port;
    const s = port.s();
    const all = session.messages;
    const from = Math.max(0, all.length - this.shown);
    const visible = from ? all.slice(from) : all;
    const last = [...visible].reverse().find((m) => m.author.kind !== 'citizen');
    const replies = session.status !== 'closed' && last && last === visible.at(-1) ? last.quickReplies : [];
    return html`${
        from
          ? html`<button class="kc-button earlier" type="button" data-focus="earlier" @click=${() => this.#earlier()}>
              ${s.earlier}
            </button>`
          : nothing
      }
      <div
        class="log"
        part="log"
        role="log"
        aria-live="off"
        aria-label=${s.log}
        tabindex="0"
        @scroll=${() => this.#scrolled()}
      >
        ${repeat(
          visible,
          (m) => m.clientMessageId ?? m.id,
          (m) => this.#renderMessage(m),
        )}
      </div>
      ${this.#notice ? html`<p class="notice">${this.#notice}</p>` : nothing}
      ${
        replies.length
          ? html`<div class="replies" role="group" aria-label=${s.quickReplies}>
              ${replies.map(
                (r) =>
                  html`<button
                    class="kc-button"
                    type="button"
                    @click=${() => void this.#send({ text: this.#plain(r.label), quickReplyId: r.id })}
                  >
                    ${this.#plain(r.label)}
                  </button>`,
              )}
            </div>`
          : nothing
      }`;
  }

  #renderMessage(m: KcChatMessage): TemplateResult {
    const port = this.#port;
    const s = port.s();
    const mine = m.author.kind === 'citizen';
    return html`<div class="message" part="message" data-author=${m.author.kind}>
      <p class="meta">
        <span class="author">${this.#author(m)}</span>
        <span class="time">${port.time(m.sentAt, HHMM)}</span>
      </p>
      <p class="text">${port.rich(this.#plain(m.text))}</p>
      ${
        m.attachments.length
          ? html`<ul class="files">
              ${m.attachments.map(
                (a) => html`<li>${a.fileName} (${s.kilobytes(Math.max(1, Math.round(a.size / 1024)))})</li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        mine
          ? html`<p class="status" data-status=${m.status}>
              ${s.status[m.status]}
              ${
                m.status === 'failed' || m.status === 'queued'
                  ? html`<button class="kc-button retry" type="button" @click=${() => void this.#retry(m)}>
                      ${s.retry}
                    </button>`
                  : nothing
              }
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderComposer(): TemplateResult {
    const s = this.#port.s();
    const config = this.#port.config();
    const limits = config?.attachments;
    const max = config?.chat?.maxMessageLength ?? 10_000;
    const uploads = this.#uploads;
    const busy = uploads.some((u) => !u.attachment && !u.failed);
    return html`${
        uploads.length
          ? html`<ul class="uploads">
              ${uploads.map(
                (u) =>
                  html`<li>
                    <span>${u.failed ? s.uploadFailed(u.name) : u.name}</span>
                    ${
                      u.attachment || u.failed
                        ? nothing
                        : html`<progress max="1" .value=${u.progress} aria-label=${s.uploading(u.name)}></progress>`
                    }
                    <button
                      class="kc-button"
                      type="button"
                      aria-label=${s.removeFile(u.name)}
                      @click=${() => this.#removeUpload(u)}
                    >
                      ×
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <form class="composer" @submit=${(e: Event) => (e.preventDefault(), void this.#send())}>
        <label class="kc-visually-hidden" for="message">${s.input}</label>
        <textarea
          id="message"
          part="input"
          data-focus="field"
          rows="2"
          maxlength=${max}
          .value=${this.#draft}
          @input=${(e: Event) => this.#composerInput(e)}
          @keydown=${(e: KeyboardEvent) => this.#composerKeydown(e)}
        ></textarea>
        <div class="composer-actions">
          ${
            limits && limits.maxCount > 0
              ? html`<label class="kc-button attach">
                  <input
                    class="kc-visually-hidden"
                    type="file"
                    multiple
                    accept=${limits.allowedTypes.join(',')}
                    @change=${(e: Event) => this.#attach(e)}
                  />
                  <span>${s.attach}</span>
                </label>`
              : nothing
          }
          <button class="kc-button kc-button--primary" part="send-button" type="submit" ?disabled=${busy}>
            ${s.send}
          </button>
        </div>
      </form>
      <div class="end">
        ${
          this.#confirmingEnd
            ? html`<p id="end-confirm">${s.endConfirm}</p>
                <div class="actions" role="group" aria-labelledby="end-confirm">
                  <button class="kc-button" type="button" data-focus="end-no" @click=${() => this.#confirmEnd(false)}>
                    ${s.endNo}
                  </button>
                  <button class="kc-button kc-button--primary" type="button" @click=${() => void this.#end()}>
                    ${s.endYes}
                  </button>
                </div>`
            : html`<button class="kc-button" type="button" data-focus="end" @click=${() => this.#confirmEnd(true)}>
                ${s.end}
              </button>`
        }
      </div>`;
  }

  #renderEnded(): TemplateResult {
    const session = this.#session;
    const port = this.#port;
    const s = port.s();
    const reason: ChatEndReason = session.ending?.reason ?? session.info.closeReason ?? 'citizen_closed';
    return html`<div class="ended">
      <p class="ended-text">${s.ended[reason]}</p>
      ${port.rating(session)}
      <div class="actions">
        <button class="kc-button" type="button" @click=${() => void this.#transcript()}>${s.transcript}</button>
        <button class="kc-button kc-button--primary" type="button" @click=${() => port.newChat()}>${s.newChat}</button>
      </div>
    </div>`;
  }
}
