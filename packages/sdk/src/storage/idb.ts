// SPDX-License-Identifier: MIT
// The IndexedDB half of kc's storage (with idb), loaded on first use: a page where nothing was ever stored does not
// carry it, and never creates the database by reading.
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import type { KcDB, KcStorage } from './storage.js';

/** How long an open may wait for another connection that blocks it before kc keeps things in memory. */
const OPEN_TIMEOUT_MS = 4000;

/** @internal The IndexedDB storage behind `openStorage('auto')`; see there. */
export function idbStorage(name: string, memory: KcStorage, onFallback: (reason: string) => void): KcStorage {
  let failed = '';
  let db: Promise<IDBPDatabase<KcDB>> | undefined;
  const fallback = (error: unknown) => {
    if (!failed) {
      failed = (error as Error)?.name || 'error';
      onFallback(failed);
    }
  };
  const open = () =>
    (db ??= new Promise<IDBPDatabase<KcDB>>((resolve, reject) => {
      let given = false;
      // An open waits while another connection blocks it (an old tab that ignores requests to close, under a
      // pending delete or upgrade): give up after a while and keep things in memory instead of waiting forever.
      const giveUp = (reason: string) => {
        given = true;
        reject(new DOMException(`[kc] IndexedDB "${name}" did not open: another connection blocks it`, reason));
      };
      const timer = setTimeout(() => giveUp('TimeoutError'), OPEN_TIMEOUT_MS);
      openDB<KcDB>(name, 1, {
        upgrade(database, oldVersion) {
          if (oldVersion < 1) {
            for (const store of ['outbox', 'results', 'drafts'] as const)
              database.createObjectStore(store, { keyPath: 'id' });
          }
        },
        blocked() {
          clearTimeout(timer);
          giveUp('BlockedError');
        },
        // Another tab wants a newer version, or clearLocalData() wants the database gone: let it.
        blocking(_current, _wanted, event) {
          (event.target as IDBDatabase).close();
          db = undefined;
        },
        // The browser closed the connection (storage cleared, disk error): reopen on next use.
        terminated() {
          db = undefined;
        },
      }).then(
        (database) => {
          clearTimeout(timer);
          // Opened after we gave up: let it go, so that it blocks no one in turn.
          if (given) database.close();
          else resolve(database);
        },
        (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    }).catch((error: unknown) => {
      db = undefined;
      throw error;
    }));
  let destroyed = false;
  const run = async <T>(action: (d: IDBPDatabase<KcDB>) => Promise<T>, otherwise: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; !failed && !destroyed; attempt++) {
      try {
        return await action(await open());
      } catch (error) {
        // Once more on a fresh connection: the last one may have been closing (another tab's upgrade or delete).
        // A blocked open has waited long enough already.
        const blocked = ['TimeoutError', 'BlockedError'].includes((error as Error)?.name);
        if (attempt > 0 || blocked) fallback(error);
        db = undefined;
      }
    }
    return otherwise();
  };
  const storage: KcStorage = {
    name,
    get kind() {
      return failed ? 'memory' : 'indexeddb';
    },
    get: (store, id) =>
      run(
        (d) => d.get(store, id) as Promise<never>,
        () => memory.get(store, id),
      ),
    all: (store) =>
      run(
        (d) => d.getAll(store) as Promise<never>,
        () => memory.all(store),
      ),
    put: (store, value) =>
      run(
        async (d) => {
          const tx = d.transaction(store, 'readwrite', { durability: 'strict' });
          await Promise.all([tx.store.put(value as never), tx.done]);
        },
        () => memory.put(store, value),
      ),
    delete: (store, id) =>
      run(
        async (d) => {
          const tx = d.transaction(store, 'readwrite', { durability: 'strict' });
          await Promise.all([tx.store.delete(id), tx.done]);
        },
        () => memory.delete(store, id),
      ),
    async exists() {
      if (failed) return memory.exists();
      if (db) return true;
      // Opening would create the database: nothing may be stored before the citizen first uses a widget.
      const list = await indexedDB.databases?.().catch(() => undefined);
      return list ? list.some((d) => d.name === name) : true;
    },
    async destroy() {
      destroyed = true;
      await memory.destroy();
      const current = db;
      db = undefined;
      (await current?.catch(() => undefined))?.close();
      await deleteDB(name).catch(() => undefined);
    },
  };
  return storage;
}
