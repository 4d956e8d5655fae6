// SPDX-License-Identifier: MIT
// `custom-elements.json` of @kc/widgets from the elements' JSDoc, and the editor data made from it (VS Code's
// `vscode.html-custom-data.json` and `vscode.css-custom-data.json`, JetBrains' `web-types.json`), into
// `packages/widgets/dist/` (or the folder given). Part of `npm run build`; the analyzer's configuration is
// `packages/widgets/custom-elements-manifest.config.mjs`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const widgets = join(root, 'packages/widgets');

/** Writes the manifest and the editor data into `outDir` (default `packages/widgets/dist`). */
export function buildCustomElements(outDir = join(widgets, 'dist')) {
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const require = createRequire(join(widgets, 'package.json'));
  const cli = require.resolve('@custom-elements-manifest/analyzer/cem.js');
  const run = spawnSync(process.execPath, [cli, 'analyze', '--config', 'custom-elements-manifest.config.mjs'], {
    cwd: widgets,
    env: { ...process.env, KC_CEM_OUTDIR: out },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`[kc] the custom elements manifest failed:\n${run.stdout}${run.stderr}`);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = buildCustomElements(process.argv[2]);
  console.log(`[kc] custom-elements.json, VS Code and JetBrains data in ${out}`);
}
