// SPDX-License-Identifier: MIT
// Browser tests: every `*.test.ts` (browser only) and `*.spec.ts` (browser and Node) under packages/.
// Browsers come from the system (see scripts/browsers.mjs): test tools cannot download their own here.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { defaultReporter } from '@web/test-runner';
import * as puppeteer from 'puppeteer-core';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromiumArgs, findBrowsers, wantedBrowsers } from './scripts/browsers.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { commonJsPlugin, COMMONJS_PACKAGES } from './scripts/commonjs.mjs';

const require = createRequire(import.meta.url);
const found = findBrowsers();
const wanted = wantedBrowsers();

const browsers = [];
for (const name of wanted) {
  if (name === 'chromium') {
    browsers.push(
      chromeLauncher({
        // Focus and keyboard tests need the page in front: one test file at a time, as in Firefox. The two
        // browsers still run side by side.
        concurrency: 1,
        launchOptions: { executablePath: found.chromium, headless: true, args: chromiumArgs },
      }),
    );
  } else if (name === 'firefox') {
    browsers.push(
      chromeLauncher({
        puppeteer,
        // Firefox gives keyboard input and focus events only to the tab in front: one test file at a time.
        concurrency: 1,
        launchOptions: {
          browser: 'firefox',
          executablePath: found.firefox,
          headless: true,
          // Focus events as if the window always had the system's focus (the pref Firefox's own test harness uses).
          extraPrefsFirefox: { 'focusmanager.testmode': true },
        },
      }),
    );
  } else if (name === 'webkit') {
    // WebKitGTK's MiniBrowser through WebKitWebDriver, which scripts/test.mjs starts (with Xvfb) and stops.
    browsers.push(
      webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port: Number(process.env.KC_WEBKIT_DRIVER_PORT ?? 4444),
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: found.webkit, args: ['--automation'] },
        },
      }),
    );
  } else {
    throw new Error(`[kc] unknown browser "${name}" in KC_BROWSERS (chromium, firefox, webkit)`);
  }
}

/**
 * `setViewport()` in WebKit: the test runner's own command knows only puppeteer and playwright. Through WebDriver
 * the window is resized until the page's viewport has the size asked for. The runner makes its command plugin
 * itself, first in line: the function it makes it with answers WebDriver sessions here first.
 */
const viewport = require(join(dirname(require.resolve('@web/test-runner-commands/plugins')), 'setViewportPlugin.js'));
const builtInViewport = viewport.setViewportPlugin;
viewport.setViewportPlugin = () => {
  const plugin = builtInViewport();
  const builtIn = plugin.executeCommand.bind(plugin);
  plugin.executeCommand = async (args) => {
    const { command, payload, session } = args;
    if (command !== 'set-viewport' || session.browser.type !== 'webdriver') return builtIn(args);
    const driver = session.browser.driver;
    const { width, height } = payload;
    // The window is larger than its viewport, and resizes a moment later: measure and correct a few times (a
    // window manager may also keep it above its own smallest size).
    for (let i = 0; i < 5; i++) {
      const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
      if (innerWidth === width && innerHeight === height) break;
      const outer = await driver.getWindowSize();
      await driver.setWindowSize(
        Math.max(100, outer.width + width - innerWidth),
        Math.max(100, outer.height + height - innerHeight),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return true;
  };
  return plugin;
};

/**
 * `sendKeys({ type })` in WebKit: WebKitWebDriver loses a character now and then in a long run of keys (the space
 * of "оформить пенсию"); typed one key at a time, as a person types, nothing is lost.
 */
const keys = require(join(dirname(require.resolve('@web/test-runner-commands/plugins')), 'sendKeysPlugin.js'));
const builtInKeys = keys.sendKeysPlugin;
keys.sendKeysPlugin = () => {
  const plugin = builtInKeys();
  const builtIn = plugin.executeCommand.bind(plugin);
  plugin.executeCommand = async (args) => {
    const { command, payload, session } = args;
    if (command !== 'send-keys' || session.browser.type !== 'webdriver' || typeof payload?.type !== 'string')
      return builtIn(args);
    for (const key of payload.type) await builtIn({ ...args, payload: { ...payload, type: key } });
    return true;
  };
  return plugin;
};

const files = process.env.KC_TEST_FILES
  ? process.env.KC_TEST_FILES.split(',')
  : [
      'packages/*/src/**/*.test.ts',
      'packages/*/src/**/*.spec.ts',
      'packages/*/test/**/*.test.ts',
      'packages/*/test/**/*.spec.ts',
    ];

export default {
  rootDir: '.',
  files: [...files, '!**/*.node.test.ts', '!**/node_modules/**'],
  nodeResolve: { browser: true, exportConditions: ['kc-source', 'browser', 'development'] },
  plugins: [
    commonJsPlugin(COMMONJS_PACKAGES, process.cwd()),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
  ],
  middleware: [
    // The msw service worker must be served from the root scope.
    function mockServiceWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') {
        context.url = '/' + require.resolve('msw/mockServiceWorker.js').slice(process.cwd().length + 1);
      }
      return next();
    },
  ],
  // Every test file starts from a clean origin: test files share one page and origin per browser, so storage, the
  // databases and service workers of one file would otherwise leak into the next (a rating remembered as given,
  // an outage remembered as dismissed, a mock worker still answering).
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <body>
    <script type="module">
      try {
        localStorage.clear();
        sessionStorage.clear();
        const registrations = await navigator.serviceWorker?.getRegistrations?.() ?? [];
        await Promise.all(registrations.map((r) => r.unregister()));
        const databases = (await indexedDB.databases?.()) ?? [];
        await Promise.all(
          databases.map(
            (d) =>
              new Promise((resolve) => {
                const request = indexedDB.deleteDatabase(d.name);
                request.onsuccess = request.onerror = request.onblocked = resolve;
              }),
          ),
        );
      } catch (error) {
        console.warn('[kc] could not clean the test origin', error);
      }
      await import('${testFramework}');
    </script>
  </body>
</html>`,
  browsers,
  // WebKitGTK's driver serves one session at a time.
  concurrency: wanted.includes('webkit') ? 1 : Number(process.env.KC_CONCURRENCY ?? 2),
  concurrentBrowsers: 2,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  // Headless Firefox (WebDriver BiDi) now and then delivers a key press or a focus change late on a loaded machine;
  // a keyboard test gets one more try, and one that fails twice fails.
  testFramework: { config: { timeout: 20_000, retries: 1 } },
  reporters: [
    defaultReporter(),
    countReporter({ outFile: process.env.KC_RESULTS_FILE ?? '.test-results/browsers.json' }),
  ],
};
