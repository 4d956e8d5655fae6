// SPDX-License-Identifier: MIT
// Builds the React example: esbuild bundles `src/main.tsx`, React and the kc elements into `dist/app.js`, which
// `index.html` loads. In this repository the widgets are bundled from their sources (the `kc-source` condition);
// in your project `@kc/widgets` comes from npm and no condition is needed.
//
//   node examples/react/build.mjs        or        import { buildReactExample } from './build.mjs'
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Bundles the example into `examples/react/dist/app.js`.
 *
 * @returns {Promise<string>} the path of the bundle
 */
export async function buildReactExample() {
  const outfile = join(here, 'dist', 'app.js');
  await build({
    entryPoints: [join(here, 'src', 'main.tsx')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    conditions: ['kc-source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(here, '..', '..', 'tsconfig.json'),
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`React example built: ${await buildReactExample()}`);
}
