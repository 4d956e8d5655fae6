// SPDX-License-Identifier: MIT
// The contract suite (the same one the mock passes) against the reference server over real HTTP.
import { runContractSuite } from '../../mock/test/contract/suite.js';
import { createServer, type KcServer } from '../src/server.js';
import { signHs256 } from '../src/security/jwt.js';

const IDENTITY_SECRET = 'contract-suite-identity-secret';
const OPERATOR = 'contract-suite-operator-token';
const SUPERVISOR = 'contract-suite-supervisor-token';
// A Monday morning inside the demo center's working hours, moving with real time from there.
const START = Date.parse('2026-11-23T10:00:00+05:00');

let server: KcServer;

runContractSuite({
  name: 'the reference server',
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
    server = await createServer({
      memory: true,
      port: 0,
      clock: { now: () => new Date(START + (Date.now() - t0)) },
      operatorTokens: [
        // The demo operators, so that the suite's operators have names and chat capacity.
        { id: '0f1e2d3c-4b5a-4697-8877-665544332211', role: 'operator', token: OPERATOR },
        { id: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f', role: 'supervisor', token: SUPERVISOR },
      ],
      identity: { secret: IDENTITY_SECRET },
    });
  },
  after: () => server.close(),
});
