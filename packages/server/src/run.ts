// SPDX-License-Identifier: MIT
import { readFileSync } from 'node:fs';
import { demoSettings } from '@kc/backend';
import type { Config } from '@kc/contract';
import { contractDocument } from './contract-document.js';
import { optionsFromEnv } from './env.js';
import { checkSchema } from './http/validation.js';
import { createServer, type KcServer, type ServerOptions } from './server.js';

/** What {@link runServer} adds to the server's options. */
export interface RunOptions extends Partial<ServerOptions> {
  /** The environment to read (`PORT`, `KC_DATA_DIR`, …). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the banner goes. @default console.log */
  readonly print?: (line: string) => void;
  /** Paths (beside the API) to show in the banner, e.g. `{ 'example portal': '/', 'operator console': '/operator/' }`. */
  readonly pages?: Readonly<Record<string, string>>;
  /**
   * Stop cleanly on `SIGINT` and `SIGTERM`, then exit the process.
   *
   * @default true
   */
  readonly handleSignals?: boolean;
}

/**
 * Starts the server as a program: options from the environment (see {@link optionsFromEnv}) and `overrides`, the
 * contact center's configuration from `KC_CONFIG_FILE` (JSON, checked against the contract) or the demo one, a
 * banner with the addresses and the demo operator token, and a clean stop on Ctrl-C or `SIGTERM` (streams ended,
 * database closed, data directory unlocked). The root `npm start` calls it with the example pages as
 * `staticDirs`.
 *
 * @throws {@link DataDirLockedError} when another server uses the data directory.
 * @example
 * ```ts
 * await runServer({ staticDirs: [{ prefix: '/', dir: 'examples/gov-portal' }], pages: { 'example portal': '/' } });
 * ```
 */
export async function runServer(overrides: RunOptions = {}): Promise<KcServer> {
  const {
    env = process.env,
    print = (line: string) => console.log(line),
    pages = {},
    handleSignals = true,
    ...rest
  } = overrides;
  const fromEnv = optionsFromEnv(env);
  let config: Config | undefined;
  if (env.KC_CONFIG_FILE) {
    const value: unknown = JSON.parse(readFileSync(env.KC_CONFIG_FILE, 'utf8'));
    const errors = checkSchema(contractDocument, 'Config', value);
    if (errors.length > 0) {
      throw new Error(
        `KC_CONFIG_FILE does not match the contract's Config:\n${errors.map((e) => `  ${e.field} ${e.code}: ${e.message}`).join('\n')}`,
      );
    }
    config = value as Config;
  }
  // The demo settings (operators, knowledge base, departments) go with the demo configuration only.
  const demo = !config && !rest.config;
  const options: ServerOptions = {
    ...fromEnv,
    ...(config ? { config } : {}),
    ...rest,
    sse: { ...fromEnv.sse, ...rest.sse },
    settings: { ...(demo ? demoSettings : {}), ...rest.settings, ...fromEnv.settings },
  };
  const server = await createServer(options);
  await warmUp(server);

  const storage = options.databaseUrl
    ? `PostgreSQL (${new URL(options.databaseUrl).host})`
    : `PGlite in ${options.dataDir}`;
  print('');
  print(`  kc contact center server  ${server.url}/api/v1   (${storage})`);
  for (const [name, path] of Object.entries(pages)) print(`  ${name.padEnd(24)} ${server.url}${path}`);
  if (server.demoToken) print(`  demo operator token      ${server.demoToken.token}   (supervisor)`);
  print('  Ctrl-C stops.');
  print('');

  if (!handleSignals) return server;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.exit(1); // a second Ctrl-C: do not wait
    }
    stopping = true;
    print(`  ${signal}: closing streams and the database…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

/** The public readings every page makes, answered once in process before the server is announced. */
const WARM_UP = ['/api/v1/config', '/api/v1/queue', '/api/v1/outages'];

/**
 * A process's first answers pay for code not yet optimised and the database's first statements (`node
 * bench/server-fanout.mjs` prints them: ~80 ms for the first configuration, ~30 ms for the first queue status,
 * then a few ms). Reading what every page reads once, in process, before the addresses are printed keeps that from
 * the first citizens after a start. It writes nothing and counts against no limit (reads are not limited).
 */
async function warmUp(server: KcServer): Promise<void> {
  for (const url of WARM_UP) {
    await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } }).catch(() => undefined);
  }
}
