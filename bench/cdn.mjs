// SPDX-License-Identifier: MIT
// The widgets' CDN build in memory, and what a page loads from it: shared by `bench/size.mjs` (every budget),
// `bench/first-open.mjs` (the measure against real first uses) and `bench/chat-render.mjs`, so that all measure the
// same files.
//
// `cdnBuild()` builds the CDN files from the root `rollup.config.js` (as `npm run build` does, written nowhere)
// and returns them with helpers: `measure(file)` (minified, gzip level 9 and brotli quality 11 bytes), `closure()`
// (the files a page loads for some entries) and `firstUse(tag, language)` (which `import()`s an element's first use
// runs: the rule of `scripts/cdn-first-use.mjs`, which the build's grouping follows too).
import { rollup } from 'rollup';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { CATALOG, NEXT, ON_DEMAND, dynamicTargets, takes } from '../scripts/cdn-first-use.mjs';

export const root = new URL('..', import.meta.url).pathname;
export const KB = 1024;
export const LANGUAGES = ['kk', 'ru', 'en'];

/**
 * What each element loads only on demand, never on its first use, by the module an `import()` names, with the
 * reason (declared in `scripts/cdn-first-use.mjs`; another element and the upload code are on demand for every
 * element). Everything else an element can import (statically or with `import()`) counts towards its first use, in
 * one language; so does the SDK's client core, which an element given only a `base-url` imports.
 */
export { NEXT, ON_DEMAND };

/**
 * @param {{ together?: boolean, config?: string }} [options] `together: false` builds without `togetherChunks`
 *   (rollup's own chunks, a file per `import()`), so that a check in a browser sees each `import()` a first use
 *   runs; `config` is another rollup config file (to compare a change of it on the same sources)
 */
export async function cdnBuild({ together = true, config: configFile = `${root}rollup.config.js` } = {}) {
  process.env.KC_CDN_ONLY = '1';
  const configs = (await import(configFile)).default;
  /** fileName → rollup's output chunk (`code`, `imports`, `dynamicImports`, `modules`, `facadeModuleId`…). */
  const files = new Map();
  /** fileName → (file an `import()` lands in → the modules it names there). */
  const targets = new Map();
  for (const config of configs) {
    const recorder = dynamicTargets();
    const plugins = [...config.plugins.filter((p) => together || p.name !== 'kc-together-chunks'), recorder.plugin];
    const build = await rollup({ ...config, plugins, logLevel: 'silent' });
    const outputs = Array.isArray(config.output) ? config.output : [config.output];
    for (const output of outputs) {
      const { output: chunks } = await build.generate({
        ...output,
        ...(!together && { manualChunks: undefined }),
        file: undefined,
        dir: undefined,
      });
      for (const chunk of chunks) {
        if (chunk.type !== 'chunk') continue;
        const fileName = output.file ? output.file.split('/').pop() : chunk.fileName;
        files.set(fileName, { ...chunk, fileName });
        if (!output.file) targets.set(fileName, recorder.targets.get(chunk.fileName) ?? new Map());
      }
    }
    await build.close();
  }

  const sizes = new Map();
  const measure = (fileName) => {
    let s = sizes.get(fileName);
    if (!s) {
      const bytes = Buffer.from(files.get(fileName).code);
      s = {
        min: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        }).length,
      };
      sizes.set(fileName, s);
    }
    return s;
  };

  /** The language of a language chunk (one whose entry module is a catalog), or undefined. */
  const languageOf = (fileName) => files.get(fileName).facadeModuleId?.match(CATALOG)?.[2];
  /** The modules that the `import()`s of `from` name in `fileName`. */
  const named = (fileName, from) => targets.get(from)?.get(fileName) ?? [];
  /** Whether `tag`'s first use (with `next`, its next use) in `language` loads `fileName` through an `import()` in `from`. */
  const firstUse =
    (tag, language, { next = false } = {}) =>
    (fileName, from) =>
      named(fileName, from).some((id) => takes(tag, id, language, { next }));
  /** Follows every dynamic import but the catalogs of other languages. */
  const inLanguage = (language) => (fileName, from) =>
    named(fileName, from).some((id) => [undefined, language].includes(id.match(CATALOG)?.[2]));

  /** The files a page loads for `entries`: static imports always; dynamic ones when `follow(file, from)` says so. */
  const closure = (entries, follow) => {
    const seen = new Set();
    const visit = (fileName) => {
      if (seen.has(fileName)) return;
      seen.add(fileName);
      const chunk = files.get(fileName);
      for (const dep of chunk.imports) visit(dep);
      for (const dep of chunk.dynamicImports) if (files.has(dep) && follow(dep, fileName)) visit(dep);
    };
    for (const entry of entries) visit(entry);
    return seen;
  };
  /** Brotli bytes of a set of files, each its own response. */
  const total = (set) => [...set].reduce((n, f) => n + measure(f).brotli, 0);
  /** The costliest language for a closure made by `make(language)`, with its files. */
  const worstLanguage = (make) => {
    let worst;
    for (const language of LANGUAGES) {
      const set = make(language);
      const bytes = total(set);
      if (!worst || bytes > worst.bytes) worst = { language, set, bytes };
    }
    return worst;
  };
  /** The loader and an element's first use (with `next`, its next use) in its costliest language. */
  const firstOpen = (tag, options) =>
    worstLanguage(
      (language) =>
        new Set([...closure(['kc.js'], () => false), ...closure([`${tag}.js`], firstUse(tag, language, options))]),
    );

  return { files, measure, languageOf, firstUse, inLanguage, closure, total, worstLanguage, firstOpen };
}
