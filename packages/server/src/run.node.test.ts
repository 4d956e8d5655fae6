// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runServer } from './run.js';
import { openStream } from './testing/sse-client.js';

const dir = mkdtempSync(join(tmpdir(), 'kc-run-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('runServer', () => {
  it('refuses a configuration file that breaks the contract, naming the fields', async () => {
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ name: { kk: 'Орталық' }, locales: ['xx'] }));
    await assert.rejects(
      runServer({ env: { PORT: '0', KC_CONFIG_FILE: file }, memory: true, handleSignals: false, print: () => {} }),
      (error: Error) =>
        /KC_CONFIG_FILE does not match the contract's Config/.test(error.message) && /\/locales/.test(error.message),
    );
  });

  it('starts from the environment, prints the addresses and the demo token, and marks operators online', async () => {
    const lines: string[] = [];
    const server = await runServer({
      env: { PORT: '0', KC_LOG: '0', KC_ALLOWED_ORIGINS: 'https://portal.example.kz, https://e.gov.kz/' },
      memory: true,
      handleSignals: false,
      print: (line) => lines.push(line),
      pages: { 'example portal': '/', 'operator console': '/operator/' },
    });
    try {
      const banner = lines.join('\n');
      assert.match(banner, new RegExp(`${server.url}/api/v1`));
      assert.match(banner, new RegExp(`operator console\\s+${server.url}/operator/`));
      assert.ok(server.demoToken && banner.includes(server.demoToken.token));
      const cors = await fetch(`${server.url}/api/v1/config`, { headers: { origin: 'https://e.gov.kz' } });
      assert.equal(cors.headers.get('access-control-allow-origin'), 'https://e.gov.kz');
      const online = async (): Promise<number> => {
        const queue = (await (await fetch(`${server.url}/api/v1/queue`)).json()) as {
          channels: { channel: string; operatorsOnline: number }[];
        };
        return queue.channels.find((c) => c.channel === 'chat')!.operatorsOnline;
      };
      assert.equal(await online(), 0);
      const console_ = await openStream(`${server.url}/api/v1/operator/events`, {
        authorization: `Bearer ${server.demoToken.token}`,
      });
      assert.equal(console_.status, 200);
      for (let i = 0; i < 50 && (await online()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(await online(), 1, 'an operator is online while their console is connected');
      console_.close();
      for (let i = 0; i < 50 && (await online()) === 1; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(await online(), 0, 'and offline when it disconnects');
    } finally {
      await server.close();
    }
  });
});
