// SPDX-License-Identifier: MIT
// Emits the `.d.ts` files of every package into its `dist/`, in dependency order, each package seeing the others
// through their built types (not their sources), exactly as a consumer from npm will.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const order = ['contract', 'backend', 'sdk', 'mock', 'widgets', 'server'];
const only = process.env.KC_PACKAGES?.split(',');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

for (const name of order) {
  if (only && !only.includes(name)) continue;
  const dir = join(root, 'packages', name);
  if (!existsSync(join(dir, 'src/index.ts'))) continue;
  const tmp = join(root, '.test-results', `tsconfig.types.${name}.json`);
  mkdirSync(join(root, '.test-results'), { recursive: true });
  writeFileSync(
    tmp,
    JSON.stringify({
      extends: join(root, 'tsconfig.base.json'),
      compilerOptions: {
        rootDir: join(dir, 'src'),
        outDir: join(dir, 'dist'),
        declaration: true,
        emitDeclarationOnly: true,
        declarationMap: true,
        customConditions: [],
        noEmit: false,
        types: ['node'],
      },
      include: [join(dir, 'src/**/*.ts')],
      exclude: [join(dir, 'src/**/*.test.ts'), join(dir, 'src/**/*.spec.ts'), join(dir, 'src/**/*.node.test.ts')],
    }),
  );
  const result = spawnSync(process.execPath, [tsc, '-p', tmp], { stdio: 'inherit' });
  rmSync(tmp, { force: true });
  if (result.status !== 0) {
    console.error(`[kc] type declarations of @kc/${name} failed`);
    process.exit(result.status ?? 1);
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  console.log(`[kc] types: ${pkg.name}`);
}
