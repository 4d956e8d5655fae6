// SPDX-License-Identifier: MIT
// The contract suite (the same one the mock passes) against the reference server over real HTTP: on PGlite, and
// on a real PostgreSQL too when KC_TEST_DATABASE_URL is set.
import { runContractSuite } from '../../mock/test/contract/suite.js';
import { createServer, type KcServer, type ServerOptions } from '../src/server.js';
import { signHs256 } from '../src/security/jwt.js';
import { freshPostgresDatabase, TEST_DATABASE_URL } from '../src/testing/databases.js';

const IDENTITY_SECRET = 'contract-suite-identity-secret';
const OPERATOR = 'contract-suite-operator-token';
const SUPERVISOR = 'contract-suite-supervisor-token';
// A Monday morning inside the demo center's working hours, moving with real time from there.
const START = Date.parse('2026-11-23T10:00:00+05:00');

function suite(name: string, storage: () => Promise<{ options: Partial<ServerOptions>; drop?: () => Promise<void> }>) {
  let server: KcServer;
  let drop: (() => Promise<void>) | undefined;
  // How far the suite moved the server's clock on (a silent citizen).
  let skipped = 0;
  runContractSuite({
    name,
    baseUrl: () => `${server.url}/api/v1`,
    operatorToken: OPERATOR,
    supervisorToken: SUPERVISOR,
    identityToken: () =>
      signHs256(
        { sub: 'egov-contract-suite', name: 'Әйгерім Сейтқали', exp: Math.floor(Date.now() / 1000) + 3600 },
        IDENTITY_SECRET,
      ),
    before: async () => {
      const t0 = Date.now();
      const chosen = await storage();
      drop = chosen.drop;
      server = await createServer({
        ...chosen.options,
        port: 0,
        clock: { now: () => new Date(START + skipped + (Date.now() - t0)) },
        operatorTokens: [
          // Two of the demo operators, so that the suite's operators have names and chat capacity.
          { id: '0f1e2d3c-4b5a-4697-8877-665544332211', role: 'operator', token: OPERATOR },
          { id: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f', role: 'supervisor', token: SUPERVISOR },
        ],
        identity: { secret: IDENTITY_SECRET },
      });
    },
    silence: async (seconds) => {
      skipped += seconds * 1000;
      await server.backend.tick();
    },
    after: async () => {
      await server.close();
      await drop?.();
    },
  });
}

suite('the reference server on PGlite', async () => ({ options: { memory: true } }));

const url = TEST_DATABASE_URL;
if (url) {
  suite('the reference server on PostgreSQL', async () => {
    const database = await freshPostgresDatabase(url);
    return { options: { databaseUrl: database.url }, drop: database.drop };
  });
}
