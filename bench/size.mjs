// SPDX-License-Identifier: MIT
// `npm run size`: the size of every file of the widgets' CDN build and of what a page loads for each element, with
// the budgets of the delivery issue. Sizes are deterministic, so a broken budget exits 1 (never a timing); a budget
// that does not hold yet has a ceiling (CEILING below) that may only come down.
//
// - Builds the CDN files in memory from the root `rollup.config.js` (the same build as `npm run build`, written
//   nowhere), then prints each file's minified, gzip (level 9) and brotli (quality 11) bytes.
// - Closures, each file counted as its own response (brotli): the loader `kc.js`; each element's first use (the
//   loader and every chunk the element can load, statically or with `import()`, in one language, less the parts
//   its first use does not run, declared per element in `scripts/cdn-first-use.mjs` and checked in real browsers by
//   `bench/first-open.mjs`: the SDK's client core of an element given only a `base-url` counts), in the costliest of
//   kk / ru / en; what the element loads later, on demand; all elements together in one language
//   (every chunk any element can load); the single-file `kc.bundle.js` (every element and language).
// - Fails when a module that must never ship (msw, ajv, the mock, the backend, the server, test code, Lit's
//   development build) is in any CDN file, or when a file still imports a bare name rollup could not resolve.
// - Runs `bench/sdk-size.mjs` (the @kc/sdk complaints path and the whole SDK) and reports its verdict too.
//
//   node bench/size.mjs [--files] [--closures] [--modules <closure>]
//     --files      also list every file of the build (the shared and language chunks too)
//     --closures   list the files of each closure with their brotli bytes
//     --modules X  list the modules inside closure X (e.g. `kc-chat`) with their minified bytes, largest first
import { transform } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cdnBuild, KB, NEXT, root } from './cdn.mjs';

const args = process.argv.slice(2);
const arg = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** Budgets in bytes (brotli). */
const BUDGET = {
  loader: 1.5 * KB,
  'kc-chat': 25 * KB,
  all: 45 * KB,
};

/**
 * Ceilings for the budgets that do not hold yet: what was measured when the ceiling was last lowered, plus 1 %.
 * A closure over its budget but under its ceiling is reported ("over budget") without failing; one over its ceiling
 * fails the build, so the gap can only shrink. Lower a ceiling whenever a change makes its closure lighter; remove
 * it once the budget holds (docs/decisions/0011 says where the bytes are).
 */
const CEILING = {
  // Lowered 44 313 → 36 173 B on 2026-12-03: the chat's first open (until its question field has focus) no longer
  // loads a conversation's code; 36 173 → 33 873 B the same day: nor the conversation's view and its queue notice
  // (decision 0011, "The conversation on demand", "The conversation's view on demand").
  'kc-chat': Math.ceil(33_873 * 1.01), // measured 2026-12-03 (kk)
  // The chat's next use on its own, to a first message sent to an operator: it must not grow unseen either. Raised
  // 45 577 → 46 245 B on 2026-12-03 with the view's move (decision 0011, "Raised once").
  'kc-chat next': Math.ceil(46_245 * 1.01), // measured 2026-12-03 (kk)
  // Raised 86 243 → 88 416 B by the team on 2026-12-03 for the conversation on demand, and 88 416 → 89 341 B the same
  // day for its view: every element's first use is lighter, all of them together heavier, in more files (decision
  // 0011, "Raised once").
  all: Math.ceil(89_341 * 1.01), // measured 2026-12-03 (ru)
};

/**
 * Modules that must never reach a CDN file. Paths are matched against the absolute module id (`\0` ids of
 * rollup's helpers are ignored).
 */
const FORBIDDEN = [
  [/\/node_modules\/(msw|@mswjs|@bundled-es-modules|graphql)\//, 'msw'],
  [/\/node_modules\/(ajv|ajv-formats|fast-uri|json-schema-traverse)\//, 'ajv'],
  [/\/packages\/(mock|backend|server)\//, 'a server-side package (@kc/mock, @kc/backend, @kc/server)'],
  [/\/tools\/testing\//, '@kc/testing'],
  [/\.(test|spec|mock)\.[cm]?[jt]s$/, 'test code'],
  [/\/node_modules\/(@lit\/reactive-element|lit-html|lit-element)\/development\//, "Lit's development build"],
  [/\/node_modules\/(fastify|pg|@electric-sql|yaml|@redocly)\//, 'a Node-only dependency'],
];

// ------------------------------------------------------------------------------------------------------- build
const { files, measure, firstUse, inLanguage, closure, total, worstLanguage } = await cdnBuild();

// ------------------------------------------------------------------------------------------------ forbidden code
const leaks = [];
for (const [fileName, chunk] of files) {
  for (const id of Object.keys(chunk.modules)) {
    if (id.startsWith('\0')) continue;
    for (const [pattern, what] of FORBIDDEN) {
      if (pattern.test(id)) leaks.push({ file: fileName, module: id.replace(root, ''), what });
    }
  }
  if (/\/\/# sourceMappingURL=data:/.test(chunk.code)) leaks.push({ file: fileName, module: '—', what: 'inline map' });
  // A module that rollup could not resolve stays an import of a bare name, which no browser can load.
  for (const dep of [...chunk.imports, ...chunk.dynamicImports]) {
    if (!files.has(dep)) leaks.push({ file: fileName, module: dep, what: 'an import left out of the build' });
  }
}

const tags = [...files.values()]
  .filter((c) => c.isEntry && /^kc-[a-z-]+\.js$/.test(c.fileName))
  .map((c) => c.fileName.slice(0, -3))
  .sort();
const loader = closure(['kc.js'], () => false);
const rows = [];
const sets = new Map();
const row = (name, set, budget, language, ceiling) => {
  sets.set(name, set);
  const bytes = total(set);
  const within = bytes <= (budget ?? ceiling ?? Infinity) || (ceiling !== undefined && bytes <= ceiling);
  const min = [...set].reduce((n, f) => n + measure(f).min, 0);
  const gzip = [...set].reduce((n, f) => n + measure(f).gzip, 0);
  rows.push({
    closure: name,
    language: language ?? '—',
    files: set.size,
    'min (B)': min,
    'gzip (B)': gzip,
    'brotli (B)': bytes,
    budget: budget === undefined ? '—' : `${budget} (${budget / KB} KB)`,
    ceiling: ceiling === undefined ? '' : ceiling,
    result:
      budget === undefined
        ? ceiling === undefined
          ? ''
          : within
            ? 'under ceiling'
            : 'OVER CEILING'
        : bytes <= budget
          ? 'ok'
          : within
            ? 'over budget, under ceiling'
            : 'OVER CEILING',
  });
  return within;
};

let broken = false;
broken = !row('loader (kc.js)', loader, BUDGET.loader) || broken;
for (const tag of tags) {
  const worst = worstLanguage((language) => new Set([...loader, ...closure([`${tag}.js`], firstUse(tag, language))]));
  broken = !row(`${tag} first use (loader + chunks)`, worst.set, BUDGET[tag], worst.language, CEILING[tag]) || broken;
  // The element's next use, on its own (the chat's conversation), in the same language.
  const next =
    NEXT[tag] && new Set([...loader, ...closure([`${tag}.js`], firstUse(tag, worst.language, { next: true }))]);
  if (next) {
    const name = `  ${tag} ${NEXT[tag].use}`;
    broken = !row(name, next, undefined, worst.language, CEILING[`${tag} next`]) || broken;
  }
  // What the element loads only on demand (an offered callback, the rating after a chat), in the same language.
  const later = closure([`${tag}.js`], inLanguage(worst.language));
  for (const f of next ?? worst.set) later.delete(f);
  if (later.size > 0) row(`  ${tag} later, on demand`, later, undefined, worst.language);
}
const all = worstLanguage(
  (language) =>
    new Set([
      ...loader,
      ...closure(
        tags.map((t) => `${t}.js`),
        inLanguage(language),
      ),
    ]),
);
broken = !row('all elements (loader + every chunk)', all.set, BUDGET.all, all.language, CEILING.all) || broken;
row('kc.bundle.js (every element, every language)', new Set(['kc.bundle.js']));

// -------------------------------------------------------------------------------------------------------- print
if (args.includes('--files')) {
  console.log('\nCDN files (packages/widgets/dist/cdn)\n');
  console.table(
    [...files.keys()]
      .sort((a, b) => Number(a.includes('/')) - Number(b.includes('/')) || a.localeCompare(b))
      .map((file) => ({ file, ...Object.fromEntries(Object.entries(measure(file)).map(([k, v]) => [`${k} (B)`, v])) })),
  );
} else {
  console.log('\nCDN entry files (packages/widgets/dist/cdn; --files lists the chunks too)\n');
  console.table(
    [...files.values()]
      .filter((c) => c.isEntry || c.fileName === 'kc.bundle.js')
      .map((c) => c.fileName)
      .sort()
      .map((file) => ({ file, ...Object.fromEntries(Object.entries(measure(file)).map(([k, v]) => [`${k} (B)`, v])) })),
  );
}
console.log('\nWhat a page loads, brotli (quality 11), each file as its own response\n');
console.table(rows);

if (args.includes('--closures')) {
  for (const [name, set] of sets) {
    console.log(`\n${name.trim()}: ${[...set].map((f) => `${f} ${measure(f).brotli}`).join(', ')}`);
  }
}

const which = arg('--modules');
if (which) {
  const name = [...sets.keys()].find((k) => k.trim().startsWith(which));
  if (!name) {
    console.error(`[kc] no closure "${which}"`);
  } else {
    const list = [];
    for (const fileName of sets.get(name)) {
      for (const [id, m] of Object.entries(files.get(fileName).modules)) {
        if (!m.code) continue;
        const { code } = await transform(m.code, { minify: true, loader: 'js', target: 'es2022', charset: 'utf8' });
        list.push({ file: fileName, module: id.replace(root, ''), 'min (B)': Buffer.byteLength(code) });
      }
    }
    console.log(`\nModules of "${name.trim()}", each minified alone\n`);
    console.table(list.sort((a, b) => b['min (B)'] - a['min (B)']));
  }
}

if (leaks.length > 0) {
  console.error('\n[kc] modules that must never ship are in the CDN build:\n');
  console.table(leaks);
  broken = true;
} else {
  console.log(
    '\nNo msw, ajv, mock, backend, server, test code, Lit development build or unbundled import in any CDN file.',
  );
}

// The SDK's own budgets (the complaints path, the whole SDK), measured by its bench.
console.log('\n@kc/sdk (bench/sdk-size.mjs)');
const sdk = spawnSync(process.execPath, [`${root}bench/sdk-size.mjs`], { stdio: 'inherit' });
if (sdk.status !== 0) broken = true;

if (broken) {
  console.error('\n[kc] a size budget is broken');
  process.exit(1);
}
const over = rows.filter((r) => r.result === 'over budget, under ceiling').map((r) => r.closure.trim());
console.log(
  over.length === 0 ? '\nEvery size budget holds.' : `\nEvery ceiling holds; still over budget: ${over.join('; ')}.`,
);
