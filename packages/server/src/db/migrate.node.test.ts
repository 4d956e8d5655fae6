// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { migrate, readMigrations, splitStatements, type Migration } from './migrate.js';
import { freshPostgresDatabase, TEST_DATABASE_URL } from '../testing/databases.js';

const extra: Migration = {
  version: 9001,
  name: '9001_extra.sql',
  sql: `-- a comment; with a semicolon
        CREATE TABLE kc_test_extra (id int PRIMARY KEY, note text DEFAULT 'a;b');
        INSERT INTO kc_test_extra (id) VALUES (1);
        CREATE FUNCTION kc_test_fn() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;`,
};

describe('migrations', () => {
  it('are numbered SQL files, read in order', () => {
    const list = readMigrations();
    assert.ok(list.length >= 1);
    assert.equal(list[0]!.version, 1);
    assert.deepEqual(
      list.map((m) => m.version),
      [...list.map((m) => m.version)].sort((a, b) => a - b),
    );
  });

  it('split into statements around comments, strings and $$ bodies', () => {
    assert.deepEqual(splitStatements(extra.sql).length, 3);
    assert.match(splitStatements(extra.sql)[0]!, /DEFAULT 'a;b'/);
    assert.match(splitStatements(extra.sql)[2]!, /RETURN 1; END; \$\$ LANGUAGE/);
  });

  it('apply once on PGlite, recorded in schema_migrations, and roll back whole on an error', async () => {
    const db = await openPglite({ memory: true });
    after(() => db.close());
    const all = readMigrations();
    assert.deepEqual(
      await migrate(db),
      all.map((m) => m.version),
    );
    assert.deepEqual(await migrate(db), []);
    assert.deepEqual(await migrate(db, [...all, extra]), [9001]);
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((r) => r.version),
      [...all.map((m) => m.version), 9001],
    );
    const broken: Migration[] = [
      { version: 9002, name: '9002_a.sql', sql: 'CREATE TABLE kc_test_a (id int)' },
      { version: 9003, name: '9003_b.sql', sql: 'CREATE TABLE kc_test_b (id nonsense_type)' },
    ];
    await assert.rejects(migrate(db, broken));
    const left = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'kc_test_a'");
    assert.equal(left.rows.length, 0, 'the first migration of a failed run is rolled back too');
  });

  if (TEST_DATABASE_URL) {
    const url = TEST_DATABASE_URL;
    it('run once when two instances start together on PostgreSQL', async () => {
      const fresh = await freshPostgresDatabase(url);
      const a = await openPostgres({ connectionString: fresh.url });
      const b = await openPostgres({ connectionString: fresh.url });
      try {
        const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
        assert.deepEqual(
          [...ra, ...rb].sort((x, y) => x - y),
          readMigrations().map((m) => m.version),
        );
        assert.ok(ra.length === 0 || rb.length === 0);
      } finally {
        await a.close();
        await b.close();
        await fresh.drop();
      }
    });
  }
});
