// SPDX-License-Identifier: MIT
// Builds the operator console for the browser: esbuild bundles `src/console.ts` and Lit into one ES module,
// `dist/console.js`, which `index.html` loads. The server serves this folder as it is (strict CSP, same origin).
//
//   node examples/operator/build.mjs        or        import { buildOperatorConsole } from './build.mjs'
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Bundles the console into `examples/operator/dist/console.js` (with a source map).
 *
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<string>} the path of the bundle
 */
export async function buildOperatorConsole(options = {}) {
  const outfile = join(here, 'dist', 'console.js');
  await build({
    entryPoints: [join(here, 'src', 'console.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['kc-source'],
    tsconfig: join(here, '..', '..', 'tsconfig.json'),
    sourcemap: true,
    minify: options.minify ?? false,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await buildOperatorConsole({ minify: process.argv.includes('--minify') });
  console.log(`operator console built: ${out}`);
}
