// SPDX-License-Identifier: MIT
// Every example and every guide's page, in headless Chromium, against the reference server (in-memory PGlite):
//
// - `script-tag/`: the getting-started page, only the CDN files and no bundler (docs/getting-started.md): all seven
//   elements render, a citizen files an appeal and looks it up, the chat opens;
// - the embedding guide's snippet (docs/embedding.md) on a portal of its own origin, kc from a CDN origin with SRI,
//   the API on a third origin allowed by CORS, under the guide's exact CSP;
// - `react/` and `vue/` (built with esbuild), the Vue page in the theming guide's dark theme with the languages
//   guide's wording override;
// - `gov-portal/`, the page `npm start` serves;
// - `with-mocks/` (no backend: msw in the browser, served from the sources).
//
// Each page must load with no page error and no console error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer, type KcServer } from '@kc/server';
import { buildReactExample } from './react/build.mjs';
import { buildVueExample } from './vue/build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const built = join(root, 'packages/widgets/dist/cdn');
// The tests serve a copy: another test file (e2e) may rebuild dist/cdn while this one runs.
let cdn = '';
const CHROMIUM = process.env.KC_CHROMIUM ?? '/usr/bin/chromium';
// A Tuesday, 11:00 in Almaty: the center is open whatever day the test runs.
const OPEN_AT = Date.parse('2026-11-24T11:00:00+05:00');
const offsetMs = OPEN_AT - Date.now();
const IIN = '850715401236';
const OUTAGE = 'Телефон 1414 временно не работает.';
const TAGS = [
  'kc-provider',
  'kc-outage-banner',
  'kc-complaint-form',
  'kc-complaint-status',
  'kc-callback',
  'kc-rating',
  'kc-chat',
];

let server: KcServer;
let browser: Browser;
// The embedding guide's portal: an origin of its own, the one the server allows (KC_ALLOWED_ORIGINS).
let portalPort = 0;
let portalOrigin = '';
const closers: (() => unknown)[] = [];

/** The first fenced block of `lang` in a guide after the line that contains `marker`. */
function snippet(guide: string, lang: string, marker: string): string {
  const text = readFileSync(join(root, 'docs', guide), 'utf8');
  const from = text.indexOf(marker);
  assert.ok(from >= 0, `docs/${guide} has «${marker}»`);
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(text.slice(from));
  assert.ok(match?.[1], `docs/${guide} has a ${lang} block after «${marker}»`);
  return match[1];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/** A static server for `dir` with extra headers (a CDN, a portal). */
async function serve(
  dir: string,
  headers: Record<string, string>,
  pages: Record<string, string> = {},
): Promise<string> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
  const http: Server = createHttpServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = pages[path];
    if (page !== undefined) {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      return res.end(page);
    }
    const file = resolve(join(dir, path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers);
      return res.end();
    }
    res.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => http.close(r)));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

/** A new page that records page errors and console errors (a missing favicon is not the page's). */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url?.endsWith('/favicon.ico')) {
      problems.push(`console.error: ${m.text()} (${m.location().url ?? ''})`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

async function find(page: Page, selector: string, what: string, timeout = 15_000) {
  const handle = await page.waitForSelector(selector, { timeout }).catch(() => null);
  assert.ok(handle, `${what}: ${selector} did not appear within ${timeout} ms`);
  return handle;
}

async function waitForText(page: Page, selector: string, text: string, what: string, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const seen = await Promise.all(
      (await page.$$(selector)).map((h) => h.evaluate((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '')),
    );
    if (seen.some((t) => t.includes(text))) return;
    if (Date.now() > end) assert.fail(`${what}: no «${text}» in ${selector}; it shows ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Each tag is defined and has rendered into its shadow root (the outage banner only when it has an outage). */
async function assertRendered(page: Page, tags: string[], what: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (list: string[]) => list.every((t) => customElements.get(t) && document.querySelector(t)?.shadowRoot),
    { timeout },
    tags,
  );
  for (const tag of tags.filter((t) => t !== 'kc-provider' && t !== 'kc-outage-banner')) {
    await find(page, `${tag} >>> [part~="base"], ${tag} >>> [part~="launcher"]`, `${what}: ${tag} renders`, timeout);
  }
}

/**
 * A copy of the CDN files whose every file matches `integrity.json`: copied again while a concurrent build is
 * writing them.
 */
async function snapshotCdn(): Promise<string> {
  const copy = mkdtempSync(join(tmpdir(), 'kc-cdn-'));
  closers.push(() => rmSync(copy, { recursive: true, force: true }));
  for (let attempt = 1; ; attempt++) {
    cpSync(built, copy, { recursive: true });
    const integrity = JSON.parse(readFileSync(join(copy, 'integrity.json'), 'utf8')) as Record<string, string>;
    // The CDN build writes integrity.json twice (the chunks, then with kc.bundle.js): wait for the whole list.
    const listed = ['kc.js', 'kc.bundle.js', ...TAGS.map((t) => `${t}.js`)].every((f) => f in integrity);
    const whole =
      listed &&
      Object.entries(integrity).every(
        ([file, hash]) =>
          existsSync(join(copy, file)) &&
          hash ===
            `sha384-${createHash('sha384')
              .update(readFileSync(join(copy, file)))
              .digest('base64')}`,
      );
    if (whole) return copy;
    assert.ok(attempt < 30, 'dist/cdn matches its integrity.json');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** WCAG's contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the examples and the guides’ pages (Chromium)', { skip: !existsSync(CHROMIUM) && 'no Chromium' }, () => {
  before(async () => {
    // `npm run build` makes the CDN files (CI builds before testing); on a fresh clone, make them here.
    if (!existsSync(join(built, 'kc.js')) || !existsSync(join(built, 'kc.bundle.js'))) {
      const build = spawnSync(process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], {
        cwd: root,
        env: { ...process.env, KC_CDN_ONLY: '1' },
        encoding: 'utf8',
      });
      assert.equal(build.status, 0, `the widgets' CDN build failed:\n${build.stderr}`);
    }
    cdn = await snapshotCdn();
    await Promise.all([buildReactExample(), buildVueExample()]);
    portalPort = await freePort();
    portalOrigin = `http://127.0.0.1:${portalPort}`;
    server = await createServer({
      memory: true,
      port: 0,
      clock: { now: () => new Date(Date.now() + offsetMs) },
      allowedOrigins: [portalOrigin],
      staticDirs: [
        { prefix: '/cdn', dir: cdn },
        { prefix: '/', dir: here },
      ],
    });
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      defaultViewport: { width: 1280, height: 900 },
    });
    // An outage on the phone line, so that the banner has something to show.
    const published = await fetch(`${server.url}/api/v1/operator/outages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.demoToken?.token ?? ''}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 'active',
        severity: 'major',
        affectedChannels: ['phone'],
        message: { kk: 'Телефон 1414 уақытша жұмыс істемейді.', ru: OUTAGE, en: 'The 1414 line is down.' },
        startedAt: new Date(OPEN_AT - 60_000).toISOString(),
        expectedResumeAt: null,
      }),
    });
    assert.equal(published.status, 201, `the outage is published: ${await published.text()}`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    for (const close of closers) await close();
  });

  it('getting started: the script-tag page is the guide’s snippet', () => {
    const page = readFileSync(join(here, 'script-tag/index.html'), 'utf8');
    assert.ok(squash(page).includes(squash(snippet('getting-started.md', 'html', '## With a script tag'))));
  });

  it(
    'the script-tag page: every element works from the CDN files alone under the server’s strict CSP',
    { timeout: 90_000 },
    async () => {
      const { page, problems } = await open(`${server.url}/script-tag/`);
      const scripts = await page.$$eval('script', (list) => list.map((s) => s.getAttribute('src')));
      assert.deepEqual(scripts, ['/cdn/kc.js'], 'one script: the loader');
      await assertRendered(page, TAGS, 'script-tag');
      await page.evaluate(() => document.documentElement.setAttribute('lang', 'ru'));
      await waitForText(page, 'kc-outage-banner >>> [part~="message"]', OUTAGE, 'the outage banner');

      // File an appeal, step by step.
      const form = 'kc-complaint-form >>>';
      const next = async () => (await find(page, `${form} [part~="continue-button"]`, 'continue')).click();
      await (await find(page, `${form} input[name="kind"][value="complaint"]`, 'the kind')).click();
      const category = await page.$eval(
        'kc-complaint-form >>> #categoryId',
        (select) => [...(select as HTMLSelectElement).options].find((o) => o.value)?.value ?? '',
      );
      await (await find(page, `${form} #categoryId`, 'the category')).select(category);
      await next();
      await (await find(page, `${form} #description`, 'the description')).type('Не горят фонари во дворе.');
      await next();
      await (await find(page, `${form} #iin`, 'the IIN')).type(IIN);
      await (await find(page, `${form} #lastName`, 'the last name')).type('Сейтқали');
      await (await find(page, `${form} #firstName`, 'the first name')).type('Әйгерім');
      await (await find(page, `${form} #phone`, 'the phone')).type('+7 701 123 45 67');
      await next();
      await (await find(page, `${form} #consent`, 'the consent')).click();
      await next();
      await (await find(page, `${form} [part~="submit-button"]`, 'submit')).click();
      const number = await find(page, `${form} [part~="tracking-number"]`, 'the receipt', 20_000);
      const trackingNumber = (await number.evaluate((el) => el.textContent ?? '')).trim();
      const code = await find(page, `${form} [part~="access-code"]`, 'the access code');
      const accessCode = (await code.evaluate((el) => el.textContent ?? '')).trim();
      assert.match(trackingNumber, /\S/);

      // Follow it, as the guide's snippet does once the elements are defined.
      const status = 'kc-complaint-status >>>';
      await page.evaluate(
        async (number, code) => {
          await (window as unknown as { kc: { ready(): Promise<void> } }).kc.ready();
          document.querySelector('kc-complaint-status')?.follow(number, code);
        },
        trackingNumber,
        accessCode,
      );
      await waitForText(page, `${status} [part~="status"]`, 'Зарегистрировано', 'the appeal’s status');

      // The callback and the rating show their forms; the chat opens.
      await find(page, 'kc-callback >>> [part~="form"]', 'the callback form');
      await find(page, 'kc-rating >>> [part~="base"] input, kc-rating >>> [part~="base"] button', 'the rating');
      await (await find(page, 'kc-chat >>> [part~="launcher"]', 'the chat launcher')).click();
      await find(page, 'kc-chat >>> [part~="panel"] textarea, kc-chat >>> [part~="panel"] input', 'the chat panel');
      assert.deepEqual(problems, []);
      await page.browserContext().close();
    },
  );

  it(
    'embedding: the guide’s snippet on a portal of its own, kc from a CDN with SRI, under the guide’s CSP',
    { timeout: 60_000 },
    async () => {
      const integrity = JSON.parse(readFileSync(join(cdn, 'integrity.json'), 'utf8')) as Record<string, string>;
      // The CDN answers module scripts with CORS (they are fetched in cors mode); the API allows the portal.
      const cdnOrigin = await serve(cdn, { 'access-control-allow-origin': '*' });
      const swap = (s: string) =>
        s
          .replaceAll('https://cdn.example.kz/kc/0.1.0', cdnOrigin)
          .replaceAll('https://cdn.example.kz', cdnOrigin)
          .replaceAll('https://kc.example.kz', server.url)
          .replaceAll('sha384-…', integrity['kc.bundle.js'] ?? assert.fail('integrity.json has kc.bundle.js'));
      const csp = swap(squash(snippet('embedding.md', 'http', '## The Content Security Policy')))
        .replace(/^Content-Security-Policy:\s*/i, '')
        .trim();
      // Without the CDN, it is the policy docs/security.md gives and tests.
      const policy = squash(snippet('embedding.md', 'http', '## The Content Security Policy'));
      assert.equal(
        policy.replace(" 'self' https://cdn.example.kz;", " 'self';"),
        squash(snippet('security.md', 'http', '## The Content Security Policy')),
      );
      const body = swap(snippet('embedding.md', 'html', '## Subresource Integrity'));
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head><body>${body}</body></html>`;
      // The same page pinning another file's hash: the browser must refuse the bundle.
      const pinned = integrity['kc.bundle.js'] ?? '';
      const tampered = html.replace(pinned, integrity['kc.js'] ?? '');
      assert.notEqual(tampered, html);
      const served = createHttpServer((req, res) => {
        const body = req.url === '/' ? html : req.url === '/tampered' ? tampered : undefined;
        res.writeHead(body ? 200 : 404, { 'content-security-policy': csp, 'content-type': 'text/html' });
        res.end(body ?? '');
      });
      await new Promise<void>((r) => served.listen(portalPort, '127.0.0.1', r));
      closers.push(() => new Promise((r) => served.close(r)));

      const { page, problems } = await open(`${portalOrigin}/`);
      await assertRendered(page, ['kc-provider', 'kc-complaint-form', 'kc-chat'], 'embedding');
      // The configuration came from the API across origins: the form shows its first step's categories.
      await page.waitForFunction(
        () => {
          const select = document.querySelector('kc-complaint-form')?.shadowRoot?.querySelector('#categoryId');
          return select instanceof HTMLSelectElement && select.options.length > 1;
        },
        { timeout: 20_000 },
      );
      assert.deepEqual(problems, [], 'no CSP violation, no CORS failure, no page error');
      await page.browserContext().close();

      const refused = await open(`${portalOrigin}/tampered`);
      const end = Date.now() + 15_000;
      while (!refused.problems.some((p) => /integrity|digest/i.test(p)) && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(
        refused.problems.some((p) => /integrity|digest/i.test(p)),
        `the browser reports the wrong hash: ${JSON.stringify(refused.problems)}`,
      );
      assert.equal(await refused.page.evaluate(() => customElements.get('kc-chat')), undefined, 'nothing ran');
      await refused.page.browserContext().close();
    },
  );

  it('gov-portal: the page npm start serves, with its language switch', { timeout: 60_000 }, async () => {
    const { page, problems } = await open(`${server.url}/gov-portal/`);
    await assertRendered(page, TAGS, 'gov-portal');
    await (await find(page, '[data-lang="en"]', 'the portal’s language switch')).click();
    await waitForText(
      page,
      'kc-outage-banner >>> [part~="message"]',
      'The 1414 line is down.',
      'the banner in English',
    );
    assert.deepEqual(problems, []);
    await page.browserContext().close();
  });

  it('react: typed props and events drive the page', { timeout: 60_000 }, async () => {
    const { page, problems } = await open(`${server.url}/react/`);
    await assertRendered(
      page,
      TAGS.filter((t) => t !== 'kc-rating'),
      'react',
    );
    // A property set from JSX (headingLevel={3}) reached the element as a number.
    assert.equal(await page.$eval('kc-complaint-form', (el) => (el as { headingLevel?: unknown }).headingLevel), 3);
    // onkc-chat-toggle updated React's state.
    await (await find(page, 'kc-chat >>> [part~="launcher"]', 'the chat launcher')).click();
    await find(page, '.state[data-chat-open="true"]', 'React heard kc-chat-toggle');
    assert.deepEqual(problems, []);
    await page.browserContext().close();
  });

  it('vue: isCustomElement, events, the dark theme and a wording override', { timeout: 60_000 }, async () => {
    const { page, problems } = await open(`${server.url}/vue/`);
    await assertRendered(
      page,
      TAGS.filter((t) => t !== 'kc-callback'),
      'vue',
    );
    // The theming guide's dark theme reached the shadow roots, and its text keeps 4.5:1.
    const theme = readFileSync(join(here, 'theming/dark.css'), 'utf8');
    assert.equal(squash(theme), squash(snippet('theming.md', 'css', '## A dark theme')));
    const colours = await page.$eval('kc-complaint-form >>> [part~="base"]', (el) => {
      const style = getComputedStyle(el);
      return { text: style.color, surface: style.backgroundColor };
    });
    assert.equal(colours.surface, 'rgb(26, 31, 36)', 'the form’s surface is the dark theme’s');
    assert.ok(contrast(colours.text, colours.surface) >= 4.5, `contrast ${contrast(colours.text, colours.surface)}`);
    const launcher = await find(page, 'kc-chat >>> [part~="launcher"]', 'the chat launcher');
    assert.equal(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(124, 196, 164)');
    // The languages guide's override of the launcher's wording.
    const override = snippet('languages.md', 'js', '## Overriding wording');
    assert.ok(override.includes('Задать вопрос акимату'));
    await waitForText(page, 'kc-chat >>> [part~="launcher"]', 'Задать вопрос акимату', 'the overridden launcher');
    await launcher.click();
    await find(page, '.state[data-chat-open="true"]', 'Vue heard kc-chat-toggle');
    assert.deepEqual(problems, []);
    await page.browserContext().close();
  });

  it('with-mocks: the portal with msw in the browser and no backend', { timeout: 180_000 }, async () => {
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [join(root, 'scripts/start-mock.mjs')], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    closers.push(() => child.kill('SIGTERM'));
    await new Promise<void>((ready, fail) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('kc example portal')) ready();
      });
      child.on('exit', (code) => fail(new Error(`start-mock exited with ${code}`)));
    });
    const { page, problems } = await open(`http://127.0.0.1:${port}/`);
    // Served from the TypeScript sources, compiled on request: slower than the built pages.
    await assertRendered(page, TAGS, 'with-mocks', 90_000);
    await (await find(page, 'kc-chat >>> [part~="launcher"]', 'the chat launcher')).click();
    await find(page, 'kc-chat >>> [part~="panel"]', 'the chat panel');
    assert.deepEqual(problems, []);
    await page.browserContext().close();
  });
});
