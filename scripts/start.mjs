// SPDX-License-Identifier: MIT
// `npm start`: kc end to end on its embedded defaults. Builds the widgets' CDN files, then starts the reference
// server (@kc/server) on PORT (default 8080) with PGlite in `.data/`, the demo akimat and its sample records, the example portal at `/`,
// the widgets at `/cdn/` and the operator console at `/operator/`. Ctrl-C stops it cleanly.
//
// Run through tsx with the `kc-source` condition (see package.json), so the server runs from its sources.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runServer, seedDemoData } from '@kc/server';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
process.chdir(root);

console.log('[kc] building the widgets for the browser…');
const build = spawnSync(process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], {
  stdio: 'inherit',
  env: { ...process.env, KC_CDN_ONLY: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const staticDirs = [{ prefix: '/cdn', dir: join(root, 'packages/widgets/dist/cdn') }];
const pages = { 'example portal': '/' };
const operatorBuild = join(root, 'examples/operator/build.mjs');
if (existsSync(operatorBuild)) {
  const { buildOperatorConsole } = await import(operatorBuild);
  await buildOperatorConsole();
  staticDirs.push({ prefix: '/operator', dir: join(root, 'examples/operator') });
  pages['operator console'] = '/operator/';
}
staticDirs.push({ prefix: '/', dir: join(root, 'examples/gov-portal') });

// A new `.data/` gets a few sample appeals, a resolved outage and a callback, so that the operator console is not
// empty; the server keeps a marker, so a restart adds nothing.
await runServer({ staticDirs, pages, seed: async (backend, store) => void (await seedDemoData(backend, store)) });
