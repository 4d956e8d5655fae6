// SPDX-License-Identifier: MIT
// <kc-chat>: the bytes of its first open and the time to render a history of 10 000 messages. Not a test: it prints
// tables.
//
// 1. First open (brotli, each file as its own response): the loader, the `kc-chat` chunk with everything it
//    imports at once (Lit, the SDK's core, chat, knowledge base and queue), and what the first open loads on demand
//    in one language (the shared catalog and the chat's strings). The callback and rating chunks load only when the
//    chat offers them and are reported apart. Budget: 25 KB.
// 2. Rendering: the production build in headless Chromium (puppeteer-core), the panel opened on a session of
//    10 000 messages; time from setting the session until the next frame is painted, median of several runs, for
//    the default window (the last 100 messages, earlier ones on demand) and for all 10 000 at once (each message
//    with `content-visibility: auto`).
//
//   node bench/chat-render.mjs [--runs 5] [--no-render]
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const KB = 1024;
const BUDGET = 25 * KB;
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const brotli = (code) =>
  brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function build(input) {
  const bundle = await rollup({
    input,
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['kc-source', 'browser', 'production'], rootDir: root }),
      esbuild({ target: 'es2022', tsconfig: `${root}tsconfig.base.json` }),
      minify({ target: 'es2022', legalComments: 'none' }),
    ],
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY' && warning.code !== 'UNRESOLVED_IMPORT') warn(warning);
    },
  });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name]-[hash].js' });
  await bundle.close();
  return output.filter((o) => o.type === 'chunk');
}

// ---------------------------------------------------------------- bytes
const chunks = await build({
  'kc-chat': `${root}packages/widgets/src/kc-chat.ts`,
  loader: `${root}packages/widgets/src/loader/loader.ts`,
});
// The same measure for the smallest element, alone: what every kc element pays (Lit, the base element, the SDK's
// core) before its own code.
const banner = await build({ 'kc-outage-banner': `${root}packages/widgets/src/kc-outage-banner.ts` });
const bannerBytes = (() => {
  const names = new Map(banner.map((c) => [c.fileName, c]));
  const seen = new Set();
  const visit = (n) => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const d of names.get(n).imports) visit(d);
  };
  visit(banner.find((c) => c.isEntry).fileName);
  for (const c of banner)
    if (c.isDynamicEntry && /translations\/kk\.ts$|sdk\/src\/index\.ts$/.test(c.facadeModuleId ?? ''))
      visit(c.fileName);
  return [...seen].reduce((n, f) => n + brotli(names.get(f).code), 0);
})();
const byName = new Map(chunks.map((c) => [c.fileName, c]));
const closure = (name, seen = new Set()) => {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const dep of byName.get(name)?.imports ?? []) closure(dep, seen);
  return seen;
};
const entry = (name) => chunks.find((c) => c.isEntry && c.name === name).fileName;
const dynamic = (pattern) =>
  chunks.filter((c) => c.isDynamicEntry && pattern.test(c.facadeModuleId ?? '')).map((c) => c.fileName);

// With a client from <kc-provider>, the element does not import the SDK's index itself (a `base-url` does).
const provided = closure(entry('kc-chat'));
for (const lang of dynamic(/translations\/kk\.ts$|chat\/strings\/kk\.ts$/)) closure(lang, provided);
const first = new Set(provided);
for (const index of dynamic(/sdk\/src\/index\.ts$/)) closure(index, first);
const loaderFiles = closure(entry('loader'));
const size = (files) => [...files].reduce((n, f) => n + brotli(byName.get(f).code), 0);
const lazy = dynamic(/kc-(callback|rating)\.ts$/);
const lazyFiles = new Set();
for (const f of lazy) closure(f, lazyFiles);
for (const f of first) lazyFiles.delete(f);

const loaderBytes = size(new Set([...loaderFiles].filter((f) => !first.has(f))));
const firstBytes = size(first);
console.log('\n<kc-chat> first open, brotli (quality 11), each file as its own response\n');
console.table([
  { part: 'loader (kc.js)', files: loaderFiles.size, 'brotli (B)': loaderBytes },
  { part: 'kc-chat chunk + static imports + one language (kk)', files: first.size, 'brotli (B)': firstBytes },
  {
    part: 'first open, total',
    files: first.size + loaderFiles.size,
    'brotli (B)': loaderBytes + firstBytes,
    budget: `${BUDGET} (25 KB)`,
    result: loaderBytes + firstBytes <= BUDGET ? 'ok' : 'OVER BUDGET',
  },
  {
    part: '  of which the SDK index import of a base-url client',
    files: first.size - provided.size,
    'brotli (B)': firstBytes - size(provided),
  },
  { part: 'later, only when offered: kc-callback / kc-rating', files: lazyFiles.size, 'brotli (B)': size(lazyFiles) },
  { part: 'for comparison: <kc-outage-banner> first load (kk)', files: '', 'brotli (B)': bannerBytes },
]);

if (args.includes('--no-render')) process.exit(0);

// ---------------------------------------------------------------- rendering
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!chromium) {
  console.log('No Chromium found: rendering not measured.');
  process.exit(0);
}
const { default: puppeteer } = await import('puppeteer-core');
const files = new Map(chunks.map((c) => [`/${c.fileName}`, c.code]));
const page = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title></head><body>
<script type="module">
  import '/${entry('kc-chat')}';
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
