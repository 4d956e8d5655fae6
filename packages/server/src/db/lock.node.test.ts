// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from './lock.js';
import { openPglite } from './pglite.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kc-lock-'));
  dirs.push(d);
  return d;
}

describe('the data directory lock', () => {
  it('is a file holding our PID, removed on release', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8').trim(), String(process.pid));
    release();
    assert.equal(existsSync(join(dir, LOCK_FILE)), false);
    release();
  });

  it('refuses a second server while the holder lives, naming its PID and the directory', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, LOCK_FILE), `${holder.pid}\n`);
      assert.throws(
        () => acquireDataDirLock(dir),
        (error: unknown) =>
          error instanceof DataDirLockedError &&
          error.pid === holder.pid &&
          error.message === `another kc server (PID ${holder.pid}) is using ${dir}; stop it or set KC_DATA_DIR`,
      );
      // The database is never opened on a locked directory.
      await assert.rejects(openPglite({ dataDir: dir }), DataDirLockedError);
      assert.equal(existsSync(join(dir, 'pg')), false);
    } finally {
      holder.kill();
    }
  });

  it('refuses the same directory twice in one process', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    try {
      assert.throws(() => acquireDataDirLock(dir), DataDirLockedError);
    } finally {
      release();
    }
  });

  it('takes over a stale lock left by a process that is gone', () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(gone.stdout);
    assert.ok(deadPid > 0);
    writeFileSync(join(dir, LOCK_FILE), `${deadPid}\n`);
    const release = acquireDataDirLock(dir);
    assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8').trim(), String(process.pid));
    release();
    writeFileSync(join(dir, LOCK_FILE), 'garbage');
    acquireDataDirLock(dir)();
  });
});
