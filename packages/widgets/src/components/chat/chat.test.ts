// SPDX-License-Identifier: MIT
// <kc-chat> end to end against @kc/mock in the browser (the real @kc/backend behind msw, its scripted operator).
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { MockWorker } from '@kc/mock/browser';
import type { KcChat } from './chat.js';
import type { NoticeClock } from './queue-notice.js';
import '../../kc-chat.js';
import { startChat, until } from '../../../test/chat.js';

const baseUrl = `${location.origin}/api/v1`;
const XSS = [
  '<svg onload=window.__kcXss=1>',
  '<img src=x onerror="window.__kcXss=1">',
  'javascript:window.__kcXss=1',
  '&lt;script&gt;window.__kcXss=1&lt;/script&gt;',
  '<a href="javascript:window.__kcXss=1">click</a>',
  'jav&#x09;ascript:alert(1) java\tscript:alert(1)',
  '"><iframe src=javascript:alert(1)>',
  'https://egov.kz/path?q=<b>bold</b>',
];
const PAYLOAD = XSS.join(' ');
const OPERATOR_NAME = '<img src=x onerror=window.__kcXss=1>Айгүл';

const root = (el: KcChat) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: KcChat, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: KcChat, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const active = (el: KcChat) => root(el).activeElement as HTMLElement | null;
const messages = (el: KcChat) => $$(el, '.log .message');
const operatorTexts = (el: KcChat) => $$(el, '.message[data-author="operator"] .text').map((t) => t.textContent ?? '');

/** Presses Tab until `matches` holds for the focused element inside the chat (keyboard only). */
async function tabTo(el: KcChat, matches: (e: HTMLElement) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const focused = active(el);
    if (focused && matches(focused)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}
const text = (label: string) => (e: HTMLElement) => (e.textContent ?? '').trim() === label;

/** Records what the polite region announces (only added paragraphs are read). */
function listen(el: KcChat): string[] {
  const said: string[] = [];
  const region = $(el, '.live')!;
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement) said.push(n.textContent ?? '');
  }).observe(region, { childList: true });
  return said;
}

function fakeClock() {
  let now = 0;
  let ids = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: NoticeClock & { advance(ms: number): void } = {
    now: () => now,
    setTimeout: (run, ms) => (timers.set(++ids, { at: now + ms, run }), ids),
    clearTimeout: (id) => void timers.delete(id as number),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > end) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].run();
      }
      now = end;
    },
  };
  return clock;
}

async function chatFixture(lang = 'ru'): Promise<KcChat> {
  const el = await fixture<KcChat>(html`<kc-chat base-url=${baseUrl} lang=${lang}></kc-chat>`);
  await until(() => $(el, '.launcher'), 'the launcher');
  return el;
}

describe('<kc-chat>', function () {
  this.timeout(60_000);
  let mock: MockWorker;

  before(async () => {
    sessionStorage.clear();
    const { startMockWorker } = await import('@kc/mock/browser');
    mock = await startMockWorker({
      seed: 3,
      clock: { start: '2026-11-23T10:00:00+05:00' },
      operator: {
        joinAfterMs: 400,
        typingMs: 100,
        readAfterMs: 50,
        script: {
          ru: [`Здравствуйте! ${PAYLOAD}`, 'Ответ первый, см. https://egov.kz/ru.', 'Ответ второй.', 'Ещё вопросы?'],
          kk: ['Сәлеметсіз бе!', 'Бірінші жауап.', 'Екінші жауап.'],
          en: ['Hello!', 'First answer.', 'Second answer.'],
        },
      },
      settings: {
        // Estimates from the default handle time (5 min), not from the short chats of earlier tests.
        handleTimeSample: 0,
        operators: [
          {
            id: '0f1e2d3c-4b5a-4697-8877-665544332211',
            displayName: OPERATOR_NAME,
            roles: ['operator', 'supervisor'],
            online: false,
            maxChats: 3,
            lastSeenAt: null,
          },
        ],
        knowledgeBase: [
          {
            id: 'xss',
            title: { kk: `Қауіпті ${PAYLOAD}`, ru: `Опасный ${PAYLOAD}`, en: `Danger ${PAYLOAD}` },
            summary: { kk: PAYLOAD, ru: PAYLOAD, en: PAYLOAD },
            body: { kk: PAYLOAD, ru: `Пенсия ${PAYLOAD}`, en: PAYLOAD },
            categoryId: null,
            url: 'javascript:window.__kcXss=1',
            updatedAt: '2026-11-01T00:00:00Z',
            keywords: { ru: ['пенсия', 'опасный'], kk: ['зейнетақы'], en: ['pension'] },
          },
        ],
      },
    });
  });

  afterEach(async () => {
    // Firefox keeps a service worker's streamed answer open after the page aborted its fetch: remove the elements
    // (they stop following), then end what the mock still streams.
    fixtureCleanup();
    mock.streams.dropAll();
    sessionStorage.clear();
    mock.operator.resume();
    await mock.scenario.reset();
    await setViewport({ width: 800, height: 600 });
  });

  after(() => mock.stop());

  it('is accessible when closed, named in the page language, and stores nothing before it is opened', async () => {
    const el = await chatFixture('ru');
    await expect(el).to.be.accessible();
    const launcher = $(el, '.launcher')!;
    expect(launcher.getAttribute('aria-label')).to.equal('Чат с контакт-центром');
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    el.setAttribute('lang', 'kk');
    await until(() => launcher.getAttribute('aria-label') === 'Байланыс орталығымен чат', 'the Kazakh name');
    expect(sessionStorage.length).to.equal(0);
    expect(localStorage.length).to.equal(0);
    const databases = (await indexedDB.databases?.()) ?? [];
    expect(databases.map((d) => d.name)).to.not.include('kc');
  });

  it('opens as a non-modal dialog with focus in the field; Escape closes it and focus returns to the launcher', async () => {
    const el = await chatFixture();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.classList.contains('launcher')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'question', 'focus in the question field');
    const dialog = $(el, '[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).to.equal('false');
    expect($(el, '.launcher')!.getAttribute('aria-expanded')).to.equal('true');
    await until(() => $(el, '.state'), 'the open state');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => active(el)?.classList.contains('launcher'), 'focus back on the launcher');
    expect($(el, '[role="dialog"]')).to.equal(null);
    expect(sessionStorage.length).to.equal(0);
  });

  it('shows knowledge-base answers as the citizen types, all rendered as text', async () => {
    const el = await chatFixture();
    const said = listen(el);
    el.show();
    await until(() => active(el)?.id === 'question', 'focus');
    await sendKeys({ type: 'Опасный вопрос' });
    await until(() => $(el, '.answers li'), 'answers');
    expect(said.some((s) => /ответ/i.test(s))).to.equal(true);
    const answers = $(el, '.answers')!;
    expect(answers.textContent).to.include('<svg onload=');
    expect(answers.querySelectorAll('svg, img, script, iframe, b')).to.have.length(0);
    for (const a of answers.querySelectorAll('a')) {
      expect(a.href).to.match(/^https?:/);
      expect(a.rel).to.equal('noopener noreferrer');
    }
    $<HTMLDetailsElement>(el, '.answers details')!.open = true;
    await expect(el).to.be.accessible();
    expect((window as { __kcXss?: number }).__kcXss).to.equal(undefined);
  });

  it('a whole conversation with the scripted operator, by keyboard only; each new message announced once', async () => {
    const el = await chatFixture();
    const said = listen(el);
    // Start from a known place on the page: where a previous test file left the browser's focus is not ours.
    const before = document.createElement('button');
    before.textContent = 'page';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'question', 'the question field');
    before.remove();
    await sendKeys({ type: 'Как оформить пенсию?' });
    await tabTo(el, (e) => e.classList.contains('agent'), 'the operator button');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'consent-heading', 'the consent step');
    await tabTo(el, text('Согласен, начать чат'), 'the consent button');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'message', 'the message field');
    expect(sessionStorage.length).to.equal(1);
    await until(() => $(el, '.queue') || operatorTexts(el).length, 'the queue');
    if ($(el, '.queue')) await expect(el).to.be.accessible();

    await until(() => operatorTexts(el).length >= 1, 'the greeting');
    expect($(el, '.message[data-author="citizen"] .text')!.textContent).to.equal('Как оформить пенсию?');
    await sendKeys({ type: 'Спасибо, жду.' });
    await sendKeys({ press: 'Enter' });
    await until(() => operatorTexts(el).length >= 2, 'the reply');
    await until(
      () => $$(el, '.message[data-author="citizen"] .status').every((s) => s.dataset.status === 'read'),
      'read receipts',
    );
    await expect(el).to.be.accessible();

    // Each operator message announced exactly once.
    for (const t of operatorTexts(el)) expect(said.filter((s) => s.endsWith(t)).length, t).to.equal(1);
    // Payloads in messages and the operator's name are text: no element, no handler.
    const log = $(el, '.log')!;
    expect(log.textContent).to.include('<svg onload=').and.include('<img src=x');
    expect(log.querySelectorAll('svg, img, script, iframe, b')).to.have.length(0);
    const links = [...log.querySelectorAll('a')];
    expect(links.map((a) => a.href)).to.include('https://egov.kz/ru');
    for (const a of links) {
      expect(a.protocol).to.match(/^https?:$/);
      expect(a.rel).to.equal('noopener noreferrer');
    }
    expect((window as { __kcXss?: number }).__kcXss).to.equal(undefined);

    await tabTo(el, text('Завершить чат'), 'the end button');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el) && text('Нет, продолжить')(active(el)!), 'the confirmation');
    await tabTo(el, text('Да, завершить'), 'the confirm button');
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '.ended'), 'the end');
    expect($(el, '.ended-text')!.textContent).to.equal('Вы завершили чат.');
    await until(() => $(el, 'kc-rating') || $(el, '.ended p + p'), 'the rating');
    await expect(el).to.be.accessible();
  });

  it('resumes after a reload with its history, silently', async () => {
    const first = await chatFixture();
    await startChat(first, 'Первый вопрос');
    await until(() => operatorTexts(first).length >= 1, 'the greeting');
    const count = messages(first).length;
    first.remove();

    const el = await chatFixture();
    const said = listen(el);
    el.show();
    await until(() => messages(el).length >= count, 'the history');
    expect(said.filter((s) => s.includes('Здравствуйте'))).to.have.length(0);
  });

  it('counts unread messages on the launcher while the panel is closed', async () => {
    const el = await chatFixture();
    await startChat(el);
    el.hide();
    await until(() => $(el, '.unread'), 'the unread count');
    const launcher = $(el, '.launcher')!;
    expect(launcher.getAttribute('aria-label')).to.match(
      /^Чат с контакт-центром, \d+ (новое сообщение|новых сообщени)/,
    );
    await expect(el).to.be.accessible();
    el.show();
    await until(() => !$(el, '.unread'), 'the count to clear');
    expect(launcher.getAttribute('aria-label')).to.equal('Чат с контакт-центром');
  });

  it('switching the language mid-conversation loses nothing', async () => {
    const el = await chatFixture();
    await startChat(el, 'Вопрос');
    await until(() => operatorTexts(el).length >= 1, 'the greeting');
    const field = $<HTMLTextAreaElement>(el, '#message')!;
    field.value = 'Черновик';
    field.dispatchEvent(new Event('input'));
    const before = messages(el).length;
    el.setAttribute('lang', 'en');
    await until(() => $(el, '.composer .kc-button--primary')?.textContent?.trim() === 'Send', 'English');
    expect(messages(el).length).to.equal(before);
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Черновик');
  });

  it('states the queue no sooner than once a minute, with the free-waiting notice (fake clock)', async () => {
    mock.operator.pause();
    await mock.scenario.set({ longQueue: 8 });
    const el = await chatFixture();
    const clock = fakeClock();
    el.clock = clock;
    const said = listen(el);
    await startChat(el);
    await until(() => $(el, '.queue'), 'the queue');
    await until(() => said.some((s) => s.includes('в очереди')), 'the first statement');
    const statements = () => said.filter((s) => s.includes('в очереди'));
    expect(statements()).to.have.length(1);
    expect(statements()[0]).to.include('Ожидание бесплатное');
    clock.advance(59_000);
    await el.updateComplete;
    expect(statements()).to.have.length(1);
    clock.advance(1_000);
    await el.updateComplete;
    expect(statements()).to.have.length(2);
    await expect(el).to.be.accessible();

    // A long wait: a callback offer (loaded only then) and the other channels.
    const info = () => JSON.stringify((el as unknown as { session?: { info: unknown } }).session?.info);
    await until(() => $(el, '.offer'), 'the callback offer').catch((e: Error) => {
      throw new Error(`${e.message}: ${info()}`);
    });
    expect(customElements.get('kc-callback')).to.equal(undefined);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.offer .kc-button--primary')!.click();
    await until(() => $(el, 'kc-callback') || $(el, '.offer p + p'), 'the callback form');
    if ($(el, 'kc-callback')) {
      expect(customElements.get('kc-callback')).to.not.equal(undefined);
      expect(($(el, 'kc-callback') as HTMLElement & { chatSessionId?: string }).chatSessionId).to.be.a('string');
    }
  });

  it('while the center is closed, offers a callback and the other channels before queueing', async () => {
    await mock.scenario.set({ centerClosed: true });
    const el = await chatFixture();
    el.show();
    await until(() => $(el, '.offer'), 'the closed offer');
    expect($(el, '.state')!.textContent).to.match(/^Сейчас не работает/);
    expect($(el, '.offer')!.textContent).to.include('Контакт-центр сейчас не работает');
    expect($$(el, '.offer .channels a').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('a message sent offline waits with its state and goes out once; outages show alternatives', async () => {
    const el = await chatFixture();
    await startChat(el);
    await until(() => operatorTexts(el).length >= 1, 'the greeting');
    await mock.scenario.set({ networkFailure: { operations: ['sendChatMessage'] } });
    const field = $<HTMLTextAreaElement>(el, '#message')!;
    field.value = 'Без сети';
    field.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '.composer .kc-button--primary')!.click();
    await until(() => $(el, '.status[data-status="queued"]'), 'the queued state');
    expect($(el, '.status[data-status="queued"] .retry')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await mock.scenario.set({ networkFailure: false });
    $<HTMLButtonElement>(el, '.status[data-status="queued"] .retry')!.click();
    await until(() => !$(el, '.status[data-status="queued"]'), 'delivery');
    const mine = () => $$(el, '.message[data-author="citizen"] .text').filter((t) => t.textContent === 'Без сети');
    expect(mine()).to.have.length(1);

    await mock.scenario.set({ outage: true });
    await until(() => $(el, '.outage'), 'the outage');
    expect($(el, '.outage')!.textContent).to.match(/восстановления/);
    await expect(el).to.be.accessible();
  });

  it('100 dropped streams during a conversation: no message lost or shown twice', async () => {
    const el = await chatFixture();
    await startChat(el);
    await until(() => operatorTexts(el).length >= 1, 'the greeting');
    for (let i = 0; i < 100; i++) {
      mock.streams.dropAll();
      if (i % 25 === 0) {
        const field = $<HTMLTextAreaElement>(el, '#message')!;
        field.value = `Сообщение ${i}`;
        field.dispatchEvent(new Event('input'));
        $<HTMLButtonElement>(el, '.composer .kc-button--primary')!.click();
      }
      await new Promise((r) => setTimeout(r, 15));
    }
    await until(() => operatorTexts(el).length >= 5, 'every reply', 20_000);
    await new Promise((r) => setTimeout(r, 500));
    const shown = messages(el).map((m) => m.querySelector('.text')!.textContent);
    const citizen = $$(el, '.message[data-author="citizen"] .text').map((t) => t.textContent);
    expect(citizen).to.deep.equal(['Сообщение 0', 'Сообщение 25', 'Сообщение 50', 'Сообщение 75']);
    expect(operatorTexts(el)).to.have.length(5);
    expect(shown).to.have.length(9);
  });

  it('attaches a file with progress, announces the inactivity warning, saves the transcript as a file', async () => {
    const el = await chatFixture();
    await startChat(el);
    await until(() => operatorTexts(el).length >= 1, 'the greeting');
    const input = $<HTMLInputElement>(el, '.attach input')!;
    const files = new DataTransfer();
    files.items.add(
      new File(['%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n'], 'анықтама.pdf', { type: 'application/pdf' }),
    );
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await until(() => $(el, '.uploads li'), 'the upload');
    await until(() => !$(el, '.uploads progress'), 'the upload to finish');
    expect($(el, '.uploads')!.textContent).to.include('анықтама.pdf');
    $<HTMLButtonElement>(el, '.composer .kc-button--primary')!.click();
    await until(
      () => $(el, '.message[data-author="citizen"] .files li')?.textContent?.includes('анықтама.pdf'),
      'the file in the log',
    );

    await until(
      () =>
        $$(el, '.message[data-author="citizen"] .status').every((t) =>
          ['sent', 'delivered', 'read'].includes(t.dataset.status ?? ''),
        ),
      'the server to have the message',
    );
    // Ten minutes of silence: the warning first (announced), and only then the end.
    const said = listen(el);
    await mock.clock.advance(601_000);
    await until(() => $(el, '.inactivity'), 'the inactivity warning');
    expect(said.some((s) => s.startsWith('Напишите что-нибудь'))).to.equal(true);
    await expect(el).to.be.accessible();
    await mock.clock.advance(121_000);
    await until(() => $(el, '.ended'), 'the end after the warning');
    expect($(el, '.ended-text')!.textContent).to.equal('Чат закрыт после долгого молчания.');

    const made: Blob[] = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => (made.push(blob as Blob), original(blob));
    // The file itself is the browser's business; a real download would open Firefox's downloads panel, which keeps
    // keyboard focus away from the test files that run after this one.
    const saved: string[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(this.download);
    };
    try {
      const save = $$(el, '.ended .kc-button').find((b) => b.textContent?.trim() === 'Сохранить переписку')!;
      save.click();
      await until(() => made.length, 'the transcript');
      expect(saved).to.have.length(1);
    } finally {
      URL.createObjectURL = original;
      // `click` is HTMLElement's; dropping the anchors' own override restores it.
      delete (HTMLAnchorElement.prototype as { click?: unknown }).click;
    }
    expect(made[0]!.type).to.match(/^text\/plain/);
    expect(await made[0]!.text()).to.include('анықтама.pdf');
  });

  it('fills a small screen with the panel and stays accessible', async () => {
    // A 360 × 640 screen is an iframe of that size: its viewport is its own, so the chat's media queries see 360 px
    // in every engine (a browser window may not get that narrow: WebKitGTK's MiniBrowser stops near 450 px).
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe
        title="360 × 640"
        style="display: block; inline-size: 360px; block-size: 640px; border: 0"
      ></iframe>`,
    );
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    // With the chat, axe (which checks elements of its own window), where the test server serves it.
    const chatModule = new URL('../../kc-chat.ts', import.meta.url).href;
    const axeScript = new URL('/node_modules/axe-core/axe.min.js', location.href).href;
    frame.srcdoc = `<!doctype html><html lang="ru"><head><script src="${axeScript}"></script></head>
      <body><script type="module" src="${chatModule}"></script></body></html>`;
    await loaded;
    const view = frame.contentWindow! as typeof window;
    await view.customElements.whenDefined('kc-chat');
    const el = view.document.createElement('kc-chat');
    el.setAttribute('base-url', baseUrl);
    el.setAttribute('lang', 'ru');
    view.document.body.append(el);
    await until(() => $(el, '.launcher'), 'the launcher');
    el.show();
    await until(() => $(el, '#question'), 'the panel');
    expect(view.innerWidth).to.equal(360);
    const panel = $(el, '.panel')!.getBoundingClientRect();
    expect(Math.round(panel.width)).to.equal(360);
    expect(Math.round(panel.height)).to.equal(640);
    expect(view.getComputedStyle($(el, '#question')!).fontSize).to.equal('16px');
    type Axe = { run(context: Element): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
    const { violations } = await (view as unknown as { axe: Axe }).axe.run(el);
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
  });
});
