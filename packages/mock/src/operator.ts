// SPDX-License-Identifier: MIT
import type { components, Locale, OperatorChatSummary } from '@kc/contract';
import type { OperatorPrincipal, Result } from '@kc/backend';
import type { MockClock, MockTimerId } from './clock.js';
import type { WireEvent } from './sse.js';

type OperatorChatMessageEvent = components['schemas']['OperatorChatMessageEvent'];

/** Options of the scripted operator. Times are mock milliseconds (see {@link MockClock}). */
export interface ScriptedOperatorOptions {
  /**
   * Whether the operator works at all. Off, queued chats stay queued (test the queue, or answer through the
   * operator API yourself).
   * @default true
   */
  enabled?: boolean;
  /** How long a chat waits in the queue before the operator joins it. @default 3000 */
  joinAfterMs?: number;
  /** How long the operator types before each message (a `typing` event first). @default 1500 */
  typingMs?: number;
  /** How long after a citizen's message the operator reads it (a `message.state` read receipt). @default 500 */
  readAfterMs?: number;
  /**
   * What the operator says, per language of the chat: the first text on joining, then one per citizen message, in
   * order; the last one repeats. `{name}` becomes the operator's display name.
   * @default a greeting and three replies in Kazakh, Russian and English
   */
  script?: Partial<Record<Locale, readonly string[]>>;
}

/** The default script, in the three languages of the widgets. */
export const defaultScript: Readonly<Record<Locale, readonly string[]>> = {
  kk: [
    'Сәлеметсіз бе! Мен {name}, байланыс орталығының операторымын. Сізге қалай көмектесе аламын?',
    'Түсіндім. Қазір тексеріп көрейін, күте тұрыңыз.',
    'Күткеніңізге рақмет. Сұрағыңыз бойынша ақпаратты тексердім: өтінішті порталда немесе халыққа қызмет көрсету орталығында беруге болады.',
    'Тағы сұрақтарыңыз бар ма?',
  ],
  ru: [
    'Здравствуйте! Меня зовут {name}, я оператор контакт-центра. Чем могу помочь?',
    'Понятно. Сейчас проверю, подождите, пожалуйста.',
    'Спасибо за ожидание. Я проверила информацию по вашему вопросу: заявление можно подать на портале или в центре обслуживания населения.',
    'Остались ли у вас вопросы?',
  ],
  en: [
    'Hello! My name is {name}, an operator of the contact center. How can I help you?',
    'I see. Let me check, please wait a moment.',
    'Thank you for waiting. I have checked your question: you can apply on the portal or at a public service center.',
    'Do you have any other questions?',
  ],
};

/** What the scripted operator calls: operator operations of the backend, as the operator API would. */
export interface OperatorBackend {
  joinOperatorChat(input: {
    params: { sessionId: string };
    ctx: { operator: OperatorPrincipal };
  }): Promise<Result<OperatorChatSummary>>;
  setOperatorTyping(input: {
    params: { sessionId: string };
    body: { typing: boolean };
    ctx: { operator: OperatorPrincipal };
  }): Promise<Result<unknown>>;
  sendOperatorMessage(input: {
    params: { sessionId: string };
    body: { text: string };
    ctx: { operator: OperatorPrincipal };
  }): Promise<Result<unknown>>;
  markOperatorChatRead(input: {
    params: { sessionId: string };
    body: { upToMessageId: string };
    ctx: { operator: OperatorPrincipal };
  }): Promise<Result<unknown>>;
}

/** The scripted operator of a mock: a person at the operator console, played by the mock clock. */
export interface ScriptedOperator {
  /** Whether the operator takes new chats. */
  readonly enabled: boolean;
  /** Stops taking new chats (chats already joined go on; queued ones wait until {@link resume}). */
  pause(): void;
  /** Takes chats again, including those that queued meanwhile. */
  resume(): void;
  /** Chats the operator has joined and that are not closed. */
  readonly activeChats: readonly string[];
  /** @internal Joins the chats that waited, once the operator is enabled and no one waits ahead. */
  wake(): void;
  /** @internal Called with every event of the backend's operator stream. */
  onEvent(event: WireEvent): void;
  /** @internal Stops every timer. */
  dispose(): void;
}

interface Chat {
  language: Locale;
  said: number;
  timers: Set<MockTimerId>;
  joined: boolean;
}

/** Creates the scripted operator; the mock feeds it the operator stream. */
export function createScriptedOperator(options: {
  settings: ScriptedOperatorOptions;
  backend: OperatorBackend;
  principal: OperatorPrincipal;
  displayName: string;
  clock: MockClock;
  /** Sessions the operator must leave alone (the "long queue" of a scenario). */
  ignore: (sessionId: string) => boolean;
  /** Whether other citizens wait ahead (the long queue): the operator then joins no one new. */
  busy: () => boolean;
}): ScriptedOperator {
  const { backend, principal, clock } = options;
  const s = options.settings;
  let enabled = s.enabled ?? true;
  const joinAfterMs = s.joinAfterMs ?? 3000;
  const typingMs = s.typingMs ?? 1500;
  const readAfterMs = s.readAfterMs ?? 500;
  const chats = new Map<string, Chat>();
  const waiting = new Map<string, Locale>();
  const ctx = { operator: principal };

  const later = (sessionId: string, chat: Chat, ms: number, fn: () => Promise<unknown>): void => {
    const id = clock.setTimeout(async () => {
      chat.timers.delete(id);
      if (chats.get(sessionId) !== chat) return;
      await fn();
    }, ms);
    chat.timers.add(id);
  };

  const line = (chat: Chat): string => {
    const script = s.script?.[chat.language] ?? defaultScript[chat.language];
    const text = script[Math.min(chat.said, script.length - 1)] ?? '';
    chat.said += 1;
    return text.replace(/\{name\}/g, options.displayName);
  };

  const say = (sessionId: string, chat: Chat): void => {
    later(sessionId, chat, 0, async () => {
      await backend.setOperatorTyping({ params: { sessionId }, body: { typing: true }, ctx });
      later(sessionId, chat, typingMs, async () => {
        await backend.sendOperatorMessage({ params: { sessionId }, body: { text: line(chat) }, ctx });
      });
    });
  };

  const scheduleJoin = (sessionId: string, language: Locale): void => {
    if (chats.has(sessionId)) return;
    const chat: Chat = { language, said: 0, timers: new Set(), joined: false };
    chats.set(sessionId, chat);
    later(sessionId, chat, joinAfterMs, async () => {
      if (!enabled || options.busy()) {
        // Paused, or serving the citizens ahead: this chat waits its turn.
        forget(sessionId);
        waiting.set(sessionId, language);
        return;
      }
      const joined = await backend.joinOperatorChat({ params: { sessionId }, ctx });
      if (!joined.ok) {
        // Someone else took it, or the citizen left: forget it.
        forget(sessionId);
        return;
      }
      chat.joined = true;
      say(sessionId, chat);
    });
  };

  const forget = (sessionId: string): void => {
    const chat = chats.get(sessionId);
    if (!chat) return;
    for (const t of chat.timers) clock.clearTimer(t);
    chats.delete(sessionId);
  };

  const wake = (): void => {
    if (!enabled || options.busy()) return;
    for (const [sessionId, language] of waiting) scheduleJoin(sessionId, language);
    waiting.clear();
  };

  return {
    get enabled() {
      return enabled;
    },
    pause() {
      enabled = false;
    },
    resume() {
      enabled = true;
      wake();
    },
    wake,
    get activeChats() {
      return [...chats].filter(([, c]) => c.joined).map(([id]) => id);
    },
    onEvent(event) {
      if (event.type === 'chat.queued') {
        const summary = event.data as OperatorChatSummary;
        if (summary.status !== 'queued' || options.ignore(summary.id)) return;
        if (enabled && !options.busy()) scheduleJoin(summary.id, summary.language);
        else waiting.set(summary.id, summary.language);
      } else if (event.type === 'chat.message') {
        const { sessionId, message } = event.data as OperatorChatMessageEvent;
        const chat = chats.get(sessionId);
        if (!chat?.joined || message.author.kind !== 'citizen') return;
        later(sessionId, chat, readAfterMs, async () => {
          await backend.markOperatorChatRead({ params: { sessionId }, body: { upToMessageId: message.id }, ctx });
          say(sessionId, chat);
        });
      } else if (event.type === 'chat.closed') {
        const { sessionId } = event.data as { sessionId: string };
        forget(sessionId);
        waiting.delete(sessionId);
      }
    },
    dispose() {
      for (const id of [...chats.keys()]) forget(id);
      waiting.clear();
    },
  };
}
