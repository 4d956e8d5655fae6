// SPDX-License-Identifier: MIT
// Helpers of the chat's tests against @kc/mock: waiting on a condition, the mock with its scripted operator, and
// the citizen's way from the launcher to the queue.
import type { MockWorker } from '@kc/mock/browser';
import type { KcChat } from '../src/components/chat/chat.js';
import { $ } from './complaints.js';

export { $ };

/** Waits (polling every 25 ms) until `condition` holds; fails naming `what` after `ms`. */
export async function until(condition: () => unknown, what: string, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !condition();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The mock contact center in the page, its operator answering `answers` in every language, quickly. */
export async function chatMock(seed: number, answers: readonly string[]): Promise<MockWorker> {
  const { startMockWorker } = await import('@kc/mock/browser');
  const script = { kk: [...answers], ru: [...answers], en: [...answers] };
  return startMockWorker({
    seed,
    clock: { start: '2026-11-23T10:00:00+05:00' },
    operator: { joinAfterMs: 300, typingMs: 50, readAfterMs: 50, script },
  });
}

/** Opens the chat, types `question` (if any), asks for an operator and consents: the chat is queued. */
export async function startChat(el: KcChat, question = ''): Promise<void> {
  await until(() => $(el, '.launcher'), 'the launcher');
  el.show();
  await until(() => $(el, '.agent:not([disabled])'), 'the configuration');
  if (question) {
    const field = $<HTMLTextAreaElement>(el, '#question')!;
    field.value = question;
    field.dispatchEvent(new Event('input'));
  }
  $(el, '.agent')!.click();
  await until(() => $(el, '.consent .kc-button--primary'), 'the consent step');
  $(el, '.consent .kc-button--primary')!.click();
  await until(() => $(el, '#message'), 'the queue');
}
