// SPDX-License-Identifier: MIT
// <kc-chat>: the bytes of its first open and the time to render a history of 10 000 messages. Not a test: it prints
// tables.
//
// 1. First open (brotli, each file as its own response), from the CDN build that `npm run size` measures
//    (`bench/cdn.mjs`): the loader and everything the chat loads on its first open in one language (the chat's
//    chunk, Lit, the SDK's core and chat session, the texts), for each language; what it loads later, only when
//    it offers a callback, shows the rating after a chat or uploads a file, apart. Budget: 25 KB.
// 2. Rendering: the same CDN files in headless Chromium (puppeteer-core), the panel opened on a session of
//    10 000 messages; time from setting the session until the next frame is painted, median of several runs, for
//    the default window (the last 100 messages, earlier ones on demand) and for all 10 000 at once (each message
//    with `content-visibility: auto`).
//
//   node bench/chat-render.mjs [--runs 5] [--no-render]
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { cdnBuild, KB, LANGUAGES } from './cdn.mjs';

const BUDGET = 25 * KB;
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;

// ---------------------------------------------------------------- bytes
const cdn = await cdnBuild();
const loader = cdn.closure(['kc.js'], () => false);
const rows = LANGUAGES.map((language) => {
  const first = new Set([...loader, ...cdn.closure(['kc-chat.js'], cdn.firstUse('kc-chat', language))]);
  const later = cdn.closure(['kc-chat.js'], cdn.inLanguage(language));
  for (const f of first) later.delete(f);
  const bytes = cdn.total(first);
  return {
    language,
    'first open: files': first.size,
    'first open: brotli (B)': bytes,
    budget: `${BUDGET} (25 KB)`,
    result: bytes <= BUDGET ? 'ok' : 'OVER BUDGET',
    'later, on demand: files': later.size,
    'later, on demand: brotli (B)': cdn.total(later),
  };
});
console.log(
  '\n<kc-chat> first open: the loader and every chunk it loads, brotli (quality 11), each file its own response\n',
);
console.table(rows);

if (args.includes('--no-render')) process.exit(0);

// ---------------------------------------------------------------- rendering
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!chromium) {
  console.log('No Chromium found: rendering not measured.');
  process.exit(0);
}
const { default: puppeteer } = await import('puppeteer-core');
const files = new Map([...cdn.files].map(([name, c]) => [`/${name}`, c.code]));
const page = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title></head><body>
<script type="module">
  import '/kc-chat.js';
  const N = 10000;
  const info = { id: 's', status: 'active', position: null, estimatedWaitSeconds: null, operator: { displayName: 'Айгүл' },
    topic: null, language: 'ru', createdAt: '2026-11-23T05:00:00Z', acceptedAt: null, closedAt: null, closeReason: null };
  const messages = Array.from({ length: N }, (_, i) => {
    const mine = i % 2 === 0;
    return { id: 'm' + i, clientMessageId: mine ? 'c' + i : null,
      author: mine ? { kind: 'citizen', displayName: null } : { kind: 'operator', displayName: 'Айгүл' },
      text: 'Сообщение номер ' + i + ' — подробности на https://egov.kz/ru и в центре обслуживания.',
      attachments: [], quickReplies: [], sentAt: new Date(Date.parse('2026-11-23T05:00:00Z') + i * 1000).toISOString(),
      state: 'read', status: 'read' };
  });
  const session = { id: 's', info, messages, status: 'active', operatorTyping: false, inactivity: undefined,
    outage: undefined, ending: undefined, unread: 0, token: 't', on: () => () => {}, markRead: async () => {},
    typing() {}, detach() {} };
  window.measure = async (pageSize) => {
    document.querySelector('kc-chat')?.remove();
    const el = document.createElement('kc-chat');
    el.pageSize = pageSize;
    document.body.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    el.open = true;
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const start = performance.now();
    el.session = session;
    el.view = 'session';
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const rendered = el.shadowRoot.querySelectorAll('.message').length;
    return { ms: performance.now() - start, rendered };
  };
  window.ready = true;
</script></body></html>`;
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  const code = files.get(path);
  if (!code) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(code);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions'],
});
try {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 800 });
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction('window.ready === true');
  const rows = [];
  for (const pageSize of [100, 10_000]) {
    const times = [];
    let rendered = 0;
    for (let i = 0; i < runs; i++) {
      const result = await tab.evaluate((n) => window.measure(n), pageSize);
      times.push(result.ms);
      rendered = result.rendered;
    }
    times.sort((a, b) => a - b);
    rows.push({
      'history of 10 000 messages': pageSize === 100 ? 'default window (last 100)' : 'all at once',
      'messages in the DOM': rendered,
      'median (ms)': Math.round(times[Math.floor(times.length / 2)]),
      'min (ms)': Math.round(times[0]),
      'max (ms)': Math.round(times.at(-1)),
      runs,
    });
  }
  console.log('\nRendering a history of 10 000 messages (headless Chromium, until the next frame)\n');
  console.table(rows);
} finally {
  await browser.close();
  server.close();
}
