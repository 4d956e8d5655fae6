// SPDX-License-Identifier: MIT
import pg from 'pg';
import { bindParams, quoteIdent, type Db, type Queryable, type QueryResult, type SqlValue } from './db.js';

/** Options of {@link openPostgres}. */
export interface PostgresOptions {
  /** A `postgres://` connection string (`DATABASE_URL`). */
  readonly connectionString: string;
  /**
   * Connections in the pool, besides the one dedicated to `LISTEN`.
   *
   * @default 10
   */
  readonly max?: number;
}

// int8 (20) as a number, like PGlite; ids stay far below 2^53. Other types keep pg's parsers.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};

function wrap(q: { query: (sql: string, params: unknown[]) => Promise<pg.QueryResult> }): Queryable {
  return {
    async query<Row>(sql: string, params?: readonly SqlValue[]): Promise<QueryResult<Row>> {
      const r = await q.query(sql, bindParams(params));
      return { rows: r.rows as Row[], rowCount: r.rowCount ?? r.rows.length };
    },
  };
}

/**
 * Connects to a real PostgreSQL. Queries go through a pool; `LISTEN` uses one dedicated client (a pooled one would
 * lose its notifications when returned), which reconnects and listens again after a connection loss.
 *
 * @example
 * ```ts
 * const db = await openPostgres({ connectionString: process.env.DATABASE_URL! });
 * ```
 */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10, types });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listener: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;

  async function connectListener(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: options.connectionString, types });
    client.on('notification', (msg) => {
      for (const cb of listeners.get(msg.channel) ?? []) cb(msg.payload ?? '');
    });
    client.on('error', () => {
      if (listener === client) listener = undefined;
      if (!closed) setTimeout(() => void ensureListener().catch(() => {}), 500).unref();
    });
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    listener = client;
    return client;
  }
  function ensureListener(): Promise<pg.Client> {
    if (listener) return Promise.resolve(listener);
    connecting ??= connectListener().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: (sql, params) => base.query(sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      let set = listeners.get(channel);
      const first = !set;
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(onPayload);
      const client = await ensureListener();
      if (first) await client.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        const s = listeners.get(channel);
        if (!s?.delete(onPayload) || s.size > 0) return;
        listeners.delete(channel);
        if (listener && !closed) await listener.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => {});
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      await listener?.end().catch(() => {});
      listener = undefined;
      await pool.end();
    },
  };
}
