// SPDX-License-Identifier: MIT
// A private PostgreSQL for the server's tests, on loopback, in a folder of its own.
//
//   node scripts/postgres.mjs start [--dir DIR] [--port PORT]   prints the connection URL on stdout
//   node scripts/postgres.mjs stop  [--dir DIR]
//
// `start` installs Debian's `postgresql` package with apt-get when it is missing (as root), creates a cluster in
// DIR as the `postgres` user (trust authentication, loopback only, the socket in DIR) and starts it. Starting an
// already running cluster prints its URL again. `stop` sends SIGINT (fast shutdown) to the PID in
// DIR/postmaster.pid and waits for it to exit. Defaults: DIR = <system temp>/kc-postgres, PORT = 54329.
//
//   KC_TEST_DATABASE_URL=$(node scripts/postgres.mjs start) npm test -- --node packages/server
//   node scripts/postgres.mjs stop
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...rest] = process.argv.slice(2);
const option = (name, fallback) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 && rest[i + 1] ? rest[i + 1] : fallback;
};
const dir = option('dir', join(tmpdir(), 'kc-postgres'));
const port = Number(option('port', '54329'));
const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
const log = (message) => console.error(`[postgres] ${message}`);

function binDir() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

function ensureInstalled() {
  let bin = binDir();
  if (bin) return bin;
  if (process.getuid?.() !== 0)
    throw new Error('PostgreSQL is not installed: run as root, or apt-get install postgresql');
  log('installing postgresql with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  bin = binDir();
  if (!bin) throw new Error('apt-get installed postgresql but no initdb was found');
  return bin;
}

function pid() {
  const file = join(dir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const n = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(n) || n <= 0) return undefined;
  try {
    process.kill(n, 0);
    return n;
  } catch {
    return undefined;
  }
}

// As root, the cluster belongs to the `postgres` user (PostgreSQL refuses to run as root).
function asPostgres(file, args) {
  const root = process.getuid?.() === 0;
  const r = root
    ? spawnSync('runuser', ['-u', 'postgres', '--', file, ...args], { encoding: 'utf8' })
    : spawnSync(file, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
}

function start() {
  if (pid()) {
    console.log(url);
    return;
  }
  const bin = ensureInstalled();
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (process.getuid?.() === 0) {
      const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, id('-u'), id('-g'));
    }
    asPostgres(join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  }
  asPostgres(join(bin, 'pg_ctl'), [
    '-D',
    dir,
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
    '-w',
    'start',
  ]);
  log(`started in ${dir} (PID ${pid()})`);
  console.log(url);
}

async function stop() {
  const n = pid();
  if (!n) {
    log(`not running in ${dir}`);
    return;
  }
  process.kill(n, 'SIGINT');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(n, 0);
    } catch {
      log(`stopped (PID ${n})`);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PostgreSQL (PID ${n}) did not stop within 10 s`);
}

try {
  if (command === 'start') start();
  else if (command === 'stop') await stop();
  else {
    console.error('usage: node scripts/postgres.mjs start|stop [--dir DIR] [--port PORT]');
    process.exit(2);
  }
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
