// SPDX-License-Identifier: MIT
/**
 * Databases for the server's tests: one PGlite per test file (its first open costs ~5 s and ~830 MB, so never
 * one per test), and the real PostgreSQL of `KC_TEST_DATABASE_URL` when CI provides one.
 *
 * @packageDocumentation
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';

/** The real PostgreSQL for tests, or `undefined` when none is configured. */
export const TEST_DATABASE_URL = process.env.KC_TEST_DATABASE_URL || undefined;

/** Every table of the store, for emptying between tests. */
const TABLES = [
  'kc_complaints',
  'kc_attachments',
  'kc_chat_sessions',
  'kc_chat_messages',
  'kc_callbacks',
  'kc_outages',
  'kc_ratings',
  'kc_operators',
  'kc_idempotency',
  'kc_event_streams',
  'kc_events',
  'kc_rate_limits',
  'kc_sequences',
];

/** Empties every store table (not `schema_migrations` nor `kc_settings`). */
export async function truncateAll(db: Db): Promise<void> {
  await db.query(`TRUNCATE ${TABLES.join(', ')}`);
}

/** A migrated in-memory PGlite. */
export async function memoryPglite(): Promise<Db> {
  const db = await openPglite({ memory: true });
  await migrate(db);
  return db;
}

/**
 * Creates a fresh database on the test PostgreSQL, so that test files running at the same time do not share
 * tables, and returns its URL and a function that drops it.
 */
export async function freshPostgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated database on the test PostgreSQL, dropped by `close()`. */
export async function postgresForTest(url: string): Promise<Db> {
  const fresh = await freshPostgresDatabase(url);
  const db = await openPostgres({ connectionString: fresh.url });
  await migrate(db);
  return {
    ...db,
    kind: db.kind,
    async close() {
      await db.close();
      await fresh.drop();
    },
  };
}
