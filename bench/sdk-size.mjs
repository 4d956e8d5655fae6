// SPDX-License-Identifier: MIT
// The brotli size of @kc/sdk as a page would ship it: the complaints path alone (createCore + complaints, with ky
// and idb) and the whole SDK, each bundled from the sources with rollup into memory and minified with esbuild.
// Code behind import() (the appeal-status half, loaded on first use) is reported apart from what a page loads at
// once; the budgets apply to the latter. Prints a table and exits 1 when a budget is broken (sizes are deterministic).
// With --modules, also what each module of each bundle costs at once (minified and compressed alone, so the figures
// add up to more than the bundle: shared words compress once in it), to find where the bytes are.
//
//   node bench/sdk-size.mjs [--modules]
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { transform } from 'esbuild';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const KB = 1024;

const entries = [
  {
    name: 'complaints path (createCore + complaints, ky, idb)',
    code: `export { createCore, complaints } from '@kc/sdk';`,
    budget: 10 * KB,
  },
  {
    name: 'outages banner path (createCore + outages)',
    code: `export { createCore, outages } from '@kc/sdk';`,
    budget: null,
  },
  { name: 'whole SDK (every export)', code: `export * from '@kc/sdk';`, budget: 16 * KB },
];

async function bundle(source) {
  const id = '\0entry';
  const build = await rollup({
    input: id,
    plugins: [
      { name: 'entry', resolveId: (x) => (x === id ? id : null), load: (x) => (x === id ? source : null) },
      nodeResolve({ browser: true, exportConditions: ['kc-source', 'browser'], rootDir: root }),
      esbuild({ target: 'es2022', tsconfig: `${root}tsconfig.base.json` }),
      minify({ target: 'es2022', legalComments: 'none' }),
    ],
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  // Chunk names without content hashes: an import() of a lazy chunk then costs the same bytes whatever is inside.
  const { output } = await build.generate({ format: 'es', chunkFileNames: '[name].js' });
  await build.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  // What a page loads at once: the entry and its static imports. Chunks reached only through import() (the
  // appeal-status code) load on first use and are reported apart.
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const dep of chunks.get(name).imports) visit(dep);
  };
  visit([...chunks.values()].find((c) => c.isEntry).fileName);
  const pick = (inside) => [...chunks.values()].filter((c) => initial.has(c.fileName) === inside);
  const code = pick(true)
    .map((c) => c.code)
    .join('\n');
  const lazy = pick(false)
    .map((c) => c.code)
    .join('\n');
  const parts = pick(true).flatMap((c) => Object.entries(c.modules).filter(([, m]) => m.code));
  return { code, lazy, modules: parts.map(([id]) => id), parts };
}

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const rows = [];
let broken = false;
const perModule = process.argv.includes('--modules');
for (const entry of entries) {
  const { code, lazy, modules, parts } = await bundle(entry.code);
  if (perModule) {
    const table = [];
    for (const [id, { code: source }] of parts) {
      const min = (await transform(source, { minify: true, treeShaking: false, target: 'es2022' })).code;
      table.push({
        module: id.replace(root, '').replace(/^.*node_modules\//, ''),
        'min (B)': min.length,
        'brotli alone (B)': brotli(Buffer.from(min)),
      });
    }
    console.log(entry.name);
    console.table(table.sort((a, b) => b['brotli alone (B)'] - a['brotli alone (B)']));
  }
  const bytes = Buffer.from(code);
  const br = brotli(bytes);
  const gz = gzipSync(bytes, { level: 9 }).length;
  const ok = entry.budget === null || br <= entry.budget;
  if (!ok) broken = true;
  const chat = modules.some((m) => /\/(chat|callbacks)\//.test(m));
  rows.push({
    bundle: entry.name,
    'min (B)': bytes.length,
    'gzip (B)': gz,
    'brotli (B)': br,
    'lazy chunks, brotli (B)': lazy ? brotli(Buffer.from(lazy)) : 0,
    budget: entry.budget === null ? '—' : `${entry.budget} (${entry.budget / KB} KB)`,
    result: ok ? 'ok' : 'OVER BUDGET',
    ...(entry.budget === 10 * KB && { 'chat/callbacks inside': chat ? 'yes (wrong)' : 'no' }),
  });
  if (entry.budget === 10 * KB && chat) broken = true;
}
console.table(rows);
if (broken) {
  console.error('[kc] an @kc/sdk size budget is broken');
  process.exit(1);
}
