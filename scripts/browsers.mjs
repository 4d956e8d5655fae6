// SPDX-License-Identifier: MIT
// Finds the system browsers the tests run in and, on a fresh Debian or Ubuntu machine where we are root,
// installs the missing ones from the distribution (test tools cannot download their own browsers here).
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { currentTimeZoneFiles } from './icu-tz.mjs';

const CANDIDATES = {
  chromium: [process.env.KC_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.KC_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
  webkit: [
    process.env.KC_WEBKIT,
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  ],
  webkitDriver: ['/usr/bin/WebKitWebDriver'],
  xvfb: ['/usr/bin/Xvfb'],
};
const PACKAGES = { chromium: ['chromium'], firefox: ['firefox-esr'], webkit: ['webkit2gtk-driver', 'xvfb', 'xauth'] };
const PARTS = { webkit: ['webkit', 'webkitDriver', 'xvfb'] };
const has = (found, b) => (PARTS[b] ?? [b]).every((part) => found[part]);

/**
 * Chromium's flags for headless runs as root on a machine with no internet: no sandbox, no GPU, no background
 * connections (refused here, many at a time), and no slowing of background pages.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  // Test pages are background tabs to Chromium: don't slow their timers or renderers down.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * The browsers `npm test` runs in: `KC_BROWSERS` when set (`chromium,firefox,webkit`), else Chromium and Firefox.
 * @returns {string[]}
 */
export function wantedBrowsers(env = process.env) {
  return (env.KC_BROWSERS || 'chromium,firefox').split(',').filter(Boolean);
}

/** @returns {{ chromium?: string, firefox?: string, webkit?: string, webkitDriver?: string, xvfb?: string }} */
export function findBrowsers() {
  const found = {};
  for (const [name, paths] of Object.entries(CANDIDATES)) {
    const hit = paths.find((p) => p && existsSync(p));
    if (hit) found[name] = hit;
  }
  return found;
}

function isDebianLike() {
  try {
    return /^(ID|ID_LIKE)=.*(debian|ubuntu)/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

const NAMES = {
  chromium: 'Chromium or Chrome',
  firefox: 'Firefox (ESR or release)',
  webkit: 'WebKitGTK with its WebDriver (WebKitWebDriver) and Xvfb',
};

/**
 * Makes sure every wanted browser is there. Installs with apt-get when that is possible; otherwise throws an
 * error that says exactly what to install.
 * @param {string[]} wanted
 */
export function ensureBrowsers(wanted) {
  let found = findBrowsers();
  const missing = wanted.filter((b) => !has(found, b));
  if (missing.length === 0) return found;
  const pkgs = missing.flatMap((b) => PACKAGES[b]);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && isDebianLike() && existsSync('/usr/bin/apt-get')) {
    console.log(`[kc] installing the browsers the tests need: ${pkgs.join(' ')} (apt-get)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
    found = findBrowsers();
    const still = wanted.filter((b) => !has(found, b));
    if (still.length === 0) return found;
  }
  throw new Error(
    [
      `[kc] the browser tests need ${missing.join(' and ')}, and they are not installed.`,
      `  On Debian or Ubuntu:  sudo apt-get install -y ${pkgs.join(' ')}`,
      `  Elsewhere: install ${missing.map((b) => NAMES[b]).join(' and ')}`,
      `  and point to it with ${missing.map((b) => `KC_${b.toUpperCase()}`).join(' / ')}=/path/to/binary.`,
      `  To run without one of them: KC_BROWSERS=${wanted.filter((b) => has(found, b)).join(',') || 'chromium'} npm test`,
    ].join('\n'),
  );
}

/**
 * Starts Xvfb and WebKitWebDriver on free numbers for a WebKit run. WebKitGTK takes its time zones from the system's
 * ICU, which may be older than the rules kc relies on (Asia/Almaty is UTC+5 since 2024-03-01): the browser gets
 * current time-zone data from Node's own ICU through `ICU_TIMEZONE_FILES_DIR` (see icu-tz.mjs).
 * @returns {Promise<{ port: number, stop: () => void, tz?: string }>}
 */
export async function startWebKitDriver(found) {
  const { spawn } = await import('node:child_process');
  const net = await import('node:net');
  const freePort = () =>
    new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
    });
  const display = `:${90 + Math.floor(Math.random() * 900)}`;
  const xvfb = spawn(found.xvfb, [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  const port = await freePort();
  const zones = currentTimeZoneFiles(new URL('..', import.meta.url).pathname);
  if (!zones.dir) console.warn(`[kc] WebKit keeps the system's time-zone data: ${zones.reason}`);
  const driver = spawn(found.webkitDriver, [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display, ...(zones.dir ? { ICU_TIMEZONE_FILES_DIR: zones.dir } : {}) },
  });
  for (let i = 0; i < 50; i++) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    tz: zones.tz,
    stop() {
      driver.kill('SIGTERM');
      xvfb.kill('SIGTERM');
    },
  };
}
