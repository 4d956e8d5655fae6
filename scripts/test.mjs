// SPDX-License-Identifier: MIT
// `npm test`: every test of kc, in Node and in real browsers, ending with one line `N passed, N failed`.
//
//   npm test                      everything
//   npm test -- --node            Node tests only (*.node.test.ts and *.spec.ts)
//   npm test -- --browsers        browser tests only (*.test.ts and *.spec.ts) in KC_BROWSERS
//                                 (chromium,firefox by default; add webkit for WebKitGTK)
//   npm test -- packages/sdk      only test files under these paths
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureBrowsers, startWebKitDriver, wantedBrowsers } from './browsers.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
process.chdir(root);
const args = process.argv.slice(2);
const onlyNode = args.includes('--node');
const onlyBrowsers = args.includes('--browsers');
const filters = args.filter((a) => !a.startsWith('--'));
// Each run writes its results to a folder of its own, so that two runs at once don't read each other's counts.
const results = join(root, '.test-results', `run-${process.pid}`);
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
process.on('exit', () => rmSync(results, { recursive: true, force: true }));

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(relative(root, p));
  }
  return out;
}
const all = walk(join(root, 'packages'))
  .concat(walk(join(root, 'examples')))
  .filter((f) => filters.length === 0 || filters.some((x) => f.startsWith(x.replace(/^\.\//, ''))))
  .sort();
const nodeFiles = all.filter((f) => f.endsWith('.node.test.ts') || f.endsWith('.spec.ts'));
const browserFiles = all.filter(
  (f) => (f.endsWith('.test.ts') && !f.endsWith('.node.test.ts')) || f.endsWith('.spec.ts'),
);

function run(cmd, cmdArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const summary = [];
let passed = 0;
let failed = 0;
let skipped = 0;

if (!onlyBrowsers && nodeFiles.length > 0) {
  console.log(`\n[kc] Node ${process.version}: ${nodeFiles.length} test files`);
  const tap = join(results, 'node.tap');
  const code = await run(process.execPath, [
    '--conditions=kc-source',
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...nodeFiles,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const p = count('pass');
  let f = count('fail') + count('cancelled');
  const s = count('skipped') + count('todo');
  if (code !== 0 && f === 0) f = 1; // the runner itself failed
  summary.push(`node: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
  passed += p;
  failed += f;
  skipped += s;
}

if (!onlyNode && browserFiles.length > 0) {
  const wanted = wantedBrowsers();
  let ok = true;
  let found = {};
  try {
    found = ensureBrowsers(wanted);
  } catch (error) {
    console.error(error.message);
    ok = false;
    failed += 1;
    summary.push('browsers: not run (missing browsers)');
  }
  if (ok) {
    console.log(`\n[kc] ${wanted.join(' + ')}: ${browserFiles.length} test files`);
    const webkit = wanted.includes('webkit') ? await startWebKitDriver(found) : undefined;
    const code = await run(
      join(root, 'node_modules/.bin/web-test-runner'),
      ['--config', 'web-test-runner.config.mjs'],
      {
        KC_TEST_FILES: browserFiles.join(','),
        KC_RESULTS_FILE: join(results, 'browsers.json'),
        KC_BROWSERS: wanted.join(','),
        KC_WEBKIT_DRIVER_PORT: String(webkit?.port ?? ''),
        PUPPETEER_SKIP_DOWNLOAD: '1',
      },
    );
    webkit?.stop();
    const file = join(results, 'browsers.json');
    const byBrowser = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    let any = false;
    for (const [name, c] of Object.entries(byBrowser)) {
      any = true;
      summary.push(`${name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
      for (const f of c.failures) summary.push(`  ✗ ${f}`);
      passed += c.passed;
      failed += c.failed;
      skipped += c.skipped;
    }
    if (code !== 0 && !Object.values(byBrowser).some((c) => c.failed > 0)) {
      failed += 1;
      summary.push(`browsers: the test runner exited with code ${code}${any ? '' : ' before reporting'}`);
    }
  }
}

console.log('\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
