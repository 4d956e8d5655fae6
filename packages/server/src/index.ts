// SPDX-License-Identifier: MIT
/**
 * `@kc/server`: the reference server. `@kc/backend` on PostgreSQL (embedded PGlite in a data directory, or a real
 * PostgreSQL through `DATABASE_URL`) behind HTTP with Fastify: every operation of the contract, requests and answers
 * validated against the contract's own schemas, realtime over Server-Sent Events fanned out through
 * `LISTEN/NOTIFY`, and the operator API behind tokens.
 *
 * @packageDocumentation
 */

export { createServer } from './server.js';
export type { KcServer, ServerOptions } from './server.js';
export { runServer } from './run.js';
export { seedDemoData } from './demo-data.js';
export type { DemoData } from './demo-data.js';
export type { RunOptions } from './run.js';
export { optionsFromEnv } from './env.js';
export type { EnvOptions } from './env.js';
export type { StaticDir } from './http/static.js';
export type { SseOptions } from './http/sse.js';
export { SqlStore, EVENTS_CHANNEL } from './store/sql-store.js';
export type { Db, Queryable, QueryResult, SqlValue } from './db/db.js';
export { openPglite } from './db/pglite.js';
export type { PgliteLocation } from './db/pglite.js';
export { openPostgres } from './db/postgres.js';
export type { PostgresOptions } from './db/postgres.js';
export { migrate, readMigrations, MIGRATIONS_DIR } from './db/migrate.js';
export type { Migration } from './db/migrate.js';
export { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from './db/lock.js';
export { createIdentityVerifier, signHs256, TokenError } from './security/jwt.js';
export type { IdentityClaims, IdentityVerifier, IdentityVerifierOptions } from './security/jwt.js';
export { parseOperatorTokens } from './security/operators.js';
export type { OperatorIdentity, OperatorRole, OperatorToken } from './security/operators.js';
export { PAGE_CSP } from './security/headers.js';
