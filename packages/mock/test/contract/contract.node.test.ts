// SPDX-License-Identifier: MIT
// The contract suite against the mock in Node (msw's request interception).
import { startMockServer, type MockServer } from '@kc/mock/node';
import { runContractSuite } from './suite.js';

let mock: MockServer;

runContractSuite({
  name: 'the mock in Node',
  baseUrl: 'http://kc.test/api/v1',
  operatorToken: () => mock.tokens.operator,
  supervisorToken: () => mock.tokens.supervisor,
  identityToken: () => mock.identityToken({ sub: 'egov-contract-suite', name: 'Әйгерім Сейтқали' }),
  before: async () => {
    mock = await startMockServer({
      baseUrl: 'http://kc.test/api/v1',
      // A Monday morning inside working hours; time stands still unless a test moves it.
      clock: { start: '2026-11-23T10:00:00+05:00', realtime: false },
      operator: false,
    });
  },
  // The clock's advance runs the backend's periodic work that falls due, the sweep of silent chats included.
  silence: (seconds) => mock.clock.advance(seconds * 1000),
  after: () => mock.stop(),
});
