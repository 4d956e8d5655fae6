// SPDX-License-Identifier: MIT
/**
 * The one tiny database interface of the server. Two drivers implement it with the same SQL: embedded PGlite
 * ({@link openPglite}) and a real PostgreSQL through `pg` ({@link openPostgres}).
 *
 * @packageDocumentation
 */

/** A value that can be bound to a `$n` parameter. Objects and arrays are bound as JSON. */
export type SqlValue = string | number | boolean | null | Date | readonly unknown[] | Record<string, unknown>;

/** The rows of a query. */
export interface QueryResult<Row> {
  /** The rows, with `int8` read as `number`, `jsonb` as parsed JSON and `timestamptz` as `Date`. */
  readonly rows: Row[];
  /** How many rows an `INSERT`, `UPDATE` or `DELETE` touched. */
  readonly rowCount: number;
}

/** What can run SQL: the database, or one transaction of it. */
export interface Queryable {
  /**
   * Runs one statement with `$1…$n` parameters.
   *
   * @example
   * ```ts
   * const { rows } = await db.query<{ id: number }>('SELECT id FROM kc_events WHERE stream = $1', [stream]);
   * ```
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<QueryResult<Row>>;
}

/** A connection to PostgreSQL (embedded or real). */
export interface Db extends Queryable {
  /** Which driver this is. PGlite has one process per data directory; PostgreSQL may have many instances. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (and the error rethrown).
   * On PGlite every other query waits for the transaction; on PostgreSQL it runs at `READ COMMITTED`, so take
   * row locks (`SELECT … FOR UPDATE`) or advisory locks where two instances could race.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` for every `NOTIFY` on `channel`, from this process or (on PostgreSQL) any other.
   *
   * @returns A function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Sends a notification; inside a transaction, use `SELECT pg_notify($1, $2)` on the transaction instead. */
  notify(channel: string, payload: string): Promise<void>;
  /** Closes the connection (and releases the data directory's lock on PGlite). */
  close(): Promise<void>;
}

/** Quotes an identifier for SQL (channel names in `LISTEN`). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** JSON-encodes objects and arrays so that both drivers bind them to `jsonb` the same way. */
export function bindParams(params: readonly SqlValue[] | undefined): unknown[] {
  if (!params) return [];
  return params.map((p) => (p !== null && typeof p === 'object' && !(p instanceof Date) ? JSON.stringify(p) : p));
}
