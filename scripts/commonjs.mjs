// SPDX-License-Identifier: MIT
// A @web/dev-server plugin that serves CommonJS packages to the browser as ES modules, each bundled once by
// esbuild: the dev server loads native ES modules only, and ajv (used by @kc/mock and the contract suite to
// validate against openapi.yaml) is CommonJS. Bundlers of real apps (Vite, webpack, esbuild) do this themselves.
import { build } from 'esbuild';

const PREFIX = '/__kc_commonjs__/';

/**
 * @param {string[]} specifiers bare import specifiers to serve as ES modules (with a default export)
 * @param {string} root the directory to resolve them from
 */
export function commonJsPlugin(specifiers, root) {
  const cache = new Map();
  return {
    name: 'kc-commonjs',
    resolveImport({ source }) {
      if (specifiers.includes(source)) return `${PREFIX}${encodeURIComponent(source)}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const specifier = decodeURIComponent(context.path.slice(PREFIX.length, -'.js'.length));
      if (!specifiers.includes(specifier)) return undefined;
      if (!cache.has(specifier)) {
        cache.set(
          specifier,
          build({
            stdin: { contents: `import m from ${JSON.stringify(specifier)}; export default m;`, resolveDir: root },
            bundle: true,
            format: 'esm',
            platform: 'browser',
            target: 'es2022',
            write: false,
            logLevel: 'silent',
          }).then((result) => result.outputFiles[0].text),
        );
      }
      return { body: await cache.get(specifier), type: 'js' };
    },
  };
}

/** The CommonJS packages kc's browser code imports (as written in its import statements). */
export const COMMONJS_PACKAGES = ['ajv', 'ajv/dist/2020.js', 'ajv-formats'];
