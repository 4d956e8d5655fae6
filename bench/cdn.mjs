// SPDX-License-Identifier: MIT
// The widgets' CDN build in memory, and what a page loads from it: shared by `bench/size.mjs` (every budget) and
// `bench/chat-render.mjs` (the chat's first open and its rendering), so that both measure the same files.
//
// `cdnBuild()` builds the CDN files from the root `rollup.config.js` (as `npm run build` does, written nowhere)
// and returns them with helpers: `measure(file)` (minified, gzip level 9 and brotli quality 11 bytes), `closure()`
// (the files a page loads for some entries) and `firstUse(tag, language)` (which dynamic imports an element's first
// use loads: all but other languages' catalogs and the parts in ON_DEMAND).
import { rollup } from 'rollup';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

export const root = new URL('..', import.meta.url).pathname;
export const KB = 1024;
export const LANGUAGES = ['kk', 'ru', 'en'];

/**
 * What each element loads only on demand, never on its first use: chunks whose entry module matches. Everything
 * else an element can import (statically or with `import()`) counts towards its first use, in one language; so
 * does the SDK's client core, which an element given only a `base-url` imports.
 */
export const ON_DEMAND = {
  // The callback is offered only on a long wait or while the center is closed; the rating only once a chat ended;
  // an attachment's upload only when the citizen attaches a file (`upload.ts` and the `xhr-upload.ts` it imports
  // when it is called: the first may share a chunk with code loaded at once, the second is always its own file).
  'kc-chat': [/\/kc-callback\.ts$/, /\/kc-rating\.ts$/, /\/sdk\/src\/complaints\/(xhr-)?upload\.ts$/],
  'kc-complaint-form': [/\/sdk\/src\/complaints\/(xhr-)?upload\.ts$/],
};

const CATALOG = /\/(strings|translations)\/([a-z]{2})\.ts$/;

export async function cdnBuild() {
  process.env.KC_CDN_ONLY = '1';
  const configs = (await import(`${root}rollup.config.js`)).default;
  /** fileName → rollup's output chunk (`code`, `imports`, `dynamicImports`, `modules`, `facadeModuleId`…). */
  const files = new Map();
  for (const config of configs) {
    const build = await rollup({ ...config, logLevel: 'silent' });
    const outputs = Array.isArray(config.output) ? config.output : [config.output];
    for (const output of outputs) {
      const { output: chunks } = await build.generate({ ...output, file: undefined, dir: undefined });
      for (const chunk of chunks) {
        if (chunk.type !== 'chunk') continue;
        const fileName = output.file ? output.file.split('/').pop() : chunk.fileName;
        files.set(fileName, { ...chunk, fileName });
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
  const onDemand = (tag, fileName) =>
    (ON_DEMAND[tag] ?? []).some((pattern) => pattern.test(files.get(fileName).facadeModuleId ?? ''));
  /** Whether `tag`'s first use in `language` loads the dynamically imported `fileName`. */
  const firstUse = (tag, language) => (fileName) => {
    const lang = languageOf(fileName);
    return lang === undefined ? !onDemand(tag, fileName) : lang === language;
  };
  /** Follows every dynamic import but the catalogs of other languages. */
  const inLanguage = (language) => (fileName) => [undefined, language].includes(languageOf(fileName));

  /** The files a page loads for `entries`: static imports always; dynamic ones when `follow(file)` says so. */
  const closure = (entries, follow) => {
    const seen = new Set();
    const visit = (fileName) => {
      if (seen.has(fileName)) return;
      seen.add(fileName);
      const chunk = files.get(fileName);
      for (const dep of chunk.imports) visit(dep);
      for (const dep of chunk.dynamicImports) if (files.has(dep) && follow(dep)) visit(dep);
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
  /** The loader and an element's first use in its costliest language. */
  const firstOpen = (tag) =>
    worstLanguage(
      (language) => new Set([...closure(['kc.js'], () => false), ...closure([`${tag}.js`], firstUse(tag, language))]),
    );

  return { files, measure, languageOf, firstUse, inLanguage, closure, total, worstLanguage, firstOpen };
}
