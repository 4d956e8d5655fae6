// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ChatMessage, OperatorChatDetail, OperatorChatSummary, OperatorEvent } from '@kc/contract';
import { formatDateTime, pick } from './i18n.js';
import { Panel, text } from './panel.js';

/** How long after the last keystroke the console tells the citizen the operator stopped typing. */
const TYPING_IDLE_MS = 4000;

/** `<kc-op-chats>`: the chat queue, the active chats and one conversation. */
@customElement('kc-op-chats')
export class KcOpChats extends Panel {
  @state() private chats = new Map<string, OperatorChatSummary>();
  @state() private detail: OperatorChatDetail | undefined;
  @state() private citizenTyping = false;
  #typingSent = false;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #citizenTypingTimer: ReturnType<typeof setTimeout> | undefined;

  async reload(): Promise<void> {
    await this.run(async () => {
      const [queued, active] = await Promise.all([
        this.api.chats({ status: 'queued' }),
        this.api.chats({ status: 'active' }),
      ]);
      this.chats = new Map([...queued.items, ...active.items].map((c) => [c.id, c]));
      if (this.detail) this.detail = await this.api.chat(this.detail.chat.id);
    });
  }

  handleEvent(e: OperatorEvent): void {
    const open = this.detail?.chat.id;
    switch (e.event) {
      case 'chat.queued':
      case 'chat.updated': {
        const next = new Map(this.chats);
        if (e.data.status === 'closed') next.delete(e.data.id);
        else next.set(e.data.id, e.data);
        if (e.event === 'chat.queued' && !this.chats.has(e.data.id)) this.notice = this.s.chats.newInQueue;
        this.chats = next;
        if (this.detail && open === e.data.id) this.detail = { ...this.detail, chat: e.data };
        break;
      }
      case 'chat.message':
        if (this.detail && open === e.data.sessionId) {
          this.appendMessage(e.data.message);
          if (e.data.message.author.kind === 'citizen') {
            this.citizenTyping = false;
            void this.api.read(open, e.data.message.id).catch(() => undefined);
          }
        }
        break;
      case 'chat.typing':
        if (open === e.data.sessionId) {
          this.citizenTyping = e.data.typing;
          clearTimeout(this.#citizenTypingTimer);
          if (e.data.typing) this.#citizenTypingTimer = setTimeout(() => (this.citizenTyping = false), 10_000);
        }
        break;
      case 'chat.read':
        if (this.detail && open === e.data.sessionId) {
          const ids = new Set(e.data.messageIds);
          const messages = this.detail.messages.map((m) => (ids.has(m.id) ? { ...m, state: e.data.state } : m));
          this.detail = { ...this.detail, messages };
        }
        break;
      case 'chat.closed': {
        const next = new Map(this.chats);
        next.delete(e.data.sessionId);
        this.chats = next;
        if (this.detail && open === e.data.sessionId) {
          this.detail = { ...this.detail, chat: { ...this.detail.chat, status: 'closed' } };
          this.notice = this.s.chats.closed;
        }
        break;
      }
      default:
        break;
    }
  }

  private appendMessage(message: ChatMessage): void {
    if (!this.detail || this.detail.messages.some((m) => m.id === message.id)) return;
    this.detail = { ...this.detail, messages: [...this.detail.messages, message] };
  }

  private async open(id: string): Promise<void> {
    const detail = await this.run(() => this.api.chat(id));
    if (!detail) return;
    this.detail = detail;
    this.citizenTyping = false;
    const last = detail.messages.filter((m) => m.author.kind === 'citizen').at(-1);
    if (last && detail.chat.status === 'active') void this.api.read(id, last.id).catch(() => undefined);
    await this.updateComplete;
    this.querySelector<HTMLElement>('.conversation h3')?.focus();
  }

  private get name(): string | null {
    return this.detail?.citizen.name ?? this.detail?.chat.citizenName ?? null;
  }

  private async join(): Promise<void> {
    const id = this.detail?.chat.id;
    if (!id) return;
    const chat = await this.run(() => this.api.join(id));
    if (chat && this.detail) this.detail = { ...this.detail, chat };
    await this.updateComplete;
    this.querySelector<HTMLElement>('#kc-reply')?.focus();
  }

  private onInput(): void {
    const id = this.detail?.chat.id;
    if (!id) return;
    if (!this.#typingSent) {
      this.#typingSent = true;
      void this.api.typing(id, true).catch(() => undefined);
    }
    clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => this.stopTyping(id), TYPING_IDLE_MS);
  }

  private stopTyping(id: string): void {
    clearTimeout(this.#typingTimer);
    if (!this.#typingSent) return;
    this.#typingSent = false;
    void this.api.typing(id, false).catch(() => undefined);
  }

  private async send(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const id = this.detail?.chat.id;
    const body = text(new FormData(form), 'text');
    if (!id || !body) return;
    this.stopTyping(id);
    const message = await this.run(() => this.api.reply(id, { text: body }));
    if (message) {
      this.appendMessage(message);
      form.reset();
    }
  }

  private quick(fill: (name: string | null) => string): void {
    const area = this.querySelector<HTMLTextAreaElement>('#kc-reply');
    if (!area) return;
    area.value = fill(this.name);
    area.focus();
    this.onInput();
  }

  private async transfer(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const id = this.detail?.chat.id;
    const form = new FormData(e.target as HTMLFormElement);
    const toTopic = text(form, 'topic');
    const toOperatorId = text(form, 'operator');
    if (!id || (!toTopic && !toOperatorId)) return;
    const chat = await this.run(
      () => this.api.transfer(id, { toTopic, toOperatorId, note: text(form, 'note') }),
      this.s.chats.transferSubmit,
    );
    if (chat && this.detail) this.detail = { ...this.detail, chat };
  }

  private async close(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const id = this.detail?.chat.id;
    if (!id) return;
    const resolved = new FormData(e.target as HTMLFormElement).get('resolved') === 'on';
    this.stopTyping(id);
    const chat = await this.run(() => this.api.closeChat(id, { resolved }), this.s.chats.closed);
    if (chat && this.detail) this.detail = { ...this.detail, chat };
  }

  private renderList(items: OperatorChatSummary[], empty: string): TemplateResult {
    const s = this.s.chats;
    if (items.length === 0) return html`<p class="empty">${empty}</p>`;
    return html`<ul class="chat-list">
      ${items.map(
        (c) =>
          html`<li>
            <button
              type="button"
              aria-current=${c.id === this.detail?.chat.id ? 'true' : 'false'}
              @click=${() => void this.open(c.id)}
            >
              <span class="who">${c.citizenName || s.citizen}</span>
              <span class="meta"
                >${c.language.toUpperCase()} · ${c.topic ?? ''} · ${s.waiting(c.waitingSeconds)}
                ${c.assignee ? html`· ${c.assignee.displayName}` : nothing}
                ${c.unread > 0 ? html`· <strong>${s.unread(c.unread)}</strong>` : nothing}</span
              >
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private renderConversation(d: OperatorChatDetail): TemplateResult {
    const s = this.s.chats;
    const lang = d.chat.language;
    return html`<section class="conversation" aria-labelledby="kc-chat-title">
      <h3 id="kc-chat-title" tabindex="-1">
        ${this.name || s.citizen} · ${s.status[d.chat.status]}${d.chat.topic ? ` · ${d.chat.topic}` : ''}
      </h3>
      ${d.citizen.phone ? html`<p class="meta">${d.citizen.phone}</p>` : nothing}
      <ol class="messages" aria-label=${this.s.nav.chats}>
        ${d.messages.map(
          (m) =>
            html`<li class="msg ${m.author.kind}">
              <span class="meta"
                >${m.author.displayName || s.author[m.author.kind]} ·
                <time datetime=${m.sentAt}>${formatDateTime(m.sentAt, this.locale)}</time>${
                  m.author.kind === 'operator' && m.state === 'read' ? ` · ${s.read}` : ''
                }</span
              >
              <span class="body">${pick(m.text, lang)}</span>
            </li>`,
        )}
      </ol>
      <p class="typing" role="status">${this.citizenTyping ? s.citizenTyping : ''}</p>
      ${
        d.chat.status === 'queued'
          ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => void this.join()}>
              ${s.join}
            </button>`
          : nothing
      }
      ${d.chat.status === 'active' ? this.renderActive(lang) : nothing}
    </section>`;
  }

  private renderActive(lang: OperatorChatDetail['chat']['language']): TemplateResult {
    const s = this.s.chats;
    return html`<form class="reply" @submit=${(e: SubmitEvent) => void this.send(e)}>
        <label for="kc-reply">${s.message}</label>
        <textarea id="kc-reply" name="text" rows="3" required @input=${() => this.onInput()}></textarea>
        <div class="quick" role="group" aria-label=${s.quickReplies}>
          ${s.quick.map(
            (q) => html`<button type="button" @click=${() => this.quick(q.text[lang])}>${q.label}</button>`,
          )}
        </div>
        <button type="submit" class="primary" ?disabled=${this.busy}>${s.send}</button>
      </form>
      <details>
        <summary>${s.transfer}</summary>
        <form @submit=${(e: SubmitEvent) => void this.transfer(e)}>
          <label for="kc-transfer-topic">${s.toTopic}</label>
          <select id="kc-transfer-topic" name="topic">
            <option value="">${s.anyTopic}</option>
            ${this.categories.map((c) => html`<option value=${c.id}>${pick(c.name, this.locale)}</option>`)}
          </select>
          <label for="kc-transfer-operator">${s.toOperator}</label>
          <input id="kc-transfer-operator" name="operator" autocomplete="off" />
          <label for="kc-transfer-note">${s.note}</label>
          <input id="kc-transfer-note" name="note" />
          <button type="submit">${s.transferSubmit}</button>
        </form>
      </details>
      <form class="close" @submit=${(e: SubmitEvent) => void this.close(e)}>
        <label><input type="checkbox" name="resolved" checked /> ${s.resolved}</label>
        <button type="submit">${s.close}</button>
      </form>`;
  }

  protected override render(): TemplateResult {
    const s = this.s.chats;
    const all = [...this.chats.values()];
    const queued = all.filter((c) => c.status === 'queued').sort((a, b) => b.waitingSeconds - a.waitingSeconds);
    const active = all.filter((c) => c.status === 'active');
    return html`<h2>${this.s.nav.chats}</h2>
      ${this.messages()}
      <div class="split">
        <div class="lists">
          <h3>${s.queue} (${queued.length})</h3>
          ${this.renderList(queued, s.emptyQueue)}
          <h3>${s.active} (${active.length})</h3>
          ${this.renderList(active, s.emptyActive)}
        </div>
        ${this.detail ? this.renderConversation(this.detail) : html`<p class="empty">${s.noneSelected}</p>`}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kc-op-chats': KcOpChats;
  }
}
