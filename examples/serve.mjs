// SPDX-License-Identifier: MIT
// `npm run start:examples`: every example page on the reference server, with an in-memory database (nothing kept
// between runs, and no clash with `npm start`'s `.data/`), on PORT (default 8081):
//
//   /examples/script-tag/   the getting-started page: one script tag, the CDN files only
//   /examples/react/        React 19
//   /examples/vue/          Vue 3 in the theming guide's dark theme
//
// It builds the widgets' CDN files and the two framework examples first. Run through tsx with the `kc-source`
// condition (see package.json), so the server runs from its sources.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runServer } from '@kc/server';
import { buildReactExample } from './react/build.mjs';
import { buildVueExample } from './vue/build.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
process.chdir(root);

console.log('[kc] building the widgets for the browser and the examples…');
const build = spawnSync(process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], {
  stdio: 'inherit',
  env: { ...process.env, KC_CDN_ONLY: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);
await Promise.all([buildReactExample(), buildVueExample()]);

await runServer({
  env: { PORT: '8081', ...process.env },
  memory: true,
  staticDirs: [
    { prefix: '/cdn', dir: join(root, 'packages/widgets/dist/cdn') },
    { prefix: '/examples', dir: join(root, 'examples') },
  ],
  pages: {
    'one script tag': '/examples/script-tag/',
    'React example': '/examples/react/',
    'Vue example': '/examples/vue/',
  },
});
