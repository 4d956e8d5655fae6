// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { seedDemoData, type DemoData } from './demo-data.js';
import { createServer, type KcServer } from './server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'kc-demo-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

describe('demo data', () => {
  it('fills a new data directory once: appeals in several statuses, a resolved outage, a callback', async () => {
    const seeded: DemoData[] = [];
    const start = (): Promise<KcServer> =>
      createServer({
        dataDir,
        port: 0,
        seed: async (backend, store) => void seeded.push(await seedDemoData(backend, store)),
      });
    const read = async (server: KcServer) => {
      const headers = { authorization: `Bearer ${server.demoToken!.token}` };
      const get = async <T>(path: string): Promise<T> => {
        const res = await fetch(`${server.url}/api/v1${path}`, { headers });
        assert.equal(res.status, 200, await res.clone().text());
        return (await res.json()) as T;
      };
      return {
        complaints: (await get<{ items: { trackingNumber: string; status: string }[] }>('/operator/complaints')).items,
        outages: (await get<{ items: unknown[] }>('/outages')).items,
        resolved: (await get<{ items: unknown[] }>('/outages?status=resolved')).items,
        callbacks: await get<{ items: unknown[] }>('/operator/callbacks'),
      };
    };

    let server = await start();
    let first;
    try {
      first = await read(server);
    } finally {
      await server.close();
    }
    assert.equal(seeded.length, 1);
    const statuses = new Set(first.complaints.map((c) => c.status));
    assert.ok(first.complaints.length >= 4);
    assert.ok(statuses.size >= 3, `statuses: ${[...statuses].join(', ')}`);
    assert.deepEqual(
      seeded[0]!.complaints.map((c) => c.trackingNumber).sort(),
      first.complaints.map((c) => c.trackingNumber).sort(),
    );
    assert.deepEqual(first.outages, [], 'no outage is active');
    assert.equal(first.resolved.length, 1, 'one outage, resolved');
    assert.equal(first.callbacks.items.length, seeded[0]!.callback ? 1 : 0);

    server = await start();
    try {
      const second = await read(server);
      assert.equal(seeded.length, 1, 'a restart does not seed again');
      assert.deepEqual(second.complaints, first.complaints);
    } finally {
      await server.close();
    }
  });
});
