// SPDX-License-Identifier: MIT
// Builds the Vue example: esbuild bundles `src/main.ts`, Vue's runtime and the kc elements into `dist/app.js`, which
// `index.html` loads. `.vue` files are compiled at build time by Vue's own compiler (`vue/compiler-sfc`), so the
// page needs no runtime template compiler and runs under a CSP without `'unsafe-eval'`. The one kc-specific
// setting is `compilerOptions.isCustomElement`: the kc-* tags are custom elements, not Vue components. (With Vite,
// the same option goes to `vue({ template: { compilerOptions: { isCustomElement } } })`.)
//
//   node examples/vue/build.mjs        or        import { buildVueExample } from './build.mjs'
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { compileScript, parse } from 'vue/compiler-sfc';

const here = dirname(fileURLToPath(import.meta.url));

/** Vue's compiler options for pages with kc: every `kc-*` tag is a custom element. */
export const compilerOptions = { isCustomElement: (tag) => tag.startsWith('kc-') };

/** An esbuild plugin that compiles `<script setup>` single-file components (no `<style>` blocks). */
function vueFiles() {
  return {
    name: 'vue-sfc',
    setup(plugin) {
      plugin.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
        const { descriptor, errors } = parse(await readFile(path, 'utf8'), { filename: path });
        if (errors.length > 0) return { errors: errors.map((e) => ({ text: String(e) })) };
        if (descriptor.styles.length > 0) return { errors: [{ text: 'style blocks are not supported here' }] };
        const id = createHash('sha256').update(path).digest('hex').slice(0, 8);
        const script = compileScript(descriptor, { id, inlineTemplate: true, templateOptions: { compilerOptions } });
        return { contents: script.content, loader: script.lang === 'ts' ? 'ts' : 'js', resolveDir: dirname(path) };
      });
    },
  };
}

/**
 * Bundles the example into `examples/vue/dist/app.js`.
 *
 * @returns {Promise<string>} the path of the bundle
 */
export async function buildVueExample() {
  const outfile = join(here, 'dist', 'app.js');
  await build({
    entryPoints: [join(here, 'src', 'main.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['kc-source'],
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [vueFiles()],
    tsconfig: join(here, '..', '..', 'tsconfig.json'),
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`Vue example built: ${await buildVueExample()}`);
}
