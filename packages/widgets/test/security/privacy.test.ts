// SPDX-License-Identifier: MIT
// Privacy: what the widgets keep on the device and what leaves it outside request bodies. With every widget on one
// page over @kc/mock: no cookie ever; nothing in localStorage, sessionStorage or IndexedDB before the citizen
// interacts; while a citizen files an appeal, chats and orders a callback, no personal datum (IIN, phone, name,
// appeal or message text) in any request URL (fetch, XHR, sendBeacon, EventSource, and every request the page's
// msw worker saw) nor in any console message; nothing personal kept once delivered; nothing at all after
// `clearLocalData()`.
import { expect, html } from '@open-wc/testing';
import { startMockWorker, type MockWorker } from '@kc/mock/browser';
import { createClient, type KcClient } from '@kc/sdk';
import '../../src/kc-provider.js';
import '../../src/kc-outage-banner.js';
import '../../src/kc-complaint-form.js';
import '../../src/kc-complaint-status.js';
import '../../src/kc-callback.js';
import '../../src/kc-rating.js';
import '../../src/kc-chat.js';
import { mount, unmountAll } from '../dom.js';

const OPEN_AT = '2026-11-24T11:00:00+05:00';
const IIN = '850715401236';
const PHONE = '+7 701 987 65 43';
const LAST = 'Жұмабекова';
const FIRST = 'Сәуле';
const APPEAL = 'Подъезд дома 14 по улице Абая не убирают третью неделю';
const MESSAGE = 'Мой вопрос о субсидии на отопление квартиры';
const TOPIC = 'Перерасчёт за отопление квартиры';
/** What must never appear in a URL, a console message, or storage once delivered. */
const PERSONAL = [IIN, '7019876543', '701 987', LAST, FIRST, APPEAL.slice(0, 30), MESSAGE.slice(0, 30), TOPIC];

const urls: string[] = [];
const consoleLines: string[] = [];
const restore: (() => void)[] = [];

function spy(): void {
  const fetchDescriptor = Object.getOwnPropertyDescriptor(window, 'fetch')!;
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  restore.push(() => Object.defineProperty(window, 'fetch', fetchDescriptor));
  const openDescriptor = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'open')!;
  const open = openDescriptor.value as (this: XMLHttpRequest, ...args: unknown[]) => void;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    urls.push(String(args[1]));
    open.apply(this, args);
  };
  restore.push(() => Object.defineProperty(XMLHttpRequest.prototype, 'open', openDescriptor));
  const beacon = Object.getOwnPropertyDescriptor(Navigator.prototype, 'sendBeacon');
  if (beacon) {
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: (url: string | URL) => (urls.push(String(url)), true),
    });
    restore.push(() => delete (navigator as unknown as Record<string, unknown>).sendBeacon);
  }
  const Source = window.EventSource;
  window.EventSource = class extends Source {
    constructor(url: string | URL, init?: EventSourceInit) {
      urls.push(String(url));
      super(url, init);
    }
  };
  restore.push(() => (window.EventSource = Source));
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = Object.getOwnPropertyDescriptor(console, level)!;
    const write = original.value as (...args: unknown[]) => void;
    console[level] = (...args: unknown[]) => {
      consoleLines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : safeJson(a))).join(' '));
      write.apply(console, args);
    };
    restore.push(() => Object.defineProperty(console, level, original));
  }
}

function safeJson(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

async function waitFor(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !condition();) {
    if (Date.now() > end) throw new Error(`[test] timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const $ = <E extends Element = HTMLElement>(host: Element | null, selector: string) =>
  host!.shadowRoot!.querySelector<E>(selector);
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Everything in localStorage, sessionStorage and every IndexedDB database of the origin, as text. */
async function everythingStored(): Promise<{ names: string[]; text: string }> {
  const parts: string[] = [];
  for (const s of [localStorage, sessionStorage]) {
    for (let i = 0; i < s.length; i++) parts.push(`${s.key(i)}=${s.getItem(s.key(i)!)}`);
  }
  const names = (await indexedDB.databases()).map((d) => d.name!).filter(Boolean);
  for (const name of names) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open'));
    });
    for (const store of db.objectStoreNames) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('getAll'));
      });
      parts.push(`${name}/${store}: ${safeJson(all)}`);
    }
    db.close();
  }
  return { names, text: parts.join('\n') };
}

const leaks = (haystack: string) => PERSONAL.filter((p) => haystack.includes(p));

describe('privacy: cookies, storage, URLs and the console', function () {
  // Each test walks whole widgets through a contact center; a shared machine can be slow.
  this.timeout(60_000);
  let mock: MockWorker;
  let kc: KcClient;
  let page: HTMLElement;
  const seenByWorker: string[] = [];

  before(async () => {
    mock = await startMockWorker({
      clock: { start: OPEN_AT, realtime: false },
      operator: { joinAfterMs: 1000, typingMs: 100, readAfterMs: 100 },
    });
    mock.worker.events.on('request:start', ({ request }) => void seenByWorker.push(request.url));
    spy();
  });

  after(() => {
    unmountAll();
    for (const undo of restore.splice(0).reverse()) undo();
    mock.stop();
  });

  it('sets no cookie and stores nothing before the citizen interacts with any widget', async () => {
    kc = createClient({ baseUrl: '/api/v1' });
    page = mount(
      html`<kc-provider .client=${kc} lang="ru">
        <kc-outage-banner></kc-outage-banner>
        <kc-complaint-form></kc-complaint-form>
        <kc-complaint-status></kc-complaint-status>
        <kc-callback></kc-callback>
        <kc-rating subject-kind="call"></kc-rating>
        <kc-chat></kc-chat>
      </kc-provider>`,
    );
    const el = (tag: string) => page.querySelector(tag);
    await waitFor(() => $(el('kc-complaint-form'), 'input[name="kind"]') !== null, 'the appeal form');
    await waitFor(() => $(el('kc-callback'), '#topic') !== null, 'the callback form');
    await waitFor(() => $(el('kc-chat'), '[part~="launcher"]') !== null, 'the chat');
    await waitFor(() => $(el('kc-complaint-status'), '#trackingNumber') !== null, 'the status lookup');
    await waitFor(() => (el('kc-rating')?.shadowRoot?.childElementCount ?? 0) > 0, 'the rating');
    await new Promise((r) => setTimeout(r, 500)); // time for anything that would write late
    expect(document.cookie).to.equal('');
    expect(localStorage.length, 'localStorage').to.equal(0);
    expect(sessionStorage.length, 'sessionStorage').to.equal(0);
    expect(await indexedDB.databases(), 'IndexedDB').to.deep.equal([]);
    expect(urls.length + seenByWorker.length, 'the widgets did call the center').to.be.greaterThan(0);
  });

  it('files an appeal, chats and orders a callback with no personal datum in a URL or the console', async () => {
    const form = page.querySelector('kc-complaint-form')!;
    const next = async () => {
      $<HTMLButtonElement>(form, '[part~="continue-button"]')!.click();
      await new Promise((r) => setTimeout(r, 20));
    };
    $<HTMLInputElement>(form, 'input[name="kind"][value="complaint"]')!.click();
    const select = $<HTMLSelectElement>(form, '#categoryId')!;
    select.value = [...select.options].find((o) => o.value.includes('.'))!.value;
    select.dispatchEvent(new Event('change'));
    await next();
    await waitFor(() => $(form, '#description') !== null, 'the description step');
    type($<HTMLTextAreaElement>(form, '#description')!, APPEAL);
    await next();
    await waitFor(() => $(form, '#iin') !== null, 'the applicant step');
    type($<HTMLInputElement>(form, '#iin')!, IIN);
    type($<HTMLInputElement>(form, '#lastName')!, LAST);
    type($<HTMLInputElement>(form, '#firstName')!, FIRST);
    type($<HTMLInputElement>(form, '#phone')!, PHONE);
    await next();
    await waitFor(() => $(form, '#consent') !== null, 'the consent step');
    $<HTMLInputElement>(form, '#consent')!.click();
    await next();
    await waitFor(() => $(form, '[part~="submit-button"]') !== null, 'the review');
    $<HTMLButtonElement>(form, '[part~="submit-button"]')!.click();
    await waitFor(() => $(form, '[part~="access-code"]') !== null, 'the receipt');
    const number = $(form, '[part~="tracking-number"]')!.textContent.trim();
    const code = $(form, '[part~="access-code"]')!.textContent.trim();

    const status = page.querySelector('kc-complaint-status')!;
    type($<HTMLInputElement>(status, '#trackingNumber')!, number);
    type($<HTMLInputElement>(status, '#accessCode')!, code);
    $<HTMLButtonElement>(status, '[part~="find-button"]')!.click();
    await waitFor(() => $(status, '[part~="status"]') !== null, 'the appeal’s status');

    const chat = page.querySelector('kc-chat')!;
    $<HTMLButtonElement>(chat, '[part~="launcher"]')!.click();
    await waitFor(() => $(chat, '.agent') !== null && !$<HTMLButtonElement>(chat, '.agent')!.disabled, 'the panel');
    type($<HTMLTextAreaElement>(chat, '#question')!, MESSAGE);
    await new Promise((r) => setTimeout(r, 600)); // the knowledge-base search runs on the question
    $<HTMLButtonElement>(chat, '.agent')!.click();
    await waitFor(() => $(chat, '.consent .kc-button--primary') !== null, 'the consent');
    $<HTMLButtonElement>(chat, '.consent .kc-button--primary')!.click();
    await waitFor(() => $(chat, '#message') !== null, 'the conversation');
    type($<HTMLTextAreaElement>(chat, '#message')!, `${MESSAGE}. ${IIN}, ${PHONE}`);
    $<HTMLButtonElement>(chat, '[part~="send-button"]')!.click();
    await waitFor(() => (chat.shadowRoot!.querySelectorAll('[data-author="citizen"]').length ?? 0) > 0, 'the message');
    for (let i = 0; i < 4; i++) await mock.clock.advance(500); // the operator joins and answers
    await waitFor(() => chat.shadowRoot!.querySelector('[data-author="operator"]') !== null, 'the operator');

    const callback = page.querySelector('kc-callback')!;
    const asap = $<HTMLInputElement>(callback, 'input[name="when"][value="asap"]');
    if (asap) asap.click();
    else {
      $<HTMLInputElement>(callback, 'input[name="when"][value="slot"]')?.click();
      await waitFor(() => $(callback, 'input[name="slot"]') !== null, 'a slot');
      $<HTMLInputElement>(callback, 'input[name="slot"]')!.click();
    }
    type($<HTMLInputElement>(callback, '#topic')!, TOPIC);
    type($<HTMLInputElement>(callback, '#phone')!, PHONE);
    type($<HTMLInputElement>(callback, '#name')!, FIRST);
    $<HTMLInputElement>(callback, 'input[name="consent"]')!.click();
    await new Promise((r) => setTimeout(r, 20));
    $<HTMLButtonElement>(callback, '[part~="submit-button"]')!.click();
    await waitFor(() => $(callback, '[part="confirmation"]') !== null, 'the callback’s confirmation');

    const requested = [...urls, ...seenByWorker];
    expect(
      requested.some((u) => u.includes('/complaints')),
      'the appeal was sent',
    ).to.be.true;
    expect(
      requested.some((u) => u.includes('/chat/sessions')),
      'the chat ran',
    ).to.be.true;
    expect(
      requested.some((u) => u.includes('/callbacks')),
      'the callback was sent',
    ).to.be.true;
    for (const url of requested) expect(leaks(decodeURIComponent(url)), url).to.deep.equal([]);
    for (const line of consoleLines) expect(leaks(line), line).to.deep.equal([]);
    expect(document.cookie).to.equal('');
  });

  it('keeps nothing personal on the device once everything is delivered', async () => {
    await waitFor(() => mock.stats.committed.submitComplaint === 1, 'the appeal committed');
    const stored = await everythingStored();
    expect(leaks(stored.text), stored.text).to.deep.equal([]);
  });

  it('keeps nothing at all after clearLocalData()', async () => {
    unmountAll();
    await kc.clearLocalData();
    const stored = await everythingStored();
    expect(stored.text, 'storage after clearLocalData()').to.equal('');
    expect(stored.names, 'IndexedDB databases').to.deep.equal([]);
    expect(document.cookie).to.equal('');
  });
});
