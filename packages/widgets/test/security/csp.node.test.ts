// SPDX-License-Identifier: MIT
// Strict CSP and Trusted Types: the widgets, built as the CDN builds them (one bundle, Lit's production mode), on a
// page of another origin than the API, served by the reference server with the policy docs/security.md
// recommends. In Chromium and Firefox (Trusted Types are enforced where the engine has them; a Firefox without
// them ignores those directives): every widget renders, a citizen starts
// a chat and writes, files an appeal and looks it up, orders a callback, sees an outage; no
// `securitypolicyviolation` fires and no script error happens. A control proves the watch works: a forbidden
// `innerHTML` write is refused and reported.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer, type KcServer } from '@kc/server';

const root = new URL('../../../../', import.meta.url).pathname;
const CHROMIUM = [process.env.KC_CHROMIUM, '/usr/bin/chromium'].find((p) => p && existsSync(p));
const FIREFOX = [process.env.KC_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
// A Tuesday, 11:00 in Astana: the center is open whatever day the test runs.
const offsetMs = Date.parse('2026-11-24T11:00:00+05:00') - Date.now();

/** The policy docs/security.md recommends, with the API's origin in `connect-src`. */
function recommendedCsp(api: string, trustedTypes = true): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${api}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(trustedTypes ? ["require-trusted-types-for 'script'", 'trusted-types lit-html'] : []),
  ].join('; ');
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createNetServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const PAGE = (api: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>kc under a strict CSP</title>
    <link rel="icon" href="data:," />
    <script type="module" src="./watch.js"></script>
    <script type="module" src="./kc.bundle.js"></script>
  </head>
  <body>
    <kc-provider base-url="${api}/api/v1" lang="en">
      <kc-outage-banner></kc-outage-banner>
      <kc-complaint-form></kc-complaint-form>
      <kc-complaint-status></kc-complaint-status>
      <kc-callback></kc-callback>
      <kc-rating subject-kind="call"></kc-rating>
      <kc-chat></kc-chat>
    </kc-provider>
  </body>
</html>
`;

// Runs first (module scripts run in order): collects every violation the page reports.
const WATCH = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
`;

// Page-side helpers, as plain JavaScript text: evaluated by the browser's automation, so that the page's policy
// (no eval) does not apply to them and the test's own compiled helpers are not needed in the page.
const HELPERS = `
  const roots = (node) => [node, ...[...node.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? roots(el.shadowRoot) : []))];
  const find = (selector) => {
    for (const r of roots(document)) {
      const hit = r.querySelector(selector);
      if (hit) return hit;
    }
    return undefined;
  };
  const type = (selector, value) => {
    const field = find(selector);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  const click = (selector) => find(selector).click();
  const text = (selector) => (find(selector)?.textContent ?? '').replace(/\\s+/g, ' ').trim();
`;

/** Runs the function body `action` in the page, with `h` = { find, type, click, text, args }. */
async function inPage<T>(page: Page, action: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    `(() => { ${HELPERS}; const h = { find, type, click, text, args: ${JSON.stringify(args)} }; return (() => { ${action} })(); })()`,
  ) as Promise<T>;
}

async function until(page: Page, check: string, what: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await inPage<boolean>(page, check))) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let server: KcServer;
let dir: string;
let pageOrigin: string;
let apiOrigin: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kc-csp-'));
  await build({
    entryPoints: [join(root, 'packages/widgets/src/cdn/bundle.ts')],
    outfile: join(dir, 'kc.bundle.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    conditions: ['kc-source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, 'tsconfig.base.json'),
    logLevel: 'silent',
  });
  const port = await freePort();
  pageOrigin = `http://127.0.0.1:${port}`;
  apiOrigin = `http://localhost:${port}`;
  writeFileSync(join(dir, 'index.html'), PAGE(apiOrigin));
  writeFileSync(join(dir, 'watch.js'), WATCH);
  server = await createServer({
    memory: true,
    port,
    clock: { now: () => new Date(Date.now() + offsetMs) },
    allowedOrigins: [pageOrigin],
    operatorTokens: [{ id: 'aigerim', role: 'supervisor', token: 'sv-token-csp-0123456789' }],
    staticDirs: [{ prefix: '/', dir }],
    pageCsp: recommendedCsp(apiOrigin),
    log: false,
  });
  // An outage, so that the banner has something to show.
  const outage = await fetch(`${server.url}/api/v1/operator/outages`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer sv-token-csp-0123456789',
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({
      status: 'active',
      severity: 'minor',
      affectedChannels: ['messenger'],
      message: { kk: 'Мессенджер жұмыс істемейді.', ru: 'Мессенджер не работает.', en: 'The messenger is down.' },
      startedAt: new Date(Date.now() + offsetMs).toISOString(),
    }),
  });
  assert.equal(outage.status, 201, await outage.text());
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

for (const engine of ['chromium', 'firefox'] as const) {
  const executablePath = engine === 'chromium' ? CHROMIUM : FIREFOX;
  // Chromium must enforce Trusted Types; Firefox does in its recent releases (the control below adapts).
  const trustedTypes = engine === 'chromium';
  describe(`strict CSP and Trusted Types in ${engine}`, { skip: !executablePath && `no ${engine}` }, () => {
    let browser: Browser;
    let page: Page;
    const errors: string[] = [];

    before(async () => {
      browser = await puppeteer.launch({
        browser: engine === 'firefox' ? 'firefox' : 'chrome',
        executablePath: executablePath!,
        headless: true,
        args: engine === 'chromium' ? ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] : [],
      });
      page = await browser.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      const response = await page.goto(`${pageOrigin}/`, { waitUntil: 'load' });
      assert.equal(response?.headers()['content-security-policy'], recommendedCsp(apiOrigin));
    });

    after(async () => {
      await browser?.close();
    });

    it('renders every widget and shows the outage', { timeout: 30_000 }, async () => {
      await until(
        page,
        `return ['kc-outage-banner','kc-complaint-form','kc-complaint-status','kc-callback','kc-rating','kc-chat']
          .every((tag) => customElements.get(tag) && document.querySelector(tag).shadowRoot?.childElementCount > 0);`,
        'every widget to render',
      );
      await until(page, `return h.text('[part="message"]').includes('The messenger is down.');`, 'the outage');
      if (trustedTypes) assert.ok(await inPage(page, `return Boolean(window.trustedTypes?.getPropertyType);`));
    });

    it('a citizen starts a chat and writes in it', { timeout: 30_000 }, async () => {
      await inPage(page, `h.click('[part~="launcher"]');`);
      await until(page, `return Boolean(h.find('.agent') && !h.find('.agent').disabled);`, 'the chat panel');
      await inPage(page, `h.click('.agent');`);
      await until(page, `return Boolean(h.find('.consent .kc-button--primary'));`, 'the consent');
      await inPage(page, `h.click('.consent .kc-button--primary');`);
      await until(page, `return Boolean(h.find('#message'));`, 'the conversation');
      await inPage(
        page,
        `h.type('#message', 'Hello, a question about my pension.'); h.click('[part~="send-button"]');`,
      );
      await until(
        page,
        `return h.text('[data-author="citizen"]').includes('a question about my pension');`,
        'the citizen’s message',
      );
    });

    it('a citizen files an appeal and looks it up', { timeout: 45_000 }, async () => {
      const form = `document.querySelector('kc-complaint-form').shadowRoot`;
      await inPage(
        page,
        `const f = ${form}; f.querySelector('input[name="kind"][value="complaint"]').click();
         const s = f.querySelector('#categoryId'); s.value = [...s.options].find((o) => o.value.includes('.')).value;
         s.dispatchEvent(new Event('change'));`,
      );
      await inPage(page, `${form}.querySelector('[part~="continue-button"]').click();`);
      await until(page, `return Boolean(${form}.querySelector('#description'));`, 'the description step');
      await inPage(
        page,
        `const f = ${form}; const t = f.querySelector('#description'); t.value = 'The street lights are off.';
         t.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
         f.querySelector('[part~="continue-button"]').click();`,
      );
      await until(page, `return Boolean(${form}.querySelector('#iin'));`, 'the applicant step');
      await inPage(
        page,
        `const f = ${form};
         for (const [id, v] of [['iin','850715401236'],['lastName','Сейтқали'],['firstName','Әйгерім'],['phone','+7 701 123 45 67']]) {
           const i = f.querySelector('#' + id); i.value = v; i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
         }`,
      );
      await inPage(page, `${form}.querySelector('[part~="continue-button"]').click();`);
      await until(page, `return Boolean(${form}.querySelector('#consent'));`, 'the consent step');
      await inPage(page, `${form}.querySelector('#consent').click();`);
      await inPage(page, `${form}.querySelector('[part~="continue-button"]').click();`);
      await until(page, `return Boolean(${form}.querySelector('[part~="submit-button"]'));`, 'the review');
      await inPage(page, `${form}.querySelector('[part~="submit-button"]').click();`);
      await until(page, `return Boolean(${form}.querySelector('[part~="access-code"]'));`, 'the receipt', 20_000);
      const [number, code] = await inPage<string[]>(
        page,
        `const f = ${form}; return ['tracking-number', 'access-code'].map((p) => f.querySelector('[part~="' + p + '"]').textContent.trim());`,
      );
      assert.match(number!, /^KC-/);
      const status = `document.querySelector('kc-complaint-status').shadowRoot`;
      await inPage(
        page,
        `const f = ${status};
         for (const [id, v] of [['trackingNumber', h.args[0]], ['accessCode', h.args[1]]]) {
           const i = f.querySelector('#' + id); i.value = v; i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
         }
         f.querySelector('[part~="find-button"]').click();`,
        number,
        code,
      );
      await until(page, `return Boolean(${status}.querySelector('[part~="status"]'));`, 'the appeal’s status');
    });

    it('a citizen orders a callback', { timeout: 30_000 }, async () => {
      const cb = `document.querySelector('kc-callback').shadowRoot`;
      await until(page, `return Boolean(${cb}.querySelector('#topic'));`, 'the callback form');
      await inPage(
        page,
        `const f = ${cb};
         const asap = f.querySelector('input[name="when"][value="asap"]');
         if (asap) asap.click(); else { f.querySelector('input[name="when"][value="slot"]')?.click(); }`,
      );
      await until(
        page,
        `const f = ${cb}; return Boolean(f.querySelector('input[name="when"][value="asap"]:checked') || f.querySelector('input[name="slot"]'));`,
        'a time',
      );
      await inPage(
        page,
        `const f = ${cb};
         if (!f.querySelector('input[name="when"][value="asap"]:checked')) f.querySelector('input[name="slot"]').click();
         for (const [id, v] of [['topic', 'Pension'], ['phone', '+7 701 123 45 67']]) {
           const i = f.querySelector('#' + id); i.value = v; i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
         }
         f.querySelector('input[name="consent"]').click();`,
      );
      await inPage(page, `${cb}.querySelector('[part~="submit-button"]').click();`);
      await until(page, `return Boolean(${cb}.querySelector('[part="confirmation"]'));`, 'the confirmation');
    });

    it('no policy violation and no script error happened', async () => {
      assert.deepEqual(await inPage<string[]>(page, 'return window.__violations;'), []);
      assert.deepEqual(errors, []);
    });

    it('the watch works: a forbidden write is refused and reported', async () => {
      const refused = await inPage<boolean>(
        page,
        trustedTypes
          ? `try { document.createElement('div').innerHTML = '<b>x</b>'; return false; } catch { return true; }`
          : `const s = document.createElement('style'); s.textContent = 'b{}'; document.head.append(s); return true;`,
      );
      assert.ok(refused);
      await until(page, 'return window.__violations.length > 0;', 'the control violation', 5000);
    });
  });
}
