// SPDX-License-Identifier: MIT
// Checks `npm run size`'s measure of the chat's first open against a real one: the CDN files built as
// `bench/cdn.mjs` builds them are served with the reference server (in memory, its clock at an hour the center is
// open); a page holding only the loader and `<kc-chat>` is opened in each language, in headless Chromium and
// Firefox; the chat's launcher, "write to an operator", the consent and a first message are clicked through, and
// the files the browser fetched are compared with the files the measure counts for that language. Exits 1 when the
// browser fetched a file the measure does not count; a counted file the browser did not fetch is reported.
//
//   node --conditions=kc-source --import tsx bench/first-open.mjs [--browsers chromium,firefox]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from '@kc/server';
import { chromiumArgs, findBrowsers } from '../scripts/browsers.mjs';
import { cdnBuild, LANGUAGES } from './cdn.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const wanted = (args.includes('--browsers') ? args[args.indexOf('--browsers') + 1] : 'chromium,firefox').split(',');
// A Tuesday, 11:00 in Almaty: the center is open, so the chat offers an operator whatever day this runs.
const offsetMs = Date.parse('2026-11-24T11:00:00+05:00') - Date.now();

const cdn = await cdnBuild();
const dir = mkdtempSync(join(tmpdir(), 'kc-first-open-'));
for (const [fileName, chunk] of cdn.files) {
  mkdirSync(dirname(join(dir, 'cdn', fileName)), { recursive: true });
  writeFileSync(join(dir, 'cdn', fileName), chunk.code);
}
for (const language of LANGUAGES) {
  writeFileSync(
    join(dir, `${language}.html`),
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>kc</title>` +
      `<link rel="icon" href="data:,"><script type="module" src="/cdn/kc.js"></script></head>` +
      `<body><kc-chat base-url="/api/v1"></kc-chat></body></html>`,
  );
}
const server = await createServer({
  memory: true,
  port: 0,
  clock: { now: () => new Date(Date.now() + offsetMs) },
  staticDirs: [{ prefix: '/', dir }],
});

const found = findBrowsers();
const launch = {
  chromium: () => puppeteer.launch({ executablePath: found.chromium, headless: true, args: chromiumArgs }),
  firefox: () => puppeteer.launch({ browser: 'firefox', executablePath: found.firefox, headless: true }),
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Waits for a `selector` (`>>>` pierces shadow roots) whose text holds `text` (any when undefined), and clicks it. */
async function click(page, selector, text) {
  for (let i = 0; i < 150; i++) {
    for (const h of await page.$$(selector)) {
      if (text === undefined || (await h.evaluate((el) => el.textContent ?? '')).includes(text)) return h.click();
    }
    await sleep(100);
  }
  throw new Error(`no ${selector}${text ? ` with «${text}»` : ''}`);
}

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
      for (const language of LANGUAGES) {
        const strings = (await import(`${root}packages/widgets/src/components/chat/strings/${language}.ts`)).default;
        const page = await browser.newPage();
        const fetched = new Set();
        const errors = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('response', (r) => {
          const path = new URL(r.url()).pathname;
          if (path.startsWith('/cdn/')) fetched.add(path.slice('/cdn/'.length));
          if (r.status() >= 400) errors.push(`${r.status()} ${path}`);
        });
        await page.goto(`${server.url}/${language}.html`, { waitUntil: 'load' });
        const chat = 'kc-chat >>>';
        await click(page, `${chat} [part~="launcher"]`);
        await click(page, `${chat} button`, strings.askOperator);
        await click(page, `${chat} .consent button`, strings.consentAccept);
        await (await page.waitForSelector(`${chat} #message`)).type('Сәлеметсіз бе!');
        await click(page, `${chat} [part~="send-button"]`);
        await page.waitForSelector(`${chat} [part~="message"]`);
        await sleep(1000);
        await page.close();

        const measured = new Set([
          ...cdn.closure(['kc.js'], () => false),
          ...cdn.closure(['kc-chat.js'], cdn.firstUse('kc-chat', language)),
        ]);
        const uncounted = [...fetched].filter((f) => !measured.has(f));
        const unfetched = [...measured].filter((f) => !fetched.has(f));
        broken ||= uncounted.length > 0 || errors.length > 0;
        rows.push({
          browser: name,
          language,
          'fetched: files': fetched.size,
          'fetched, brotli (B)': cdn.total(new Set([...fetched].filter((f) => cdn.files.has(f)))),
          'measured, brotli (B)': cdn.total(measured),
          'fetched, not counted': uncounted.join(' '),
          'counted, not fetched': unfetched.join(' '),
          errors: errors.join('; '),
        });
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log("\n<kc-chat>'s first open (launcher, an operator, consent, a first message) against npm run size\n");
console.table(rows);
console.log(broken ? 'The browser fetched files the measure does not count, or failed.' : 'The measure matches.');
process.exit(broken ? 1 : 0);
