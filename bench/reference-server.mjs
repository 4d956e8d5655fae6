// SPDX-License-Identifier: MIT
// The reference server for a benchmark: `npm start`'s server (`packages/server/src/cli.ts`, from the sources) in a
// child process on loopback, on a fresh PGlite data folder that is removed when it stops. Shared by
// `bench/runtime.mjs` and `bench/server-fanout.mjs`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/**
 * Starts the server and resolves once it listens.
 *
 * @param {{ env?: Record<string, string>, nodeArgs?: string[] }} [options] environment added to the server's
 *   (`KC_…` settings) and extra Node flags (e.g. `--cpu-prof`)
 * @returns {Promise<{ origin: string, pid: number, stop(): Promise<void> }>} `origin` is `http://127.0.0.1:<port>`
 *   (the API is under `/api/v1`); `stop()` ends the server and removes its data
 */
export async function startReferenceServer({ env = {}, nodeArgs = [] } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kc-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--conditions=kc-source', '--import', 'tsx', join(root, 'packages/server/src/cli.ts')],
    {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KC_DATA_DIR: dataDir, KC_LOG: '0', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('/api/v1')) resolve(undefined);
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid, stop };
}
