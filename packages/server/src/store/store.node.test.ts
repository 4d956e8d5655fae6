// SPDX-License-Identifier: MIT
import { after } from 'node:test';
import { MemoryStore } from '@kc/backend';
import type { Db } from '../db/db.js';
import { memoryPglite, postgresForTest, TEST_DATABASE_URL, truncateAll } from '../testing/databases.js';
import { SqlStore } from './sql-store.js';
import { storeConformance } from '../../test/store-conformance.js';

storeConformance('MemoryStore (the reference)', async () => new MemoryStore());

function sqlStore(open: () => Promise<Db>): () => Promise<SqlStore> {
  let shared: Promise<{ db: Db; store: SqlStore }> | undefined;
  after(async () => {
    if (!shared) return;
    const { db, store } = await shared;
    await store.close();
    await db.close();
  });
  return async () => {
    shared ??= open().then(async (db) => ({ db, store: await SqlStore.open(db) }));
    const { db, store } = await shared;
    await truncateAll(db);
    return store;
  };
}

storeConformance('SqlStore on PGlite', sqlStore(memoryPglite));
const url = TEST_DATABASE_URL;
if (url)
  storeConformance(
    'SqlStore on PostgreSQL',
    sqlStore(() => postgresForTest(url)),
  );
