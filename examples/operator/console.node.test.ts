// SPDX-License-Identifier: MIT
// The operator console end to end: the reference server (in-memory PGlite) serves the built console under its
// strict CSP, and a headless Chromium signs in with the demo token, answers a chat with a quick reply and moves an
// appeal to `answered`, while the operator event stream brings new chats and appeals in live.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type JSHandle, type Page } from 'puppeteer-core';
import { createServer, type KcServer } from '@kc/server';
import type { Complaint, ComplaintReceipt, Config, OperatorChatDetail, OperatorEvent } from '@kc/contract';
import { buildOperatorConsole } from './build.mjs';
import { OperatorApi, SseParser } from './src/api.js';

const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.KC_CHROMIUM ?? '/usr/bin/chromium';
// A Tuesday, 11:00 in Almaty: the center is open, so a citizen can start a chat whatever day the test runs.
const OPEN_AT = Date.parse('2026-11-24T11:00:00+05:00');
const offsetMs = OPEN_AT - Date.now();
// axe-core comes with @open-wc/testing; evaluated through the DevTools protocol, which the page's CSP does not govern.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: KcServer;
let browser: Browser;
let page: Page;
let api = '';
let token = '';
let config: Config;
const problems: string[] = [];
let signedIn = false;

const post = async <T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> => {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
    body: JSON.stringify(body),
  });
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
};
const asOperator = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200, path);
  return (await res.json()) as T;
};

function fileAppeal(firstName: string): Promise<ComplaintReceipt> {
  const category = config.appeals.categories.find(
    (c) => c.parentId !== null && (!c.kinds || c.kinds.includes('complaint')),
  );
  assert.ok(category, 'the demo center has a category for complaints');
  return post<ComplaintReceipt>('/complaints', {
    kind: 'complaint',
    categoryId: category.id,
    subject: 'Аулада жарық жоқ',
    description: 'Үйіміздің ауласындағы шамдар бір айдан бері жанбайды. <img src=x onerror=alert(1)>',
    applicant: {
      iin: '900101300017',
      lastName: 'Сейтқали',
      firstName,
      phone: '+77011234567',
      preferredLanguage: 'kk',
      preferredContact: 'phone',
    },
    consent: { given: true, version: config.privacy.version },
    channel: 'web',
  });
}

/** Waits until an element matching `selector` contains `text`. */
async function waitForText(selector: string, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (sel: string, t: string) => [...document.querySelectorAll(sel)].some((el) => el.textContent?.includes(t)),
    { timeout },
    selector,
    text,
  );
}

async function waitUntil(condition: () => boolean, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    assert.ok(Date.now() < end, 'timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The citizen's side of a chat: its event stream, read in Node. */
function citizenStream(sessionId: string, chatToken: string) {
  const abort = new AbortController();
  const events: { event: string; data: unknown }[] = [];
  const done = (async () => {
    const res = await fetch(`${api}/chat/sessions/${sessionId}/events`, {
      headers: { 'x-kc-chat-token': chatToken, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    const parser = new SseParser();
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) return;
      for (const m of parser.push(value)) events.push({ event: m.event, data: JSON.parse(m.data) });
    }
  })().catch(() => undefined);
  return {
    until: (match: (e: { event: string; data: unknown }) => boolean) => waitUntil(() => events.some(match)),
    stop: () => {
      abort.abort();
      return done;
    },
  };
}

/** Runs axe on the page as it is and fails with the rules it breaks. */
async function checkAccessible(where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
    };
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
  assert.deepEqual(violations, [], `accessibility of ${where}`);
}

async function clickText(selector: string, text: string): Promise<void> {
  // Enabled, too: a list may show an item (from the event stream) while the request that made it still runs and
  // keeps the panel's buttons disabled; a click then would do nothing, as it would for a person.
  const target = await page.waitForFunction(
    (sel: string, t: string) =>
      [...document.querySelectorAll<HTMLElement>(sel)].find(
        (e) => e.textContent?.includes(t) && !e.matches(':disabled'),
      ),
    { timeout: 15_000 },
    selector,
    text,
  );
  await (target as JSHandle<HTMLElement>).evaluate((el) => el.click());
}

describe('operator console (server + Chromium)', { skip: !existsSync(CHROMIUM) && 'no Chromium' }, () => {
  before(async () => {
    await buildOperatorConsole();
    server = await createServer({
      memory: true,
      port: 0,
      allowedOrigins: ['*'],
      clock: { now: () => new Date(Date.now() + offsetMs) },
      staticDirs: [{ prefix: '/operator', dir: here }],
    });
    api = `${server.url}/api/v1`;
    assert.ok(server.demoToken, 'a demo token');
    token = server.demoToken.token;
    config = (await (await fetch(`${api}/config`)).json()) as Config;
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
    page.on('console', (m) => {
      // Failed requests are checked one by one below, with their addresses.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      const { pathname } = new URL(r.url());
      const expected = r.status() === 401 && pathname.startsWith('/api/v1/operator/') && !signedIn;
      if (r.status() >= 400 && !expected) problems.push(`${r.status()} ${r.request().method()} ${pathname}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in with the token, keeps it in sessionStorage only, and refuses a wrong one', async () => {
    await page.goto(`${server.url}/operator/`, { waitUntil: 'load' });
    await page.waitForSelector('#kc-token');
    await checkAccessible('the sign-in form');
    await page.type('#kc-token', 'not-a-valid-token-at-all');
    await page.click('.signin button[type="submit"]');
    await waitForText('.signin [role="alert"]', 'Токен не принят');

    signedIn = true;
    await page.type('#kc-token', token);
    await page.click('.signin button[type="submit"]');
    await page.waitForSelector('[role="tab"]');
    await waitForText('.stream', 'в реальном времени');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('kc-operator-token')), token);
    assert.ok(!page.url().includes(token), 'the token is not in the URL');
    assert.equal(await page.evaluate(() => localStorage.getItem('kc-operator-token')), null);
  });

  it('takes a new chat live, shows and sends typing, fills the name into a quick reply, transfers, closes', async () => {
    const started = await post<{ session: { id: string }; sessionToken: string }>('/chat/sessions', {
      language: 'ru',
      name: 'Әйгерім',
      consent: { given: true, version: config.privacy.version },
      firstMessage: { clientMessageId: randomUUID(), text: 'Здравствуйте! Вопрос о пособии.' },
    });
    const id = started.session.id;
    await clickText('.chat-list button', 'Әйгерім'); // arrived through the operator event stream
    await waitForText('.messages', 'Вопрос о пособии');
    await clickText('.conversation button', 'Взять чат');
    await page.waitForSelector('#kc-reply');
    const citizen = citizenStream(id, started.sessionToken);
    await page.type('#kc-reply', 'З');
    await citizen.until((e) => e.event === 'typing' && (e.data as { typing: boolean }).typing);
    await citizen.stop();
    await post(`/chat/sessions/${id}/typing`, { typing: true }, { 'x-kc-chat-token': started.sessionToken });
    await waitForText('.typing', 'Гражданин печатает');
    await checkAccessible('a conversation');
    await clickText('.quick button', 'Приветствие');
    const draft = await page.$eval('#kc-reply', (el) => (el as HTMLTextAreaElement).value);
    assert.equal(draft, 'Здравствуйте, Әйгерім! Чем я могу вам помочь?');
    await page.click('.reply button[type="submit"]');
    await waitForText('.messages', 'Здравствуйте, Әйгерім!');
    const detail = await asOperator<OperatorChatDetail>(`/operator/chats/${id}`);
    assert.ok(detail.messages.some((m) => m.author.kind === 'operator' && m.text === draft));

    const topic = config.appeals.categories[0]!.id;
    await clickText('.conversation summary', 'Передать');
    await page.select('#kc-transfer-topic', topic);
    await page.type('#kc-transfer-note', 'Вопрос о пособии.');
    await clickText('.conversation details button', 'Передать');
    await waitForText('.conversation h3', 'в очереди');
    await clickText('.conversation button', 'Взять чат');
    await page.waitForSelector('#kc-reply');

    await clickText('.close button', 'Закрыть чат');
    await waitForText('.conversation h3', 'закрыт');
  });

  it('lists appeals by due date, shows a new one live, and moves it to answered with an e-Otinish number', async () => {
    const first = await fileAppeal('Әйгерім');
    await clickText('[role="tab"]', 'Обращения');
    await waitForText('table.complaints', first.trackingNumber);
    const later = await fileAppeal('Данияр'); // while the console is open
    await waitForText('table.complaints', later.trackingNumber);
    const order = await page.$$eval('table.complaints tbody th', (ths) => ths.map((th) => th.textContent?.trim()));
    assert.deepEqual(order, [first.trackingNumber, later.trackingNumber], 'earliest due first');

    await clickText('table.complaints button', first.trackingNumber);
    await waitForText('.complaint .text', '<img src=x onerror=alert(1)>'); // rendered as text
    assert.equal(await page.$('.complaint img'), null);

    await page.select('#kc-to', 'in_review');
    await page.type('#kc-note', 'Принято в работу.');
    await page.click('.transition button[type="submit"]');
    await waitForText('.complaint dd.status', 'На рассмотрении');
    await checkAccessible('an appeal');

    await page.select('#kc-to', 'answered');
    await page.waitForSelector('#kc-answer');
    await page.select('#kc-outcome', 'explained');
    await page.type('#kc-answer', 'Освещение восстановлено 25 ноября.');
    await page.type('#kc-t-ext-ref', 'ЖТ-Т-2026-0001');
    await page.click('.transition button[type="submit"]');
    await waitForText('.complaint dd.status', 'Дан ответ');
    assert.deepEqual(problems, []);
    await waitForText('.timeline', 'Освещение восстановлено');

    const answered = await asOperator<Complaint>(`/operator/complaints/${await findId(first.trackingNumber)}`);
    assert.equal(answered.status, 'answered');
    assert.equal(answered.resolution?.outcome, 'explained');
    assert.ok(answered.externalRefs.some((r) => r.system === 'e-otinish' && r.reference === 'ЖТ-Т-2026-0001'));
  });

  it('shows a callback request live and records the call', async () => {
    await post('/callbacks', {
      phone: '+77017654321',
      name: 'Ержан',
      topic: 'Тұрғын үй кезегі',
      language: 'kk',
      when: { asap: true },
      consent: { given: true, version: config.privacy.version },
    });
    await clickText('[role="tab"]', 'Обратные звонки');
    await waitForText('.callbacks', 'Ержан');
    await checkAccessible('the callbacks');
    await clickText('.callbacks button', 'Записать');
    await waitForText('kc-op-callbacks [role="status"]', 'Записано');
    await waitForText('kc-op-callbacks .empty', 'Заявок на обратный звонок нет');
  });

  it('the event stream resumes with Last-Event-ID: what happened while it was down is replayed, once', async () => {
    const client = new OperatorApi(api, token);
    const seen: string[] = [];
    const watch = async (until: (event: OperatorEvent) => boolean): Promise<void> => {
      const abort = new AbortController();
      await client.watch(
        (event) => {
          seen.push(event.id);
          if (until(event)) abort.abort();
        },
        () => undefined,
        abort.signal,
      );
    };
    const first = await fileAppeal('Асқар');
    await watch((e) => e.event === 'complaint.registered' && e.data.trackingNumber === first.trackingNumber);
    const missed = await fileAppeal('Ботагөз'); // while nobody listens
    const before = seen.length;
    let replayed: OperatorEvent | undefined;
    await watch((e) => {
      replayed = e;
      return true;
    });
    assert.equal(replayed?.event, 'complaint.registered');
    assert.equal((replayed?.data as { trackingNumber: string }).trackingNumber, missed.trackingNumber);
    assert.equal(new Set(seen).size, seen.length, 'no event twice');
    assert.equal(seen.length, before + 1);
  });

  it('publishes an outage in three languages and resolves it; shows the report and downloads its CSV; signs out', async () => {
    await clickText('[role="tab"]', 'Прерывания');
    for (const [l, t] of [
      ['kk', 'Онлайн-чат уақытша жұмыс істемейді.'],
      ['ru', 'Онлайн-чат временно не работает.'],
      ['en', 'The online chat is temporarily down.'],
    ] as const) {
      await page.type(`#kc-op-outages-message-${l}`, t);
    }
    await checkAccessible('the outages');
    await page.click('.publish input[value="chat"]');
    await page.click('.publish button[type="submit"]');
    await waitForText('.outages', 'Онлайн-чат временно не работает.');
    await clickText('.outages button', 'Прерывание завершено');
    await waitForText('kc-op-outages .empty', 'Прерываний нет');

    await clickText('[role="tab"]', 'Отчёт');
    await page.click('kc-op-report button[type="submit"]');
    await waitForText('kc-op-report caption', 'ОДКЦ-01');
    const rows = await page.$$eval('kc-op-report table:nth-of-type(2) tbody tr', (trs) => trs.length);
    assert.ok(rows > 0, 'the form has rows');
    await checkAccessible('the report');

    const downloads = mkdtempSync(join(tmpdir(), 'kc-operator-csv-'));
    try {
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      await clickText('kc-op-report button', 'Скачать CSV');
      await waitUntil(() => readdirSync(downloads).some((f) => f.endsWith('.csv')));
      const file = readdirSync(downloads).find((f) => f.endsWith('.csv'))!;
      assert.match(file, /^kc-indicators-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync(join(downloads, file), 'utf8');
      assert.match(csv, /^\uFEFF?row;label_kk;label_ru;unit_kk;unit_ru;value/);
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }

    assert.deepEqual(problems, [], 'no script errors, no CSP violations');

    await clickText('.signout', 'Выйти');
    await page.waitForSelector('#kc-token');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('kc-operator-token')), null);
  });
});

async function findId(trackingNumber: string): Promise<string> {
  const page = await asOperator<{ items: { id: string; trackingNumber: string }[] }>(
    `/operator/complaints?trackingNumber=${encodeURIComponent(trackingNumber)}`,
  );
  const hit = page.items.find((c) => c.trackingNumber === trackingNumber);
  assert.ok(hit);
  return hit.id;
}
