// SPDX-License-Identifier: MIT
// Checks `npm run size`'s measure of each element's first use against a real one: the CDN files built as
// `bench/cdn.mjs` builds them are served with the reference server (in memory, its clock at an hour the center is
// open); for each element, a page holding only the loader and that element (given only a `base-url`) is opened in
// each language, in headless Chromium and Firefox, each in a fresh browser context (a first visit: no kc database,
// nothing rated), and a short first use is played as a citizen would:
//
// - `<kc-chat>`: the launcher, until the question field has focus; then, as its next use (measured too), "write to an
//   operator", the consent and a first message;
// - `<kc-outage-banner>`: shown with an outage the center published;
// - `<kc-rating>`: rendered, a score chosen and submitted, the thanks shown;
// - `<kc-complaint-form>`: every step filled, submitted, the receipt shown;
// - `<kc-complaint-status>`: an appeal (filed through the API) looked up, its status shown;
// - `<kc-callback>`: the free slots shown, one chosen, the form filled and the request confirmed;
// - `<kc-provider>`: alone (it makes the client and loads the configuration).
//
// The files the browser fetched are compared with the files the measure counts for that element and language
// (the rule in `scripts/cdn-first-use.mjs`). Exits 1 when the browser fetched a file the measure does not count, or
// a first use failed; a counted file the browser did not fetch is reported. With `--unmerged` the build is made
// without `togetherChunks` (a file per `import()`), so that each `import()` the rule counts and a first use does
// not run shows as "counted, not fetched".
//
//   node --conditions=kc-source --import tsx bench/first-open.mjs [--browsers chromium,firefox]
//     [--elements kc-rating,kc-provider] [--languages kk,ru,en] [--unmerged]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from '@kc/server';
import { chromiumArgs, findBrowsers } from '../scripts/browsers.mjs';
import { cdnBuild, LANGUAGES, NEXT } from './cdn.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const list = (name, all) => (args.includes(name) ? args[args.indexOf(name) + 1].split(',') : all);
const wanted = list('--browsers', ['chromium', 'firefox']);
const languages = list('--languages', LANGUAGES);
// A Tuesday, 11:00 in Almaty: the center is open, so the chat offers an operator and the callback free slots
// whatever day this runs.
const offsetMs = Date.parse('2026-11-24T11:00:00+05:00') - Date.now();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Waits for a `selector` (`>>>` pierces shadow roots) whose text holds `text` (any when undefined). */
async function find(page, selector, text) {
  for (let i = 0; i < 150; i++) {
    for (const h of await page.$$(selector)) {
      if (text === undefined || (await h.evaluate((el) => el.textContent ?? '')).includes(text)) return h;
    }
    await sleep(100);
  }
  throw new Error(`no ${selector}${text ? ` with «${text}»` : ''}`);
}
const click = async (page, selector, text) => (await find(page, selector, text)).click();
const type = async (page, selector, value) => (await find(page, selector)).type(value);

let runs = 0;
/** Each element's first use: its markup, and what a citizen does with it (`s`: a setup made once, below). */
const ELEMENTS = {
  'kc-chat': {
    markup: () => '<kc-chat base-url="/api/v1"></kc-chat>',
    async use(page) {
      const chat = 'kc-chat >>>';
      await click(page, `${chat} [part~="launcher"]`);
      await find(page, `${chat} #question:focus`);
    },
    /** The next use, measured on its own: a conversation. */
    async next(page, { language }) {
      const strings = (await import(`${root}packages/widgets/src/components/chat/strings/${language}.ts`)).default;
      const chat = 'kc-chat >>>';
      await click(page, `${chat} button`, strings.askOperator);
      await click(page, `${chat} .consent button`, strings.consentAccept);
      await type(page, `${chat} #message`, 'Сәлеметсіз бе!');
      await click(page, `${chat} [part~="send-button"]`);
      await find(page, `${chat} [part~="message"]`);
    },
  },
  'kc-outage-banner': {
    markup: () => '<kc-outage-banner base-url="/api/v1"></kc-outage-banner>',
    async use(page) {
      await find(page, 'kc-outage-banner >>> [part~="outage"]');
    },
  },
  'kc-rating': {
    // A call's rating, its reference given: each run rates another call (a subject is rated once).
    markup: () =>
      `<kc-rating base-url="/api/v1" subject-kind="call" subject-id="CALL-2026-${String(++runs).padStart(6, '0')}">` +
      '</kc-rating>',
    async use(page) {
      const rating = 'kc-rating >>>';
      await click(page, `${rating} input[name="resolved"][value="true"]`);
      await click(page, `${rating} input[name="csat"][value="5"]`);
      await click(page, `${rating} [part~="submit-button"]`);
      await find(page, `${rating} [part~="thanks"]`);
    },
  },
  'kc-complaint-form': {
    markup: () => '<kc-complaint-form base-url="/api/v1"></kc-complaint-form>',
    async use(page, { category }) {
      const form = 'kc-complaint-form >>>';
      const next = () => click(page, `${form} [part~="continue-button"]`);
      await click(page, `${form} input[name="kind"][value="complaint"]`);
      await (await find(page, `${form} #categoryId`)).select(category);
      await next();
      await type(page, `${form} #description`, 'Во дворе дома не горят фонари уже месяц.');
      await next();
      await type(page, `${form} #iin`, '850715401236');
      await type(page, `${form} #lastName`, 'Сейтқали');
      await type(page, `${form} #firstName`, 'Әйгерім');
      await type(page, `${form} #phone`, '+7 701 123 45 67');
      await next();
      await click(page, `${form} #consent`);
      await next();
      await click(page, `${form} [part~="submit-button"]`);
      await find(page, `${form} [part~="tracking-number"]`);
    },
  },
  'kc-complaint-status': {
    markup: () => '<kc-complaint-status base-url="/api/v1"></kc-complaint-status>',
    async use(page, { receipt }) {
      const status = 'kc-complaint-status >>>';
      await type(page, `${status} #trackingNumber`, receipt.trackingNumber);
      await type(page, `${status} #accessCode`, receipt.accessCode);
      await click(page, `${status} [part~="find-button"]`);
      await find(page, `${status} [part~="status"]`);
    },
  },
  'kc-callback': {
    markup: () => '<kc-callback base-url="/api/v1"></kc-callback>',
    async use(page) {
      const callback = 'kc-callback >>>';
      await find(page, `${callback} [part~="form"]`);
      // With the center open, "as soon as possible" or a time: a time, to see the free slots.
      if (await page.$(`${callback} input[name="when"][value="slot"]`)) {
        await click(page, `${callback} input[name="when"][value="slot"]`);
      }
      await click(page, `${callback} input[name="slot"]`);
      await type(page, `${callback} #topic`, 'Зейнетақы туралы сұрақ');
      await type(page, `${callback} #phone`, '+7 701 123 45 67');
      await type(page, `${callback} #name`, 'Әйгерім');
      await click(page, `${callback} #consent`);
      await click(page, `${callback} [part~="submit-button"]`);
      await find(page, `${callback} [part~="confirmation"]`);
    },
  },
  'kc-provider': {
    markup: () => '<kc-provider base-url="/api/v1"></kc-provider>',
    async use(page) {
      await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/config', { timeout: 15_000 });
    },
  },
};
const tags = list('--elements', Object.keys(ELEMENTS));

const cdn = await cdnBuild({ together: !args.includes('--unmerged') });
const dir = mkdtempSync(join(tmpdir(), 'kc-first-open-'));
for (const [fileName, chunk] of cdn.files) {
  mkdirSync(dirname(join(dir, 'cdn', fileName)), { recursive: true });
  writeFileSync(join(dir, 'cdn', fileName), chunk.code);
}
const server = await createServer({
  memory: true,
  port: 0,
  clock: { now: () => new Date(Date.now() + offsetMs) },
  staticDirs: [{ prefix: '/', dir }],
});

// What the first uses need from the center: a category to file under, an outage to show, an appeal to look up.
const api = async (method, path, body, token) => {
  const response = await fetch(`${server.url}/api/v1/${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
const config = await api('GET', 'config');
const category = config.appeals.categories.find(
  (c) => c.parentId !== null && (!c.kinds || c.kinds.includes('complaint')),
).id;
const now = new Date(Date.now() + offsetMs);
await api(
  'POST',
  'operator/outages',
  {
    status: 'active',
    severity: 'major',
    // Not the chat's channel: the chat's first use starts a conversation on the same center.
    affectedChannels: ['email'],
    message: {
      kk: 'Электрондық пошта уақытша жұмыс істемейді. Чатқа жазыңыз.',
      ru: 'Электронная почта временно не работает. Напишите в чат.',
      en: 'E-mail is temporarily unavailable. Please write in the chat.',
    },
    startedAt: now.toISOString(),
    expectedResumeAt: new Date(now.getTime() + 3_600_000).toISOString(),
  },
  server.demoToken.token,
);
const receipt = await api('POST', 'complaints', {
  kind: 'complaint',
  categoryId: category,
  description: 'Жәрдемақы туралы өтінішім екі айдан бері қаралмай жатыр.',
  applicant: {
    iin: '900101300017',
    lastName: 'Сейтқали',
    firstName: 'Әйгерім',
    phone: '+77011234567',
    preferredLanguage: 'kk',
    preferredContact: 'phone',
  },
  consent: { given: true, version: config.privacy.version },
  channel: 'web',
});

const found = findBrowsers();
const launch = {
  chromium: () => puppeteer.launch({ executablePath: found.chromium, headless: true, args: chromiumArgs }),
  firefox: () => puppeteer.launch({ browser: 'firefox', executablePath: found.firefox, headless: true }),
};

const rows = [];
let broken = false;
try {
  for (const name of wanted) {
    if (!found[name]) {
      console.log(`No ${name} found: not checked.`);
      continue;
    }
    const browser = await launch[name]();
    try {
      for (const tag of tags) {
        for (const language of languages) {
          const page = `${tag}-${language}-${runs}.html`;
          writeFileSync(
            join(dir, page),
            `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>kc</title>` +
              `<link rel="icon" href="data:,"><script type="module" src="/cdn/kc.js"></script></head>` +
              `<body>${ELEMENTS[tag].markup()}</body></html>`,
          );
          const context = await browser.createBrowserContext();
          const tab = await context.newPage();
          const fetched = new Set();
          const errors = [];
          tab.on('pageerror', (e) => errors.push(String(e)));
          tab.on('response', (r) => {
            const path = new URL(r.url()).pathname;
            if (path.startsWith('/cdn/')) fetched.add(path.slice('/cdn/'.length));
            if (r.status() >= 400) errors.push(`${r.status()} ${path}`);
          });
          const { use, next } = ELEMENTS[tag];
          const uses = [{ name: 'first use', play: use, next: false }];
          if (next && NEXT[tag]) uses.push({ name: NEXT[tag].use, play: next, next: true });
          try {
            await tab.goto(`${server.url}/${page}`, { waitUntil: 'load' });
            for (const step of uses) {
              try {
                await step.play(tab, { language, category, receipt });
                // What the use set going (a delivery, a stream) has time to fetch what it imports.
                await sleep(1000);
              } catch (error) {
                errors.push(String(error));
              }
              const measured = new Set([
                ...cdn.closure(['kc.js'], () => false),
                ...cdn.closure([`${tag}.js`], cdn.firstUse(tag, language, { next: step.next })),
              ]);
              const uncounted = [...fetched].filter((f) => !measured.has(f));
              const unfetched = [...measured].filter((f) => !fetched.has(f));
              const failed = errors.splice(0);
              broken ||= uncounted.length > 0 || failed.length > 0;
              rows.push({
                browser: name,
                element: tag,
                use: step.name,
                language,
                'fetched: files': fetched.size,
                'fetched, brotli (B)': cdn.total(new Set([...fetched].filter((f) => cdn.files.has(f)))),
                'measured, brotli (B)': cdn.total(measured),
                'fetched, not counted': uncounted.join(' '),
                'counted, not fetched': unfetched.join(' '),
                errors: failed.join('; '),
              });
              if (failed.length > 0) break;
            }
          } finally {
            await context.close();
          }
        }
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `\nEach element's first use against npm run size${args.includes('--unmerged') ? ' (build without togetherChunks)' : ''}\n`,
);
console.table(rows);
console.log(broken ? 'The browser fetched files the measure does not count, or failed.' : 'The measure matches.');
process.exit(broken ? 1 : 0);
