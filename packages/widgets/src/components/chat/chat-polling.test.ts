// SPDX-License-Identifier: MIT
// <kc-chat> against @kc/mock when the chat's event stream cannot be used (it answers 204, as a proxy that cannot
// stream would): the session polls, and the citizen still hears the operator join, sees an outage with its
// alternatives, is told when a silent chat closes, and is told that the chat ended, with the rating.
import { expect, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { MockWorker } from '@kc/mock/browser';
import type { KcChat } from './chat.js';
import { KcChatEndedEvent, KcChatStartedEvent } from './events.js';
import '../../kc-chat.js';
import { mount, unmountAll } from '../../../test/dom.js';
import { $, chatMock, startChat, until as waitUntil } from '../../../test/chat.js';

const baseUrl = `${location.origin}/api/v1`;
const until = (condition: () => unknown, what: string) => waitUntil(condition, what, 30_000);

describe('<kc-chat> when the server cannot stream', function () {
  this.timeout(90_000);
  let mock: MockWorker;
  let streams = 0;

  before(async () => {
    sessionStorage.clear();
    mock = await chatMock(9, ['Hello!', 'First answer.']);
    mock.worker.use(
      http.get(`${baseUrl}/chat/sessions/:sessionId/events`, () => {
        streams++;
        return new HttpResponse(null, { status: 204 });
      }),
    );
  });

  after(() => {
    unmountAll();
    sessionStorage.clear();
    mock.stop();
  });

  it('polling, the chat still tells the operator joining, an outage, the inactivity warning and the end', async () => {
    const el = mount<KcChat>(html`<kc-chat base-url=${baseUrl} lang="en"></kc-chat>`);
    const ended: KcChatEndedEvent[] = [];
    let sessionId = '';
    el.addEventListener(KcChatStartedEvent.eventName, (e) => (sessionId = e.detail.sessionId));
    el.addEventListener(KcChatEndedEvent.eventName, (e) => ended.push(e));
    await startChat(el);

    await until(() => $(el, '.notice')?.textContent?.includes('joined the chat'), 'the operator joining');
    const said = () => [...$(el, '.live')!.querySelectorAll('p')].map((p) => p.textContent ?? '');
    expect(said().some((t) => t.includes('joined the chat'))).to.equal(true);

    await mock.scenario.set({ outage: true });
    await until(() => $(el, '[part="outage"]'), 'the outage in the chat');
    expect($(el, '[part="outage"]')!.querySelectorAll('.channels li').length).to.be.greaterThan(0);
    await mock.scenario.set({ outage: false });
    await until(() => !$(el, '[part="outage"]'), 'the outage gone');

    // The citizen falls silent past the warning threshold: the line tells when the chat closes, and it is said.
    await mock.clock.advance(605_000);
    await until(() => $(el, '[part="inactivity"]'), 'the inactivity warning');
    expect($(el, '[part="inactivity"]')!.textContent).to.include('the chat closes at');
    expect(said().some((t) => t.includes('the chat closes at'))).to.equal(true);

    // The operator closes the chat.
    const closed = await fetch(`${baseUrl}/operator/chats/${sessionId}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mock.tokens.supervisor}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(closed.status).to.equal(200);
    await until(() => ended.length === 1, 'the chat ended');
    expect(ended[0]!.detail.reason).to.equal('operator_closed');
    await until(() => $(el, 'kc-rating'), 'the rating');
    expect(said()).to.include('The chat has ended.');
    expect(streams, 'the stream was refused').to.be.greaterThan(0);
  });
});
