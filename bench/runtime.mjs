// SPDX-License-Identifier: MIT
// What <kc-chat> costs a portal page at run time, in headless Chromium with the CPU throttled 4× (a mid-range
// phone) through the DevTools protocol. Not a test: it prints a table of medians.
//
// Phases, each run in a fresh browser context (empty cache, no storage):
//   bare page     a quiet article page (no kc) navigated to until `load`: the baseline
//   + loader      the same page with the one script tag, `kc.js`, until `load`
//   (a) load      `<kc-chat>` HTML added to the loaded page, until its launcher is shown
//   (b) open      a click on the launcher, until the panel's text field is shown
// For each: main-thread time (task, script, layout + style, from `Performance.getMetrics` before and after), long
// tasks (`longtask` entries), layout shift (`layout-shift` entries without recent input), bytes over the wire (and
// how many of them are API answers rather than widget files), requests (`Network` events, CORS preflights too) and
// wall time. A phase that does nothing shows what measuring itself costs (the waits poll on animation frames, which
// counts as main-thread time too). Aim (reported, not asserted): ≤ 50 ms main thread on first open, no long task,
// no layout shift.
//
// Reading the figures: the DevTools CPU throttle makes the main thread sleep in V8 interrupts, and that sleep is
// charged to whatever task is running (a `--trace` shows it as `V8.InvokeApiInterruptCallbacks`), so with 4× a long
// task may hold little of kc's own work; script and layout are the widget's share.
//
// The widgets come from `packages/widgets/dist/cdn` (built with `npm run build` when missing), served with brotli
// from a page origin; the API is the reference server (PGlite in a temporary folder) on another origin, allowed by
// CORS, as a portal embedding kc would have it.
//
//   node bench/runtime.mjs [--runs 5] [--throttle 4] [--chromium /usr/bin/chromium] [--trace first-open.json]
//
// After the table: the widget files the chat fetched (load, first open and the second after it) with their brotli
// bytes, against what `npm run size` counts for the chat's first use: a file fetched but not counted would mean the
// size budget measures too little; one counted but not fetched, that it measures more than a first open loads.
//
// `--trace` writes a DevTools performance trace of one more first open, after the measured runs (open it in the
// Performance panel).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromiumArgs } from '../scripts/browsers.mjs';
import { startReferenceServer } from './reference-server.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(arg('runs', 5)));
const THROTTLE = Number(arg('throttle', 4));
const CHROMIUM = arg('chromium', process.env.CHROME_PATH ?? '/usr/bin/chromium');
const TRACE = arg('trace', undefined);
const cdn = join(root, 'packages/widgets/dist/cdn');

if (!existsSync(join(cdn, 'kc.js')) || !existsSync(join(cdn, 'kc-chat.js'))) {
  console.log('[bench] building the widgets (npm run build)…');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// ---------------------------------------------------------------- the API: the reference server in a child process
let server;
async function startApi(pageOrigin) {
  server = await startReferenceServer({ env: { KC_ALLOWED_ORIGINS: pageOrigin } });
  return `${server.origin}/api/v1`;
}

// ---------------------------------------------------------------- the page origin: an article, and the CDN files
const ARTICLE = (head) => `<!doctype html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Қала жаңалықтары</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; }
  header, main, footer { max-width: 42rem; margin: 0 auto; padding: 1rem; }
  header { border-bottom: 1px solid #ddd; }
</style>
${head}
</head>
<body>
<header><strong>Алтынқала қаласының әкімдігі</strong></header>
<main>
<article>
<h1>Жылу беру маусымы басталды</h1>
${Array.from(
  { length: 12 },
  (_, i) =>
    `<p>${i + 1}. Қаланың барлық аудандарында жылу беру маусымы кестеге сәйкес басталды. Тұрғындар жылу жоқ болса, байланыс орталығына хабарласа алады. Өтініштер бес жұмыс күні ішінде қаралады, ал шұғыл жағдайлар сол күні шешіледі.</p>`,
).join('\n')}
</article>
</main>
<footer>© Әкімдік</footer>
</body>
</html>`;

const pages = {
  '/bare.html': ARTICLE(''),
  '/with-loader.html': ARTICLE('<script type="module" src="/cdn/kc.js"></script>'),
};
const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
};
const compressed = new Map();
function brotli(key, bytes) {
  let b = compressed.get(key);
  if (!b) {
    b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    compressed.set(key, b);
  }
  return b;
}
const pageServer = http.createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let bytes;
  let type;
  if (pages[path] !== undefined) {
    bytes = Buffer.from(pages[path]);
    type = TYPES['.html'];
  } else if (path.startsWith('/cdn/')) {
    const file = normalize(join(cdn, path.slice(5)));
    if (file.startsWith(cdn) && existsSync(file)) {
      bytes = readFileSync(file);
      type = TYPES[extname(file)] ?? 'application/octet-stream';
    }
  }
  if (!bytes) {
    res.writeHead(404).end();
    return;
  }
  const headers = { 'content-type': type, 'cache-control': 'no-store' };
  if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
    bytes = brotli(path, bytes);
    headers['content-encoding'] = 'br';
  }
  res.writeHead(200, { ...headers, 'content-length': bytes.length }).end(bytes);
});
await new Promise((r) => pageServer.listen(0, '127.0.0.1', r));
const pageOrigin = `http://127.0.0.1:${pageServer.address().port}`;

// ---------------------------------------------------------------- measuring
// Collected in the page from its first script: long tasks and layout shifts, with their start times.
const OBSERVE = () => {
  const perf = { longTasks: [], shifts: [] };
  window.__kcPerf = perf;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) perf.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) perf.shifts.push({ start: e.startTime, value: e.value });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // an engine without these entry types reports none
  }
};

const twoFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

async function measure(page, cdp, net, action) {
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const from = await page.evaluate(() => performance.now()).catch(() => 0);
  const n0 = { ...net };
  const t0 = performance.now();
  const navigated = await action();
  await page.evaluate(twoFrames);
  const wallMs = performance.now() - t0;
  const after = await metrics();
  // After a navigation the page's clock starts again, so everything it observed belongs to this phase.
  const since = navigated ? 0 : from;
  const { longTasks, shifts } = await page.evaluate(() => window.__kcPerf ?? { longTasks: [], shifts: [] });
  const d = (name) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  const tasks = longTasks.filter((t) => t.start >= since);
  return {
    taskMs: d('TaskDuration'),
    scriptMs: d('ScriptDuration'),
    layoutMs: d('LayoutDuration') + d('RecalcStyleDuration'),
    longTasks: tasks.length,
    longestMs: Math.max(0, ...tasks.map((t) => t.duration)),
    shift: shifts.filter((s) => s.start >= since).reduce((sum, s) => sum + s.value, 0),
    bytes: net.bytes - n0.bytes,
    apiBytes: net.apiBytes - n0.apiBytes,
    requests: net.requests - n0.requests,
    wallMs,
  };
}

async function newTab(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const cdp = await page.createCDPSession();
  /** Every widget file the page asked for, in order (paths under the CDN folder). */
  const net = { requests: 0, bytes: 0, apiBytes: 0, cdnFiles: [] };
  const api = new Set();
  cdp.on('Network.requestWillBeSent', (e) => {
    net.requests++;
    if (e.request.url.startsWith(apiOrigin)) api.add(e.requestId);
    const path = new URL(e.request.url).pathname;
    if (path.startsWith('/cdn/')) net.cdnFiles.push(path.slice(5));
  });
  cdp.on('Network.loadingFinished', (e) => {
    net.bytes += e.encodedDataLength;
    if (api.has(e.requestId)) net.apiBytes += e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.evaluateOnNewDocument(OBSERVE);
  return { context, page, cdp, net };
}

const apiBase = await startApi(pageOrigin);
const apiOrigin = new URL(apiBase).origin;
const { default: puppeteer } = await import('puppeteer-core');
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...chromiumArgs, '--disable-extensions'],
});

const results = { bare: [], loader: [], idle: [], load: [], open: [] };
/** Per run: the widget files fetched for the chat's load and first open (the loader aside). */
const fetched = [];
try {
  for (let run = 0; run < RUNS; run++) {
    {
      const { context, page, cdp, net } = await newTab(browser);
      results.bare.push(
        await measure(page, cdp, net, async () => {
          await page.goto(`${pageOrigin}/bare.html`, { waitUntil: 'load' });
          return true;
        }),
      );
      await context.close();
    }
    const { context, page, cdp, net } = await newTab(browser);
    results.loader.push(
      await measure(page, cdp, net, async () => {
        await page.goto(`${pageOrigin}/with-loader.html`, { waitUntil: 'load' });
        await page.waitForFunction(() => typeof window.kc === 'function', { polling: 'raf' });
        return true;
      }),
    );
    await new Promise((r) => setTimeout(r, 300)); // a quiet page
    // The cost of measuring itself (protocol calls, two frames) on the quiet page, to read the rows below against.
    results.idle.push(await measure(page, cdp, net, async () => false));
    await new Promise((r) => setTimeout(r, 300));
    results.load.push(
      await measure(page, cdp, net, async () => {
        await page.evaluate((base) => {
          document.body.insertAdjacentHTML('beforeend', `<kc-chat base-url="${base}" lang="kk"></kc-chat>`);
        }, apiBase);
        await page.waitForFunction(
          () => {
            const launcher = document.querySelector('kc-chat')?.shadowRoot?.querySelector('[part="launcher"]');
            return launcher instanceof HTMLElement && launcher.getBoundingClientRect().width > 0;
          },
          { polling: 'raf', timeout: 60_000 },
        );
        return false;
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    results.open.push(
      await measure(page, cdp, net, async () => {
        const launcher = await page.evaluateHandle(() =>
          document.querySelector('kc-chat').shadowRoot.querySelector('[part="launcher"]'),
        );
        await launcher.click();
        await page.waitForFunction(
          () => {
            const field = document
              .querySelector('kc-chat')
              ?.shadowRoot?.querySelector('[part="panel"] textarea, [part="panel"] input:not([type="hidden"])');
            return field instanceof HTMLElement && field.getBoundingClientRect().height > 0;
          },
          { polling: 'raf', timeout: 60_000 },
        );
        return false;
      }),
    );
    // What the chat fetched from being added until a second after its field showed (what it loads right after
    // opening, e.g. behind an import(), belongs to its first open too).
    await new Promise((r) => setTimeout(r, 1000));
    fetched.push(net.cdnFiles.filter((f) => f !== 'kc.js'));
    await context.close();
    process.stdout.write(`\r[bench] run ${run + 1} of ${RUNS}`);
  }
  if (TRACE) {
    const { context, page } = await newTab(browser);
    await page.goto(`${pageOrigin}/with-loader.html`, { waitUntil: 'load' });
    await page.evaluate((base) => {
      document.body.insertAdjacentHTML('beforeend', `<kc-chat base-url="${base}" lang="kk"></kc-chat>`);
    }, apiBase);
    const launcher = await page.waitForFunction(
      () => document.querySelector('kc-chat')?.shadowRoot?.querySelector('[part="launcher"]'),
      { polling: 'raf', timeout: 60_000 },
    );
    await new Promise((r) => setTimeout(r, 500));
    await page.tracing.start({ path: TRACE, screenshots: false });
    await launcher.click();
    await page.waitForFunction(
      () => document.querySelector('kc-chat')?.shadowRoot?.querySelector('[part="panel"] textarea'),
      { polling: 'raf', timeout: 60_000 },
    );
    await page.evaluate(twoFrames);
    await page.tracing.stop();
    await context.close();
    process.stdout.write(`\n[bench] trace of a first open in ${TRACE}`);
  }
  process.stdout.write('\n');
} finally {
  await browser.close();
  pageServer.close();
  await server?.stop();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (r, key) => (median(r.map((x) => x[key])) / 1024).toFixed(1);
const columns = [
  ['main thread', (r) => `${median(r.map((x) => x.taskMs)).toFixed(0)} ms`],
  ['script', (r) => `${median(r.map((x) => x.scriptMs)).toFixed(0)} ms`],
  ['layout+style', (r) => `${median(r.map((x) => x.layoutMs)).toFixed(0)} ms`],
  [
    'long tasks',
    (r) => `${median(r.map((x) => x.longTasks))} (longest ${median(r.map((x) => x.longestMs)).toFixed(0)} ms)`,
  ],
  ['layout shift', (r) => median(r.map((x) => x.shift)).toFixed(3)],
  ['bytes (of which API)', (r) => `${kb(r, 'bytes')} (${kb(r, 'apiBytes')}) KB`],
  ['requests', (r) => String(median(r.map((x) => x.requests)))],
  ['wall', (r) => `${median(r.map((x) => x.wallMs)).toFixed(0)} ms`],
];
const rows = [
  ['bare page (baseline)', results.bare],
  ['page + kc.js loader', results.loader],
  ['nothing (measuring overhead)', results.idle],
  ['(a) <kc-chat> added → launcher', results.load],
  ['(b) first open → text field', results.open],
];
const table = [['', ...columns.map((c) => c[0])], ...rows.map(([name, r]) => [name, ...columns.map((c) => c[1](r))])];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log(
  `\nkc runtime in Chromium, CPU throttled ${THROTTLE}×, medians of ${RUNS} runs, each in a fresh context (Node ${process.version})`,
);
for (const row of table)
  console.log(`  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')}`);
const open = results.open;
console.log(
  `\n  aim for the first open: main thread ≤ 50 ms (${median(open.map((x) => x.taskMs)).toFixed(0)} ms), no long task (${median(open.map((x) => x.longTasks))}), no layout shift (${median(open.map((x) => x.shift)).toFixed(3)})`,
);

// The chat's first open as fetched, against what `npm run size` counts for it (bench/cdn.mjs, kk): a file fetched
// but not counted would mean the size budget measures too little.
const files = [...new Set(fetched.flat())].sort();
const { cdnBuild } = await import('./cdn.mjs');
const build = await cdnBuild();
const counted = build.closure(['kc.js'], () => false);
for (const f of build.closure(['kc-chat.js'], build.firstUse('kc-chat', 'kk'))) counted.add(f);
const builtNow = files.every((f) => build.files.has(f));
const bodies = files.reduce((n, f) => n + brotli(`/cdn/${f}`, readFileSync(join(cdn, f))).length, 0);
console.log(
  `\n  files the chat fetched (load + first open + 1 s, kk): ${files.length}, ${bodies} B brotli bodies (+ kc.js ${brotli('/cdn/kc.js', readFileSync(join(cdn, 'kc.js'))).length} B)`,
);
if (!builtNow) {
  console.log(
    '  (packages/widgets/dist/cdn is not the current build: run `npm run build` to compare with `npm run size`)',
  );
} else {
  const notCounted = files.filter((f) => !counted.has(f));
  const notFetched = [...counted].filter((f) => f !== 'kc.js' && !files.includes(f));
  console.log(`  counted by npm run size (first use, kk): ${counted.size} files, ${build.total(counted)} B`);
  console.log(`  fetched but not counted: ${notCounted.length ? notCounted.join(', ') : 'none'}`);
  console.log(
    `  counted but not fetched: ${notFetched.length ? notFetched.map((f) => `${f} ${build.measure(f).brotli} B`).join(', ') : 'none'}`,
  );
}
