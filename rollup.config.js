// SPDX-License-Identifier: MIT
// ESM build of every package: each entry of a package's `exports` map that has a `kc-source` condition is built
// from TypeScript to `dist/`, module by module (so that `sideEffects` and tree-shaking work for consumers).
// Dependencies stay external. Types are emitted by `scripts/build-types.mjs`.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import esbuild from 'rollup-plugin-esbuild';

const root = new URL('.', import.meta.url).pathname;
const only = process.env.KC_PACKAGES?.split(',');

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
    Object.entries(entries(pkg)).map(([name, src]) => [name, `${root}packages/${dir}/${src.slice(2)}`]),
  );
  if (Object.keys(input).length === 0) continue;
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

export default configs;
