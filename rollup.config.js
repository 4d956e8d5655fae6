// SPDX-License-Identifier: MIT
// ESM build of every package: each entry of a package's `exports` map that has a `kc-source` condition is built
// from TypeScript to `dist/`, module by module (so that `sideEffects` and tree-shaking work for consumers).
// Dependencies stay external. Types are emitted by `scripts/build-types.mjs`.
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { createHash } from 'node:crypto';
import { transform as esbuildTransform } from 'esbuild';
import { dynamicTargets, firstUseFiles } from './scripts/cdn-first-use.mjs';

const root = new URL('.', import.meta.url).pathname;
const only = process.env.KC_CDN_ONLY ? ['widgets'] : process.env.KC_PACKAGES?.split(',');
const cdnOnly = Boolean(process.env.KC_CDN_ONLY);

function entries(pkg) {
  const inputs = {};
  for (const [key, value] of Object.entries(pkg.exports ?? {})) {
    if (typeof value !== 'object') continue;
    const src = value['kc-source'];
    if (typeof src === 'string' && src.endsWith('.ts')) {
      inputs[src.replace(/^\.\/src\//, '').replace(/\.ts$/, '')] = src;
    }
    void key;
  }
  return inputs;
}

const configs = [];
for (const dir of readdirSync(`${root}packages`)) {
  const pkgPath = `${root}packages/${dir}/package.json`;
  if (!existsSync(pkgPath)) continue;
  if (only && !only.includes(dir)) continue;
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const input = Object.fromEntries(
    Object.entries(entries(pkg))
      .map(([name, src]) => [name, `${root}packages/${dir}/${src.slice(2)}`])
      .filter(([, file]) => existsSync(file)),
  );
  if (Object.keys(input).length === 0 || cdnOnly) continue;
  const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  configs.push({
    input,
    external: (id) =>
      id.startsWith('node:') || builtinModules.includes(id) || deps.some((d) => id === d || id.startsWith(`${d}/`)),
    plugins: [esbuild({ target: 'es2022', tsconfig: `${root}tsconfig.base.json`, sourceMap: true })],
    output: {
      dir: `${root}packages/${dir}/dist`,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: `${root}packages/${dir}/src`,
      sourcemap: true,
    },
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY') throw new Error(warning.message);
      warn(warning);
    },
  });
}

// The CDN build of the widgets (packages/widgets/dist/cdn/): the loader `kc.js`, one chunk per element named after
// its tag, shared chunks, the single-file `kc.bundle.js`, and `integrity.json` with the SRI hash of every file.
// Everything is bundled (lit, the SDK), minified, in Lit's production mode.
const widgets = `${root}packages/widgets`;
const cdnOut = `${widgets}/dist/cdn`;
const tags = existsSync(`${widgets}/src`)
  ? readdirSync(`${widgets}/src`)
      .filter((f) => /^kc-[a-z-]+\.ts$/.test(f))
      .map((f) => f.slice(0, -3))
  : [];
const cdnPlugins = () => [
  nodeResolve({ browser: true, exportConditions: ['kc-source', 'browser', 'production'] }),
  esbuild({
    target: 'es2022',
    tsconfig: `${root}tsconfig.base.json`,
    define: { 'process.env.NODE_ENV': '"production"' },
    charset: 'utf8',
  }),
  minifyLiterals(),
  // Each chunk minified as a whole (not module by module): names and syntax are shortened across modules. Text stays
  // UTF-8 (`charset`), not `\uXXXX` escapes: a module script is always decoded as UTF-8.
  minify({ target: 'es2022', legalComments: 'none', charset: 'utf8' }),
];

/**
 * Minifies the text of the widgets' `css` and `html` (and `svg`) tagged templates, which a JavaScript minifier
 * leaves as written. Runs after TypeScript is stripped, on each widgets module.
 *
 * - `css` without expressions: esbuild's CSS minifier. With expressions: comments dropped and whitespace
 *   collapsed, around `{ } ; , >` removed (outside quoted strings).
 * - `html` / `svg`: a run of whitespace that holds a line break becomes one line break (the same layout for
 *   normal and `pre-line` text, the indentation gone), except between `<textarea>` / `<pre>` and their end tag.
 */
function minifyLiterals() {
  const lightCss = (text) =>
    text
      .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part
              .replace(/\/\*[\s\S]*?\*\//g, '')
              .replace(/\s+/g, ' ')
              .replace(/\s*([{};,>])\s*/g, '$1'),
      )
      .join('');
  const walk = (node, visit) => {
    if (!node || typeof node.type !== 'string') return;
    visit(node);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const child of value) walk(child, visit);
      else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
    }
  };
  return {
    name: 'kc-minify-literals',
    async transform(code, id) {
      if (!id.startsWith(`${widgets}/src/`) || !/\b(css|html|svg)`/.test(code)) return null;
      const found = [];
      walk(this.parse(code), (node) => {
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier') {
          if (['css', 'html', 'svg'].includes(node.tag.name)) found.push(node);
        }
      });
      const edits = []; // [start, end, text]
      for (const node of found) {
        const quasis = node.quasi.quasis;
        if (node.tag.name === 'css') {
          const raw = quasis[0].value.raw;
          if (quasis.length === 1 && !raw.includes('\\')) {
            const { code: min } = await esbuildTransform(raw, { loader: 'css', minify: true, charset: 'utf8' });
            edits.push([quasis[0].start, quasis[0].end, min.trim().replace(/[`$\\]/g, '\\$&')]);
          } else {
            for (const q of quasis) if (q.end > q.start) edits.push([q.start, q.end, lightCss(q.value.raw)]);
          }
          continue;
        }
        let verbatim = false;
        for (const q of quasis) {
          if (q.end === q.start) continue;
          // Outside <textarea> and <pre> contents, whitespace with a line break becomes one line break.
          const parts = q.value.raw.split(/(<\/?(?:textarea|pre)\b[^>]*>?)/i);
          const text = parts
            .map((part, i) => {
              if (i % 2 === 1) {
                verbatim = !part.startsWith('</');
                return part;
              }
              return verbatim ? part : part.replace(/[ \t]*\n\s*/g, '\n');
            })
            .join('');
          if (text !== q.value.raw) edits.push([q.start, q.end, text]);
        }
      }
      if (edits.length === 0) return null;
      let result = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
        result = result.slice(0, start) + text + result.slice(end);
      }
      return { code: result, map: null };
    },
  };
}
/**
 * Chunks by what loads together. Rollup starts a chunk at every `import()`, so code that an element always ends up
 * loading (the SDK's core behind the element base, the chat session behind the chat) came in several files, each
 * compressed on its own. In `buildStart` this plugin builds once with rollup's own chunking, takes for each chunk
 * the set of elements whose first use loads it, and puts the modules of all chunks with the same set in one chunk
 * (`manualChunks`, named after the set). Then the same for what no first use loads, by the elements whose next use
 * loads it (the chat's conversation: its session, the event stream, the outbox, IndexedDB), in chunks named
 * `next-…`. "Load" is the rule of `scripts/cdn-first-use.mjs`, which the measure (`bench/cdn.mjs`) uses too: static
 * imports, and the `import()`s an element's first (or next) use runs; not another element, a language's catalog,
 * the upload code or what is on demand for that element, which stay out of its files. No element loads a module its
 * use does not run. The price: what an element loads through `import()` is fetched with the code that imports it,
 * not after it.
 */
function togetherChunks(config) {
  let groups = new Map();
  const plugin = {
    name: 'kc-together-chunks',
    async buildStart() {
      const { rollup } = await import('rollup');
      const recorder = dynamicTargets();
      const build = await rollup({ ...config(), plugins: [...config().plugins, recorder.plugin], logLevel: 'silent' });
      // Rollup's own chunks, unmerged: each holds exactly the modules the same entries and `import()`s load.
      const { output } = await build.generate({ format: 'es' });
      await build.close();
      const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
      const entries = [...chunks.values()].flatMap((entry) => {
        const tag = entry.facadeModuleId?.match(/\/src\/(kc-[a-z-]+)\.ts$/)?.[1];
        return entry.isEntry && tag ? [{ tag, file: entry.fileName }] : [];
      });
      /** For each file: the elements whose first use loads it, whose next use alone does, and which can load it. */
      const by = { first: new Map(), next: new Map(), reach: new Map() };
      const add = (map, f, name) => map.set(f, [...(map.get(f) ?? []), name]);
      for (const { tag, file } of entries) {
        const name = tag.replace(/^kc-/, '');
        const first = firstUseFiles(chunks, recorder.targets, tag, file);
        const next = firstUseFiles(chunks, recorder.targets, tag, file, undefined, { next: true });
        for (const f of first) add(by.first, f, name);
        for (const f of next) if (!first.has(f)) add(by.next, f, name);
        for (const f of reachable(chunks, file)) if (!next.has(f)) add(by.reach, f, name);
      }
      // One group per combination of the three sets: no use loads a module it does not run.
      const elements = entries.length;
      const combined = new Map();
      for (const f of new Set([...by.first.keys(), ...by.next.keys()])) {
        const key = ['first', 'next', 'reach'].map((k) => by[k].get(f)?.sort().join('-') ?? '').join('/');
        combined.set(key, [...(combined.get(key) ?? []), f]);
      }
      groups = new Map();
      const names = new Set();
      for (const files of combined.values()) {
        const f = files[0];
        const first = by.first.get(f);
        // A group of under 1 KB joins the shared one, which every use loads at once: one request and one file's
        // framing fewer for a few hundred bytes the others load too.
        const size = files.reduce((n, file) => n + chunks.get(file).code.length, 0);
        let name = 'shared';
        if (size >= 1000 && first?.length !== elements) {
          const base = [
            ...(first ? [first.join('-')] : []),
            ...(by.next.has(f) ? [`next-${by.next.get(f).join('-')}`] : []),
          ];
          name = base.join('_');
          if (names.has(name)) name = `${name}_also-${by.reach.get(f)?.join('-') ?? 'none'}`;
        }
        names.add(name);
        for (const file of files) for (const id of Object.keys(chunks.get(file).modules)) groups.set(id, name);
      }
    },
  };
  return { plugin, manualChunks: (id) => groups.get(id) };
}
/** Every file `entry` can load: its static imports and its `import()`s, all the way down. */
function reachable(chunks, entry) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f) || !chunks.has(f)) return;
    seen.add(f);
    for (const dep of [...chunks.get(f).imports, ...chunks.get(f).dynamicImports]) visit(dep);
  };
  visit(entry);
  return seen;
}
/** After writing, removes the chunk files of earlier builds (their names carry a hash), which would ship too. */
function pruneChunks() {
  return {
    name: 'kc-prune-chunks',
    writeBundle(_options, bundle) {
      const dir = `${cdnOut}/chunks`;
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        if (!(`chunks/${name}` in bundle)) rmSync(`${dir}/${name}`);
      }
    },
  };
}
const integrity = new Map();
function sri() {
  return {
    name: 'kc-sri',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith('.js')) continue;
        const body = file.type === 'chunk' ? file.code : file.source;
        integrity.set(file.fileName, `sha384-${createHash('sha384').update(body).digest('base64')}`);
      }
      const sorted = Object.fromEntries([...integrity].sort(([a], [b]) => a.localeCompare(b)));
      this.emitFile({ type: 'asset', fileName: 'integrity.json', source: JSON.stringify(sorted, null, 2) + '\n' });
    },
  };
}
if (!only || only.includes('widgets')) {
  const input = {
    kc: `${widgets}/src/cdn/kc.ts`,
    ...Object.fromEntries(tags.map((t) => [t, `${widgets}/src/${t}.ts`])),
  };
  const together = togetherChunks(() => ({ input, plugins: cdnPlugins(), preserveEntrySignatures: 'allow-extension' }));
  configs.push({
    input,
    plugins: [...cdnPlugins(), together.plugin, sri(), pruneChunks()],
    // An element's entry file may export more than the element (what its shared chunks need from it): without
    // this, rollup adds a one-line facade file per such entry, one more request on the element's first use.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: cdnOut,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Shared chunks under 1 KB (a schema, a helper) join a chunk that loads with them, when that runs no code
      // earlier than before: fewer requests, and fewer bytes (each file compresses on its own). Larger values merge
      // one language's texts into chunks every language loads.
      experimentalMinChunkSize: 1000,
      manualChunks: together.manualChunks,
    },
  });
  if (tags.length > 0) {
    configs.push({
      input: `${widgets}/src/cdn/bundle.ts`,
      plugins: [...cdnPlugins(), sri()],
      output: { file: `${cdnOut}/kc.bundle.js`, format: 'es', inlineDynamicImports: true },
    });
  }
}

export default configs;
