// SPDX-License-Identifier: MIT
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The name of the lock file a server holds in its PGlite data directory. */
export const LOCK_FILE = 'kc-server.lock';

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError' as const;
  /** The process that holds the directory. */
  readonly pid: number;
  /** The data directory. */
  readonly dir: string;
  constructor(dir: string, pid: number) {
    super(`another kc server (PID ${pid}) is using ${dir}; stop it or set KC_DATA_DIR`);
    this.pid = pid;
    this.dir = dir;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the exclusive lock of a PGlite data directory: PGlite has no lock between processes, and two processes
 * on one directory corrupt it. The lock file holds the PID and is created atomically (`wx`); a lock left by a
 * process that no longer runs is taken over.
 *
 * @returns A function that releases the lock (idempotent).
 * @throws {@link DataDirLockedError} when a live process holds the directory.
 * @example
 * ```ts
 * const release = acquireDataDirLock('.data');
 * try { … } finally { release(); }
 * ```
 */
export function acquireDataDirLock(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid = NaN;
    try {
      pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    } catch {
      continue; // removed between our open and read: try again
    }
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dir, pid);
    if (pid === process.pid) throw new DataDirLockedError(dir, pid);
    // Stale: its process is gone. Remove it and race for a fresh one with `wx` again.
    try {
      unlinkSync(file);
    } catch {
      // another process took it over first; the next `wx` decides
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
