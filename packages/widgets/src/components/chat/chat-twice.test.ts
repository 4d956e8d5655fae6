// SPDX-License-Identifier: MIT
// Two <kc-chat> on one page against @kc/mock: the tab has one chat session, so one element is the chat and a second
// one waits for it to leave, then takes over the same conversation (a portal's mistake, or a single-page app that
// renders its new page before removing the old one); a chat removed and added again resumes the conversation.
import { expect, html } from '@open-wc/testing';
import type { MockWorker } from '@kc/mock/browser';
import type { KcChat } from './chat.js';
import '../../kc-chat.js';
import '../../kc-provider.js';
import { mount, unmountAll } from '../../../test/dom.js';
import { $, chatMock, startChat, until } from '../../../test/chat.js';

const baseUrl = `${location.origin}/api/v1`;
const ANSWERS = ['Hello!', 'First answer.', 'Second answer.', 'Third answer.', 'Fourth answer.'];

const texts = (el: Element, author: string) =>
  [...el.shadowRoot!.querySelectorAll(`.message[data-author="${author}"] .text`)].map((t) => t.textContent ?? '');

/** Sends `text` and waits for the operator's next answer, live. */
async function exchange(el: KcChat, text: string): Promise<void> {
  const answers = texts(el, 'operator').length;
  const field = $<HTMLTextAreaElement>(el, '#message')!;
  field.value = text;
  field.dispatchEvent(new Event('input'));
  $<HTMLButtonElement>(el, '.composer .kc-button--primary')!.click();
  await until(() => texts(el, 'citizen').includes(text), `"${text}" in the conversation`);
  await until(() => texts(el, 'operator').length > answers, `the answer to "${text}"`);
}

describe('two <kc-chat> on one page', function () {
  this.timeout(60_000);
  let mock: MockWorker;
  let warnings: string[] = [];
  const warn = console.warn;

  before(async () => {
    sessionStorage.clear();
    mock = await chatMock(7, ANSWERS);
  });

  beforeEach(() => {
    warnings = [];
    console.warn = (message: unknown) => void warnings.push(String(message));
  });

  afterEach(() => {
    console.warn = warn;
    unmountAll();
    sessionStorage.clear();
  });

  after(() => mock.stop());

  it('at once: the second warns and shows nothing; when the first leaves it takes over the same conversation', async () => {
    const first = mount<KcChat>(html`<kc-chat base-url=${baseUrl} lang="en"></kc-chat>`);
    await startChat(first);
    await until(() => texts(first, 'operator').length >= 1, 'the greeting');

    const second = mount<KcChat>(html`<kc-chat base-url=${baseUrl} lang="en"></kc-chat>`);
    await second.updateComplete;
    expect(warnings.filter((w) => w.includes('kc:chat-twice'))).to.have.length(1);
    expect($(second, '.launcher'), 'a second launcher').to.equal(null);
    // The first one goes on undisturbed, and the second still shows nothing.
    await exchange(first, 'A question while two chats are on the page');
    expect($(second, '.launcher, .panel')).to.equal(null);

    const conversation = { citizen: texts(first, 'citizen'), operator: texts(first, 'operator') };
    first.remove();
    await until(() => $(second, '.launcher'), 'the second chat taking over');
    second.show();
    await until(() => texts(second, 'operator').length >= conversation.operator.length, 'the same conversation');
    expect(texts(second, 'citizen')).to.deep.equal(conversation.citizen);
    expect(texts(second, 'operator')).to.deep.equal(conversation.operator);
    expect($(second, '.agent'), 'a new chat offered').to.equal(null);
    await exchange(second, 'And one more, from the chat that took over');
  });

  it('removed, then added again (a navigation): the new chat resumes the same conversation, live', async () => {
    const first = mount<KcChat>(html`<kc-chat base-url=${baseUrl} lang="en"></kc-chat>`);
    await startChat(first);
    await exchange(first, 'Before the navigation');
    const conversation = texts(first, 'citizen');
    first.remove();

    const next = mount<KcChat>(html`<kc-chat base-url=${baseUrl} lang="en"></kc-chat>`);
    await until(() => $(next, '.launcher'), 'the launcher');
    next.show();
    await until(() => texts(next, 'citizen').length >= conversation.length, 'the same conversation');
    expect(texts(next, 'citizen')).to.deep.equal(conversation);
    expect(warnings.filter((w) => w.includes('kc:chat-twice'))).to.deep.equal([]);
    await exchange(next, 'After the navigation');
  });

  it('sharing a provider, the new page’s chat arrives before the old one leaves: it takes over, live', async () => {
    const provider = mount(
      html`<kc-provider base-url=${baseUrl} lang="en"><kc-chat class="old"></kc-chat></kc-provider>`,
    );
    const first = provider.querySelector<KcChat>('kc-chat')!;
    await startChat(first);
    await exchange(first, 'Before the new page');
    const conversation = texts(first, 'citizen');

    const next = document.createElement('kc-chat');
    provider.append(next);
    await next.updateComplete;
    first.remove();
    await until(() => $(next, '.launcher'), 'the new page’s chat');
    next.show();
    await until(() => texts(next, 'citizen').length >= conversation.length, 'the same conversation');
    expect(texts(next, 'citizen')).to.deep.equal(conversation);
    // It follows the conversation itself: the old chat leaving stopped nothing of it.
    await exchange(next, 'On the new page');
  });
});
