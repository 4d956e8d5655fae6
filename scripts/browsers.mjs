// SPDX-License-Identifier: MIT
// Finds the system browsers the tests run in and, on a fresh Debian or Ubuntu machine where we are root,
// installs the missing ones from the distribution (test tools cannot download their own browsers here).
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = {
  chromium: [process.env.KC_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.KC_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};
const PACKAGES = { chromium: 'chromium', firefox: 'firefox-esr' };

/** @returns {{ chromium?: string, firefox?: string }} */
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

/**
 * Makes sure every wanted browser is there. Installs with apt-get when that is possible; otherwise throws an
 * error that says exactly what to install.
 * @param {string[]} wanted
 */
export function ensureBrowsers(wanted) {
  let found = findBrowsers();
  const missing = wanted.filter((b) => !found[b]);
  if (missing.length === 0) return found;
  const pkgs = missing.map((b) => PACKAGES[b]);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && isDebianLike() && existsSync('/usr/bin/apt-get')) {
    console.log(`[kc] installing the browsers the tests need: ${pkgs.join(' ')} (apt-get)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
    found = findBrowsers();
    const still = wanted.filter((b) => !found[b]);
    if (still.length === 0) return found;
  }
  throw new Error(
    [
      `[kc] the browser tests need ${missing.join(' and ')}, and they are not installed.`,
      `  On Debian or Ubuntu:  sudo apt-get install -y ${pkgs.join(' ')}`,
      `  Elsewhere: install ${missing.map((b) => (b === 'firefox' ? 'Firefox (ESR or release)' : 'Chromium or Chrome')).join(' and ')}`,
      `  and point to it with ${missing.map((b) => (b === 'firefox' ? 'KC_FIREFOX' : 'KC_CHROMIUM')).join(' / ')}=/path/to/binary.`,
      `  To run without one of them: KC_BROWSERS=${wanted.filter((b) => found[b]).join(',') || 'chromium'} npm test`,
    ].join('\n'),
  );
}
