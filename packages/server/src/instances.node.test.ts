// SPDX-License-Identifier: MIT
// Servers that share state: several instances on one PostgreSQL (when KC_TEST_DATABASE_URL is set), and one
// PGlite data directory across a restart and against a second server.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DataDirLockedError } from './db/lock.js';
import { createServer, type KcServer } from './server.js';
import { freshPostgresDatabase, TEST_DATABASE_URL } from './testing/databases.js';
import { exampleOutage } from './testing/fixtures.js';
import { openStream } from './testing/sse-client.js';

const TOKEN = 'supervisor-token-for-tests-0001';
const operatorTokens = [{ id: 'daniyar', role: 'supervisor' as const, token: TOKEN }];
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
    body: JSON.stringify(body),
  });

const url = TEST_DATABASE_URL;
if (url) {
  describe('two instances on one PostgreSQL', () => {
    it('share event streams and idempotency keys', async () => {
      const database = await freshPostgresDatabase(url);
      const servers: KcServer[] = [];
      try {
        const [a, b] = await Promise.all([
          createServer({ databaseUrl: database.url, port: 0, operatorTokens, memory: false }),
          createServer({ databaseUrl: database.url, port: 0, operatorTokens, memory: false }),
        ]);
        servers.push(a, b);
        // A stream held by B sees an outage published through A.
        const stream = await openStream(`${b.url}/api/v1/outages/events`);
        assert.equal(stream.status, 200);
        const published = await post(`${a.url}/api/v1/operator/outages`, exampleOutage(), {
          authorization: `Bearer ${TOKEN}`,
        });
        assert.equal(published.status, 201, await published.clone().text());
        const outage = (await published.json()) as { id: string };
        const event = await stream.next((e) => e.event === 'outage.published');
        assert.equal((event.data as { id: string }).id, outage.id);
        // An Idempotency-Key used on A is answered by B with A's answer.
        const key = randomUUID();
        const input = exampleOutage();
        const headers = { authorization: `Bearer ${TOKEN}`, 'idempotency-key': key };
        const first = await post(`${a.url}/api/v1/operator/outages`, input, headers);
        assert.equal(first.status, 201);
        const again = await post(`${b.url}/api/v1/operator/outages`, input, headers);
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('idempotency-replayed'), 'true');
        assert.deepEqual(await again.json(), await first.json());
        stream.close();
      } finally {
        await Promise.all(servers.map((s) => s.close()));
        await database.drop();
      }
    });
  });
}

describe('a PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-data-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused to a second server while the first runs, and keeps its data across a restart, seeded once', async () => {
    let seeded = 0;
    const seed = async (): Promise<void> => {
      seeded++;
    };
    const first = await createServer({ dataDir: dir, port: 0, operatorTokens, seed });
    let outageId: string;
    try {
      await assert.rejects(
        createServer({ dataDir: dir, port: 0, operatorTokens }),
        (error: unknown) =>
          error instanceof DataDirLockedError &&
          error.message === `another kc server (PID ${process.pid}) is using ${dir}; stop it or set KC_DATA_DIR`,
      );
      const res = await post(`${first.url}/api/v1/operator/outages`, exampleOutage(), {
        authorization: `Bearer ${TOKEN}`,
      });
      assert.equal(res.status, 201, await res.clone().text());
      outageId = ((await res.json()) as { id: string }).id;
    } finally {
      await first.close();
    }
    const second = await createServer({ dataDir: dir, port: 0, operatorTokens, seed });
    assert.equal(seeded, 1, 'demo data is seeded on the first start only');
    try {
      const list = await fetch(`${second.url}/api/v1/outages`);
      assert.equal(list.status, 200);
      const items = ((await list.json()) as { items: { id: string }[] }).items;
      assert.ok(items.some((o) => o.id === outageId));
    } finally {
      await second.close();
    }
  });
});
