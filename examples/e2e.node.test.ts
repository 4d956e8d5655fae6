// SPDX-License-Identifier: MIT
// kc end to end, as `npm start` serves it: the reference server (in-memory PGlite) hosts the example portal with the
// widgets' CDN build and the operator console. In one headless Chromium a citizen files an appeal on the portal and
// follows it, an operator answers it in the console and the citizen's status view changes live; then the two talk
// through the portal's <kc-chat> and the console.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { createServer, type KcServer } from '@kc/server';
import type { Config } from '@kc/contract';
import { buildOperatorConsole } from './operator/build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const CHROMIUM = process.env.KC_CHROMIUM ?? '/usr/bin/chromium';
// A Tuesday, 11:00 in Almaty: the center is open, so the citizen can start a chat whatever day the test runs.
const OPEN_AT = Date.parse('2026-11-24T11:00:00+05:00');
const offsetMs = OPEN_AT - Date.now();
const IIN = '850715401236';
const DESCRIPTION = 'Во дворе дома не горят фонари уже месяц.';
const ANSWER = 'Освещение восстановлено 25 ноября.';

let server: KcServer;
let browser: Browser;
let citizenContext: BrowserContext;
let citizen: Page;
let operator: Page;
let config: Config;
let trackingNumber = '';
let accessCode = '';
const problems: string[] = [];

/** Polls the elements matching `selector` (`>>>` pierces shadow roots) until one's text contains `text`. */
async function waitForText(page: Page, selector: string, text: string, what: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  let seen: string[] = [];
  for (;;) {
    seen = await Promise.all(
      (await page.$$(selector)).map((h) => h.evaluate((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '')),
    );
    if (seen.some((t) => t.includes(text))) return;
    if (Date.now() > end) {
      assert.fail(`${what}: no «${text}» in ${selector} within ${timeout} ms; it shows ${JSON.stringify(seen)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function find(page: Page, selector: string, what: string, timeout = 15_000) {
  const handle = await page.waitForSelector(selector, { timeout }).catch(() => null);
  assert.ok(handle, `${what}: ${selector} did not appear within ${timeout} ms`);
  return handle;
}

async function click(page: Page, selector: string, what: string): Promise<void> {
  await (await find(page, selector, what)).click();
}

/** Clicks the first element matching `selector` whose text contains `text`. */
async function clickText(page: Page, selector: string, text: string, what: string): Promise<void> {
  await waitForText(page, selector, text, what);
  for (const h of await page.$$(selector)) {
    if ((await h.evaluate((el) => el.textContent ?? '')).includes(text)) return h.click();
  }
  assert.fail(`${what}: «${text}» in ${selector} went away`);
}

async function typeInto(page: Page, selector: string, text: string, what: string): Promise<void> {
  await (await find(page, selector, what)).type(text);
}

function watchProblems(page: Page, who: string): void {
  page.on('pageerror', (e) => problems.push(`${who} pageerror: ${String(e)}`));
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`${who}: ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
}

describe(
  'kc end to end: portal, widgets, server, operator console (Chromium)',
  {
    skip: !existsSync(CHROMIUM) && 'no Chromium',
  },
  () => {
    before(async () => {
      // The same builds as `npm start`: the widgets' CDN files, then the console's bundle.
      const build = spawnSync(process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], {
        cwd: root,
        env: { ...process.env, KC_CDN_ONLY: '1' },
        encoding: 'utf8',
      });
      assert.equal(build.status, 0, `the widgets' CDN build failed:\n${build.stderr}`);
      await buildOperatorConsole();
      server = await createServer({
        memory: true,
        port: 0,
        clock: { now: () => new Date(Date.now() + offsetMs) },
        staticDirs: [
          { prefix: '/cdn', dir: join(root, 'packages/widgets/dist/cdn') },
          { prefix: '/operator', dir: join(here, 'operator') },
          { prefix: '/', dir: join(here, 'gov-portal') },
        ],
      });
      assert.ok(server.demoToken, 'the server has a demo operator token');
      config = (await (await fetch(`${server.url}/api/v1/config`)).json()) as Config;
      browser = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
        defaultViewport: { width: 1280, height: 900 },
      });
      citizenContext = await browser.createBrowserContext();
      citizen = await citizenContext.newPage();
      operator = await browser.newPage();
      watchProblems(citizen, 'portal');
      watchProblems(operator, 'console');

      await citizen.goto(`${server.url}/`, { waitUntil: 'load' });
      await click(citizen, '[data-lang="ru"]', 'the portal’s language switch');
      assert.equal(await citizen.evaluate(() => document.documentElement.lang), 'ru');

      await operator.goto(`${server.url}/operator/`, { waitUntil: 'load' });
      await typeInto(operator, '#kc-token', server.demoToken.token, 'the console’s sign-in');
      await click(operator, '.signin button[type="submit"]', 'the console’s sign-in');
      await find(operator, '[role="tab"]', 'the console after sign-in');
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('a citizen files an appeal on the portal and looks it up', { timeout: 45_000 }, async () => {
      const form = 'kc-complaint-form >>>';
      const next = () => click(citizen, `${form} [part~="continue-button"]`, 'the form’s “continue”');
      const category = config.appeals.categories.find(
        (c) => c.parentId !== null && (!c.kinds || c.kinds.includes('complaint')),
      );
      assert.ok(category, 'the demo center has a category for complaints');

      await waitForText(citizen, `${form} [part~="heading"]`, 'Шаг 1 из 5', 'the form, in Russian');
      await click(citizen, `${form} input[name="kind"][value="complaint"]`, 'the kind “complaint”');
      await (await find(citizen, `${form} #categoryId`, 'the category')).select(category.id);
      await next();
      await typeInto(citizen, `${form} #description`, DESCRIPTION, 'the description');
      await next();
      await typeInto(citizen, `${form} #iin`, IIN, 'the IIN');
      await typeInto(citizen, `${form} #lastName`, 'Сейтқали', 'the last name');
      await typeInto(citizen, `${form} #firstName`, 'Әйгерім', 'the first name');
      await typeInto(citizen, `${form} #phone`, '+7 701 123 45 67', 'the phone');
      await next();
      await click(citizen, `${form} #consent`, 'the consent');
      await next();
      await waitForText(citizen, `${form} [part~="review"]`, DESCRIPTION, 'the review');
      await click(citizen, `${form} [part~="submit-button"]`, 'the form’s “submit”');

      const number = await find(citizen, `${form} [part~="tracking-number"]`, 'the receipt', 20_000);
      trackingNumber = (await number.evaluate((el) => el.textContent ?? '')).trim();
      const code = await find(citizen, `${form} [part~="access-code"]`, 'the receipt’s access code');
      accessCode = (await code.evaluate((el) => el.textContent ?? '')).trim();
      assert.ok(trackingNumber && accessCode, 'the receipt shows a tracking number and an access code');

      const status = 'kc-complaint-status >>>';
      await typeInto(citizen, `${status} #trackingNumber`, trackingNumber, 'the status lookup');
      await typeInto(citizen, `${status} #accessCode`, accessCode, 'the status lookup');
      await click(citizen, `${status} [part~="find-button"]`, 'the status lookup’s “find”');
      await waitForText(citizen, `${status} [part~="status"]`, 'Зарегистрировано', 'the status of the new appeal');
    });

    it(
      'an operator answers it in the console and the citizen’s status view follows live',
      { timeout: 45_000 },
      async () => {
        assert.ok(trackingNumber, 'the appeal was filed');
        await clickText(operator, '[role="tab"]', 'Обращения', 'the console’s tabs');
        await clickText(operator, 'table.complaints button', trackingNumber, 'the appeal in the console’s list');
        await waitForText(operator, '.complaint .text', DESCRIPTION, 'the appeal’s detail in the console');

        await (await find(operator, '#kc-to', 'the status change')).select('in_review');
        await typeInto(operator, '#kc-note', 'Принято в работу.', 'the note');
        await click(operator, '.transition button[type="submit"]', 'the status change’s “save”');
        await waitForText(operator, '.complaint dd.status', 'На рассмотрении', 'the console after in_review');
        await waitForText(citizen, 'kc-complaint-status >>> [part~="status"]', 'На рассмотрении', 'the citizen, live');

        await (await find(operator, '#kc-to', 'the status change')).select('answered');
        await (await find(operator, '#kc-outcome', 'the outcome')).select('satisfied');
        await typeInto(operator, '#kc-answer', ANSWER, 'the answer');
        await click(operator, '.transition button[type="submit"]', 'the status change’s “save”');
        await waitForText(operator, '.complaint dd.status', 'Дан ответ', 'the console after answered');

        await waitForText(citizen, 'kc-complaint-status >>> [part~="status"]', 'Дан ответ', 'the citizen, live');
        await waitForText(citizen, 'kc-complaint-status >>> [part~="complaint"]', ANSWER, 'the answer, live');
      },
    );

    it('the citizen’s <kc-chat> and the console talk to each other', { timeout: 45_000 }, async () => {
      const chat = 'kc-chat >>>';
      await click(citizen, `${chat} [part~="launcher"]`, 'the chat’s launcher');
      await clickText(citizen, `${chat} button`, 'Написать оператору', 'the chat’s “write to an operator”');
      await clickText(citizen, `${chat} .consent button`, 'Согласен, начать чат', 'the chat’s consent');
      await typeInto(citizen, `${chat} #message`, 'Здравствуйте! Вопрос о пособии.', 'the chat’s composer');
      await click(citizen, `${chat} [part~="send-button"]`, 'the chat’s “send”');

      await clickText(operator, '[role="tab"]', 'Чаты', 'the console’s tabs');
      await click(operator, '.chat-list button', 'the new chat in the console’s queue');
      await waitForText(operator, '.messages', 'Вопрос о пособии', 'the citizen’s message in the console');
      await clickText(operator, '.conversation button', 'Взять чат', 'the console’s “take the chat”');
      await typeInto(operator, '#kc-reply', 'Добрый день! Слушаю вас.', 'the console’s reply');
      await click(operator, '.reply button[type="submit"]', 'the console’s “send”');

      const fromOperator = `${chat} [part~="message"][data-author="operator"]`;
      await waitForText(citizen, fromOperator, 'Слушаю вас', 'the operator’s reply in the citizen’s chat');
      await typeInto(citizen, `${chat} #message`, 'Пособие не пришло в ноябре.', 'the chat’s composer');
      await click(citizen, `${chat} [part~="send-button"]`, 'the chat’s “send”');
      await waitForText(
        operator,
        '.messages',
        'Пособие не пришло в ноябре.',
        'the citizen’s next message in the console',
      );

      assert.deepEqual(problems, [], 'no script errors and no server errors on either page');
    });
  },
);
